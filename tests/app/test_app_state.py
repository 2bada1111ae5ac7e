"""Reading state file and the command table, without the UI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.app.commands import COMMANDS, KeyConfigError, display_key, resolve_keys
from briefing.app.state import ReadingState, default_path
from briefing.config import defaults


def test_state_round_trip_and_atomic_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    state = ReadingState(path)
    assert state.mark_read("a1") is True
    assert state.mark_read("a1") is False
    assert state.toggle_bookmark("b2") is True
    assert sorted(p.name for p in path.parent.iterdir()) == ["state.json"]  # no temporary file left behind
    again = ReadingState(path)
    assert again.is_read("a1") and not again.is_read("b2")
    assert again.is_bookmarked("b2") and not again.is_bookmarked("a1")
    assert again.toggle_bookmark("b2") is False
    assert "b2" not in json.loads(path.read_text())["articles"]


def test_corrupt_state_starts_fresh_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    state = ReadingState(path)
    assert state.read == set() and state.problem is not None and "state.json" in state.problem
    state.mark_read("x")
    assert ReadingState(path).is_read("x")


def test_two_readers_on_one_file_keep_each_others_marks(tmp_path: Path) -> None:
    """Every tab of `briefing serve` (or two terminals) has its own ReadingState on the same file."""
    path = tmp_path / "state.json"
    first, second = ReadingState(path), ReadingState(path)  # both loaded before either changed anything
    assert first.mark_read("a") is True
    assert second.mark_read("b") is True
    assert second.toggle_bookmark("c") is True
    assert first.toggle_bookmark("c") is False  # first sees second's bookmark, so this removes it
    stored = ReadingState(path)
    assert stored.read == {"a", "b"} and stored.bookmarks == set()
    assert first.read == {"a", "b"}  # and shows the other reader's marks from then on
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]  # the lock leaves no file


def test_default_path_follows_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "briefing" / "state.json"


def test_every_config_key_names_a_command() -> None:
    ids = {c.id for c in COMMANDS}
    assert set(defaults()["keys"]) <= ids
    assert len(ids) == len(COMMANDS)


def test_config_toml_keys_are_the_command_tables_defaults() -> None:
    """The documented [keys] table and commands.py give every rebindable command the same default key."""
    assert defaults()["keys"] == {c.id: c.key for c in COMMANDS if c.rebindable}


def test_resolve_keys_normalises_and_rejects() -> None:
    keys = resolve_keys({"help": "?", "quit": "q,ctrl+q"})
    assert keys["help"] == "question_mark" and keys["quit"] == "q,ctrl+q"
    assert display_key(keys["help"]) == "?"
    for bad in ("", "ctrl+", "hyperspace", "alt+nokey", "q,,w"):
        with pytest.raises(KeyConfigError):
            resolve_keys({"quit": bad})
    with pytest.raises(KeyConfigError, match="unknown command"):
        resolve_keys({"launch_missiles": "x"})
