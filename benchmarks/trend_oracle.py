"""The trend measured apart from the pair: each gold article's trend computed with its GOLD pair.

usage: python benchmarks/trend_oracle.py [--show] [--split NAME ...] [--dump FILE] [--weak-alone X]

`briefing evaluate` scores the trend of the pair the program chose, so a wrong pair makes the trend
"unknown" and the trend code takes the blame. Here every article of tests/gold/pair_trend.json,
tests/gold/dev.json and ../shared/gold/seeds.json whose gold pair is set is parsed as the analyzer does
(`analyzer.trend_sentences`) and `trend.article_trend` is run with the gold pair.

Printed per split (pair_trend's tune / holdout / fresh / fresh2, then dev and seeds) and overall:
accuracy on the entries with a gold trend (the `trend` metric of evaluate), and how often an entry whose
gold trend is null ("says nothing of the direction") gets "unknown"; then a confusion table, gold rows
(null for no direction) by predicted columns. --show prints each miss with its evidence (a null entry
that gets a direction is a miss too) and confidence. --dump writes,
per article, what `benchmarks/fit_trend.py` fits on (the aggregated evidence and the gold label).
--weak-alone X runs with `trend.WEAK_ALONE` set to X (how it was fitted: the tune split, X from 0.3 to 1.5).
Needs ../shared and the spaCy model; no cache is read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.analyze import trend as trend_rules
from briefing.analyze.analyzer import trend_sentences
from briefing.analyze.nlp import load_pipeline
from briefing.analyze.trend import article_evidence, article_trend
from briefing.config import load_config
from briefing.evaluate import align, gold_paths
from briefing.ingest.load import load_articles

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLDS = (
    (REPO / "tests" / "gold" / "pair_trend.json", None),
    (REPO / "tests" / "gold" / "dev.json", "dev"),
    (SHARED / "gold" / "seeds.json", "seeds"),
)
LABELS = ("warming", "cooling", "mixed", "unknown")


@dataclass
class Case:
    split: str
    file: str
    title: str
    pair: tuple[str, str]
    gold: str | None
    predicted: str
    evidence: tuple[str, ...]
    features: dict[str, float]
    confidence: float = 0.0


def gold_inputs(gold_file: Path, gold: dict[str, Any]) -> list[str]:
    if gold.get("paths"):
        return gold_paths(gold, gold_file)
    return [str(SHARED / "seeds" / name) for name in gold["files"]]


def collect(splits: set[str] | None) -> list[Case]:
    config = load_config()
    nlp = load_pipeline(config.model)
    cases: list[Case] = []
    for gold_file, split_name in GOLDS:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        loaded = load_articles(gold_inputs(gold_file, gold), max_article_chars=config.max_article_chars)
        by_file: dict[str, list[Any]] = defaultdict(list)
        for article in loaded.articles:
            by_file[Path(article.source).name].append(article)
        for fname, entries in gold["files"].items():
            outs = by_file.get(fname, [])
            as_dicts = [{"title": a.title, "k": k} for k, a in enumerate(outs)]
            for entry, match in align(entries, as_dicts):
                split = split_name or entry.get("split") or "none"
                if not entry.get("pair") or (splits and split not in splits):
                    continue
                if match is None:
                    print(f"{fname}: no article for {entry['title'][:50]!r}", file=sys.stderr)
                    continue
                article = outs[match["k"]]
                pair = (entry["pair"][0], entry["pair"][1])
                sents, names = trend_sentences(nlp(article.body), nlp(article.title))
                trend = article_trend(sents, pair, article.published, names)
                features = article_evidence(sents, pair, article.published, names).features()
                cases.append(
                    Case(
                        split,
                        fname,
                        article.title,
                        pair,
                        entry.get("trend"),
                        trend.label,
                        trend.evidence,
                        features,
                        trend.confidence,
                    )
                )
    return cases


def report(cases: list[Case], show: bool) -> None:
    order = list(dict.fromkeys(c.split for c in cases))
    print(f"{'split':<9} {'trend acc':>16} {'null->unknown':>15}")
    for split in [*order, "all"]:
        chosen = [c for c in cases if split in ("all", c.split)]
        labelled = [c for c in chosen if c.gold]
        null = [c for c in chosen if not c.gold]
        ok = sum(c.predicted == c.gold for c in labelled)
        quiet = sum(c.predicted == "unknown" for c in null)
        acc = f"{ok / len(labelled):.2f} ({ok}/{len(labelled)})" if labelled else "-"
        unk = f"{quiet / len(null):.2f} ({quiet}/{len(null)})" if null else "-"
        print(f"{split:<9} {acc:>16} {unk:>15}")
    confusion = Counter((c.gold or "null", c.predicted) for c in cases)
    print("\ngold \\ predicted " + "".join(f"{p:>9}" for p in LABELS))
    for g in ("warming", "cooling", "mixed", "null"):
        print(f"{g:<17}" + "".join(f"{confusion[(g, p)]:>9}" for p in LABELS))
    if show:
        print()
        for c in cases:
            if c.predicted != (c.gold or "unknown"):
                print(
                    f"[{c.split}] {c.file} {'-'.join(c.pair)}: {c.predicted} ({c.confidence:.2f}) != gold "
                    f"{c.gold or 'null'}  {c.title[:60]}"
                )
                for e in c.evidence:
                    print(f"      {e[:150]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each miss with its evidence")
    parser.add_argument("--split", action="append", help="only these splits (tune, holdout, fresh, fresh2, dev, seeds)")
    parser.add_argument("--dump", help="write the per-article evidence features and gold labels as JSON")
    parser.add_argument("--weak-alone", type=float, help="run with this trend.WEAK_ALONE (to fit it)")
    args = parser.parse_args()
    if args.weak_alone is not None:
        trend_rules.WEAK_ALONE = args.weak_alone
    cases = collect(set(args.split) if args.split else None)
    report(cases, args.show)
    if args.dump:
        rows = [
            {
                "split": c.split,
                "file": c.file,
                "title": c.title,
                "gold": c.gold,
                "predicted": c.predicted,
                "confidence": c.confidence,
                "features": c.features,
            }
            for c in cases
        ]
        Path(args.dump).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
