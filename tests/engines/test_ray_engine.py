"""`briefing index --engine ray`: the same cache records as the local engine, and a killed actor costs nothing.

Both run the real CLI on real BBC articles with a local 2-worker Ray, as a user runs it. Skipped when
the `ray` extra is not installed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray.data")

REPO = Path(__file__).resolve().parents[2]
BBC = REPO.parent / "shared" / "corpora" / "bbc"
N_ARTICLES = 200
"""Files read; the BBC corpus repeats a few stories word for word, which are one article (198 here)."""
N_KILLED_RUN = 100


def bbc_sample(n: int = N_ARTICLES) -> list[str]:
    """Every k-th file of the sorted corpus: all five sections, the same files on every run."""
    files = sorted(str(p) for p in BBC.rglob("*.txt") if p.name != "README.TXT")
    if len(files) < n:
        pytest.skip(f"the BBC corpus is not at {BBC}")
    return files[:: len(files) // n][:n]


def env_for(home: Path) -> dict[str, str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("BRIEFING_CONFIG", None)
    return env


def index(home: Path, files: list[str], *engine: str) -> subprocess.CompletedProcess[str]:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "index", *engine, *files],
        capture_output=True,
        text=True,
        env=env_for(home),
        cwd=home,
        timeout=900,
    )


def records(home: Path) -> dict[str, str]:
    """Cache rows as stored: content hash -> encoded analysis."""
    (path,) = (home / "cache").rglob("analysis.sqlite3")
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT hash, article FROM analysis"))


def test_ray_and_local_engines_store_identical_records(tmp_path: Path) -> None:
    files = bbc_sample()
    local = index(tmp_path / "local", files, "--engine", "local", "--workers", "1")
    assert local.returncode == 0, local.stderr
    on_ray = index(tmp_path / "ray", files, "--engine", "ray", "--workers", "2")
    assert on_ray.returncode == 0, on_ray.stderr
    expected, got = records(tmp_path / "local"), records(tmp_path / "ray")
    assert len(expected) > 0.95 * N_ARTICLES
    assert f"({len(expected)} analysed, 0 already in the cache)" in on_ray.stdout
    assert got.keys() == expected.keys()
    differing = [h for h in expected if got[h] != expected[h]]
    assert not differing, f"{len(differing)} records differ, e.g. {differing[0]}"
    again = index(tmp_path / "ray", files, "--engine", "ray", "--workers", "2")
    assert f"(0 analysed, {len(expected)} already in the cache)" in again.stdout


def descendants(root: int) -> list[int]:
    """Pids under `root` (Ray's processes are children of the driver that started it)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [p for p, parent in parents.items() if parent == pid]
        found += children
        frontier += children
    return found


def analysis_actors(driver: int) -> list[int]:
    actors = []
    for pid in descendants(driver):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "ArticleAnalyzer" in title:
            actors.append(pid)
    return actors


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds Ray's actor processes through /proc")
def test_killed_actor_is_restarted_and_every_article_indexed(tmp_path: Path) -> None:
    files = bbc_sample()[:N_KILLED_RUN]
    run = subprocess.Popen(
        [sys.executable, "-m", "briefing", "index", "--engine", "ray", "--workers", "2", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_for(tmp_path),
        cwd=tmp_path,
    )
    assert run.stderr is not None
    killed, replacement = None, None
    try:
        for line in run.stderr:  # progress lines: the pipeline is running and has work left
            done, todo = line.split()[1].split("/") if line.startswith("analysed ") else ("0", "0")
            if int(done) and int(done) < int(todo) - 16:  # a batch of 16 or more still to come
                actors = analysis_actors(run.pid)
                if actors:
                    killed = actors[0]
                    os.kill(killed, signal.SIGKILL)
                    break
        assert killed is not None, "no analysis actor was found while the run was in progress"
        deadline = time.monotonic() + 900
        while run.poll() is None and time.monotonic() < deadline:
            replacement = replacement or next((p for p in analysis_actors(run.pid) if p not in actors), None)
            time.sleep(0.5)
        rest = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, rest[1]
    assert replacement is not None, "Ray did not start an actor in place of the killed one"
    stored = len(records(tmp_path))
    assert stored > 0.95 * N_KILLED_RUN
    assert f"indexed {stored} articles ({stored} analysed, 0 already in the cache)" in rest[0]
