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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.config import Config, ConfigError, load_config
from briefing.terminal import safe
from briefing.wording import count

if TYPE_CHECKING:
    from briefing.article import Problem
    from briefing.brief import Briefing

EXIT_OK, EXIT_NO_ARTICLES, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A user error with its exit code; printed as one line."""

    def __init__(self, message: str, code: int = EXIT_NO_ARTICLES) -> None:
        super().__init__(message)
        self.code = code


def _paths_argument(parser: argparse.ArgumentParser) -> None:
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


def _global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """Options every command takes, before or after its name (`default` keeps the one given first)."""
    parser.add_argument(
        "--config", metavar="FILE", default=default, help="config file (default: see README, 'Configuration')"
    )


GLOBAL_OPTIONS_WITH_VALUE = ("--config",)
"""The global options above that take a value: the command-name scan in `split_command` skips it."""


def read_options(parser: argparse.ArgumentParser) -> None:
    _paths_argument(parser)


def brief_options(parser: argparse.ArgumentParser) -> None:
    _paths_argument(parser)
    _pair_option(parser)
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _no_cache_option(parser)


def evaluate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", metavar="GOLD.json", help="reference annotations")
    _paths_argument(parser)
    parser.add_argument(
        "--min",
        action="extend",
        nargs="+",
        default=[],
        metavar="METRIC=VALUE",
        help="fail (exit 1) when METRIC is below VALUE, e.g. --min pair=0.9 stmt_recall=0.85; repeatable",
    )
    parser.add_argument(
        "--split",
        metavar="NAME",
        help='judge only the gold entries whose "split" is NAME (e.g. tune, holdout; see docs/gold.md)',
    )
    _no_cache_option(parser)


def export_options(parser: argparse.ArgumentParser) -> None:
    _paths_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="folder to write to (default: export.directory of the config); '-' prints one --pair's brief",
    )
    _pair_option(parser)
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")
    _no_cache_option(parser)


def fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", metavar="URL", help="feed URLs (default: corpus.feeds)")


def index_options(parser: argparse.ArgumentParser) -> None:
    _paths_argument(parser)
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


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)")
    return int(value)


def serve_options(parser: argparse.ArgumentParser) -> None:
    _paths_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it differs from http://HOST:PORT (behind a reverse proxy)",
    )


def warn(message: object) -> None:
    """One `warning:` line; the message (a path, a URL, a server's words) cannot add lines or escapes."""
    print(f"warning: {safe(message)}", file=sys.stderr)


def warn_problem(problem: Problem) -> None:
    """The CLI's end of the core's problem channel (see `briefing.article.Problem`)."""
    warn(str(problem))


def say(message: object) -> None:
    """A line on standard error that names an untrusted thing (a file, a URL), made safe like warnings."""
    print(safe(message), file=sys.stderr)


def open_for(args: argparse.Namespace, config: Config) -> Briefing:
    """Ingest and analyse the command's paths, printing one warning line per bad input."""
    from briefing.analyze.nlp import ModelMissingError
    from briefing.corpus import open_corpus

    try:
        corpus = open_corpus(args.paths, config, use_cache=not getattr(args, "no_cache", False))
    except ModelMissingError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    for problem in corpus.problems:
        warn_problem(problem)
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
    say(f"wrote {output}")


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


def run_evaluate(args: argparse.Namespace, config: Config) -> int:
    import json

    from briefing.evaluate import gold_paths, parse_minimums, report, score, shortfalls, split_names
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
    if args.split is not None and args.split not in split_names(gold):
        names = ", ".join(split_names(gold)) or "none"
        raise CommandError(f"{gold_file}: no entry has split {args.split!r} (splits in this file: {names})", EXIT_USAGE)
    if not args.paths:
        args.paths = gold_paths(gold, gold_file, args.split)
    counts = score(gold, briefing_to_dict(open_for(args, config)), split=args.split)
    sys.stdout.write("".join(safe(line) + "\n" for line in report(counts).splitlines()))
    short = shortfalls(counts.metrics(), minimums)
    if short:
        print(f"below threshold: {', '.join(short)}", file=sys.stderr)
        return EXIT_NO_ARTICLES
    return EXIT_OK


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
        say(f"wrote {path}")
    if not result.written:
        raise CommandError(f"nothing written: every file already exists in {directory} (use --force to overwrite)")
    return EXIT_OK


def run_fetch(args: argparse.Namespace, config: Config) -> int:
    from briefing.ingest.fetch import fetch_feeds

    urls = list(args.urls) or config.feeds
    if not urls:
        raise CommandError("no feeds to fetch: give URLs or list them in corpus.feeds in the config file")
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise CommandError(f"not an http(s) URL: {bad[0]}")

    def progress(done: int, total: int, url: str) -> None:
        say(f"[{done}/{total}] {url}")

    articles, problems = fetch_feeds(
        urls, config.feed_dir, timeout=config.fetch_timeout, max_bytes=config.max_feed_bytes, progress=progress
    )
    for problem in problems:
        warn(str(problem))
    feeds = len(dict.fromkeys(urls))
    answered = len({article.source for article in articles})
    read = count(feeds, "feed") if answered == feeds else f"{answered} of {count(feeds, 'feed')}"
    print(f"{count(len(articles), 'article')} from {read}")
    return EXIT_OK if articles else EXIT_NO_ARTICLES


def run_index(args: argparse.Namespace, config: Config) -> int:
    import time
    from contextlib import closing

    from briefing.analyze.nlp import ModelMissingError
    from briefing.analyze.ray_engine import EngineError
    from briefing.corpus import Engine
    from briefing.indexing import IndexCounts, index

    if not config.get("cache", "enabled"):
        raise CommandError("cache.enabled is false in the config: there is no cache to index into", EXIT_USAGE)
    if args.workers is not None and args.workers < 1:
        raise CommandError(f"--workers must be 1 or more, not {args.workers}", EXIT_USAGE)
    engine = Engine(args.engine or str(config.get("analysis", "engine")), args.workers or 0, args.address)
    if engine.address and engine.name != "ray":
        raise CommandError("--address is for --engine ray", EXIT_USAGE)
    started = time.perf_counter()
    counts = IndexCounts()
    begin = time.perf_counter()
    printed = 0

    def lines(c: IndexCounts) -> None:
        nonlocal printed
        todo = c.todo
        if (c.analysed == todo and c.complete) or c.analysed >= printed + max(1, todo // 20):
            printed = c.analysed
            rate = c.words / max(time.perf_counter() - begin, 1e-9)
            print(f"analysed {c.analysed}/{todo} articles, {rate:,.0f} words/s", file=sys.stderr, flush=True)

    def run(progress: Callable[[IndexCounts], None]) -> None:
        with closing(index(args.paths, config, engine, on_problem=warn_problem, progress=progress, counts=counts)) as r:
            for _ in r:
                pass

    try:
        if sys.stderr.isatty():
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
                task = bar.add_task("analysing", total=None, rate="–")

                def rich_progress(c: IndexCounts) -> None:
                    rate = f"{c.words / max(time.perf_counter() - begin, 1e-9):,.0f}"
                    bar.update(task, completed=c.analysed, total=c.todo, rate=rate)

                run(rich_progress)
        else:
            run(lines)
    except (ModelMissingError, EngineError) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except KeyboardInterrupt:
        kept = counts.cached + counts.analysed
        of = count(counts.read, "article") if counts.read_all else f"the {count(counts.read, 'article')} read so far"
        print(f"interrupted: {kept} of {of} are cached; run again to finish", file=sys.stderr)
        return 130
    total, done, cached = counts.read, counts.analysed, counts.cached
    if not total:
        where = ", ".join(args.paths or config.default_inputs)
        raise CommandError(f"no usable article in {where}")
    elapsed = time.perf_counter() - started
    from briefing.cache import gave_up

    if gave_up(config):  # the warning above says why; claiming the work is stored would be false
        raise CommandError(
            f"analysed {count(done, 'article')}, but the cache could not keep them; {cached} of {total} are cached"
        )
    print(f"indexed {count(total, 'article')} ({done} analysed, {cached} already in the cache) in {elapsed:.1f} s")
    return EXIT_OK


def run_serve(args: argparse.Namespace, config: Config) -> int:
    from briefing.serve import PUBLIC_WARNING, ServeUnavailable, check_available, index_first, is_loopback, serve

    config_file = str(config.path) if config.path else None  # the visits read the file this run read
    try:
        check_available()
        if not is_loopback(args.host):
            warn(PUBLIC_WARNING.format(host=args.host))
        if config.get("cache", "enabled"):
            code = index_first(args.paths, config_file)  # once, so that every visit paints from the cache
            if code != EXIT_OK:
                return code
        else:
            warn("cache.enabled is false in the config: every visit analyses the articles again (and loads spaCy)")
        serve(args.paths, config_file=config_file, host=args.host, port=args.port, public_url=args.public_url)
    except ServeUnavailable as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except OSError as exc:  # the port is taken, the address is not this machine's
        raise CommandError(f"cannot serve on {args.host}:{args.port} ({exc.strerror or exc})", EXIT_USAGE) from exc
    return EXIT_OK


def run_app(args: argparse.Namespace, config: Config) -> int:
    try:
        from briefing.app import run
    except ImportError:
        raise CommandError(
            "the interactive reader is not available in this build; use `briefing brief` (see --help)", EXIT_USAGE
        ) from None
    return run(args.paths, config)


Handler = Callable[[argparse.Namespace, Config], int]


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, its help, its arguments and the function that runs it."""

    name: str
    help: str
    """One line, listed by `briefing --help`."""
    description: str
    """The paragraph `briefing NAME --help` starts with."""
    options: Callable[[argparse.ArgumentParser], None]
    """Adds the command's own arguments (the global ones, such as --config, are added for every command)."""
    handler: Handler


DEFAULT_COMMAND = "read"
"""The command run when the first word is not a command name: `briefing PATH...` opens the reader."""

COMMANDS: tuple[Command, ...] = (
    Command(
        "read",
        "open the reader (the default: `briefing PATH...` is `briefing read PATH...`)",
        "Open the reader on PATHs (default: corpus.paths, else the sample corpus).",
        read_options,
        run_app,
    ),
    Command(
        "brief",
        "print per-pair briefs (Markdown or JSON) without the app",
        "Print per-pair briefs without the app.",
        brief_options,
        run_brief,
    ),
    Command(
        "index",
        "analyse articles ahead of time into the cache",
        "Analyse articles ahead of time and keep the results in the cache, so the reader opens "
        "instantly. Only new or changed articles are analysed; Ctrl+C stops and keeps what was done.",
        index_options,
        run_index,
    ),
    Command(
        "fetch",
        "download the configured feeds for offline reading",
        "Download the configured feeds (corpus.feeds) and any feed URLs given, for offline reading.",
        fetch_options,
        run_fetch,
    ),
    Command(
        "export",
        "write one Markdown brief per pair, plus index.md, into a folder",
        "Write one Markdown brief per country pair, plus index.md linking them, into a folder. "
        "Existing files are never replaced without --force: they are skipped with a warning "
        "(exit 0; exit 1 when nothing at all could be written).",
        export_options,
        run_export,
    ),
    Command(
        "evaluate",
        "score the analysis against reference annotations",
        "Score the analysis against reference annotations (gold JSON, see README 'Evaluation').",
        evaluate_options,
        run_evaluate,
    ),
    Command(
        "serve",
        "serve the reader to web browsers (needs the serve extra)",
        "Serve the reader to web browsers (needs the serve extra: pip install 'briefing[serve]'). "
        "The PATHs are indexed first; each browser tab then runs its own reader on the cache. "
        "There is no login: keep the default loopback address, or put a proxy with authentication in front.",
        serve_options,
        run_serve,
    ),
)
"""Every subcommand, in the order `briefing --help` lists them. A new command is one entry here."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, built from COMMANDS: global options, then one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news articles by country pair: who said what, what happened when, and the trend. "
        "Without a command, opens the reader on PATHs (default: the sample corpus). To open a folder "
        "named like a command, write it as a path (./export) or after -- (briefing -- export).",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    _global_options(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        child = sub.add_parser(command.name, help=command.help, description=command.description)
        _global_options(child, default=argparse.SUPPRESS)
        command.options(child)
        child.set_defaults(handler=command.handler)
    return parser


def split_command(argv: Sequence[str]) -> list[str]:
    """argv with the command name made explicit: DEFAULT_COMMAND goes before the first word that is not one.

    Only the first word decides, so `briefing news/ export` reads two paths; `--` ends the global
    options, so `briefing -- export` reads the folder `export`.
    """
    names = {c.name for c in COMMANDS}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--":
            return [*argv[:i], DEFAULT_COMMAND, *argv[i:]]
        if word in GLOBAL_OPTIONS_WITH_VALUE:
            if i + 1 == len(argv):
                return list(argv)  # its value is missing: argparse says so
            i += 2
            continue
        if word.startswith("-"):
            if word in ("-h", "--help", "--version"):
                return list(argv)  # the top-level help or version, whatever follows
            i += 1
            continue
        if word in names:
            return list(argv)
        return [*argv[:i], DEFAULT_COMMAND, *argv[i:]]
    return [*argv, DEFAULT_COMMAND]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(split_command(argv))
        config = load_config(args.config)
        handler: Handler = args.handler
        return handler(args, config)
    except ConfigError as exc:
        say(f"briefing: error: {exc}")
        return EXIT_USAGE
    except CommandError as exc:
        say(f"briefing: error: {exc}")
        return exc.code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
