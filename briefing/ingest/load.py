"""Turn the paths a user gives into articles, one `Problem` line per input that cannot be read.

Readers are chosen by file suffix; each takes the source name and the raw bytes and returns the
articles that source holds, raising `IngestError` for a bad input. A bad file never stops the load.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.article import Problem, RawArticle
from briefing.ingest.errors import IngestError
from briefing.ingest.feeds import read_feed
from briefing.ingest.html import read_html_article
from briefing.ingest.records import read_json, read_json_lines
from briefing.ingest.text import read_text_article

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


def discover(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Problem]:
    """Files to read, sorted and recursive; hidden entries skipped, symlink loops survived.

    http(s) URLs are not files: they are skipped here and fetched by `load_articles`.
    """
    for raw in paths:
        if _is_url(raw):
            continue
        path = Path(raw)
        if not path.exists():
            yield Problem(str(path), "no such file or folder")
        elif path.is_dir():
            yield from _walk(path)
        elif path.suffix.lower() in READERS:
            yield path
        else:
            yield Problem(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}")


def _walk(folder: Path) -> Iterator[Path | Problem]:
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    found: list[Path] = []
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
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() in READERS:
                found.append(Path(entry.path))
    yield from sorted(found)


def read_file(path: Path) -> list[RawArticle]:
    """Read one file with the reader for its suffix; raises `IngestError` with a one-line reason."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix!r}")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = 1024 * 1024
            raise IngestError(f"file is {size // mb} MB, over the {MAX_FILE_BYTES // mb} MB limit")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError("file disappeared while loading") from exc
    except PermissionError as exc:
        raise IngestError("permission denied") from exc
    except IsADirectoryError as exc:
        raise IngestError("is a folder") from exc
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})") from exc
    return reader(str(path), data)


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
            continue
        except Exception as exc:  # a reader bug must not stop the rest of the corpus
            problems.append(Problem(str(item), f"could not be read ({type(exc).__name__}: {exc})"))
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
    return LoadResult(tuple(articles), tuple(problems))


def _is_url(raw: str | os.PathLike[str]) -> bool:
    return isinstance(raw, str) and raw.lower().startswith(("http://", "https://"))


def _text_key(body: str) -> str:
    return " ".join(body.split()).lower()


def _cut(body: str, limit: int) -> str:
    """Cut at a paragraph or sentence end near the limit so the last sentence stays whole."""
    head = body[:limit]
    for sep in ("\n\n", "\n", ". "):
        at = head.rfind(sep)
        if at > limit * 0.8:
            return head[: at + (1 if sep == ". " else 0)].rstrip()
    return head
