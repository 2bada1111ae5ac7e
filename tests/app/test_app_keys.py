"""Keyboard flows of the reader, driven with Textual's pilot on pre-analysed data (no spaCy)."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList

from briefing.app.help import HelpScreen
from briefing.app.main import BriefingApp
from briefing.app.state import ReadingState
from briefing.app.widgets.article_view import ArticleView
from briefing.app.widgets.item_view import ItemView
from briefing.article import AnalyzedArticle, Problem
from briefing.config import Config
from briefing.corpus import Corpus

AppFactory = Callable[..., BriefingApp]


async def ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pair_ids(app: BriefingApp) -> list[str]:
    pairs = app.query_one("#pairs", OptionList)
    return [pairs.get_option_at_index(i).id or "" for i in range(pairs.option_count)]


async def test_pairs_listed_largest_first_other_last(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        ids = pair_ids(app)
        assert ids[-1] == "Other"
        assert len(ids) == len(app.briefing.briefs)
        assert app.brief is not None and app.brief.key == ids[0]
        assert app.article is not None and app.article in app.brief.articles


async def test_pair_switching_updates_articles_and_brief(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        first = app.brief
        await pilot.press("right_square_bracket")
        second = app.brief
        assert first is not None and second is not None and second.key != first.key
        assert app.article is not None and app.article in second.articles
        articles = app.query_one("#articles", OptionList)
        assert [articles.get_option_at_index(i).id for i in range(articles.option_count)] == [
            a.id for a in second.articles
        ]
        await pilot.press("left_square_bracket")
        assert app.brief is not None and app.brief.key == first.key
        await pilot.press("j")  # pairs pane has focus: j moves down like ]
        assert app.brief is not None and app.brief.key == second.key
        await pilot.press("k")
        assert app.brief is not None and app.brief.key == first.key


async def test_pane_focus_with_numbers_and_tab(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for key, pane in (("2", "articles"), ("3", "article"), ("4", "brief"), ("1", "pairs")):
            await pilot.press(key)
            assert app.focused is not None and app.focused.id == pane
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "articles"
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "pairs"


async def test_search_highlights_and_n_N_cycle(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.article is not None
        body = app.article.article.body
        word = max((w.strip(".,") for w in body.split()), key=lambda w: body.lower().count(w.lower()) * (len(w) > 3))
        expected = body.lower().count(word.lower())
        await pilot.press("3", "slash")
        assert app.focused is app.query_one("#search", Input)
        await pilot.press(*word, "enter")
        assert app.search_term == word
        assert len(app.matches) == expected >= 1
        assert app.match_index == 0
        assert app.focused is not None and app.focused.id == "article"
        view = app.query_one("#article", ArticleView)
        # the current match is painted with the match style
        start = app.main_screen.article_pane.doc_offset + app.matches[0][0]
        assert any("on #ff5f00" in str(span.style) and span.start <= start < span.end for span in view._text.spans)
        await pilot.press("n")
        assert app.match_index == (1 % expected)
        await pilot.press("N")
        assert app.match_index == 0
        await pilot.press("N")
        assert app.match_index == expected - 1
        status = str(app.query_one("#status").render())
        assert f"/{expected}" in status


async def test_search_escape_closes_without_searching(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3", "slash", "x", "escape")
        assert not app.query_one("#search").has_class("-active")
        assert app.search_term == ""
        assert app.focused is not None and app.focused.id == "article"


async def test_slash_in_pairs_pane_filters_pairs(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        target = app.briefing.briefs[1]
        word = target.names[1] if target.names else "Other"
        await pilot.press("slash")
        assert app.focused is app.query_one("#filter")
        await pilot.press(*word.lower())
        ids = pair_ids(app)
        assert ids and all(word.lower() in (app.briefing.get(i).title.lower()) for i in ids)  # type: ignore[union-attr]
        assert len(ids) < len(app.briefing.briefs)
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "pairs"


async def test_enter_opens_and_marks_read_persistently(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        assert app.focused is not None and app.focused.id == "article"
        opened = app.article
        assert opened is not None and app.state.is_read(opened.id)
    stored = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert stored["articles"][opened.id]["read"] is True
    assert ReadingState(tmp_path / "state.json").is_read(opened.id)


async def test_marks_stay_right_when_a_pair_is_shown_again(make_app: AppFactory) -> None:
    """A pair's article options are kept for its return: a mark set or cleared meanwhile must show."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        articles = app.query_one("#articles", OptionList)
        await pilot.press("right_square_bracket", "b")  # bookmark the second pair's first article
        assert "★" in str(articles.get_option_at_index(0).prompt)
        await pilot.press("left_square_bracket", "right_square_bracket")  # away and back
        assert "★" in str(articles.get_option_at_index(0).prompt)
        await pilot.press("b", "left_square_bracket", "right_square_bracket")  # cleared, away and back
        assert "★" not in str(articles.get_option_at_index(0).prompt)
        await pilot.press("left_square_bracket", "right_square_bracket")  # the kept (unmarked) options again
        assert "★" not in str(articles.get_option_at_index(0).prompt)
        assert "★" not in "".join(s.text for s in articles.render_line(0))


async def test_bookmark_persists_between_launches(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("right_square_bracket", "b")
        marked = app.article
        assert marked is not None and app.state.is_bookmarked(marked.id)
        label = app.query_one("#articles", OptionList).get_option_at_index(0).prompt
        assert "★" in str(label)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert again.state.is_bookmarked(marked.id)
        await pilot.press("right_square_bracket")
        assert "★" in again.query_one("#article", ArticleView).plain
        await pilot.press("b")
        assert not again.state.is_bookmarked(marked.id)
    assert not ReadingState(tmp_path / "state.json").is_bookmarked(marked.id)


async def test_help_screen_opens_and_closes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        assert "Export all" in text and "Bookmark" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_with_status_zero(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert (app.return_code or 0) == 0


async def test_rebound_keys_from_config(make_app: AppFactory, make_config: Callable[..., Config]) -> None:
    config = make_config(keys={"quit": "x", "help": "f1"})
    app = make_app(config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "x " in str(app.screen.query_one("#help-text").render())
        await pilot.press("escape", "q")
        assert app.is_running
        await pilot.press("x")
        await pilot.pause()
        assert not app.is_running


def test_invalid_key_in_config_is_a_clear_error(
    make_app: AppFactory, make_config: Callable[..., Config], capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.app import run
    from briefing.app.commands import KeyConfigError

    with pytest.raises(KeyConfigError, match=r"keys\.quit.*'ctrl\+nonsense'"):
        make_app(config=make_config(keys={"quit": "ctrl+nonsense"}))
    with pytest.raises(KeyConfigError, match="bound to both"):
        make_app(config=make_config(keys={"quit": "h"}))
    assert run([], make_config(keys={"bookmark": "not a key"})) == 2
    assert "keys.bookmark" in capsys.readouterr().err


async def test_brief_item_jumps_to_its_place(make_app: AppFactory, seed_articles: list[AnalyzedArticle]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        target = next(i for i, item in enumerate(app.items) if item.article and item.start > 800)
        item = app.items[target]
        brief = app.query_one("#brief", ItemView)
        await pilot.press("4")
        brief.highlighted = target
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "article"
        assert app.article is not None and app.article.id == item.article
        assert app.focus_span == (item.start, item.end)
        view = app.query_one("#article", ArticleView)
        line = view.line_of(app.main_screen.article_pane.doc_offset + item.start)
        assert line > 0 and view.scroll_y <= line < view.scroll_y + view.size.height


async def test_toggle_highlight_removes_entity_styles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.query_one("#article", ArticleView)
        before = len(view._text.spans)
        await pilot.press("h")
        assert not app.highlight
        assert len(view._text.spans) < before
        await pilot.press("h")
        assert len(view._text.spans) == before


async def test_export_calls_writer_and_names_files(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[list[Any], Path]] = []

    def export_briefs(briefs: Any, directory: Path, *, force: bool = False) -> Any:
        briefs = list(briefs)
        calls.append((briefs, directory))
        written = [directory / f"{b.key}.md" for b in briefs]
        return types.SimpleNamespace(written=written, skipped=[], index=None)

    fake = types.ModuleType("briefing.export.writer")
    fake.export_briefs = export_briefs  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "briefing.export.writer", fake)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(calls) == 1 and [b.key for b in calls[0][0]] == [app.brief.key]  # type: ignore[union-attr]
        assert calls[0][1] == tmp_path / "briefs"
        messages = [n.message for n in app._notifications]
        assert any(f"{app.brief.key}.md" in m for m in messages)  # type: ignore[union-attr]
        await pilot.press("E")
        await app.workers.wait_for_complete()
        assert len(calls) == 2 and len(calls[1][0]) == len(app.briefing.briefs)


async def test_export_unavailable_is_notified(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "briefing.export.writer", None)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("export is not available" in n.message for n in app._notifications)


async def test_empty_corpus_says_what_to_do(make_app: AppFactory, corpus_of: Callable[..., Corpus]) -> None:
    problem = Problem("/news/broken.html", "could not decode the file")
    app = make_app(corpus=corpus_of([], [problem]), paths=["/news"])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        text = app.query_one("#article", ArticleView).plain
        assert "No articles found in /news" in text
        assert "broken.html: could not decode the file" in text
        await pilot.press("right_square_bracket", "j", "e", "b", "slash", "escape")
        assert app.is_running


async def test_missing_model_is_shown_and_cached_articles_stay(
    make_app: AppFactory, seed_articles: list[AnalyzedArticle]
) -> None:
    from briefing.analyze.nlp import ModelMissingError

    cached = Corpus(tuple(a.article for a in seed_articles), {0: seed_articles[0]}, ())
    progress: list[tuple[int, int]] = []

    def completer(corpus: Corpus, status: Any) -> Corpus:
        status(0, len(corpus.missing))
        progress.append((0, len(corpus.missing)))
        raise ModelMissingError("spaCy model 'nope' is not installed; install one with `pip install x`")

    app = make_app(corpus=cached, completer=completer)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert progress == [(0, len(seed_articles) - 1)]
        status = str(app.query_one("#status").render())
        assert "not installed" in status and "pip install" in status
        assert len(app.briefing.articles) == 1
        assert app.is_running


async def test_analysis_fills_in_chunk_by_chunk(make_app: AppFactory, seed_articles: list[AnalyzedArticle]) -> None:
    cached = Corpus(tuple(a.article for a in seed_articles), {0: seed_articles[0]}, ())
    by_id = {a.id: a for a in seed_articles}
    seen: list[tuple[int, int]] = []
    progress: list[tuple[int, int]] = []

    def completer(corpus: Corpus, status: Any) -> Corpus:
        seen.append((len(corpus.raw), len(app.briefing.articles)))
        status(len(corpus.raw), len(corpus.raw))
        return Corpus(corpus.raw, {i: by_id[a.id] for i, a in enumerate(corpus.raw)}, ())

    app = make_app(corpus=cached, completer=completer)
    app.loader.first_chunk = 2
    original = app._progress
    app._progress = lambda done, total: (progress.append((done, total)), original(done, total))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        # chunks of 2 then 4 (capped by what is left); the UI had the earlier results before each chunk ran
        assert seen == [(2, 1), (3, 3)]
        assert progress[-1] == (5, 5)
        assert len(app.briefing.articles) == len(seed_articles)
        assert pair_ids(app)[0] == app.briefing.briefs[0].key
        assert "analysing" not in str(app.query_one("#status").render())


async def test_search_moves_to_an_article_that_has_the_term(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        current = app.article
        assert current is not None
        others = [a for a in app.briefing.articles if a.id != current.id]
        word = next(
            w
            for a in others
            for w in a.article.body.split()
            if len(w) > 6 and w.isalpha() and w.lower() not in current.article.body.lower()
        )
        await pilot.press("3", "slash", *word, "enter")
        assert app.article is not None and app.article.id != current.id
        assert word.lower() in app.article.article.body.lower()
        assert app.brief is not None and app.article in app.brief.articles
        assert app.matches and app.match_index == 0
        await pilot.press("3", "slash", *"zzqxj", "enter")
        assert app.matches == []
        assert any("no match" in n.message for n in app._notifications)



async def test_going_back_to_an_article_reuses_its_document_and_lines(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.query_one("#article", ArticleView)
        first, lines = view._text, view._lines
        assert lines
        await pilot.press("]")
        assert view._text is not first
        await pilot.press("[")
        assert view._text is first and view._lines is lines  # nothing built or wrapped again
        await pilot.press("h")  # highlighting off: another document
        assert view._text is not first and len(view._text.spans) < len(first.spans)
        await pilot.press("h")
        assert view._text is first
