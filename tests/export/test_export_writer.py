"""export_briefs: one file per pair plus index.md, safe names, no overwrite, all-or-nothing on errors."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import PARSERS, article, said, walk

from briefing.brief import Briefing, PairBrief
from briefing.export import files
from briefing.export.files import ExportError, safe_filename, write_atomic
from briefing.export.markdown import render_pair
from briefing.export.writer import ExportResult, export_briefs, filename_for


def briefs() -> list[PairBrief]:
    arts = [
        article("Rabat and Damascus", source="a.txt", statements=[said("A new page.")]),
        article("Doha call", source="b.txt", pair=("QAT", "SYR")),
        article("Local", source="c.txt", pair=None),
    ]
    return list(Briefing.build(arts))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_writes_one_file_per_pair_and_an_index_linking_them(tmp_path: Path) -> None:
    out = tmp_path / "new" / "briefs"
    result = export_briefs(briefs(), out)
    assert isinstance(result, ExportResult) and not result.skipped
    assert sorted(p.name for p in result.written) == ["index.md", "morocco-syria.md", "other.md", "qatar-syria.md"]
    assert result.index == out / "index.md"
    assert sorted(os.listdir(out)) == sorted(p.name for p in result.written)  # no temporary file left
    tokens = walk(PARSERS["commonmark"].parse(result.index.read_text(encoding="utf-8")))
    assert [t.attrs["href"] for t in tokens if t.type == "link_open"] == [
        "morocco-syria.md",
        "qatar-syria.md",
        "other.md",
    ]
    assert (out / "morocco-syria.md").read_text(encoding="utf-8") == render_pair(briefs()[0])


def test_second_run_without_force_skips_and_leaves_files_byte_identical(tmp_path: Path) -> None:
    export_briefs(briefs(), tmp_path)
    (tmp_path / "qatar-syria.md").write_text("my notes\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = export_briefs(briefs(), tmp_path)
    assert result.written == [] and result.index is None
    assert [p.name for p in result.skipped] == ["morocco-syria.md", "qatar-syria.md", "other.md", "index.md"]
    assert snapshot(tmp_path) == before


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "qatar-syria.md").write_text("old\n", encoding="utf-8")
    result = export_briefs(briefs(), tmp_path, force=True)
    assert not result.skipped and len(result.written) == 4
    assert (tmp_path / "qatar-syria.md").read_text(encoding="utf-8").startswith("# Qatar – Syria")


def test_only_missing_files_are_written(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("keep\n", encoding="utf-8")
    result = export_briefs(briefs(), tmp_path)
    assert [p.name for p in result.skipped] == ["other.md"]
    assert (tmp_path / "other.md").read_text(encoding="utf-8") == "keep\n"
    assert (tmp_path / "morocco-syria.md").exists()


def test_a_single_brief_gets_no_index(tmp_path: Path) -> None:
    result = export_briefs(briefs()[:1], tmp_path)
    assert [p.name for p in result.written] == ["morocco-syria.md"] and result.index is None


def test_unwritable_folder_is_one_clear_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as err:
        export_briefs(briefs(), tmp_path)
    assert str(tmp_path) in str(err.value) and "Permission denied" in str(err.value) and "\n" not in str(err.value)
    assert os.listdir(tmp_path) == []


def test_full_disk_midway_removes_every_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real_fsync = os.fsync

    def fill_up(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fill_up)
    (tmp_path / "other.md").write_text("keep\n", encoding="utf-8")
    with pytest.raises(ExportError, match="No space left on device"):
        export_briefs(briefs(), tmp_path, force=True)
    assert snapshot(tmp_path) == {"other.md": b"keep\n"}


def test_failure_while_renaming_removes_the_files_this_export_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_place = files.place
    calls = {"n": 0}

    def flaky(tmp: Path, path: Path, *, force: bool) -> bool:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_place(tmp, path, force=force)

    monkeypatch.setattr(files, "place", flaky)
    with pytest.raises(ExportError, match="Input/output error"):
        export_briefs(briefs(), tmp_path)
    assert os.listdir(tmp_path) == []


def test_file_created_by_someone_else_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_place = files.place

    def racing(tmp: Path, path: Path, *, force: bool) -> bool:
        if path.name == "qatar-syria.md":
            path.write_text("theirs\n", encoding="utf-8")
        return real_place(tmp, path, force=force)

    monkeypatch.setattr(files, "place", racing)
    result = export_briefs(briefs(), tmp_path)
    assert [p.name for p in result.skipped] == ["qatar-syria.md"]
    assert (tmp_path / "qatar-syria.md").read_text(encoding="utf-8") == "theirs\n"
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_target_that_is_a_file_not_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "briefs"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        export_briefs(briefs(), target)


def test_real_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user that can write anywhere (root)")
        with pytest.raises(ExportError, match="ro"):
            export_briefs(briefs(), folder)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("Morocco-Syria", "morocco-syria.md"),
        ("Côte d'Ivoire-Syria", "cote-d-ivoire-syria.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ('a\\b/c:d*e?f"g<h>i|j\x00k\x1bl', "a-b-c-d-e-f-g-h-i-j-k-l.md"),
        ("CON", "con-.md"),
        ("nul", "nul-.md"),
        ("Com1", "com1-.md"),
        ("lpt9", "lpt9-.md"),
        ("Россия-Сирия", "brief.md"),
        (".hidden", "hidden.md"),
    ],
)
def test_safe_filename(stem: str, expected: str) -> None:
    assert safe_filename(stem) == expected


def test_long_names_are_shortened_and_stay_distinct() -> None:
    a, b = safe_filename("x" * 300 + "a"), safe_filename("x" * 300 + "b")
    assert a != b and len(a) <= files.MAX_STEM + 3 and a.endswith(".md")


def test_filename_comes_from_the_pair_names() -> None:
    brief = briefs()[0]
    assert filename_for(brief) == "morocco-syria.md"
    assert filename_for(Briefing.build([article(pair=("MAR", "USA"))]).briefs[0]) == "morocco-united-states.md"


def test_files_are_written_with_normal_permissions_and_lf(tmp_path: Path) -> None:
    export_briefs(briefs(), tmp_path)
    path = tmp_path / "morocco-syria.md"
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    assert b"\r" not in path.read_bytes()


def test_write_atomic_never_replaces_without_force(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    write_atomic(path, "one\n")
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(path, "two\n")
    assert path.read_text(encoding="utf-8") == "one\n"
    write_atomic(path, "two\n", force=True)
    assert path.read_text(encoding="utf-8") == "two\n" and os.listdir(tmp_path) == ["out.md"]
