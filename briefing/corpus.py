"""Open a corpus: ingest the paths, take what the cache already knows, analyse the rest, brief.

The one entry point the CLI and the app share, so both see exactly the same analysis. It works in
two steps so that the app can paint from the cache (no spaCy import) before analysis starts:
`load_cached` then `complete`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing.article import AnalyzedArticle, Problem, RawArticle
from briefing.brief import Briefing
from briefing.config import Config
from briefing.ingest import load_articles

Status = Callable[[int, int], None]
"""Analysis progress callback: (articles done, articles to do)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    raw: tuple[RawArticle, ...]
    analysed: dict[int, AnalyzedArticle] = field(default_factory=dict)
    """Index in `raw` -> analysis, for the articles analysed so far (or found in the cache)."""
    problems: tuple[Problem, ...] = ()

    @property
    def missing(self) -> list[RawArticle]:
        return [a for i, a in enumerate(self.raw) if i not in self.analysed]

    @property
    def briefing(self) -> Briefing:
        """Briefs of the analysed articles, in input order."""
        return Briefing.build(self.analysed[i] for i in sorted(self.analysed))


def load_cached(paths: Sequence[str], config: Config, *, use_cache: bool = True) -> Corpus:
    """Ingest the paths and fill in every analysis the cache holds; never imports spaCy."""
    loaded = load_articles(
        list(paths) or config.default_inputs,
        max_article_chars=config.max_article_chars,
        feed_cache_dir=config.cache_dir / "feeds",
        fetch_timeout=float(config.get("network", "timeout")),
        fetch_max_bytes=int(config.get("network", "max_feed_bytes")),
    )
    analysed: dict[int, AnalyzedArticle] = {}
    if use_cache:
        from briefing.cache import open_cache

        cache = open_cache(config)
        if cache is not None:
            try:
                analysed = cache.get_many(loaded.articles)
            finally:
                cache.close()
    return Corpus(loaded.articles, analysed, loaded.problems)


def complete(corpus: Corpus, config: Config, status: Status | None = None, *, use_cache: bool = True) -> Corpus:
    """Analyse what the cache did not have (loading spaCy only then) and store it."""
    missing = [(i, a) for i, a in enumerate(corpus.raw) if i not in corpus.analysed]
    if not missing:
        return corpus
    from briefing.analyze.analyzer import Analyzer
    from briefing.cache import open_cache

    analyzer = Analyzer(
        config.model,
        batch_size=int(config.get("analysis", "batch_size")),
        processes=int(config.get("analysis", "processes")),
    )
    cache = open_cache(config) if use_cache else None
    analysed = dict(corpus.analysed)
    total = len(missing)
    try:

        def report(done: int, _words: int) -> None:
            if status:
                status(done, total)

        for (i, _), result in zip(missing, analyzer.iter_analyze([a for _, a in missing], report), strict=False):
            analysed[i] = result
            if cache is not None:
                cache.put(result)
    finally:
        if cache is not None:
            cache.close()
    return Corpus(corpus.raw, analysed, corpus.problems)


def open_corpus(
    paths: Sequence[str], config: Config, status: Status | None = None, *, use_cache: bool = True
) -> Corpus:
    return complete(load_cached(paths, config, use_cache=use_cache), config, status, use_cache=use_cache)
