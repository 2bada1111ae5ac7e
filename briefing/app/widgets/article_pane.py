"""Pane 3, the article: the open article as a document (title, meta, body with highlights, search
matches and the focused statement), or a message when there is none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.cache import LRUCache

from briefing.app.lru import store
from briefing.app.model import ReaderModel
from briefing.app.render import ArticleDocument, article_document
from briefing.app.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from briefing.article import AnalyzedArticle

FOCUS_SPAN_STYLE = "reverse"
KEPT_DOCUMENTS = 32
"""Article documents kept (with their wrapped lines in the pane), so going back to an article is free."""


class ArticlePane(ArticleView):
    def __init__(self, model: ReaderModel, labels: Sequence[str]) -> None:
        super().__init__(id="article")
        self.add_class("pane")
        self.border_title = "3 Article"
        self.model = model
        self.labels = labels
        self.highlight = True
        """Entity highlighting (key `e`)."""
        self.doc_offset = 0
        """Where the shown article's body starts in the pane's text: body offsets + this = text offsets."""
        self._docs: LRUCache[tuple[object, ...], tuple[AnalyzedArticle, ArticleDocument]] = LRUCache(KEPT_DOCUMENTS)

    def show_message(self, text: Text) -> None:
        self.set_text(text)

    def show_article(self, *, keep_scroll: bool = True) -> None:
        """Draw the model's open article with its marks; an unchanged one reuses its document and lines."""
        model = self.model
        article = model.article
        if article is None:
            return
        bookmarked = model.is_bookmarked(article.id)
        key = (id(article), self.highlight, tuple(model.matches), model.match_index, bookmarked, model.focus_span)
        kept = self._docs.get(key)  # a hit is now the most recently used
        if kept is not None and kept[0] is article:
            doc = kept[1]  # the same document object again lets the pane reuse its wrapped lines
        else:
            doc = article_document(
                article,
                labels=self.labels,
                highlight=self.highlight,
                matches=model.matches,
                current=model.match_index,
                bookmarked=bookmarked,
            )
            if model.focus_span:
                start, end = model.focus_span
                doc.text.stylize(FOCUS_SPAN_STYLE, doc.body_offset + start, doc.body_offset + end)
            store(self._docs, key, (article, doc))
        self.doc_offset = doc.body_offset
        self.set_text(doc.text, keep_scroll=keep_scroll)

    def show_body_offset(self, offset: int) -> None:
        """Scroll to a character of the article body (a statement, a match)."""
        self.show_offset(self.doc_offset + offset)
