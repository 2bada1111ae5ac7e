"""The brief pane on copies of one story: one list entry, and `enter` opens the copy a statement is from."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.widgets import OptionList

from briefing.app.main import BriefingApp
from briefing.app.widgets.item_view import ItemView
from briefing.article import AnalyzedArticle, Statement


async def test_a_statement_only_a_copy_has_opens_that_copy_with_its_story_listed(
    make_app: Any, seed_articles: list[AnalyzedArticle]
) -> None:
    seed = next(a for a in seed_articles if a.pair and a.statements)
    body = seed.article.body
    sentence_end = body.index(". ", 200) + 1
    start = body.rfind(". ", 0, sentence_end - 1) + 2
    extra = Statement("Another Outlet Source", body[start:sentence_end], False, start, sentence_end)
    copy = replace(
        seed,
        article=replace(seed.article, source=seed.article.source + "-wire", outlet="Wire", link=None),
        statements=(extra,),
    )
    app: BriefingApp = make_app([seed, copy])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.brief is not None:
                break
        assert app.brief is not None
        assert [a.id for a in app.brief.articles] == [seed.id]  # one story, listed once
        assert app.query_one("#articles", OptionList).option_count == 1
        target = next(i for i, item in enumerate(app.items) if item.article == copy.id and item.statement)
        await pilot.press("4")
        app.query_one("#brief", ItemView).highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert app.article is not None and app.article.id == copy.id
        assert app.focus_span == (start, sentence_end)
        assert app.query_one("#articles", OptionList).highlighted == 0
