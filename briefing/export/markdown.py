"""Briefs as Markdown: the text a user pastes into a report. A pure function of the brief data.

Everything that comes from an article (titles, quotes, sentences, names, outlets) goes through
`escape`, which makes it one line of literal text: it cannot open a heading, list, block quote,
table, code span, link, autolink, HTML tag, entity or emphasis, in CommonMark nor in the common
extensions (GFM tables, strikethrough and autolinks, `$` math, `==mark==`). The structure around it
is written here and only here. Output is deterministic (no clock), so re-exports are byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefing.analyze.gazetteer import country_name
from briefing.article import AnalyzedArticle
from briefing.brief import Briefing, PairBrief, PairStatement, TimelineEntry
from briefing.terminal import INVISIBLE
from briefing.wording import count, single_spaced

# Escaped wherever they are: punctuation that means something anywhere in a line (in CommonMark or a
# common extension), a dot inside a word ("example.com", "www.x": GFM and linkify autolinks) and the
# colon of "http://".
_ANYWHERE = re.compile(r"[\\`*_{}\[\]#|<>~&$^=@]|\.(?=\w)|:(?=/)")
# Punctuation that only means something where a block can start (the start of the text).
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+:])")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_URL = re.compile(r"https?://[^\s<>\"`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def clean(text: str) -> str:
    """One line of printable text: whitespace collapsed, control and bidi characters dropped."""
    text = single_spaced(_SURROGATE.sub("\ufffd", text))
    return INVISIBLE.sub("", text).strip()  # the terminal's definition: zero-width joiners stay (Persian, emoji)


def escape(text: str) -> str:
    """Article text as literal Markdown, safe anywhere inline (paragraph, list item, quote, heading)."""
    text = clean(text)
    text = _ANYWHERE.sub(r"\\\g<0>", text)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


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


def _span_text(span: tuple[str, str] | None) -> str | None:
    if not span:
        return None
    first, last = (_day(p) or "" for p in span)
    return escape(first) if first == last else f"{escape(first)} to {escape(last)}"


def period_text(brief: PairBrief) -> str | None:
    """The publication dates, with the events' span beside them when it differs (or alone when undated)."""
    published, events = _span_text(brief.period), _span_text(brief.events_apart)
    if published and events:
        return f"{published} (events: {events})"
    return published or (f"events {events}" if events else None)


def _dated(t: TimelineEntry, refs: dict[str, str]) -> str:
    also = f" (also {', '.join(escape(v) for v in t.also)})" if t.also else ""
    return f"- **{escape(t.value)}**{also}: {escape(t.sentence)} — {_sources(refs, t.articles)}"


def _statement(s: PairStatement, refs: dict[str, str]) -> list[str]:
    st = s.statement
    text = escape(st.text)
    quote = f"“{text}”" if st.direct else f"*Reported:* {text}"
    who = _join([f"**{escape(st.speaker) or 'Unnamed speaker'}**", escape(st.role or ""), _country(st.country)])
    return [f"> {quote}", ">", f"> — {who}; in {_sources(refs, s.articles)}", ""]


def _more_statement(s: PairStatement, refs: dict[str, str]) -> str:
    st = s.statement
    text = escape(st.text)
    quote = f"“{text}”" if st.direct else f"*reported:* {text}"
    return f"- **{escape(st.speaker) or 'Unnamed speaker'}**: {quote} — {_sources(refs, s.articles)}"


def render_pair(brief: PairBrief) -> str:
    """The brief of one pair: title, period, lead, trend and evidence, key statements, timeline, people, sources."""
    stories, total = len(brief.articles), len(brief.all_articles)
    refs = {a.id: source_ref(a, a.id) for a in brief.all_articles}
    lines = [f"# {heading(brief)}", ""]
    facts = [count(total, "article")]
    if stories != total:
        facts[0] += f" ({stories} stories: copies of one story by several outlets count once)"
    period = period_text(brief)
    if period:
        facts.append(f"period covered: {period}")
    lines += ["; ".join(facts) + ".", ""]

    if brief.lead:
        lines += ["## Lead", ""]
        lines += [" ".join(f"{escape(p.text)} ({refs.get(p.article, '')})" for p in brief.lead), ""]

    if brief.pair is not None:
        lines += ["## Trend", ""]
        label = brief.trend.label
        if label == "unknown":
            lines += ["No clear trend: the articles do not say whether relations are warming or cooling.", ""]
        else:
            sure = f" (confidence {brief.trend.confidence:.1f})"
            lines += [f"**{label.capitalize()}**{sure}" + (", based on:" if brief.evidence else "."), ""]
            for p in brief.evidence:
                lines.append(f"- {escape(p.text)} — {refs.get(p.article, '')}")
            if brief.evidence:
                lines.append("")

    if brief.statements:
        lines += ["## Key statements", ""]
        for s in brief.statements[: brief.shown]:
            lines += _statement(s, refs)
        if brief.hidden:
            lines += [f"### {count(brief.hidden, 'more statement')}", ""]
            lines += [_more_statement(s, refs) for s in brief.statements[brief.shown :]]
            lines.append("")

    events = [t for t in brief.timeline if not t.background]
    background = [t for t in brief.timeline if t.background]
    if brief.timeline:
        lines += ["## Timeline", ""]
        for t in events:
            lines.append(_dated(t, refs))
        if events:
            lines.append("")
        if background:
            lines += ["### Background", ""]
            for t in background:
                lines.append(_dated(t, refs))
            lines.append("")

    if brief.people:
        lines += ["## People", ""]
        for person in brief.people:
            extra = _join([escape(person.role or ""), _country(person.country)])
            lines.append(f"- {escape(person.name)}" + (f" ({extra})" if extra else ""))
        lines.append("")

    lines += ["## Sources", ""]
    for i, a in enumerate(brief.articles, 1):
        raw = a.article
        where = _link(raw.link) or escape(raw.link or raw.source)
        outlets = ", ".join(escape(o) for o in brief.outlets(a)) or escape(raw.outlet or "")
        meta = _join([outlets, escape(_day(raw.published) or ""), escape(raw.author or "")])
        line = f"{i}. *{escape(raw.title) or 'untitled article'}*" + (f", {meta}" if meta else "") + f": {where}"
        copies = [_link(c.link) or escape(c.link or c.source) for c in (x.article for x in brief.copies.get(a.id, ()))]
        if copies:
            line += f" (also run as: {'; '.join(copies)})"
        lines.append(line)
    return "\n".join(lines).rstrip() + "\n"


def render_index(entries: Sequence[tuple[PairBrief, str]]) -> str:
    """index.md: one line per brief, linking its file (a name made by `filename_for`, so link-safe)."""
    lines = ["# Briefs", ""]
    for brief, filename in entries:
        n = len(brief.articles)
        facts = [count(n, "article"), count(len(brief.statements), "statement")]
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
