"""The reader for plain-text and Markdown articles: sanitize, front matter, unwrap, split, wire conventions, clean."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefing.article import RawArticle
from briefing.ingest.clean import clean_lines, is_boilerplate, is_caption, is_stray, normalise_line
from briefing.ingest.decode import decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.frontmatter import split_front_matter
from briefing.ingest.published import normalise_published
from briefing.ingest.sanitize import MAX_TITLE_CHARS, sanitize, short_title
from briefing.ingest.split import is_headline, leading_lines, split_articles
from briefing.ingest.unwrap import unwrap_lines
from briefing.ingest.wire import read_wire

_CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]{2,7}|[xX][0-9a-fA-F]{2,6});")
"""A numeric character reference ("caf&#233;"), left in text copied out of a web page's source: no reader
means the six characters. Named ones ("&amp;") stay: plain text may mean them ("AT&T's &amp; entity")."""


def read_text_article(source: str, data: bytes) -> list[RawArticle]:
    # The references first, then sanitize: "&#27;" is an escape character too.
    text = sanitize(_CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), decode_text(data)))
    if not text.strip():
        raise IngestError("empty file" if not text else "file holds only whitespace")
    meta, rest = split_front_matter(text)
    if meta.problem:
        raise IngestError(meta.problem)
    lines = [_strip_markdown(line) for line in unwrap_lines(rest.split("\n"))]
    parts = split_articles(lines) if not meta.get("title") else [lines]
    articles: list[RawArticle] = []
    for part in parts:
        title, body_lines = _title_and_body(part, meta.get("title") if not articles else None)
        given_date = normalise_published(meta.get("date", "published")) if not articles else None
        wire = read_wire(title, body_lines, given_date)
        title, body_lines = wire.title, wire.lines
        cleaned = clean_lines(body_lines, title)
        byline = _byline(body_lines, cleaned)
        body = "\n\n".join(line for i, line in enumerate(cleaned) if i not in byline.lines)
        if not body.strip():
            if title:
                body = title
            else:
                continue
        articles.append(
            RawArticle(
                source=source,
                title=short_title(title or body),
                body=body,
                index=len(articles),
                published=given_date or byline.published or wire.published,
                outlet=(meta.get("source", "outlet") if not articles else None) or wire.outlet,
                author=(meta.get("author", "by") if not articles else None) or byline.author,
                link=meta.get("url", "link") if not articles else None,
            )
        )
    return articles


_DATELINE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*)?(?P<date>.{6,60}?)"
    r"(?:\s*(?:\||·|-)\s*(?:updated|\d{1,2}[:.]\d{2}).*)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*(?:[,|·].*)?$")
BYLINE_WINDOW = 6
"""Datelines and bylines are looked for among this many first non-empty lines of an article."""


@dataclass(frozen=True, slots=True)
class Byline:
    published: str | None = None
    author: str | None = None
    lines: frozenset[int] = frozenset()
    """Indexes of the lines that held them (not article text)."""


def read_byline(lines: list[str]) -> Byline:
    """Publication date and author from "Published On 10 Mar 2023" / "By Jane Doe" lines at the top."""
    published = author = None
    used: set[int] = set()
    for i, s in leading_lines(lines, BYLINE_WINDOW):
        if len(s) > 80:
            continue
        m = _BYLINE.match(s)
        if m and author is None:
            author = m.group("name")
            used.add(i)
            continue
        m = _DATELINE.match(s)
        if m and published is None and re.search(r"\d", s):
            value = normalise_published(re.sub(r"\s+\d{1,2}[:.]\d{2}.*$", "", m.group("date")).strip(" ,"))
            if value:
                published = value
                used.add(i)
    return Byline(published, author, frozenset(used))


def _byline(raw: list[str], cleaned: list[str]) -> Byline:
    """The byline among the first article lines, or else just above them, where cleaning dropped it as a label."""
    byline = read_byline(cleaned)
    if byline.author and byline.published:
        return byline
    lines = [normalise_line(line) for line in raw]
    if not cleaned or cleaned[0] not in lines:
        return byline
    above = [s for s in lines[: lines.index(cleaned[0])] if s]
    found = read_byline(above[-BYLINE_WINDOW:])
    return Byline(byline.published or found.published, byline.author or found.author, byline.lines)


def _title_and_body(lines: list[str], given: str | None) -> tuple[str, list[str]]:
    if given:
        return given.strip(), lines
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or is_stray(s) or is_caption(s) or is_boilerplate(s):
            continue
        if is_headline(s) or (len(s) <= MAX_TITLE_CHARS and not s.endswith(".")):
            return s, lines[i + 1 :]
        # No headline line: the article opens with its first paragraph, which stays in the body.
        return _first_sentence(s), lines[i:]
    return "", lines


def _first_sentence(paragraph: str) -> str:
    for m in re.finditer(r"[.!?](?=\s+[A-Z\"“]|$)", paragraph):
        head = paragraph[: m.end()]
        if m.end() >= 20 and not re.search(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.$", head):
            return head
    return paragraph


def _strip_markdown(line: str) -> str:
    """Markdown headings and emphasis markers are layout, not words of the article."""
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
