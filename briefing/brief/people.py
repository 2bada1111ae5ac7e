"""People of a pair, merged across articles: one "Wang Yi" whatever the article wrote ("Mr Wang",
"WANG Yi", "Wáng Yì", "Foreign Minister Wang Yi", "Wang"), with the role and country most articles give,
and the first place an article names them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.analyze.gazetteer import leader_country
from briefing.article import AnalyzedArticle, Person
from briefing.brief.text import words

_HONORIFIC = re.compile(
    r"^(?:his|her|mr|mrs|ms|miss|dr|sir|dame|lord|lady|sheikh|sheik|king|queen|prince|princess|president|"
    r"premier|chancellor|minister|prime|secretary|senator|sen|gen|general|col|maj|capt|rev|prof|professor|"
    r"ambassador|majesty|highness|excellency|the)$"
)


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """A name as comparable words: case, accents, possessive, honorifics and titles dropped."""
    found = [w.removesuffix("'s").removesuffix("’s") for w in words(name)]
    while len(found) > 1 and _HONORIFIC.match(found[0]):
        found.pop(0)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class PairPerson:
    name: str
    country: str | None
    role: str | None
    article: str
    """Id of the article that names them first (in the pair's order), with the span of that mention."""
    start: int
    end: int
    articles: tuple[str, ...]
    """Every article that names them."""


class NameIndex:
    """Which merged person a written name stands for: a full name, or a single word (surname or given
    name, "Wang" or "Blair") that belongs to exactly one full name of the pair."""

    def __init__(self, names: Sequence[str]) -> None:
        self.canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
        fulls = sorted({name_words(n) for n in names if len(name_words(n)) > 1}, key=lambda w: (-len(w), w))
        by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for full in fulls:
            # "Wang Yi" and "Yi Wang": the same words are the same person; "George Bush" is "George W Bush"
            # (same first and last word, the shorter inside the longer).
            ends = (full[0], full[-1])
            longer = next((k for k in by_ends.get(ends, ()) if len(k) > len(full) and set(full) <= set(k)), None)
            self.canonical.setdefault(tuple(sorted(full)), longer or full)
            self.canonical.setdefault(full, self.canonical[tuple(sorted(full))])
            if longer is None:
                by_ends.setdefault(ends, []).append(full)
        by_word: dict[str, set[tuple[str, ...]]] = {}
        for full in set(self.canonical.values()):
            for w in (full[0], full[-1]):
                by_word.setdefault(w, set()).add(full)
        self.by_word = by_word
        self._keys: dict[str, tuple[str, ...]] = {}

    def key(self, name: str) -> tuple[str, ...]:
        known = self._keys.get(name)
        if known is None:
            known = self._keys[name] = self._key(name)
        return known

    def _key(self, name: str) -> tuple[str, ...]:
        w = name_words(name)
        if not w:
            return ()
        if len(w) > 1:
            return self.canonical.get(w) or self.canonical.get(tuple(sorted(w)), w)
        owners = self.by_word.get(w[0], set())
        return next(iter(owners)) if len(owners) == 1 else w


def merge_people(articles: Sequence[AnalyzedArticle], index: NameIndex | None = None) -> tuple[PairPerson, ...]:
    """One entry per person across the articles; most frequent spelling, role and country win.

    People who speak for a country, with a role, come first; then by how many articles name them.
    """
    index = index or NameIndex([p.name for a in articles for p in a.people])
    seen: dict[tuple[str, ...], list[tuple[Person, str]]] = {}
    by_id = {a.id: a for a in articles}
    for aid, a in by_id.items():
        for p in a.people:
            key = index.key(p.name) or ((p.name.strip(),) if p.name.strip() else ())  # a name of no letters stays
            if key:
                seen.setdefault(key, []).append((p, aid))
    people: list[PairPerson] = []
    first_mentions: dict[str, dict[tuple[str, ...], tuple[int, int]]] = {}
    for key, mentions in seen.items():
        # The most frequent full spelling; on a tie the first written, and never ALL CAPS over "Wang Yi".
        spellings = Counter(p.name for p, _ in mentions if len(name_words(p.name)) == len(key))
        first_seen = list(spellings)
        name = (
            max(spellings, key=lambda n: (spellings[n], not n.isupper(), -first_seen.index(n)))
            if spellings
            else mentions[0][0].name
        )
        country = _most(p.country for p, _ in mentions) or leader_country(name)
        role = _most(p.role for p, _ in mentions)
        ids = tuple(dict.fromkeys(aid for _, aid in mentions))
        first = ids[0]
        if first not in first_mentions:
            first_mentions[first] = _first_mentions(by_id[first], index)
        start, end = first_mentions[first].get(key, (0, 0))
        people.append(PairPerson(name, country, role, first, start, end, ids))
    people.sort(key=lambda p: (not (p.country and p.role), not p.country, -len(p.articles), p.name))
    return tuple(people)


def _most(values: object) -> str | None:
    counts = Counter(v for v in values if isinstance(v, str) and v)  # type: ignore[attr-defined]
    return max(counts, key=lambda v: (counts[v], v)) if counts else None


def _first_mentions(article: AnalyzedArticle, index: NameIndex) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where the article first names each person (by merged key)."""
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    for e in article.entities:
        if e.label == "PERSON":
            found.setdefault(index.key(e.text), (e.start, e.end))
    return found


def speaker_lookup(people: Sequence[PairPerson], index: NameIndex) -> Mapping[tuple[str, ...], PairPerson]:
    return {index.key(p.name): p for p in people}
