"""Near-duplicate articles: the same wire story run by several outlets counts once in a pair.

Two articles are copies when most of the word shingles (runs of SHINGLE words) of the shorter one are
in the other: outlets trim the end of a wire story, retitle it and add a line, but keep its sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.article import AnalyzedArticle

_WORD = re.compile(r"\w+")

SHINGLE = 4
SHARED = 0.85
"""Share of the shorter article's shingles that must be in the other for the two to be one story."""
MIN_SHINGLES = 12
"""Shorter texts (a headline and a line) are never taken for copies: too little to tell."""


def shingles(text: str) -> set[int]:
    w = _WORD.findall(text.lower())
    return {hash(tuple(w[i : i + SHINGLE])) for i in range(max(0, len(w) - SHINGLE + 1))}


def group_copies(articles: Sequence[AnalyzedArticle]) -> list[list[AnalyzedArticle]]:
    """Stories in input order, each as [first article, its copies…]; an inverted index finds candidates,
    so the cost follows the shingles articles share, not the square of their number.

    An article joins a story only when it is a copy of the story's first article: copies of copies are
    not chained, so two articles that share little never end up as one story through a third."""
    sets = [shingles(a.article.body) for a in articles]
    postings: dict[int, list[int]] = {}
    story_of: list[int] = []
    for i, s in enumerate(sets):
        shared: Counter[int] = Counter()
        for h in s:
            earlier = postings.setdefault(h, [])
            shared.update(earlier)
            earlier.append(i)
        story_of.append(next((j for j in sorted(shared) if story_of[j] == j and _copies(s, sets[j], shared[j])), i))
    groups: dict[int, list[AnalyzedArticle]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(story_of[i], []).append(article)
    return list(groups.values())


def _copies(a: set[int], b: set[int], common: int) -> bool:
    smaller = min(len(a), len(b))
    return smaller >= MIN_SHINGLES and common / smaller > SHARED
