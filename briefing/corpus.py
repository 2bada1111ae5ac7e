"""Open a corpus: ingest the paths, take what the cache already knows, analyse the rest, brief.

The one entry point the CLI and the app share, so both see exactly the same analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.article import AnalyzedArticle, Problem, RawArticle
from briefing.brief import Briefing
from briefing.config import Config
from briefing.ingest import load_articles

Status = Callable[[str, int, int], None]
"""Progress callback: (stage, done, total)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    briefing: Briefing
    problems: tuple[Problem, ...]
    analysed: int = 0
    """How many articles needed analysis (0 when everything came from the cache)."""


def open_corpus(
    paths: Sequence[str], config: Config, status: Status | None = None, *, use_cache: bool = True
) -> Corpus:
    loaded = load_articles(list(paths) or config.corpus_paths, max_article_chars=config.max_article_chars)
    articles, analysed = analyse(loaded.articles, config, status, use_cache=use_cache)
    return Corpus(Briefing.build(articles), loaded.problems, analysed)


def analyse(
    raw: Sequence[RawArticle], config: Config, status: Status | None = None, *, use_cache: bool = True
) -> tuple[list[AnalyzedArticle], int]:
    """Analysed articles in input order, from the cache where it has them."""
    from briefing.cache import open_cache

    cache = open_cache(config) if use_cache else None
    found: dict[int, AnalyzedArticle] = {}
    if cache is not None:
        found = cache.get_many(raw)
    missing = [a for i, a in enumerate(raw) if i not in found]
    if missing:
        from briefing.analyze.analyzer import Analyzer

        analyzer = Analyzer(
            config.model,
            batch_size=int(config.get("analysis", "batch_size")),
            processes=int(config.get("analysis", "processes")),
        )
        total = len(missing)
        done: list[AnalyzedArticle] = []

        def report(n: int, _words: int) -> None:
            if status:
                status("analysing", n, total)

        for result in analyzer.iter_analyze(missing, report):
            done.append(result)
            if cache is not None:
                cache.put(result)
        by_key = {id(a): r for a, r in zip(missing, done, strict=True)}
        for i, a in enumerate(raw):
            if i not in found:
                found[i] = by_key[id(a)]
    if cache is not None:
        cache.close()
    return [found[i] for i in range(len(raw))], len(missing)
