"""MainScreen: the four panes, the filter and search boxes and the status line, and what happens between
them when the user moves.

Each user action reaches the model once: a highlight the user moves in a list arrives through the list's
`follow` call; a highlight moved by code (`show_index`) follows nothing, as the code shows the result itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static

from briefing.app.model import ReaderModel
from briefing.app.render import literal_line, plain
from briefing.app.summary import Summary
from briefing.app.widgets.article_list import MORE_ARTICLES, ArticleList
from briefing.app.widgets.article_pane import ArticlePane
from briefing.app.widgets.boxes import FilterBox, LeaveBox, SearchBox
from briefing.app.widgets.brief_pane import BriefPane
from briefing.app.widgets.item_view import ItemView
from briefing.app.widgets.pair_list import PairList
from briefing.app.widgets.status_line import StatusLine
from briefing.config import settings_file
from briefing.wording import count

if TYPE_CHECKING:
    from briefing.app.main import BriefingApp
    from briefing.article import AnalyzedArticle
    from briefing.brief import Briefing, PairBrief

MIN_SIZE = (80, 20)
"""Below this the four panes cannot show a line of text each: the screen shows a message instead."""


class MainScreen(Screen[None]):
    AUTO_FOCUS = "#pairs"
    """Focused as the screen starts: focusing it in on_mount instead recomposes the footer a second time."""

    def __init__(self, model: ReaderModel, labels: list[str] | tuple[str, ...]) -> None:
        super().__init__()
        self.model = model
        self.summary_shown = False
        """Last session's pairs are on screen, not yet this corpus's."""
        self.pairs = PairList(model, follow=self._pair_followed)
        self.articles = ArticleList(model, follow=self._article_followed)
        self.article_pane = ArticlePane(model, labels)
        self.brief_pane = BriefPane(model)
        self.filter_box = FilterBox()
        self.search_box = SearchBox()
        self.status = StatusLine()
        self.too_small = Static(id="too-small", markup=False)
        self._pane_before_search: Widget | None = None

    @property
    def reader(self) -> BriefingApp:
        """The app, for the loaded corpus and its briefs (held there, beside the loader)."""
        return cast("BriefingApp", self.app)

    @property
    def panes(self) -> dict[str, Widget]:
        """The panes by the name the focus keys use (commands.py)."""
        return {"pairs": self.pairs, "articles": self.articles, "article": self.article_pane, "brief": self.brief_pane}

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield self.filter_box
                yield self.pairs
            with Vertical(id="main"):
                yield self.articles
                with Horizontal(id="reading"):
                    yield self.article_pane
                    yield self.brief_pane
        yield self.search_box
        yield self.status
        yield self.too_small
        yield Footer()

    # ----- size ---------------------------------------------------------------------------------

    def check_size(self, width: int, height: int) -> None:
        """Too small for the panes: one clear line instead of borders drawn over each other. Called by the
        App on each resize, also while a modal (help, problems) covers this screen."""
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        self.set_class(small, "-too-small")
        if small:
            need = f"Terminal too small: needs at least {MIN_SIZE[0]}x{MIN_SIZE[1]} (now {width}x{height})"
            self.too_small.update(Text(f"{need}\nEnlarge the window, or press q to quit."))

    # ----- what the loader brings -----------------------------------------------------------------

    def show_summary(self, summary: Summary) -> None:
        """Only what the screen can show: OptionList measures every option before the first frame, and
        the whole lists arrive with the corpus a moment later."""
        self.summary_shown = True
        rows = self.app.size.height
        self.pairs.show_summary(summary.pairs[:rows])
        self.articles.show_summary(summary.first[: rows // 2])
        self.status.show(
            Text(
                f"{count(summary.articles, 'article')} · {count(len(summary.pairs), 'pair')} · loading…", style="italic"
            )
        )

    def show_progress(self, done: int, total: int) -> None:
        self.status.show(Text(f"Analysing articles… {done}/{total}; what is done is shown, the rest fills in"))

    def show_failure(self, message: str) -> None:
        if self.summary_shown:  # last session's pairs must not stay as if they were this corpus
            self.summary_shown = False
            self.pairs.clear_options()
            self.articles.clear_options()
        self.status.show(plain(message, "bold red"))
        if self.model.article is None:
            self.article_pane.show_message(self.empty_text())

    def show_corpus(self) -> None:
        self.refresh_pairs()
        self.update_status()

    def update_status(self) -> None:
        reader = self.reader
        corpus = reader.corpus
        if corpus is None:
            return
        briefing = reader.briefing
        pairs = sum(1 for b in briefing if b.pair is not None)
        text = Text(f"{count(len(briefing.articles), 'article')} · {count(pairs, 'pair')}")
        if reader.loading:
            text.append(f" · analysing {len(corpus.missing)} more…", style="bold")
        if corpus.problems:
            text.append(f" · {count(len(corpus.problems), 'problem')}", style="yellow")
        if reader.load_error:
            text.append(" · ")
            text.append_text(plain(reader.load_error, "red"))
        self.status.show(text)

    # ----- pairs --------------------------------------------------------------------------------

    def visible_pairs(self) -> Briefing:
        return self.reader.briefing.filter(self.filter_box.value)

    def refresh_pairs(self) -> None:
        """The pairs list again (new corpus, new filter), staying on the current pair when it is listed."""
        current = self.model.brief.key if self.model.brief else None
        if current is None and self.summary_shown:
            current = self.pairs.highlighted_key  # where the user moved on the summary
        self.summary_shown = False
        view = self.visible_pairs()
        self.pairs.show_pairs(view.briefs)
        if not view.briefs:
            self.model.clear()
            self.articles.clear_options()
            self.brief_pane.clear()
            self.article_pane.show_message(self.empty_text())
            return
        keys = [b.key for b in view.briefs]
        self.pairs.highlighted = keys.index(current) if current in keys else 0  # selects it: _pair_followed

    def _pair_followed(self, key: str) -> None:
        """The one route from a highlighted pair (key, mouse, ]/[, a refreshed list) to the model."""
        if self.reader.briefing_loaded:  # else the summary's pairs: nothing to show yet
            brief = self.reader.briefing.get(key)
            if brief is not None:
                self.select_pair(brief)

    def select_pair(self, brief: PairBrief, *, opening: bool = True) -> None:
        """Make `brief` current and draw its panes; `opening` False: the caller opens an article itself
        (a search match), so the pair's first article is not drawn in between."""
        if not self.model.select_pair(brief):
            return  # the same brief object: a refreshed list that kept the pair; its panes are right
        index, kept = self.model.start_index(brief)
        self.articles.show_articles(brief)
        self.articles.show_index(index if brief.articles else None)
        self.brief_pane.show_brief(brief, self.reader.generation)
        if brief.articles and opening:
            self.show_article(brief.articles[index], keep_scroll=kept)

    def step_pair(self, step: int) -> None:
        """]/[ from any pane: the highlight moves, and the list's follow call selects the pair."""
        pairs = self.pairs
        if not pairs.option_count:
            return
        current = pairs.highlighted if pairs.highlighted is not None else -step
        pairs.highlighted = max(0, min(pairs.option_count - 1, current + step))

    @on(OptionList.OptionSelected, "#pairs")
    def _pair_selected(self, event: OptionList.OptionSelected) -> None:
        self.articles.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.refresh_pairs()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.pairs.focus()

    # ----- articles -----------------------------------------------------------------------------

    def _article_followed(self, article_id: str) -> None:
        """The one route from an article the user highlights in the list to the article pane."""
        brief = self.model.brief
        if brief is not None:
            article = brief.article(article_id)
            if article is not None and self.model.should_follow(article):
                self.show_article(article)

    def show_article(self, article: AnalyzedArticle, *, keep_scroll: bool = False) -> None:
        self.model.show_article(article)
        self.article_pane.show_article(keep_scroll=keep_scroll)

    def highlight_article(self, article: AnalyzedArticle) -> None:
        """Highlight an article of the current pair in the list, listing them all if it is past the first page."""
        brief = self.model.brief
        if brief is None:
            return
        index = brief.position(article.id)  # a near-duplicate copy is listed as its story
        if index is None:
            return
        if index >= self.model.shown_articles(brief):
            self.model.expand_articles(brief)
            self.articles.show_articles(brief)
        self.articles.show_index(index)

    @on(OptionList.OptionSelected, "#articles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        brief = self.model.brief
        if brief is None:
            return
        if event.option.id == MORE_ARTICLES:
            self.model.expand_articles(brief)
            self.articles.show_articles(brief)
            self.articles.highlighted = event.option_index  # the first article past the page: it follows
            return
        article = brief.article(event.option.id or "")
        if article is not None:
            self.open(article)

    @on(ItemView.Selected, "#brief")
    def _brief_selected(self, event: ItemView.Selected) -> None:
        brief = self.model.brief
        item = self.brief_pane.item(event.index)
        if item is None or brief is None:
            return
        if item.more:
            self.model.expand_items(brief)
            self.brief_pane.show_brief(brief, self.reader.generation)
            self.brief_pane.highlighted = event.index
            return
        article = brief.article(item.article) if item.article is not None else None
        if article is None:
            return
        self.highlight_article(article)
        # The model first (another article clears the span), then one drawing with the span, by `open`.
        if self.model.article is None or self.model.article.id != article.id:
            self.model.show_article(article)
        self.model.set_focus_span(item.start, item.end)
        self.open(article, offset=item.start)

    def open(self, article: AnalyzedArticle, offset: int | None = None) -> None:
        """Show the article in the article pane, mark it read and move there."""
        same = self.model.article is not None and self.model.article.id == article.id
        if not same:
            self.model.show_article(article)
        self.article_pane.show_article(keep_scroll=same)
        if offset is not None:
            self.article_pane.show_body_offset(offset)
        self.mark_read(article)
        self.article_pane.focus()

    def mark_read(self, article: AnalyzedArticle) -> None:
        try:
            changed = self.model.mark_read(article)
        except OSError as exc:
            self.notify(f"could not save read state: {exc}", severity="warning")
            return
        if changed:
            self.relabel()

    def relabel(self) -> None:
        """Unread/bookmark marks changed: relabel the visible lists without moving anything."""
        if self.model.brief is not None:
            self.articles.relabel(self.model.brief)
        self.pairs.relabel(self.visible_pairs().briefs)

    def article_in_view(self) -> AnalyzedArticle | None:
        """The brief item's article when the brief pane is focused, else the open article."""
        brief = self.model.brief
        if self.focused is self.brief_pane and brief is not None:
            item = self.brief_pane.item(self.brief_pane.highlighted)
            if item is not None and item.article is not None:
                return brief.article(item.article) or self.model.article
        return self.model.article

    def empty_text(self) -> Text:
        reader = self.reader
        text = Text()
        if reader.loading:
            text.append("Loading articles…", style="italic")
            return text
        if reader.briefing.articles and not self.visible_pairs().briefs:
            text.append_text(plain(f"No pair matches “{self.filter_box.value}”.", "bold"))
            text.append("\nClear the filter box (1, then tab back to it) to see every pair.")
            return text
        corpus = reader.corpus
        if reader.load_error:
            text.append_text(plain(reader.load_error, "bold red"))
            text.append("\n\n")
        if corpus is not None and not corpus.raw:
            where = ", ".join(reader.paths) or "the configured corpus"
            text.append_text(plain(f"No articles found in {where}.", "bold"))
            text.append(
                "\n\nGive files or folders of .txt, .md or .html articles, or RSS/Atom/JSON feeds:"
                f"\n    briefing ~/news feeds/\nor set corpus.paths in {settings_file(reader.config.path)}."
            )
        elif corpus is not None and not reader.briefing.articles and not reader.load_error:
            text.append("No article could be analysed yet.")
        if corpus is not None and corpus.problems:
            text.append(f"\n\n{count(len(corpus.problems), 'problem')}:\n", style="yellow")
            for problem in corpus.problems:
                text.append_text(plain(f"  {problem}\n"))
        return text

    # ----- search -------------------------------------------------------------------------------

    def open_search(self) -> None:
        """/ in the pairs pane or filter narrows the pairs; elsewhere it searches the open article."""
        if self.focused in (self.pairs, self.filter_box):
            self.filter_box.focus()
            return
        focused = self.focused
        self._pane_before_search = focused if isinstance(focused, Widget) and focused.has_class("pane") else None
        self.search_box.open(self.model.search_term)

    @on(LeaveBox.Left)
    def _box_left(self, event: LeaveBox.Left) -> None:
        if event.box is self.search_box:
            self._close_search()
        else:
            self.pairs.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        model = self.model
        model.search(event.value)
        self._close_search()
        if model.article is None:
            return
        if not model.search_term:
            self.article_pane.show_article()
            return
        if not model.matches and self._search_elsewhere():
            return
        if not model.matches:
            self.article_pane.show_article()
            self.notify(f"no match for “{literal_line(model.search_term)}” in any shown pair", severity="warning")
            return
        self.goto_match()

    def _search_elsewhere(self) -> bool:
        """No match here: open the first article that has one, in this pair first, then in the pairs shown."""
        visible = self.visible_pairs().briefs
        found = self.model.find_elsewhere(visible)
        if found is None:
            return False
        brief, article = found
        self.pairs.show_index([b.key for b in visible].index(brief.key))
        self.select_pair(brief, opening=False)
        self.highlight_article(article)
        self.model.open_match(article)
        self.goto_match()  # draws the article at its first match
        self.notify(f"not in the previous article; showing {literal_line(article.article.title)}")
        return True

    def _close_search(self) -> None:
        self.search_box.close()
        (self._pane_before_search or self.article_pane).focus()

    def goto_match(self) -> None:
        model = self.model
        match = model.current_match
        if match is None or model.match_index is None:
            return
        self.article_pane.show_article(keep_scroll=False)
        self.article_pane.show_body_offset(match[0])
        self.status.show(
            Text(f"match {model.match_index + 1}/{len(model.matches)} for “{literal_line(model.search_term)}”")
        )

    def step_match(self, step: int) -> None:
        if self.model.step_match(step):
            self.goto_match()
        elif self.model.search_term:
            self.notify(f"no match for “{literal_line(self.model.search_term)}” in this article")
        else:
            self.notify("nothing to repeat: search with /")

    # ----- moving and marking -------------------------------------------------------------------

    def focus_pane(self, pane: str) -> None:
        self.panes[pane].focus()

    def move(self, step: int) -> None:
        """j/k: the cursor of the focused list, or the article's scroll."""
        focused = self.focused
        if isinstance(focused, OptionList | ItemView):
            if step > 0:
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()
        elif focused is self.article_pane:
            self.article_pane.scroll_relative(y=step, animate=False)

    def toggle_highlight(self) -> bool:
        self.article_pane.highlight = not self.article_pane.highlight
        self.article_pane.show_article()
        return self.article_pane.highlight

    def toggle_bookmark(self) -> None:
        article = self.model.article
        if article is None:
            self.notify("no article to bookmark")
            return
        try:
            marked = self.model.toggle_bookmark(article)
        except OSError as exc:
            self.notify(f"could not save the bookmark: {exc}", severity="error")
            return
        self.relabel()
        self.article_pane.show_article()
        self.notify(
            ("bookmarked: " if marked else "bookmark removed: ") + literal_line(article.article.title), timeout=3
        )
