"""Saved news pages: the article's text and metadata come out, the page around it does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from briefing.article import RawArticle
from briefing.ingest import load_articles
from briefing.ingest.errors import IngestError
from briefing.ingest.html import read_html_article

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
PAGES = CORPORA / "html"
REPO = Path(__file__).resolve().parents[2]

Extracted = dict[str, tuple[dict[str, Any], RawArticle]]

# A sentence fragment from each story's own text, to show the body is the article.
ARTICLE_PHRASES = {
    "bbc-1": "greatest frustration of his presidency",
    "cnn": "Stanford University's Center on Poverty and Inequality",
    "guardian-1": "Whale whisperer Hori Parata",
    "nytimes-2": "Yahoo’s $4.8 billion sale to Verizon is a complicated beast",
    "telegraph": "under house arrest at Mugabe's",
    "wapo-1": "Bardo National Museum",
}


def _pages() -> list[str]:
    return sorted(ARTICLE_PHRASES)


@pytest.fixture(scope="module")
def extracted() -> Extracted:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found at {PAGES}")
    result: Extracted = {}
    for name in _pages():
        page = PAGES / f"{name}.html"
        [article] = read_html_article(str(page), page.read_bytes())
        expected = json.loads((PAGES / f"{name}.expected-metadata.json").read_text(encoding="utf-8"))
        result[name] = (expected, article)
    return result


def _chrome_lines(page: Path) -> set[str]:
    """Text of the page's navigation, footer, scripts and styles, one entry per line of at least 3 words."""
    tree = lxml_html.fromstring(page.read_bytes())
    lines: set[str] = set()
    for element in tree.xpath("//nav | //footer | //script | //style | //header[not(ancestor::article)]"):
        for line in element.text_content().split("\n"):
            line = " ".join(line.split())
            if len(line.split()) >= 3:
                lines.add(line)
    return lines


@pytest.mark.parametrize("name", _pages())
def test_title_matches_the_expected_metadata(extracted: Extracted, name: str) -> None:
    expected, article = extracted[name]
    assert article.title == expected["title"]


@pytest.mark.parametrize("name", _pages())
def test_body_is_the_article_text_in_paragraphs(extracted: Extracted, name: str) -> None:
    _, article = extracted[name]
    body = article.body
    assert ARTICLE_PHRASES[name] in body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) >= 5
    assert all(p.strip() == p and p and "\n" not in p for p in paragraphs)
    assert len(body) > 1500


@pytest.mark.parametrize("name", _pages())
def test_body_has_no_page_chrome(extracted: Extracted, name: str) -> None:
    _, article = extracted[name]
    body = article.body
    for marker in ("<div", "<script", "function(", "var ", "document.", "window.", '{"', "cookie", "Cookie"):
        assert marker not in body, marker
    for chrome in ("Continue reading the main story", "Advertisement", "Sign In", "Username", "Skip to"):
        assert chrome not in body.split("\n\n"), chrome
    assert not article.title or article.title not in body.split("\n\n")
    chrome_lines = _chrome_lines(PAGES / f"{name}.html")
    leaked = [p for p in body.split("\n\n") if p in chrome_lines]
    assert not leaked


def test_dates_authors_and_sites_where_the_page_states_them(
    extracted: Extracted,
) -> None:
    checked = 0
    for name, (expected, article) in extracted.items():
        if isinstance(expected["publishedTime"], str):
            assert article.published == expected["publishedTime"][:10], name
            checked += 1
        byline = expected["byline"]
        if isinstance(byline, str) and byline != expected["siteName"]:
            name_only = byline.removeprefix("By ").strip()
            assert article.author and article.author.lower() == name_only.lower(), name
            checked += 1
        if isinstance(expected["siteName"], str):
            assert article.outlet and article.outlet.lower() == expected["siteName"].lower(), name
            checked += 1
    assert checked >= 10
    for _, article in extracted.values():
        published = article.published
        assert published is None or (len(published) == 10 and published[4] == "-" and published[7] == "-")


def test_load_articles_reads_every_real_page() -> None:
    if not PAGES.is_dir():
        pytest.skip(f"real pages not found at {PAGES}")
    result = load_articles(sorted(PAGES.glob("*.html")))
    assert not result.problems
    assert len(result.articles) == 6
    assert {Path(a.source).stem for a in result.articles} == set(ARTICLE_PHRASES)


SYNTHETIC_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour reopens after storm | Coast Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Coast Gazette">
<meta name="author" content="Maria Lopes">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<script>window.dataLayer = []; function track(e) { return e; }</script>
<style>.nav { color: red }</style>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies?
<button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and analysis</a></li>
<li><a href="/sport">Sport results and fixtures</a></li></ul></nav>
<div class="ad-slot">Advertisement: buy the best boats in the county today</div>
<article>
<h1>Harbour reopens after storm</h1>
<p>The harbour at Porto Novo reopened on Tuesday morning after a storm closed it for four days,
the port authority said in a statement.</p>
<p>Fishing boats left the quay at dawn, and the first cargo ship is expected to dock on Wednesday
once divers have checked the entrance channel for debris.</p>
<p>Local businesses said the closure had cost them thousands of euros, but most welcomed the cautious
approach taken by the authority after last year's accident.</p>
<p>The authority said that it would publish a full report on the damage to the breakwater next month.</p>
</article>
<footer><p>Copyright Coast Gazette. All rights reserved. Terms and privacy policy apply here.</p></footer>
</body></html>
"""


def test_synthetic_page_keeps_article_and_drops_banners_navigation_and_scripts() -> None:
    [article] = read_html_article("page.html", SYNTHETIC_PAGE.encode("utf-8"))
    assert article.title == "Harbour reopens after storm"
    assert article.published == "2024-03-05"
    assert article.author == "Maria Lopes"
    assert article.outlet == "Coast Gazette"
    assert article.body.startswith("The harbour at Porto Novo reopened on Tuesday morning")
    assert article.body.count("\n\n") == 3
    for chrome in ("cookies", "Accept", "World news", "Advertisement", "dataLayer", "Copyright", ".nav"):
        assert chrome not in article.body, chrome


def test_text_the_page_hides_from_readers_is_dropped_but_text_after_it_is_kept() -> None:
    page = SYNTHETIC_PAGE.replace(
        "<p>Fishing boats",
        '<p class="visually-hidden">Screen reader users can skip to the next section of this article here.</p>'
        "<div hidden><p>This hidden block repeats the subscription offer for new readers of the site.</p></div>"
        '<p style="display: none">A collapsed panel holds the sign-in form and the list of saved stories.</p>'
        '<p>Fishing <span class="sr-only">(label for assistive technology)</span>boats',
    )
    [article] = read_html_article("page.html", page.encode("utf-8"))
    assert "Fishing boats left the quay at dawn" in article.body
    for hidden in ("Screen reader users", "subscription offer", "sign-in form", "assistive technology"):
        assert hidden not in article.body, hidden


def test_escape_sequences_in_a_page_never_reach_the_body() -> None:
    page = SYNTHETIC_PAGE.replace("Fishing boats", "Fishing \x1b[31mboats\x1b[0m\u202e")
    [article] = read_html_article("page.html", page.encode("utf-8"))
    assert "Fishing boats left the quay" in article.body
    assert "\x1b" not in article.body and "\u202e" not in article.body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n ", "whitespace"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ],
)
def test_pages_without_an_article_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        read_html_article("bad.html", data)


def test_startup_imports_neither_trafilatura_nor_feedparser() -> None:
    code = (
        "import sys, briefing.ingest, briefing.ingest.html, briefing.ingest.feeds, briefing.ingest.records;"
        "heavy = [m for m in ('trafilatura', 'feedparser', 'lxml', 'urllib.request') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
