"""Choosing the engine from the command line: the one-line errors, with or without Ray installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO.parent / "shared" / "corpora" / "bbc" / "politics" / "001.txt"

WITHOUT_RAY = "import sys; sys.modules['ray'] = None; from briefing.cli import main; sys.exit(main(sys.argv[1:]))"


def run(code: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("BRIEFING_CONFIG", None)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300)


def test_ray_engine_without_the_extra_says_what_to_install(tmp_path: Path) -> None:
    result = run(WITHOUT_RAY, "index", "--engine", "ray", str(ARTICLE), home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "briefing: error: the ray engine needs Ray: pip install 'briefing[ray]'"


def test_local_engine_never_imports_ray(tmp_path: Path) -> None:
    code = (
        "import sys; from briefing.cli import main; code = main(sys.argv[1:]); "
        "print('ray imported' if 'ray' in sys.modules else 'no ray'); sys.exit(code)"
    )
    result = run(code, "index", "--engine", "local", "--workers", "1", str(ARTICLE), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(1 analysed, 0 already in the cache)" in result.stdout and "no ray" in result.stdout


def test_address_and_workers_are_checked(tmp_path: Path) -> None:
    address = run(WITHOUT_RAY, "index", "--address", "auto", str(ARTICLE), home=tmp_path)
    assert address.returncode == 2 and "--address is for --engine ray" in address.stderr
    workers = run(WITHOUT_RAY, "index", "--workers", "0", str(ARTICLE), home=tmp_path)
    assert workers.returncode == 2 and "--workers must be 1 or more, not 0" in workers.stderr
