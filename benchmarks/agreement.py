"""How far two annotators of key statements agree, and how the ranking scores against each (issue 14).

The precision@5 goal of the ranking only means something beside what a second reader would score: two desk
analysts marking the five key statements of the same pair, each blind to the other, do not pick the same
five. This script takes two gold files of the format of tests/gold/key_statements.json (the first reader's
and a second reader's marks of the same pairs) and one `briefing brief --format json` output per input set
(the listing both readers marked), finds the listed statement each mark names (`score_brief.matches`), and
prints per pair and in total:

- agreement: statements both readers marked, over min(5, the first reader's marks found in the listing):
  the precision@5 the second reader's five would score against the first reader's gold if they were a
  ranking (and the reverse, over the second reader's);
- the program's precision@5 against the first reader, the second reader, and either of them (a ranked
  statement counts when either reader marked it; k as above, so a mark the listing lacks does not count
  against the program here as it does in score_brief.py);
- chance: the precision@5 a random order of the listed statements scores on average against the first
  reader (marked statements found over statements listed).

Not a test: it prints figures.

    python benchmarks/agreement.py tests/gold/key_statements.json tests/gold/key_statements_second.json \
        --brief-json BBC.json [--split fresh]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_brief import SHARED, TOP_K, matches, pairs_by_key, ranked, sources_under


def marked_indexes(marks: Sequence[dict[str, str]], statements: Sequence[dict[str, Any]]) -> set[int]:
    """The listed statements the marks name, each mark naming the first listed statement it matches."""
    found: set[int] = set()
    for mark in marks:
        index = next((i for i, s in enumerate(statements) if i not in found and matches(mark, s)), None)
        if index is not None:
            found.add(index)
    return found


@dataclass(frozen=True)
class PairAgreement:
    pair: str
    split: str
    listed: int
    first: frozenset[int]
    second: frozenset[int]
    top: tuple[int, ...]
    """The program's top k (k = min(5, first reader's marks)), as indexes into the listing."""

    @property
    def k(self) -> int:
        return min(TOP_K, len(self.first))

    @property
    def k_second(self) -> int:
        return min(TOP_K, len(self.second))

    @property
    def both(self) -> int:
        return len(self.first & self.second)


def agree_pair(first: dict[str, Any], second: dict[str, Any], pair_object: dict[str, Any]) -> PairAgreement:
    listing = list(pair_object.get("statements", []))
    order = ranked(listing)
    position = {id(s): i for i, s in enumerate(listing)}
    a = frozenset(marked_indexes(first["key_statements"], listing))
    b = frozenset(marked_indexes(second["key_statements"], listing))
    k = min(TOP_K, len(a))
    return PairAgreement(
        first["pair"], first.get("split", "dev"), len(listing), a, b, tuple(position[id(s)] for s in order[:k])
    )


def report(rows: Sequence[PairAgreement], out: Any = sys.stdout) -> dict[str, float]:
    """Per pair and pooled (micro) figures; returns the pooled ones."""
    print(f"{'pair':9} {'split':8} {'listed':>6} {'A':>2} {'B':>2} {'both':>4}  {'B vs A':>6} {'A vs B':>6}  "
          f"{'prog/A':>6} {'prog/B':>6} {'prog/either':>11} {'chance/A':>8}", file=out)
    for r in rows:
        print(
            f"{r.pair:9} {r.split:8} {r.listed:6d} {len(r.first):2d} {len(r.second):2d} {r.both:4d}  "
            f"{r.both / r.k if r.k else 0:6.2f} {r.both / r.k_second if r.k_second else 0:6.2f}  "
            f"{len(set(r.top) & r.first) / r.k if r.k else 0:6.2f} "
            f"{len(set(r.top[: r.k_second]) & r.second) / r.k_second if r.k_second else 0:6.2f} "
            f"{len(set(r.top) & (r.first | r.second)) / r.k if r.k else 0:11.2f} "
            f"{len(r.first) / r.listed if r.listed else 0:8.2f}",
            file=out,
        )
    k = sum(r.k for r in rows)
    k_second = sum(r.k_second for r in rows)
    figures = {
        "second_vs_first": sum(r.both for r in rows) / k if k else 0.0,
        "first_vs_second": sum(r.both for r in rows) / k_second if k_second else 0.0,
        "program_vs_first": sum(len(set(r.top) & r.first) for r in rows) / k if k else 0.0,
        "program_vs_second": sum(len(set(r.top[: r.k_second]) & r.second) for r in rows) / k_second
        if k_second else 0.0,
        "program_vs_either": sum(len(set(r.top) & (r.first | r.second)) for r in rows) / k if k else 0.0,
        "chance_vs_first": sum(r.k * len(r.first) / r.listed for r in rows if r.listed) / k if k else 0.0,
    }
    print(
        f"{len(rows)} pairs: readers agree {figures['second_vs_first']:.2f} (second's marks scored against the "
        f"first's; {figures['first_vs_second']:.2f} the other way); program precision@5 against the first "
        f"{figures['program_vs_first']:.2f}, the second {figures['program_vs_second']:.2f}, either "
        f"{figures['program_vs_either']:.2f}; chance against the first {figures['chance_vs_first']:.2f}",
        file=out,
    )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the first reader's gold (tests/gold/key_statements.json)")
    parser.add_argument("second", type=Path, help="the second reader's marks of some of the same pairs")
    parser.add_argument("--brief-json", type=Path, action="append", required=True,
                        help="`briefing brief --format json` output of an input set (repeatable)")
    parser.add_argument("--split", help="only the first reader's entries of this split")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder the gold's inputs are relative to")
    args = parser.parse_args(argv)

    first = json.loads(args.first.read_text(encoding="utf-8"))["pairs"]
    second = {(e["pair"], tuple(e["inputs"])): e for e in json.loads(args.second.read_text(encoding="utf-8"))["pairs"]}
    briefs = [json.loads(p.read_text(encoding="utf-8")) for p in args.brief_json]
    rows: list[PairAgreement] = []
    for entry in first:
        other = second.get((entry["pair"], tuple(entry["inputs"])))
        if other is None or (args.split and entry.get("split", "dev") != args.split):
            continue
        brief = next((b for b in briefs if sources_under(b, entry["inputs"], args.shared)), None)
        pair_object = pairs_by_key(brief).get(entry["pair"]) if brief is not None else None
        if pair_object is None:
            print(f"{entry['pair']}: no listing for {' '.join(entry['inputs'])}; skipped", file=sys.stderr)
            continue
        rows.append(agree_pair(entry, other, pair_object))
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
