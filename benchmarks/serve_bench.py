"""`briefing serve` in a browser: first screen per visit and memory per visit (issue 16).

Not a test: figures depend on the machine and on what else runs on it. Starts `briefing serve` on a
corpus with fresh cache/data folders (so the index step is included once), then opens the page in
Debian's Chromium through Playwright, one visit after another, and then several tabs at once:

- first screen: page load to the status line showing "N articles · M pairs" (the first screen, from the
  last session's summary after the first visit), and to the corpus being loaded (no "loading…");
- memory: the visit's app process RSS (VmRSS) once loaded and its peak (VmHWM), and whether spaCy was
  loaded in it (its compiled modules mapped);
- a visit's process ends when its tab closes.

    python benchmarks/serve_bench.py                           # the sample corpus, 5 visits, 3 tabs at once
    python benchmarks/serve_bench.py --corpus /work/shared/corpora/bbc/politics --visits 3
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.serve.test_serve_browser import (  # noqa: E402  (the page helpers of the browser test)
    CHROMIUM,
    CHROMIUM_ARGS,
    TERMINAL_HOOK,
    children,
    free_port,
    screen,
)

STATUS = re.compile(r"^\s*\d[\d,]* articles · \d[\d,]* pairs(?P<rest>.*)$", re.MULTILINE)


def status(text: str) -> str | None:
    """The status line's tail after "N articles · M pairs", or None while it is not there."""
    found = STATUS.search(text)
    return None if found is None else found.group("rest").strip()


def proc_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def spacy_loaded(pid: int) -> bool:
    return "/spacy/" in Path(f"/proc/{pid}/maps").read_text()


def visit(context: Any, url: str, server_pid: int, timeout: float = 300.0) -> dict[str, Any]:
    before = children(server_pid)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    first = loaded = None
    deadline = started + timeout
    while loaded is None and time.perf_counter() < deadline:
        tail = status(screen(page))
        now = time.perf_counter() - started
        if tail is not None and first is None:
            first = now
        if tail is not None and "loading" not in tail and "analysing" not in tail:
            loaded = now
        page.wait_for_timeout(20)
    (pid,) = children(server_pid) - before
    page.wait_for_timeout(500)  # settle: the loader thread has handed over its results
    figures = {
        "first": first,
        "loaded": loaded,
        "rss": proc_kb(pid, "VmRSS") / 1024,
        "peak": proc_kb(pid, "VmHWM") / 1024,
        "spacy": spacy_loaded(pid),
        "pid": pid,
        "page": page,
    }
    return figures


def close(figures: dict[str, Any], server_pid: int) -> float:
    """Close the tab; seconds until its app process is gone."""
    started = time.perf_counter()
    figures["page"].close()
    while figures["pid"] in children(server_pid):
        time.sleep(0.02)
        if time.perf_counter() - started > 30:
            return float("inf")
    return time.perf_counter() - started


BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Label

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("0 articles · 0 pairs")  # the status line's shape, so the same wait ends on it

Bare().run()
"""


def start_server(argv: list[str], port: int, env: dict[str, str], cwd: str, log: Any) -> subprocess.Popen[bytes]:
    """Start a server and wait until it answers; raises with its output if it dies first."""
    server = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    while True:
        if server.poll() is not None:
            raise SystemExit(f"{argv} exited with {server.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)


def stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(REPO / "seeds"), help="files or folder to serve (default: seeds)")
    parser.add_argument("--visits", type=int, default=5, help="visits one after another")
    parser.add_argument("--tabs", type=int, default=3, help="tabs open at once, after the visits")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        env = dict(os.environ)
        env.pop("BRIEFING_CONFIG", None)
        for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            env[name] = str(Path(tmp) / name.lower())
        port, bare_port = free_port(), free_port()
        url, bare_url = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{bare_port}/"
        bare_command = f"exec {shlex.quote(sys.executable)} -c {shlex.quote(BARE_APP)}"
        bare_server_code = (
            "import sys; from textual_serve.server import Server; "
            f"Server(sys.argv[1], host='127.0.0.1', port={bare_port}).serve()"
        )
        load_before = os.getloadavg()[0]
        with (Path(tmp) / "server.log").open("wb") as log, (Path(tmp) / "bare.log").open("wb") as bare_log:
            started = time.perf_counter()
            server = start_server(
                [sys.executable, "-m", "briefing", "serve", args.corpus, "--port", str(port)], port, env, tmp, log
            )
            ready = time.perf_counter() - started
            bare = start_server([sys.executable, "-c", bare_server_code, bare_command], bare_port, env, tmp, bare_log)
            try:
                print(f"briefing serve {args.corpus}: indexed and listening after {ready:.1f} s")
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    context.add_init_script(TERMINAL_HOOK)
                    context.route("**/fonts.googleapis.com/**", lambda route: route.abort())
                    report(context, args, url, server.pid, bare_url, bare.pid)
                    browser.close()
            finally:
                stop(server)
                stop(bare)
        print(
            f"load average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs"
        )
    return 0


def report(context: Any, args: argparse.Namespace, url: str, pid: int, bare_url: str, bare_pid: int) -> None:
    """Visits of the reader interleaved with visits of a bare Textual app served the same way."""
    rows, bare_rows = [], []
    print("\n| visit | first screen s | loaded s | app RSS MB | app peak MB | spaCy | closed -> exit s | bare app s |")
    print("|---|---|---|---|---|---|---|---|")
    for n in range(1, args.visits + 1):
        figures = visit(context, url, pid)
        figures["exit"] = close(figures, pid)
        rows.append(figures)
        bare = visit(context, bare_url, bare_pid)
        close(bare, bare_pid)
        bare_rows.append(bare)
        print(
            f"| {n} | {figures['first']:.2f} | {figures['loaded']:.2f} | {figures['rss']:.0f} | "
            f"{figures['peak']:.0f} | {'yes' if figures['spacy'] else 'no'} | {figures['exit']:.2f} | "
            f"{bare['first']:.2f} |"
        )
    later = rows[1:] or rows
    first = statistics.median(r["first"] for r in later)
    bare_first = statistics.median(r["first"] for r in bare_rows)
    print(
        f"\nmedian of visits 2-{len(rows)} (first screen from the last session's summary): first screen "
        f"{first:.2f} s ({first / bare_first:.2f}x the bare app's {bare_first:.2f} s), loaded "
        f"{statistics.median(r['loaded'] for r in later):.2f} s, "
        f"app RSS {statistics.median(r['rss'] for r in later):.0f} MB "
        f"(bare app {statistics.median(r['rss'] for r in bare_rows):.0f} MB)"
    )
    tabs = [visit(context, url, pid) for _ in range(args.tabs)]
    total = sum(t["rss"] for t in tabs)
    print(
        f"{args.tabs} tabs open at once: app processes {total:.0f} MB in all ({total / len(tabs):.0f} MB each), "
        f"server {proc_kb(pid, 'VmRSS') / 1024:.0f} MB"
    )
    for t in tabs:
        close(t, pid)
    print(f"processes left after closing every tab: {len(children(pid))}")


if __name__ == "__main__":
    raise SystemExit(main())
