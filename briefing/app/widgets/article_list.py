"""Pane 2, the current pair's articles: read and bookmark marks, title, date and outlets.

A pair's options are kept (with the strips Textual drew for them) while its articles' marks stay the
same, so going back to a pair measures and draws nothing in this pane that it drew before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.cache import LRUCache
from textual.widgets.option_list import Option

from briefing.app._textual_compat import set_options_keeping_strips
from briefing.app.lru import store
from briefing.app.model import ReaderModel
from briefing.app.render import article_label, article_label_of
from briefing.app.summary import ArticleSummary
from briefing.app.widgets.pane_list import PaneList
from briefing.wording import count

if TYPE_CHECKING:
    from briefing.article import AnalyzedArticle
    from briefing.brief import PairBrief

KEPT_PAIRS = 64
"""Pairs whose article options are kept."""

_Marks = tuple[tuple[bool, bool], ...]
"""(read, bookmarked) of each article listed: what an option's label depends on besides the brief."""

MORE_ARTICLES = "more-articles"
"""Id of the "… N more (enter: show all)" entry after the first page of a long pair."""


class ArticleList(PaneList):
    def __init__(self, model: ReaderModel, *, follow: Callable[[str], None]) -> None:
        super().__init__(id="articles", follow=follow)
        self.model = model
        self.border_title = "2 Articles"
        self._kept: LRUCache[str, tuple[PairBrief, int, _Marks, list[Option]]] = LRUCache(KEPT_PAIRS)

    def show_summary(self, articles: Sequence[ArticleSummary]) -> None:
        read = self.model.state.read
        self.set_options(
            Option(
                article_label_of(a.title, a.meta, read=a.id in read, bookmarked=self.model.is_bookmarked(a.id)),
                id=a.id,
            )
            for a in articles
        )

    def show_articles(self, brief: PairBrief) -> None:
        """The pair's first page of articles (all once expanded), then the "more" entry if any are left."""
        shown = self.model.shown_articles(brief)
        marks = self._marks(brief, shown)
        kept = self._kept.get(brief.key)
        if kept is not None and kept[0] is brief and kept[1] == shown and kept[2] == marks:
            set_options_keeping_strips(self, kept[3])
            return
        options = [Option(self._label(a, brief.outlets(a)), id=a.id) for a in brief.articles[:shown]]
        if shown < len(brief.articles):
            more = Text(f"… {count(len(brief.articles) - shown, 'more article')} (enter: show all)", style="italic dim")
            options.append(Option(more, id=MORE_ARTICLES))
        store(self._kept, brief.key, (brief, shown, marks, options))
        set_options_keeping_strips(self, options)  # other pairs' strips stay for their return

    def relabel(self, brief: PairBrief) -> None:
        """Read or bookmark marks changed: new labels, nothing moves."""
        shown = self.model.shown_articles(brief)
        for i, a in enumerate(brief.articles[:shown]):
            if i < self.option_count:
                self.replace_option_prompt_at_index(i, self._label(a, brief.outlets(a)))
        kept = self._kept.get(brief.key)
        shown_kept = kept is not None and bool(self.options) and self.options[0] is kept[3][0]
        if kept is not None and shown_kept and kept[0] is brief and kept[1] == shown:  # they show these marks now
            store(self._kept, brief.key, (brief, shown, self._marks(brief, shown), kept[3]))

    def _marks(self, brief: PairBrief, shown: int) -> _Marks:
        model = self.model
        return tuple((model.is_read(a.id), model.is_bookmarked(a.id)) for a in brief.articles[:shown])

    def _label(self, article: AnalyzedArticle, outlets: Sequence[str]) -> Text:
        return article_label(
            article,
            read=self.model.is_read(article.id),
            bookmarked=self.model.is_bookmarked(article.id),
            outlets=outlets,
        )
