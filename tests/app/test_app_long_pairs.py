"""A pair of hundreds of articles: lists are cut with a "N more…" entry that shows the rest when chosen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.app.main import ARTICLE_PAGE, BriefingApp
from briefing.app.render import brief_items
from briefing.app.widgets.brief_pane import BRIEF_SECTION
from briefing.app.widgets.item_view import ItemView
from briefing.app.widgets.pane_list import PaneList
from briefing.article import AnalyzedArticle, Person
from briefing.brief import Briefing


def _many(seed: AnalyzedArticle, n: int) -> list[AnalyzedArticle]:
    """n variants of one analysed article, each its own article (own source, title, people and words: every
    " the " is a word of its own, same length, so no two are near-duplicate copies of one story)."""
    out = []
    for i in range(n):
        word = f" {chr(97 + i // 26 % 26)}{chr(97 + i % 26)}q "
        body = seed.article.body.replace(" the ", word)
        raw = replace(seed.article, source=f"{seed.article.source}-copy{i}", title=f"Copy {i}", link=None, body=body)
        people = (Person(f"Person{i} Surname{i}", None, None),)
        out.append(replace(seed, article=raw, people=people))
    return out


def test_brief_items_cut_each_section(seed_articles: list[AnalyzedArticle]) -> None:
    seed = next(a for a in seed_articles if a.pair)
    brief = Briefing.build(_many(seed, BRIEF_SECTION + 7)).get("-".join(seed.pair or ()))
    assert brief is not None and len(brief.people) > BRIEF_SECTION
    cut = brief_items(brief, limit=BRIEF_SECTION)
    full = brief_items(brief)
    more = [item for item in cut if item.more]
    assert more and f"{len(brief.people) - BRIEF_SECTION} more people" in more[-1].prompt.plain
    assert len(cut) < len(full) and not any(item.more for item in full)


async def test_long_pair_lists_a_page_then_all(
    make_app: Callable[..., BriefingApp], seed_articles: list[AnalyzedArticle]
) -> None:
    seed = next(a for a in seed_articles if a.pair)
    articles = _many(seed, ARTICLE_PAGE + 30)
    app = make_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        # The loader starts after the first frame and builds 80 briefs' worth of ranking off the UI
        # thread: wait for the pair to be shown rather than for one frame.
        for _ in range(400):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.brief is not None:
                break
        assert app.brief is not None and len(app.brief.articles) == ARTICLE_PAGE + 30
        listed = app.query_one("#articles", PaneList)
        assert listed.option_count == ARTICLE_PAGE + 1
        last = listed.get_option_at_index(ARTICLE_PAGE)
        assert "30 more articles" in str(last.prompt)
        listed.focus()
        listed.highlighted = ARTICLE_PAGE
        await pilot.press("enter")
        await pilot.pause()
        assert listed.option_count == ARTICLE_PAGE + 30
        assert listed.highlighted == ARTICLE_PAGE
        assert app.article is not None and app.article.id == app.brief.articles[ARTICLE_PAGE].id

        brief_pane = app.query_one("#brief", ItemView)
        count = brief_pane.item_count
        more_at = next(i for i, item in enumerate(app.items) if item.more)
        brief_pane.focus()
        brief_pane.highlighted = more_at
        await pilot.press("enter")
        await pilot.pause()
        assert brief_pane.item_count > count and not any(item.more for item in app.items)


async def test_down_in_the_article_list_shows_the_article_in_the_same_step(
    make_app: Callable[..., BriefingApp], seed_articles: list[AnalyzedArticle]
) -> None:
    """Up/down show the article at once (the follow hook), not after a message round trip."""
    seed = next(a for a in seed_articles if a.pair)
    app = make_app(_many(seed, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = app.query_one("#articles", PaneList)
        articles.focus()
        await pilot.pause()
        assert articles.option_count == 5 and app.article is not None
        first = app.article.id
        articles.action_cursor_down()  # no pause: no message has been handled since
        assert app.article.id != first
        assert app.article.id == articles.get_option_at_index(1).id
        articles.action_cursor_up()
        assert app.article.id == first
