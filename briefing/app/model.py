"""What the reader shows, apart from how: the current pair and article, the search term and its matches,
the lists expanded past their first page, and read/bookmark state.

No Textual here: BriefingApp turns these decisions into pane updates, and tests/app/test_app_model.py
drives them without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from briefing.app.render import find_all
from briefing.app.state import ReadingState

if TYPE_CHECKING:  # types only: the first frame must not wait for the analysis records to import
    from briefing.article import AnalyzedArticle
    from briefing.brief import PairBrief

ARTICLE_PAGE = 50
"""Articles listed before a "N more…" entry: OptionList measures every option on each pair switch."""

Match = tuple[int, int]
"""A match's start and end offsets in the article body."""


class ReaderModel:
    """The reader's selection and search state; every change goes through one method."""

    def __init__(self, state: ReadingState) -> None:
        self.state = state
        self.brief: PairBrief | None = None
        self.article: AnalyzedArticle | None = None
        self.search_term = ""
        self.matches: list[Match] = []
        self.match_index: int | None = None
        """The current match among `matches`; None: no match is current."""
        self.focus_span: Match | None = None
        """The brief item's span in the open article (set by opening it from the brief pane)."""
        self._all_articles: set[str] = set()
        """Pairs whose article list shows every article."""
        self._all_items: set[str] = set()
        """Pairs whose brief pane shows every item (a "N more…" entry was chosen)."""

    # ----- pair and article -----------------------------------------------------------------------

    @property
    def pair_key(self) -> str | None:
        return self.brief.key if self.brief is not None else None

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article is not None else None

    def select_pair(self, brief: PairBrief) -> bool:
        """Make `brief` current; False when it already is (a rebuilt brief of the same pair is new)."""
        changed = self.brief is not brief
        self.brief = brief
        return changed

    def clear(self) -> None:
        """No pair to show (an empty filter result or corpus)."""
        self.brief = None
        self.article = None

    def start_index(self, brief: PairBrief) -> tuple[int, bool]:
        """Where `brief`'s article list starts: at the open article when this pair has it too (True: the
        reader stays on it), else at the first. A position past the first page expands the list."""
        keep = self.article.id if self.article is not None and brief.article(self.article.id) else None
        index = (brief.position(keep) or 0) if keep else 0
        if index >= ARTICLE_PAGE:
            self._all_articles.add(brief.key)
        return index, keep is not None

    def show_article(self, article: AnalyzedArticle) -> None:
        """Make `article` the open one: the search term is found in it again, a focus span of another
        article is dropped, and the current match stays in range."""
        if self.article is None or self.article.id != article.id:
            self.focus_span = None
        self.article = article
        self.matches = find_all(article.article.body, self.search_term) if self.search_term else []
        if self.match_index is not None and self.match_index >= len(self.matches):
            self.match_index = 0 if self.matches else None

    def should_follow(self, article: AnalyzedArticle) -> bool:
        """Whether highlighting `article` in the list opens it: not when it is open, nor when the open
        article is a copy of its story (opened from the brief: the list shows it under the story)."""
        showing = self.article
        if showing is None:
            return True
        if article.id == showing.id:
            return False
        return self.brief is None or self.brief.story_of(showing.id) is not article

    def set_focus_span(self, start: int, end: int) -> None:
        self.focus_span = (start, end) if end > start else None

    # ----- lists past their first page ------------------------------------------------------------

    def shown_articles(self, brief: PairBrief) -> int:
        """How many of the pair's articles are listed (the rest behind a "N more…" entry)."""
        if brief.key in self._all_articles:
            return len(brief.articles)
        return min(len(brief.articles), ARTICLE_PAGE)

    def expand_articles(self, brief: PairBrief) -> None:
        self._all_articles.add(brief.key)

    def items_expanded(self, brief: PairBrief) -> bool:
        return brief.key in self._all_items

    def expand_items(self, brief: PairBrief) -> None:
        self._all_items.add(brief.key)

    # ----- search ---------------------------------------------------------------------------------

    def search(self, term: str) -> None:
        """Search the open article for `term`; its first match is current (none: no current match)."""
        self.search_term = term
        if self.article is None:
            return
        self.matches = find_all(self.article.article.body, term)
        self.match_index = 0 if self.matches else None

    def find_elsewhere(self, briefs: Sequence[PairBrief]) -> tuple[PairBrief, AnalyzedArticle] | None:
        """The first article holding the search term, in the current pair first, then in `briefs` order."""
        needle = self.search_term.lower()
        if not needle:
            return None
        ordered = [b for b in briefs if b is self.brief] + [b for b in briefs if b is not self.brief]
        for brief in ordered:
            for article in brief.articles:
                if needle in article.article.body.lower():
                    return brief, article
        return None

    def open_match(self, article: AnalyzedArticle) -> None:
        """Open `article` (found by `find_elsewhere`) at its first match."""
        self.match_index = 0
        self.show_article(article)

    def step_match(self, step: int) -> bool:
        """Move the current match by `step`, wrapping round; False when there is no match to move to."""
        if not self.matches:
            return False
        self.match_index = ((self.match_index or 0) + step) % len(self.matches)
        return True

    @property
    def current_match(self) -> Match | None:
        if self.match_index is None or not self.matches:
            return None
        return self.matches[self.match_index]

    # ----- read state -----------------------------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return self.state.is_read(article_id)

    def is_bookmarked(self, article_id: str) -> bool:
        return self.state.is_bookmarked(article_id)

    def unread(self, article_ids: Iterable[str]) -> int:
        return self.state.unread(article_ids)

    def unread_in(self, brief: PairBrief) -> int:
        return self.state.unread(a.id for a in brief.articles)

    def mark_read(self, article: AnalyzedArticle) -> bool:
        """True when the article was unread; raises OSError when the state file cannot be written."""
        return self.state.mark_read(article.id)

    def toggle_bookmark(self, article: AnalyzedArticle) -> bool:
        """True when the article is now bookmarked; raises OSError when the state file cannot be written."""
        return self.state.toggle_bookmark(article.id)
