"""Entities from a parsed doc, with country codes and the model's mistakes on names corrected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analyze.gazetteer import AMBIGUOUS, lookup
from briefing.article import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "EVENT", "FAC", "LAW"})


def extract_entities(doc: Doc) -> tuple[Entity, ...]:
    """Entities worth showing, each country mention carrying its alpha-3 code."""
    person_tokens = {tok.lower_ for ent in doc.ents if ent.label_ == "PERSON" for tok in ent if tok.is_title}
    result: list[Entity] = []
    for ent in doc.ents:
        label = ent.label_
        code = ent.ent_id_ or None
        if label not in KEPT_LABELS:
            continue
        if code and ent.text in AMBIGUOUS and _part_of_name(ent):
            code = None
            label = "PERSON" if ent.text in ("Chad", "Jordan") else "GPE"
        if code and label == "NORP" and _first_name(ent):
            code, label = None, "PERSON"  # "Economy Minister German Gref"
        if not code and label in ("GPE", "ORG", "NORP", "LOC") and ent.text.lower() in person_tokens:
            label = "PERSON"  # a surname the model took for a place ("Mekdad asserted")
        if not code and label in ("GPE", "NORP"):
            term = lookup(ent.text)
            code = term.code if term else None
        result.append(Entity(ent.text, label, ent.start_char, ent.end_char, code))
    return tuple(result)


def _part_of_name(ent: Span) -> bool:
    """ "Michael Jordan", "Chad Smith", "Washington Post": the country word inside a longer name."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if (
        before is not None
        and before.is_title
        and before.pos_ == "PROPN"
        and before.ent_type_ in ("", "PERSON")
        and (not before.is_sent_start or before.text not in AMBIGUOUS)
    ):
        return True
    return after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("", "PERSON", "ORG")


_TITLE_WORDS = frozenset(
    "minister president secretary chancellor premier ambassador envoy spokesman spokeswoman chief".split()
)


def _first_name(ent: Span) -> bool:
    """A demonym between a title and a surname is a first name: "Economy Minister German Gref"."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0 or ent.end >= len(doc):
        return False
    before, after = doc[ent.start - 1], doc[ent.end]
    return before.lower_ in _TITLE_WORDS and after.ent_type_ == "PERSON" and after.is_title
