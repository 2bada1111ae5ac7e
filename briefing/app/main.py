"""The reader's App: configuration, reading model, loader and app-wide actions; the panes are
MainScreen's (app/screens/main_screen.py), each pane a widget of its own (app/widgets/).

Nothing here analyses text: pair switching and article opening only look things up in the Briefing,
and loading (ingest, cache, spaCy) runs in a thread that posts its results as Messages
(CorpusLoaded, LoadProgress, LoadFailed), each handled once on the UI thread.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from briefing.app.commands import COMMANDS, display_key, resolve_keys
from briefing.app.help import HelpScreen
from briefing.app.loader import (
    Completer,
    CorpusLoaded,
    CorpusLoader,
    Loader,
    LoadFailed,
    LoadProgress,
    SummaryLoader,
    SummarySaver,
    complete,
    load_cached,
    load_summary,
)
from briefing.app.model import ARTICLE_PAGE as ARTICLE_PAGE  # where tests and the bench have always found it
from briefing.app.model import ReaderModel
from briefing.app.problems import ProblemsScreen, problems_notice
from briefing.app.render import BriefItem, literal_line
from briefing.app.screens.main_screen import MIN_SIZE as MIN_SIZE
from briefing.app.screens.main_screen import MainScreen
from briefing.app.state import ReadingState
from briefing.config import Config, settings_file

if TYPE_CHECKING:  # imported by the loader, after the first frame
    from briefing.article import AnalyzedArticle
    from briefing.brief import Briefing, PairBrief
    from briefing.corpus import Corpus


class BriefingApp(App[int]):
    """Owns the configuration, the reading model, the loader and the app-wide actions (help, problems,
    export, palette); the panes and what happens between them are MainScreen's."""

    TITLE = "briefing"
    AUTO_FOCUS = "#pairs"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    """The layout of the panes (widgets keep their own DEFAULT_CSS); absolute, so subclasses elsewhere find it."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(c.key, c.action, c.description, show=c.footer, id=c.id, priority=c.priority) for c in COMMANDS
    ]

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
        self.loader = Loader(
            corpus_loader or partial(load_cached, self.paths, config),
            completer or partial(complete, config),
            (load_summary(self.paths, config) if summary is None and corpus_loader is None else summary),
            post=self.post_message,
            running=lambda: self.is_running,
        )
        self.model = ReaderModel(state or ReadingState())
        self._briefing: Briefing | None = None
        self.generation = 0
        """Counts the Briefings shown: the brief pane's kept lines belong to one of them."""
        self.corpus: Corpus | None = None
        self.loading = True
        self.load_error: str | None = None
        self._problems_notified = 0
        """How many of `corpus.problems` have been notified: later ones (met during analysis) notify too."""
        self.main_screen = MainScreen(self.model, config.highlight)
        self.set_keymap({k: v for k, v in self.keys.items() if v != _default_key(k)})

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    # The model's selection and the panes' views, read by the tests and the bench.
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
    def items(self) -> list[BriefItem]:
        return self.main_screen.brief_pane.items

    @property
    def highlight(self) -> bool:
        return self.main_screen.article_pane.highlight

    @property
    def briefing_loaded(self) -> bool:
        return self._briefing is not None

    @property
    def briefing(self) -> Briefing:
        if self._briefing is None:
            from briefing.brief import Briefing

            self._briefing = Briefing()
        return self._briefing

    @briefing.setter
    def briefing(self, value: Briefing) -> None:
        self._briefing = value
        self.generation += 1

    def on_mount(self) -> None:
        theme = str(self.config.get("app", "theme"))
        try:
            self.theme = theme
        except Exception:
            where = settings_file(self.config.path)
            self.notify(f"unknown theme {theme!r} in {where}; using the default", severity="warning")
        if self.state.problem:
            self.notify(self.state.problem, severity="warning")
        screen = self.main_screen
        screen.article_pane.show_message(Text("Loading articles…", style="italic"))
        screen.check_size(self.size.width, self.size.height)
        summary = self.loader.read_summary()
        if summary is not None:
            screen.show_summary(summary)
        # After the first frame: the loader holds the GIL for most of a second on a large corpus.
        self.call_after_refresh(self.load)

    def on_resize(self, event: events.Resize) -> None:
        self.main_screen.check_size(event.size.width, event.size.height)

    # ----- loading ------------------------------------------------------------------------------

    @work(exclusive=True, group="load")
    async def load(self) -> None:
        """The loader's thread, as a worker of the app (exclusive: one load at a time)."""
        await self.loader.run_in_thread()

    @on(LoadProgress)
    def _load_progress(self, event: LoadProgress) -> None:
        self._progress(event.done, event.total)

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self.loading = False
        self.load_error = event.message
        self.main_screen.show_failure(event.message)
        self.notify(event.message, severity="error", timeout=10)

    @on(CorpusLoaded)
    def _corpus_loaded(self, event: CorpusLoaded) -> None:
        try:
            self._show_corpus(event.corpus, event.briefing, event.loading)
        finally:
            event.shown.set()

    def _progress(self, done: int, total: int) -> None:
        self.main_screen.show_progress(done, total)

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
        self.main_screen.show_corpus()

    # ----- actions (each bound once, in the command table) --------------------------------------
    # Those that concern the panes are MainScreen's; the bindings stay here, where the keymap and the
    # command palette find them whichever screen is on top.

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.keys, settings_file(self.config.path)))

    def action_problems(self) -> None:
        if isinstance(self.screen, ProblemsScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(ProblemsScreen(self.corpus.problems if self.corpus is not None else ()))

    def action_search(self) -> None:
        self.main_screen.open_search()

    def action_next_match(self) -> None:
        self.main_screen.step_match(1)

    def action_previous_match(self) -> None:
        self.main_screen.step_match(-1)

    def action_next_pair(self) -> None:
        self.main_screen.step_pair(1)

    def action_previous_pair(self) -> None:
        self.main_screen.step_pair(-1)

    def action_focus_pane(self, pane: str) -> None:
        self.main_screen.focus_pane(pane)

    def action_move(self, step: int) -> None:
        self.main_screen.move(step)

    def action_open(self) -> None:
        if self.article is not None:
            self.main_screen.open(self.article)

    def action_toggle_highlight(self) -> None:
        on = self.main_screen.toggle_highlight()
        self.notify("highlighting on" if on else "highlighting off", timeout=2)

    def action_bookmark(self) -> None:
        self.main_screen.toggle_bookmark()

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
        article = self.main_screen.article_in_view()
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
