"""Every reader cuts an over-long title the same way (one rule in briefing.ingest.sanitize)."""

from __future__ import annotations

import json
from html import escape

from briefing.ingest.feeds import read_feed
from briefing.ingest.html import read_html_article
from briefing.ingest.records import read_json
from briefing.ingest.sanitize import MAX_TITLE_CHARS
from tests.conftest import SHARED


def test_a_paragraph_given_as_title_is_cut_at_a_word_by_every_reader() -> None:
    text = (SHARED / "corpora" / "bbc" / "politics" / "001.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    title = next(p for p in paragraphs if MAX_TITLE_CHARS < len(p) < 2 * MAX_TITLE_CHARS)
    body = paragraphs[-3:]
    record = json.dumps([{"title": title, "body": "\n\n".join(body)}]).encode()
    feed = (
        "<rss version='2.0'><channel><title>News</title><item>"
        f"<title>{escape(title)}</title><description>{escape(' '.join(body))}</description>"
        "</item></channel></rss>"
    ).encode()
    page = (
        f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in body)
        + "</article></body></html>"
    ).encode()
    titles = {
        "json": read_json("a.json", record)[0].title,
        "rss": read_feed("a.rss", feed)[0].title,
        "html": read_html_article("a.html", page)[0].title,
    }
    cut = titles["json"]
    assert set(titles.values()) == {cut}, titles
    assert len(cut) <= MAX_TITLE_CHARS and cut.endswith("…")
    kept = cut.removesuffix("…")
    assert title.startswith(kept) and title[len(kept)] == " "  # at a word, not inside one
