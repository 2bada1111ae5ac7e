"""Builders and Markdown parsing shared by the export tests (not a test module itself)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.article import AnalyzedArticle, DateMention, Entity, Person, RawArticle, Statement, Trend
from briefing.brief import TimelineEntry
from briefing.export.markdown import clean

# A strict CommonMark parser and a GitHub-like one (tables, strikethrough, bare-URL autolinks).
PARSERS = {"commonmark": MarkdownIt("commonmark"), "gfm": MarkdownIt("gfm-like")}

HOSTILE = [
    "# heading",
    "[link](http://x)",
    "<script>alert(1)</script>",
    "| a | b |",
    "`code`",
    "*em*",
    "1. list",
    "> quote",
    "---",
    "_under_ **strong** ~~gone~~",
    "www.example.com and https://example.org/x?a=1&b=2",
    "see example.com or ftp://files.example.net",
    "mail me@example.com",
    "&amp; &#60;b&#62;",
    "![img](http://x/y.png)",
    "```",
    "- item",
    "+ item",
    "===",
    "    indented",
    "line one\n\n# second line\n---\n| x |\n|---|",
    "trailing backslash \\",
    "$x^2$ ==mark== {#id}",
    "<http://autolink.example>",
    "[ref]: http://x",
]

WARMING = Trend("warming", ("Relations improved.",), 0.8)


def article(
    title: str = "Talks in Rabat",
    *,
    source: str = "news/a.txt",
    index: int = 0,
    published: str | None = "2024-05-01",
    outlet: str | None = "Example News",
    link: str | None = None,
    statements: Sequence[Statement] = (),
    dates: Sequence[DateMention] = (),
    people: Sequence[Person] = (),
    pair: tuple[str, str] | None = ("MAR", "SYR"),
    trend: Trend = WARMING,
) -> AnalyzedArticle:
    """An article whose body is its statements, dated sentences and trend evidence, one paragraph each,
    with offsets that index into it; every dated sentence names the pair's first country (an entity at
    its first character), as a real timeline entry does."""
    body, placed_statements, placed_dates, entities = "body", [], [], []
    for s in statements:
        start = len(body) + 2
        body += "\n\n" + s.text
        placed_statements.append(Statement(s.speaker, s.text, s.direct, start, start + len(s.text), s.role, s.country))
    for d in dates:
        start = len(body) + 2
        body += "\n\n" + d.sentence
        at = d.sentence.find(d.text)
        at = start + max(at, 0)
        placed_dates.append(DateMention(d.text, d.value, at, at + len(d.text), d.sentence, d.relative))
        if pair:
            entities.append(Entity(body[start : start + 1], "GPE", start, start + 1, pair[0]))
    for sentence in trend.evidence:
        body += "\n\n" + sentence
    raw = RawArticle(source, title, body, index=index, published=published, outlet=outlet, link=link)
    return AnalyzedArticle(
        raw,
        pair,
        (pair,) if pair else (),
        tuple(entities),
        tuple(placed_statements),
        tuple(placed_dates),
        tuple(people),
        trend,
    )


def said(
    text: str,
    speaker: str = "Nasser Bourita",
    *,
    direct: bool = True,
    role: str | None = "Foreign Minister",
    country: str | None = "MAR",
) -> Statement:
    return Statement(speaker, text, direct, 0, len(text), role, country)


def dated(value: str, sentence: str) -> DateMention:
    return DateMention(value, value, 0, len(value), sentence)


def walk(tokens: Sequence[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if t.children:
            yield from walk(t.children)


def plain_text(markdown: str, parser: str = "commonmark") -> str:
    """What a reader sees: the text of every text and code token, one line per block."""
    out: list[str] = []
    for t in PARSERS[parser].parse(markdown):
        if t.type == "inline" and t.children:
            breaks = ("softbreak", "hardbreak")
            out.append(
                "".join(
                    c.content if c.type in ("text", "code_inline") else " " * (c.type in breaks) for c in t.children
                )
            )
    return "\n".join(out)


def timeline_line(t: TimelineEntry) -> str:
    """A timeline entry as the Markdown's plain text reads: its date, the sentence's other dates, the sentence."""
    also = f" (also {', '.join(t.also)})" if t.also else ""
    return f"{t.value}{also}: {clean(t.sentence)}"
