"""The analysis cache: batched reads and writes, survival of corrupt, foreign and concurrent use."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from briefing.article import AnalyzedArticle, Entity, Problem, RawArticle, Trend, decode_analysis, encode_analysis
from briefing.cache import COMMIT_EVERY, QUERY_CHUNK, AnalysisCache, listing_key, open_cache
from briefing.config import load_config


def article(n: int, body: str = "") -> RawArticle:
    return RawArticle(source=f"/news/{n}.txt", title=f"Headline {n}", body=body or f"Rabat said things, number {n}.")


def analysed(raw: RawArticle, code: str = "MAR") -> AnalyzedArticle:
    entity = Entity("Rabat", "GPE", 0, 5, code)
    trend = Trend("warming", ("x", "y"), 0.7, (True, False))
    return AnalyzedArticle(raw, (code, "SYR"), ((code, "SYR"),), (entity,), (), (), (), trend)


def cache_at(path: Path, version: str = "v1") -> AnalysisCache:
    return AnalysisCache(path, "model", "1.0", version)


def traced(cache: AnalysisCache) -> list[str]:
    statements: list[str] = []
    cache.db.set_trace_callback(statements.append)
    return statements


def test_round_trip_attaches_this_runs_article(tmp_path: Path) -> None:
    raws = [article(i) for i in range(5)]
    with cache_at(tmp_path / "c.sqlite3") as cache:
        cache.put_many(analysed(r) for r in raws[:3])
    moved = RawArticle("/elsewhere/x.txt", raws[1].title, raws[1].body, index=7)
    with cache_at(tmp_path / "c.sqlite3") as cache:
        found = cache.get_many([raws[0], moved, raws[4]])
    assert set(found) == {0, 1}
    assert found[1].article == moved  # source and position come from this run, not the cached one
    assert found[1].entities == analysed(raws[1]).entities
    assert found[1].trend == analysed(raws[1]).trend  # which evidence sentences are steps between the two, too


def test_the_analysis_record_is_what_the_cache_and_ray_carry() -> None:
    # One encoding for the cache and the Ray engine: everything analysis found, the trend's steps included,
    # comes back on the receiver's own article; a text that is no such record is refused, not guessed at.
    raw = article(3)
    record = encode_analysis(analysed(raw))
    assert raw.body not in record
    assert decode_analysis(raw, record) == analysed(raw)
    assert decode_analysis(raw, '{"pair": null}') is None


def test_get_many_is_batched(tmp_path: Path) -> None:
    raws = [article(i) for i in range(QUERY_CHUNK * 2 + 10)]
    with cache_at(tmp_path / "c.sqlite3") as cache:
        cache.put_many(analysed(r) for r in raws)
    with cache_at(tmp_path / "c.sqlite3") as cache:
        statements = traced(cache)
        found = cache.get_many(raws)
    assert len(found) == len(raws)
    assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 3


def test_put_commits_in_batches_and_on_close(tmp_path: Path) -> None:
    raws = [article(i) for i in range(COMMIT_EVERY * 2 + 5)]
    cache = cache_at(tmp_path / "c.sqlite3")
    statements = traced(cache)
    for r in raws:
        cache.put(analysed(r))
    assert sum(s == "COMMIT" for s in statements) == 2  # the 5 left are pending
    cache.close()
    assert sum(s == "COMMIT" for s in statements) == 3
    with cache_at(tmp_path / "c.sqlite3") as again:
        assert len(again.get_many(raws)) == len(raws)


def test_other_analyzer_version_misses(tmp_path: Path) -> None:
    raws = [article(1)]
    with cache_at(tmp_path / "c.sqlite3", "v1") as cache:
        cache.put_many([analysed(raws[0])])
    with cache_at(tmp_path / "c.sqlite3", "v2") as cache:
        assert cache.get_many(raws) == {}


def test_changed_text_misses(tmp_path: Path) -> None:
    with cache_at(tmp_path / "c.sqlite3") as cache:
        cache.put_many([analysed(article(1))])
        assert cache.get_many([article(1, body="Rabat said something else.")]) == {}


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 200])
def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(content)
    with cache_at(path) as cache:
        cache.put_many([analysed(article(1))])
        assert len(cache.get_many([article(1)])) == 1
    assert [p.message.endswith("and rebuilt") for p in cache.problems] == [True]
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_foreign_sqlite_file_is_not_written_into(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Ada')")
    other.commit()
    other.close()
    with cache_at(path) as cache:
        cache.put_many([analysed(article(1))])
    assert [p.message.endswith("and rebuilt") for p in cache.problems] == [True]
    (aside,) = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() == [("contacts",)]
    assert kept.execute("SELECT name FROM contacts").fetchall() == [("Ada",)]


def _writer(path: str, start: int, count: int) -> None:
    with AnalysisCache(Path(path), "model", "1.0", "v1") as cache:
        for i in range(start, start + count):
            cache.put(analysed(article(i)))
            if i % 50 == 0:
                cache.flush()  # interleave transactions with the other process


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), n * 1000, 400)) for n in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    raws = [article(i) for n in range(2) for i in range(n * 1000, n * 1000 + 400)]
    with cache_at(path) as cache:
        assert cache.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(cache.get_many(raws)) == 800
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_listing_key_changes_when_a_file_changes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one")
    b.write_text("two")
    first = listing_key([a, b], 1000)
    assert first == listing_key([a, b], 1000)
    assert first != listing_key([a, b], 999)
    assert first != listing_key([a, b, Problem("c", "no such file")], 1000)
    b.write_text("two, longer")
    assert first != listing_key([a, b], 1000)
    b.unlink()
    assert listing_key([a, b], 1000) is None


def test_listing_round_trip(tmp_path: Path) -> None:
    raws = (article(1), RawArticle("s", "T", "B", 2, "2024-05-01", "Outlet", "Author", "https://x"))
    problems = (Problem("bad.txt", "no article text found"),)
    with cache_at(tmp_path / "c.sqlite3") as cache:
        cache.put_listing("k", raws, problems)
        assert cache.get_listing("k") == (raws, problems)
        assert cache.get_listing("other") is None


def test_open_cache_respects_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = open_cache(load_config(), pytest.fail)
    assert cache is not None
    cache.close()
    assert cache.path.is_relative_to(tmp_path / "xdg")
    assert cache.path.exists()


def test_open_cache_respects_config_directory(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[cache]\ndirectory = "mycache"\n')
    cache = open_cache(load_config(cfg), pytest.fail)
    assert cache is not None
    cache.close()
    assert cache.path.parent == tmp_path / "mycache"
    cfg.write_text("[cache]\nenabled = false\n")
    assert open_cache(load_config(cfg), pytest.fail) is None


def _opener(path: str, rounds: int) -> None:
    for i in range(rounds):
        with AnalysisCache(Path(path), "model", "1.0", "v1") as cache:
            cache.put_many([analysed(article(i))])


def test_two_processes_creating_the_file_at_once_never_move_it_aside(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    for n in range(3):
        path = tmp_path / f"c{n}.sqlite3"
        procs = [ctx.Process(target=_opener, args=(str(path), 5)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0]
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_known_answers_without_decoding(tmp_path: Path) -> None:
    raws = [article(i) for i in range(4)]
    with cache_at(tmp_path / "c.sqlite3") as cache:
        cache.put_many(analysed(r) for r in raws[:2])
        cache.db.execute("UPDATE analysis SET article='not json'")
        assert cache.known([raws[3], raws[1], raws[0]]) == {1, 2}
        assert cache.get_many(raws) == {}  # undecodable rows are misses, not errors
