"""Places in an article body for the brief: its sentences, a quoted sentence found again, the countries a
passage concerns, and the word forms two texts are compared by.

The brief is built without spaCy (the reader must not load it to show what the cache holds), so the
sentences here come from punctuation and capitals, and the countries from the analysis's own entities
(countries, capitals, demonyms, institutions) and people (with the country they speak for).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from briefing.article import AnalyzedArticle
from briefing.wording import single_spaced

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]?|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rev|Prof|Sen|Rep|Gov|No|Jr|Sr|vs|Co|Inc|Ltd|Corp))\.$"
)
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›「」『』]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at ., ! or ? before a capital or digit, and at line breaks;
    "Mr.", "U.S." and initials do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(body):
        end = m.end()
        if m.group() != "\n" and _ABBREVIATION.search(body[max(start, m.start() - 12) : m.start() + 1]):
            continue
        _add(spans, body, start, end)
        start = end
    _add(spans, body, start, len(body))
    return spans


def _add(spans: list[tuple[int, int]], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def locate(body: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """Where a text taken from the body (its whitespace collapsed) stands in it; the match nearest `near` wins."""
    words = text.split()
    if not words:
        return None
    if near is not None:  # most sentences stand in the body as written: no pattern to build
        at = body.find(text, max(0, near - len(text) - 200))
        if 0 <= at <= near + 200:
            return at, at + len(text)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    if near is not None:
        window = max(0, near - len(text) - 200)
        m = pattern.search(body, window, min(len(body), near + len(text) + 200))
        if m:
            return m.start(), m.end()
    m = pattern.search(body)
    return (m.start(), m.end()) if m else None


def plain_key(text: str) -> str:
    """What makes two texts 'the same': case, accents, quotes, dashes, spacing and end punctuation ignored."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _QUOTES.sub("", _DASHES.sub("-", text))
    return single_spaced(text).strip(" .,;:!?…-")


def words(text: str) -> list[str]:
    """Lower-case words, accents dropped: what similarity and shingles count."""
    return _WORD.findall(plain_key(text))


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the other (1.0: one text is inside the other)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_same(a: set[str], b: set[str]) -> bool:
    """Two wordings of one passage (their word sets): one inside the other, or most words shared, as outlets
    trim and re-punctuate a quote or a sentence."""
    return min(len(a), len(b)) >= 4 and (overlap(a, b) >= 0.9 or jaccard(a, b) >= 0.7)


HOME_SHARE = 2.0
"""How many times more one country of the pair must be named than the other for an article to be about it."""


class ArticleIndex:
    """One article's sentences and which countries each passage concerns, computed once per brief."""

    def __init__(self, article: AnalyzedArticle) -> None:
        self.article = article
        self._sentences: list[tuple[int, int]] | None = None
        coded = sorted((e.start, e.country) for e in article.entities if e.country)
        self._code_starts = [s for s, _ in coded]
        self._codes = [c for _, c in coded]
        # A person named in a passage brings the country they speak for ("Lavrov said" concerns Russia).
        by_name: dict[str, str] = {}
        placed = [(p.name, p.country) for p in article.people if p.country and p.name.split()]
        for name, country in placed:
            by_name[name] = country
            by_name.setdefault(name.split()[-1], country)
        for name, country in placed:  # a family name written first ("Yoon" of "Yoon Suk Yeol", "Wang" of "Wang Yi")
            by_name.setdefault(name.split()[0], country)
        persons = sorted(
            (e.start, by_name.get(e.text) or by_name.get(e.text.split()[-1], ""))
            for e in article.entities
            if e.label == "PERSON" and e.text.split()
        )
        persons = [(s, c) for s, c in persons if c]
        self._person_starts = [s for s, _ in persons]
        self._person_codes = [c for _, c in persons]

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def body(self) -> str:
        return self.article.article.body

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = sentence_spans(self.body)
        return self._sentences

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding an offset (the whole body when it has none)."""
        spans = self.sentences
        k = bisect_right([s for s, _ in spans], offset) - 1
        if 0 <= k < len(spans) and spans[k][0] <= offset < max(spans[k][1], spans[k][0] + 1):
            return spans[k]
        return (0, len(self.body))

    def context_at(self, start: int, end: int) -> tuple[int, int]:
        """The passage a quote is read in: its own paragraph and the one before it (a reporter states the
        subject, "some African governments, including Kenya's, needed to improve their records", and the
        next paragraph quotes the speaker on it, "Well, they're not ideal institutions")."""
        body = self.body
        own = body.rfind("\n", 0, start) + 1
        before = body[:own].rstrip()
        first = body.rfind("\n", 0, len(before)) + 1 if before else own
        last = body.find("\n", max(start, end - 1))
        return first, len(body) if last < 0 else last

    def names(self, code: str) -> bool:
        """Whether the article names the country anywhere (a country word, capital, demonym or institution)."""
        return code in self._codes

    def home(self, pair: tuple[str, str]) -> str | None:
        """The country of the pair the article is mostly about: named at least 3 times by country words, and
        at least twice as often as the other (a "Home Secretary" in an article on British politics that
        mentions Madrid is British)."""
        a, b = (self._codes.count(code) for code in pair)
        if a >= 3 and a >= HOME_SHARE * b:
            return pair[0]
        if b >= 3 and b >= HOME_SHARE * a:
            return pair[1]
        return None

    def codes_in(self, start: int, end: int) -> set[str]:
        """Countries a passage names: country words and institutions, and people with their country."""
        found = set(self._codes[bisect_left(self._code_starts, start) : bisect_left(self._code_starts, end)])
        found.update(
            self._person_codes[bisect_left(self._person_starts, start) : bisect_left(self._person_starts, end)]
        )
        return found


def indexes(articles: Sequence[AnalyzedArticle]) -> dict[str, ArticleIndex]:
    return {a.id: ArticleIndex(a) for a in articles}
