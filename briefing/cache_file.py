"""The cache file's identity and its first-screen summaries: what the app reads before its first frame.

Apart from `briefing.cache` so that this read does not import the analysis records and their
decoders (~15 ms of a first frame that a bare Textual app paints in ~40 ms).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence

from briefing.config import Config

FILE_NAME = "analysis.sqlite3"
APPLICATION_ID = 0x42524946
"""'BRIF': marks the file as ours, so a foreign SQLite file at the same path is never written into."""


def summary_name(paths: Sequence[str], config: Config) -> str:
    """Identity of a corpus request (not of its files' contents), for the first-screen summary."""
    wanted = list(paths) or config.default_inputs
    resolved = [p if p.lower().startswith(("http://", "https://")) else os.path.abspath(p) for p in wanted]
    return "\x00".join([config.model, str(config.max_article_chars), *resolved])


def summary_key(name: str) -> str:
    # In the listing table (no schema change); listing keys are bare hex digests, so these never collide.
    return "summary/" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()


def read_summary(config: Config, name: str) -> str | None:
    """What `AnalysisCache.put_summary` stored under this name, read before anything else is known.

    Opaque to the cache: the app keeps its first screen there, to paint before decoding thousands of
    analyses. Read-only and without the model and analyzer fingerprints (tens of ms that a first frame
    should not wait for), so it may be stale: the caller must replace it with the real corpus.
    """
    if not config.get("cache", "enabled"):
        return None
    path = config.cache_dir / FILE_NAME
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            row = db.execute("SELECT result FROM listing WHERE key=?", (summary_key(name),)).fetchone()
        finally:
            db.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return str(row[0]) if row is not None else None
