"""Briefs as Markdown: the text a user pastes into a report. A pure function of the brief data.

Everything that comes from an article (titles, quotes, sentences, names, outlets) goes through
`escape`, which makes it one line of literal text: it cannot open a heading, list, block quote,
table, code span, link, autolink, HTML tag, entity or emphasis, in CommonMark nor in the common
extensions (GFM tables, strikethrough and autolinks, `$` math, `==mark==`). The structure around it
is written here and only here. Output is deterministic (no clock), so re-exports are byte-identical.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.analyze.gazetteer import country_name
from briefing.article import AnalyzedArticle, Statement
from briefing.brief import Briefing, PairBrief

# Escaped wherever they are: punctuation that means something anywhere in a line (in CommonMark or a
# common extension), a dot inside a word ("example.com", "www.x": GFM and linkify autolinks) and the
# colon of "http://".
_ANYWHERE = re.compile(r"[\\`*_{}\[\]#|<>~&$^=@]|\.(?=\w)|:(?=/)")
# Punctuation that only means something where a block can start (the start of the text).
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+:])")
# Control characters, zero-width characters and the bidi marks/overrides that reorder what a reader sees.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»‹›「」『』]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_URL = re.compile(r"https?://[^\s<>\"`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def clean(text: str) -> str:
    """One line of printable text: whitespace collapsed, control and bidi characters dropped."""
    text = _SURROGATE.sub("\ufffd", text)
    text = " ".join(text.split())
    return _INVISIBLE.sub("", text).strip()


def escape(text: str) -> str:
    """Article text as literal Markdown, safe anywhere inline (paragraph, list item, quote, heading)."""
    text = clean(text)
    text = _ANYWHERE.sub(r"\\\g<0>", text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def statement_key(text: str) -> str:
    """What makes two statements 'the same': case, quotes, dashes, spacing and end punctuation ignored."""
    text = unicodedata.normalize("NFKC", clean(text)).casefold()
    text = _QUOTES.sub("", _DASHES.sub("-", text))
    return " ".join(text.split()).strip(" .,;:!?…-")


@dataclass(frozen=True, slots=True)
class MergedStatement:
    """One statement and every article it appears in."""

    statement: Statement
    articles: tuple[str, ...]


def merge_statements(brief: PairBrief) -> tuple[MergedStatement, ...]:
    """Statements repeated across (or within) articles once, in first-seen order, with all sources."""
    merged: dict[str, tuple[Statement, list[str]]] = {}
    for item in brief.statements:
        key = statement_key(item.statement.text)
        if not key:
            continue
        if key not in merged:
            merged[key] = (item.statement, [item.article])
            continue
        first, sources = merged[key]
        if item.article not in sources:
            sources.append(item.article)
        s = item.statement
        merged[key] = (
            Statement(
                first.speaker or s.speaker,
                first.text,
                first.direct or s.direct,
                first.start,
                first.end,
                first.role or s.role,
                first.country or s.country,
            ),
            sources,
        )
    return tuple(MergedStatement(s, tuple(sources)) for s, sources in merged.values())


@dataclass(frozen=True, slots=True)
class MergedDate:
    value: str
    sentence: str
    articles: tuple[str, ...]


def merge_timeline(brief: PairBrief) -> tuple[MergedDate, ...]:
    """One timeline line per (date, sentence), in date order, with every article that gives it."""
    merged: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for t in brief.timeline:
        key = (t.value, statement_key(t.sentence))
        _, sources = merged.setdefault(key, (t.sentence, []))
        if t.article not in sources:
            sources.append(t.article)
    items = [MergedDate(value, sentence, tuple(sources)) for (value, _), (sentence, sources) in merged.items()]
    return tuple(sorted(items, key=lambda d: d.value))


def _unique(texts: Iterable[str]) -> list[str]:
    """Texts without repeats (as `statement_key` sees them), in first-seen order."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(statement_key(text), text)
    seen.pop("", None)
    return list(seen.values())


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _join(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _country(code: str | None) -> str | None:
    return country_name(code) if code else None


def source_ref(article: AnalyzedArticle | None, article_id: str) -> str:
    """*Title* (Outlet, date): how a statement or date names the article it comes from."""
    if article is None:
        return f"article {escape(article_id)}"
    a = article.article
    meta = _join(escape(x) for x in (a.outlet or "", _day(a.published) or "") if x)
    title = escape(a.title) or "untitled article"
    return f"*{title}*" + (f" ({meta})" if meta else "")


def _sources(refs: dict[str, str], article_ids: Sequence[str]) -> str:
    return "; ".join(refs.get(i) or f"article {escape(i)}" for i in article_ids)


def _link(url: str | None) -> str | None:
    """An autolink for a plain http(s) URL; anything else is not linked."""
    if url and _URL.fullmatch(url.strip()):
        return f"<{url.strip()}>"
    return None


def heading(brief: PairBrief) -> str:
    if brief.pair is None:
        return "Other: articles about no country pair"
    return " – ".join(escape(n) for n in brief.names)


def period_text(brief: PairBrief) -> str | None:
    period = brief.period
    if not period:
        return None
    first, last = (_day(p) or "" for p in period)
    return escape(first) if first == last else f"{escape(first)} to {escape(last)}"


def render_pair(brief: PairBrief) -> str:
    """The brief of one pair: title, period, trend and evidence, statements, timeline, people, sources."""
    n = len(brief.articles)
    refs = {a.id: source_ref(a, a.id) for a in brief.articles}
    lines = [f"# {heading(brief)}", ""]
    facts = [f"{n} article{'s' if n != 1 else ''}"]
    period = period_text(brief)
    if period:
        facts.append(f"period covered: {period}")
    lines += ["; ".join(facts) + ".", ""]

    if brief.pair is not None:
        lines += ["## Trend", ""]
        label = brief.trend.label
        evidence = _unique(brief.trend.evidence)
        if label == "unknown":
            lines += ["No clear trend: the articles do not say whether relations are warming or cooling.", ""]
        else:
            sure = f" (confidence {brief.trend.confidence:.1f})"
            lines += [f"**{label.capitalize()}**{sure}" + (", based on:" if evidence else "."), ""]
        for sentence in evidence if label != "unknown" else []:
            lines.append(f"- {escape(sentence)}")
        if evidence and label != "unknown":
            lines.append("")

    statements = merge_statements(brief)
    if statements:
        lines += ["## Key statements", ""]
        for m in statements:
            s = m.statement
            text = escape(s.text)
            quote = f"“{text}”" if s.direct else f"*Reported:* {text}"
            who = _join([f"**{escape(s.speaker) or 'Unnamed speaker'}**", escape(s.role or ""), _country(s.country)])
            lines += [f"> {quote}", ">", f"> — {who}; in {_sources(refs, m.articles)}", ""]

    timeline = merge_timeline(brief)
    if timeline:
        lines += ["## Timeline", ""]
        for d in timeline:
            lines.append(f"- **{escape(d.value)}**: {escape(d.sentence)} — {_sources(refs, d.articles)}")
        lines.append("")

    if brief.people:
        lines += ["## People", ""]
        for p in brief.people:
            extra = _join([escape(p.role or ""), _country(p.country)])
            lines.append(f"- {escape(p.name)}" + (f" ({extra})" if extra else ""))
        lines.append("")

    lines += ["## Sources", ""]
    for i, a in enumerate(brief.articles, 1):
        raw = a.article
        where = _link(raw.link) or escape(raw.link or raw.source)
        meta = _join([escape(raw.outlet or ""), escape(_day(raw.published) or ""), escape(raw.author or "")])
        lines.append(f"{i}. *{escape(raw.title) or 'untitled article'}*" + (f", {meta}" if meta else "") + f": {where}")
    return "\n".join(lines).rstrip() + "\n"


def render_index(entries: Sequence[tuple[PairBrief, str]]) -> str:
    """index.md: one line per brief, linking its file (a name made by `filename_for`, so link-safe)."""
    lines = ["# Briefs", ""]
    for brief, filename in entries:
        n = len(brief.articles)
        facts = [f"{n} article{'s' if n != 1 else ''}", f"{len(merge_statements(brief))} statements"]
        if brief.pair is not None:
            facts.insert(0, f"trend {brief.trend.label}")
        period = period_text(brief)
        if period:
            facts.append(period)
        lines.append(f"- [{heading(brief)}](<{filename}>): {', '.join(facts)}")
    return "\n".join(lines) + "\n"


def render_briefing(briefing: Briefing) -> str:
    """Every brief, one after the other: what `briefing brief --format markdown` prints."""
    return "\n---\n\n".join(render_pair(b) for b in briefing.briefs)
