"""The reader's loader: a daemon thread that opens the corpus (ingest + cache), then analyses the rest in
growing chunks, and posts each result to the app as a Message (CorpusLoaded, LoadProgress, LoadFailed),
handled once on the UI thread. It also reads and keeps last session's first screen (summary.py).

No Textual widget here, and nothing imported before the first frame that the first frame does not need:
the corpus, cache and spaCy modules load inside the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from briefing.app.summary import Summary, from_json, summarize, to_json
from briefing.config import Config
from briefing.wording import count

if TYPE_CHECKING:  # imported by the loader thread, after the first frame
    from briefing.brief import Briefing
    from briefing.corpus import Corpus, Status

CorpusLoader = Callable[[], "Corpus"]
"""Returns what can be shown at once (ingest + cache); must not import spaCy."""
Completer = Callable[["Corpus", "Status"], "Corpus"]
"""Analyses the rest; may raise ModelMissingError."""
SummaryLoader = Callable[[], str | None]
"""The first-screen summary stored by the last session on these paths (see summary.py); None: none."""
SummarySaver = Callable[[str], None]

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


class Loader:
    """Runs the loading for one app; `post` delivers a Message to it, `running` says whether it still runs."""

    FIRST_CHUNK = 32
    """Articles analysed before the first fill-in; later chunks double."""

    def __init__(
        self,
        load_corpus: CorpusLoader,
        complete: Completer,
        summary_io: tuple[SummaryLoader, SummarySaver] | None,
        *,
        post: Callable[[Message], bool],
        running: Callable[[], bool],
    ) -> None:
        self.load_corpus = load_corpus
        self.complete = complete
        self.summary_io = summary_io
        self.summary_text: str | None = None
        self.post = post
        self.running = running
        self.first_chunk = self.FIRST_CHUNK

    async def run_in_thread(self) -> None:
        """Runs `run` in a daemon thread and waits for it.

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

        def thread_main() -> None:
            error: BaseException | None = None
            try:
                self.run()
            except Exception as exc:
                error = exc
            with contextlib.suppress(RuntimeError):  # the app (and its loop) closed while loading
                loop.call_soon_threadsafe(settle, error if self.running() else None)

        threading.Thread(target=thread_main, name="briefing-load", daemon=True).start()
        await finished

    def run(self) -> None:
        """The thread's work: the cached corpus first, then the rest analysed in growing chunks."""
        # Textual writes frames from its own thread: decoding the cache here would hold the GIL while the
        # first frame is still on its way to the terminal.
        time.sleep(FIRST_FRAME_GRACE)
        from briefing.corpus import Corpus  # not before the first frame: it brings in every reader

        try:
            corpus = self.load_corpus()
        except Exception as exc:  # a bad path or an unreadable cache must not kill the app
            self.post(LoadFailed(f"could not open the articles: {exc}"))
            return
        # The briefs are built here, off the UI thread: ranking, timeline and lead take a second on 2,000 articles.
        self.hand_over(CorpusLoaded(corpus, corpus.briefing, bool(corpus.missing)))
        if not corpus.missing:
            self.keep_summary(corpus.briefing)
            return
        missing = [i for i in range(len(corpus.raw)) if i not in corpus.analysed]
        total = len(missing)
        self.post(LoadProgress(0, total))
        analysed = dict(corpus.analysed)
        done, size = 0, self.first_chunk
        # Small first chunk, then doubling: the first pairs show within seconds, later chunks repay the
        # model start-up. Each chunk goes through `complete`, so it is cached as it is done.
        while done < total:
            chunk = missing[done : done + size]
            part = Corpus(tuple(corpus.raw[i] for i in chunk), {}, ())

            def status(n: int, _todo: int, base: int = done) -> None:
                self.post(LoadProgress(base + n, total))

            try:
                result = self.complete(part, status)
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
                self.post(LoadFailed(message))
                return
            for j, i in enumerate(chunk):
                if j in result.analysed:
                    analysed[i] = result.analysed[j]
            done += len(chunk)
            size *= 2
            corpus = Corpus(corpus.raw, dict(analysed), corpus.problems + result.problems, corpus.key_statements)
            self.hand_over(CorpusLoaded(corpus, corpus.briefing, done < total))
        self.keep_summary(corpus.briefing)

    def hand_over(self, loaded: CorpusLoaded) -> None:
        """Worker side: post the corpus and wait until it is shown (or the app has closed)."""
        if not self.post(loaded):
            return
        while not loaded.shown.wait(0.1):
            if not self.running():
                return

    def read_summary(self) -> Summary | None:
        """Last session's first screen (one small cache row, tens of ms): shown in the very first frame."""
        if self.summary_io is None:
            return None
        try:
            self.summary_text = self.summary_io[0]()
        except Exception:  # a summary is an optimisation: never an error
            self.summary_text = None
        summary = from_json(self.summary_text)
        return summary if summary is not None and summary.pairs else None

    def keep_summary(self, briefing: Briefing) -> None:
        """Worker side: store this corpus's first screen for the next launch, when it changed."""
        if self.summary_io is None or not briefing.briefs:
            return
        text = to_json(summarize(briefing))
        if text == self.summary_text:
            return
        try:
            self.summary_io[1](text)
            self.summary_text = text
        except Exception:
            return


def load_cached(paths: Sequence[str], config: Config) -> Corpus:
    from briefing.corpus import load_cached

    return load_cached(paths, config)


def load_summary(paths: Sequence[str], config: Config) -> tuple[SummaryLoader, SummarySaver]:
    """Where the first screen of these paths is kept between sessions: in the cache."""
    return partial(_read_summary, paths, config), partial(_save_summary, paths, config)


def _read_summary(paths: Sequence[str], config: Config) -> str | None:
    from briefing.cache_file import read_summary, summary_name  # not briefing.cache: it imports every record type

    return read_summary(config, summary_name(paths, config))


def _save_summary(paths: Sequence[str], config: Config, text: str) -> None:
    from briefing.corpus import save_summary

    save_summary(paths, config, text)


def complete(config: Config, corpus: Corpus, status: Status) -> Corpus:
    from briefing.corpus import complete

    return complete(corpus, config, status)
