"""The first-screen summary: round trip, storage in the cache, painted before the corpus, replaced by it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.app.main import BriefingApp
from briefing.app.summary import FIRST_ARTICLES, from_json, summarize, to_json
from briefing.app.widgets.pane_list import PaneList
from briefing.article import AnalyzedArticle
from briefing.brief import Briefing
from briefing.cache import AnalysisCache
from briefing.cache_file import FILE_NAME, read_summary
from briefing.config import load_config
from briefing.corpus import Corpus, load_summary, save_summary


def test_summary_round_trip(seed_articles: list[AnalyzedArticle]) -> None:
    briefing = Briefing.build(seed_articles)
    summary = summarize(briefing)
    assert [p.key for p in summary.pairs] == [b.key for b in briefing.briefs]
    assert [len(p.articles) for p in summary.pairs] == [len(b.articles) for b in briefing.briefs]
    assert [a.id for a in summary.first] == [a.id for a in briefing.briefs[0].articles[:FIRST_ARTICLES]]
    assert summary.articles == len(briefing.articles)
    assert from_json(to_json(summary)) == summary


@pytest.mark.parametrize("text", [None, "", "not json", "[]", '{"version": 999}', '{"version": 1, "pairs": 3}'])
def test_unusable_summary_is_none(text: str | None) -> None:
    assert from_json(text) is None


def test_cache_keeps_summaries_per_name(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    config = load_config(str(cfg))
    path = tmp_path / "cache" / FILE_NAME
    with AnalysisCache(path, "model", "1.0", "v1") as cache:
        assert read_summary(config, "a") is None
        cache.put_summary("a", "first")
        cache.put_summary("b", "second")
        assert read_summary(config, "a") == "first"
        assert cache.get_listing("a") is None  # never mistaken for an ingest listing
        assert cache.get_many([]) == {}
    with AnalysisCache(path, "model", "1.0", "v1"):
        assert (read_summary(config, "a"), read_summary(config, "b")) == ("first", "second")


def test_read_summary_is_read_only_and_tolerant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    config = load_config(str(cfg))
    assert read_summary(config, "a") is None  # no cache file yet: none is created
    assert not (tmp_path / "cache" / FILE_NAME).exists()
    with AnalysisCache(tmp_path / "cache" / FILE_NAME, "model", "1.0", "v1") as cache:
        cache.put_summary("a", "first")
    assert read_summary(config, "a") == "first"
    (tmp_path / "cache" / FILE_NAME).write_bytes(b"not a database at all")
    assert read_summary(config, "a") is None


def test_corpus_summary_is_per_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n')
    config = load_config(str(cfg))
    assert load_summary([str(tmp_path / "news")], config) is None
    save_summary([str(tmp_path / "news")], config, "S")
    assert load_summary([str(tmp_path / "news")], config) == "S"
    assert load_summary([str(tmp_path / "other")], config) is None


async def test_summary_paints_before_the_corpus_then_is_replaced(
    make_app: Callable[..., BriefingApp],
    corpus_of: Callable[..., Corpus],
    seed_articles: list[AnalyzedArticle],
) -> None:
    briefing = Briefing.build(seed_articles)
    stale = summarize(Briefing.build(seed_articles[:1]))  # last session saw fewer articles
    release = threading.Event()
    saved: list[str] = []
    corpus = corpus_of(seed_articles)

    def slow_loader() -> Corpus:
        release.wait(10)
        return corpus

    app = make_app(summary=(lambda: to_json(stale), saved.append))
    app.loader.load_corpus = slow_loader
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if app.query_one("#pairs", PaneList).option_count:
                break
        pairs = app.query_one("#pairs", PaneList)
        assert [pairs.get_option_at_index(i).id for i in range(pairs.option_count)] == [p.key for p in stale.pairs]
        assert app.corpus is None and app.loading
        assert app.query_one("#articles", PaneList).option_count == len(stale.first)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [pairs.get_option_at_index(i).id for i in range(pairs.option_count)] == [b.key for b in briefing.briefs]
        assert app.brief is not None and app.brief.key == stale.pairs[0].key  # stays on the pair highlighted
    assert saved and from_json(saved[-1]) == summarize(briefing)


async def test_unchanged_summary_is_not_written_again(
    make_app: Callable[..., BriefingApp], seed_articles: list[AnalyzedArticle]
) -> None:
    saved: list[str] = []
    current = to_json(summarize(Briefing.build(seed_articles)))
    app = make_app(summary=(lambda: current, saved.append))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.brief is not None
    assert saved == []
