"""Readers for news feeds: RSS and Atom through feedparser, JSON Feed from its (simple) JSON form.

Every item becomes one article. Feed items carry HTML; it is turned into plain paragraphs here, and
link-only paragraphs ("Continue reading…", "Related: <a>…</a>") are dropped because they are the
feed's navigation, not the story. feedparser is imported inside the reader so startup stays light.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from typing import Any

from briefing.article import RawArticle
from briefing.ingest.clean import clean_lines
from briefing.ingest.decode import decode_json
from briefing.ingest.errors import IngestError
from briefing.ingest.published import normalise_published
from briefing.ingest.sanitize import field_text, sanitize, short_title
from briefing.wording import single_spaced

LINK_DENSE = 0.75
"""A paragraph whose text is at least this share link text is navigation ("Continue reading…")."""

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "footer", "hr", "main", "aside", "address",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head", "button", "form", "figure"}


def read_feed(source: str, data: bytes) -> list[RawArticle]:
    """RSS, Atom or JSON Feed, told apart by content: servers and file names often mislabel feeds."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return read_json_feed(source, data)
    return read_xml_feed(source, data)


def read_xml_feed(source: str, data: bytes) -> list[RawArticle]:
    """RSS 0.9x/1.0/2.0 and Atom; a page that is not a feed is refused rather than read as one."""
    if not data.strip():
        raise IngestError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("binary data, not a feed")
    import feedparser

    # A stream, never the bytes themselves: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries and not parsed.get("version"):
        if _looks_like_html(data):
            raise IngestError("not an RSS, Atom or JSON feed (it is an HTML page)")
        reason = parsed.get("bozo_exception")
        raise IngestError("not an RSS, Atom or JSON feed" + (f" ({_one_line(str(reason))})" if reason else ""))
    feed = parsed.get("feed") or {}
    outlet = _plain(feed.get("title")) or None
    articles: list[RawArticle] = []
    for index, entry in enumerate(entries):
        article = _rss_article(source, index, entry, outlet)
        if article is not None:
            articles.append(article)
    return articles


def read_json_feed(source: str, data: bytes) -> list[RawArticle]:
    """A JSON Feed file (jsonfeed.org, versions 1 and 1.1)."""
    obj = decode_json(data)
    if not is_json_feed(obj):
        raise IngestError('not a JSON Feed (needs "version" naming jsonfeed.org and an "items" list)')
    return json_feed_articles(source, obj)


def is_json_feed(obj: object) -> bool:
    return (
        isinstance(obj, Mapping)
        and isinstance(obj.get("version"), str)
        and "jsonfeed.org" in obj["version"]
        and isinstance(obj.get("items"), list)
    )


def json_feed_articles(source: str, feed: Mapping[str, Any]) -> list[RawArticle]:
    """Articles of an already decoded JSON Feed (the `.json` reader decodes before it knows the kind)."""
    outlet = _plain(feed.get("title")) or None
    feed_author = _json_feed_author(feed)
    articles: list[RawArticle] = []
    for index, item in enumerate(feed.get("items") or []):
        if not isinstance(item, Mapping):
            continue
        title = _plain(item.get("title"))
        if isinstance(item.get("content_html"), str) and item["content_html"].strip():
            paragraphs = html_to_paragraphs(item["content_html"])
        elif isinstance(item.get("content_text"), str) and item["content_text"].strip():
            paragraphs = _text_paragraphs(item["content_text"])
        else:
            paragraphs = html_to_paragraphs(item["summary"]) if isinstance(item.get("summary"), str) else []
        link = next((v for v in (item.get("url"), item.get("external_url")) if isinstance(v, str) and v), None)
        published = next(
            (v for v in (item.get("date_published"), item.get("date_modified")) if isinstance(v, str) and v), None
        )
        article = _make_article(
            source,
            index,
            title,
            paragraphs,
            published=normalise_published(published),
            outlet=outlet,
            author=_json_feed_author(item) or feed_author,
            link=link,
        )
        if article is not None:
            articles.append(article)
    return articles


def html_to_paragraphs(markup: str) -> list[str]:
    """Feed HTML as plain paragraphs, without scripts, images, figures or link-only lines."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return [text for text, link_chars in parser.paragraphs() if link_chars < LINK_DENSE * len(text)]


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[tuple[str, int]] = []
        self._current: list[str] = []
        self._link_chars = 0
        self._skip_depth = 0
        self._link_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag == "a":
            self._link_depth += 1
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "a":
            self._link_depth = max(0, self._link_depth - 1)
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self._current.append(data)
        if self._link_depth:
            self._link_chars += len(single_spaced(data))

    def _break(self) -> None:
        text = single_spaced("".join(self._current))
        if text:
            self._parts.append((text, self._link_chars))
        self._current = []
        self._link_chars = 0

    def paragraphs(self) -> list[tuple[str, int]]:
        self._break()
        return self._parts


def _rss_article(source: str, index: int, entry: Mapping[str, Any], outlet: str | None) -> RawArticle | None:
    title_detail = entry.get("title_detail") or {}
    raw_title = entry.get("title") or ""
    if "html" in str(title_detail.get("type", "")) and "<" in raw_title:
        raw_title = " ".join(html_to_paragraphs(raw_title))
    paragraphs = _entry_paragraphs(entry)
    published = None
    for key in ("published", "updated", "created"):
        published = normalise_published(entry.get(key)) if isinstance(entry.get(key), str) else None
        parsed = entry.get(f"{key}_parsed")
        if published is None and isinstance(parsed, time.struct_time):
            published = time.strftime("%Y-%m-%d", parsed)
        if published:
            break
    link = entry.get("link") or None
    if not link and isinstance(entry.get("id"), str) and entry["id"].startswith(("http://", "https://")):
        link = entry["id"]
    return _make_article(
        source,
        index,
        _plain(raw_title),
        paragraphs,
        published=published,
        outlet=outlet,
        author=_rss_author(entry),
        link=link,
    )


def _entry_paragraphs(entry: Mapping[str, Any]) -> list[str]:
    """The item's full content when it has one, else its summary."""
    candidates: list[Mapping[str, Any]] = [c for c in entry.get("content") or [] if isinstance(c, Mapping)]
    summary = entry.get("summary")
    for detail in [*sorted(candidates, key=lambda c: -len(str(c.get("value") or ""))), None]:
        if detail is None:
            if not isinstance(summary, str):
                return []
            kind = str((entry.get("summary_detail") or {}).get("type", "text/html"))
            value = summary
        else:
            kind, value = str(detail.get("type", "text/html")), str(detail.get("value") or "")
        paragraphs = html_to_paragraphs(value) if "html" in kind else _text_paragraphs(value)
        if paragraphs:
            return paragraphs
    return []


def _make_article(
    source: str,
    index: int,
    title: str,
    paragraphs: Sequence[str],
    *,
    published: str | None,
    outlet: str | None,
    author: str | None,
    link: str | None,
) -> RawArticle | None:
    lines = [sanitize(p) for p in paragraphs]
    body = "\n\n".join(clean_lines(lines, title))
    if not body:
        body = title  # a headline-only item still says what happened; the link leads to the rest
    if not body:
        return None
    if not title:
        title = body.split("\n", 1)[0]
    return RawArticle(
        source=source,
        title=short_title(title),
        body=body,
        index=index,
        published=published,
        outlet=outlet,
        author=author,
        link=link,
    )


def _rss_author(entry: Mapping[str, Any]) -> str | None:
    names = [_person(a) for a in entry.get("authors") or [] if isinstance(a, Mapping)]
    names = [n for n in names if n]
    if not names:
        names = [_person(entry.get("author_detail") or {}) or _person_text(entry.get("author"))]
    unique = list(dict.fromkeys(n for n in names if n))
    return ", ".join(unique) or None


def _json_feed_author(obj: Mapping[str, Any]) -> str | None:
    people = obj.get("authors") if isinstance(obj.get("authors"), list) else [obj.get("author")]
    names = [_person(p) if isinstance(p, Mapping) else _person_text(p) for p in people or []]
    unique = list(dict.fromkeys(n for n in names if n))
    return ", ".join(unique) or None


def _person(detail: Mapping[str, Any]) -> str | None:
    return _person_text(detail.get("name")) if isinstance(detail, Mapping) else None


def _person_text(value: object) -> str | None:
    """A name without the e-mail address RSS puts around it ("jo@example.com (Jo Bloggs)")."""
    if not isinstance(value, str):
        return None
    text = _plain(value)
    m = re.fullmatch(r"\S+@\S+\s*\((.+)\)", text)
    if m:
        text = m.group(1).strip()
    if "@" in text and " " not in text:
        return None  # only an address
    return text or None


def _text_paragraphs(text: str) -> list[str]:
    """Blank lines part paragraphs; text without any has one paragraph per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [single_spaced(p) for p in parts if p.strip()]


def _plain(value: object) -> str:
    return field_text(value)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head


def _one_line(text: str) -> str:
    return single_spaced(text)[:120]
