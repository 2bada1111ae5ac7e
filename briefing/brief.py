"""Per-pair briefs: everything the analysed articles say about one country pair, merged.

`Briefing` is an immutable collection (like a tuple) with the lookups and filters the app and the
exporters need; building it is pure, so it is tested without any UI or model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from briefing.analyze.gazetteer import country_name
from briefing.analyze.trend import merge_trends
from briefing.article import AnalyzedArticle, Person, Statement, Trend

OTHER = "Other"


@dataclass(frozen=True, slots=True)
class PairStatement:
    statement: Statement
    article: str
    """Id of the article the statement comes from."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    value: str
    text: str
    sentence: str
    article: str


@dataclass(frozen=True, slots=True)
class PairBrief:
    pair: tuple[str, str] | None
    """Alpha-3 codes, sorted; None for the articles about no pair ("Other")."""
    articles: tuple[AnalyzedArticle, ...]
    statements: tuple[PairStatement, ...]
    timeline: tuple[TimelineEntry, ...]
    people: tuple[Person, ...]
    trend: Trend

    @property
    def key(self) -> str:
        return "-".join(self.pair) if self.pair else OTHER

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(country_name(c) for c in self.pair) if self.pair else ()

    @property
    def title(self) -> str:
        return " – ".join(self.names) if self.pair else OTHER

    def article(self, article_id: str) -> AnalyzedArticle | None:
        return next((a for a in self.articles if a.id == article_id), None)

    @property
    def period(self) -> tuple[str, str] | None:
        """First and last dates the brief covers (timeline and publication dates)."""
        values = [t.value for t in self.timeline] + [a.article.published for a in self.articles if a.article.published]
        values = [v for v in values if v]
        return (min(values), max(values)) if values else None

    def to_dict(self) -> dict[str, object]:
        """The pair object of JSON schema 1 (see README)."""
        return {
            "pair": list(self.pair) if self.pair else None,
            "names": list(self.names),
            "articles": [a.id for a in self.articles],
            "trend": self.trend.label,
            "trend_evidence": list(self.trend.evidence),
            "trend_confidence": self.trend.confidence,
            "statements": [{**asdict(s.statement), "article": s.article} for s in self.statements],
            "timeline": [
                {"value": t.value, "text": t.text, "sentence": t.sentence, "article": t.article} for t in self.timeline
            ],
            "people": [{"name": p.name, "country": p.country, "role": p.role} for p in self.people],
        }


def build_brief(pair: tuple[str, str] | None, articles: Sequence[AnalyzedArticle]) -> PairBrief:
    statements = tuple(PairStatement(s, a.id) for a in articles for s in a.statements)
    timeline = tuple(
        sorted(
            (TimelineEntry(d.value, d.text, d.sentence, a.id) for a in articles for d in a.dates if d.value),
            key=lambda t: (t.value, t.article),
        )
    )
    people = _merge_people(p for a in articles for p in a.people)
    if pair is None:
        trend = Trend("unknown")
    else:
        # One vote per article; the newest articles count a little more, since a trend is about where things go.
        dated = sorted(range(len(articles)), key=lambda k: articles[k].article.published or "")
        weights = [1.0] * len(articles)
        if len(articles) > 1 and any(a.article.published for a in articles):
            for rank, k in enumerate(dated):
                weights[k] = 1.0 + 0.5 * rank / (len(articles) - 1)
        trend = merge_trends([a.trend for a in articles], weights)
    return PairBrief(pair, tuple(articles), statements, timeline, people, trend)


def _merge_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """One entry per person across articles; a surname alone joins the full name it belongs to.

    Two different full names that share a surname ("Tony Blair", "Cherie Blair") stay apart.
    """
    merged: dict[str, Person] = {}
    by_surname: dict[str, str] = {}
    for p in sorted(people, key=lambda p: -len(p.name.split())):
        words = p.name.split()
        if not words:
            continue
        key = by_surname.get(words[-1], p.name) if len(words) == 1 else p.name
        known = merged.get(key)
        if known is None:
            merged[key] = p
            by_surname.setdefault(words[-1], key)
        else:
            merged[key] = Person(known.name, known.country or p.country, known.role or p.role)
    return tuple(sorted(merged.values(), key=lambda p: p.name))


@dataclass(frozen=True, slots=True)
class Briefing:
    """All briefs of a corpus, largest pair first, "Other" last."""

    briefs: tuple[PairBrief, ...] = ()
    articles: tuple[AnalyzedArticle, ...] = field(default=())

    @classmethod
    def build(cls, articles: Iterable[AnalyzedArticle]) -> Briefing:
        articles = tuple(articles)
        by_pair: dict[tuple[str, str] | None, list[AnalyzedArticle]] = {}
        for a in articles:
            by_pair.setdefault(a.pair, []).append(a)
        briefs = [build_brief(pair, arts) for pair, arts in by_pair.items()]
        briefs.sort(key=lambda b: (b.pair is None, -len(b.articles), b.title))
        return cls(tuple(briefs), articles)

    def __iter__(self) -> Iterator[PairBrief]:
        return iter(self.briefs)

    def __len__(self) -> int:
        return len(self.briefs)

    def get(self, key: str) -> PairBrief | None:
        """A brief by key ("MAR-SYR", in either order, any case) or None."""
        wanted = _pair_key(key)
        return next((b for b in self.briefs if b.key == wanted), None)

    def filter(self, text: str) -> Briefing:
        """Briefs whose country names or codes contain the text (case-insensitive)."""
        needle = text.strip().lower()
        if not needle:
            return self
        kept = tuple(b for b in self.briefs if needle in b.title.lower() or needle in b.key.lower())
        return Briefing(kept, self.articles)

    def only(self, keys: Iterable[str]) -> Briefing:
        """The briefs of these pairs and only their articles."""
        wanted = {_pair_key(k) for k in keys}
        briefs = tuple(b for b in self.briefs if b.key in wanted)
        ids = {a.id for b in briefs for a in b.articles}
        return Briefing(briefs, tuple(a for a in self.articles if a.id in ids))

    def counts(self) -> Counter[str]:
        return Counter({b.key: len(b.articles) for b in self.briefs})


def _pair_key(key: str) -> str:
    parts = sorted(p.upper() for p in key.replace("–", "-").split("-") if p.strip())
    return "-".join(p.strip() for p in parts) if len(parts) == 2 else key.strip().title()
