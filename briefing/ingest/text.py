"""The reader for plain-text and Markdown articles: sanitize, front matter, split, clean."""

from __future__ import annotations

import re

from briefing.article import RawArticle
from briefing.ingest.clean import clean_lines, is_boilerplate, is_caption, is_stray
from briefing.ingest.decode import decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.frontmatter import split_front_matter
from briefing.ingest.published import normalise_published
from briefing.ingest.sanitize import sanitize
from briefing.ingest.split import is_headline, split_articles

MAX_TITLE_CHARS = 300


def read_text_article(source: str, data: bytes) -> list[RawArticle]:
    text = sanitize(decode_text(data))
    if not text.strip():
        raise IngestError("empty file" if not text else "file holds only whitespace")
    meta, rest = split_front_matter(text)
    if meta.problem:
        raise IngestError(meta.problem)
    lines = [_strip_markdown(line) for line in rest.split("\n")]
    parts = split_articles(lines) if not meta.get("title") else [lines]
    articles: list[RawArticle] = []
    for part in parts:
        title, body_lines = _title_and_body(part, meta.get("title") if not articles else None)
        body = "\n\n".join(clean_lines(body_lines, title))
        if not body.strip():
            if title:
                body = title
            else:
                continue
        articles.append(
            RawArticle(
                source=source,
                title=_short_title(title or body),
                body=body,
                index=len(articles),
                published=normalise_published(meta.get("date", "published")) if not articles else None,
                outlet=meta.get("source", "outlet") if not articles else None,
                author=meta.get("author", "by") if not articles else None,
                link=meta.get("url", "link") if not articles else None,
            )
        )
    return articles


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


def _short_title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _strip_markdown(line: str) -> str:
    """Markdown headings and emphasis markers are layout, not words of the article."""
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
