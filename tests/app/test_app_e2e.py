"""End to end: the real `briefing` command in tmux on the sample corpus, with fresh cache and data dirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("briefing") is None, reason="needs tmux and the briefing command"
)


def _capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    ).stdout


def _wait_for(session: str, predicate: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if predicate in screen:
            return screen
        time.sleep(0.5)
    raise AssertionError(f"{predicate!r} did not appear within {timeout}s; screen:\n{screen}")


def _keys(session: str, *keys: str) -> None:
    for key in keys:
        subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
        time.sleep(0.4)


def test_briefing_in_tmux(tmp_path: Path) -> None:
    session = f"briefing-e2e-{os.getpid()}"
    status_file = tmp_path / "exit-status"
    env = {
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    command = f"cd {tmp_path} && env {exports} briefing; echo $? > {status_file}; sleep 60"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", command], check=True)
    # an already running tmux server may impose its own default size
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "120", "-y", "40"], check=False, capture_output=True)
    try:
        screen = _wait_for(session, "Other", 90)  # the first run analyses the sample corpus with spaCy
        assert "1 Pairs" in screen and " – " in screen
        _wait_for(session, "articles ·", 30)
        first_pair = next(line for line in screen.splitlines() if " – " in line)
        _keys(session, "]", "j")
        _keys(session, "?")
        help_screen = _wait_for(session, "Help — briefing", 10)
        assert "Panes" in help_screen and "Keys" in help_screen
        _keys(session, "Escape")
        time.sleep(0.5)
        after = _capture(session)
        assert "Help — briefing" not in after
        assert first_pair.strip() and "1 Pairs" in after
        _keys(session, "b")
        _keys(session, "q")
        deadline = time.monotonic() + 15
        while not status_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status_file.read_text().strip() == "0"
        state = tmp_path / "data" / "briefing" / "state.json"
        assert state.is_file() and '"bookmark": true' in state.read_text()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)
