"""Writing export files safely: atomically, and never over an existing file unless asked.

A file is first written to a hidden temporary name in its own folder and then renamed, so an
interrupted export leaves either the old file or the complete new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
import zlib
from pathlib import Path


class ExportError(Exception):
    """A file that cannot be written; the message names it."""


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in "0123456789¹²³"}
MAX_STEM = 80
"""Longest file name stem: well under every file system's limit, and readable in a listing."""


def safe_filename(stem: str, suffix: str = ".md", *, fallback: str = "brief") -> str:
    """A portable file name from free text: lowercase ASCII letters, digits and hyphens only.

    No path separators, control characters, leading dots or Windows reserved names (CON, NUL, COM1…)
    can come out; a long stem is cut and given a short hash so that different long names stay distinct.
    """
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or fallback
    if len(slug) > MAX_STEM:
        digest = f"{zlib.crc32(stem.encode('utf-8', 'surrogatepass')):08x}"
        slug = slug[: MAX_STEM - len(digest) - 1].rstrip("-") + "-" + digest
    if slug in _WINDOWS_RESERVED:
        slug += "-"
    return slug + suffix


def create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new hidden file next to `name`, created with the usual permissions (umask), not 0600."""
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary name for {name}")


def write_temp(folder: Path, name: str, text: str) -> Path:
    """`text` in a fully written and flushed temporary file beside `name`; removed again on any failure."""
    fd, tmp = create_temp(folder, name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8", "replace"))  # a lone surrogate becomes "?"
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def place(tmp: Path, path: Path, *, force: bool) -> bool:
    """Rename a temporary file to its final name; False (and the temp removed) if `path` exists and not force.

    Without force the final name is taken with a hard link, which fails if a file appeared there in the
    meantime, so a file written by someone else between our check and our rename is never replaced.
    """
    if force:
        os.replace(tmp, path)
        return True
    try:
        os.link(tmp, path)
    except FileExistsError:
        os.unlink(tmp)
        return False
    except OSError:  # no hard links on this file system (FAT, some network shares)
        if os.path.lexists(path):
            os.unlink(tmp)
            return False
        os.replace(tmp, path)
        return True
    os.unlink(tmp)
    return True


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a path itself, to tell the file we linked into place from anyone else's."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or type(exc).__name__


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write via a temporary file and rename, so an interruption leaves no half-written file."""
    if path.is_dir():  # first: --force could not help, so "use --force" would send the user the wrong way
        raise ExportError(f"{path}: is a folder; give a file name (`briefing export -o DIR` writes to a folder)")
    if os.path.lexists(path) and not force:
        raise ExportError(f"{path}: already exists; use --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = write_temp(folder, path.name, text)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot write {path.name} here ({reason(exc)})") from exc
    existed, ours = os.path.lexists(path), identity(tmp)
    try:
        placed = place(tmp, path, force=force)
    except BaseException as exc:  # Ctrl+C included: no temporary file is left behind, nor one we just linked
        if not existed and ours is not None and identity(path) == ours:
            with contextlib.suppress(OSError):
                os.unlink(path)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"{path}: cannot write ({reason(exc)})") from exc
        raise
    if not placed:
        raise ExportError(f"{path}: already exists; use --force to overwrite it")
