"""Per-pair briefs: everything the analysed articles say about one country pair, merged.

`Briefing` is an immutable collection (like a tuple) with the lookups and filters the app and the
exporters need; building it is pure, so it is tested without any UI or model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from briefing.analyze.gazetteer import country_name
from briefing.analyze.trend import merge_trends
from briefing.article import AnalyzedArticle, Trend
from briefing.brief.duplicates import group_copies
from briefing.brief.lead import Passage, build_lead
from briefing.brief.people import (
    NO_CORPUS,
    CorpusPeople,
    NameIndex,
    PairPerson,
    corpus_people,
    merge_people,
    placed_by_statements,
    speaker_lookup,
    title_pronouns,
)
from briefing.brief.rank import PairStatement, rank_statements
from briefing.brief.text import indexes, locate
from briefing.brief.timeline import TimelineEntry, build_timeline, corpus_year, events_span

__all__ = [
    "KEY_STATEMENTS",
    "OTHER",
    "Briefing",
    "PairBrief",
    "PairPerson",
    "PairStatement",
    "Passage",
    "TimelineEntry",
    "build_brief",
]

OTHER = "Other"
KEY_STATEMENTS = 5
"""Key statements a brief shows before "N more" (config: brief.key_statements)."""


@dataclass(frozen=True, slots=True)
class PairBrief:
    pair: tuple[str, str] | None
    """Alpha-3 codes, sorted; None for the articles about no pair ("Other")."""
    articles: tuple[AnalyzedArticle, ...]
    """One article per story: near-duplicate copies (the same wire story) are in `copies`. The articles
    that report the pair as their own come first, then those that report it besides their own (`also`)."""
    statements: tuple[PairStatement, ...]
    """Merged across articles, in rank order."""
    timeline: tuple[TimelineEntry, ...]
    """Events in date order, then background (`background`)."""
    people: tuple[PairPerson, ...]
    trend: Trend
    lead: tuple[Passage, ...] = ()
    evidence: tuple[Passage, ...] = ()
    """The trend's evidence sentences with their places (`trend.evidence` in the same order)."""
    shown: int = KEY_STATEMENTS
    """Key statements shown before "N more" (never more than there are)."""
    copies: Mapping[str, tuple[AnalyzedArticle, ...]] = field(default_factory=dict, compare=False, hash=False)
    """Id of a story's article -> the other outlets' copies of it."""
    by_id: Mapping[str, AnalyzedArticle] = field(default_factory=dict, compare=False, hash=False)
    """Every article of the pair, copies included, by id."""
    story_ids: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Id of a copy -> id of the listed article of its story."""
    positions: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    """Id of a listed article -> its place in `articles`."""
    also: frozenset[str] = frozenset()
    """Ids of the articles whose own pair is another one and that report this pair too (a secondary pair of
    the analysis): their statements and people count here; their dates, lead sentences and trend do not."""

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
        """An article of the pair by id, a near-duplicate copy too."""
        return self.by_id.get(article_id)

    def story_of(self, article_id: str) -> AnalyzedArticle | None:
        """The listed article a copy belongs to (the article itself when it is listed)."""
        return self.by_id.get(self.story_ids.get(article_id, article_id))

    def position(self, article_id: str) -> int | None:
        """Place in `articles` of the story an article (or a copy of it) belongs to."""
        return self.positions.get(self.story_ids.get(article_id, article_id))

    def outlets(self, article: AnalyzedArticle) -> tuple[str, ...]:
        """Every outlet that ran this story."""
        found = [a.article.outlet for a in (article, *self.copies.get(article.id, ())) if a.article.outlet]
        return tuple(dict.fromkeys(found))

    @property
    def all_articles(self) -> tuple[AnalyzedArticle, ...]:
        """Every article of the pair, copies included: each story, then its copies, in the list's order."""
        return tuple(x for a in self.articles for x in (a, *self.copies.get(a.id, ())))

    @property
    def period(self) -> tuple[str, str] | None:
        """First and last publication dates of the articles (None when none is dated)."""
        values = [a.article.published for a in self.all_articles if a.article.published]
        return (min(values), max(values)) if values else None

    @property
    def events(self) -> tuple[str, str] | None:
        """First and last dates of the timeline's events (background left out)."""
        return events_span(self.timeline)

    @property
    def events_apart(self) -> tuple[str, str] | None:
        """The events' span when it says more than the publication dates, for showing beside them."""
        events, period = self.events, self.period
        if events is None or (period is not None and tuple(v[:10] for v in period) == events):
            return None
        return events

    @property
    def hidden(self) -> int:
        """Statements behind "N more"."""
        return max(0, len(self.statements) - self.shown)

    def to_dict(self) -> dict[str, object]:
        """The pair object of JSON schema 1 (see docs/json.md)."""
        return {
            "pair": list(self.pair) if self.pair else None,
            "names": list(self.names),
            "articles": [a.id for a in self.all_articles],
            "also_reported": [a.id for a in self.all_articles if a.id in self.also],
            "stories": [[a.id, *(c.id for c in self.copies.get(a.id, ()))] for a in self.articles],
            "trend": self.trend.label,
            "trend_evidence": list(self.trend.evidence),
            "trend_confidence": self.trend.confidence,
            "evidence": [_passage(p) for p in self.evidence],
            "lead": [_passage(p) for p in self.lead],
            "shown": self.shown,
            "statements": [
                {
                    "speaker": s.statement.speaker,
                    "text": s.statement.text,
                    "direct": s.statement.direct,
                    "start": s.statement.start,
                    "end": s.statement.end,
                    "role": s.statement.role,
                    "country": s.statement.country,
                    "article": s.article,
                    "articles": list(s.articles),
                    "rank": s.rank,
                    "score": s.score,
                }
                for s in self.statements
            ],
            "period": list(self.period) if self.period else None,
            "events": list(self.events) if self.events else None,
            "timeline": [
                {
                    "value": t.value,
                    "text": t.text,
                    "sentence": t.sentence,
                    "article": t.article,
                    "articles": list(t.articles),
                    "start": t.start,
                    "end": t.end,
                    "background": t.background,
                    "also": list(t.also),
                }
                for t in self.timeline
            ],
            "people": [
                {
                    "name": p.name,
                    "country": p.country,
                    "role": p.role,
                    "article": p.article,
                    "start": p.start,
                    "end": p.end,
                    "articles": list(p.articles),
                }
                for p in self.people
            ],
        }


def _passage(p: Passage) -> dict[str, object]:
    return {"text": p.text, "article": p.article, "start": p.start, "end": p.end}


def build_brief(
    pair: tuple[str, str] | None,
    articles: Sequence[AnalyzedArticle],
    *,
    key_statements: int = KEY_STATEMENTS,
    reference_year: int | None = None,
    corpus: CorpusPeople = NO_CORPUS,
    also: Sequence[AnalyzedArticle] = (),
) -> PairBrief:
    """Everything the articles say about one pair: one pass here, so every view shows the same brief.

    `also`: articles whose own pair is another one and that report this pair besides (listed after
    `articles`; they give statements and people, no timeline, lead or trend, which are their own pair's).
    `reference_year`: the year the corpus speaks from (`corpus_year` of all articles), which tells
    background dates of undated articles; the pair's own articles give it when None. `corpus`: what all
    the corpus's articles say of people, offices and organisations (`corpus_people`).
    """
    own = {a.id for a in articles}
    articles = [*articles, *(a for a in also if a.id not in own)]
    by_id = {a.id: a for a in articles}
    # No pair ("Other"): nothing counts twice in a relationship, and thousands of articles need no search.
    stories = [[a] for a in articles] if pair is None else group_copies(articles)
    listed = tuple(group[0] for group in stories)
    copies = {group[0].id: tuple(group[1:]) for group in stories if len(group) > 1}
    index = indexes(articles)
    # Speakers are names too: "Bourita" in one article is the "Nasser Bourita" another one quotes.
    names = NameIndex(
        [p.name for a in articles for p in a.people] + [s.speaker for a in articles for s in a.statements],
        title_pronouns(articles),
    )
    people = merge_people(articles, names, corpus, pair)
    statements = rank_statements(
        articles,
        pair,
        index,
        names,
        speaker_lookup(people, names),
        preferred={a.id for a in listed},
        corpus=corpus,
        top=key_statements,
    )
    people = placed_by_statements(people, ((s.statement.speaker, s.statement.country) for s in statements), names)
    # The pair's own stories say what happened between the two: an article about another pair gives its
    # quotes and people here, but its dates, its lead sentences and its trend are about that other pair.
    # An article of no pair of its own that reports this one first (`reported_besides`: an event between the
    # two) has no other pair its dates and sentences belong to: they tell this pair's story too. One that
    # reports others before it tells theirs ("EU China arms ban" is China–UK news first, not UK–US), unless
    # no article tells this pair's story more: then those that report it are all it has.
    owned = [a for a in listed if a.id in own or (a.pair is None and a.pairs[:1] == (pair,))] or list(listed)
    timeline = build_timeline(owned, pair, index, reference_year)
    lead = build_lead(owned, pair, index)
    trend, evidence = _trend(pair, owned)
    copy_of = {c.id: group[0].id for group in stories for c in group[1:]}
    if pair is not None:
        listed = most_cited_first(listed, own, lead, statements, copy_of, key_statements)
    return PairBrief(
        pair,
        listed,
        statements,
        timeline,
        people,
        trend,
        lead,
        evidence,
        min(key_statements, len(statements)),
        MappingProxyType(copies),
        MappingProxyType(by_id),
        MappingProxyType(copy_of),
        MappingProxyType({a.id: n for n, a in enumerate(listed)}),
        frozenset(by_id) - own,
    )


def most_cited_first(
    listed: Sequence[AnalyzedArticle],
    own: set[str],
    lead: Sequence[Passage],
    statements: Sequence[PairStatement],
    copy_of: Mapping[str, str],
    shown: int,
) -> tuple[AnalyzedArticle, ...]:
    """The pair's stories in the order the brief cites them: those its shown key statements come from, by
    their best rank; then those its lead tells (in story order, the lead's own order, which says nothing of
    weight); then those of the other statements, by rank; then the rest as given. An analyst opens a pair on
    what the brief says, not on the first file of the folder (a business story naming both countries once,
    in a corpus read in file order). Articles that report the pair besides their own stay after the pair's own.
    `copy_of`: id of a copy -> id of its story's listed article."""
    cited = [(0 if s.rank <= shown else 2, s.rank, a) for s in statements for a in s.articles]
    cited += [(1, n, p.article) for n, p in enumerate(lead)]
    place: dict[str, tuple[int, int]] = {}
    for tier, n, article in cited:
        story = copy_of.get(article, article)
        place[story] = min(place.get(story, (tier, n)), (tier, n))
    order = sorted(range(len(listed)), key=lambda k: (listed[k].id not in own, place.get(listed[k].id, (3, 0)), k))
    return tuple(listed[k] for k in order)


def _trend(pair: tuple[str, str] | None, articles: Sequence[AnalyzedArticle]) -> tuple[Trend, tuple[Passage, ...]]:
    """One vote per story; the newest stories count a little more, since a trend is about where things go."""
    if pair is None:
        return Trend("unknown"), ()
    dated = sorted(range(len(articles)), key=lambda k: articles[k].article.published or "")
    weights = [1.0] * len(articles)
    if len(articles) > 1 and any(a.article.published for a in articles):
        for rank, k in enumerate(dated):
            weights[k] = 1.0 + 0.5 * rank / (len(articles) - 1)
    trend = merge_trends([a.trend for a in articles], weights)
    evidence: list[Passage] = []
    for sentence in trend.evidence:
        owner = next((a for a in articles if sentence in a.trend.evidence), None)
        found = locate(owner.article.body, sentence) if owner else None
        start, end = found or (0, 0)  # a headline is not in the body: the article's top
        evidence.append(Passage(sentence, owner.id if owner else "", start, end))
    return trend, tuple(evidence)


@dataclass(frozen=True, slots=True)
class Briefing:
    """All briefs of a corpus, largest pair first, "Other" last."""

    briefs: tuple[PairBrief, ...] = ()
    articles: tuple[AnalyzedArticle, ...] = field(default=())

    @classmethod
    def build(cls, articles: Iterable[AnalyzedArticle], *, key_statements: int = KEY_STATEMENTS) -> Briefing:
        articles = tuple(articles)
        by_pair: dict[tuple[str, str] | None, list[AnalyzedArticle]] = {}
        for a in articles:
            by_pair.setdefault(a.pair, []).append(a)
        also = reported_besides(articles, by_pair.keys())
        for pair in also:
            by_pair.setdefault(pair, [])  # reported only besides: a brief of its own (`reported_besides`)
        year = corpus_year(articles)
        known = corpus_people(articles)
        briefs = [
            build_brief(
                pair,
                arts,
                key_statements=key_statements,
                reference_year=year,
                corpus=known,
                also=also.get(pair, []) if pair else (),
            )
            for pair, arts in by_pair.items()
        ]
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
        ids = {a.id for b in briefs for a in b.all_articles}
        return Briefing(briefs, tuple(a for a in self.articles if a.id in ids))

    def counts(self) -> Counter[str]:
        return Counter({b.key: len(b.articles) for b in self.briefs})


def reported_besides(
    articles: Sequence[AnalyzedArticle], pairs: Iterable[tuple[str, str] | None]
) -> dict[tuple[str, str], list[AnalyzedArticle]]:
    """Pair -> the articles that report it besides their own pair ("EU arms ban on China to be lifted despite
    US objections" is China–UK news and China–US news too), for the pairs some article reports as its own.
    An article of no pair of its own ("Other") is listed too under the pairs it reports ("End Bush 'denial'
    Blair tells EU", below the model's threshold, under UK–US).

    The analysis lists a pair besides the primary one only when the article reports something between
    the two (a relation phrase, or a sentence naming both whose event one of them is a party of:
    `pair_model.reported_together`). So a pair that an article of no pair of its own reports so is a
    pair too, though no article reports it first ("Obama admits US gun laws are his biggest
    frustration", before his first visit to Kenya as president, is Kenya–US news): its brief is made of
    such articles. A pair named only besides another primary pair makes none: there the article's own
    story is that other pair, and a third country in it is background ("Stanley" read as the Falklands
    in an Israel–US story)."""
    known = {p for p in pairs if p is not None} | {p for a in articles if a.pair is None for p in a.pairs}
    found: dict[tuple[str, str], list[AnalyzedArticle]] = {}
    for a in articles:
        for p in a.pairs:
            if p != a.pair and p in known:
                found.setdefault(p, []).append(a)
    return found


def _pair_key(key: str) -> str:
    parts = sorted(p.strip().upper() for p in key.replace("–", "-").split("-") if p.strip())
    return "-".join(parts) if len(parts) == 2 else key.strip().title()
