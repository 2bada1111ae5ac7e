"""Persistent cache: analysed articles by content hash, model and analyzer version; ingested folders by listing.

SQLite (stdlib) in WAL mode with a busy timeout, so concurrent runs wait for each other instead of
corrupting it. A corrupt or foreign file is moved aside and rebuilt with a warning, never a crash.
Reads are one batched query per few hundred articles and writes are grouped in transactions,
because a re-opened corpus of thousands of articles must cost well under a second.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing.article import (
    AnalyzedArticle,
    DateMention,
    Entity,
    Person,
    Problem,
    ProblemSink,
    RawArticle,
    Statement,
    Trend,
    decode_analysis,
    encode_analysis,
)
from briefing.cache_file import APPLICATION_ID, FILE_NAME, summary_key
from briefing.config import Config

SCHEMA = 2
COMMIT_EVERY = 64
QUERY_CHUNK = 500
"""Host parameters per IN (...) query; well under every SQLite build's limit."""
KEEP_LISTINGS = 16
STALE_SECONDS = 30 * 24 * 3600
"""Results of other models/analyzer versions older than this are pruned."""
BUSY_TIMEOUT = 30.0
"""Seconds to wait for another run's lock; past that the run goes on without the cache (never hangs)."""
_CORRUPT_CODES = {11, 26}
"""SQLITE_CORRUPT, SQLITE_NOTADB: the only errors for which the file is moved aside. A locked, read-only
or unopenable cache (SQLITE_BUSY, SQLITE_READONLY, SQLITE_CANTOPEN…) is another run's or the user's: left alone."""
_GAVE_UP: set[Path] = set()
"""Caches this process found unusable (locked, unwritable): not retried, so a run waits and warns once."""
_CHECKED: set[Path] = set()
"""Caches this process has checked for damage (`PRAGMA quick_check`, ~20 ms for 14 MB): once per run is enough."""


class ForeignCacheError(sqlite3.DatabaseError):
    """The file is SQLite but not ours, or ours with another schema."""


class AnalysisCache:
    def __init__(
        self, path: Path, model: str, model_version: str, analyzer_version: str, on_problem: ProblemSink | None = None
    ) -> None:
        """`on_problem` hears of trouble as it happens (moved aside, given up); `problems` keeps it all."""
        self.path = path
        self.problems: list[Problem] = []
        self._on_problem = on_problem
        self.scope = f"{model}@{model_version}/a{analyzer_version}/r{RECORDS_VERSION}"
        self._pending: list[tuple[str, str, str, int]] = []
        self._broken = False
        self._rebuilt = False
        self.db = self._connect()

    # -- opening -----------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._open()
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                raise
            self._move_aside(str(exc))
            return self._open()
        if self.path in _CHECKED:
            return db
        try:  # damage in the middle of the file shows only when that page is read: look once per run
            problem = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                db.close()
                raise
            problem = str(exc)
        if problem == "ok":
            _CHECKED.add(self.path)
            return db
        db.close()
        self._move_aside(_one_line(problem))
        _CHECKED.add(self.path)
        return self._open()

    def _move_aside(self, why: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}-{os.getpid()}")
        self._report(f"cache unreadable ({why}); moved to {aside.name} and rebuilt")
        with contextlib.suppress(FileNotFoundError):  # another run may have moved it first
            self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                self.path.with_name(self.path.name + suffix).replace(aside.with_name(aside.name + suffix))

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
            # Tables first: another run creating the file sets both in one transaction, so seeing its
            # tables means seeing its application_id too.
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID and (app_id != 0 or tables):
                raise ForeignCacheError("not a briefing cache")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if app_id == APPLICATION_ID and version != SCHEMA:
                raise ForeignCacheError(f"cache schema {version}, expected {SCHEMA}")
            # Switching to WAL needs the file to itself and does not wait for a busy one ("database is
            # locked" when another run opens it at the same instant); the mode is kept in the file, so
            # whichever run switches it first is enough, and until then the default journal is safe.
            with contextlib.suppress(sqlite3.OperationalError):
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if app_id == 0:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS analysis (scope TEXT NOT NULL, hash TEXT NOT NULL, "
                    "article TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY (scope, hash)) WITHOUT ROWID"
                )
                db.execute(
                    "CREATE TABLE IF NOT EXISTS listing (key TEXT PRIMARY KEY, result TEXT NOT NULL, "
                    "created INTEGER NOT NULL)"
                )
                db.execute(f"PRAGMA user_version={SCHEMA}")
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _recover(self, exc: sqlite3.Error) -> bool:
        """An SQLite error met in use: a damaged file is moved aside and started afresh (once; True: go on
        with the fresh one); any other error, or a second one, gives the cache up for the run (False)."""
        if self._rebuilt or not isinstance(exc, sqlite3.DatabaseError) or not _is_corrupt(exc):
            self._failed(exc)
            return False
        self._rebuilt = True
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        try:
            self._move_aside(_one_line(str(exc)))
            self.db = self._open()
        except (OSError, sqlite3.Error) as again:
            self._failed(again)
            return False
        return True

    def _report(self, message: str) -> None:
        problem = Problem(str(self.path), message)
        self.problems.append(problem)
        if self._on_problem is not None:
            self._on_problem(problem)

    def _failed(self, exc: sqlite3.Error | OSError) -> None:
        """A cache that breaks mid-run is dropped for the rest of the run; the next run rebuilds it."""
        if not self._broken:
            self._report(f"cache error ({exc}); continuing without it")
        self._broken = True
        _GAVE_UP.add(self.path)
        self._pending.clear()

    # -- analysis ----------------------------------------------------------------------------------

    def get_many(self, articles: Sequence[RawArticle]) -> dict[int, AnalyzedArticle]:
        """Index in `articles` -> cached analysis, for those the cache has (a few queries in all)."""
        found: dict[int, AnalyzedArticle] = {}
        for i, text in self._stored(articles, with_article=True):
            result = decode_analysis(articles[i], text)
            if result is not None:
                found[i] = result
        return found

    def known(self, articles: Sequence[RawArticle]) -> set[int]:
        """Indexes in `articles` the cache has a result for, without decoding them (for `briefing index`)."""
        return {i for i, _ in self._stored(articles, with_article=False)}

    def _stored(self, articles: Sequence[RawArticle], *, with_article: bool) -> list[tuple[int, str]]:
        """(index in `articles`, stored JSON or "") for every article the cache holds, in batched queries."""
        where: dict[str, list[int]] = {}
        for i, raw in enumerate(articles):
            where.setdefault(raw.content_hash, []).append(i)
        hashes = list(where)
        if self._broken:
            return []
        column = "article" if with_article else "''"
        found: list[tuple[int, str]] = []
        try:
            for start in range(0, len(hashes), QUERY_CHUNK):
                chunk = hashes[start : start + QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT hash, {column} FROM analysis WHERE scope=? AND hash IN ({marks})", (self.scope, *chunk)
                ).fetchall()
                found.extend((i, text) for digest, text in rows for i in where.get(digest, ()))
        except sqlite3.Error as exc:
            self._recover(exc)  # a rebuilt cache holds nothing yet
            return []
        return found

    def put(self, analysed: AnalyzedArticle) -> None:
        """Queue one result; written with the others every COMMIT_EVERY results and on flush/close."""
        if self._broken:
            return
        self._pending.append((self.scope, analysed.article.content_hash, encode_analysis(analysed), int(time.time())))
        if len(self._pending) >= COMMIT_EVERY:
            self.flush()

    def put_many(self, results: Iterable[AnalyzedArticle]) -> None:
        for result in results:
            self.put(result)
        self.flush()

    def flush(self) -> None:
        if not self._pending or self._broken:
            return
        rows = self._pending
        self._write(lambda db: db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)", rows))
        self._pending = []  # only once written: a Ctrl+C inside the write leaves them for close()

    def _write(self, statements: Callable[[sqlite3.Connection], object]) -> None:
        """Run writes in one transaction; a damaged file is rebuilt and the writes made again, any other
        SQLite error rolls back and gives the cache up."""
        for _ in range(2):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                statements(self.db)
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as exc:
                if self.db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.db.execute("ROLLBACK")
                if not self._recover(exc):
                    return
            except BaseException:  # Ctrl+C mid-write: leave no open transaction for the flush on close
                if self.db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.db.execute("ROLLBACK")
                raise

    def prune(self) -> None:
        """Forget results of other models or analyzer versions that nobody wrote for a month."""
        if self._broken:
            return
        self._write(
            lambda db: db.execute(
                "DELETE FROM analysis WHERE scope<>? AND created<?", (self.scope, int(time.time()) - STALE_SECONDS)
            )
        )

    # -- ingested folders --------------------------------------------------------------------------

    def get_listing(self, key: str) -> tuple[tuple[RawArticle, ...], tuple[Problem, ...]] | None:
        """What ingesting an unchanged set of files gave last time, or None (one row or a streamed listing)."""
        head = self._listing_row(key)
        if head is None:
            return None
        try:
            problems = tuple(Problem(source, message) for source, message in head["problems"])
            if "parts" in head:
                streamed = self.listing_parts(key)
                if streamed is None:
                    return None
                articles = tuple(a for part in streamed[1] for a in part)
            else:
                articles = _listing_articles(head)
        except (ValueError, KeyError, TypeError):
            return None
        return articles, problems

    def listing_parts(self, key: str) -> tuple[tuple[Problem, ...], Iterator[list[RawArticle]], int] | None:
        """A streamed listing (see `ListingWriter`): its problems, its articles part by part, and how many;
        None when there is none or a part is missing (the head is checked, each part decoded as it is read)."""
        head = self._listing_row(key)
        try:
            if head is None or "parts" not in head:
                return None
            parts, total = int(head["parts"]), int(head["count"])
            problems = tuple(Problem(source, message) for source, message in head["problems"])
            present = self.db.execute(
                "SELECT count(*) FROM listing WHERE key >= ? AND key < ?", (_part_key(key, ""), _part_key(key, "~"))
            ).fetchone()[0]
        except (ValueError, KeyError, TypeError):
            return None
        except sqlite3.Error as exc:
            self._recover(exc)
            return None
        if present != parts:
            return None  # pruned by another run meanwhile: read the files again
        return problems, self._iter_parts(key, parts), total

    def _iter_parts(self, key: str, parts: int) -> Iterator[list[RawArticle]]:
        for n in range(parts):
            row = self._listing_row(_part_key(key, f"{n:08d}"))
            if row is None:
                raise ListingGoneError(key)
            yield list(_listing_articles(row))

    def _listing_row(self, key: str) -> dict[str, Any] | None:
        if self._broken:
            return None
        try:
            row = self.db.execute("SELECT result FROM listing WHERE key=?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._recover(exc)
            return None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def put_listing(self, key: str, articles: Sequence[RawArticle], problems: Sequence[Problem]) -> None:
        if self._broken:
            return
        data = {"fields": LISTING_FIELDS, "articles": [_listing_values(a) for a in articles]}
        data["problems"] = [[p.source, p.message] for p in problems]
        self._put_listing_row(key, data, prune=True)

    def _put_listing_row(self, key: str, data: dict[str, Any], *, prune: bool) -> None:
        row = (key, json.dumps(data), int(time.time()))

        def store(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO listing VALUES (?, ?, ?)", row)
            if not prune:
                return
            db.execute(
                "DELETE FROM listing WHERE key NOT LIKE 'part/%' AND key NOT IN "
                "(SELECT key FROM listing WHERE key NOT LIKE 'part/%' ORDER BY created DESC LIMIT ?)",
                (KEEP_LISTINGS,),
            )
            # Parts whose listing is gone; a run still writing its parts (no head yet) has an hour.
            db.execute(
                "DELETE FROM listing WHERE key LIKE 'part/%' AND created < ? AND substr(key, 6, 64) NOT IN "
                "(SELECT key FROM listing WHERE key NOT LIKE 'part/%')",
                (int(time.time()) - 3600,),
            )

        self._write(store)

    def listing_writer(self, key: str) -> ListingWriter:
        return ListingWriter(self, key)

    # -- first-screen summaries -----------------------------------------------------------------------

    def put_summary(self, name: str, text: str) -> None:
        """Read back by `cache_file.read_summary`, which the app calls before the cache is opened."""
        if self._broken:
            return
        row = (summary_key(name), text, int(time.time()))
        self._write(lambda db: db.execute("INSERT OR REPLACE INTO listing VALUES (?, ?, ?)", row))

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.db.close()

    def __enter__(self) -> AnalysisCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class ListingGoneError(Exception):
    """A part of a streamed listing vanished while it was read (another run pruned it)."""


LISTING_FIELDS = list(RawArticle.__dataclass_fields__)
PART_ARTICLES = 500
"""Articles per row of a streamed listing: what one read or write of it holds."""


class ListingWriter:
    """A listing written as the articles are read, for `briefing index`, which never holds them all.

    Rows `part/KEY/N` of PART_ARTICLES articles each, then the head row `KEY` (problems, number of
    parts and articles) once every input was read; without the head (an interrupted run) the parts are
    never used, and pruned later. The head has no "articles" field: an older briefing finds no listing
    in it rather than an empty one.
    """

    def __init__(self, cache: AnalysisCache, key: str) -> None:
        self.cache = cache
        self.key = key
        self._part: list[list[Any]] = []
        self._parts = 0
        self._count = 0

    def add(self, article: RawArticle) -> None:
        self._part.append(_listing_values(article))
        self._count += 1
        if len(self._part) >= PART_ARTICLES:
            self._flush()

    def _flush(self) -> None:
        if self.cache._broken:
            return
        data = {"fields": LISTING_FIELDS, "articles": self._part}
        self.cache._put_listing_row(_part_key(self.key, f"{self._parts:08d}"), data, prune=False)
        self._parts += 1
        self._part = []

    def finish(self, problems: Sequence[Problem]) -> None:
        """Every input was read: the listing is complete and can stand in for reading them next time."""
        if self._part:
            self._flush()
        data = {"fields": LISTING_FIELDS, "parts": self._parts, "count": self._count}
        data["problems"] = [[p.source, p.message] for p in problems]
        if not self.cache._broken:
            self.cache._put_listing_row(self.key, data, prune=True)


def _part_key(key: str, n: str) -> str:
    return f"part/{key}/{n}"


def _listing_values(article: RawArticle) -> list[Any]:
    return [getattr(article, f) for f in LISTING_FIELDS]


def _listing_articles(data: dict[str, Any]) -> tuple[RawArticle, ...]:
    fields = data["fields"]
    return tuple(RawArticle(**dict(zip(fields, values, strict=True))) for values in data["articles"])


def gave_up(config: Config) -> bool:
    """Whether this run found the cache unusable: what it analysed was not kept."""
    return config.cache_dir / FILE_NAME in _GAVE_UP


def _one_line(text: str) -> str:
    from briefing.wording import single_spaced

    return single_spaced(text)[:200]


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    """Damaged or not ours (move it aside), as opposed to busy, read-only or unopenable (leave it alone)."""
    if isinstance(exc, ForeignCacheError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


_RECORDS = (Entity, Statement, DateMention, Person, Trend)
RECORDS_VERSION = hashlib.sha256(
    repr([(c.__name__, list(c.__dataclass_fields__)) for c in (AnalyzedArticle, *_RECORDS)]).encode()
).hexdigest()[:8]
"""Stored rows are positional (parsing them is the hot path of a warm launch); a change of fields is a new scope."""


@lru_cache(maxsize=1)
def ingest_version() -> str:
    """Fingerprint of the ingest code and the libraries it uses: a change re-reads every file."""
    from importlib import metadata  # 20-30 ms of imports that the app's first frame (read_summary) does without

    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in [root / "article.py", root / "terminal.py", *sorted((root / "ingest").glob("*.py"))]:
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            continue
    for dist in ("charset-normalizer", "trafilatura", "feedparser", "dateparser", "lxml"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            continue
    return h.hexdigest()[:16]


def listing_key(items: Iterable[Path | Problem], max_article_chars: int) -> str | None:
    """Identity of a set of input files (path, size, mtime, inode, mode); None when one cannot be stat'ed.

    The mode counts: a file made readable again (chmod changes no size or mtime) must be read again."""
    h = hashlib.sha256(f"{ingest_version()}\x00{max_article_chars}\x00".encode())
    for item in items:
        if isinstance(item, Problem):
            h.update(f"!{item.source}\x00{item.message}\x00".encode("utf-8", "surrogatepass"))
            continue
        try:
            st = item.stat()
        except OSError:
            return None
        h.update(
            f"{item}\x00{st.st_size}\x00{st.st_mtime_ns}\x00{st.st_ino}\x00{st.st_mode}\x00".encode(
                "utf-8", "surrogatepass"
            )
        )
    return h.hexdigest()


def open_cache(config: Config, on_problem: ProblemSink) -> AnalysisCache | None:
    """The cache for this config, or None when disabled or unusable (reported once per run to `on_problem`)."""
    if not config.get("cache", "enabled"):
        return None
    from briefing.analyze.nlp import model_version
    from briefing.analyze.version import analyzer_version

    path = config.cache_dir / FILE_NAME
    if path in _GAVE_UP:
        return None  # already warned in this run
    try:
        return AnalysisCache(path, config.model, model_version(config.model), analyzer_version(), on_problem)
    except (OSError, sqlite3.Error) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        on_problem(Problem(str(config.cache_dir), f"cache unavailable ({why}); analysing without it"))
        _GAVE_UP.add(path)
        return None
