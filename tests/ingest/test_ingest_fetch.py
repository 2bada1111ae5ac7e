"""Feeds fetched over HTTP, against a server on 127.0.0.1 that the tests start (no internet)."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.article import Problem, RawArticle
from briefing.ingest import discover, load_articles
from briefing.ingest.fetch import _network_reason, cache_path, download, fetch_feeds


def _rss(*titles: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://local.example/{i}</link>"
        f"<pubDate>Wed, 0{i + 1} May 2024 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{t} was reported in full by our correspondent on the day.&lt;/p&gt;</description>"
        "</item>"
        for i, t in enumerate(titles)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>{items}</channel></rss>'
    ).encode()


FEED = _rss("Dam inspection finished", "Ferry timetable changes", "Library extends hours")
JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Local JSON",
        "items": [{"id": "j1", "url": "https://local.example/j1", "title": "JSON item", "content_text": "Text of it."}],
    }
).encode("utf-8")
PAGE = b"<!DOCTYPE html><html><head><title>Portal</title></head><body><p>Welcome to our site.</p></body></html>"
BIG = b"<!-- padding -->" * 20_000  # 320 kB
SLOW_SECONDS = 2.0


@dataclass
class State:
    feed: bytes = FEED
    hits: list[str] = field(default_factory=list)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: State


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the body ends when the connection closes, as with many servers
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.state.hits.append(self.path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first, as intended
            self._route()

    def _route(self) -> None:
        path = self.path
        if path == "/feed.xml":
            self._send(200, self.server.state.feed, "application/rss+xml")
        elif path == "/feed.json":
            self._send(200, JSON_FEED, "application/feed+json")
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, FEED, "application/rss+xml")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            step = max(1, len(FEED) // 20)
            for start in range(0, len(FEED), step):
                self.wfile.write(FEED[start : start + step])
                self.wfile.flush()
                time.sleep(SLOW_SECONDS / 20)
        elif path == "/missing":
            self._send(404, b"<html><body>Not here</body></html>", "text/html")
        elif path == "/page.html":
            self._send(200, PAGE, "text/html")
        elif path == "/huge":
            self._send(200, BIG, "application/rss+xml")
        elif path == "/huge-stream":
            self.send_response(200)
            self.end_headers()  # no Content-Length: only counting while reading can stop it
            for start in range(0, len(BIG), 16_384):
                self.wfile.write(BIG[start : start + 16_384])
        elif path == "/gzip":
            self._send(200, gzip.compress(FEED), "application/rss+xml", {"Content-Encoding": "gzip"})
        elif path == "/gzip-bomb":
            self._send(200, gzip.compress(b" " * 5_000_000), "application/rss+xml", {"Content-Encoding": "gzip"})
        elif path in ("/loop-a", "/loop-b"):
            self._redirect("/loop-b" if path == "/loop-a" else "/loop-a")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            if left:
                self._redirect(f"/chain/{left - 1}")
            else:
                self._send(200, FEED, "application/rss+xml")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/feed.xml")
        else:
            self._send(404, b"", "text/plain")

    def _send(self, code: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class LocalServer:
    def __init__(self) -> None:
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.state = State()
        self.state = self.httpd.state
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.running = True

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)
            self.running = False


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # requests to 127.0.0.1 must never go through a proxy
    local = LocalServer()
    try:
        yield local
    finally:
        local.stop()


def _titles(articles: list[RawArticle]) -> list[str]:
    return [a.title for a in articles]


def test_good_feed_is_fetched_parsed_and_cached(server: LocalServer, tmp_path: Path) -> None:
    url = server.url("/feed.xml")
    calls: list[tuple[int, int, str]] = []
    articles, problems = fetch_feeds([url], tmp_path, timeout=5, progress=lambda *a: calls.append(a))
    assert problems == []
    assert _titles(articles) == ["Dam inspection finished", "Ferry timetable changes", "Library extends hours"]
    assert all(a.source == url and a.outlet == "Local Wire" for a in articles)
    assert [a.index for a in articles] == [0, 1, 2]
    assert articles[0].published == "2024-05-01"
    assert calls == [(1, 1, url)]
    cached = tmp_path / f"{hashlib.sha1(url.encode()).hexdigest()}.xml"
    assert cache_path(tmp_path, url) == cached
    assert cached.read_bytes() == FEED
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]  # no temporary file left behind


def test_gzip_body_and_json_feed(server: LocalServer) -> None:
    articles, problems = fetch_feeds([server.url("/gzip"), server.url("/feed.json")], None, timeout=5)
    assert problems == []
    assert _titles(articles) == [
        "Dam inspection finished",
        "Ferry timetable changes",
        "Library extends hours",
        "JSON item",
    ]
    assert articles[-1].outlet == "Local JSON"


def test_slow_server_times_out(server: LocalServer) -> None:
    started = time.monotonic()
    articles, problems = fetch_feeds([server.url("/slow")], None, timeout=0.5)
    assert time.monotonic() - started < SLOW_SECONDS - 0.5
    assert articles == []
    assert problems == [Problem(server.url("/slow"), "timed out after 0.5 s")]


def test_server_that_drips_bytes_is_held_to_the_whole_timeout(server: LocalServer) -> None:
    started = time.monotonic()
    _, problems = fetch_feeds([server.url("/drip")], None, timeout=0.5)
    assert time.monotonic() - started < SLOW_SECONDS - 0.5
    assert [p.message for p in problems] == ["timed out after 0.5 s"]


def test_http_error_status(server: LocalServer) -> None:
    articles, problems = fetch_feeds([server.url("/missing")], None, timeout=5)
    assert articles == []
    assert [p.message for p in problems] == ["HTTP 404 Not Found"]


def test_html_page_is_not_a_feed(server: LocalServer, tmp_path: Path) -> None:
    articles, problems = fetch_feeds([server.url("/page.html")], tmp_path, timeout=5)
    assert articles == []
    assert [p.message for p in problems] == ["not an RSS, Atom or JSON feed (it is an HTML page)"]
    assert list(tmp_path.iterdir()) == []  # nothing worth keeping was cached


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/huge", "too large: the feed is 320 kB, over the 50 kB limit"),
        ("/huge-stream", "too large: the feed is over the 50 kB limit"),
        ("/gzip-bomb", "too large: the feed unpacks to over the 50 kB limit"),
    ],
)
def test_oversized_bodies_are_refused(server: LocalServer, path: str, message: str) -> None:
    articles, problems = fetch_feeds([server.url(path)], None, timeout=5, max_bytes=50_000)
    assert articles == []
    assert [p.message for p in problems] == [message]


def test_redirects_are_followed_up_to_five(server: LocalServer) -> None:
    articles, problems = fetch_feeds([server.url("/chain/5")], None, timeout=5)
    assert problems == [] and len(articles) == 3
    assert all(a.source == server.url("/chain/5") for a in articles)
    _, problems = fetch_feeds([server.url("/chain/6")], None, timeout=5)
    assert [p.message for p in problems] == ["too many redirects (more than 5)"]


def test_redirect_loop_and_redirect_to_another_scheme(server: LocalServer) -> None:
    _, problems = fetch_feeds([server.url("/loop-a"), server.url("/to-ftp")], None, timeout=5)
    assert problems[0].message == f"redirect loop ({server.url('/loop-b')} redirects back to {server.url('/loop-a')})"
    assert problems[1].message == "cannot fetch 'ftp://127.0.0.1/feed.xml': only http and https URLs are supported"
    assert server.state.hits.count("/loop-a") == 1


def test_connection_refused_and_dns_failure_read_as_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.xml"
    articles, problems = fetch_feeds([url], None, timeout=2)
    assert articles == []
    assert problems == [Problem(url, "connection refused by 127.0.0.1")]
    # DNS is not exercised over the network here (no traffic outside this machine): the reason alone.
    reason = _network_reason(socket.gaierror(-2, "Name or service not known"), "https://news.invalid/x", 10)
    assert reason == "cannot find the server news.invalid (DNS lookup failed; offline?)"


def test_offline_fallback_uses_the_last_fetched_copy(server: LocalServer, tmp_path: Path) -> None:
    url = server.url("/feed.xml")
    fresh, problems = fetch_feeds([url], tmp_path, timeout=5)
    assert problems == [] and len(fresh) == 3
    server.stop()  # the network is gone
    again, problems = fetch_feeds([url], tmp_path, timeout=2)
    assert again == fresh
    assert len(problems) == 1
    message = problems[0].message
    assert message.startswith("connection refused by 127.0.0.1; showing the copy fetched ")
    assert problems[0].source == url


def test_a_failed_fetch_never_replaces_the_good_copy(server: LocalServer, tmp_path: Path) -> None:
    url = server.url("/feed.xml")
    fetch_feeds([url], tmp_path, timeout=5)
    server.state.feed = PAGE  # a captive portal answers with an HTML page
    articles, problems = fetch_feeds([url], tmp_path, timeout=5)
    assert _titles(articles)[0] == "Dam inspection finished"
    assert "it is an HTML page" in problems[0].message and "showing the copy fetched" in problems[0].message
    assert cache_path(tmp_path, url).read_bytes() == FEED
    server.state.feed = _rss("Fresh story today")
    articles, problems = fetch_feeds([url], tmp_path, timeout=5)
    assert problems == [] and _titles(articles) == ["Fresh story today"]
    assert cache_path(tmp_path, url).read_bytes() == server.state.feed


def test_results_keep_the_order_of_the_urls(server: LocalServer) -> None:
    urls = [server.url("/feed.json"), server.url("/missing"), server.url("/feed.xml"), server.url("/feed.json")]
    articles, problems = fetch_feeds(urls, None, timeout=5)
    assert _titles(articles) == [
        "JSON item",
        "Dam inspection finished",
        "Ferry timetable changes",
        "Library extends hours",
    ]
    assert [p.source for p in problems] == [server.url("/missing")]
    assert server.state.hits.count("/feed.json") == 1


def test_load_articles_fetches_url_paths(server: LocalServer, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Local note\n\nThe council met on Monday and approved the budget for the next year.\n")
    url = server.url("/feed.xml")
    assert list(discover([url])) == []  # not reported as a missing file
    result = load_articles([note, url, url, server.url("/missing")], feed_cache_dir=tmp_path / "feeds", fetch_timeout=5)
    assert [a.title for a in result.articles] == [
        "Local note",
        "Dam inspection finished",
        "Ferry timetable changes",
        "Library extends hours",
    ]
    assert [a.source for a in result.articles[1:]] == [url] * 3
    assert result.problems == (Problem(server.url("/missing"), "HTTP 404 Not Found"),)
    assert cache_path(tmp_path / "feeds", url).is_file()


def test_load_articles_passes_the_size_limit(server: LocalServer) -> None:
    result = load_articles([server.url("/huge")], fetch_max_bytes=1000, fetch_timeout=5)
    assert result.articles == ()
    assert [p.message for p in result.problems] == ["too large: the feed is 320 kB, over the 1 kB limit"]


def test_download_returns_the_raw_bytes(server: LocalServer) -> None:
    assert download(server.url("/chain/2"), timeout=5) == FEED
