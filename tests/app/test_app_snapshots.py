"""SVG snapshots of the main screen (two sizes) and the help screen, on the fixture data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.app.main import BriefingApp


async def _loaded(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_120x40(snap_compare: Any, make_app: Callable[..., BriefingApp]) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=_loaded)


def test_main_screen_80x24(snap_compare: Any, make_app: Callable[..., BriefingApp]) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_loaded)


def test_second_pair_opened_120x40(snap_compare: Any, make_app: Callable[..., BriefingApp]) -> None:
    assert snap_compare(
        make_app(), terminal_size=(120, 40), press=["right_square_bracket", "2", "enter"], run_before=_loaded
    )


def test_help_screen(snap_compare: Any, make_app: Callable[..., BriefingApp]) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["question_mark"], run_before=_loaded)
