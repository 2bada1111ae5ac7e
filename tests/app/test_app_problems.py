"""Problems reach the reader: cache trouble and bad inputs are notified and listed by the problems view (`!`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import cache as cache_module
from briefing.app.main import BriefingApp
from briefing.app.problems import ProblemsScreen
from briefing.app.state import ReadingState
from briefing.article import AnalyzedArticle, Problem
from briefing.cache_file import FILE_NAME
from briefing.config import load_config
from briefing.corpus import Corpus

AppFactory = Callable[..., BriefingApp]


@pytest.fixture
def fresh_cache_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "_GAVE_UP", set())
    monkeypatch.setattr(cache_module, "_CHECKED", set())


async def test_a_corrupt_cache_is_notified_in_the_reader_and_listed_by_bang(
    tmp_path: Path, fresh_cache_state: None
) -> None:
    """The real loader on a cache file full of garbage: it is moved aside, and the reader says so."""
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / FILE_NAME).write_bytes(b"this is not a database " * 200)
    news = tmp_path / "news"
    news.mkdir()
    (news / "empty.txt").write_text("")
    cfg = tmp_path / "my.toml"
    cfg.write_text(f'[cache]\ndirectory = "{cache_dir.as_posix()}"\n')
    app = BriefingApp(load_config(cfg), paths=[str(news)], state=ReadingState(tmp_path / "state.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert any("cache unreadable" in m and "rebuilt" in m and "empty.txt: empty file" in m for m in notes), notes
        assert "2 problems" in str(app.query_one("#status").render())
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listed = str(app.screen.query_one("#problems-text").render())
        assert "moved to analysis.sqlite3.corrupt-" in listed and "empty file" in listed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)
    assert [p.name for p in cache_dir.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]


async def test_problems_view_shows_untrusted_text_as_typed(
    make_app: AppFactory, corpus_of: Callable[..., Corpus], seed_articles: list[AnalyzedArticle]
) -> None:
    hostile = Problem("[bold]evil.txt", "binary data, not text \x1b[31m[@click=app.quit]x[/]")
    app: Any = make_app(corpus=corpus_of(seed_articles, [hostile]))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("[bold]evil.txt" in n.message and not n.markup for n in app._notifications)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        listed = str(app.screen.query_one("#problems-text").render())
        assert "[bold]evil.txt" in listed and "[@click=app.quit]x[/]" in listed and "\x1b" not in listed
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen) and app.is_running


async def test_a_problem_met_during_analysis_is_notified_and_listed_too(
    make_app: AppFactory, seed_articles: list[AnalyzedArticle]
) -> None:
    """Cache trouble can come after the first paint (while analysing): it must not be lost."""
    cached = Corpus(tuple(a.article for a in seed_articles), {0: seed_articles[0]}, (Problem("a.txt", "empty file"),))
    by_id = {a.id: a for a in seed_articles}
    late = Problem("/cache", "cache error (disk I/O error); continuing without it")

    def completer(corpus: Corpus, status: Any) -> Corpus:
        return Corpus(corpus.raw, {i: by_id[a.id] for i, a in enumerate(corpus.raw)}, (late,))

    app: Any = make_app(corpus=cached, completer=completer)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("a.txt: empty file" in m for m in messages) == 1  # each problem notified once
        assert sum("continuing without it" in m for m in messages) >= 1
        assert late in app.corpus.problems and len(app.corpus.problems) >= 2
        await pilot.press("exclamation_mark")
        await pilot.pause()
        listed = str(app.screen.query_one("#problems-text").render())
        assert "a.txt" in listed and "disk I/O error" in listed
