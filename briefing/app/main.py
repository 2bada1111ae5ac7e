"""The reader: four panes over a precomputed Briefing, driven from the keyboard.

Nothing here analyses text: pair switching and article opening only look things up in the Briefing,
and loading (ingest, cache, spaCy) runs in a thread that posts its results as Messages
(CorpusLoaded, LoadProgress, LoadFailed), each handled once on the UI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.app._textual_compat import option_lines
from briefing.app.article_view import ArticleView
from briefing.app.commands import COMMANDS, display_key, resolve_keys
from briefing.app.help import HelpScreen
from briefing.app.item_view import ItemView
from briefing.app.model import ARTICLE_PAGE as ARTICLE_PAGE  # where tests and the bench have always found it
from briefing.app.model import ReaderModel
from briefing.app.problems import ProblemsScreen, problems_notice
from briefing.app.render import (
    ArticleDocument,
    BriefItem,
    article_document,
    article_label,
    article_label_of,
    brief_items,
    literal_line,
    pair_label,
    pair_label_of,
    plain,
)
from briefing.app.scrollbar import LightScrollbars
from briefing.app.state import ReadingState
from briefing.app.summary import Summary, from_json, summarize, to_json
from briefing.config import Config
from briefing.wording import count

if TYPE_CHECKING:  # imported by the loader, after the first frame
    from briefing.article import AnalyzedArticle
    from briefing.brief import Briefing, PairBrief
    from briefing.corpus import Corpus, Status

CorpusLoader = Callable[[], "Corpus"]
"""Returns what can be shown at once (ingest + cache); must not import spaCy."""
Completer = Callable[["Corpus", "Status"], "Corpus"]
"""Analyses the rest; may raise ModelMissingError."""
SummaryLoader = Callable[[], str | None]
"""The first-screen summary stored by the last session on these paths (see summary.py); None: none."""
SummarySaver = Callable[[str], None]

PANES = {"pairs": "#pairs", "articles": "#articles", "article": "#article", "brief": "#brief"}
FOCUS_SPAN_STYLE = "reverse"
MIN_SIZE = (80, 20)
"""Below this the four panes cannot show a line of text each: the app shows a message instead."""
BRIEF_SECTION = 10
"""Items per brief section before a "N more…" entry: building items scans the pair's articles per item."""
MORE_ARTICLES = "more-articles"
KEPT_DOCUMENTS = 32
"""Article documents kept (with their wrapped lines in the pane), so going back to an article is free."""
FIRST_FRAME_GRACE = 0.05
"""Seconds the loader waits before starting, so the first frame reaches the terminal first."""


class CorpusLoaded(Message):
    """The loader's next corpus (cache first, then after each analysed chunk), its briefs built off the UI thread."""

    def __init__(self, corpus: Corpus, briefing: Briefing, loading: bool) -> None:
        super().__init__()
        self.corpus = corpus
        self.briefing = briefing
        self.loading = loading
        """More chunks follow."""
        self.shown = threading.Event()
        """Set once the app shows it: the loader waits, so the next chunk's analysis never competes with
        showing this one, and a chunk's completer sees the earlier results on screen."""


class LoadProgress(Message):
    """Articles analysed so far out of those the cache did not have."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class LoadFailed(Message):
    """Loading or analysis stopped; `message` is the one line the user sees."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


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

    def __init__(self, *, id: str, classes: str, follow: Callable[[str], None] | None = None) -> None:
        """`follow`: called with the option's id when the user moves the highlight with a key, at once
        rather than after an OptionHighlighted message has gone round the queue (a frame later)."""
        super().__init__(id=id, classes=classes)
        self.follow = follow

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self._follow()

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._follow()

    def _follow(self) -> None:
        if self.follow is not None and self.highlighted is not None:
            self.follow(self.get_option_at_index(self.highlighted).id or "")

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        y = self.scroll_offset.y
        super().watch_highlighted(new)
        if self.scroll_offset.y != y:
            return  # scrolled: the whole pane repaints anyway
        for index in (old, new):
            lines = None if index is None else option_lines(self, index)
            if lines is not None:
                self.refresh_lines(*lines)


class BriefingApp(App[int]):
    TITLE = "briefing"
    AUTO_FOCUS = "#pairs"
    """Focused as the screen starts: focusing it in on_mount instead recomposes the footer a second time."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    """The layout of the panes (widgets keep their own DEFAULT_CSS); absolute, so subclasses elsewhere find it."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(c.key, c.action, c.description, show=c.footer, id=c.id, priority=c.priority) for c in COMMANDS
    ]

    FIRST_CHUNK = 32
    """Articles analysed before the first fill-in; later chunks double."""

    def __init__(
        self,
        config: Config,
        *,
        paths: Sequence[str] = (),
        corpus_loader: CorpusLoader | None = None,
        completer: Completer | None = None,
        state: ReadingState | None = None,
        summary: tuple[SummaryLoader, SummarySaver] | None = None,
    ) -> None:
        """`summary`: where the first screen is kept between sessions; by default in the cache, unless
        `corpus_loader` is given (tests), which then has none unless given too."""
        self.keys = resolve_keys(config.keys)
        super().__init__()
        self.config = config
        self.paths = list(paths)
        self._loader = corpus_loader or partial(_load_cached, self.paths, config)
        self._completer = completer or partial(_complete, config)
        if summary is None and corpus_loader is None:
            summary = (partial(_load_summary, self.paths, config), partial(_save_summary, self.paths, config))
        self._summary_io = summary
        self._summary_text: str | None = None
        self._summary_shown = False
        self.model = ReaderModel(state or ReadingState())
        self.labels = config.highlight
        self.highlight = True
        self._briefing: Briefing | None = None
        self._generation = 0
        self.corpus: Corpus | None = None
        self.loading = True
        self.load_error: str | None = None
        self.items: list[BriefItem] = []
        self._pane_before_search: Widget | None = None
        self._problems_notified = 0
        """How many of `corpus.problems` have been notified: later ones (met during analysis) notify too."""
        self._doc_offset = 0
        self._items_cache: dict[tuple[str, bool], tuple[PairBrief, list[BriefItem]]] = {}
        self._docs: LRUCache[tuple[object, ...], tuple[AnalyzedArticle, ArticleDocument]] = LRUCache(KEPT_DOCUMENTS)
        self.set_keymap({k: v for k, v in self.keys.items() if v != _default_key(k)})

    # The model's selection, read by the panes' code and the tests.
    @property
    def state(self) -> ReadingState:
        return self.model.state

    @property
    def brief(self) -> PairBrief | None:
        return self.model.brief

    @property
    def article(self) -> AnalyzedArticle | None:
        return self.model.article

    @property
    def search_term(self) -> str:
        return self.model.search_term

    @property
    def matches(self) -> list[tuple[int, int]]:
        return self.model.matches

    @property
    def match_index(self) -> int | None:
        return self.model.match_index

    @property
    def focus_span(self) -> tuple[int, int] | None:
        return self.model.focus_span

    @property
    def briefing(self) -> Briefing:
        if self._briefing is None:
            from briefing.brief import Briefing

            self._briefing = Briefing()
        return self._briefing

    @briefing.setter
    def briefing(self, value: Briefing) -> None:
        self._briefing = value
        self._generation += 1  # the brief pane's kept lines belong to the old briefs

    # ----- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield Input(placeholder="filter pairs", id="filter", compact=True)
                pairs = PaneList(id="pairs", classes="pane")
                pairs.border_title = "1 Pairs"
                yield pairs
            with Vertical(id="main"):
                articles = PaneList(id="articles", classes="pane", follow=self._follow_article)
                articles.border_title = "2 Articles"
                yield articles
                with Horizontal(id="reading"):
                    article = ArticleView(id="article")
                    article.add_class("pane")
                    article.border_title = "3 Article"
                    yield article
                    brief = ItemView(id="brief", classes="pane")
                    brief.border_title = "4 Brief"
                    yield brief
        yield Input(placeholder="search this article (enter: find, escape: close)", id="search", compact=True)
        yield Static(Text("Loading…"), id="status", markup=False)
        yield Static(id="too-small", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        theme = str(self.config.get("app", "theme"))
        try:
            self.theme = theme
        except Exception:
            self.notify(f"unknown theme {theme!r} in config.toml; using the default", severity="warning")
        if self.state.problem:
            self.notify(self.state.problem, severity="warning")
        self._show_message(Text("Loading articles…", style="italic"))
        self._check_size(self.size.width, self.size.height)
        summary = self._read_summary()
        if summary is not None:
            self._show_summary(summary)
        # After the first frame: the loader holds the GIL for most of a second on a large corpus.
        self.call_after_refresh(self.load)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Too small for the panes: one clear line instead of borders drawn over each other."""
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        screen = self.screen if not isinstance(self.screen, ModalScreen) else self.screen_stack[0]
        screen.set_class(small, "-too-small")
        if small:
            need = f"Terminal too small: needs at least {MIN_SIZE[0]}x{MIN_SIZE[1]} (now {width}x{height})"
            screen.query_one("#too-small", Static).update(Text(f"{need}\nEnlarge the window, or press q to quit."))

    # ----- loading ------------------------------------------------------------------------------

    @work(exclusive=True, group="load")
    async def load(self) -> None:
        """Runs `_load` in a daemon thread and waits for it.

        Not a Textual thread worker: those run in the event loop's executor, which is joined when the app
        exits, so `q` would clear the screen and then wait for a slow feed or a file that never ends.
        """
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[None] = loop.create_future()

        def settle(error: BaseException | None) -> None:
            if finished.done():
                return
            if error is None:
                finished.set_result(None)
            else:
                finished.set_exception(error)

        def run() -> None:
            error: BaseException | None = None
            try:
                self._load()
            except Exception as exc:
                error = exc
            with contextlib.suppress(RuntimeError):  # the app (and its loop) closed while loading
                loop.call_soon_threadsafe(settle, error if self.is_running else None)

        threading.Thread(target=run, name="briefing-load", daemon=True).start()
        await finished

    def _load(self) -> None:
        # Textual writes frames from its own thread: decoding the cache here would hold the GIL while the
        # first frame is still on its way to the terminal.
        time.sleep(FIRST_FRAME_GRACE)
        from briefing.corpus import Corpus  # not before the first frame: it brings in every reader

        try:
            corpus = self._loader()
        except Exception as exc:  # a bad path or an unreadable cache must not kill the app
            self.post_message(LoadFailed(f"could not open the articles: {exc}"))
            return
        # The briefs are built here, off the UI thread: ranking, timeline and lead take a second on 2,000 articles.
        self._hand_over(CorpusLoaded(corpus, corpus.briefing, bool(corpus.missing)))
        if not corpus.missing:
            self._keep_summary(corpus.briefing)
            return
        missing = [i for i in range(len(corpus.raw)) if i not in corpus.analysed]
        total = len(missing)
        self.post_message(LoadProgress(0, total))
        analysed = dict(corpus.analysed)
        done, size = 0, self.FIRST_CHUNK
        # Small first chunk, then doubling: the first pairs show within seconds, later chunks repay the
        # model start-up. Each chunk goes through `complete`, so it is cached as it is done.
        while done < total:
            chunk = missing[done : done + size]
            part = Corpus(tuple(corpus.raw[i] for i in chunk), {}, ())

            def status(n: int, _todo: int, base: int = done) -> None:
                self.post_message(LoadProgress(base + n, total))

            try:
                result = self._completer(part, status)
            except Exception as exc:
                from briefing.analyze.nlp import ModelMissingError

                if isinstance(exc, ModelMissingError):
                    shown = len(analysed)
                    message = (
                        f"{count(shown, 'article')} shown from the cache; the rest need analysis: {exc}"
                        if shown
                        else str(exc)
                    )
                else:
                    message = f"analysis failed: {type(exc).__name__}: {exc}"
                self.post_message(LoadFailed(message))
                return
            for j, i in enumerate(chunk):
                if j in result.analysed:
                    analysed[i] = result.analysed[j]
            done += len(chunk)
            size *= 2
            corpus = Corpus(corpus.raw, dict(analysed), corpus.problems + result.problems, corpus.key_statements)
            self._hand_over(CorpusLoaded(corpus, corpus.briefing, done < total))
        self._keep_summary(corpus.briefing)

    def _hand_over(self, loaded: CorpusLoaded) -> None:
        """Worker side: post the corpus and wait until it is shown (or the app has closed)."""
        if not self.post_message(loaded):
            return
        while not loaded.shown.wait(0.1):
            if not self.is_running:
                return

    def _read_summary(self) -> Summary | None:
        """Last session's first screen (one small cache row, tens of ms): shown in the very first frame."""
        if self._summary_io is None:
            return None
        try:
            self._summary_text = self._summary_io[0]()
        except Exception:  # a summary is an optimisation: never an error
            self._summary_text = None
        summary = from_json(self._summary_text)
        return summary if summary is not None and summary.pairs else None

    def _keep_summary(self, briefing: Briefing) -> None:
        """Worker side: store this corpus's first screen for the next launch, when it changed."""
        if self._summary_io is None or not briefing.briefs:
            return
        text = to_json(summarize(briefing))
        if text == self._summary_text:
            return
        try:
            self._summary_io[1](text)
            self._summary_text = text
        except Exception:
            return

    def _show_summary(self, summary: Summary) -> None:
        """Only what the screen can show: OptionList measures every option before the first frame, and
        the whole lists arrive with the corpus a moment later."""
        self._summary_shown = True
        read = self.state.read
        pairs = self.query_one("#pairs", OptionList)
        rows = self.size.height
        pairs.set_options(
            Option(pair_label_of(p.title, len(p.articles), p.trend, self.model.unread(p.articles)), id=p.key)
            for p in summary.pairs[:rows]
        )
        pairs.highlighted = 0
        self.query_one("#articles", OptionList).set_options(
            Option(
                article_label_of(a.title, a.meta, read=a.id in read, bookmarked=self.model.is_bookmarked(a.id)),
                id=a.id,
            )
            for a in summary.first[: rows // 2]
        )
        self._set_status(
            Text(
                f"{count(summary.articles, 'article')} · {count(len(summary.pairs), 'pair')} · loading…", style="italic"
            )
        )

    @on(LoadProgress)
    def _load_progress(self, event: LoadProgress) -> None:
        self._progress(event.done, event.total)

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self._show_failure(event.message)

    @on(CorpusLoaded)
    def _corpus_loaded(self, event: CorpusLoaded) -> None:
        try:
            self._show_corpus(event.corpus, event.briefing, event.loading)
        finally:
            event.shown.set()

    def _progress(self, done: int, total: int) -> None:
        self._set_status(Text(f"Analysing articles… {done}/{total}; what is done is shown, the rest fills in"))

    def _show_failure(self, message: str) -> None:
        self.loading = False
        self.load_error = message
        if self._summary_shown:  # last session's pairs must not stay as if they were this corpus
            self._summary_shown = False
            self.query_one("#pairs", OptionList).clear_options()
            self.query_one("#articles", OptionList).clear_options()
        self._set_status(plain(message, "bold red"))
        self.notify(message, severity="error", timeout=10)
        if self.article is None:
            self._show_message(self._empty_text())

    def _show_corpus(self, corpus: Corpus, briefing: Briefing, loading: bool) -> None:
        self.corpus = corpus
        self.loading = loading
        self.briefing = briefing
        if not loading:
            # The corpus lives as long as the app: left to the collector, a full collection walks it now
            # and then (~0.2 s with 2,000 articles), stalling whichever key it lands on.
            gc.freeze()
        new = corpus.problems[self._problems_notified :]
        if new:
            self._problems_notified = len(corpus.problems)
            self.notify(problems_notice(new, display_key(self.keys["problems"])), severity="warning")
        self._refresh_pairs()
        self._update_status()

    def _update_status(self) -> None:
        corpus = self.corpus
        if corpus is None:
            return
        pairs = sum(1 for b in self.briefing if b.pair is not None)
        text = Text(f"{count(len(self.briefing.articles), 'article')} · {count(pairs, 'pair')}")
        if self.loading:
            text.append(f" · analysing {len(corpus.missing)} more…", style="bold")
        if corpus.problems:
            text.append(f" · {count(len(corpus.problems), 'problem')}", style="yellow")
        if self.load_error:
            text.append(" · ")
            text.append_text(plain(self.load_error, "red"))
        self._set_status(text)

    def _set_status(self, text: Text) -> None:
        self.query_one("#status", Static).update(text)

    # ----- panes --------------------------------------------------------------------------------

    def _visible(self) -> Briefing:
        return self.briefing.filter(self.query_one("#filter", Input).value)

    def _refresh_pairs(self) -> None:
        pairs = self.query_one("#pairs", OptionList)
        current = self.brief.key if self.brief else None
        if current is None and self._summary_shown and pairs.highlighted is not None:
            current = pairs.get_option_at_index(pairs.highlighted).id  # where the user moved on the summary
        self._summary_shown = False
        view = self._visible()
        pairs.set_options(Option(pair_label(b, self.model.unread_in(b)), id=b.key) for b in view.briefs)
        if not view.briefs:
            self.model.clear()
            self.query_one("#articles", OptionList).clear_options()
            self.query_one("#brief", ItemView).clear()
            self._show_message(self._empty_text())
            return
        keys = [b.key for b in view.briefs]
        index = keys.index(current) if current in keys else 0
        pairs.highlighted = index
        self._select_pair(view.briefs[index])

    def _empty_text(self) -> Text:
        text = Text()
        if self.loading:
            text.append("Loading articles…", style="italic")
            return text
        if self.briefing.articles and not self._visible().briefs:
            text.append_text(plain(f"No pair matches “{self.query_one('#filter', Input).value}”.", "bold"))
            text.append("\nClear the filter box (1, then tab back to it) to see every pair.")
            return text
        corpus = self.corpus
        if self.load_error:
            text.append_text(plain(self.load_error, "bold red"))
            text.append("\n\n")
        if corpus is not None and not corpus.raw:
            where = ", ".join(self.paths) or "the configured corpus"
            text.append_text(plain(f"No articles found in {where}.", "bold"))
            text.append(
                "\n\nGive files or folders of .txt, .md or .html articles, or RSS/Atom/JSON feeds:"
                "\n    briefing ~/news feeds/\nor set corpus.paths in config.toml."
            )
        elif corpus is not None and not self.briefing.articles and not self.load_error:
            text.append("No article could be analysed yet.")
        if corpus is not None and corpus.problems:
            text.append(f"\n\n{count(len(corpus.problems), 'problem')}:\n", style="yellow")
            for problem in corpus.problems:
                text.append_text(plain(f"  {problem}\n"))
        return text

    def _show_message(self, text: Text) -> None:
        self.query_one("#article", ArticleView).set_text(text)

    def _select_pair(self, brief: PairBrief) -> None:
        if not self.model.select_pair(brief):
            return
        articles = self.query_one("#articles", OptionList)
        index, kept = self.model.start_index(brief)
        self._set_article_options(brief)
        articles.highlighted = index if brief.articles else None
        self._set_brief_items(brief)
        if brief.articles:
            self._show_article(brief.articles[index], keep_scroll=kept)

    def _set_article_options(self, brief: PairBrief) -> None:
        shown = self.model.shown_articles(brief)
        options = [self._article_option(a, brief.outlets(a)) for a in brief.articles[:shown]]
        if shown < len(brief.articles):
            more = Text(f"… {count(len(brief.articles) - shown, 'more article')} (enter: show all)", style="italic dim")
            options.append(Option(more, id=MORE_ARTICLES))
        self.query_one("#articles", OptionList).set_options(options)

    def _set_brief_items(self, brief: PairBrief) -> None:
        """Items are cached per pair: building them scans the pair's articles for every person and date."""
        full = self.model.items_expanded(brief)
        cached = self._items_cache.get((brief.key, full))
        if cached is None or cached[0] is not brief:
            cached = (brief, brief_items(brief, limit=None if full else BRIEF_SECTION))
            self._items_cache[(brief.key, full)] = cached
        self.items = cached[1]
        self.query_one("#brief", ItemView).set_items(
            (brief.key, full, self._generation),
            [item.prompt for item in self.items],
            [item.article is not None or item.more for item in self.items],
        )

    def _highlight_article(self, article: AnalyzedArticle) -> None:
        """Highlight an article of the current pair in the list, listing them all if it is past the first page."""
        if self.brief is None:
            return
        index = self.brief.position(article.id)  # a near-duplicate copy is listed as its story
        if index is None:
            return
        if index >= self.model.shown_articles(self.brief):
            self.model.expand_articles(self.brief)
            self._set_article_options(self.brief)
        self.query_one("#articles", OptionList).highlighted = index

    def _article_option(self, article: AnalyzedArticle, outlets: Sequence[str] = ()) -> Option:
        label = article_label(
            article,
            read=self.model.is_read(article.id),
            bookmarked=self.model.is_bookmarked(article.id),
            outlets=outlets,
        )
        return Option(label, id=article.id)

    def _show_article(self, article: AnalyzedArticle, *, keep_scroll: bool = False) -> None:
        self.model.show_article(article)
        self._render_article(keep_scroll=keep_scroll)

    def _render_article(self, *, keep_scroll: bool = True) -> None:
        article = self.article
        if article is None:
            return
        bookmarked = self.model.is_bookmarked(article.id)
        key = (id(article), self.highlight, tuple(self.matches), self.match_index, bookmarked, self.focus_span)
        kept = self._docs.get(key)
        if kept is not None and kept[0] is article:
            doc = kept[1]
        else:
            doc = article_document(
                article,
                labels=self.labels,
                highlight=self.highlight,
                matches=self.matches,
                current=self.match_index,
                bookmarked=bookmarked,
            )
            if self.focus_span:
                start, end = self.focus_span
                doc.text.stylize(FOCUS_SPAN_STYLE, doc.body_offset + start, doc.body_offset + end)
        # The same document object again lets the article pane reuse its wrapped lines.
        self._docs.set(key, (article, doc))
        self._doc_offset = doc.body_offset
        self.query_one("#article", ArticleView).set_text(doc.text, keep_scroll=keep_scroll)

    def _update_article_labels(self) -> None:
        """Unread/bookmark marks changed: relabel the visible lists without moving anything."""
        articles = self.query_one("#articles", OptionList)
        if self.brief is not None:
            for i, a in enumerate(self.brief.articles[: self.model.shown_articles(self.brief)]):
                if i < articles.option_count:
                    articles.replace_option_prompt_at_index(i, self._article_option(a, self.brief.outlets(a)).prompt)
        pairs = self.query_one("#pairs", OptionList)
        for i, b in enumerate(self._visible().briefs):
            if i < pairs.option_count:
                pairs.replace_option_prompt_at_index(i, pair_label(b, self.model.unread_in(b)))

    @on(OptionList.OptionHighlighted, "#pairs")
    def _pair_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._briefing is None:  # the summary's pairs: nothing to show yet, and no import of brief
            return
        brief = self.briefing.get(event.option.id or "")
        if brief is not None:
            self._select_pair(brief)

    @on(OptionList.OptionSelected, "#pairs")
    def _pair_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#articles").focus()

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._follow_article(event.option.id or "")  # a click, page keys; up/down come straight here

    def _follow_article(self, article_id: str) -> None:
        if self.brief is not None:
            article = self.brief.article(article_id)
            if article is not None and self.model.should_follow(article):
                self._show_article(article)

    @on(OptionList.OptionSelected, "#articles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        if self.brief is not None and event.option.id == MORE_ARTICLES:
            at = event.option_index
            self.model.expand_articles(self.brief)
            self._set_article_options(self.brief)
            self.query_one("#articles", OptionList).highlighted = at
            return
        if self.brief is not None:
            article = self.brief.article(event.option.id or "")
            if article is not None:
                self._open(article)

    @on(ItemView.Selected, "#brief")
    def _brief_selected(self, event: ItemView.Selected) -> None:
        index = event.index
        item = self.items[index] if 0 <= index < len(self.items) else None
        if item is not None and item.more and self.brief is not None:
            self.model.expand_items(self.brief)
            self._set_brief_items(self.brief)
            self.query_one("#brief", ItemView).highlighted = index
            return
        if item is None or item.article is None or self.brief is None:
            return
        article = self.brief.article(item.article)
        if article is None:
            return
        self._highlight_article(article)
        if self.article is None or self.article.id != article.id:
            self._show_article(article)  # before the span is set: showing another article clears it
        self.model.set_focus_span(item.start, item.end)
        self._open(article, offset=item.start)

    def _open(self, article: AnalyzedArticle, offset: int | None = None) -> None:
        """Show the article in the article pane, mark it read and move there."""
        if self.article is None or self.article.id != article.id:
            self._show_article(article)
        else:
            self._render_article()
        if offset is not None:
            self.query_one("#article", ArticleView).show_offset(self._doc_offset + offset)
        self._mark_read(article)
        self.query_one("#article").focus()

    def _mark_read(self, article: AnalyzedArticle) -> None:
        try:
            changed = self.model.mark_read(article)
        except OSError as exc:
            self.notify(f"could not save read state: {exc}", severity="warning")
            return
        if changed:
            self._update_article_labels()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._refresh_pairs()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#pairs").focus()

    # ----- search -------------------------------------------------------------------------------

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.model.search(event.value)
        self._close_search()
        if self.article is None:
            return
        if not self.search_term:
            self._render_article()
            return
        if not self.matches and self._search_elsewhere():
            return
        if not self.matches:
            self._render_article()
            self.notify(f"no match for “{literal_line(self.search_term)}” in any shown pair", severity="warning")
            return
        self._goto_match()

    def _search_elsewhere(self) -> bool:
        """No match here: open the first article that has one, in this pair first, then in the pairs shown."""
        visible = self._visible().briefs
        found = self.model.find_elsewhere(visible)
        if found is None:
            return False
        brief, article = found
        self.query_one("#pairs", OptionList).highlighted = [b.key for b in visible].index(brief.key)
        self._select_pair(brief)
        self._highlight_article(article)
        self.model.open_match(article)
        self._render_article(keep_scroll=False)
        self._goto_match()
        self.notify(f"not in the previous article; showing {literal_line(article.article.title)}")
        return True

    def _close_search(self) -> None:
        search = self.query_one("#search", Input)
        search.remove_class("-active")
        target = self._pane_before_search or self.query_one("#article")
        target.focus()

    def on_key(self, event: Any) -> None:
        if event.key == "escape" and self.focused is self.query_one("#search", Input):
            event.stop()
            self._close_search()
        elif event.key == "escape" and self.focused is self.query_one("#filter", Input):
            event.stop()
            self.query_one("#pairs").focus()

    def _goto_match(self) -> None:
        match = self.model.current_match
        if match is None or self.match_index is None:
            return
        self._render_article()
        start, _ = match
        self.query_one("#article", ArticleView).show_offset(self._doc_offset + start)
        self._set_status(
            Text(f"match {self.match_index + 1}/{len(self.matches)} for “{literal_line(self.search_term)}”")
        )

    # ----- actions (each bound once, in the command table) --------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.keys))

    def action_problems(self) -> None:
        if isinstance(self.screen, ProblemsScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(ProblemsScreen(self.corpus.problems if self.corpus is not None else ()))

    def action_search(self) -> None:
        if self.focused in (self.query_one("#pairs"), self.query_one("#filter")):
            self.query_one("#filter").focus()
            return
        focused = self.focused
        self._pane_before_search = focused if isinstance(focused, Widget) and focused.has_class("pane") else None
        search = self.query_one("#search", Input)
        search.add_class("-active")
        search.value = self.search_term
        search.focus()

    def _step_match(self, step: int) -> None:
        if self.model.step_match(step):
            self._goto_match()
        elif self.search_term:
            self.notify(f"no match for “{literal_line(self.search_term)}” in this article")
        else:
            self.notify("nothing to repeat: search with /")

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_pair(self, step: int) -> None:
        pairs = self.query_one("#pairs", OptionList)
        if not pairs.option_count:
            return
        current = pairs.highlighted if pairs.highlighted is not None else -step
        pairs.highlighted = max(0, min(pairs.option_count - 1, current + step))
        # The panes now, not after the OptionHighlighted round trip: one screen update instead of two.
        brief = self.briefing.get(pairs.get_option_at_index(pairs.highlighted).id or "") if self._briefing else None
        if brief is not None:
            self._select_pair(brief)

    def action_next_pair(self) -> None:
        self._step_pair(1)

    def action_previous_pair(self) -> None:
        self._step_pair(-1)

    def action_focus_pane(self, pane: str) -> None:
        self.query_one(PANES[pane]).focus()

    def action_move(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, OptionList | ItemView):
            if step > 0:
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()
        elif isinstance(focused, ArticleView):
            focused.scroll_relative(y=step, animate=False)

    def action_open(self) -> None:
        if self.article is not None:
            self._open(self.article)

    def action_toggle_highlight(self) -> None:
        self.highlight = not self.highlight
        self._render_article()
        self.notify("highlighting on" if self.highlight else "highlighting off", timeout=2)

    def action_bookmark(self) -> None:
        article = self.article
        if article is None:
            self.notify("no article to bookmark")
            return
        try:
            marked = self.model.toggle_bookmark(article)
        except OSError as exc:
            self.notify(f"could not save the bookmark: {exc}", severity="error")
            return
        self._update_article_labels()
        self._render_article()
        self.notify(
            ("bookmarked: " if marked else "bookmark removed: ") + literal_line(article.article.title), timeout=3
        )

    def action_export(self) -> None:
        if self.brief is None:
            self.notify("no pair to export", severity="warning")
            return
        self._export([self.brief])

    def action_export_all(self) -> None:
        if not self.briefing.briefs:
            self.notify("nothing to export", severity="warning")
            return
        self._export(list(self.briefing.briefs))

    def action_open_link(self) -> None:
        """The article's own web page, in the user's browser: the tab's browser when served (App.open_url
        goes through textual-serve), the system's browser in a terminal."""
        article = self._article_in_view()
        if article is None:
            self.notify("no article to open", severity="warning")
            return
        link = web_link(article.article.link)
        if link is None:
            self.notify("this article has no web address", severity="warning")
            return
        if self.is_web or desktop_browser_likely():
            self.open_url(link)
            self.notify("opening " + literal_line(link), timeout=3)
        else:  # a text-mode browser started from here would take over this very terminal
            self.notify("web page: " + literal_line(link), timeout=15)

    def _article_in_view(self) -> AnalyzedArticle | None:
        """The brief item's article when the brief pane is focused, else the open article."""
        focused = self.focused
        if isinstance(focused, ItemView) and focused.highlighted is not None and self.brief is not None:
            index = focused.highlighted
            item = self.items[index] if index < len(self.items) else None
            if item is not None and item.article is not None:
                return self.brief.article(item.article) or self.article
        return self.article

    @work(thread=True, group="export")
    def _export(self, briefs: list[PairBrief]) -> None:
        try:
            from briefing.export.writer import export_briefs
        except ImportError:
            self.call_from_thread(self.notify, "export is not available", severity="error")
            return
        if self.is_web:  # served: the files belong to the person at the browser, not to the server's disk
            try:
                from briefing.export.writer import documents

                outputs = documents(briefs)
            except Exception as exc:
                self.call_from_thread(self.notify, f"export failed: {exc}", severity="error")
                return
            self.call_from_thread(self._deliver, outputs)
            return
        directory = self.config.export_dir
        try:
            result = export_briefs(briefs, directory)
        except Exception as exc:
            self.call_from_thread(self.notify, f"export failed: {exc}", severity="error")
            return
        self.call_from_thread(self._exported, list(result.written), list(result.skipped))

    def _deliver(self, outputs: list[tuple[str, str]]) -> None:
        """Hand the export to the browser as a download: one brief as its .md file, several as briefs.zip."""
        if len(outputs) == 1:
            name, text = outputs[0]
            self.deliver_text(io.StringIO(text), save_filename=name, mime_type="text/markdown", encoding="utf-8")
        else:
            name = "briefs.zip"
            self.deliver_binary(io.BytesIO(zip_documents(outputs)), save_filename=name, mime_type="application/zip")
        self.notify(f"sent {name} to your browser", title="Export", timeout=8)

    def _exported(self, written: list[Path], skipped: list[Path]) -> None:
        lines = []
        if written:
            lines.append("wrote " + ", ".join(str(p) for p in written[:6]) + (" …" if len(written) > 6 else ""))
        if skipped:
            lines.append(
                "kept existing (not overwritten): "
                + ", ".join(str(p) for p in skipped[:6])
                + (" …" if len(skipped) > 6 else "")
            )
        self.notify("\n".join(lines) or "nothing written", title="Export", timeout=8)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every message may quote an article title or a file name: never parse it as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # ----- command palette ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in COMMANDS:
            if command.id in ("command_palette", "down", "up"):
                continue
            key = display_key(self.keys.get(command.id, command.key))
            yield SystemCommand(
                command.description, f"{command.id} ({key})", partial(self._palette_run, command.action)
            )
        yield from super().get_system_commands(screen)

    def _palette_run(self, action: str) -> None:
        self.call_later(self.run_action, action)


def web_link(link: str | None) -> str | None:
    """The article's link when it is an http(s) address; article metadata is untrusted, so no other scheme
    (javascript:, file:, data:) ever reaches a browser."""
    if not link:
        return None
    link = link.strip()
    scheme = link.split(":", 1)[0].lower()
    if scheme not in ("http", "https") or any(c.isspace() or ord(c) < 32 for c in link):
        return None
    return link


def desktop_browser_likely() -> bool:
    """Whether the system's browser is a desktop one: on Linux and BSD only with a graphical session
    (elsewhere Python's webbrowser falls back to lynx or w3m, in the terminal the reader occupies)."""
    import os
    import sys

    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def zip_documents(outputs: Sequence[tuple[str, str]]) -> bytes:
    """The export's files in one zip archive (UTF-8 Markdown), for a single browser download."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in outputs:
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def _default_key(command_id: str) -> str:
    from briefing.app.commands import BY_ID, normalize

    return normalize(BY_ID[command_id].key)


def _load_cached(paths: Sequence[str], config: Config) -> Corpus:
    from briefing.corpus import load_cached

    return load_cached(paths, config)


def _load_summary(paths: Sequence[str], config: Config) -> str | None:
    from briefing.cache_file import read_summary, summary_name  # not briefing.cache: it imports every record type

    return read_summary(config, summary_name(paths, config))


def _save_summary(paths: Sequence[str], config: Config, text: str) -> None:
    from briefing.corpus import save_summary

    save_summary(paths, config, text)


def _complete(config: Config, corpus: Corpus, status: Status) -> Corpus:
    from briefing.corpus import complete

    return complete(corpus, config, status)
