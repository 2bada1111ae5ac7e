"""Re-run the inputs that used to hang briefing (issue 18), each under a time limit, and print how long each took.

Not a unit test (it runs the real `briefing` command, the reader in a pseudo-terminal included); the unit
tests in tests/hardening/test_hardening_round2.py cover each case in isolation. Exit code 1 when a case
outlived its limit or ended differently than expected.

    python benchmarks/hang_cases.py            # every case
    python benchmarks/hang_cases.py --only fifo zero
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

GOOD = (
    "Morocco and Syria restore ties\n\n"
    "Morocco and Syria agreed on Monday to restore diplomatic relations, the foreign ministry in Rabat said.\n"
)


class DripServer:
    """Sends response headers one byte every 0.2 s, for as long as the client stays (up to a minute)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/feed.xml"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    @staticmethod
    def _drip(conn: socket.socket) -> None:
        with conn:
            for byte in b"HTTP/1.0 200 OK\r\nX-Pad: " + b"a" * 300:
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.2)


def briefing(*args: str, env: dict[str, str], limit: float) -> tuple[float, int | None, str]:
    """Seconds taken, exit code (None: killed at the limit) and the last line of standard error."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=limit, env=env
        )
    except subprocess.TimeoutExpired:
        return time.monotonic() - started, None, "(killed)"
    lines = done.stderr.strip().splitlines()
    return time.monotonic() - started, done.returncode, lines[-1] if lines else ""


def reader_quit(url: str, env: dict[str, str], limit: float) -> tuple[float, int | None, str]:
    """Open the reader on a feed that never answers, press q after 3 s: seconds from q to the process's end."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", url],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"},
        close_fds=True,
    )
    os.close(slave)

    def drain() -> None:
        while True:
            try:
                ready, _, _ = select.select([master], [], [], 0.5)
                if ready and not os.read(master, 65536):
                    return
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    time.sleep(3.0)
    os.write(master, b"q")
    pressed = time.monotonic()
    try:
        code: int | None = proc.wait(limit)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        code = None
    return time.monotonic() - pressed, code, "(killed)" if code is None else "ended"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", nargs="+", metavar="CASE", help="fifo, zero, drip, reader")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefing-hang-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(root / "cache"), "XDG_CONFIG_HOME": str(root / "config")}
        fifo_dir, zero_dir = root / "fifo", root / "zero"
        for folder in (fifo_dir, zero_dir):
            folder.mkdir()
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        os.mkfifo(fifo_dir / "x.txt")
        (zero_dir / "zero.txt").symlink_to("/dev/zero")
        server = DripServer()
        config = root / "config.toml"
        config.write_text("[network]\ntimeout = 2.0\n[analysis]\nprocesses = 1\n", encoding="utf-8")
        slow = root / "slow.toml"
        slow.write_text("[network]\ntimeout = 60.0\n", encoding="utf-8")
        # name -> (what it did before the fix, limit in seconds, run, expected exit code)
        cases: dict[str, tuple[str, float, Callable[[float], tuple[float, int | None, str]], int]] = {
            "fifo": ("blocked forever", 60.0, lambda t: briefing("brief", str(fifo_dir), env=env, limit=t), 0),
            "zero": ("read until out of memory", 60.0, lambda t: briefing("brief", str(zero_dir), env=env, limit=t), 0),
            "drip": (
                "47 s with timeout 2",
                15.0,
                lambda t: briefing("fetch", server.url, "--config", str(config), env=env, limit=t),
                1,
            ),
            "reader": (
                "q waited for the fetch",
                10.0,
                lambda t: reader_quit(server.url, {**env, "BRIEFING_CONFIG": str(slow)}, t),
                0,
            ),
        }
        failed = 0
        print(f"{'case':8} {'before the fix':26} {'limit':>6} {'took':>7}  result")
        for name, (before, limit, run, expected) in cases.items():
            if args.only and name not in args.only:
                continue
            took, code, last = run(limit)
            ok = code == expected
            failed += not ok
            verdict = "ok" if ok else ("HUNG" if code is None else f"exit {code}, expected {expected}")
            print(f"{name:8} {before:26} {limit:5.0f}s {took:6.1f}s  {verdict}: {last[:90]}")
        server.listener.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
