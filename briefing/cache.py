"""Persistent analysis cache: analysed articles stored by content hash, model and analyzer version.

SQLite (stdlib) in WAL mode, so concurrent runs do not corrupt it; a corrupt or foreign file is
moved aside and rebuilt with a warning rather than crashing.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from briefing.article import AnalyzedArticle, RawArticle
from briefing.config import Config

SCHEMA = 1
FILE_NAME = "analysis.sqlite3"


class AnalysisCache:
    def __init__(self, path: Path, model: str, model_version: str, analyzer_version: str) -> None:
        self.path = path
        self.scope = f"{model}@{model_version}/a{analyzer_version}"
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            print(f"warning: {self.path}: cache unreadable ({exc}); moved to {aside.name} and rebuilt", file=sys.stderr)
            self.path.replace(aside)
            return self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        elif row[0] != str(SCHEMA):
            raise sqlite3.DatabaseError(f"cache schema {row[0]}, expected {SCHEMA}")
        db.execute(
            "CREATE TABLE IF NOT EXISTS analysis (scope TEXT, hash TEXT, article TEXT, PRIMARY KEY (scope, hash))"
        )
        db.commit()
        return db

    def get_many(self, articles: Sequence[RawArticle]) -> dict[int, AnalyzedArticle]:
        """Index in `articles` -> cached analysis, for those the cache has."""
        found: dict[int, AnalyzedArticle] = {}
        for i, raw in enumerate(articles):
            row = self.db.execute(
                "SELECT article FROM analysis WHERE scope=? AND hash=?", (self.scope, raw.content_hash)
            ).fetchone()
            if row is None:
                continue
            try:
                stored = AnalyzedArticle.from_dict(json.loads(row[0]))
            except (ValueError, KeyError, TypeError):
                continue
            # Analysis depends on text only; the source and position come from this run.
            found[i] = AnalyzedArticle(
                raw,
                stored.pair,
                stored.pairs,
                stored.entities,
                stored.statements,
                stored.dates,
                stored.people,
                stored.trend,
            )
        return found

    def put(self, analysed: AnalyzedArticle) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO analysis VALUES (?, ?, ?)",
            (self.scope, analysed.article.content_hash, json.dumps(analysed.to_dict(), ensure_ascii=False)),
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def open_cache(config: Config) -> AnalysisCache | None:
    if not config.get("cache", "enabled"):
        return None
    from briefing.analyze.nlp import model_version
    from briefing.analyze.version import analyzer_version

    try:
        return AnalysisCache(
            config.cache_dir / FILE_NAME, config.model, model_version(config.model), analyzer_version()
        )
    except (OSError, sqlite3.Error) as exc:
        print(f"warning: {config.cache_dir}: cache unavailable ({exc}); analysing without it", file=sys.stderr)
        return None
