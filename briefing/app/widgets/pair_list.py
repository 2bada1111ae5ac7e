"""Pane 1, the pairs: one line per country pair (unread mark, count, trend, name)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.widgets.option_list import Option

from briefing.app.model import ReaderModel
from briefing.app.render import pair_label, pair_label_of
from briefing.app.summary import PairSummary
from briefing.app.widgets.pane_list import PaneList

if TYPE_CHECKING:
    from briefing.brief import PairBrief


class PairList(PaneList):
    def __init__(self, model: ReaderModel, *, follow: Callable[[str], None]) -> None:
        super().__init__(id="pairs", follow=follow)
        self.model = model
        self.border_title = "1 Pairs"

    @property
    def highlighted_key(self) -> str | None:
        return None if self.highlighted is None else self.get_option_at_index(self.highlighted).id

    def show_summary(self, pairs: Sequence[PairSummary]) -> None:
        """Last session's pairs, before the corpus is loaded; the highlight on the first follows nothing."""
        self.set_options(
            Option(pair_label_of(p.title, len(p.articles), p.trend, self.model.unread(p.articles)), id=p.key)
            for p in pairs
        )
        self.show_index(0)

    def show_pairs(self, briefs: Sequence[PairBrief]) -> None:
        """The pairs, nothing highlighted: the caller highlights one, which selects it (one route)."""
        self.set_options(Option(pair_label(b, self.model.unread_in(b)), id=b.key) for b in briefs)

    def relabel(self, briefs: Sequence[PairBrief]) -> None:
        """Unread counts changed: new labels, nothing moves."""
        for i, b in enumerate(briefs[: self.option_count]):
            self.replace_option_prompt_at_index(i, pair_label(b, self.model.unread_in(b)))
