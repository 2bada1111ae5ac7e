"""The `briefing` command as a user runs it: help, version, exit codes and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")
    env["XDG_CONFIG_HOME"] = str(cwd / ".config")
    if config:
        env["BRIEFING_CONFIG"] = str(config)
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}"


@pytest.mark.parametrize("command", ["", "brief"])
def test_help(tmp_path: Path, command: str) -> None:
    result = run(*([command] if command else []), "--help", cwd=tmp_path)
    assert result.returncode == 0 and "usage: briefing" in result.stdout


def test_markdown_brief_of_one_pair_from_any_folder(tmp_path: Path) -> None:
    result = run("brief", str(REPO / "seeds"), "--pair", "syr-mar", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morocco – Syria")
    assert "Bourita" in result.stdout


def test_unknown_pair_is_exit_1_with_the_known_pairs(tmp_path: Path) -> None:
    result = run("brief", str(REPO / "seeds"), "--pair", "FRA-DEU", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "MAR-SYR" in result.stderr and "Traceback" not in result.stderr


def test_no_usable_article_is_exit_1_and_bad_files_warn(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run("brief", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr and "no usable article" in result.stderr


def test_usage_error_is_exit_2(tmp_path: Path) -> None:
    result = run("brief", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_broken_config_is_exit_2_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[analysis\nmodel = 1\n")
    result = run("brief", str(REPO / "seeds"), cwd=tmp_path, config=bad)
    assert result.returncode == 2
    assert result.stderr.startswith("briefing: error: ") and "line 1" in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_model_says_how_to_install(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[analysis]\nmodel = "en_core_web_nonexistent"\n[cache]\nenabled = false\n')
    result = run("brief", str(REPO / "seeds"), cwd=tmp_path, config=cfg)
    assert result.returncode == 2
    assert "en_core_web_nonexistent" in result.stderr and "pip install" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("my earlier export\n")
    result = run("brief", str(REPO / "seeds"), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert out.read_text() == "my earlier export\n"
    result = run("brief", str(REPO / "seeds"), "-o", str(out), "--force", cwd=tmp_path)
    assert result.returncode == 0 and out.read_text().startswith("# ")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
