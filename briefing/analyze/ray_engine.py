"""Analysis on Ray: the same Analyzer code, run by a pool of Ray actors through a Ray Data pipeline.

For corpora one machine cannot index in time. The driver (this process) keeps what it always did:
listing and reading the inputs, skipping what the cache has, and writing results to the SQLite cache
(the only writer). Only the analysis moves: the texts go into a Ray Data dataset whose `map_batches`
runs on an actor pool; each actor loads the spaCy pipeline once, in its own process (spaCy's advice
for Ray: a pipeline passed as an object reference fails to deserialise), and returns plain data.

Rows cross process boundaries as JSON text, both ways: RawArticle bodies may hold lone surrogates
(kept by ingest, see `RawArticle.content_hash`), which Arrow strings reject and escaped JSON keeps.

The driver hands the texts over in windows (WINDOW_ARTICLES, WINDOW_CHARS), one dataset each, so
that it never holds a whole corpus: Ray Data builds a dataset from items the driver already has, not
from a stream the driver is still reading. Each window starts its actor pool afresh (one model load
per actor per window), which the window's size makes small next to its analysis.

Ray is imported only here and only when this engine is used: `briefing` without the `ray` extra never
imports it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from briefing.article import AnalyzedArticle, RawArticle, decode_analysis, encode_analysis

if TYPE_CHECKING:
    import numpy as np

INSTALL_HINT = "the ray engine needs Ray: pip install 'briefing[ray]'"
BATCH_ARTICLES = 16
"""Articles per actor call: small, so that a killed actor loses little and progress moves steadily."""

WINDOW_ARTICLES = 4096
WINDOW_CHARS = 16_000_000
"""Bounds of one window of texts the driver holds and hands to Ray at once."""

Progress = Callable[[int, int], None]
"""(articles done, words done), as the local engine reports it."""


class EngineError(Exception):
    """The Ray engine cannot run (extra missing, cluster unreachable); worded as the user's one line."""


class ArticleAnalyzer:
    """The callable class of `map_batches`: one per actor, holding one loaded pipeline."""

    def __init__(self, model: str, batch_size: int) -> None:
        import os

        from briefing.analyze.analyzer import Analyzer

        self.analyzer = Analyzer(model, batch_size=batch_size, processes=1)
        self.analyzer.nlp  # noqa: B018  # load now: a broken model fails the actor's start, not a batch
        self.pid = os.getpid()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        articles = [RawArticle(**json.loads(text)) for text in batch["article"]]
        positions: list[int] = []
        records: list[str] = []
        words: list[int] = []
        for position, (result, n_words) in zip(batch["position"], self.analyzer.iter_counted(articles), strict=True):
            positions.append(int(position))
            records.append(encode_analysis(result))
            words.append(n_words)
        return {"position": positions, "record": records, "words": words, "pid": [self.pid] * len(positions)}


def _article_row(position: int, article: RawArticle) -> dict[str, Any]:
    fields = {name: getattr(article, name) for name in RawArticle.__dataclass_fields__}
    return {"position": position, "article": json.dumps(fields)}


def _batches(ray: Any, dataset: Any) -> Iterator[dict[str, np.ndarray]]:
    """The pipeline's output as it streams in; a failure Ray gave up on becomes one line for the user."""
    try:
        yield from dataset.iter_batches(batch_size=None, batch_format="numpy")
    except ray.exceptions.RayError as exc:
        lines = [line for line in str(exc).splitlines() if line.strip()]
        raise EngineError(f"Ray analysis failed: {lines[-1] if lines else type(exc).__name__}") from exc


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise EngineError(INSTALL_HINT) from exc
    return ray


def _windows(articles: Iterable[RawArticle]) -> Iterator[list[RawArticle]]:
    window: list[RawArticle] = []
    chars = 0
    for article in articles:
        window.append(article)
        chars += len(article.body) + len(article.title)
        if len(window) >= WINDOW_ARTICLES or chars >= WINDOW_CHARS:
            yield window
            window, chars = [], 0
    if window:
        yield window


def iter_analyze_ray(
    articles: Iterable[RawArticle],
    *,
    model: str,
    batch_size: int = 64,
    workers: int = 2,
    address: str | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[int, AnalyzedArticle]]:
    """(position in `articles`, analysis) for every article, in the order they finish within a window.

    `articles` may be a stream, pulled one window at a time. Without `address` a local Ray is started
    for this run with `workers` CPUs and stopped after it; with one ("auto", "ray://host:port") the run
    joins that cluster and leaves it running.
    """
    windows = _windows(articles)
    first = next(windows, None)
    if first is None:
        return
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        try:
            if address:
                ray.init(address=address, log_to_driver=False, logging_level="ERROR")
            else:
                ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from exc
    try:
        import logging

        logging.getLogger("ray.data").setLevel(logging.ERROR)  # INFO lines would break the progress display
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI draws its own
        context.print_on_execution_start = False
        done = words = offset = 0
        for window in chain([first], windows):
            dataset = ray.data.from_items([_article_row(i, a) for i, a in enumerate(window)])
            analysed = dataset.map_batches(
                ArticleAnalyzer,
                fn_constructor_kwargs={"model": model, "batch_size": batch_size},
                batch_size=BATCH_ARTICLES,
                compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
                num_cpus=1,
                # Fault tolerance is Ray Data's default for actor pools (max_restarts=-1,
                # max_task_retries=-1): a dead actor is restarted and its batch retried. Passing them
                # here is deprecated in Ray 2.5x.
            )
            seen: set[int] = set()  # a batch retried after its actor died may come back twice
            for batch in _batches(ray, analysed):
                for position, record, n_words in zip(batch["position"], batch["record"], batch["words"], strict=True):
                    i = int(position)
                    if i in seen:
                        continue
                    seen.add(i)
                    result = decode_analysis(window[i], record)
                    if result is None:
                        raise EngineError(f"{window[i].source}: a Ray worker sent back an unreadable analysis")
                    done += 1
                    words += int(n_words)
                    if progress:
                        progress(done, words)
                    yield offset + i, result  # on the driver's own article: only the analysis travelled back
            offset += len(window)
    finally:
        if started_here:
            ray.shutdown()
