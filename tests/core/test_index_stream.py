"""`briefing index` streams: the reader stays a bounded distance ahead, and each result is stored as it comes.

Real BBC articles through the real local engine; no timing: the bound follows from the queue sizes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing import cache as cache_module
from briefing.analyze.analyzer import Analyzer
from briefing.article import Problem
from briefing.cache_file import FILE_NAME
from briefing.config import load_config
from briefing.corpus import Engine
from briefing.indexing import IndexCounts, index
from briefing.ingest import load_articles

BBC = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "bbc"
N_FILES = 24
QUEUE = 2
BATCH = 2


def bbc_files(n: int) -> list[str]:
    files = sorted(str(p) for p in BBC.rglob("*.txt") if p.name != "README.TXT")
    if len(files) < n:
        pytest.skip(f"the BBC corpus is not at {BBC}")
    return files[:: len(files) // n][:n]


def test_reader_stays_within_the_queue_bound_and_results_are_stored_as_they_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = bbc_files(N_FILES)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f"[analysis]\nprocesses = 1\nbatch_size = {BATCH}\n", encoding="utf-8")
    config = load_config(cfg)
    monkeypatch.setattr(cache_module, "COMMIT_EVERY", 1)  # every put is committed: visible to another reader
    problems: list[Problem] = []
    counts = IndexCounts()
    ahead: list[int] = []
    stored: list[int] = []
    files_read: list[int] = []
    results = []
    db_path = config.cache_dir / FILE_NAME
    for result in index(files, config, Engine("local", 1), on_problem=problems.append, counts=counts, queue_size=QUEUE):
        results.append(result)
        ahead.append(counts.read - counts.analysed)
        files_read.append(counts.files_read)
        with sqlite3.connect(db_path) as db:
            stored.append(db.execute("SELECT count(*) FROM analysis").fetchone()[0])
    assert problems == []
    assert counts.complete and counts.read == len(results) == N_FILES and counts.todo == N_FILES
    # Read ahead of the analysis: queue + the reader's article in hand + one group (<= queue) + the
    # parse batch + the article that closed it. Reading everything first would be N_FILES - 1 ahead.
    assert max(ahead) <= 2 * QUEUE + BATCH + 2 < N_FILES // 2
    assert files_read[0] < N_FILES  # the first result came before the last file was read
    assert stored == list(range(1, N_FILES + 1))  # each result was in SQLite before the next one
    # The same analysis as the whole-corpus path, article for article.
    direct = Analyzer(config.model, batch_size=BATCH, processes=1).analyze(load_articles(files).articles)
    assert [r.to_dict() for r in results] == [r.to_dict() for r in direct]


def test_a_second_run_skips_what_the_first_stored(tmp_path: Path) -> None:
    files = bbc_files(6)
    cfg = tmp_path / "config.toml"
    cfg.write_text("[analysis]\nprocesses = 1\n", encoding="utf-8")
    config = load_config(cfg)
    first = IndexCounts()
    assert len(list(index(files[:4], config, Engine("local", 1), on_problem=print, counts=first))) == 4
    second = IndexCounts()
    again = list(
        index([*files, str(tmp_path / "missing.txt")], config, Engine("local", 1), on_problem=print, counts=second)
    )
    assert [r.article.source for r in again] == files[4:]
    assert (second.read, second.cached, second.analysed) == (6, 4, 2)


def test_the_listing_is_written_in_parts_and_read_back_instead_of_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cache import open_cache
    from briefing.ingest import load

    files = bbc_files(5)
    cfg = tmp_path / "config.toml"
    cfg.write_text("[analysis]\nprocesses = 1\n", encoding="utf-8")
    config = load_config(cfg)
    monkeypatch.setattr(cache_module, "PART_ARTICLES", 2)  # 5 articles: parts of 2, 2 and 1
    problems: list[Problem] = []
    list(index(files, config, Engine("local", 1), on_problem=problems.append))
    expected = load_articles(files).articles
    cache = open_cache(config, problems.append)
    assert cache is not None
    try:
        key = cache_module.listing_key([Path(f) for f in files], config.max_article_chars)
        assert key is not None
        assert cache.get_listing(key) == (expected, ())  # what the reader app reads
        with sqlite3.connect(db_path := config.cache_dir / FILE_NAME) as db:
            parts = db.execute("SELECT count(*) FROM listing WHERE key LIKE 'part/%'").fetchone()[0]
        assert parts == 3, db_path
    finally:
        cache.close()

    def no_reading(path: Path) -> list[object]:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(load, "read_file", no_reading)
    counts = IndexCounts()
    assert list(index(files, config, Engine("local", 1), on_problem=problems.append, counts=counts)) == []
    assert problems == [] and (counts.read, counts.cached, counts.read_all) == (5, 5, True)
