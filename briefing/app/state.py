"""Read/unread state and bookmarks, kept between launches in one small JSON file keyed by article id.

Article ids are stable across re-analysis (see RawArticle.id), so the state survives a changed cache.
The file is replaced atomically so a crash mid-write never loses what was there. Several readers may
share the file (two terminals, or every tab of `briefing serve`): each change is applied to what the
file holds at that moment, under a lock, so one reader never undoes another's marks.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

FILE_NAME = "state.json"
VERSION = 1


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing", appauthor=False)) / FILE_NAME


class ReadingState:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.read: set[str] = set()
        self.bookmarks: set[str] = set()
        self.problem: str | None = None
        """Why the stored state could not be used, for a notification; None when all is well."""
        self._load()

    def _load(self) -> None:
        read, bookmarks, self.problem = _read(self.path)
        self.read |= read
        self.bookmarks |= bookmarks

    def is_read(self, article_id: str) -> bool:
        return article_id in self.read

    def unread(self, article_ids: Iterable[str]) -> int:
        """How many of these articles are unread: the one count behind every "N unread" shown."""
        return sum(1 for i in article_ids if i not in self.read)

    def is_bookmarked(self, article_id: str) -> bool:
        return article_id in self.bookmarks

    def mark_read(self, article_id: str) -> bool:
        """True when this changed anything (and was saved)."""
        if article_id in self.read:
            return False
        self._change(lambda: self.read.add(article_id))
        return True

    def toggle_bookmark(self, article_id: str) -> bool:
        """The new bookmark state."""
        self._change(lambda: self.bookmarks.symmetric_difference_update({article_id}))
        return article_id in self.bookmarks

    def _change(self, change: Callable[[], None]) -> None:
        """Take in what other readers saved since, apply the change, save; all under the folder's lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path.parent):
            read, bookmarks, problem = _read(self.path)
            if problem is None:  # an unreadable file is replaced by what this reader knows
                self.read, self.bookmarks = read, bookmarks
            change()
            self.save()

    def to_dict(self) -> dict[str, Any]:
        ids = sorted(self.read | self.bookmarks)
        return {
            "version": VERSION,
            "articles": {i: {"read": i in self.read, "bookmark": i in self.bookmarks} for i in ids},
        }

    def save(self) -> None:
        """Write atomically: a temporary file in the same folder, then os.replace."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.to_dict(), fh, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _read(path: Path) -> tuple[set[str], set[str], str | None]:
    """(read ids, bookmarked ids, problem) from the file; a missing file is an empty state."""
    read: set[str] = set()
    bookmarks: set[str] = set()
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return read, bookmarks, None
    except (OSError, ValueError) as exc:
        return read, bookmarks, f"{path}: could not read saved state ({exc}); starting fresh"
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        return read, bookmarks, f"{path}: saved state has an unknown shape; starting fresh"
    for article_id, flags in articles.items():
        if not isinstance(flags, dict):
            continue
        if flags.get("read"):
            read.add(str(article_id))
        if flags.get("bookmark"):
            bookmarks.add(str(article_id))
    return read, bookmarks, None


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder itself (no lock file to leave behind); none where unsupported."""
    try:
        import fcntl
    except ImportError:  # Windows: changes from two readers at the same instant may still race
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
