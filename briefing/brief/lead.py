"""The lead of a brief: two or three sentences, taken from the articles, that say what happened between
the two countries.

Candidates are the sentences that name both countries (else either, when no sentence names both). Each
is weighed by its centrality, the mean TF-IDF cosine similarity to the other candidates (what many
sentences across the articles say is what the set of articles is about), times a position factor (news
states the event in its first sentence, the lede, and gives details after it): 2.0 for an article's
first sentence, 1.2 for the second to the fifth, then 1.0; half that for a sentence that opens on a word
pointing back to the one before ("He also says…", "But…": a lead sentence stands alone). Quotes (or a
sentence cut out of one) and questions are left out (a lead reports), and a sentence that repeats one
already chosen (cosine above SIMILAR) gives way to the next. The chosen sentences are told in story order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.article import AnalyzedArticle
from briefing.brief.text import ArticleIndex, words
from briefing.wording import single_spaced

SIMILAR = 0.5
MAX_SENTENCES = 3
MIN_WORDS = 8
MAX_WORDS = 60


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of an article shown in the brief, with its place in the body."""

    text: str
    article: str
    start: int
    end: int


FIRST = 2.0
"""The weight of an article's first sentence: news states the event in it (the lede); what follows
gives its details and background."""
EARLY = 1.2
"""Its second to fifth sentences."""


DEPENDENT = 0.5
"""The weight of a sentence that opens on a word pointing back (`opens_back`): read alone it leaves out
who or what it is about, which the sentence before said."""
_BACK = frozenset(
    "but and however he she they it this that these those also yet so meanwhile his her their its there then "
    "instead still besides moreover".split()
)


def opens_back(text: str) -> bool:
    """The sentence opens on a pronoun, a demonstrative or a connective: English's closed classes of words
    that point back to the sentence before ("He also says Lord Goldsmith warned…", "But, Hans Reckers…",
    "This meeting comes…")."""
    first = text.lstrip(" \"'“‘(").split(maxsplit=1)
    return bool(first) and first[0].strip(",;:").lower() in _BACK


def _position_factor(k: int) -> float:
    return FIRST if k == 0 else EARLY if k < 5 else 1.0


def build_lead(
    articles: Sequence[AnalyzedArticle], pair: tuple[str, str] | None, indexes: Mapping[str, ArticleIndex]
) -> tuple[Passage, ...]:
    if pair is None:
        return ()
    both: list[tuple[Passage, int]] = []
    either: list[tuple[Passage, int]] = []
    for a in articles:
        index = indexes[a.id]
        for k, (start, end) in enumerate(index.sentences):
            text = index.body[start:end]
            n = len(text.split())
            if n < MIN_WORDS or n > MAX_WORDS or text.rstrip().endswith("?") or _quoted(text):
                continue
            named = index.codes_in(start, end) & set(pair)
            if named:
                (both if len(named) == 2 else either).append((Passage(single_spaced(text), a.id, start, end), k))
    candidates = both if both else either
    if not candidates:
        return ()
    corpus = [index.body[s:e] for a in articles for index in (indexes[a.id],) for s, e in index.sentences]
    vectors = _tfidf([p.text for p, _ in candidates], corpus)
    # Mean cosine to the others, in one pass: the vectors have unit length, so it is the dot product with
    # their sum, less the sentence itself (a pair of a thousand sentences is not a million products).
    total: dict[str, float] = {}
    for v in vectors:
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    n = len(vectors)
    scored: list[tuple[float, int, Passage]] = []
    for i, (p, k) in enumerate(candidates):
        own = sum(x * x for x in vectors[i].values())
        centrality = (_cosine(vectors[i], total) - own) / (n - 1) if n > 1 else 1.0
        scored.append((centrality * _position_factor(k) * (DEPENDENT if opens_back(p.text) else 1.0), i, p))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[int] = []
    for _, i, _ in scored:
        if all(_cosine(vectors[i], vectors[j]) < SIMILAR for j in chosen):
            chosen.append(i)
        if len(chosen) == MAX_SENTENCES:
            break
    # Told in the order of the story: by article, then by place in the article.
    order = {a.id: n for n, a in enumerate(articles)}
    picked = sorted((candidates[i][0] for i in chosen), key=lambda p: (order[p.article], p.start))
    return tuple(picked)


def _quoted(text: str) -> bool:
    """Mostly a quotation: a lead tells what happened in the reporter's words."""
    marks = sum(text.count(c) for c in '“”"')
    # An odd count: the sentence is cut out of a quotation that runs on.
    return marks % 2 == 1 or (marks >= 2 and (text.lstrip()[:1] in '“"' or marks >= 4))


def _tfidf(texts: Sequence[str], corpus: Sequence[str]) -> list[dict[str, float]]:
    """Word weights of each text; rarity is measured over every sentence of the pair's articles, so
    function words weigh next to nothing without a stop-word list."""
    bags = [Counter(words(t)) for t in texts]
    df: Counter[str] = Counter()
    for sentence in corpus:
        df.update(set(words(sentence)))
    n = len(corpus)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
