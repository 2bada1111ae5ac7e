"""Feeds given as http(s) URLs: fetched with the standard library, parsed by the feed reader.

A briefing must still open on a train: every feed that was fetched once is kept on disk, and when
the network (or the server) fails, the last good copy is read instead, with a warning line. A feed
that cannot be had at all costs one `Problem` line, never the whole load. Downloads are bounded in
time, size and redirects, since a feed URL is whatever the user (or a config file) typed.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import queue
import socket
import ssl
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from briefing import __version__
from briefing.article import Problem, RawArticle
from briefing.ingest.errors import IngestError
from briefing.ingest.feeds import read_feed

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
MAX_PARALLEL = 4

Progress = Callable[[int, int, str], None]
"""Called as `progress(done, total, url)` each time one feed has been fetched (or has failed)."""

_REDIRECTS = {301, 302, 303, 307, 308}
_HEADERS = {
    "User-Agent": f"briefing/{__version__} (terminal news reader)",
    "Accept": "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
    "Accept-Encoding": "gzip",
}


def fetch_feeds(
    urls: Iterable[str],
    cache_dir: Path | None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> tuple[list[RawArticle], list[Problem]]:
    """Articles of every feed, in the order the URLs were given, plus one line per feed that failed.

    `cache_dir` is the folder that holds the fetched copies (e.g. `<cache dir>/feeds`); None keeps none.
    Feeds are fetched a few at a time so one slow server does not hold up the rest.
    """
    unique = list(dict.fromkeys(urls))
    results: list[tuple[list[RawArticle], list[Problem]]] = [([], []) for _ in unique]
    if not unique:
        return [], []
    todo = list(enumerate(unique))
    finished: queue.Queue[int] = queue.Queue()
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                if not todo:
                    return
                i, url = todo.pop(0)
            try:
                results[i] = fetch_feed(url, cache_dir, timeout=timeout, max_bytes=max_bytes)
            except Exception as exc:
                results[i] = ([], [Problem(url, f"could not be read ({type(exc).__name__}: {exc})")])
            finally:
                finished.put(i)  # even when the thread dies, so the caller's wait for it ends

    # Daemon threads, not a pool: a pool's threads are joined when the interpreter exits, so quitting
    # the reader would wait for a slow server.
    for _ in range(min(MAX_PARALLEL, len(unique))):
        threading.Thread(target=work, name="feed", daemon=True).start()
    for done in range(1, len(unique) + 1):
        i = finished.get()
        if progress is not None:
            progress(done, len(unique), unique[i])
    articles = [a for found, _ in results for a in found]
    problems = [p for _, found in results for p in found]
    return articles, problems


def fetch_feed(
    url: str,
    cache_dir: Path | None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[RawArticle], list[Problem]]:
    """One feed: fresh when the network allows, else the cached copy with a warning."""
    try:
        data = download(url, timeout=timeout, max_bytes=max_bytes)
        articles = read_feed(url, data)
    except IngestError as exc:
        cached = _read_cache(cache_dir, url)
        if cached is None:
            return [], [Problem(url, str(exc))]
        data, fetched = cached
        try:
            articles = read_feed(url, data)
        except IngestError:
            return [], [Problem(url, f"{exc} (and the cached copy cannot be read)")]
        return articles, [Problem(url, f"{exc}; showing the copy fetched {fetched:%Y-%m-%d %H:%M}")]
    if not articles:  # a server having a bad moment must not wipe the copy that still has the news
        kept = _cached_articles(cache_dir, url)
        if kept is not None:
            found, fetched = kept
            return found, [
                Problem(url, f"the feed returned no items; showing the copy fetched {fetched:%Y-%m-%d %H:%M}")
            ]
        _write_cache(cache_dir, url, data)
        return [], [Problem(url, "the feed has no items")]
    _write_cache(cache_dir, url, data)
    return articles, []


def _cached_articles(cache_dir: Path | None, url: str) -> tuple[list[RawArticle], datetime] | None:
    """The articles of the kept copy and when it was fetched, when it has any."""
    cached = _read_cache(cache_dir, url)
    if cached is None:
        return None
    try:
        articles = read_feed(url, cached[0])
    except IngestError:
        return None
    return (articles, cached[1]) if articles else None


def download(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> bytes:
    """The body at `url`; raises `IngestError` with a one-line reason for every way a fetch fails."""
    deadline = time.monotonic() + timeout
    watch = _Watchdog(timeout)
    opener = urllib.request.build_opener(
        _NoRedirect(), _WatchedHTTPHandler(watch), _WatchedHTTPSHandler(watch)
    )  # redirects are followed below, counted
    try:
        data = _download(opener, url, deadline, timeout, max_bytes, max_redirects)
    except Exception:
        if watch.expired:  # whatever the cut connection raised, the reason is the deadline
            raise IngestError(f"timed out after {timeout:g} s") from None
        raise
    finally:
        watch.stop()
    if watch.expired:  # a cut connection reads as the end of the body: what came is incomplete
        raise IngestError(f"timed out after {timeout:g} s")
    return data


def _download(
    opener: urllib.request.OpenerDirector, url: str, deadline: float, timeout: float, max_bytes: int, max_redirects: int
) -> bytes:
    seen = {url}
    current = url
    for _ in range(max_redirects + 1):
        if urlsplit(current).scheme.lower() not in ("http", "https"):
            raise IngestError(f"cannot fetch {current!r}: only http and https URLs are supported")
        request = urllib.request.Request(_ascii_url(current), headers=_HEADERS)
        try:
            with opener.open(request, timeout=_remaining(deadline, timeout)) as response:
                return _read_body(response, max_bytes, deadline, timeout)
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if exc.code not in _REDIRECTS:
                raise IngestError(f"HTTP {exc.code} {exc.reason}".rstrip()) from None
            if not location:
                raise IngestError(f"HTTP {exc.code} redirect without a Location header") from None
            target = urljoin(current, location)
            if target in seen:
                raise IngestError(f"redirect loop ({current} redirects back to {target})") from None
            seen.add(target)
            current = target
        except urllib.error.URLError as exc:
            raise IngestError(_network_reason(exc.reason, current, timeout)) from None
        except TimeoutError:
            raise IngestError(f"timed out after {timeout:g} s") from None
        except http.client.IncompleteRead:
            raise IngestError("the server closed the connection before the feed was complete") from None
        except (http.client.HTTPException, OSError) as exc:
            raise IngestError(_network_reason(exc, current, timeout)) from None
    raise IngestError(f"too many redirects (more than {max_redirects})")


class _Watchdog:
    """Cuts every connection of one download when its whole time is up.

    A socket timeout only bounds each receive: a server that sends its headers one byte at a time
    would hold a fetch for as long as it likes. A timer thread shuts the sockets down at the deadline,
    which ends any receive in progress, wherever in the request it is (connect, headers or body).
    """

    def __init__(self, timeout: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._cut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._cut(sock)

    @staticmethod
    def _cut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        self._timer.cancel()


def _watched(base: type[http.client.HTTPConnection], watch: _Watchdog) -> type[http.client.HTTPConnection]:
    """`base` with every socket it opens handed to the watchdog: the bare one (connect, TLS handshake)
    and the one the request then runs on (a TLS socket replaces the bare one)."""

    class Connection(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            create: Callable[..., socket.socket] = self._create_connection  # type: ignore[has-type]

            def create_watched(*a: Any, **k: Any) -> socket.socket:
                sock = create(*a, **k)
                watch.watch(sock)
                return sock

            self._create_connection = create_watched

        def connect(self) -> None:
            super().connect()
            watch.watch(self.sock)

    return Connection


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watchdog) -> None:
        super().__init__()
        self._connection = _watched(http.client.HTTPConnection, watch)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watchdog) -> None:
        super().__init__()
        self._connection = _watched(http.client.HTTPSConnection, watch)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=getattr(self, "_context", None))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back as an HTTPError so `download` can count them and spot loops."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _read_body(response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read at most `max_bytes`: a server's Content-Length may be missing or wrong, so count while reading.

    `read1` returns whatever one receive brings, so a server that drips bytes meets the deadline too.
    """
    headers = response.headers
    length = headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise IngestError(f"too large: the feed is {_size(int(length))}, over the {_size(max_bytes)} limit")
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise IngestError(f"timed out after {timeout:g} s")
        chunk = response.read1(min(64 * 1024, max_bytes + 1 - total))
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise IngestError(f"too large: the feed is over the {_size(max_bytes)} limit")
        chunks.append(chunk)
    data = b"".join(chunks)
    if "gzip" in headers.get("Content-Encoding", "").lower():
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = inflater.decompress(data, max_bytes + 1)
        except zlib.error as exc:
            raise IngestError("the server sent a broken gzip body") from exc
        if len(data) > max_bytes or inflater.unconsumed_tail:
            raise IngestError(f"too large: the feed unpacks to over the {_size(max_bytes)} limit")
    return data


def _ascii_url(url: str) -> str:
    """The URL as HTTP carries it: a non-ASCII host in IDNA, other characters percent-encoded.

    URLs are typed by people ("https://exemple.fr/actualités") and http.client only takes ASCII.
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():  # an IPv6 literal is ASCII, so a colon here starts the port
        userinfo, at, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            host = quote(host)  # no server has that name: the lookup fails with the name in the message
        netloc = quote(userinfo, safe=":%") + at + host + colon + port
    keep = "/?#[]@!$&'()*+,;=%:~"
    path, query, fragment = (quote(part, safe=keep) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _network_reason(reason: object, url: str, timeout: float) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the server {host} (DNS lookup failed; offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, ConnectionError):
        return f"connection to {host} failed ({type(reason).__name__})"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate of {host} not accepted ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error with {host} ({reason.reason or reason})"
    if isinstance(reason, OSError):
        return f"network error with {host} ({reason.strerror or reason})"
    return f"cannot fetch from {host} ({' '.join(str(reason).split())})"


def _remaining(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise IngestError(f"timed out after {timeout:g} s")
    return left


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"
    return f"{n / 1000:.0f} kB" if n >= 1000 else f"{n} bytes"


def cache_path(cache_dir: Path, url: str) -> Path:
    return cache_dir / f"{hashlib.sha1(url.encode('utf-8')).hexdigest()}.xml"


def _read_cache(cache_dir: Path | None, url: str) -> tuple[bytes, datetime] | None:
    if cache_dir is None:
        return None
    path = cache_path(cache_dir, url)
    try:
        return path.read_bytes(), datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _write_cache(cache_dir: Path | None, url: str, data: bytes) -> None:
    """Atomic (temp file + rename), so a crash mid-write never replaces a good copy with half of one."""
    if cache_dir is None:
        return
    tmp: str | None = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".feed-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, cache_path(cache_dir, url))
        tmp = None
    except OSError:
        pass  # the feed itself was read; only the offline copy is missing
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
