"""Analysed articles built from real news text without spaCy (not a test module itself).

Country entities come from the real gazetteer (every capitalised word or two that names a country, a
capital or a people); people, statements and dates are placed where their words stand in the body, so
every offset indexes into the text as the analysis's would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.analyze.gazetteer import lookup
from briefing.article import AnalyzedArticle, DateMention, Entity, Person, RawArticle, Statement, Trend

_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?")


def country_entities(body: str) -> list[Entity]:
    found: list[Entity] = []
    for m in _CAPITALISED.finditer(body):
        for text, start in ((m.group(), m.start()), (m.group().split()[0], m.start())):
            term = lookup(text)
            if term:
                found.append(Entity(text, "GPE", start, start + len(text), term.code))
                break
    return found


def analysed(
    body: str,
    pair: tuple[str, str] | None,
    *,
    title: str = "A report",
    source: str = "news/a.txt",
    published: str | None = None,
    outlet: str | None = None,
    people: Sequence[Person] = (),
    quotes: Sequence[tuple[str, str, bool]] = (),
    dates: Sequence[tuple[str, str]] = (),
    trend: Trend | None = None,
) -> AnalyzedArticle:
    """`quotes`: (speaker, words as in the body, direct); `dates`: (words as in the body, ISO value)."""
    entities = country_entities(body)
    for p in people:
        for name in {p.name, p.name.split()[-1]}:
            for m in re.finditer(re.escape(name), body):
                if not any(e.start <= m.start() < e.end for e in entities):
                    entities.append(Entity(name, "PERSON", m.start(), m.end()))
    entities.sort(key=lambda e: e.start)
    by_name = {p.name: p for p in people}
    statements = []
    for speaker, words, direct in quotes:
        at = body.index(words)
        person = by_name.get(speaker)
        statements.append(
            Statement(
                speaker,
                words,
                direct,
                at,
                at + len(words),
                person.role if person else None,
                person.country if person else None,
            )
        )
    mentions = []
    for words, value in dates:
        at = body.index(words)
        sentence_start = max(body.rfind(". ", 0, at) + 2, body.rfind("\n", 0, at) + 1, 0)
        stop = [i for i in (body.find(". ", at), body.find("\n", at)) if i >= 0]
        sentence = " ".join(body[sentence_start : min(stop) + 1 if stop else len(body)].split())
        mentions.append(DateMention(words, value, at, at + len(words), sentence))
    raw = RawArticle(source, title, body, published=published, outlet=outlet)
    return AnalyzedArticle(
        raw,
        pair,
        (pair,) if pair else (),
        tuple(entities),
        tuple(sorted(statements, key=lambda s: s.start)),
        tuple(mentions),
        tuple(people),
        trend or Trend("unknown"),
    )
