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
        in_a_name = bool(code) and label in ("GPE", "NORP") and _inside_a_longer_name(ent)
        if in_a_name:
            code = None  # "Northern Ireland", "Inner Mongolia", "London Irish", "Royal Dutch Shell"
        if code and label == "NORP" and _first_name(ent):
            code, label = None, "PERSON"  # "Economy Minister German Gref"
        if not code and label in ("GPE", "ORG", "NORP", "LOC") and ent.text.lower() in person_tokens:
            label = "PERSON"  # a surname the model took for a place ("Mekdad asserted")
        if not code and label in ("GPE", "NORP") and not in_a_name:
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


HEADLINE_CASE = 0.5
"""A sentence whose common words (verbs, nouns, adjectives) are capitalised more often than this is set in
title case, where a capital says nothing about a name."""


def _inside_a_longer_name(ent: Span) -> bool:
    """A country word after another capitalised word of a name is part of that name, not the country.

    Only in running text: in a title-case headline ("Boeing Secures Giant Japan Order") every word is
    capitalised. A country word before it ("Syria-Turkey ties") or a sentence start does not count.
    """
    doc = ent.doc
    if ent.start == 0:
        return False
    before = doc[ent.start - 1]
    if not before.is_title or before.is_sent_start or before.pos_ not in ("PROPN", "ADJ") or before.ent_id_:
        return False
    if before.lower_ in _TITLE_WORDS or before.ent_type_ in ("PERSON", "NORP", "GPE"):
        return False
    words = [t for t in ent.sent if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV") and not t.is_sent_start and t.is_alpha]
    return bool(words) and sum(t.is_title or t.is_upper for t in words) / len(words) <= HEADLINE_CASE


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


NAME_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "FAC", "PERSON"})
"""The small model labels a company name any of these; a person only counts when a common noun calls it a firm."""
NAME_PREFIX_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "PART", "NUM"})
MAX_PREFIX = 4
"""'US oil giant Exxon', "Russia's second-largest brewer Baltika": the words of the noun phrase before a name."""


def home_countries(doc: Doc, entities: tuple[Entity, ...]) -> dict[str, tuple[str, int]]:
    """Organisation name -> (its home country, start offset of the mention that says so).

    "Russian oil firm Yukos", "Belgium's Interbrew", "US giant Exxon", "Yukos, the Russian oil firm":
    a country or demonym inside the noun phrase that ends in the organisation's name, or in the noun
    phrase in apposition to it. A company stands for its home country (docs/gold.md), so its other
    mentions count for that country. A name the text ties to two countries is left out.
    """
    found: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for e in entities:
        if e.label not in NAME_LABELS or e.country:
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        codes = _prefix_countries(doc, span.start, e.label) | _apposition_countries(span)
        if codes:
            found.setdefault(e.text, set()).update(codes)
            first.setdefault(e.text, e.start)
    return {name: (next(iter(codes)), first[name]) for name, codes in found.items() if len(codes) == 1}


def _prefix_countries(doc: Doc, start: int, label: str) -> set[str]:
    codes: set[str] = set()
    described = False
    """A common noun in the phrase ("firm", "brewer"): a title ("President") would make it a person's origin."""
    i = start - 1
    while i >= 0 and start - i <= MAX_PREFIX and doc[i].pos_ in NAME_PREFIX_TAGS and not doc[i].is_sent_end:
        if doc[i].ent_id_ and doc[i].ent_type_ in ("GPE", "NORP"):
            codes.add(doc[i].ent_id_)
        described = described or (doc[i].pos_ == "NOUN" and doc[i].is_lower)
        i -= 1
    return codes if label != "PERSON" or described else set()


def _apposition_countries(span: Span) -> set[str]:
    """ "Yukos, the Russian oil firm,": the country modifying the noun in apposition to the name."""
    codes: set[str] = set()
    for c in span.root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            codes.update(g.ent_id_ for g in c.children if g.dep_ in ("amod", "compound", "poss", "nmod") and g.ent_id_)
    return codes
