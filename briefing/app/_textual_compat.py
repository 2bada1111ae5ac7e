"""Every private Textual name the reader relies on, in one place.

Textual does not promise these across minor versions (pyproject pins the tested minor); if one is
renamed, tests/app/test_textual_compat.py fails naming it and only this file needs changing.
Why each is used:
- `textual.keys._character_to_key`: the key name of a character ("?" -> question_mark), to validate and
  normalise the [keys] of config.toml exactly as Textual binds them.
- `OptionList._index_to_line`, `OptionList._heights`: the lines an option occupies, so a highlight
  change repaints two options instead of the whole list.
- `OptionList._option_render_cache`: the drawn strips of each option, kept across `set_options` when the
  same Option objects come back (a pair's articles shown again), which Textual would draw anew.
- `Widget._scroll_update`: updates the scrollbars after a virtual size set without a full layout.
- `App._start_widget`, `Widget._vertical_scrollbar`: install our lighter scrollbar widget in place of
  Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.geometry import Size
    from textual.scrollbar import ScrollBar
    from textual.widget import Widget
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

PRIVATE_NAMES: tuple[tuple[str, str, str], ...] = (
    ("textual.keys", "", "_character_to_key"),
    ("textual.widgets", "OptionList", "_index_to_line"),
    ("textual.widgets", "OptionList", "_heights"),
    ("textual.widgets", "OptionList", "_option_render_cache"),
    ("textual.widget", "Widget", "_scroll_update"),
    ("textual.widget", "Widget", "_vertical_scrollbar"),
    ("textual.app", "App", "_start_widget"),
)
"""(module, class or "" for the module itself, private name): checked to exist by the test."""


def character_to_key(character: str) -> str:
    from textual.keys import _character_to_key

    return _character_to_key(character)


def option_lines(option_list: OptionList, index: int) -> tuple[int, int] | None:
    """(first line, height in lines) of the option at `index`, or None before it is laid out."""
    line = option_list._index_to_line.get(index)
    return None if line is None else (line, option_list._heights.get(index, 1))


def set_options_keeping_strips(option_list: OptionList, options: Sequence[Option]) -> None:
    """`set_options`, but the strips drawn for options shown before stay (keyed by the Option object).

    Only for Option objects shown again at the same index: a strip carries its option's index.
    """
    from textual.cache import LRUCache

    drawn = option_list._option_render_cache
    option_list._option_render_cache = LRUCache(1)  # the one set_options clears
    try:
        option_list.set_options(options)
    finally:
        option_list._option_render_cache = drawn


def update_scrollbars(widget: Widget, virtual_size: Size) -> None:
    widget._scroll_update(virtual_size)


def vertical_scrollbar(widget: Widget) -> ScrollBar | None:
    bar: ScrollBar | None = widget._vertical_scrollbar
    return bar


def install_vertical_scrollbar(widget: Widget, bar: ScrollBar) -> None:
    """Make `bar` the widget's vertical scrollbar and start it as Textual starts its own."""
    widget._vertical_scrollbar = bar
    app: Any = widget.app
    app._start_widget(widget, bar)
