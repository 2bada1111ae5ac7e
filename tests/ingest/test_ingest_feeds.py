"""RSS, Atom and JSON Feed files: one article per item, with the item's text as plain paragraphs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.ingest import READERS, load_articles
from briefing.ingest.errors import IngestError
from briefing.ingest.feeds import html_to_paragraphs, read_feed, read_json_feed
from briefing.ingest.records import read_json

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
FEEDS = CORPORA / "feeds"


def _corpus(name: str) -> Path:
    path = FEEDS / name
    if not path.is_file():
        pytest.skip(f"real feed not found at {path}")
    return path


def test_guardian_rss_gives_one_article_per_item() -> None:
    path = _corpus("guardian.rss")
    articles = read_feed(str(path), path.read_bytes())
    assert len(articles) == 55
    assert [a.index for a in articles] == list(range(55))
    assert all(a.source == str(path) for a in articles)
    assert all(a.outlet == "The Guardian" for a in articles)
    assert all(a.link and a.link.startswith("https://www.theguardian.com/") for a in articles)
    assert len({a.link for a in articles}) == 55
    first = articles[0]
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.published == "2018-01-31"
    assert first.author == "David Smith in Washington"
    assert first.body.startswith("The president’s ‘new American moment’ speech stirred Republican applause")
    assert "Donald Trump has promised a “new American moment”" in first.body


def test_guardian_bodies_are_plain_text_without_feed_navigation() -> None:
    path = _corpus("guardian.rss")
    articles = read_feed(str(path), path.read_bytes())
    assert path.read_bytes().count(b"Continue reading...") >= 50  # the raw feed has the links ...
    for article in articles:
        assert article.body.strip()
        assert "Continue reading" not in article.body  # ... the articles do not
        assert "Related: " not in article.body
        assert "<" not in article.body and "&amp;" not in article.body and "&lt;" not in article.body
        assert all(p == p.strip() and p for p in article.body.split("\n\n"))
        assert article.published is not None and re.fullmatch(r"201[78]-\d\d-\d\d", article.published)


def test_npr_json_feed_through_the_feed_reader_and_the_json_reader() -> None:
    path = _corpus("npr-feed.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    articles = read_json_feed(str(path), path.read_bytes())
    assert len(articles) == len(raw["items"]) == 25
    assert read_json(str(path), path.read_bytes()) == articles
    assert read_feed(str(path), path.read_bytes()) == articles  # sniffed as JSON whatever the suffix
    first = articles[0]
    assert first.title == "Keller Rinaudo: How can delivery drones save lives?"
    assert first.published == "2021-10-29"
    assert first.author == "Manoush Zomorodi"
    assert first.outlet == "Technology"
    assert first.link and first.link.startswith("https://www.npr.org/2021/10/29/1050315385/")
    assert first.body.startswith("In rural areas, basic health care can be out of reach.")
    assert all("<img" not in a.body and "npr-rss-pixel" not in a.body for a in articles)


def test_folder_of_real_feeds_loads_through_the_registered_readers() -> None:
    _corpus("guardian.rss")
    assert {".rss", ".atom", ".xml", ".json"} <= set(READERS)
    result = load_articles([FEEDS])
    assert not result.problems
    assert len(result.articles) == 55 + 25


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <entry>
    <title type="html">Talks resume in &lt;b&gt;Geneva&lt;/b&gt;</title>
    <link rel="alternate" href="https://example.org/talks"/>
    <id>urn:example:1</id>
    <published>2024-05-01T23:30:00-04:00</published>
    <updated>2024-05-02T09:00:00Z</updated>
    <author><name>Ana Costa</name></author>
    <summary>Short teaser only.</summary>
    <content type="html">&lt;p&gt;Negotiators from both countries met again in Geneva on Wednesday.&lt;/p&gt;
      &lt;script&gt;alert("x")&lt;/script&gt;
      &lt;p&gt;The talks are expected to last &amp;amp; continue into next week, officials said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary-only item</title>
    <link href="https://example.org/summary"/>
    <id>urn:example:2</id>
    <updated>2024-05-02T08:00:00Z</updated>
    <summary type="text">Only a summary is given for this item, and it is used as the body.</summary>
  </entry>
</feed>
"""


def test_atom_prefers_full_content_and_strips_its_html() -> None:
    articles = read_feed("wire.atom", ATOM.encode("utf-8"))
    assert len(articles) == 2
    full, summary_only = articles
    assert full.title == "Talks resume in Geneva"
    assert full.link == "https://example.org/talks"
    assert full.published == "2024-05-01"  # the date as the publisher wrote it, not shifted to UTC
    assert full.author == "Ana Costa"
    assert full.outlet == "Example Wire"
    assert full.body == (
        "Negotiators from both countries met again in Geneva on Wednesday.\n\n"
        "The talks are expected to last & continue into next week, officials said."
    )
    assert "teaser" not in full.body
    assert summary_only.body == "Only a summary is given for this item, and it is used as the body."
    assert summary_only.published == "2024-05-02"
    assert summary_only.index == 1


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley \x1b[31mNews\x1b[0m</title><link>https://valley.example</link>
<item>
  <title>Bridge closed for repairs</title>
  <guid isPermaLink="true">https://valley.example/bridge</guid>
  <pubDate>Tue, 04 Jun 2024 22:15:00 +0200</pubDate>
  <dc:creator>Jo Park</dc:creator>
  <description>Teaser about the bridge.</description>
  <content:encoded><![CDATA[<p>The old bridge will be closed for six weeks while engineers replace its deck.</p>
  <figure><img src="x.jpg"><figcaption>The bridge at dusk (Valley News)</figcaption></figure>
  <p>Drivers are asked to use the ring road, the council said on Tuesday.</p>
  <p><a href="https://valley.example/more">Read the full story on our site</a></p>]]></content:encoded>
</item>
<item><title>Headline only</title><link>https://valley.example/headline</link></item>
<item><description></description></item>
</channel></rss>
"""


def test_rss_content_encoded_guid_link_and_headline_only_items() -> None:
    articles = read_feed("valley.rss", RSS.encode("utf-8"))
    assert [a.title for a in articles] == ["Bridge closed for repairs", "Headline only"]
    bridge, headline = articles
    assert bridge.outlet == "Valley News"  # escape sequences from the feed are removed
    assert bridge.link == "https://valley.example/bridge"
    assert bridge.published == "2024-06-04"
    assert bridge.author == "Jo Park"
    assert bridge.body == (
        "The old bridge will be closed for six weeks while engineers replace its deck.\n\n"
        "Drivers are asked to use the ring road, the council said on Tuesday."
    )
    assert headline.body == "Headline only"
    assert headline.link == "https://valley.example/headline"


def test_json_feed_version_1_1_with_authors_and_text_content() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Desk",
        "authors": [{"name": "Desk Editors"}],
        "items": [
            {
                "id": "1",
                "url": "https://desk.example/1",
                "title": "First",
                "content_text": "First paragraph of the item.\n\nSecond paragraph of the item.",
                "date_published": "2024-02-29T12:00:00+01:00",
                "authors": [{"name": "Lee Chan"}, {"name": "Ola Berg"}],
            },
            {"id": "2", "title": "Second", "summary": "Summary text of the second item, used as body."},
            "not an item",
        ],
    }
    articles = read_json_feed("desk.json", json.dumps(feed).encode("utf-8"))
    assert len(articles) == 2
    first, second = articles
    assert first.body == "First paragraph of the item.\n\nSecond paragraph of the item."
    assert first.author == "Lee Chan, Ola Berg"
    assert first.published == "2024-02-29"
    assert second.author == "Desk Editors"  # the feed's authors stand for items that name none
    assert second.body == "Summary text of the second item, used as body."
    assert second.link is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<note><to>Tove</to><body>Hello</body></note>", "not an RSS, Atom or JSON feed"),
        (b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", "HTML page"),
        (b'{"version": "1", "items": []}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1"', "not valid JSON"),
    ],
)
def test_inputs_that_are_not_feeds_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        read_feed("x.xml", data)


def test_html_to_paragraphs_drops_scripts_images_and_link_only_lines() -> None:
    markup = (
        "<div><p>One &amp; two&nbsp;three.</p><script>var x = 1;</script><img src='a.png'>"
        "<ul><li>First point</li><li>Second point</li></ul>"
        "<p><span>Related: </span><a href='/x'>Another story entirely about something</a></p>"
        "<p>A sentence with <a href='/y'>a link</a> inside it stays.</p><br>Tail text</div>"
    )
    assert html_to_paragraphs(markup) == [
        "One & two three.",
        "First point",
        "Second point",
        "A sentence with a link inside it stays.",
        "Tail text",
    ]
