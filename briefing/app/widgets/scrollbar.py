"""Vertical scrollbars drawn straight to strips, for the panes that change on every key.

A pair switch gives three panes new content, so three scrollbars repaint. Textual draws a scrollbar
through the general widget path, which re-reads its styles for every row (about 2 ms a bar here);
the bar's look depends only on a few numbers, so it is drawn once per change of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

from briefing.app._textual_compat import install_vertical_scrollbar, vertical_scrollbar


class LightScrollBar(ScrollBar):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: tuple[tuple[object, ...], list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        if not self.vertical or not isinstance(bar, ScrollBarRender):
            return super().render_lines(crop)
        width, height = self.size
        style = bar.style if isinstance(bar.style, Style) else Style.parse(str(bar.style))
        filters = tuple(self.get_line_filters())
        background = self.background_colors[1]
        base = self.rich_style  # the pane's colours under the bar's own, as Textual's general path does
        key = (width, height, bar.virtual_size, bar.window_size, bar.position, style, filters, background, base)
        if self._drawn is None or self._drawn[0] != key:
            segments = bar.render_bar(
                size=height,
                virtual_size=bar.virtual_size,
                window_size=bar.window_size,
                position=bar.position,
                thickness=width,
                vertical=True,
                back_color=style.bgcolor or Color.parse("#555555"),
                bar_color=style.color or Color.parse("bright_magenta"),
            ).segments
            strips = []
            for segment in segments:
                strip = Strip([Segment(segment.text, base + segment.style)], width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                strips.append(strip)
            self._drawn = (key, strips)
        return [strip.crop(crop.x, crop.right) for strip in self._drawn[1][crop.y : crop.bottom]]


if TYPE_CHECKING:
    _Mixin = Widget
else:
    _Mixin = object  # not a DOMNode: Textual inherits CSS, bindings and component classes along the first one


class LightScrollbars(_Mixin):
    """Mixed into a scrolling widget (before its Textual base) to give it a LightScrollBar."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        bar = vertical_scrollbar(self)
        if bar is None:
            bar = LightScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            install_vertical_scrollbar(self, bar)
        return bar
