"""Second round of trying to break it (issue 18): hangs, memory, stale state, escapes, config values.

Each test reproduces one way the program failed; the hang cases run in a subprocess or a thread with a
time limit, so a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.ingest import load_articles

GOOD = (
    "Morocco and Syria restore ties\n\n"
    "Morocco and Syria agreed on Monday to restore diplomatic relations, the foreign ministry in Rabat said.\n\n"
    "“This is a new page,” Foreign Minister Nasser Bourita said after the call with his Syrian counterpart.\n"
)
HANG_LIMIT = 20.0
"""Seconds a subprocess may take before it counts as hung (the cases that hung never ended at all)."""


def run_python(code: str, *args: str, timeout: float = HANG_LIMIT) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter, killed (and the test failed) when it outlives `timeout`."""
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"hung: still running after {timeout:g} s ({exc.stderr!r})")


LOAD = """
    import sys
    from briefing.ingest import load_articles
    result = load_articles(sys.argv[1:])
    for a in result.articles:
        print("article", a.title)
    for p in result.problems:
        print("problem", p)
"""


# -- hangs and memory -------------------------------------------------------------------------------


def test_a_fifo_in_a_folder_is_skipped_with_one_warning_before_opening(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")  # open() would wait for a writer forever
    done = run_python(LOAD, str(tmp_path))
    lines = done.stdout.splitlines()
    assert lines == [
        "article Morocco and Syria restore ties",
        f"problem {tmp_path / 'x.txt'}: not a regular file (a FIFO); skipped",
    ], done


def test_a_fifo_given_by_name_is_skipped_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    done = run_python(LOAD, str(tmp_path / "x.txt"))
    assert done.stdout.splitlines() == [f"problem {tmp_path / 'x.txt'}: not a regular file (a FIFO); skipped"]


def test_a_socket_is_skipped(tmp_path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.txt"))
        result = load_articles([tmp_path])
    finally:
        sock.close()
    assert [p.message for p in result.problems] == ["not a regular file (a socket); skipped"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_txt_symlink_to_dev_zero_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    done = run_python(LOAD, str(tmp_path))
    assert time.monotonic() - started < HANG_LIMIT
    assert done.stdout.splitlines() == [
        "article Morocco and Syria restore ties",
        f"problem {tmp_path / 'zero.txt'}: not a regular file (a device); skipped",
    ], done


def test_reads_are_bounded_whatever_stat_says(tmp_path: Path) -> None:
    """A file that grows past the limit after stat (or a device that reports size 0) is not read whole."""
    from briefing.ingest.errors import IngestError
    from briefing.ingest.load import read_bounded

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    assert read_bounded(big, 5000) == b"a" * 5000
    with pytest.raises(IngestError, match="over the"):
        read_bounded(big, 4999)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_swapped_in_after_listing_is_refused_when_opened(tmp_path: Path) -> None:
    from briefing.ingest.errors import IngestError
    from briefing.ingest.load import read_bounded

    with pytest.raises(IngestError, match="a device"):
        read_bounded(Path("/dev/zero"), 1024)
    os.mkfifo(tmp_path / "late.txt")
    outcome: list[str] = []

    def read() -> None:
        try:
            read_bounded(tmp_path / "late.txt", 1024)
        except IngestError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(HANG_LIMIT)
    if reader.is_alive():  # unblock the stuck open() so the daemon thread can end
        with open(tmp_path / "late.txt", "wb"):
            pass
        pytest.fail("opening a FIFO hung")
    assert outcome == ["not a regular file (a FIFO); skipped"]


class DripServer:
    """A loopback server that sends its response headers one byte at a time, for at most `for_seconds`."""

    def __init__(self, for_seconds: float, step: float = 0.1) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(for_seconds)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/feed.xml"
        self.for_seconds, self.step = for_seconds, step
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        stop = time.monotonic() + self.for_seconds
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            headers = b"HTTP/1.0 200 OK\r\n" + b"X-Pad: " + b"a" * 10_000
            for byte in headers:
                if time.monotonic() > stop:
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # the client hung up: what the timeout should do
                time.sleep(self.step)

    def close(self) -> None:
        self.listener.close()
        self.thread.join(self.for_seconds + 5)


@pytest.fixture()
def drip() -> Iterator[DripServer]:
    server = DripServer(for_seconds=15)
    yield server
    server.close()


def test_headers_sent_one_byte_at_a_time_meet_the_whole_timeout(drip: DripServer) -> None:
    from briefing.ingest.errors import IngestError
    from briefing.ingest.fetch import download

    started = time.monotonic()
    with pytest.raises(IngestError, match=r"timed out after 1 s"):
        download(drip.url, timeout=1.0)
    assert time.monotonic() - started < 3.0


QUIT_DURING_FETCH = """
    import sys, threading, time
    from briefing.ingest.fetch import fetch_feeds
    threading.Thread(target=fetch_feeds, args=([sys.argv[1]], None), kwargs={"timeout": 12}, daemon=True).start()
    time.sleep(0.5)
    print("quitting", flush=True)
"""


def test_quitting_does_not_wait_for_a_fetch(drip: DripServer) -> None:
    """The process ends at once although a fetch is still waiting for a server (a pool would be joined)."""
    started = time.monotonic()
    done = run_python(QUIT_DURING_FETCH, drip.url)
    assert done.stdout == "quitting\n" and done.returncode == 0, done
    assert time.monotonic() - started < 8.0


QUIT_THE_READER = """
    import asyncio, threading
    from briefing.app.main import BriefingApp
    from briefing.config import load_config

    never = threading.Event()

    def stuck_loader():
        never.wait()  # a load that never ends: a FIFO, a server that never answers

    async def main():
        app = BriefingApp(load_config(), corpus_loader=stuck_loader)
        async with app.run_test() as pilot:
            await pilot.pause(0.3)
            await pilot.press("q")
        print("quit", flush=True)

    asyncio.run(main())
"""


def test_q_ends_the_reader_while_its_load_is_stuck() -> None:
    done = run_python(QUIT_THE_READER)
    assert done.stdout == "quit\n" and done.returncode == 0, done
    assert "Traceback" not in done.stderr


# -- stale or lost state ----------------------------------------------------------------------------


def damaged_cache(folder: Path) -> Path:
    """A real cache whose one large row spans many pages, then 12 kB of random bytes in its middle."""
    import random

    from briefing import cache as cache_module
    from briefing.article import RawArticle
    from briefing.cache import AnalysisCache
    from briefing.cache_file import FILE_NAME

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    cache = AnalysisCache(path, "m", "1", "a")
    articles = [RawArticle(source="s", title=f"t{k}", body=f"body {k} " * 400, index=0) for k in range(100)]
    cache.put_listing("big", articles, [])
    cache.close()
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(random.Random(7).randbytes(3 * 4096))
    cache_module._CHECKED.discard(path)  # damaged after this run looked: as between two runs
    return path


@pytest.fixture()
def fresh_cache_state(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import cache as cache_module

    monkeypatch.setattr(cache_module, "_GAVE_UP", set())
    monkeypatch.setattr(cache_module, "_CHECKED", set())


def test_a_cache_with_random_bytes_in_its_middle_is_moved_aside_and_rebuilt_on_open(
    tmp_path: Path, fresh_cache_state: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cache import AnalysisCache

    path = damaged_cache(tmp_path / "c")
    damaged = path.read_bytes()
    cache = AnalysisCache(path, "m", "1", "a")
    assert capsys.readouterr().err == ""  # reported as data, printed by the CLI or shown by the app
    [problem] = cache.problems
    err = str(problem)
    assert problem.source == str(path) and "cache unreadable (" in err and "and rebuilt" in err, err
    aside = [p for p in path.parent.iterdir() if p.name.startswith("analysis.sqlite3.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # set aside as it was, not deleted
    cache.put_listing("k", [], [])
    assert cache.get_listing("k") == ((), ())
    cache.close()


def test_damage_met_while_in_use_rebuilds_the_cache_and_keeps_the_writes(
    tmp_path: Path, fresh_cache_state: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first 'malformed' error (damage the open check did not see) moves the file aside too."""
    from briefing import cache as cache_module
    from briefing.cache import AnalysisCache

    path = damaged_cache(tmp_path / "c")
    cache_module._CHECKED.add(path)  # as if checked before the damage happened
    cache = AnalysisCache(path, "m", "1", "a")
    assert cache.get_listing("big") is None  # the damaged row: not an error, not a result
    cache.put_listing("after", [], [])
    assert cache.get_listing("after") == ((), ())
    cache.close()
    assert capsys.readouterr().err == ""
    [problem] = cache.problems
    err = str(problem)
    assert "malformed" in err and "rebuilt" in err, err
    assert "continuing without it" not in err
    assert len(list(path.parent.glob("analysis.sqlite3.corrupt-*"))) == 1


def test_index_on_a_damaged_cache_rebuilds_it_and_stores_what_it_says(
    tmp_path: Path, fresh_cache_state: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import cache as cache_module
    from briefing.cli import main

    folder = tmp_path / "cachedir"
    damaged_cache(folder)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(GOOD, encoding="utf-8")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{folder.as_posix()}"\n[analysis]\nprocesses = 1\n', encoding="utf-8")
    assert main(["index", str(news), "--config", str(cfg)]) == 0
    out, err = capsys.readouterr()
    assert "rebuilt" in err and "indexed 1 article (1 analysed, 0 already in the cache)" in out, (out, err)
    monkeypatch.setattr(cache_module, "_GAVE_UP", set())
    assert main(["index", str(news), "--config", str(cfg)]) == 0
    out, err = capsys.readouterr()
    assert "(0 analysed, 1 already in the cache)" in out and "warning" not in err, (out, err)


def test_a_file_once_unreadable_is_read_again_when_it_can_be(
    tmp_path: Path, fresh_cache_state: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'permission denied' is not what the file holds: it is never kept as the result of reading it."""
    from briefing.config import load_config
    from briefing.corpus import load_cached
    from briefing.ingest import load as load_module

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(
        GOOD.replace("restore ties", "sign a deal").replace("Monday", "Friday"), encoding="utf-8"
    )
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n', encoding="utf-8")
    config = load_config(cfg)
    real = load_module.read_bounded

    def denied(path: Path, limit: int) -> bytes:  # tests may run as root, for whom chmod 000 denies nothing
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(load_module, "read_bounded", denied)
    first = load_cached([str(tmp_path)], config)
    assert [p.message for p in first.problems] == ["permission denied"]
    monkeypatch.setattr(load_module, "read_bounded", real)  # the permissions are fixed; nothing else changed
    second = load_cached([str(tmp_path)], config)
    assert second.problems == ()
    assert sorted(a.title for a in second.raw) == ["Morocco and Syria restore ties", "Morocco and Syria sign a deal"]


def test_the_listing_key_changes_with_the_mode(tmp_path: Path) -> None:
    """chmod changes neither size nor mtime; a listing keyed without the mode would not see it."""
    from briefing.cache import listing_key

    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0o000)
    before = listing_key([path], 1000)
    path.chmod(0o644)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    assert listing_key([path], 1000) != before


def _rss(*titles: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://local.example/{i}</link>"
        f"<description>{t}: the ministers met in Rabat and agreed to meet again in May.</description></item>"
        for i, t in enumerate(titles)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


class FeedServer:
    """A loopback HTTP server whose one feed (and status) the test changes between requests."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        owner = self
        self.body, self.status = _rss("Morocco and Syria talk"), 200
        self.reason: str | None = None

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(owner.status, owner.reason)
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


def network_config(tmp_path: Path, timeout: float = 5.0, max_bytes: int = 5_000_000) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[cache]\ndirectory = "{(tmp_path / "cache").as_posix()}"\n'
        f"[network]\ntimeout = {timeout}\nmax_feed_bytes = {max_bytes}\n",
        encoding="utf-8",
    )
    return cfg


def test_a_url_opened_offline_shows_the_copy_fetch_kept(
    tmp_path: Path, feed_server: FeedServer, fresh_cache_state: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefing brief URL` and the reader read URLs as `fetch` does: the same offline copy."""
    from briefing.cli import main
    from briefing.config import load_config
    from briefing.corpus import load_cached

    cfg = network_config(tmp_path)
    assert main(["fetch", feed_server.url, "--config", str(cfg)]) == 0
    feed_server.status, feed_server.body = 503, b"down"
    corpus = load_cached([feed_server.url], load_config(cfg))
    assert [a.title for a in corpus.raw] == ["Morocco and Syria talk"]
    assert [p.message.split(";")[0] for p in corpus.problems] == ["HTTP 503 Service Unavailable"]
    assert "showing the copy fetched" in corpus.problems[0].message


def test_a_url_opened_by_the_corpus_meets_the_network_settings(
    tmp_path: Path, drip: DripServer, fresh_cache_state: None
) -> None:
    from briefing.config import load_config
    from briefing.corpus import load_cached

    started = time.monotonic()
    corpus = load_cached([drip.url], load_config(network_config(tmp_path, timeout=1.0)))
    assert time.monotonic() - started < 4.0
    assert [p.message for p in corpus.problems] == ["timed out after 1 s"]


def test_a_url_opened_by_the_corpus_meets_the_size_limit(
    tmp_path: Path, feed_server: FeedServer, fresh_cache_state: None
) -> None:
    from briefing.config import load_config
    from briefing.corpus import load_cached

    feed_server.body = _rss(*(f"Item {i}" for i in range(20)))
    size = len(feed_server.body)
    corpus = load_cached([feed_server.url], load_config(network_config(tmp_path, max_bytes=1000)))
    assert corpus.raw == ()
    assert [p.message for p in corpus.problems] == [f"too large: the feed is {size / 1000:.0f} kB, over the 1 kB limit"]


def test_a_feed_that_comes_back_empty_keeps_the_last_copy_with_items(tmp_path: Path, feed_server: FeedServer) -> None:
    from briefing.ingest.fetch import fetch_feeds

    first, problems = fetch_feeds([feed_server.url], tmp_path)
    assert [a.title for a in first] == ["Morocco and Syria talk"] and problems == []
    feed_server.body = _rss()  # a valid feed with no items
    again, problems = fetch_feeds([feed_server.url], tmp_path)
    assert [a.title for a in again] == ["Morocco and Syria talk"]
    assert [p.message.split(";")[0] for p in problems] == ["the feed returned no items"]
    assert "showing the copy fetched" in problems[0].message
    feed_server.body = _rss("Japan and Brazil meet")  # items again: the copy is replaced
    latest, problems = fetch_feeds([feed_server.url], tmp_path)
    assert [a.title for a in latest] == ["Japan and Brazil meet"] and problems == []


# -- terminal escapes outside the reader ------------------------------------------------------------

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""Sets the terminal's clipboard when printed raw."""


def test_safe_escapes_controls_bidi_newlines_and_undecodable_bytes() -> None:
    from briefing.terminal import safe

    assert safe(f"a{OSC52}b") == "a\\x1b]52;c;cm0gLXJmIH4=\\x07b"
    assert safe("one\nwarning: two\tthree\r") == "one\\nwarning: two\\tthree\\r"
    assert safe("x\u202eevil\u2066") == "x\\u202eevil\\u2066"
    assert safe("caf\udce9.txt") == "caf\\udce9.txt"
    assert (
        safe("Rabat – Damascus ‹ok› 👩\u200d👩\u200d👧 می\u200cخواهم")
        == "Rabat – Damascus ‹ok› 👩\u200d👩\u200d👧 می\u200cخواهم"
    )


def test_file_names_with_escapes_and_newlines_cannot_forge_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text(GOOD, encoding="utf-8")
    (news / f"clip{OSC52}.txt").write_bytes(b"")
    (news / "a\nwarning: forged.txt").write_bytes(b"")
    assert main(["brief", str(news), "--no-cache", "-o", str(tmp_path / "out.md")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {news}/a\\nwarning: forged.txt: empty file",
        f"warning: {news}/clip\\x1b]52;c;cm0gLXJmIH4=\\x07.txt: empty file",
    ], err


def test_a_servers_reason_phrase_and_a_url_are_printed_escaped(
    tmp_path: Path, feed_server: FeedServer, fresh_cache_state: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    feed_server.status, feed_server.reason = 404, f"Not Found{OSC52}\x1b[2J"
    url = feed_server.url + "?q=\u202e\x1b[2J"
    assert main(["fetch", url, "--config", str(network_config(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err, err
    shown = url.replace("\u202e", "\\u202e").replace("\x1b", "\\x1b")
    assert err.splitlines() == [
        f"[1/1] {shown}",
        f"warning: {shown}: HTTP 404 Not Found\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b[2J",
    ]


def test_a_url_with_non_ascii_characters_is_fetched(tmp_path: Path, feed_server: FeedServer) -> None:
    """It used to end in "could not be read (UnicodeEncodeError …)", the line that means a bug."""
    from briefing.ingest.fetch import fetch_feeds

    articles, problems = fetch_feeds([feed_server.url + "?r\u00e9gion=maghreb"], None)
    assert [a.title for a in articles] == ["Morocco and Syria talk"] and problems == []


def test_zero_width_joiners_are_kept_in_article_text() -> None:
    """They are not markup: Persian words and emoji sequences need them. Bidi overrides still go."""
    from briefing.ingest.text import read_text_article

    persian = "می\u200cخواهم"
    family = "👩\u200d👩\u200d👧"
    text = f"Talks resume\n\nThe envoy wrote {persian} and posted {family} after the \u202emeeting\u202c in Rabat.\n"
    (article,) = read_text_article("a.txt", text.encode("utf-8"))
    assert persian in article.body and family in article.body
    assert "\u202e" not in article.body and "\u202c" not in article.body


# -- config values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[analysis]\nbatch_size = 2147483648\n", "analysis.batch_size must be a whole number from 1 to 10,000"),
        ("[network]\ntimeout = inf\n", "network.timeout must be a number from 0.1 to 600, not inf"),
        ("[network]\ntimeout = nan\n", "network.timeout must be a number from 0.1 to 600, not nan"),
        ("[network]\ntimeout = 1e300\n", "network.timeout must be a number from 0.1 to 600, not 1e+300"),
        ("[network]\ntimeout = -1\n", "network.timeout must be a number from 0.1 to 600, not -1"),
        ("[analysis]\nmax_article_chars = 0\n", "analysis.max_article_chars must be a whole number from 100 to"),
        ("[network]\nmax_feed_bytes = 0\n", "network.max_feed_bytes must be a whole number from 1,000 to"),
        ("[analysis]\nprocesses = 100000\n", "analysis.processes must be a whole number from 0 to 256"),
    ],
)
def test_numbers_out_of_range_stop_with_one_line_naming_the_key(
    tmp_path: Path, text: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    cfg = tmp_path / "config.toml"
    cfg.write_text(text, encoding="utf-8")
    assert main(["fetch", "http://127.0.0.1:9/x", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"briefing: error: {cfg}: {line}") and err.count("\n") == 1, err


def test_every_numeric_key_has_a_range_stated_in_config_toml() -> None:
    from briefing.bundled import default_config
    from briefing.config import RANGES, defaults

    numeric = {
        (section, key)
        for section, keys in defaults().items()
        for key, value in keys.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }
    assert numeric == set(RANGES)
    lines = default_config().read_text(encoding="utf-8").splitlines()
    for (section, key), (low, high) in RANGES.items():
        at = lines.index(f"[{section}]")
        at = next(i for i in range(at, len(lines)) if lines[i].startswith(f"{key} = "))
        comment = " ".join(line for line in lines[at - 3 : at] if line.startswith("#"))
        stated = f"From {low:,} to {high:,}" if isinstance(low, int) else f"From {low:g} to {high:g}"
        assert stated in comment, (key, comment)
        assert low <= defaults()[section][key] <= high


def test_the_defaults_and_edges_of_each_range_are_accepted(tmp_path: Path) -> None:
    from briefing.config import RANGES, load_config

    for (section, key), (low, high) in RANGES.items():
        for value in (low, high):
            cfg = tmp_path / "config.toml"
            cfg.write_text(f"[{section}]\n{key} = {value!r}\n", encoding="utf-8")
            assert load_config(cfg).get(section, key) == value


def test_a_utf8_bom_at_the_start_of_the_config_is_accepted(tmp_path: Path) -> None:
    from briefing.config import load_config

    cfg = tmp_path / "config.toml"
    cfg.write_bytes(b"\xef\xbb\xbf[analysis]\nbatch_size = 8\n")
    assert load_config(cfg).get("analysis", "batch_size") == 8


@pytest.mark.parametrize(
    ("keys", "named"),
    [
        ({"quit": "Q", "export": "shift+q"}, "key 'Q' ('shift+q' is the same key) is bound to both quit and export"),
        ({"quit": "ctrl+shift+x", "bookmark": "shift+ctrl+x"}, "is bound to both quit and bookmark"),
        ({"bookmark": "shift+e"}, "key 'shift+e' ('E' is the same key) is bound to both bookmark and export_all"),
    ],
)
def test_two_names_of_one_key_are_caught_as_a_clash(keys: dict[str, str], named: str) -> None:
    from briefing.app.commands import KeyConfigError, resolve_keys

    with pytest.raises(KeyConfigError, match=re.escape(named)):
        resolve_keys(keys)


def test_upper_and_lower_case_letters_are_different_keys() -> None:
    from briefing.app.commands import resolve_keys

    assert resolve_keys({"quit": "Q", "bookmark": "q"})["quit"] == "Q"


# -- small ------------------------------------------------------------------------------------------


def test_brief_output_to_an_existing_folder_says_it_is_a_folder_the_first_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "already exists; use --force", and then, with --force, "is a folder"."""
    from briefing.cli import main

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").mkdir()
    for extra in ([], ["--force"]):
        assert main(["brief", str(news), "--no-cache", "-o", str(tmp_path / "out"), *extra]) == 1
        err = capsys.readouterr().err
        assert f"briefing: error: {tmp_path / 'out'}: is a folder; give a file name" in err, err
        assert "--force" not in err
    assert list((tmp_path / "out").iterdir()) == []


def test_counts_agree_with_their_nouns(
    tmp_path: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main
    from briefing.wording import count

    assert [count(n, "article") for n in (0, 1, 2, 1500)] == ["0 articles", "1 article", "2 articles", "1,500 articles"]
    assert main(["fetch", feed_server.url, "--config", str(network_config(tmp_path))]) == 0
    assert capsys.readouterr().out == "1 article from 1 feed\n"


def test_the_readers_status_line_says_1_article_and_1_pair(tmp_path: Path) -> None:
    import asyncio
    import json

    from briefing.app.main import BriefingApp
    from briefing.app.state import ReadingState
    from briefing.article import AnalyzedArticle
    from briefing.config import load_config
    from briefing.corpus import Corpus

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "seeds_analysis.json"
    articles = [AnalyzedArticle.from_dict(a) for a in json.loads(fixture.read_text(encoding="utf-8"))["articles"]]
    one = next(a for a in articles if a.pair is not None)
    corpus = Corpus((one.article,), {0: one}, ())

    async def status_line() -> str:
        app = BriefingApp(load_config(), corpus_loader=lambda: corpus, state=ReadingState(tmp_path / "state.json"))
        async with app.run_test() as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            return str(app.query_one("#status").render())

    status = asyncio.run(status_line())
    assert status.startswith("1 article · 1 pair"), status


def test_configured_feeds_open_with_the_corpus(
    tmp_path: Path, feed_server: FeedServer, fresh_cache_state: None
) -> None:
    """corpus.feeds "open with the corpus" (README): they were only ever read by `briefing fetch`."""
    from briefing.config import load_config
    from briefing.corpus import load_cached

    cfg = network_config(tmp_path)
    cfg.write_text(cfg.read_text(encoding="utf-8") + f'[corpus]\nfeeds = ["{feed_server.url}"]\n', encoding="utf-8")
    corpus = load_cached([], load_config(cfg))
    assert [a.title for a in corpus.raw] == ["Morocco and Syria talk"] and corpus.problems == ()


def test_a_file_name_that_is_not_utf8_is_read_and_cached(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Latin-1 file name (b'caf\\xff.txt') crashed the cache write and the article id (UnicodeEncodeError)."""
    from briefing.cli import main

    folder = tmp_path / "legacy"
    folder.mkdir()
    seed = next((Path(__file__).resolve().parents[2] / "seeds").glob("000_*.txt"))
    (folder / os.fsdecode(b"caf\xff.txt")).write_bytes(seed.read_bytes())
    for _ in range(2):  # the second run reads the listing and the analysis back from the cache
        assert main(["brief", str(folder), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert len(data["articles"]) == 1 and data["articles"][0]["pair"] == ["MAR", "SYR"]
