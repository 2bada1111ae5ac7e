"""`briefing serve`: the reader in a browser, one app process per visit, through textual-serve.

textual-serve runs a shell command for every browser tab that connects and relays its screen over a
websocket; the command here is the reader itself (`python -m briefing`) on the same paths and config,
so the browser shows exactly what the terminal shows. The CLI indexes the paths before serving, so a
visit paints from the analysis cache and loads spaCy only when something is left to analyse.

textual-serve has no login: anyone who reaches the port reads the corpus. Hence loopback by default and
a warning for any other address (it belongs behind a proxy that authenticates).
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXTRA_HINT = "pip install 'briefing[serve]'"
PUBLIC_WARNING = (
    "serving on {host}, which other machines can reach: textual-serve has no login, anyone who reaches "
    "the port reads the corpus; put it behind a reverse proxy with authentication (see README, 'In a browser')"
)


class ServeUnavailable(RuntimeError):
    """textual-serve is not installed; the message is the line the user sees."""


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach: `localhost`, 127.0.0.0/8, ::1."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def reader_args(paths: Sequence[str], config_file: str | None, subcommand: str | None = None) -> list[str]:
    """`python -m briefing [SUBCOMMAND] [--config FILE] PATH…` with this Python, paths made absolute (a
    visit's process may start elsewhere, and a file literally named like a subcommand cannot become one)."""
    args = [sys.executable, "-m", "briefing"]
    if subcommand:
        args.append(subcommand)
    if config_file:
        args += ["--config", str(Path(config_file).absolute())]
    return args + [p if "://" in p else str(Path(p).absolute()) for p in paths]


def index_first(paths: Sequence[str], config_file: str | None) -> int:
    """`briefing index` on the paths in a child process, so that every visit paints from the cache; the
    server itself never imports spaCy (the model would stay in its memory for as long as it serves)."""
    import subprocess

    return subprocess.run(reader_args(paths, config_file, "index"), check=False).returncode


def visit_command(paths: Sequence[str], config_file: str | None) -> str:
    """The shell command textual-serve runs for each visit: this Python's reader on the same inputs,
    quoted; `exec` leaves no shell between textual-serve and the app, so closing the tab ends the app."""
    return "exec " + " ".join(shlex.quote(a) for a in reader_args(paths, config_file))


def serve(
    paths: Sequence[str],
    *,
    config_file: str | None,
    host: str,
    port: int,
    public_url: str | None,
) -> None:
    """Serve the reader until Ctrl+C or SIGTERM; raises ServeUnavailable without textual-serve."""
    try:
        server_class = _server_class()
    except ImportError as exc:
        raise ServeUnavailable(f"textual-serve is not installed ({EXTRA_HINT})") from exc
    command = visit_command(paths, config_file)
    server_class(command, host=host, port=port, title="briefing", public_url=public_url).serve()


def _server_class() -> Any:
    """textual-serve's Server, which also ends the readers of open tabs when it is stopped.

    Without this, Ctrl+C or SIGTERM waits for every open tab to be closed, up to aiohttp's one-minute
    shutdown timeout: the stock server keeps no list of its visits to end.
    """
    import asyncio

    from textual_serve.server import Server

    class BriefingServer(Server):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.visits: set[asyncio.Task[Any]] = set()

        async def handle_websocket(self, request: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self.visits.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.visits.discard(task)  # type: ignore[arg-type]

        async def on_shutdown(self, app: Any) -> None:
            # A cancelled visit sends its app textual-serve's "quit" and waits for the process to end.
            for task in list(self.visits):
                task.cancel()

    return BriefingServer


def check_available() -> None:
    """Raise ServeUnavailable early, before the paths are indexed, when textual-serve is missing."""
    import importlib.util

    try:
        found = importlib.util.find_spec("textual_serve.server") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ServeUnavailable(f"textual-serve is not installed ({EXTRA_HINT})")
