"""A launch served from the cache must not pay for spaCy or Textual: checked in fresh interpreters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from briefing.config import Config
    from briefing.ingest.load import ArticleStream

REPO = Path(__file__).resolve().parents[2]
HEADLESS = ["briefing.config", "briefing.ingest", "briefing.brief", "briefing.corpus", "briefing.cache", "briefing.cli"]


def run_python(code: str, *args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO, env=dict(os.environ), timeout=300
    )
    assert out.returncode == 0, out.stderr
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_headless_modules_import_neither_textual_nor_spacy() -> None:
    exports = sorted(
        f"briefing.export.{p.stem}" for p in (REPO / "briefing" / "export").glob("*.py") if p.stem != "__init__"
    )
    assert exports, "no export modules found"
    code = (
        "import importlib, json, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'textual', 'thinc'))\n"
        "print(json.dumps({'heavy': heavy}))\n"
    )
    result = run_python(code, *HEADLESS, *exports)
    assert result["heavy"] == []


def test_load_cached_on_a_cached_corpus_does_not_import_spacy(tmp_path: Path) -> None:
    """Fill the cache for a folder (without spaCy: the stored analysis is made up), then load it."""
    from briefing.article import AnalyzedArticle, Trend
    from briefing.cache import open_cache
    from briefing.config import load_config
    from briefing.corpus import load_cached

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Morocco and Syria talk {n}\n\nRabat said on Monday it would talk {n}.\n")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    config = load_config(cfg)
    corpus = load_cached([str(folder)], config)
    assert len(corpus.raw) == 3 and not corpus.analysed
    cache = open_cache(config, pytest.fail)
    assert cache is not None
    cache.put_many(
        AnalyzedArticle(r, ("MAR", "SYR"), (("MAR", "SYR"),), (), (), (), (), Trend("warming")) for r in corpus.raw
    )
    cache.close()

    code = (
        "import json, sys\n"
        "from briefing.config import load_config\n"
        "from briefing.corpus import load_cached\n"
        "c = load_cached([sys.argv[1]], load_config(sys.argv[2]))\n"
        "keys = [b.key for b in c.briefing]\n"
        "print(json.dumps({'raw': len(c.raw), 'cached': len(c.analysed), 'keys': keys,\n"
        "                  'spacy': 'spacy' in sys.modules, 'textual': 'textual' in sys.modules}))\n"
    )
    for _ in range(2):  # first run ingests the files, second takes the ingested articles from the cache too
        result = run_python(code, str(folder), str(cfg))
        assert result == {"raw": 3, "cached": 3, "keys": ["MAR-SYR"], "spacy": False, "textual": False}


def test_ingest_reused_only_while_files_are_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import corpus as corpus_mod
    from briefing.config import load_config

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("First headline\n\nBody of the first article.\n")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    config = load_config(cfg)
    calls: list[Sequence[str]] = []
    real = corpus_mod.article_stream

    def counting(paths: Sequence[str], config: Config) -> ArticleStream:
        """Every ingest of the reader's load builds its stream here (see corpus._ingest)."""
        calls.append(paths)
        return real(paths, config)

    monkeypatch.setattr(corpus_mod, "article_stream", counting)
    first = corpus_mod.load_cached([str(folder)], config)
    second = corpus_mod.load_cached([str(folder)], config)
    assert len(calls) == 1 and first.raw == second.raw
    (folder / "b.txt").write_text("Second headline\n\nBody of the second article.\n")
    third = corpus_mod.load_cached([str(folder)], config)
    assert len(calls) == 2 and len(third.raw) == 2
    fourth = corpus_mod.load_cached([str(folder)], config, use_cache=False)
    assert len(calls) == 3 and fourth.raw == third.raw


def test_first_screen_summary_is_read_without_the_analysis_records(tmp_path: Path) -> None:
    """The app's first frame reads last session's summary: that must not import the cache's record types."""
    code = (
        "import json, sys\n"
        "from briefing.config import load_config\n"
        "from briefing.cache_file import read_summary, summary_name\n"
        "config = load_config(sys.argv[1])\n"
        "read_summary(config, summary_name([sys.argv[2]], config))\n"
        "print(json.dumps({'loaded': sorted(m for m in sys.modules if m.startswith('briefing.'))}))\n"
    )
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    loaded = run_python(code, str(cfg), str(tmp_path))["loaded"]
    assert isinstance(loaded, list) and "briefing.cache_file" in loaded
    assert "briefing.cache" not in loaded and "briefing.article" not in loaded
