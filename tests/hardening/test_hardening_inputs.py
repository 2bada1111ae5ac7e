"""Nasty folders: every bad file gets one line naming it, the good articles still come through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.article import RawArticle
from briefing.ingest import IngestError, load_articles
from briefing.ingest import load as load_module
from briefing.ingest.clean import clean_lines
from briefing.ingest.text import read_text_article

GOOD = (
    "Morocco and Syria restore ties\n\n"
    "Morocco and Syria agreed on Monday to restore diplomatic relations, the foreign ministry in Rabat said.\n\n"
    "“This is a new page,” Foreign Minister Nasser Bourita said after the call with his Syrian counterpart.\n"
)


def make_nasty_folder(root: Path) -> dict[str, str]:
    """Every kind of bad input in one folder; returns file name -> expected words of its warning."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"   \n\n\t \n")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "latin1.txt").write_bytes(
        "Égypte et Soudan\n\nLe ministre a déclaré que les relations entre l'Égypte et le Soudan étaient très "
        "bonnes, a indiqué le communiqué publié à Khartoum.\n".encode("latin-1")
    )
    (root / "utf16.txt").write_bytes(
        GOOD.replace("Morocco and Syria restore", "Utf sixteen").replace("Monday", "Tuesday").encode("utf-16")
    )
    para = "The ministers met again and discussed trade, visas and the border in detail. " * 20
    paras = "\n\n".join(f"{i}. {para}" for i in range(13_000))
    (root / "huge.txt").write_text("Huge article\n\n" + paras, encoding="utf-8")  # ~20 MB
    (root / "oneline.txt").write_text("One line " + "word " * 210_000, encoding="utf-8")  # ~1 MB, no newline
    (root / "frontmatter.md").write_text("---\ntitle: never closed\n\nbody\n", encoding="utf-8")
    (root / "longtitle.txt").write_text("T" * 2000 + "\n\nA body for the article with the very long title.\n")
    deep = root
    for i in range(60):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(
        GOOD.replace("restore ties", "deep ties").replace("Monday", "Friday"), encoding="utf-8"
    )
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")
    return {
        "empty.txt": "empty file",
        "blank.txt": "only whitespace",
        "binary.txt": "binary",
        "frontmatter.md": "front matter",
        "huge.txt": "only the first",
    }


def test_nasty_folder_briefs_good_articles_and_warns_per_bad_file(tmp_path: Path) -> None:
    expected = make_nasty_folder(tmp_path / "nasty")
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "nasty").rglob("*") if p.is_file() and not p.is_symlink()}
    result = load_articles([tmp_path / "nasty"], max_article_chars=100_000)
    titles = {a.title for a in result.articles}
    assert "Morocco and Syria restore ties" in titles and "Morocco and Syria deep ties" in titles
    assert "Égypte et Soudan" in titles  # Latin-1 read correctly
    assert "Utf sixteen ties" in titles
    long_title = next(t for t in titles if t.startswith("TTTT"))
    assert len(long_title) <= 300
    huge = next(a for a in result.articles if a.title == "Huge article")
    assert len(huge.body) <= 100_000
    by_file = {Path(p.source).name: p.message for p in result.problems}
    for name, words in expected.items():
        assert words in by_file[name], (name, by_file.get(name))
    assert all("\n" not in str(p) for p in result.problems)
    after = {p: p.stat().st_mtime_ns for p in before}
    assert before == after  # nothing the user has is changed


def test_many_small_files(tmp_path: Path) -> None:
    for i in range(10_000):
        (tmp_path / f"{i:05d}.txt").write_text(f"Title {i}\n\nBody number {i} about talks between two countries.\n")
    result = load_articles([tmp_path])
    assert len(result.articles) == 10_000 and not result.problems
    assert result.articles[0].title == "Title 0" and result.articles[-1].title == "Title 9999"


def test_unreadable_and_vanishing_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "locked.txt").write_text(GOOD.replace("restore", "locked"))
    (tmp_path / "gone.txt").write_text(GOOD.replace("restore", "gone"))
    real = load_module.read_bounded

    def fake(path: Path, limit: int) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        if path.name == "gone.txt":
            raise FileNotFoundError(2, "No such file")
        return real(path, limit)

    monkeypatch.setattr(load_module, "read_bounded", fake)
    result = load_articles([tmp_path])
    assert [a.title for a in result.articles] == ["Morocco and Syria restore ties"]
    messages = {Path(p.source).name: p.message for p in result.problems}
    assert messages == {"locked.txt": "permission denied", "gone.txt": "file disappeared while loading"}


def test_reader_bug_is_a_problem_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD)

    def broken(source: str, data: bytes) -> list[RawArticle]:
        raise RuntimeError("boom")

    monkeypatch.setitem(load_module.READERS, ".txt", broken)
    result = load_articles([tmp_path])
    assert not result.articles and "RuntimeError: boom" in result.problems[0].message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_in_no_exception_and_safe_text(data: bytes) -> None:
    try:
        articles = read_text_article("x.txt", data)
    except IngestError:
        return
    for a in articles:
        for text in (a.title, a.body):
            assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
            assert "\x1b" not in text and "\u202e" not in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=40))
def test_cleaning_only_removes_lines(lines: list[str]) -> None:
    kept = clean_lines(lines)
    normalised = {" ".join(line.split()) for line in lines}
    assert all(" ".join(k.split()) in normalised for k in kept)


def test_end_to_end_nasty_folder_exit_0_and_one_warning_per_bad_file(tmp_path: Path) -> None:
    expected = make_nasty_folder(tmp_path / "nasty")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "brief", str(tmp_path / "nasty"), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    for name in expected:
        assert sum(name in w for w in warnings) == 1, (name, warnings)
    assert '"schema": 1' in result.stdout
