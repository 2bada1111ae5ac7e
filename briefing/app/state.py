"""Read/unread state and bookmarks, kept between launches in one small JSON file keyed by article id.

Article ids are stable across re-analysis (see RawArticle.id), so the state survives a changed cache.
The file is replaced atomically so a crash mid-write never loses what was there.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
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
        try:
            data: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self.problem = f"{self.path}: could not read saved state ({exc}); starting fresh"
            return
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(articles, dict):
            self.problem = f"{self.path}: saved state has an unknown shape; starting fresh"
            return
        for article_id, flags in articles.items():
            if not isinstance(flags, dict):
                continue
            if flags.get("read"):
                self.read.add(str(article_id))
            if flags.get("bookmark"):
                self.bookmarks.add(str(article_id))

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
        self.read.add(article_id)
        self.save()
        return True

    def toggle_bookmark(self, article_id: str) -> bool:
        """The new bookmark state."""
        if article_id in self.bookmarks:
            self.bookmarks.discard(article_id)
        else:
            self.bookmarks.add(article_id)
        self.save()
        return article_id in self.bookmarks

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
