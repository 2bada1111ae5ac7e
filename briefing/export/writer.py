"""Exporting briefs to a folder: one Markdown file per pair plus index.md, all or nothing.

Used by `briefing export` and by the app's export keys. Every file is first written to a temporary
name; only when all of them are complete are they renamed into place, so a read-only or full folder
leaves nothing behind. Existing files are never replaced without `force`: they are reported as skipped
and stay byte-identical.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.brief import PairBrief
from briefing.export import files
from briefing.export.files import ExportError, reason, safe_filename, write_temp
from briefing.export.markdown import render_index, render_pair

INDEX_NAME = "index.md"


@dataclass(frozen=True)
class ExportResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """Files that already existed and were left untouched because force was False."""
    index: Path | None = None
    """index.md when this export wrote it (it is written only for two briefs or more)."""


def filename_for(brief: PairBrief) -> str:
    """`morocco-syria.md` from the pair's names; the codes when the names give nothing usable."""
    if brief.pair is None:
        return safe_filename("other")
    return safe_filename("-".join(brief.names), fallback="-".join(brief.pair).lower())


def plan(briefs: Sequence[PairBrief]) -> list[tuple[PairBrief, str]]:
    """Each brief with a distinct file name; a clash (two pairs, one name) gets the codes appended."""
    taken = {INDEX_NAME}
    named: list[tuple[PairBrief, str]] = []
    for brief in briefs:
        name = filename_for(brief)
        if name in taken:
            name = safe_filename(f"{name.removesuffix('.md')}-{brief.key}")
        taken.add(name)
        named.append((brief, name))
    return named


def documents(briefs: Iterable[PairBrief]) -> list[tuple[str, str]]:
    """What an export consists of: (file name, Markdown) per brief, plus index.md for two briefs or more.

    Written to a folder by export_briefs, or handed to a browser as downloads by the served reader."""
    named = plan(list(briefs))
    outputs = [(name, render_pair(brief)) for brief, name in named]
    if len(named) > 1:
        outputs.append((INDEX_NAME, render_index(named)))
    return outputs


def export_briefs(briefs: Iterable[PairBrief], directory: Path, *, force: bool = False) -> ExportResult:
    """Write the briefs (and index.md for two or more) into `directory`; raises ExportError, leaving no file."""
    outputs = documents(briefs)
    if not outputs:
        return ExportResult()

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory}: not a folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{directory}: cannot create the folder ({reason(exc)})") from exc

    skipped: list[Path] = []
    pending: list[tuple[Path, str]] = []
    for name, text in outputs:
        path = directory / name
        if path.is_dir():
            raise ExportError(f"{path}: is a folder")
        if os.path.lexists(path) and not force:
            skipped.append(path)
        else:
            pending.append((path, text))

    temps: list[tuple[Path, Path]] = []
    try:
        for path, text in pending:
            temps.append((write_temp(directory, path.name, text), path))
    except OSError as exc:
        _remove(t for t, _ in temps)
        raise ExportError(f"{directory}: cannot write {path.name} here ({reason(exc)}); nothing was written") from exc
    except BaseException:
        _remove(t for t, _ in temps)
        raise

    written: list[Path] = []
    created: list[Path] = []
    for n, (tmp, path) in enumerate(temps):
        existed, ours = True, files.identity(tmp)
        try:
            existed = os.path.lexists(path)
            placed = files.place(tmp, path, force=force)
        except BaseException as exc:
            if not existed and ours is not None and files.identity(path) == ours:
                created.append(path)  # interrupted between linking it into place and recording it
            _remove(t for t, _ in temps[n:])
            _remove(created)
            if isinstance(exc, OSError):
                message = f"{path}: cannot write ({reason(exc)}); the files this export created were removed"
                raise ExportError(message) from exc
            raise
        if placed:
            written.append(path)
            if not existed:
                created.append(path)
        else:
            skipped.append(path)

    index = directory / INDEX_NAME
    order = {name: n for n, (name, _) in enumerate(outputs)}
    skipped.sort(key=lambda p: order.get(p.name, len(order)))
    return ExportResult(written, skipped, index if index in written else None)


def _remove(paths: Iterable[Path]) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            os.unlink(p)
