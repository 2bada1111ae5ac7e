"""The reader for saved web pages: the article's own text and metadata, without the page around it.

trafilatura finds the main text and the metadata; it is imported inside the reader because the
app's startup must not pay for it. Before extraction, elements the page hides from readers
(collapsed menus, "skip to" links, screen-reader labels) are removed, since trafilatura would
otherwise take some of them for text or for the byline.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.article import RawArticle
from briefing.ingest.clean import clean_lines, is_prose
from briefing.ingest.decode import decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.published import normalise_published
from briefing.ingest.sanitize import field_text, sanitize, short_title
from briefing.wording import single_spaced

HtmlElement = Any
"""An `lxml.html.HtmlElement`; lxml ships no type stubs, so the tree is untyped here."""

_HIDDEN_CLASSES = ("hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "offscreen")
_HIDDEN_XPATH = "//*[not(self::html or self::body) and (@hidden or @aria-hidden='true' or {} or {})]".format(
    " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in _HIDDEN_CLASSES),
    "contains(translate(@style, ' ', ''), 'display:none') or contains(translate(@style, ' ', ''), 'visibility:hidden')",
)
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, '-byline') or contains(@class, 'byline-') or contains(@class, 'byline_')]"
)
# Words page widgets put where a byline might be expected ("Follow @reporter", "Username" menus).
_NOT_A_NAME = {
    "follow", "username", "user name", "sign in", "log in", "login", "subscribe", "share", "email", "e-mail",
    "admin", "administrator", "author", "by", "more", "menu", "profile", "contact", "unknown", "anonymous",
}  # fmt: skip


def read_html_article(source: str, data: bytes) -> list[RawArticle]:
    """One article per page: a saved page holds one story plus the site's navigation and ads."""
    text = sanitize(decode_text(data))  # before parsing, or lxml keeps the "[31m" of a removed ESC
    if not text.strip():
        raise IngestError("empty file" if not text else "file holds only whitespace")
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = _parse(text, load_html)
    hidden_removed = _drop_hidden(tree)
    doc = _extract(bare_extraction, tree)
    if (doc is None or not doc.get("text")) and hidden_removed:
        doc = _extract(bare_extraction, _parse(text, load_html))  # the page hid its own article text
    if doc is None or not (doc.get("text") or "").strip():
        raise IngestError("no article text found in the page")

    title = _clean_field(doc.get("title"))
    lines = sanitize(doc["text"]).split("\n")
    paragraphs = clean_lines(lines, title)
    if not any(is_prose(p) for p in paragraphs):
        raise IngestError("no article text found in the page (only navigation, labels or captions)")
    body = "\n\n".join(paragraphs)
    if not title:
        title = body.split("\n", 1)[0]
    return [
        RawArticle(
            source=source,
            title=short_title(title),
            body=body,
            index=0,
            published=normalise_published(doc.get("date")),
            outlet=_clean_field(doc.get("sitename")) or None,
            author=_author(doc.get("author"), tree),
            link=_clean_field(doc.get("url")) or None,
        )
    ]


def _parse(text: str, load_html: Any) -> HtmlElement:
    tree = load_html(text)
    if tree is None:
        # A fragment ("<p>…</p>" alone) is refused as "not HTML"; give it a document around it.
        tree = load_html(f"<html><body>{text}</body></html>")
    if tree is None:
        raise IngestError("not an HTML page")
    return tree


def _drop_hidden(tree: HtmlElement) -> bool:
    """Remove what the page never shows; `drop_tree` keeps the text that follows each element."""
    found = False
    for element in tree.xpath(_HIDDEN_XPATH):
        if element.getparent() is not None:
            element.drop_tree()
            found = True
    return found


def _extract(bare_extraction: Any, tree: HtmlElement) -> dict[str, Any] | None:
    try:
        doc = bare_extraction(
            tree,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError):
        return None
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _author(found: str | None, tree: HtmlElement) -> str | None:
    """The extractor's byline without widget words; else the page's own byline element."""
    names: list[str] = []
    for part in re.split(r"[;|]", _clean_field(found)):
        name = _name(part)
        if name and not any(n.lower() == name.lower() for n in names):
            names.append(name)
    if names:
        return ", ".join(names)
    for element in tree.xpath(_BYLINE_XPATH):
        name = _name(element.text_content())
        if name:
            return name
    return None


def _name(text: str) -> str | None:
    text = re.sub(r"^\s*by\s+", "", single_spaced(text), flags=re.IGNORECASE).strip(" ,;:-")
    words = text.split()
    if not 1 <= len(words) <= 8 or len(text) > 80 or text.lower() in _NOT_A_NAME:
        return None
    if any(ch.isdigit() for ch in text) or "@" in text or "://" in text or text.lower().startswith("www."):
        return None
    return text


def _clean_field(value: Any) -> str:
    return field_text(value)
