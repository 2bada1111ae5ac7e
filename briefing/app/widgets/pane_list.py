"""PaneList: the OptionList under the pairs and articles panes, repainting only what changed.

A user's move of the highlight (keys, mouse) reaches its owner through one synchronous `follow` call
(no OptionHighlighted message is posted);
a move made by the owner itself (`show_index`) calls nothing, since the owner already shows what the
new highlight points at. So each user action reaches the model by exactly one route.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList

from briefing.app._textual_compat import option_lines
from briefing.app.widgets.scrollbar import LightScrollbars


class PaneList(LightScrollbars, OptionList):
    """An OptionList whose new options repaint it, not the whole screen.

    Its size comes from the layout (never from its options), so a longer or shorter list need not lay
    out every pane again; scrollbars still follow, as OptionList updates them itself. The vertical
    scrollbar is always there: one that comes and goes with the list's length is a layout of the screen.
    """

    DEFAULT_CSS = "PaneList { overflow-y: scroll; }"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    highlighted: Reactive[int | None] = Reactive(None, repaint=False)
    """Not a repaint of the whole pane: only the lines of the old and new highlighted options change."""

    def __init__(self, *, id: str, classes: str = "pane", follow: Callable[[str], None] | None = None) -> None:
        """`follow`: called with the option's id when the user moves the highlight, at once rather than
        after an OptionHighlighted message has gone round the queue (a frame later)."""
        super().__init__(id=id, classes=classes)
        self.follow = follow
        self._quiet = False

    def show_index(self, index: int | None) -> None:
        """Move the highlight from code: nothing follows (the caller shows what it points at)."""
        self._quiet = True
        try:
            self.highlighted = index
        finally:
            self._quiet = False

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        y = self.scroll_offset.y
        # Not OptionList's watcher: it posts an OptionHighlighted that nothing reads (the follow call is
        # the one route), yet the message goes through the queues of the list, its screen and the app.
        if new is not None and not self.get_option_at_index(new).disabled:
            self.scroll_to_highlight()
        if self.scroll_offset.y == y:  # else scrolled: the whole pane repaints anyway
            for index in (old, new):
                lines = None if index is None else option_lines(self, index)
                if lines is not None:
                    self.refresh_lines(*lines)
        if not self._quiet and new is not None and self.follow is not None:
            self.follow(self.get_option_at_index(new).id or "")
