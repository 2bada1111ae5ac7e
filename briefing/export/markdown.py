"""Briefs as Markdown: the text a user pastes into a report. A pure function of the brief data."""

from __future__ import annotations

import re

from briefing.analyze.gazetteer import country_name
from briefing.brief import Briefing, PairBrief

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def escape(text: str) -> str:
    """Article text as literal Markdown: no headings, links, HTML or tables can come out of it."""
    text = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", text)


def render_pair(brief: PairBrief) -> str:
    lines = [f"# {escape(brief.title)}", ""]
    period = brief.period
    if period:
        lines += [f"*Period:* {period[0]} to {period[1]}", ""]
    lines += [f"*Trend:* **{brief.trend.label}**", ""]
    for sentence in brief.trend.evidence:
        lines += [f"- {escape(sentence)}"]
    if brief.trend.evidence:
        lines.append("")
    if brief.statements:
        lines += ["## Key statements", ""]
        for item in brief.statements:
            s = item.statement
            article = brief.article(item.article)
            who = ", ".join(x for x in (s.speaker, s.role, country_name(s.country) if s.country else None) if x)
            source = article.article.title if article else item.article
            quote = escape(s.text) if s.direct else f"*(reported)* {escape(s.text)}"
            lines += [f"> {quote}", ">", f"> — {escape(who)}, in *{escape(source)}*", ""]
    if brief.timeline:
        lines += ["## Timeline", ""]
        for t in brief.timeline:
            lines.append(f"- **{t.value}**: {escape(t.sentence)}")
        lines.append("")
    if brief.people:
        lines += ["## People", ""]
        for p in brief.people:
            extra = ", ".join(x for x in (p.role, country_name(p.country) if p.country else None) if x)
            lines.append(f"- {escape(p.name)}" + (f" ({escape(extra)})" if extra else ""))
        lines.append("")
    lines += ["## Sources", ""]
    for a in brief.articles:
        meta = ", ".join(x for x in (a.article.outlet, a.article.published) if x)
        lines.append(f"- {escape(a.article.title)}" + (f" ({escape(meta)})" if meta else ""))
    return "\n".join(lines).rstrip() + "\n"


def render_briefing(briefing: Briefing) -> str:
    return "\n---\n\n".join(render_pair(b) for b in briefing.briefs)
