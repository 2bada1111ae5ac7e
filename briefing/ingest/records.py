"""Readers for article records exported as JSON or JSON lines by scrapers, news APIs and other tools.

Field names vary between exporters, so each field is looked up under its common names (`body` or
`text`, `date` or `published`, `source` or `outlet`, `url` or `link`, ...). A `.json` file may also
be a JSON Feed; that is handed to the feed reader.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from briefing.article import RawArticle
from briefing.ingest.clean import clean_lines
from briefing.ingest.decode import decode_json, decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.feeds import is_json_feed, json_feed_articles
from briefing.ingest.published import normalise_published
from briefing.ingest.sanitize import field_text, sanitize, short_title

_TITLE_KEYS = ("title", "headline")
_BODY_KEYS = ("body", "text", "content", "article", "description")
_DATE_KEYS = ("date", "published", "published_at", "publishedAt", "pubDate", "datetime")
_OUTLET_KEYS = ("source", "outlet", "publisher", "site")
_AUTHOR_KEYS = ("author", "authors", "byline", "by")
_LINK_KEYS = ("url", "link")


def read_json(source: str, data: bytes) -> list[RawArticle]:
    """The one `.json` reader: a JSON Feed goes to the feed reader, anything else is article records."""
    obj = decode_json(data)
    if is_json_feed(obj):
        return json_feed_articles(source, obj)
    if isinstance(obj, Mapping) and isinstance(obj.get("articles"), list):
        items: list[Any] = obj["articles"]
    elif isinstance(obj, list):
        items = obj
    else:
        raise IngestError('JSON is not a list of articles, {"articles": [...]} or a JSON Feed')
    if not items:
        raise IngestError("no articles in the JSON file (empty list)")
    articles: list[RawArticle] = []
    first_bad: str | None = None
    for index, item in enumerate(items):
        try:
            articles.append(record_article(source, index, item))
        except IngestError as exc:
            first_bad = first_bad or f"article {index + 1}: {exc}"
    if not articles:
        raise IngestError(f"no usable article; first bad one is {first_bad}")
    return articles


def read_json_lines(source: str, data: bytes) -> list[RawArticle]:
    """One article object per line; a broken line is skipped so one bad export line loses one article."""
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty file" if not text else "file holds only whitespace")
    articles: list[RawArticle] = []
    first_bad: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"not valid JSON ({exc.msg})") from exc
            except (ValueError, RecursionError) as exc:
                raise IngestError(f"not usable JSON ({' '.join(str(exc).split())[:120]})") from exc
            articles.append(record_article(source, number - 1, item))
        except IngestError as exc:
            first_bad = first_bad or f"line {number}: {exc}"
    if not articles:
        raise IngestError(f"no usable article; first bad line is {first_bad}")
    return articles


def record_article(source: str, index: int, item: object) -> RawArticle:
    """One record as an article; raises `IngestError` when it is not an object or holds no text."""
    if not isinstance(item, Mapping):
        raise IngestError(f"expected an object, found {_json_type(item)}")
    title = _text(_first(item, _TITLE_KEYS))
    raw_body = _first(item, _BODY_KEYS)
    if raw_body is not None and not isinstance(raw_body, str):
        raise IngestError(f"the article text must be a string, found {_json_type(raw_body)}")
    body = "\n\n".join(clean_lines(sanitize(raw_body or "").split("\n"), title or None))
    if not body:
        if not title:
            raise IngestError('no "title" and no "body" or "text"')
        body = title  # a headline-only record, as news APIs give for paywalled stories
    date = _first(item, _DATE_KEYS)
    return RawArticle(
        source=source,
        title=short_title(title or body.split("\n", 1)[0]),
        body=body,
        index=index,
        published=normalise_published(date) if isinstance(date, str) else None,
        outlet=_name(_first(item, _OUTLET_KEYS)),
        author=_name(_first(item, _AUTHOR_KEYS)),
        link=_text(_first(item, _LINK_KEYS)) or None,
    )


def _first(item: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    """The first of the field's common names that holds a value."""
    for key in keys:
        value = item.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _name(value: object) -> str | None:
    """Outlets and authors come as text, as {"name": ...} objects (news APIs) or as lists of either."""
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list):
        names = [_name(v) for v in value]
        return ", ".join(dict.fromkeys(n for n in names if n)) or None
    return _text(value) or None


def _text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        value = str(value)
    return field_text(value)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__
