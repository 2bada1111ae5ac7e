"""One route per user action: a key reaches the model once and each pane it changes is drawn once.

Two routes to the same handler (a list's highlight message beside a direct call) used to be hidden by an
idempotency guard; counting the calls per keypress shows any that come back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from briefing.app.main import BriefingApp
from briefing.article import AnalyzedArticle
from tests.app.test_app_long_pairs import _many

AppFactory = Callable[..., BriefingApp]


def count_calls(app: BriefingApp) -> Counter[str]:
    """Wrap the model's selection and the panes' drawing calls of `app` with counters."""
    calls: Counter[str] = Counter()
    screen = app.main_screen
    targets: list[tuple[str, Any, str]] = [
        ("select_pair", app.model, "select_pair"),
        ("show_article", app.model, "show_article"),
        ("article drawn", screen.article_pane, "set_text"),
        ("brief drawn", screen.brief_pane, "set_items"),
        ("articles listed", screen.articles, "set_options"),
    ]
    for name, owner, method in targets:
        original = getattr(owner, method)

        def counted(*args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _original(*args, **kwargs)

        setattr(owner, method, counted)
    return calls


async def settle(pilot: Any) -> None:
    """Long enough for any message the key caused (and any it caused in turn) to be handled."""
    for _ in range(3):
        await pilot.pause(0.05)


async def test_one_keypress_one_selection_and_one_draw_per_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.brief is not None and len(app.briefing.briefs) >= 3
        first = app.brief
        calls = count_calls(app)

        await pilot.press("j")  # the pairs pane is focused: the list's own cursor key
        await settle(pilot)
        assert app.brief is not None and app.brief is not first
        assert calls == Counter(
            {"select_pair": 1, "show_article": 1, "article drawn": 1, "brief drawn": 1, "articles listed": 1}
        )

        calls.clear()
        await pilot.press("3")  # the article pane, then the next pair from there
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert calls == Counter(
            {"select_pair": 1, "show_article": 1, "article drawn": 1, "brief drawn": 1, "articles listed": 1}
        )

        calls.clear()
        await pilot.press("left_square_bracket")  # back onto the pair before: a mouse-free way back
        await settle(pilot)
        assert calls["select_pair"] == 1 and calls["brief drawn"] == 1


async def test_article_moves_and_brief_items_draw_the_article_once(
    make_app: AppFactory, seed_articles: list[AnalyzedArticle]
) -> None:
    seed = next(a for a in seed_articles if a.pair and a.statements)
    app = make_app([*seed_articles, *_many(seed, 3)])  # a pair of several articles
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        brief = max(app.briefing.briefs, key=lambda b: len(b.articles))
        assert len(brief.articles) >= 2
        app.main_screen.pairs.highlighted = app.main_screen.visible_pairs().briefs.index(brief)
        await settle(pilot)
        assert app.brief is brief
        calls = count_calls(app)

        await pilot.press("2", "down")  # the article list: its own cursor key opens the next article
        await settle(pilot)
        assert app.article is brief.articles[1]
        assert calls == Counter({"show_article": 1, "article drawn": 1})

        calls.clear()
        pane = app.main_screen.brief_pane
        index = next(
            i for i, item in enumerate(pane.items) if item.article is not None and item.article != app.article.id
        )
        pane.focus()
        pane.highlighted = index
        await pilot.press("enter")  # a brief item of another article: opened at its statement
        await settle(pilot)
        assert app.article is not None and app.article.id == pane.items[index].article
        assert app.focus_span is not None
        assert calls["show_article"] == 1 and calls["article drawn"] == 1 and calls["select_pair"] == 0


async def test_a_match_in_another_pair_is_drawn_once(make_app: AppFactory) -> None:
    """Search finds the term only in another pair: that pair's first article is not drawn on the way."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        current = app.brief
        assert current is not None
        others = [b for b in app.briefing.briefs if b is not current and b.articles]
        bodies = [a.article.body.lower() for a in app.briefing.articles]
        target, term = next(
            (a, w)
            for b in others
            for a in b.articles
            for w in a.article.body.split()
            if len(w) > 7 and w.isalpha() and sum(w.lower() in body for body in bodies) == 1
        )
        calls = count_calls(app)
        await pilot.press("3", "slash")
        await pilot.press(*term)
        await pilot.press("enter")
        await settle(pilot)
        assert app.article is target and app.brief is not current
        assert app.matches and app.match_index == 0
        assert calls["select_pair"] == 1 and calls["article drawn"] == 1
