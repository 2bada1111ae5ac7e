"""The `briefing` command: the app by default, headless subcommands for scripts.

Errors the user can cause (bad paths, bad config, missing model) end in one line on stderr and an
exit code, never a traceback. Exit codes: 0 ok, 1 no usable article or bad argument, 2 usage or
config error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from briefing.brief import Briefing

EXIT_OK, EXIT_NO_ARTICLES, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A user error with its exit code; printed as one line."""

    def __init__(self, message: str, code: int = EXIT_NO_ARTICLES) -> None:
        super().__init__(message)
        self.code = code


def _common(parser: argparse.ArgumentParser, *, paths: bool = True) -> None:
    parser.add_argument("--config", metavar="FILE", help="config file (default: see README, 'Configuration')")
    if paths:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article files, folders or feed URLs (default: corpus.paths, else the samples)",
        )


def _pair_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="AAA-BBB",
        help="only this pair, as ISO alpha-3 codes (e.g. MAR-SYR); repeatable",
    )


def _no_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="analyse everything again, ignoring the cache")


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news articles by country pair: who said what, what happened when, and the trend. "
        "Without a command, opens the reader on PATHs (default: the sample corpus).",
        epilog="commands: " + ", ".join(PARSERS) + " (see `briefing COMMAND --help`)",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    _common(parser)
    return parser


def brief_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing brief", description="Print per-pair briefs without the app.")
    _common(parser)
    _pair_option(parser)
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _no_cache_option(parser)
    return parser


def evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing evaluate",
        description="Score the analysis against reference annotations (gold JSON, see README 'Evaluation').",
    )
    parser.add_argument("gold", metavar="GOLD.json", help="reference annotations")
    _common(parser)
    parser.add_argument(
        "--min",
        action="extend",
        nargs="+",
        default=[],
        metavar="METRIC=VALUE",
        help="fail (exit 1) when METRIC is below VALUE, e.g. --min pair=0.9 stmt_recall=0.85; repeatable",
    )
    _no_cache_option(parser)
    return parser


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing export",
        description="Write one Markdown brief per country pair, plus index.md linking them, into a folder. "
        "Existing files are never replaced without --force: they are skipped with a warning "
        "(exit 0; exit 1 when nothing at all could be written).",
    )
    _common(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="folder to write to (default: export.directory of the config); '-' prints one --pair's brief",
    )
    _pair_option(parser)
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")
    _no_cache_option(parser)
    return parser


def fetch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing fetch",
        description="Download the configured feeds (corpus.feeds) and any feed URLs given, for offline reading.",
    )
    _common(parser, paths=False)
    parser.add_argument("urls", nargs="*", metavar="URL", help="feed URLs (default: corpus.feeds)")
    return parser


def index_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing index",
        description="Analyse articles ahead of time and keep the results in the cache, so the reader opens "
        "instantly. Only new or changed articles are analysed; Ctrl+C stops and keeps what was done.",
    )
    _common(parser)
    parser.add_argument(
        "--engine",
        choices=("local", "ray"),
        help="where analysis runs: this machine's processes (local) or an actor pool on Ray "
        "(needs pip install 'briefing[ray]'); default: analysis.engine in the config",
    )
    parser.add_argument(
        "--address",
        metavar="ADDRESS",
        help="Ray cluster to join: auto or ray://HOST:PORT (default: start a local Ray for this run)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (local) or Ray actors (ray); default: analysis.processes, or 2 actors",
    )
    return parser


PARSERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    "brief": brief_parser,
    "index": index_parser,
    "fetch": fetch_parser,
    "export": export_parser,
    "evaluate": evaluate_parser,
}
"""Subcommand name -> parser factory; each subcommand's handler is registered with @command."""


COMMANDS: dict[str, Callable[[argparse.Namespace, Config], int]] = {}


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace, Config], int]], Callable[[argparse.Namespace, Config], int]]:
    def register(fn: Callable[[argparse.Namespace, Config], int]) -> Callable[[argparse.Namespace, Config], int]:
        COMMANDS[name] = fn
        return fn

    return register


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def open_for(args: argparse.Namespace, config: Config) -> Briefing:
    """Ingest and analyse the command's paths, printing one warning line per bad input."""
    from briefing.analyze.nlp import ModelMissingError
    from briefing.corpus import open_corpus

    try:
        corpus = open_corpus(args.paths, config, use_cache=not getattr(args, "no_cache", False))
    except ModelMissingError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    for problem in corpus.problems:
        warn(str(problem))
    briefing = corpus.briefing
    if not briefing.articles:
        where = ", ".join(args.paths or config.default_inputs)
        raise CommandError(f"no usable article in {where}")
    return briefing


def select_pairs(briefing: Briefing, keys: Sequence[str]) -> Briefing:
    """The briefs named by --pair (all when none), or an error listing the pairs there are."""
    if not keys:
        return briefing
    missing = [k for k in keys if briefing.get(k) is None]
    if missing:
        known = ", ".join(b.key for b in briefing) or "none"
        raise CommandError(f"no articles for pair {', '.join(missing)} (pairs found: {known})")
    return briefing.only(keys)


def write_output(text: str, output: str | None, *, force: bool) -> None:
    """Standard output, or a file written atomically that never replaces one unless --force."""
    if not output or output == "-":
        sys.stdout.write(text)
        return
    from briefing.export.files import ExportError, write_atomic

    try:
        write_atomic(Path(output), text, force=force)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    print(f"wrote {output}", file=sys.stderr)


@command("brief")
def run_brief(args: argparse.Namespace, config: Config) -> int:
    briefing = select_pairs(open_for(args, config), args.pair)
    if args.format == "json":
        from briefing.export.json_export import render_json

        text = render_json(briefing)
    else:
        from briefing.export.markdown import render_briefing

        text = render_briefing(briefing)
    write_output(text, args.output, force=args.force)
    return EXIT_OK


@command("evaluate")
def run_evaluate(args: argparse.Namespace, config: Config) -> int:
    import json

    from briefing.evaluate import gold_paths, parse_minimums, report, score, shortfalls
    from briefing.export.json_export import briefing_to_dict

    gold_file = Path(args.gold)
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        files = gold["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CommandError(f"{gold_file}: not a gold annotation file ({exc})", EXIT_USAGE) from None
    if not isinstance(files, dict):
        raise CommandError(f"{gold_file}: 'files' must map file names to articles", EXIT_USAGE)
    try:
        minimums = parse_minimums(args.min)
    except ValueError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from None
    if not args.paths:
        args.paths = gold_paths(gold, gold_file)
    counts = score(gold, briefing_to_dict(open_for(args, config)))
    sys.stdout.write(report(counts))
    short = shortfalls(counts.metrics(), minimums)
    if short:
        print(f"below threshold: {', '.join(short)}", file=sys.stderr)
        return EXIT_NO_ARTICLES
    return EXIT_OK


@command("export")
def run_export(args: argparse.Namespace, config: Config) -> int:
    briefing = select_pairs(open_for(args, config), args.pair)
    if args.output == "-":
        if len(briefing) != 1:
            raise CommandError("-o - prints a single brief: give exactly one --pair", EXIT_USAGE)
        from briefing.export.markdown import render_pair

        sys.stdout.write(render_pair(briefing.briefs[0]))
        return EXIT_OK
    from briefing.export.files import ExportError
    from briefing.export.writer import export_briefs

    directory = Path(args.output) if args.output else config.export_dir
    try:
        result = export_briefs(briefing, directory, force=args.force)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    for path in result.skipped:
        warn(f"{path}: already exists; left unchanged (use --force to overwrite)")
    for path in result.written:
        print(f"wrote {path}", file=sys.stderr)
    if not result.written:
        raise CommandError(f"nothing written: every file already exists in {directory} (use --force to overwrite)")
    return EXIT_OK


@command("fetch")
def run_fetch(args: argparse.Namespace, config: Config) -> int:
    from briefing.ingest.fetch import fetch_feeds

    urls = list(args.urls) or config.feeds
    if not urls:
        raise CommandError("no feeds to fetch: give URLs or list them in corpus.feeds in config.toml")
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise CommandError(f"not an http(s) URL: {bad[0]}")

    def progress(done: int, total: int, url: str) -> None:
        print(f"[{done}/{total}] {url}", file=sys.stderr)

    articles, problems = fetch_feeds(
        urls,
        config.cache_dir / "feeds",
        timeout=float(config.get("network", "timeout")),
        max_bytes=int(config.get("network", "max_feed_bytes")),
        progress=progress,
    )
    for problem in problems:
        warn(str(problem))
    print(f"{len(articles)} articles from {len(urls)} feeds")
    return EXIT_OK if articles else EXIT_NO_ARTICLES


@command("index")
def run_index(args: argparse.Namespace, config: Config) -> int:
    import time
    from contextlib import closing

    from briefing.analyze.nlp import ModelMissingError
    from briefing.analyze.ray_engine import EngineError
    from briefing.corpus import Engine, iter_complete, load_pending

    if not config.get("cache", "enabled"):
        raise CommandError("cache.enabled is false in the config: there is no cache to index into", EXIT_USAGE)
    if args.workers is not None and args.workers < 1:
        raise CommandError(f"--workers must be 1 or more, not {args.workers}", EXIT_USAGE)
    engine = Engine(args.engine or str(config.get("analysis", "engine")), args.workers or 0, args.address)
    if engine.address and engine.name != "ray":
        raise CommandError("--address is for --engine ray", EXIT_USAGE)
    started = time.perf_counter()
    corpus, known = load_pending(args.paths, config)
    for problem in corpus.problems:
        warn(str(problem))
    if not corpus.raw:
        where = ", ".join(args.paths or config.default_inputs)
        raise CommandError(f"no usable article in {where}")
    total, cached = len(corpus.raw), len(known)
    todo, done, words = total - cached, 0, 0
    tty = sys.stderr.isatty()
    begin = time.perf_counter()

    def lines(n: int, w: int) -> None:
        nonlocal done, words
        done, words = n, w
        if n == todo or n % max(1, todo // 20) == 0:
            elapsed = max(time.perf_counter() - begin, 1e-9)
            print(f"analysed {n}/{todo} articles, {w / elapsed:,.0f} words/s", file=sys.stderr, flush=True)

    try:
        if todo and tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(
                TextColumn("analysing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles  {task.fields[rate]} words/s  ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            ) as bar:
                task = bar.add_task("analysing", total=todo, rate="–")

                def rich_progress(n: int, w: int) -> None:
                    nonlocal done, words
                    done, words = n, w
                    rate = f"{w / max(time.perf_counter() - begin, 1e-9):,.0f}"
                    bar.update(task, completed=n, rate=rate)

                analyses = iter_complete(corpus, config, progress=rich_progress, skip=known, engine=engine)
                with closing(analyses) as results:
                    for _ in results:
                        pass
        elif todo:
            with closing(iter_complete(corpus, config, progress=lines, skip=known, engine=engine)) as results:
                for _ in results:
                    pass
    except (ModelMissingError, EngineError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except KeyboardInterrupt:
        print(f"interrupted: {cached + done} of {total} articles are cached; run again to finish", file=sys.stderr)
        return 130
    elapsed = time.perf_counter() - started
    print(f"indexed {total} articles ({done} analysed, {cached} already in the cache) in {elapsed:.1f} s")
    return EXIT_OK


def run_app(args: argparse.Namespace, config: Config) -> int:
    try:
        from briefing.app import run
    except ImportError:
        raise CommandError(
            "the interactive reader is not available in this build; use `briefing brief` (see --help)", EXIT_USAGE
        ) from None
    return run(args.paths, config)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    name = next((a for a in argv if not a.startswith("-")), None)
    try:
        if name in PARSERS and name in COMMANDS:
            rest = list(argv)
            rest.remove(name)
            args = PARSERS[name]().parse_args(rest)
            handler = COMMANDS[name]
        else:
            args = app_parser().parse_args(argv)
            handler = run_app
        config = load_config(args.config)
        return handler(args, config)
    except ConfigError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CommandError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
