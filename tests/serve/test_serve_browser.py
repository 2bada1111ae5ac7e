"""`briefing serve` in a real browser: Debian's Chromium driven by Playwright, on the sample corpus.

The page is textual-serve's xterm.js terminal, drawn on a canvas; the test reads what it shows from
the terminal's own buffer (the rows xterm.js paints), found through an init script that notes the
Terminal object when the page creates it. Skips only when Chromium, Playwright or textual-serve is
missing, and fails instead when BRIEFING_REQUIRE_BROWSER=1 (set by .ci/run once Chromium is installed).

BRIEFING_SAVE_SCREENSHOT=1 copies the page's screenshot to docs/screenshot-browser.png (for README).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1"
"""Set by .ci/run once Chromium is installed: then a missing piece fails the run instead of skipping."""


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}, and BRIEFING_REQUIRE_BROWSER=1", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


try:
    import playwright.sync_api as playwright_api
except ImportError:
    _missing("playwright is not installed (pip install '.[test]')")
try:
    import textual_serve  # noqa: F401
except ImportError:
    _missing("textual-serve is not installed (pip install '.[serve]')")
if not CHROMIUM.exists():
    _missing("no /usr/bin/chromium (apt-get install chromium)")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED_PAIRS = ("Morocco – Russia", "Morocco – Syria", "Morocco – United Sta", "Qatar – Syria", "Syria – Turkey")
HOSTILE_TITLE = "[bold]Rabat[/bold] \x1b]0;pwned\x07sets \x1b[31mred\x1b[0m wheat quota"
HOSTILE_SHOWN = "[bold]Rabat[/bold] sets red wheat quota"
HOSTILE_LINK = "https://news.invalid/rabat-wheat-quota"
HOSTILE = (  # about one country: listed under "Other", so the first screen is the sample corpus's own
    f"Title: {HOSTILE_TITLE}\nDate: 2031-05-01\nURL: {HOSTILE_LINK}\n\n"
    "Moroccan Agriculture Minister Ahmed Bouari spoke in Rabat on Monday. "
    '"[red]We agree[/red] on \x1b[2J wheat and [@click=app.quit]grain[/]," Bouari said.\n\n'
    "Morocco signed [link=file:///etc/passwd]a deal[/link] on wheat storage with its farmers.\n"
)
WAIT = 30.0

TERMINAL_HOOK = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true, enumerable: true});
    if (value && typeof value.loadAddon === 'function') { window.__briefingTerminal = value; }
  },
});
"""
READ_SCREEN = """() => {
  const term = window.__briefingTerminal;
  if (!term) { return ''; }
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : '');
  }
  return rows.join('\\n');
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children(pid: int) -> set[int]:
    """Process ids whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def wait_for(check: Callable[[], Any], what: str, timeout: float = WAIT, page: Any = None) -> Any:
    """Poll `check`; with a page, wait through Playwright, which delivers its events (downloads) meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if page is None:
            time.sleep(0.1)
        else:
            page.wait_for_timeout(100)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Server:
    def __init__(
        self, process: subprocess.Popen[bytes], url: str, log: Path, corpus: Path, env: dict[str, str]
    ) -> None:
        self.process, self.url, self.log, self.corpus, self.env = process, url, log, corpus, env

    def stop(self, timeout: float = 15) -> int | None:
        """Ctrl+C, as a user stops it; None when it did not exit within `timeout` (then it is killed)."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


def start_serve(corpus: Path, env: dict[str, str], root: Path, name: str) -> Server:
    """`briefing serve CORPUS` on a free loopback port; returns once it answers (after indexing)."""
    port = free_port()
    log = root / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "serve", str(corpus), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
        )
    url = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"briefing serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    try:
        wait_for(up, "briefing serve to index the corpus and listen", timeout=120)
    except BaseException:
        process.kill()
        process.wait()
        raise
    return Server(process, url, log, corpus, env)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`briefing serve` on the seeds plus one hostile article, with its own XDG folders, on a free port."""
    root = tmp_path_factory.mktemp("serve")
    corpus = root / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = str(root / name.lower())
    started = start_serve(corpus, env, root, "server")
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Any, tmp_path: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.add_init_script(TERMINAL_HOOK)
    # The page asks a web font service for its font: there is no network, so answer at once.
    context.route("**/fonts.googleapis.com/**", lambda route: route.abort())
    context.route("https://news.invalid/**", lambda route: route.fulfill(body="the article's page"))
    yield context
    context.close()


def screen(page: Any) -> str:
    return str(page.evaluate(READ_SCREEN))


def wait_screen(page: Any, check: Callable[[str], bool], what: str) -> str:
    last = [""]

    def shows() -> str | None:
        last[0] = screen(page)
        return last[0] if last[0] and check(last[0]) else None

    try:
        return str(wait_for(shows, what, page=page))
    except AssertionError as exc:
        raise AssertionError(f"{exc}; the page showed:\n{last[0]}") from None


def loaded(text: str) -> bool:
    """The five seed pairs on screen and the corpus loaded: the first screen may be the summary of the
    last session ("… · loading…" in the status line) until the cache is read."""
    status = re.compile(r"^\s*\d+ articles · \d+ pairs\s*$", re.MULTILINE)
    return all(pair in text for pair in SEED_PAIRS) and bool(status.search(text))


def open_reader(context: Any, server: Server) -> Any:
    page = context.new_page()
    page.goto(server.url)
    wait_screen(page, loaded, "the five seed pairs, loaded")
    page.focus(".xterm-helper-textarea")
    return page


def collect_downloads(context: Any) -> list[Any]:
    """Downloads as they start (textual-serve opens each delivery in a new tab; Chromium may report it
    on the tab or its opener)."""
    downloads: list[Any] = []

    def watch(page: Any) -> None:
        page.on("download", lambda download: downloads.append(download))

    for page in context.pages:
        watch(page)
    context.on("page", watch)
    return downloads


def brief_heading(text: str) -> str:
    """The first line of the brief pane: the pair it shows ("" while a redraw has not drawn the pane yet:
    under load CI caught the screen between the help closing and the main screen coming back)."""
    line = next((line for line in text.splitlines() if "4 Brief" in line), None)
    if line is None:
        return ""
    below = text.splitlines()[text.splitlines().index(line) + 1]
    return below[line.index("4 Brief") - 3 :]


def test_reader_keys_and_exports_as_downloads(context: Any, server: Server, tmp_path: Path) -> None:
    page = open_reader(context, server)
    first = screen(page)
    assert "Morocco – Russia" in brief_heading(first)

    page.keyboard.press("]")
    after_next = wait_screen(page, lambda s: "Morocco – Syria" in brief_heading(s), "] to show the next pair")
    assert "Is a phone call paving the way" in after_next

    page.keyboard.press("?")
    help_screen = wait_screen(page, lambda s: "Help — briefing" in s, "? to open the help")
    assert "Export pair" in help_screen and "Open the article's web page" in help_screen

    page.keyboard.press("Escape")
    wait_screen(page, lambda s: "Help — briefing" not in s and "Morocco – Syria" in brief_heading(s), "escape")

    downloads = collect_downloads(context)
    page.keyboard.press("e")
    download = wait_for(lambda: downloads and downloads[0], "the export to arrive as a download", page=page)
    assert download.suggested_filename == "morocco-syria.md"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    markdown = saved.read_text(encoding="utf-8")
    assert markdown.startswith("# Morocco – Syria\n")
    assert "Is a phone call paving the way towards thawing Morocco-Syria relations?" in markdown
    exported = subprocess.run(  # what `briefing export` prints for that pair, from the same cache
        [sys.executable, "-m", "briefing", "export", str(server.corpus), "--pair", "MAR-SYR", "-o", "-"],
        capture_output=True,
        env=server.env,
        check=True,
    )
    assert saved.read_bytes() == exported.stdout
    wait_screen(page, lambda s: "sent morocco-syria.md to your browser" in s, "the export notification")
    assert not list((Path(server.log).parent).rglob("morocco-syria.md")), "the export went to the server's disk"

    page.keyboard.press("E")  # every pair: one download, a zip of the files `briefing export` writes
    archive_download = wait_for(lambda: len(downloads) > 1 and downloads[1], "the export of every pair", page=page)
    assert archive_download.suggested_filename == "briefs.zip"
    archive_download.save_as(tmp_path / "briefs.zip")
    with zipfile.ZipFile(tmp_path / "briefs.zip") as archive:
        names = set(archive.namelist())
        assert {"index.md", "morocco-syria.md", "qatar-syria.md", "syria-turkey.md", "other.md"} <= names
        assert archive.read("qatar-syria.md").decode("utf-8").startswith("# Qatar – Syria\n")

    shot = tmp_path / "screenshot-browser.png"
    page.keyboard.press("[")
    wait_screen(page, lambda s: "Morocco – Russia" in brief_heading(s) and "sent morocco" not in s, "[ back")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("BRIEFING_SAVE_SCREENSHOT") == "1":
        shutil.copyfile(shot, REPO / "docs" / "screenshot-browser.png")


def test_hostile_text_literal_and_link_opens_in_the_browser(context: Any, server: Server) -> None:
    page = open_reader(context, server)
    title_before = page.title()
    for _ in SEED_PAIRS:  # "Other" comes after the five pairs
        page.keyboard.press("]")
        page.wait_for_timeout(100)
    other = wait_screen(page, lambda s: "Other" in brief_heading(s), "] to reach Other")
    assert HOSTILE_SHOWN in pane_text(other, "2 Articles")  # listed as typed, markup and all
    if HOSTILE_SHOWN not in pane_text(other, "3 Article"):
        for key in ("2", "j", "Enter"):  # open the second article of the list
            page.keyboard.press(key)
            page.wait_for_timeout(300)  # a pane takes the focus on the app's next idle, as in a terminal
    shown = wait_screen(page, lambda s: HOSTILE_SHOWN in pane_text(s, "3 Article"), "the hostile article to open")
    body = pane_text(shown, "3 Article")
    for literal in ("[red]We agree[/red]", "[@click=app.quit]grain[/]", "[link=file:///etc/passwd]a deal[/link]"):
        assert literal in body, f"{literal!r} not shown as typed in: {body}"
    assert "pwned" not in shown and page.title() == title_before != "pwned"
    assert all(pair in shown for pair in SEED_PAIRS), "an escape in the article cleared the screen"

    with context.expect_page() as opened:
        page.keyboard.press("o")
    opened.value.wait_for_load_state()
    assert opened.value.url == HOSTILE_LINK


def pane_text(text: str, title: str) -> str:
    """The text inside the bordered pane titled `title`, its wrapped lines joined with single spaces."""
    rows = text.splitlines()
    top = next(n for n, row in enumerate(rows) if f"─ {title} " in row)
    left = rows[top].rindex("╭", 0, rows[top].index(title))
    right = rows[top].index("╮", left)
    inside = []
    for row in rows[top + 1 :]:
        if row[left : left + 1] == "╰":
            break
        inside.append(row[left + 1 : right].strip(" │▁▂▃▄▅▆▇█▌▐"))
    return " ".join(" ".join(inside).split())


def test_closing_the_tab_ends_its_app_process(context: Any, server: Server) -> None:
    before = children(server.process.pid)
    page = open_reader(context, server)
    started = children(server.process.pid) - before
    assert len(started) == 1, f"one app process per visit, found {started}"
    (app_pid,) = started
    assert "briefing" in Path(f"/proc/{app_pid}/cmdline").read_bytes().decode(errors="replace")
    page.close()
    wait_for(lambda: not Path(f"/proc/{app_pid}").exists() or _zombie(app_pid), "the app process to end")
    assert children(server.process.pid) - before == set()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_stopping_the_server_ends_the_readers_of_open_tabs(context: Any, server: Server, tmp_path: Path) -> None:
    """Ctrl+C with a tab open: the server exits at once (not after aiohttp's minute) and so does the app."""
    second = start_serve(server.corpus, server.env, tmp_path, "second")  # same cache: nothing to analyse
    page = open_reader(context, second)
    (app_pid,) = children(second.process.pid)
    started = time.monotonic()
    assert second.stop(timeout=20) == 0
    assert time.monotonic() - started < 10
    wait_for(lambda: not Path(f"/proc/{app_pid}").exists() or _zombie(app_pid), "the open tab's app to end", 10)
    page.close()
