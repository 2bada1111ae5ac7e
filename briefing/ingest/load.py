"""Turn the paths a user gives into articles, one `Problem` line per input that cannot be read.

Readers are chosen by file suffix; each takes the source name and the raw bytes and returns the
articles that source holds, raising `IngestError` for a bad input. A bad file never stops the load.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.article import Problem, RawArticle
from briefing.ingest.errors import IngestError
from briefing.ingest.feeds import read_feed
from briefing.ingest.html import read_html_article
from briefing.ingest.records import read_json, read_json_lines
from briefing.ingest.text import read_text_article
from briefing.wording import single_spaced

Reader = Callable[[str, bytes], list[RawArticle]]

READERS: dict[str, Reader] = {
    ".txt": read_text_article,
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".html": read_html_article,
    ".htm": read_html_article,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".json": read_json,
    ".jsonl": read_json_lines,
    ".ndjson": read_json_lines,
}
"""Suffix → reader. Other input formats register here (see `briefing.ingest.formats`)."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse to read files larger than this at all; article size is limited separately."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles: tuple[RawArticle, ...]
    problems: tuple[Problem, ...]
    settled: bool = True
    """False when a file failed for a reason outside it (permission, vanished, a reader bug): the result
    must not be remembered as what those files hold, or the error would outlive its cause."""


def discover(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Problem]:
    """Files to read, sorted and recursive; hidden entries skipped, symlink loops survived.

    http(s) URLs are not files: they are skipped here and fetched by `load_articles`.
    """
    for raw in paths:
        if _is_url(raw):
            continue
        path = Path(raw)
        try:
            mode = path.stat().st_mode  # a symlink is followed, then what it leads to is checked
        except OSError:
            mode = None
        if mode is None:
            yield Problem(str(path), "no such file or folder")
        elif stat.S_ISDIR(mode):
            yield from _walk(path)
        elif path.suffix.lower() not in READERS:
            yield Problem(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}")
        elif not stat.S_ISREG(mode):
            yield Problem(str(path), not_regular(mode))
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path | Problem]:
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    found: list[tuple[Path, Path | Problem]] = []
    while stack:
        current = stack.pop()
        try:
            st = current.stat()
        except OSError as exc:
            yield Problem(str(current), f"cannot open folder ({exc.strerror or exc})")
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue  # a symlink loop or a folder linked twice
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            yield Problem(str(current), f"cannot list folder ({exc.strerror or exc})")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                mode: int | None = entry.stat().st_mode  # follows a symlink, like reading it would
            except OSError:
                mode = None  # dangling or vanished: `read_file` says which
            if mode is not None and stat.S_ISDIR(mode):
                stack.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() not in READERS:
                continue
            elif mode is not None and not stat.S_ISREG(mode):
                found.append((Path(entry.path), Problem(entry.path, not_regular(mode))))
            else:
                found.append((Path(entry.path), Path(entry.path)))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def not_regular(mode: int) -> str:
    """Why a FIFO, socket or device is never opened: opening a FIFO waits for a writer, a device never ends."""
    if stat.S_ISFIFO(mode):
        kind = "a FIFO"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return f"not a regular file ({kind}); skipped"


def read_file(path: Path) -> list[RawArticle]:
    """Read one file with the reader for its suffix; raises `IngestError` with a one-line reason."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix!r}")
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError as exc:
        raise IngestError("file disappeared while loading") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except IsADirectoryError as exc:
        raise IngestError("is a folder") from exc
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})") from exc
    return reader(str(path), data)


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them whatever stat says (a device reports size 0).

    Opened without blocking, so a file swapped for a FIFO after it was listed cannot hang the read; the
    opened file itself is checked to be regular before anything is read from it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(not_regular(st.st_mode))
        mb = 1024 * 1024
        if st.st_size > limit:
            raise IngestError(f"file is {st.st_size // mb} MB, over the {limit // mb} MB limit")
        data = fh.read(limit + 1)
        if len(data) > limit:
            raise IngestError(f"file is over the {limit // mb} MB limit")
    return data


def load_articles(
    paths: Sequence[str | os.PathLike[str]],
    *,
    max_article_chars: int = 200_000,
    extra: Iterable[Path | Problem] = (),
    feed_cache_dir: Path | None = None,
    fetch_timeout: float = 10.0,
    fetch_max_bytes: int = 5_000_000,
) -> LoadResult:
    """Everything the user pointed at, as articles plus the problems met on the way.

    http(s) URLs among `paths` are fetched as feeds (see `briefing.ingest.fetch`); `feed_cache_dir`
    keeps the last good copy of each for when the network fails.
    """
    stream = ArticleStream(
        paths,
        max_article_chars=max_article_chars,
        extra=extra,
        feed_cache_dir=feed_cache_dir,
        fetch_timeout=fetch_timeout,
        fetch_max_bytes=fetch_max_bytes,
    )
    return collect(stream)


def collect(stream: ArticleStream) -> LoadResult:
    """A whole stream held at once: for callers that need every article (the reader, `brief`)."""
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for item in stream:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
    return LoadResult(tuple(articles), tuple(problems), stream.settled)


class ArticleStream:
    """The articles of the inputs one file at a time, with the problems met in between, in input order.

    What `load_articles` collects, for callers that must not hold a whole corpus (`briefing index`):
    only the list of file paths and one key per article seen (to drop the same article reached twice)
    are kept. `files` and `files_read` say how far the reading is; `settled` as in `LoadResult`, once
    the iteration has ended.
    """

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        max_article_chars: int = 200_000,
        extra: Iterable[Path | Problem] = (),
        feed_cache_dir: Path | None = None,
        fetch_timeout: float = 10.0,
        fetch_max_bytes: int = 5_000_000,
    ) -> None:
        self.paths = list(paths)
        self.max_article_chars = max_article_chars
        self.extra = extra
        self.feed_cache_dir = feed_cache_dir
        self.fetch_timeout = fetch_timeout
        self.fetch_max_bytes = fetch_max_bytes
        self.settled = True
        self.files = 0
        """Inputs listed (files and URLs); known once the listing is done, before the first is read."""
        self.files_read = 0
        self._seen: set[str] = set()

    def __iter__(self) -> Iterator[RawArticle | Problem]:
        items = [*discover(self.paths), *self.extra]
        urls = [str(raw) for raw in self.paths if _is_url(raw)]
        self.files = sum(not isinstance(item, Problem) for item in items) + len(urls)
        for item in items:
            if isinstance(item, Problem):
                yield item
                continue
            try:
                found = read_file(item)
            except IngestError as exc:
                self.files_read += 1
                self.settled = self.settled and not isinstance(exc.__cause__, OSError)
                yield Problem(str(item), str(exc))
                continue
            except Exception as exc:  # a reader bug must not stop the rest of the corpus
                self.files_read += 1
                self.settled = False
                yield Problem(str(item), f"could not be read ({type(exc).__name__}: {exc})")
                continue
            self.files_read += 1
            if not found:
                yield Problem(str(item), "no article text found (empty file?)")
            yield from self._add(str(item), found)
        if urls:
            from briefing.ingest.fetch import fetch_feeds  # urllib and threads only when there are feeds

            fetched, fetch_problems = fetch_feeds(
                urls, self.feed_cache_dir, timeout=self.fetch_timeout, max_bytes=self.fetch_max_bytes
            )
            self.files_read += len(urls)
            yield from fetch_problems
            for article in fetched:
                yield from self._add(article.source, [article])

    def _add(self, item: str, found: list[RawArticle]) -> Iterator[RawArticle | Problem]:
        limit = self.max_article_chars
        for article in found:
            key = f"link:{article.link}" if article.link else _text_key(article.body)
            if key in self._seen:
                continue  # the same article reached us through two inputs
            self._seen.add(key)
            if len(article.body) > limit:
                yield Problem(
                    item,
                    f"article {article.title[:60]!r} is {len(article.body):,} characters; "
                    f"only the first {limit:,} are analysed (analysis.max_article_chars)",
                )
                article = replace(article, body=_cut(article.body, limit))
            yield article


def _is_url(raw: str | os.PathLike[str]) -> bool:
    return isinstance(raw, str) and raw.lower().startswith(("http://", "https://"))


def _text_key(body: str) -> str:
    """A digest of the text up to spacing and case: a streamed corpus must not keep every body to compare."""
    text = single_spaced(body).lower()
    return "text:" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _cut(body: str, limit: int) -> str:
    """Cut at a paragraph or sentence end near the limit so the last sentence stays whole."""
    head = body[:limit]
    for sep in ("\n\n", "\n", ". "):
        at = head.rfind(sep)
        if at > limit * 0.8:
            return head[: at + (1 if sep == ". " else 0)].rstrip()
    return head
