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
    so the cost follows the shingles articles share, not the square of their number."""
    sets = [shingles(a.article.body) for a in articles]
    postings: dict[int, list[int]] = {}
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, s in enumerate(sets):
        shared: Counter[int] = Counter()
        for h in s:
            earlier = postings.setdefault(h, [])
            shared.update(earlier)
            earlier.append(i)
        for j, n in shared.items():
            smaller = min(len(s), len(sets[j]))
            if smaller >= MIN_SHINGLES and n / smaller > SHARED:
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[AnalyzedArticle]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(root(i), []).append(article)
    return list(groups.values())
