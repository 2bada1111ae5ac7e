"""Turn the paths a user gives into articles, one `Problem` line per input that cannot be read.

Readers are chosen by file suffix; each takes the source name and the raw bytes and returns the
articles that source holds, raising `IngestError` for a bad input. A bad file never stops the load.
"""

from __future__ import annotations

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
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    seen_keys: set[str] = set()
    settled = True

    def add(item: str, found: list[RawArticle]) -> None:
        for article in found:
            key = article.link or _text_key(article.body)
            if key in seen_keys:
                continue  # the same article reached us through two inputs
            seen_keys.add(key)
            if len(article.body) > max_article_chars:
                problems.append(
                    Problem(
                        str(item),
                        f"article {article.title[:60]!r} is {len(article.body):,} characters; "
                        f"only the first {max_article_chars:,} are analysed (analysis.max_article_chars)",
                    )
                )
                article = replace(article, body=_cut(article.body, max_article_chars))
            articles.append(article)

    for item in [*discover(paths), *extra]:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        try:
            found = read_file(item)
        except IngestError as exc:
            problems.append(Problem(str(item), str(exc)))
            settled = settled and not isinstance(exc.__cause__, OSError)
            continue
        except Exception as exc:  # a reader bug must not stop the rest of the corpus
            problems.append(Problem(str(item), f"could not be read ({type(exc).__name__}: {exc})"))
            settled = False
            continue
        if not found:
            problems.append(Problem(str(item), "no article text found (empty file?)"))
        add(str(item), found)
    urls = [str(raw) for raw in paths if _is_url(raw)]
    if urls:
        from briefing.ingest.fetch import fetch_feeds  # urllib and threads only when there are feeds

        fetched, fetch_problems = fetch_feeds(urls, feed_cache_dir, timeout=fetch_timeout, max_bytes=fetch_max_bytes)
        problems.extend(fetch_problems)
        for article in fetched:
            add(article.source, [article])
    return LoadResult(tuple(articles), tuple(problems), settled)


def _is_url(raw: str | os.PathLike[str]) -> bool:
    return isinstance(raw, str) and raw.lower().startswith(("http://", "https://"))


def _text_key(body: str) -> str:
    return single_spaced(body).lower()


def _cut(body: str, limit: int) -> str:
    """Cut at a paragraph or sentence end near the limit so the last sentence stays whole."""
    head = body[:limit]
    for sep in ("\n\n", "\n", ". "):
        at = head.rfind(sep)
        if at > limit * 0.8:
            return head[: at + (1 if sep == ". " else 0)].rstrip()
    return head
