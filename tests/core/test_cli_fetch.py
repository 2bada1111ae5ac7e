"""`briefing fetch` against a feed served on 127.0.0.1: progress, the offline copy, clear errors."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

FEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "feeds"


@pytest.fixture
def server() -> Iterator[str]:
    if not (FEEDS / "guardian.rss").is_file():
        pytest.skip("shared feeds not available")
    data = (FEEDS / "guardian.rss").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/feed.rss":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )


def test_fetch_stores_the_feed_and_reports_progress(tmp_path: Path, server: str) -> None:
    result = run(tmp_path, "fetch", f"{server}/feed.rss", f"{server}/missing.rss")
    assert result.returncode == 0, result.stderr
    assert "55 articles from 1 of 2 feeds" in result.stdout  # the missing one does not count as read
    assert "[1/2]" in result.stderr and "[2/2]" in result.stderr
    # "HTTP 404", not "404": the server's random port may contain those digits (it was 40439 once)
    assert sum("missing.rss" in line and "HTTP 404" in line for line in result.stderr.splitlines()) == 1
    assert list((tmp_path / "cache" / "briefing" / "feeds").iterdir())


def test_fetch_counts_every_feed_when_all_answer(tmp_path: Path, server: str) -> None:
    result = run(tmp_path, "fetch", f"{server}/feed.rss", f"{server}/feed.rss")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "55 articles from 1 feed"  # the same URL twice is one feed


def test_fetch_without_feeds_or_with_a_path_is_a_clear_error(tmp_path: Path) -> None:
    result = run(tmp_path, "fetch")
    assert result.returncode == 1 and "no feeds to fetch" in result.stderr
    result = run(tmp_path, "fetch", "news/feed.rss")
    assert result.returncode == 1 and "not an http(s) URL: news/feed.rss" in result.stderr
