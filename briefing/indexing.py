"""`briefing index` in bounded memory: read, skip what the cache has, analyse and store, as one stream.

A corpus may be larger than memory, so no stage holds all of it. A reader thread lists the inputs and
reads them one file at a time (`ArticleStream`) into a queue of at most `queue_size` articles; this
thread takes them from it in small groups, asks the cache which it already has, hands the others to
the engine (local or Ray, both pull their input as they go) and writes each result to the cache as it
comes. What the driver holds at any moment: the file list, one digest per article seen, the queue,
one group, one part of the listing being written and what the engine has in flight; none of it grows
with the texts of the corpus.

The listing (what reading these unchanged files gave) is written part by part as the articles pass
(`cache.ListingWriter`); a later run on the same files reads those parts instead of the files, and
the reader app (`corpus.load_cached`) reads them too.

Nothing here prints: problems go to `on_problem` as they are met, progress to `progress`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass

from briefing.article import AnalyzedArticle, Problem, ProblemSink, RawArticle
from briefing.config import Config
from briefing.corpus import Engine, analyses, article_stream, listing_key_of
from briefing.ingest.load import ArticleStream

QUEUE_ARTICLES = 64
"""Articles read ahead of the analysis at most: enough to keep the engine fed, small next to a corpus."""
GROUP_ARTICLES = 32
"""Articles looked up in the cache per query (at most the queue's bound, so that a group adds no more)."""
_POLL = 0.2
"""Seconds between checks of the stop flag while the queue is full or empty (Ctrl+C, early close)."""


class _End:
    """The reader's last item; carries the exception that stopped it, if any."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


@dataclass(slots=True)
class IndexCounts:
    """How far a run is; read by the progress display while the run goes on."""

    files: int = 0
    """Inputs listed (0 until the listing is done)."""
    files_read: int = 0
    read: int = 0
    """Articles read so far (after dropping ones reached twice)."""
    cached: int = 0
    """Of those, the ones the cache already had."""
    analysed: int = 0
    words: int = 0
    read_all: bool = False
    """Every input is read (`read` is the corpus's number of articles)."""
    complete: bool = False
    """Every input is read and every article read was looked up: `todo` is exact."""

    @property
    def todo(self) -> int:
        """Articles to analyse in this run: exact once `complete`, else estimated from the files left."""
        known = self.read - self.cached
        if self.complete:
            return known
        per_file = self.read / self.files_read if self.files_read else 1.0
        return max(self.analysed, known + round(max(0, self.files - self.files_read) * per_file))


def index(
    paths: Sequence[str],
    config: Config,
    engine: Engine,
    *,
    on_problem: ProblemSink,
    progress: Callable[[IndexCounts], None] | None = None,
    counts: IndexCounts | None = None,
    queue_size: int = QUEUE_ARTICLES,
) -> Generator[AnalyzedArticle, None, None]:
    """Each analysis once it is handed to the cache; `counts` (given or new) is kept up to date.

    Closing the generator early (or Ctrl+C inside it) stops the reader and keeps what was stored.
    """
    from briefing.cache import ListingGoneError, open_cache

    counts = counts if counts is not None else IndexCounts()
    queue_size = max(1, queue_size)
    group_size = min(GROUP_ARTICLES, queue_size)
    wanted = list(paths) or config.default_inputs
    stream = article_stream(wanted, config)
    items: queue.Queue[RawArticle | Problem | _End] = queue.Queue(maxsize=queue_size)
    stop = threading.Event()
    reader = threading.Thread(target=_read, args=(stream, items, stop, counts), name="briefing-reader", daemon=True)
    cache = open_cache(config, on_problem)
    key = listing_key_of(wanted, config) if cache is not None else None
    listed = cache.listing_parts(key) if cache is not None and key is not None else None
    writer = cache.listing_writer(key) if cache is not None and key is not None and listed is None else None

    def read_groups() -> Iterator[list[RawArticle | Problem]]:
        """What the reader thread reads, in groups as they are ready."""
        reader.start()
        while True:
            group, end = _take(items, stop, group_size)
            yield group
            if end is not None:
                if end.error is not None:
                    raise end.error
                return

    def listed_groups() -> Iterator[list[RawArticle | Problem]]:
        """The articles an earlier run stored for these unchanged files, one stored part at a time."""
        assert listed is not None
        problems, parts, counts.files = listed
        yield list(problems)
        try:
            for part in parts:
                for start in range(0, len(part), group_size):
                    group = part[start : start + group_size]
                    counts.read += len(group)
                    counts.files_read = counts.read
                    yield list(group)
            counts.read_all = True
        except ListingGoneError:
            on_problem(Problem(str(config.cache_dir), "the cache's listing of these files changed; run again"))

    def pending() -> Iterator[RawArticle]:
        """Articles read and not in the cache, in input order, taken as the engine asks for them."""
        problems: list[Problem] = []
        for group in listed_groups() if listed is not None else read_groups():
            articles: list[RawArticle] = []
            for item in group:
                if isinstance(item, Problem):
                    on_problem(item)
                    problems.append(item)
                else:
                    articles.append(item)
                    if writer is not None:
                        writer.add(item)
            known = cache.known(articles) if cache is not None and articles else set()
            counts.cached += len(known)
            yield from (article for i, article in enumerate(articles) if i not in known)
        counts.complete = True
        if writer is not None and stream.settled:
            writer.finish(problems)

    analysed_words = [0]

    def report(_done: int, words: int) -> None:
        analysed_words[0] = words  # shown once the result is handed to the cache, below

    try:
        for _, result in analyses(pending(), config, engine, report):
            if cache is not None:
                cache.put(result)
            # Progress counts what the cache holds (a Ctrl+C keeps every article shown as analysed),
            # not what the engine has finished.
            counts.analysed += 1
            counts.words = analysed_words[0]
            if progress:
                progress(counts)
            yield result
    finally:
        stop.set()
        if reader.is_alive():
            reader.join(timeout=10)  # a file being read finishes first; the thread is a daemon past that
        if cache is not None:
            cache.prune()
            cache.close()


def _read(
    stream: ArticleStream, items: queue.Queue[RawArticle | Problem | _End], stop: threading.Event, counts: IndexCounts
) -> None:
    """The reader thread: every item of the stream into the queue, waiting while it is full."""
    end = _End()
    try:
        for item in stream:
            counts.files, counts.files_read = stream.files, stream.files_read
            if isinstance(item, RawArticle):
                counts.read += 1
            if not _put(items, item, stop):
                return
        counts.files, counts.files_read = stream.files, stream.files_read
        counts.read_all = True
    except BaseException as exc:  # handed to the consumer, which raises it in the main thread
        end = _End(exc)
    _put(items, end, stop)


def _put(
    items: queue.Queue[RawArticle | Problem | _End], item: RawArticle | Problem | _End, stop: threading.Event
) -> bool:
    while not stop.is_set():
        try:
            items.put(item, timeout=_POLL)
            return True
        except queue.Full:
            continue
    return False


def _take(
    items: queue.Queue[RawArticle | Problem | _End], stop: threading.Event, most: int
) -> tuple[list[RawArticle | Problem], _End | None]:
    """One item (waiting for it), then whatever else is ready, up to `most` items; and the end if met."""
    group: list[RawArticle | Problem] = []
    while True:
        try:
            item = items.get(timeout=_POLL) if not group else items.get_nowait()
        except queue.Empty:
            if group:
                return group, None
            if stop.is_set():
                return group, _End()
            continue
        if isinstance(item, _End):
            return group, item
        group.append(item)
        if len(group) >= most:
            return group, None
