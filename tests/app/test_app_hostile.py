"""Untrusted article text is shown literally: markup, click actions and escape sequences do nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import OptionList

from briefing.app.main import BriefingApp
from briefing.app.render import article_document, brief_items, literal, wrap_offsets
from briefing.app.widgets.article_view import ArticleView
from briefing.article import AnalyzedArticle, Entity, Person, RawArticle, Statement, Trend
from briefing.brief import Briefing

TITLE = "[bold]Rabat[/] \x1b[31mred\x1b[0m [@click=app.quit]quit[/] [link=file:///etc/passwd]x"
QUOTE = "[/] we will [@click=app.bell]ring[/] \x1b]0;pwned\x07 nothing"
BODY = f"Morocco said: “{QUOTE}”. Nasser Bourita met [red]Syria[/red] officials.\n\n[b]bold?[/b] \x1b[2J end"


def hostile_article() -> AnalyzedArticle:
    q = BODY.index(QUOTE)
    return AnalyzedArticle(
        article=RawArticle(source="evil/[b]file[/b].txt", title=TITLE, body=BODY, outlet="[i]Outlet[/i]"),
        pair=("MAR", "SYR"),
        pairs=(("MAR", "SYR"),),
        entities=(
            Entity("Morocco", "GPE", 0, 7, "MAR"),
            Entity("Syria", "GPE", BODY.index("Syria"), BODY.index("Syria") + 5, "SYR"),
        ),
        statements=(Statement("Nasser Bourita", QUOTE, True, q, q + len(QUOTE), "[b]Minister[/b]", "MAR"),),
        dates=(),
        people=(Person("Nasser Bourita", "MAR", "[@click=app.quit]role"),),
        trend=Trend("warming", (f"Morocco said: “{QUOTE}”.",)),
    )


def test_literal_keeps_offsets_and_neutralises_escapes() -> None:
    shown = literal(BODY)
    assert len(shown) == len(BODY)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "[red]Syria[/red]" in shown


def test_document_text_is_the_body_as_typed() -> None:
    article = hostile_article()
    doc = article_document(article, labels=("COUNTRY", "PERSON"), highlight=True)
    assert doc.text.plain[doc.body_offset :] == literal(BODY)
    assert "[bold]Rabat[/]" in doc.text.plain
    # styles come only from our spans: the Syria entity is styled, the "[red]" text is not markup
    syria = doc.body_offset + BODY.index("Syria")
    assert any(s.start <= syria < s.end for s in doc.text.spans)
    assert all(" on red" not in str(s.style) and str(s.style) != "red" for s in doc.text.spans)
    items = brief_items(Briefing.build([article]).briefs[0])
    assert any(QUOTE.split("\x1b")[0] in item.prompt.plain for item in items)
    assert all("\x1b" not in item.prompt.plain for item in items)


def test_wrap_covers_every_character() -> None:
    text = literal(BODY) * 3
    lines = wrap_offsets(text, 17)
    covered = "".join(text[a:b] for a, b in lines)
    assert covered == text.replace("\n", "")


async def test_hostile_article_shown_literally_in_the_app(make_app: Callable[..., BriefingApp]) -> None:
    app = make_app([hostile_article()])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one("#article", ArticleView)
        assert "[@click=app.quit]quit[/]" in view.plain
        assert "[red]Syria[/red]" in view.plain
        assert "\x1b" not in view.plain
        label = app.query_one("#articles", OptionList).get_option_at_index(0).prompt
        assert "[bold]Rabat[/]" in str(label)
        # paint every line and click every cell of the article: nothing runs an action
        for y in range(view.size.height):
            strip = view.render_line(y)
            assert "\x1b" not in strip.text
        for x in range(1, 60, 8):
            await pilot.click("#article", offset=(x, 1))
            await pilot.click("#articles", offset=(x, 1))
        await pilot.press("4", "enter", "3", "slash", *"[/]", "enter")
        assert len(app.matches) >= 2
        assert app.is_running
        await pilot.press("b")
        notes = list(app._notifications)
        assert any("[bold]Rabat[/]" in n.message for n in notes)
        assert all(not n.markup for n in notes)
        screen: Any = app.export_screenshot()
        assert "\x1b[31m" not in screen
        assert "[bold]Rabat[/]" in screen
