"""A list of wrapped, styled items with a cursor, drawn with the line API (the brief pane).

OptionList measures and renders every option again after each `set_options`, which was the biggest
cost of a pair switch. Here a list's wrapped lines and drawn strips are kept per list key and width,
so showing a pair's brief again costs nothing, and moving the cursor redraws only two items.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.app._textual_compat import update_scrollbars
from briefing.app.render import wrap_text
from briefing.app.widgets.scrollbar import LightScrollbars

_KEPT_LISTS = 64
"""Wrapped lists kept (a list per pair shown), so that going back to a pair is free."""


class _Wrapped:
    """One list at one width: its screen lines, which item each line belongs to, and drawn strips."""

    def __init__(self, prompts: Sequence[Text], width: int) -> None:
        self.lines: list[Text] = []
        self.item_of_line: list[int] = []
        self.first_line: list[int] = []
        for index, prompt in enumerate(prompts):
            self.first_line.append(len(self.lines))
            _, lines = wrap_text(prompt, width)
            self.lines.extend(lines)
            self.item_of_line.extend([index] * len(lines))
        self.first_line.append(len(self.lines))
        self.strips: dict[tuple[int, Style, int], Strip] = {}

    def span(self, item: int) -> tuple[int, int]:
        return self.first_line[item], self.first_line[item + 1]


class ItemView(LightScrollbars, ScrollView, can_focus=True):
    """Items (Rich Text, any number of lines each) with a highlighted one; disabled items are skipped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-view--highlighted", "item-view--disabled"}
    DEFAULT_CSS = """
    ItemView { padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    ItemView > .item-view--highlighted {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    ItemView:focus > .item-view--highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    ItemView > .item-view--disabled { color: $text-disabled; }
    """

    class Selected(Message):
        """Enter or a click on an enabled item."""

        def __init__(self, view: ItemView, index: int) -> None:
            super().__init__()
            self.view = view
            self.index = index

        @property
        def control(self) -> ItemView:
            return self.view

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._key: Hashable = None
        self._prompts: list[Text] = []
        self._enabled: list[bool] = []
        self._highlighted: int | None = None
        self._wrapped: LRUCache[tuple[Hashable, int], _Wrapped] = LRUCache(_KEPT_LISTS)
        self._current: _Wrapped | None = None
        self._current_width = -1
        self._styles: tuple[Style, Style, Style, int] | None = None

    # ----- content ------------------------------------------------------------------------------

    @property
    def item_count(self) -> int:
        return len(self._prompts)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None and not (0 <= index < len(self._prompts) and self._enabled[index]):
            index = self._nearest_enabled(index if index is not None else 0)
        old, self._highlighted = self._highlighted, index
        for item in (old, index):
            self._refresh_item(item)
        self._scroll_to_highlighted()

    def set_items(
        self, key: Hashable, prompts: Sequence[Text], enabled: Sequence[bool], *, highlighted: int | None = None
    ) -> None:
        """Show a list; `key` names it (a pair), so its wrapped lines are reused when it comes back.

        A list given again under the same key must have the same prompts: the key, not the text, is
        what the kept lines are found by.
        """
        self._key = key
        self._prompts = list(prompts)
        self._enabled = list(enabled)
        self._highlighted = None
        self._current = None
        self._layout_lines()
        self.scroll_to(y=0, animate=False, immediate=True)
        if highlighted is not None:
            self.highlighted = highlighted
        else:  # the cursor on the first item, the list from its top (the lines above it are its heading)
            self._highlighted = self._nearest_enabled(0)
        self.refresh()

    def clear(self) -> None:
        self.set_items(None, [], [])

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width or 40)

    def _layout_lines(self) -> _Wrapped:
        width = self._content_width()
        current = self._current
        if current is not None and self._current_width == width:
            return current
        wrapped = self._wrapped.get((self._key, width)) if self._key is not None else None
        if wrapped is None:
            wrapped = _Wrapped(self._prompts, width)
            if self._key is not None:
                self._wrapped.set((self._key, width), wrapped)
        self._current, self._current_width = wrapped, width
        size = Size(width, len(wrapped.lines))
        if size != self.virtual_size:
            # Not through the reactive: that lays out the whole screen, and the pane's size never depends
            # on its items (overflow-y is always scroll).
            self.set_reactive(ItemView.virtual_size, size)
            update_scrollbars(self, size)
        return wrapped

    def on_resize(self) -> None:
        self._layout_lines()
        self._scroll_to_highlighted()
        self.refresh()

    # ----- cursor -------------------------------------------------------------------------------

    def _nearest_enabled(self, index: int, step: int = 1) -> int | None:
        count = len(self._prompts)
        if not count:
            return None
        index = max(0, min(count - 1, index))
        ahead = range(index, count) if step > 0 else range(index, -1, -1)
        behind = range(index, -1, -1) if step > 0 else range(index, count)
        return next((i for seq in (ahead, behind) for i in seq if self._enabled[i]), None)

    def _step(self, step: int) -> None:
        if self._highlighted is None:
            self.highlighted = self._nearest_enabled(0 if step > 0 else len(self._prompts) - 1, step)
            return
        index = self._highlighted + step
        while 0 <= index < len(self._prompts) and not self._enabled[index]:
            index += step
        if 0 <= index < len(self._prompts):
            self.highlighted = index
        elif step > 0:
            self.scroll_end(animate=False, immediate=True)  # a heading or "more" below the last item
        else:
            self.scroll_home(animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self.highlighted = self._nearest_enabled(0, 1)
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        self.highlighted = self._nearest_enabled(len(self._prompts) - 1, -1)

    def _page(self, step: int) -> None:
        wrapped = self._layout_lines()
        if self._highlighted is None or not wrapped.lines:
            return
        line = wrapped.first_line[self._highlighted] + step * max(1, self.scrollable_content_region.height - 1)
        line = max(0, min(len(wrapped.lines) - 1, line))
        self.highlighted = self._nearest_enabled(wrapped.item_of_line[line], step)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        wrapped = self._current
        if offset is None or wrapped is None:
            return
        line = offset.y + self.scroll_offset.y
        if 0 <= line < len(wrapped.item_of_line):
            index = wrapped.item_of_line[line]
            if self._enabled[index]:
                self.highlighted = index
                self.action_select()

    def _refresh_item(self, item: int | None) -> None:
        wrapped = self._current
        if item is None or wrapped is None or item >= len(self._prompts):
            return
        start, end = wrapped.span(item)
        y = start - self.scroll_offset.y
        self.refresh(Region(0, y, self.size.width, end - start))

    def _scroll_to_highlighted(self) -> None:
        wrapped = self._current
        if self._highlighted is None or wrapped is None:
            return
        start, end = wrapped.span(self._highlighted)
        self.scroll_to_region(Region(0, start, 1, max(1, end - start)), animate=False, force=True, immediate=True)

    # ----- drawing ------------------------------------------------------------------------------

    def _line_styles(self) -> tuple[Style, Style, Style, int]:
        return (
            self.rich_style,
            self.get_component_rich_style("item-view--highlighted"),
            self.get_component_rich_style("item-view--disabled"),
            self.scrollable_content_region.width,
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = self._line_styles()  # once per repaint, not per line: they walk every ancestor's styles
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def render_line(self, y: int) -> Strip:
        base, highlight, disabled, width = self._styles or self._line_styles()
        wrapped = self._layout_lines()
        index = y + self.scroll_offset.y
        if index >= len(wrapped.lines):
            return Strip.blank(width, base)
        item = wrapped.item_of_line[index]
        lit = item == self._highlighted
        line_style = base + highlight if lit else base if self._enabled[item] else base + disabled
        key = (index, line_style, width)
        strip = wrapped.strips.get(key)
        if strip is None:
            segments = []
            for s in wrapped.lines[index].render(self.app.console):
                if s.text:
                    style = line_style + s.style if s.style else line_style
                    segments.append(Segment(s.text, style + highlight if lit else style))  # the cursor wins
            strip = Strip(segments).crop_extend(0, width, line_style)
            wrapped.strips[key] = strip
        return strip
