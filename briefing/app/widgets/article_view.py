"""The article pane: a line-API scroll view, so a long article costs only the lines on screen to paint.

Wrapping is done here (not by Rich) so that any body offset (a statement, a search match) maps to
the screen line that shows it.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.app._textual_compat import update_scrollbars
from briefing.app.lru import store
from briefing.app.render import wrap_text
from briefing.app.widgets.scrollbar import LightScrollbars

KEPT_TEXTS = 32
_Wrapped = tuple[Text, int, list[tuple[int, int]], list[Text], dict[tuple[int, int, int, Style], Strip]]


class ArticleView(LightScrollbars, ScrollView, can_focus=True):
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text: Text = Text()
        self._offsets: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._lines: list[Text] = []
        self._wrapped_width = -1
        self._strips: dict[tuple[int, int, int, Style], Strip] = {}
        self._base: Style | None = None
        self._width = 0
        """Rendered lines, kept until the text or width changes: a pane repaints several times per key."""
        self._kept: LRUCache[int, _Wrapped] = LRUCache(KEPT_TEXTS)
        """Wrapped lines and strips of texts shown before, by the Text object: going back costs nothing."""

    @property
    def plain(self) -> str:
        return self._text.plain

    def set_text(self, text: Text, *, keep_scroll: bool = False) -> None:
        """Show a text; the same Text object given again (the app keeps its documents) is not wrapped again."""
        y = self.scroll_y
        if text is self._text and self._lines and self._wrapped_width == self._content_width():
            self.scroll_to(y=y if keep_scroll else 0, animate=False, immediate=True)
            return  # already shown at this width: its lines and strips stand
        if self._lines and text is not self._text:
            shown: _Wrapped = (self._text, self._wrapped_width, self._offsets, self._lines, self._strips)
            store(self._kept, id(self._text), shown)  # replaces its entry from an earlier width
        kept = self._kept.get(id(text))
        self._text = text
        if kept is not None and kept[0] is text and kept[1] == self._content_width():
            _, self._wrapped_width, self._offsets, self._lines, self._strips = kept
            self._starts = [s for s, _ in self._offsets]
            self._set_virtual_size(Size(self._wrapped_width, len(self._lines)))
        else:
            self._wrapped_width = -1
            self._rewrap()
        self.scroll_to(y=y if keep_scroll else 0, animate=False, immediate=True)
        self.refresh()

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width or 80)

    def _rewrap(self) -> None:
        width = self._content_width()
        if width == self._wrapped_width and self._lines:
            return
        self._wrapped_width = width
        self._offsets, lines = wrap_text(self._text, width)
        self._lines = lines
        self._strips = {}
        self._starts = [s for s, _ in self._offsets]
        self._set_virtual_size(Size(width, len(lines)))

    def _set_virtual_size(self, size: Size) -> None:
        if size != self.virtual_size:
            # Not through the reactive: it asks for a layout of the whole screen, and the pane's own size
            # never depends on its text (overflow-y is always scroll), so scrollbars are enough.
            self.set_reactive(ArticleView.virtual_size, size)
            update_scrollbars(self, size)

    def on_resize(self) -> None:
        self._rewrap()
        self.refresh()

    def line_of(self, offset: int) -> int:
        """The screen line showing the character at a text offset."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def show_offset(self, offset: int) -> None:
        """Scroll so the offset sits a few lines below the top."""
        self._rewrap()
        self.scroll_to(y=max(0, self.line_of(offset) - 2), animate=False, immediate=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style  # once per repaint, not per line: it walks the styles of every ancestor
        self._width = self.scrollable_content_region.width
        try:
            return super().render_lines(crop)
        finally:
            self._base = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        base = self._base if self._base is not None else self.rich_style
        width = self._width if self._base is not None else self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        key = (index, scroll_x, width, base)
        strip = self._strips.get(key)
        if strip is None:
            segments = [
                Segment(s.text, base + s.style if s.style else base)
                for s in self._lines[index].render(self.app.console)
                if s.text
            ]
            strip = Strip(segments).crop_extend(scroll_x, scroll_x + width, base)
            if len(self._strips) > 4096:
                self._strips.clear()
            self._strips[key] = strip
        return strip
