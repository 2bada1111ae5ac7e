"""Open a corpus: ingest the paths, take what the cache already knows, analyse the rest, brief.

The one entry point the CLI and the app share, so both see exactly the same analysis. It works in
two steps so that the app can paint from the cache (no spaCy import) before analysis starts:
`load_cached` then `complete`.

Problems (bad inputs, cut articles, cache trouble) are data: `Corpus.problems` holds every one met
while making the corpus, and `iter_complete` hands those met during analysis to its `on_problem`.
Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.article import AnalyzedArticle, Problem, ProblemSink, RawArticle
from briefing.brief import KEY_STATEMENTS, Briefing
from briefing.config import Config
from briefing.ingest.load import ArticleStream, collect

if TYPE_CHECKING:
    from briefing.cache import AnalysisCache

Status = Callable[[int, int], None]
"""Analysis progress callback: (articles done, articles to do)."""
Progress = Callable[[int, int], None]
"""Finer progress callback: (articles done, words done)."""
ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Engine:
    """Where analysis runs: "local" (this machine's processes) or "ray" (an actor pool on Ray)."""

    name: str = "local"
    workers: int = 0
    """Worker processes or Ray actors; 0: the config's analysis.processes (local), 2 (ray)."""
    address: str | None = None
    """Ray cluster to join ("auto", "ray://host:port"); None starts a local Ray for the run."""

    @classmethod
    def from_config(cls, config: Config) -> Engine:
        return cls(str(config.get("analysis", "engine")))


@dataclass(frozen=True, slots=True)
class Corpus:
    raw: tuple[RawArticle, ...]
    analysed: dict[int, AnalyzedArticle] = field(default_factory=dict)
    """Index in `raw` -> analysis, for the articles analysed so far (or found in the cache)."""
    problems: tuple[Problem, ...] = ()
    """Every problem met making this corpus: unreadable inputs, cut articles, cache trouble."""
    key_statements: int = KEY_STATEMENTS
    """brief.key_statements of the config the corpus was opened with."""

    @property
    def missing(self) -> list[RawArticle]:
        return [a for i, a in enumerate(self.raw) if i not in self.analysed]

    @property
    def briefing(self) -> Briefing:
        """Briefs of the analysed articles, in input order."""
        return Briefing.build((self.analysed[i] for i in sorted(self.analysed)), key_statements=self.key_statements)


def load_cached(paths: Sequence[str], config: Config, *, use_cache: bool = True) -> Corpus:
    """Ingest the paths and fill in every analysis the cache holds; never imports spaCy.

    An unchanged set of files (same paths, sizes and modification times) is not even re-read: the
    articles ingesting them gave last time come from the cache too.
    """
    wanted = list(paths) or config.default_inputs
    trouble: list[Problem] = []
    cache = _open_cache(config, trouble.append) if use_cache else None
    try:
        raw, problems = _ingest(wanted, config, cache)
        analysed = cache.get_many(raw) if cache is not None else {}
    finally:
        if cache is not None:
            cache.close()
    return Corpus(raw, analysed, problems + tuple(trouble), config.key_statements)


def load_summary(paths: Sequence[str], config: Config) -> str | None:
    """What `save_summary` stored for these paths last time (None: nothing or no cache); may be stale."""
    from briefing.cache_file import read_summary, summary_name

    return read_summary(config, summary_name(paths, config))


def save_summary(paths: Sequence[str], config: Config, text: str) -> None:
    """Keep the first screen for the next launch. Its cache trouble is not reported: the summary is an
    optimisation, and the corpus that came before it has already reported the cache's state."""
    from briefing.cache_file import summary_name

    cache = _open_cache(config, _ignore)
    if cache is None:
        return
    try:
        cache.put_summary(summary_name(paths, config), text)
    finally:
        cache.close()


def _ignore(_problem: Problem) -> None:
    return None


def _open_cache(config: Config, on_problem: ProblemSink) -> AnalysisCache | None:
    from briefing.cache import open_cache

    return open_cache(config, on_problem)


def article_stream(paths: Sequence[str], config: Config) -> ArticleStream:
    """The inputs read one file at a time, with the limits and feed settings of `config`."""
    return ArticleStream(
        paths,
        max_article_chars=config.max_article_chars,
        feed_cache_dir=config.feed_dir,
        fetch_timeout=config.fetch_timeout,
        fetch_max_bytes=config.max_feed_bytes,
    )


def listing_key_of(paths: Sequence[str], config: Config) -> str | None:
    """The cache key of what reading these files gives; None when a URL is among them (a feed changes)."""
    if any(p.lower().startswith(("http://", "https://")) for p in paths):
        return None
    from briefing.cache import listing_key
    from briefing.ingest import discover

    return listing_key(discover(paths), config.max_article_chars)


def _ingest(
    paths: list[str], config: Config, cache: AnalysisCache | None
) -> tuple[tuple[RawArticle, ...], tuple[Problem, ...]]:
    key = listing_key_of(paths, config) if cache is not None else None
    if cache is not None and key is not None:
        hit = cache.get_listing(key)
        if hit is not None:
            return hit
    loaded = collect(article_stream(paths, config))
    if cache is not None and key is not None and loaded.settled:
        cache.put_listing(key, loaded.articles, loaded.problems)
    return loaded.articles, loaded.problems


def complete(corpus: Corpus, config: Config, status: Status | None = None, *, use_cache: bool = True) -> Corpus:
    """Analyse what the cache did not have (loading spaCy only then) and store it as it comes.

    Results are committed in small batches, so an interrupted run (Ctrl+C) keeps what it did.
    """
    missing = [(i, a) for i, a in enumerate(corpus.raw) if i not in corpus.analysed]
    if not missing:
        return corpus
    analysed = dict(corpus.analysed)
    trouble: list[Problem] = []
    with closing(iter_complete(corpus, config, status, use_cache=use_cache, on_problem=trouble.append)) as results:
        for i, result in results:
            analysed[i] = result
    return Corpus(corpus.raw, analysed, corpus.problems + tuple(trouble), corpus.key_statements)


def iter_complete(
    corpus: Corpus,
    config: Config,
    status: Status | None = None,
    *,
    use_cache: bool = True,
    progress: Progress | None = None,
    skip: Collection[int] = (),
    on_problem: ProblemSink,
    engine: Engine | None = None,
) -> Generator[tuple[int, AnalyzedArticle], None, None]:
    """(index in `corpus.raw`, analysis) for each article the corpus lacks, stored in the cache as it comes.

    `skip`: further indexes not to analyse (known to be cached, see `load_pending`). `on_problem`
    hears of cache trouble as it happens (the results go on without the cache). `engine`: where the
    analysis runs (default: the config's); the results, and this process writing them, are the same.
    """
    missing = [(i, a) for i, a in enumerate(corpus.raw) if i not in corpus.analysed and i not in skip]
    if not missing:
        return
    engine = engine or Engine.from_config(config)
    cache = _open_cache(config, on_problem) if use_cache else None
    total = len(missing)

    def report(done: int, words: int) -> None:
        if status:
            status(done, total)
        if progress:
            progress(done, words)

    try:
        for position, result in analyses([a for _, a in missing], config, engine, report):
            if cache is not None:
                cache.put(result)
            yield missing[position][0], result
    finally:
        if cache is not None:
            cache.prune()
            cache.close()


def analyses(
    articles: Iterable[RawArticle], config: Config, engine: Engine, report: Progress
) -> Iterator[tuple[int, AnalyzedArticle]]:
    """(position in `articles`, analysis) from the chosen engine; the local one keeps input order.

    `articles` may be a stream: both engines pull it as they go (see `briefing.indexing`)."""
    batch_size = int(config.get("analysis", "batch_size"))
    if engine.name == "ray":
        from briefing.analyze.ray_engine import iter_analyze_ray

        yield from iter_analyze_ray(
            articles,
            model=config.model,
            batch_size=batch_size,
            workers=engine.workers or 2,
            address=engine.address,
            progress=report,
        )
        return
    from briefing.analyze.analyzer import Analyzer

    processes = engine.workers or int(config.get("analysis", "processes"))
    analyzer = Analyzer(config.model, batch_size=batch_size, processes=processes)
    yield from enumerate(analyzer.iter_analyze(articles, report))


def open_corpus(
    paths: Sequence[str], config: Config, status: Status | None = None, *, use_cache: bool = True
) -> Corpus:
    return complete(load_cached(paths, config, use_cache=use_cache), config, status, use_cache=use_cache)
