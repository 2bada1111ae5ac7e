"""A terminal smaller than the layout: a clear message instead of panes drawn over each other; and back."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing.app.main import MIN_SIZE, BriefingApp


def _screen_text(app: BriefingApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("size", [(40, 10), (60, 15), (MIN_SIZE[0] - 1, MIN_SIZE[1])])
async def test_tiny_terminal_shows_message(size: tuple[int, int], make_app: Callable[..., BriefingApp]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        assert not app.query_one("#body").display
        text = _screen_text(app)
        assert f"needs at least {MIN_SIZE[0]}x{MIN_SIZE[1]} (now {size[0]}x{size[1]})" in " ".join(text.split())
        assert "Pairs" not in text  # no pane border squeezed under the message
        await pilot.press("right_square_bracket", "2", "down")  # keys still work and nothing crashes
        await pilot.pause()
        assert app.is_running


async def test_resize_back_restores_panes(make_app: Callable[..., BriefingApp]) -> None:
    app = make_app()
    async with app.run_test(size=(40, 10)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert app.query_one("#body").display
        assert "Terminal too small" not in _screen_text(app)
        assert "Pairs" in _screen_text(app)


async def test_shrinking_under_the_help_shows_the_message_when_it_closes(make_app: Callable[..., BriefingApp]) -> None:
    """The App passes each resize to the main screen, also while a modal covers it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main_screen and app.screen.has_class("-too-small")
        assert "Terminal too small" in _screen_text(app)
