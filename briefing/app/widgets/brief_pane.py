"""Pane 4, the brief: lead, evidence, statements, dates and people of the current pair, each item a jump
into its article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.app.model import ReaderModel
from briefing.app.render import BriefItem, brief_items
from briefing.app.widgets.item_view import ItemView

if TYPE_CHECKING:
    from briefing.brief import PairBrief

BRIEF_SECTION = 10
"""Items per brief section before a "N more…" entry: building items scans the pair's articles per item."""


class BriefPane(ItemView):
    def __init__(self, model: ReaderModel) -> None:
        super().__init__(id="brief", classes="pane")
        self.model = model
        self.border_title = "4 Brief"
        self.items: list[BriefItem] = []
        self._items_cache: dict[tuple[str, bool], tuple[PairBrief, list[BriefItem]]] = {}

    def show_brief(self, brief: PairBrief, generation: int) -> None:
        """Items are cached per pair: building them scans the pair's articles for every person and date.
        `generation` changes with each new Briefing, whose briefs are new objects."""
        full = self.model.items_expanded(brief)
        cached = self._items_cache.get((brief.key, full))
        if cached is None or cached[0] is not brief:
            cached = (brief, brief_items(brief, limit=None if full else BRIEF_SECTION))
            self._items_cache[(brief.key, full)] = cached
        self.items = cached[1]
        self.set_items(
            (brief.key, full, generation),
            [item.prompt for item in self.items],
            [item.article is not None or item.more for item in self.items],
        )

    def item(self, index: int | None) -> BriefItem | None:
        return self.items[index] if index is not None and 0 <= index < len(self.items) else None

    def clear(self) -> None:
        self.items = []
        super().clear()
