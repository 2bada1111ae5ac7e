"""The records that flow through the pipeline: ingested articles and what analysis finds in them.

All records are frozen so that a stage can never change what an earlier stage produced. The JSON
export writes them with `to_dict`; the cache and the Ray engine carry only what analysis found, with
`encode_analysis`/`decode_analysis`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """Something met on the way that the user should know of (a bad input skipped, an article cut, cache
    trouble): one line, never a traceback. The core never prints it: it returns it (`Corpus.problems`) or
    hands it to a `ProblemSink`, and the CLI prints it while the app shows it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


ProblemSink = Callable[[Problem], None]
"""Where the core reports a problem as it happens: the CLI prints a warning line, the app a notification."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as ingested: cleaned body text plus the metadata its source gave."""

    source: str
    """Path of the file (or URL of the feed) it came from."""
    title: str
    body: str
    """Cleaned text; every offset produced by analysis indexes into it."""
    index: int = 0
    """Position of the article inside its source (a file or feed may hold several)."""
    published: str | None = None
    """ISO 8601 date (YYYY-MM-DD) or date-time when the source states one."""
    outlet: str | None = None
    author: str | None = None
    link: str | None = None

    @property
    def id(self) -> str:
        """Stable across runs, so read state and bookmarks survive re-analysis."""
        key = self.link or f"{self.source}#{self.index}"
        return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]

    @property
    def content_hash(self) -> str:
        """Cache key: changes whenever anything the analysis reads changes."""
        h = hashlib.sha256()
        for part in (self.title, self.body, self.published or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    country: str | None = None
    """ISO 3166-1 alpha-3 code when the entity stands for (or belongs to) a country."""


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str
    text: str
    direct: bool
    start: int
    end: int
    role: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    value: str
    """ISO 8601 at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD."""
    start: int
    end: int
    sentence: str
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Trend:
    label: str
    """warming, cooling, mixed or unknown."""
    evidence: tuple[str, ...] = ()
    confidence: float = 0.0
    """0..1: how strongly the evidence backs the label (0 for unknown)."""
    between: tuple[bool, ...] = ()
    """Per evidence sentence: whether it reports a step between the two (both of the pair sides of one
    event), so a brief of several articles can show those first; empty when not known."""


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    article: RawArticle
    pair: tuple[str, str] | None
    pairs: tuple[tuple[str, str], ...]
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    dates: tuple[DateMention, ...]
    people: tuple[Person, ...]
    trend: Trend = field(default_factory=lambda: Trend("unknown"))

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The article object of JSON schema 1 (see README); the cache and Ray keep `encode_analysis` instead."""
        a = self.article
        return {
            "id": a.id,
            "source": a.source,
            "index": a.index,
            "title": a.title,
            "published": a.published,
            "outlet": a.outlet,
            "author": a.author,
            "link": a.link,
            "body": a.body,
            "pair": list(self.pair) if self.pair else None,
            "pairs": [list(p) for p in self.pairs],
            "trend": self.trend.label,
            "trend_evidence": list(self.trend.evidence),
            "trend_confidence": self.trend.confidence,
            "trend_between": list(self.trend.between),
            "entities": [asdict(e) for e in self.entities],
            "statements": [asdict(s) for s in self.statements],
            "dates": [asdict(d) for d in self.dates],
            "people": [asdict(p) for p in self.people],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalyzedArticle:
        article = RawArticle(
            source=data["source"],
            title=data["title"],
            body=data["body"],
            index=data.get("index", 0),
            published=data.get("published"),
            outlet=data.get("outlet"),
            author=data.get("author"),
            link=data.get("link"),
        )
        pair = data.get("pair")
        return cls(
            article=article,
            pair=(pair[0], pair[1]) if pair else None,
            pairs=tuple((p[0], p[1]) for p in data.get("pairs", [])),
            entities=tuple(Entity(**e) for e in data.get("entities", [])),
            statements=tuple(Statement(**s) for s in data.get("statements", [])),
            dates=tuple(DateMention(**d) for d in data.get("dates", [])),
            people=tuple(Person(**p) for p in data.get("people", [])),
            trend=Trend(
                data.get("trend", "unknown"),
                tuple(data.get("trend_evidence", [])),
                float(data.get("trend_confidence", 0.0)),
                tuple(bool(b) for b in data.get("trend_between", [])),
            ),
        )


def _row(record: Any) -> list[Any]:
    return [getattr(record, name) for name in record.__dataclass_fields__]


def encode_analysis(analysed: AnalyzedArticle) -> str:
    """Only what analysis found, as arrays (the cache's stored rows and what a Ray worker sends back): the
    article itself is the receiver's own, so it never travels or is stored twice."""
    a = analysed
    data = [
        list(a.pair) if a.pair else None,
        [list(p) for p in a.pairs],
        [a.trend.label, list(a.trend.evidence), a.trend.confidence, list(a.trend.between)],
        [_row(e) for e in a.entities],
        [_row(s) for s in a.statements],
        [_row(d) for d in a.dates],
        [_row(p) for p in a.people],
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_analysis(raw: RawArticle, text: str) -> AnalyzedArticle | None:
    """`encode_analysis` text attached to the receiver's article (source and position come from this run);
    None when the text is not such a record."""
    try:
        pair, pairs, (label, evidence, confidence, between), entities, statements, dates, people = json.loads(text)
        return AnalyzedArticle(
            raw,
            (pair[0], pair[1]) if pair else None,
            tuple((p[0], p[1]) for p in pairs),
            tuple(Entity(*e) for e in entities),
            tuple(Statement(*s) for s in statements),
            tuple(DateMention(*d) for d in dates),
            tuple(Person(*p) for p in people),
            Trend(label, tuple(evidence), float(confidence), tuple(bool(b) for b in between)),
        )
    except (ValueError, KeyError, TypeError, IndexError):
        return None
