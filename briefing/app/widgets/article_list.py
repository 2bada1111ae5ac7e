"""Pane 2, the current pair's articles: read and bookmark marks, title, date and outlets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.app.model import ReaderModel
from briefing.app.render import article_label, article_label_of
from briefing.app.summary import ArticleSummary
from briefing.app.widgets.pane_list import PaneList
from briefing.wording import count

if TYPE_CHECKING:
    from briefing.article import AnalyzedArticle
    from briefing.brief import PairBrief

MORE_ARTICLES = "more-articles"
"""Id of the "… N more (enter: show all)" entry after the first page of a long pair."""


class ArticleList(PaneList):
    def __init__(self, model: ReaderModel, *, follow: Callable[[str], None]) -> None:
        super().__init__(id="articles", follow=follow)
        self.model = model
        self.border_title = "2 Articles"

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
        options = [Option(self._label(a, brief.outlets(a)), id=a.id) for a in brief.articles[:shown]]
        if shown < len(brief.articles):
            more = Text(f"… {count(len(brief.articles) - shown, 'more article')} (enter: show all)", style="italic dim")
            options.append(Option(more, id=MORE_ARTICLES))
        self.set_options(options)

    def relabel(self, brief: PairBrief) -> None:
        """Read or bookmark marks changed: new labels, nothing moves."""
        for i, a in enumerate(brief.articles[: self.model.shown_articles(brief)]):
            if i < self.option_count:
                self.replace_option_prompt_at_index(i, self._label(a, brief.outlets(a)))

    def _label(self, article: AnalyzedArticle, outlets: Sequence[str]) -> Text:
        return article_label(
            article,
            read=self.model.is_read(article.id),
            bookmarked=self.model.is_bookmarked(article.id),
            outlets=outlets,
        )
