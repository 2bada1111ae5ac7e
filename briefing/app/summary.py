"""The first screen of a corpus, kept in the cache so that a warm launch paints before decoding the analyses.

A warm launch otherwise waits for thousands of cached analyses to be decoded and briefed (most of a
second on a corpus of 2,000 articles) before the pairs list shows anything. The summary is what that
screen shows: pairs with their trend and article ids (for unread counts) and the first pair's article
labels. It can be stale; the app always replaces it with the real Briefing as soon as that is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.app.render import article_meta

if TYPE_CHECKING:
    from briefing.brief import Briefing

VERSION = 1
FIRST_ARTICLES = 40
"""Article labels kept for the first pair: more than any article pane shows."""


@dataclass(frozen=True, slots=True)
class PairSummary:
    key: str
    title: str
    trend: str
    articles: tuple[str, ...]
    """Article ids, for the unread count."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str
    meta: str


@dataclass(frozen=True, slots=True)
class Summary:
    pairs: tuple[PairSummary, ...]
    first: tuple[ArticleSummary, ...]
    """The first pair's first articles."""
    articles: int


def summarize(briefing: Briefing) -> Summary:
    pairs = tuple(PairSummary(b.key, b.title, b.trend.label, tuple(a.id for a in b.articles)) for b in briefing.briefs)
    top = briefing.briefs[0].articles[:FIRST_ARTICLES] if briefing.briefs else ()
    first = tuple(ArticleSummary(a.id, a.article.title, article_meta(a)) for a in top)
    return Summary(pairs, first, len(briefing.articles))


def to_json(summary: Summary) -> str:
    data = {
        "version": VERSION,
        "articles": summary.articles,
        "pairs": [[p.key, p.title, p.trend, list(p.articles)] for p in summary.pairs],
        "first": [[a.id, a.title, a.meta] for a in summary.first],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def from_json(text: str | None) -> Summary | None:
    """None for anything this version did not write: a summary is never worth an error."""
    if not text:
        return None
    try:
        data: Any = json.loads(text)
        if data.get("version") != VERSION:
            return None
        pairs = tuple(
            PairSummary(str(k), str(t), str(tr), tuple(str(i) for i in ids)) for k, t, tr, ids in data["pairs"]
        )
        first = tuple(ArticleSummary(str(i), str(t), str(m)) for i, t, m in data["first"])
        return Summary(pairs, first, int(data["articles"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
