"""The timeline of a relationship: dated events whose sentence concerns the pair, background apart.

A dated sentence belongs to the timeline when it names one of the two countries (a country word, a
capital, a demonym, an institution, or a person who speaks for it). It is *background*, listed after the
events and left out of the events' span, when the date is not an event of the news:

- a birth, death or life span ("born in 1723", "(1723-1790)");
- a year inside a name: a law, treaty or event the model tagged as a name ("the Terrorism Act 2000");
- a reference point, not an event: the date of a "since" clause ("their first title since 1994", "since
  records began in 1947");
- an old date: more than HISTORY_YEARS before the article's year when its sentence does not name both
  countries (history told as context; old events between the two countries themselves stay events),
  and anything more than CENTURY_YEARS before it (centuries-old events are never the news).

A four-digit "year" followed by a time zone ("at 1815 GMT") is a clock time and is left out.

The article's year is its publication year; an undated article's is the later of the year its own
dates name most often and the corpus's year (the publication year most common in the corpus, else the
year all its articles name most often): undated news speaks mostly of its own time, and an article that
names only "1948" is not news of 1948.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.article import AnalyzedArticle, DateMention
from briefing.brief.text import ArticleIndex, locate, near_same, plain_key, words

HISTORY_YEARS = 10
CENTURY_YEARS = 50
_SINCE = re.compile(r"\bsince\b[^,;:.]{0,40}$", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|[A-Z]ST|hrs|hours|h)\b")
_LIFE = re.compile(r"\b(?:born|birth|birthday|died|death\s+in|anniversary|aged\s+\d+)\b", re.IGNORECASE)
_SPAN_OF_LIFE = re.compile(r"\(\s*(?:b\.\s*)?\d{4}\s*[-–—]\s*\d{2,4}\s*\)")
_NAME_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART", "ORG", "FAC"})


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    value: str
    """ISO 8601 at the precision the text gives: the sentence's first date (its first event's, if any)."""
    text: str
    """The date as written."""
    sentence: str
    article: str
    start: int = 0
    end: int = 0
    """Span of the sentence in the article's body (0, 0 when it could not be found)."""
    articles: tuple[str, ...] = ()
    """Every article giving this date in this sentence, `article` first."""
    background: bool = False
    also: tuple[str, ...] = ()
    """The sentence's other dates of the same kind (events, or background), in date order: a sentence is one
    entry of each kind, "Royal Visits to Moscow, in 2002 and 2016" at 2002 with 2016 beside it, not the same
    words twice."""


def _mode(years: Counter[int]) -> int | None:
    return max(years, key=lambda y: (years[y], y)) if years else None


def _named_years(article: AnalyzedArticle) -> Counter[int]:
    return Counter(int(d.value[:4]) for d in article.dates if d.value[:4].isdigit() and not d.relative)


def corpus_year(articles: Sequence[AnalyzedArticle]) -> int | None:
    """The year a set of articles speaks from: most common publication year, else most named year."""
    published = Counter(int(p[:4]) for a in articles if (p := a.article.published) and p[:4].isdigit())
    if published:
        return _mode(published)
    named: Counter[int] = Counter()
    for a in articles:
        named.update(_named_years(a))
    return _mode(named)


def article_year(article: AnalyzedArticle, fallback: int | None = None) -> int | None:
    published = article.article.published
    if published and published[:4].isdigit():
        return int(published[:4])
    own = _mode(_named_years(article))
    return max((y for y in (own, fallback) if y is not None), default=None)


def is_background(
    d: DateMention, index: ArticleIndex, span: tuple[int, int], pair: tuple[str, str] | None, year: int | None
) -> bool:
    sentence = index.body[span[0] : span[1]] or d.sentence
    if _LIFE.search(sentence) or _SPAN_OF_LIFE.search(index.body[max(0, d.start - 3) : d.end + 8]):
        return True
    for e in index.article.entities:
        if e.label in _NAME_LABELS and e.start <= d.start and d.end <= e.end and (e.end - e.start) > (d.end - d.start):
            return True
    if _SINCE.search(index.body[max(span[0], d.start - 60) : d.start]):
        return True
    if year is not None and d.value[:4].isdigit() and int(d.value[:4]) < year - HISTORY_YEARS:
        old = int(d.value[:4]) < year - CENTURY_YEARS
        return old or pair is None or not set(pair) <= index.codes_in(*span)
    return False


def is_clock_time(d: DateMention, body: str) -> bool:
    """ "at 1815 GMT": a time of day the date rules took for a year."""
    return len(d.text) == 4 and d.text.isdigit() and bool(_CLOCK.match(body[d.end : d.end + 6]))


def build_timeline(
    articles: Sequence[AnalyzedArticle],
    pair: tuple[str, str] | None,
    indexes: Mapping[str, ArticleIndex],
    reference_year: int | None = None,
) -> tuple[TimelineEntry, ...]:
    """Events in date order, then background in date order; one entry per sentence across articles (in a
    pair, the same sentence worded a little differently is one: `text.near_same`), at its first date.

    `reference_year`: the corpus's year (`corpus_year`), for undated articles; the articles' own when None.
    """
    if reference_year is None:
        reference_year = corpus_year(articles)
    merged: dict[tuple[str, str], TimelineEntry] = {}
    by_value: dict[str, list[tuple[tuple[str, str], set[str]]]] = {}  # each date's entries, with their words
    for a in articles:
        aid = a.id
        for entry in _sentence_entries(a, pair, indexes[aid], article_year(a, reference_year)):
            key = (entry.value, plain_key(entry.sentence))
            sentence_words = set(words(entry.sentence)) if pair is not None else set()
            known = merged.get(key)
            if known is None and sentence_words:  # not in "other": thousands of unrelated sentences
                # The same sentence as another article words it ("The CSA has been surrounded by controversy
                # since its introduction in 1993" and "... surrounded in controversy ..."): one entry.
                near = next((k for k, w in by_value.get(entry.value, ()) if near_same(sentence_words, w)), None)
                known = merged.get(near) if near is not None else None
                key = near if near is not None else key
            if known is not None:
                if aid not in known.articles:
                    merged[key] = replace(known, articles=(*known.articles, aid))
                continue
            merged[key] = entry
            by_value.setdefault(entry.value, []).append((key, sentence_words))
    return tuple(sorted(merged.values(), key=lambda t: (t.background, t.value, t.article, t.start)))


def _sentence_entries(
    article: AnalyzedArticle, pair: tuple[str, str] | None, index: ArticleIndex, year: int | None
) -> list[TimelineEntry]:
    """One entry per dated sentence of the article that concerns the pair and per kind, at its first date:
    "cut emissions to 20% below 1990 levels by 2010" is an event of 2010 and, in the background, of 1990."""
    sentences: dict[tuple[tuple[int, int], bool], list[DateMention]] = {}
    for d in article.dates:
        if not d.value or is_clock_time(d, index.body):
            continue
        found = locate(index.body, d.sentence, d.start) if d.sentence else None
        span = found if found and found[0] <= d.start < found[1] else index.sentence_at(d.start)
        if pair is not None and not index.codes_in(*span) & set(pair):
            continue
        sentences.setdefault((span, is_background(d, index, span, pair, year)), []).append(d)
    entries = []
    for (span, background), dated in sentences.items():
        kept = sorted(dated, key=lambda d: (d.value, d.start))
        first = kept[0]
        also = tuple(dict.fromkeys(d.value for d in kept if d.value != first.value))
        entries.append(
            TimelineEntry(
                first.value, first.text, first.sentence, article.id, span[0], span[1], (article.id,), background, also
            )
        )
    return entries


def events_span(timeline: Sequence[TimelineEntry]) -> tuple[str, str] | None:
    values = [v for t in timeline if not t.background for v in (t.value, *t.also)]
    return (min(values), max(values)) if values else None
