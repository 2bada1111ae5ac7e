"""Faults around the pipeline: a locked or unusable cache, Ctrl+C while exporting or indexing.

Every case must end in one clear line, the run goes on (or stops cleanly), and nothing the user has on
disk is changed, lost or left half-written.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import cache as cache_module
from briefing.article import Problem
from briefing.cache import AnalysisCache, open_cache
from briefing.cache_file import FILE_NAME
from briefing.cli import main
from briefing.config import load_config

ARTICLE = (
    "Morocco and Syria agree talks {i}\n\n"
    "Moroccan Foreign Minister Nasser Bourita said on Monday that Rabat would reopen its embassy "
    'in Damascus in March {year}. "We want closer ties," he said.\n\n'
    "Syria and Morocco signed a trade deal in Damascus in 2016, officials in Rabat said.\n"
)
OTHER = (
    "Japan and Brazil hold summit {i}\n\n"
    "Japanese Prime Minister Fumio Kishida said in Tokyo on Tuesday that Japan and Brazil would expand "
    'trade from April {year}. "Brazil is a close partner," he said after meeting Brazilian officials.\n'
)


def write_corpus(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = (OTHER if i % 2 else ARTICLE).format(i=i, year=2000 + i)  # two pairs: two briefs and index.md
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def all_files(folder: Path) -> list[str]:
    """Every entry, hidden temporary files included."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with its own cache; caches given up on in other tests are forgotten."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cache_module, "_GAVE_UP", set())
    return tmp_path


def config_with_cache(tmp_path: Path, directory: Path) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{directory.as_posix()}"\n[analysis]\nprocesses = 1\n', encoding="utf-8")
    return cfg


@pytest.fixture()
def held_cache(work: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A real briefing cache with another connection in it; the test decides which lock that one takes."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.5)
    folder = work / "cachedir"
    folder.mkdir()
    AnalysisCache(folder / FILE_NAME, "m", "1", "a").close()
    other = sqlite3.connect(folder / FILE_NAME, isolation_level=None, timeout=0)
    yield folder, other
    other.close()


def cache_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning: ") and ": cache " in line]


def hold_lock(other: sqlite3.Connection, *, exclusive: bool) -> None:
    """Another process in the middle of a write; `exclusive` also shuts out readers (no WAL reads)."""
    if exclusive:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO listing VALUES ('theirs', '{}', 0)")


# -- a locked cache ---------------------------------------------------------------------------------


def test_exclusively_locked_cache_is_left_alone_and_the_run_goes_on(
    work: Path, held_cache: tuple[Path, sqlite3.Connection], capsys: pytest.CaptureFixture[str]
) -> None:
    """Another process holding an exclusive lock past the timeout: one warning, no rename, no hang."""
    folder, other = held_cache
    hold_lock(other, exclusive=True)
    cfg = config_with_cache(work, folder)
    started = time.monotonic()
    assert main(["brief", str(write_corpus(work / "news")), "--config", str(cfg), "--format", "json"]) == 0
    assert time.monotonic() - started < 120
    out, err = capsys.readouterr()
    assert '"schema": 1' in out and "Traceback" not in err
    lines = cache_lines(err)
    assert len(lines) == 1 and lines[0].startswith(f"warning: {folder}: ") and "locked" in lines[0], err
    assert "moved to" not in err
    assert all_files(folder) == sorted(n for n in all_files(folder) if ".corrupt-" not in n)  # nothing set aside
    other.execute("COMMIT")
    other.close()
    # The other process's work is intact and the cache is usable again on the next run.
    with sqlite3.connect(folder / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM listing WHERE key='theirs'").fetchone() == (1,)
    cache_module._GAVE_UP.clear()
    assert main(["brief", str(work / "news"), "--config", str(cfg), "--format", "json"]) == 0
    assert cache_lines(capsys.readouterr().err) == []


def test_cache_busy_with_a_long_write_warns_once_and_the_run_goes_on(
    work: Path, held_cache: tuple[Path, sqlite3.Connection], capsys: pytest.CaptureFixture[str]
) -> None:
    """WAL: reading works, writing waits for the timeout, then the rest of the run skips the cache."""
    folder, other = held_cache
    hold_lock(other, exclusive=False)
    cfg = config_with_cache(work, folder)
    assert main(["export", str(write_corpus(work / "news")), "--config", str(cfg), "-o", str(work / "out")]) == 0
    err = capsys.readouterr().err
    lines = cache_lines(err)
    assert len(lines) == 1 and "locked" in lines[0] and "continuing without it" in lines[0], err
    assert (work / "out" / "index.md").is_file()
    other.execute("COMMIT")
    assert not [n for n in all_files(folder) if ".corrupt-" in n]


def test_open_cache_on_a_locked_file_returns_none_quickly(
    work: Path, held_cache: tuple[Path, sqlite3.Connection], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, other = held_cache
    hold_lock(other, exclusive=True)
    config = load_config(config_with_cache(work, folder))
    started = time.monotonic()
    problems: list[Problem] = []
    assert open_cache(config, problems.append) is None
    assert open_cache(config, problems.append) is None  # given up for this run: no second wait, no second warning
    assert time.monotonic() - started < 5
    assert len(problems) == 1 and "cache unavailable" in problems[0].message
    assert capsys.readouterr().err == ""  # the core reports, it does not print


# -- a cache that cannot be created ---------------------------------------------------------------


def test_a_file_where_the_cache_folder_should_be(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = work / "notafolder"
    blocker.write_bytes(b"the user's own file\n")
    cfg = config_with_cache(work, blocker)
    assert main(["brief", str(write_corpus(work / "news")), "--config", str(cfg)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# ")
    lines = cache_lines(err)
    assert len(lines) == 1 and lines[0].startswith(f"warning: {blocker}: cache unavailable ("), err
    assert "Errno" not in lines[0] and "\n" not in lines[0].strip()
    assert blocker.read_bytes() == b"the user's own file\n"


def test_a_folder_where_the_cache_file_should_be_is_not_moved(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = work / "cachedir"
    (folder / FILE_NAME).mkdir(parents=True)
    (folder / FILE_NAME / "keep.txt").write_text("mine")
    cfg = config_with_cache(work, folder)
    assert main(["brief", str(write_corpus(work / "news")), "--config", str(cfg), "--format", "json"]) == 0
    err = capsys.readouterr().err
    lines = cache_lines(err)
    assert len(lines) == 1 and "cache unavailable" in lines[0] and "moved to" not in err, err
    assert all_files(folder) == [FILE_NAME]
    assert (folder / FILE_NAME / "keep.txt").read_text() == "mine"


def test_index_with_an_unusable_cache_says_so_and_exits_cleanly(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = work / "notafolder"
    blocker.write_text("x")
    cfg = config_with_cache(work, blocker)
    code = main(["index", str(write_corpus(work / "news")), "--config", str(cfg)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert len(cache_lines(err)) == 1 and blocker.read_text() == "x"
    # Nothing was stored, so nothing is claimed to be (it used to print "indexed 3 articles").
    assert "indexed" not in out
    assert "briefing: error: analysed 3 articles, but the cache could not keep them; 0 of 3 are cached" in err


# -- Ctrl+C while writing ---------------------------------------------------------------------------


@pytest.fixture()
def warm(work: Path) -> Path:
    """A corpus already analysed into the cache, so the interrupted command gets to its writing quickly."""
    news = write_corpus(work / "news")
    assert main(["brief", str(news), "--format", "json", "-o", str(work / "warm.json")]) == 0
    return news


def interrupt_on_call(monkeypatch: pytest.MonkeyPatch, name: str, n: int, *, after: bool = False) -> list[int]:
    """Make the n-th call of os.<name> raise KeyboardInterrupt (before or after doing its work)."""
    real = getattr(os, name)
    calls = [0]

    def wrapper(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] == n and not after:
            raise KeyboardInterrupt
        result = real(*args, **kwargs)
        if calls[0] == n:
            raise KeyboardInterrupt
        return result

    monkeypatch.setattr(os, name, wrapper)
    return calls


@pytest.mark.parametrize(
    ("name", "n", "after"),
    [("fsync", 1, False), ("fsync", 2, False), ("link", 1, True), ("link", 2, False), ("link", 2, True)],
)
def test_ctrl_c_during_export_leaves_no_file_at_all(
    work: Path,
    warm: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    n: int,
    after: bool,
) -> None:
    out = work / "out"
    capsys.readouterr()
    calls = interrupt_on_call(monkeypatch, name, n, after=after)
    assert main(["export", str(warm), "-o", str(out)]) == 130
    assert calls[0] >= n
    assert all_files(out) == []  # neither temporary nor finished files
    assert capsys.readouterr().err.strip().splitlines()[-1] == "briefing: interrupted"
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(work / "cache"))
    assert main(["export", str(warm), "-o", str(out)]) == 0  # and the next export works normally
    assert "index.md" in all_files(out) and not [f for f in all_files(out) if f.startswith(".")]


def test_ctrl_c_during_export_keeps_earlier_files_byte_identical(
    work: Path, warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = work / "out"
    assert main(["export", str(warm), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "index.md").unlink()  # one file to write, the others exist
    before.pop("index.md")
    interrupt_on_call(monkeypatch, "link", 1, after=True)
    assert main(["export", str(warm), "-o", str(out)]) == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.parametrize(("name", "after"), [("fsync", False), ("link", False), ("link", True)])
def test_ctrl_c_during_brief_output_file_leaves_nothing(
    work: Path, warm: Path, monkeypatch: pytest.MonkeyPatch, name: str, after: bool
) -> None:
    out = work / "briefs"
    out.mkdir()
    interrupt_on_call(monkeypatch, name, 1, after=after)
    assert main(["brief", str(warm), "-o", str(out / "all.md")]) == 130
    assert all_files(out) == []


# -- Ctrl+C while indexing --------------------------------------------------------------------------


def test_ctrl_c_during_index_keeps_a_usable_cache(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process variant of the speed test: the interruption comes from inside the analysis loop."""
    from briefing.analyze.analyzer import Analyzer

    news = write_corpus(work / "news", 6)
    cfg = work / "config.toml"
    cfg.write_text("[analysis]\nprocesses = 1\nbatch_size = 1\n")
    real = Analyzer.iter_analyze

    def stop_after_three(self: Analyzer, articles: object, progress: object = None) -> Iterator[object]:
        for n, result in enumerate(real(self, articles, progress), start=1):  # type: ignore[arg-type]
            yield result
            if n == 3:
                raise KeyboardInterrupt

    monkeypatch.setattr(Analyzer, "iter_analyze", stop_after_three)
    monkeypatch.setattr(cache_module, "COMMIT_EVERY", 1)
    assert main(["index", str(news), "--config", str(cfg)]) == 130
    err = capsys.readouterr().err
    assert "interrupted: 3 of 6 articles are cached" in err and "Traceback" not in err
    db_path = Path(os.environ["XDG_CACHE_HOME"]) / "briefing" / FILE_NAME
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    monkeypatch.setattr(Analyzer, "iter_analyze", real)
    assert main(["index", str(news), "--config", str(cfg)]) == 0
    out, err = capsys.readouterr()
    assert "(3 analysed, 3 already in the cache)" in out and cache_lines(err) == []
