"""Which country pair an article is about.

Every country mention votes for its country, weighted by where it stands (headline, lead, rest);
people and institutions tied to a country vote for it too. Relation phrases ("Morocco-Syria
relations", "ties between X and Y") vote for a pair directly. The primary pair is the strongest
pair; an article in which only one country carries weight gets no pair rather than an invented one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

from briefing.analyze.gazetteer import lookup
from briefing.article import Entity, Person

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 1.5
BODY_WEIGHT = 1.0
RELATION_BONUS = 4.0
MIN_SECOND_SHARE = 0.2
"""The second country needs this share of the first's weight to form a pair without a relation phrase."""
MIN_SECOND_WEIGHT = 4.0
"""About three mentions: a country named once or twice in passing does not make a relationship."""
INSTITUTION_SHARE = 0.5
"""An institution ("Downing Street", "the Kremlin") mostly reports a government at home, not a relation."""

Weights = defaultdict[str, float]
"""Country code -> weight."""

_NAME = r"[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*){0,2}"
RELATION_PATTERNS = (
    re.compile(
        rf"\b({_NAME})\s*[-–—/]\s*({_NAME})\s+(?:relations|ties|relationship|talks|rapprochement|"
        r"cooperation|partnership|dialogue|summit|meeting|agreement|deal|rift|dispute|tensions?|"
        r"normali[sz]ation|reconciliation|border|trade|alliance|war|conflict)\b"
    ),
    re.compile(
        rf"\b(?:relations|ties|relationship|talks|cooperation|partnership|dialogue|tensions?|rift|"
        rf"dispute|agreement|deal|rapprochement|reconciliation)\s+between\s+(?:the\s+)?({_NAME})\s+and\s+"
        rf"(?:the\s+)?({_NAME})"
    ),
    re.compile(rf"\b({_NAME})\s*,\s*({_NAME})\s+(?:discuss|agree|sign|reaffirm|hold|seek|mull|vow|pledge)"),
    re.compile(
        rf"\b({_NAME})\s+and\s+(?:the\s+)?({_NAME})\s+(?:have\s+|had\s+|on\s+\w+\s+)?"
        r"(?:agreed|agree|restored|restore|resumed|resume|signed|sign|reached|reach|established|establish|"
        r"severed|sever|cut|broke|normali[sz]ed|normali[sz]e|exchanged|exchange|reaffirmed|reaffirm|discussed|"
        r"discuss|held|hold)\b"
    ),
    re.compile(rf"\bbetween\s+({_NAME})\s+and\s+({_NAME})\b"),
)


def country_weights(
    title_entities: Iterable[Entity], entities: Iterable[Entity], people: Iterable[Person], lead_end: int
) -> Weights:
    weights: Weights = defaultdict(float)
    person_country = {p.name.split()[-1]: p.country for p in people if p.country}
    for e in title_entities:
        if e.country:
            weights[e.country] += TITLE_WEIGHT * (INSTITUTION_SHARE if e.label == "ORG" else 1.0)
        elif e.label == "PERSON":
            code = person_country.get(e.text.split()[-1])
            if code:
                weights[code] += 0.5 * TITLE_WEIGHT
    for e in entities:
        w = LEAD_WEIGHT if e.start < lead_end else BODY_WEIGHT
        if e.country:
            share = 0.7 if e.label == "NORP" else INSTITUTION_SHARE if e.label == "ORG" else 1.0
            weights[e.country] += w * share
        elif e.label == "PERSON":
            code = person_country.get(e.text.split()[-1])
            if code:
                weights[code] += 0.5 * w
    return weights


def relation_pairs(text: str) -> Counter[tuple[str, str]]:
    """Pairs named by relation phrases in a text, each counted once per phrase."""
    found: Counter[tuple[str, str]] = Counter()
    for pattern in RELATION_PATTERNS:
        for m in pattern.finditer(text):
            a, b = lookup(_trim(m.group(1))), lookup(_trim(m.group(2)))
            if a and b and a.code != b.code:
                found[_pair(a.code, b.code)] += 1
    return found


def _trim(name: str) -> str:
    """ "the Syrian Foreign" -> a name the gazetteer knows, trying the longest prefix first."""
    words = name.replace("’s", "").replace("'s", "").split()
    for n in range(len(words), 0, -1):
        if lookup(" ".join(words[:n])):
            return " ".join(words[:n])
        if lookup(" ".join(words[-n:])):
            return " ".join(words[-n:])
    return name


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def choose_pairs(
    weights: Weights,
    title_relations: Counter[tuple[str, str]],
    body_relations: Counter[tuple[str, str]],
    cooccurrence: Counter[tuple[str, str]],
) -> tuple[tuple[str, str] | None, tuple[tuple[str, str], ...]]:
    """The primary pair (or None) and every pair worth listing, strongest first."""
    scores: defaultdict[tuple[str, str], float] = defaultdict(float)
    ranked = sorted(weights, key=lambda c: -weights[c])
    for a, b in combinations(ranked[:8], 2):
        pair = _pair(a, b)
        scores[pair] = min(weights[a], weights[b]) + 0.5 * cooccurrence[pair]
    for pair, n in title_relations.items():
        scores[pair] += RELATION_BONUS * 2 * n
    for pair, n in body_relations.items():
        scores[pair] += RELATION_BONUS * min(n, 3)
    if not scores:
        return None, ()
    top = max(weights.values(), default=0.0)

    def credible(pair: tuple[str, str]) -> bool:
        if title_relations[pair] or body_relations[pair]:
            return True
        second = min(weights[pair[0]], weights[pair[1]])
        return second >= MIN_SECOND_WEIGHT and second >= MIN_SECOND_SHARE * top

    pairs = tuple(p for p in sorted(scores, key=lambda p: -scores[p]) if credible(p))
    return (pairs[0] if pairs else None), pairs


def sentence_cooccurrence(sentences: Iterable[set[str]]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for codes in sentences:
        for a, b in combinations(sorted(codes), 2):
            counts[(a, b)] += 1
    return counts
