"""Score the people lists of `briefing brief` against hand-marked gold: who in a pair's list is a person.

The gold (tests/gold/people.json, format in docs/gold-people.md) takes every entry a pair's people list
had when it was marked and says which are people, which are not (a firm, a band, a place, a photo credit
read as a name), which entries are one person written twice, and which were written wrongly (a name with a
fragment of the sentence after it). This script reads `briefing brief INPUT --format json` (run here, or
given with --brief-json, one per input) and prints, per split:

- precision: of the entries listed, the share that are a person, listed once and written as a name
  (a second entry for one person, a non-person and a wrongly written name each count against it);
- recall: of the people the gold knows, the share still listed (in any spelling);
- the counts behind both, and every entry the gold does not know (a new spelling or a new entry), which
  counts against precision until it is marked.

    python benchmarks/score_people.py tests/gold/people.json
    python benchmarks/score_people.py tests/gold/people.json --brief-json bbc.json --brief-json seeds.json …
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_brief import run_brief, sources_under, words  # one definition of each

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def name_key(name: str) -> tuple[str, ...]:
    return tuple(words(name))


@dataclass
class Tally:
    listed: int = 0
    right: int = 0
    not_people: int = 0
    repeated: int = 0
    ill_written: int = 0
    unknown: list[str] = field(default_factory=list)
    known_people: int = 0
    kept_people: int = 0

    def add(self, other: Tally) -> None:
        for name in ("listed", "right", "not_people", "repeated", "ill_written", "known_people", "kept_people"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unknown += other.unknown

    @property
    def precision(self) -> float:
        return self.right / self.listed if self.listed else 0.0

    @property
    def recall(self) -> float:
        return self.kept_people / self.known_people if self.known_people else 0.0


def score_pair(entry: dict[str, Any], listed: Sequence[str]) -> Tally:
    """One pair's list against its gold entry. A person is one group of `same` names; an entry is that person
    by its exact written form (`written` maps a wrong one to the person) or by its words."""
    groups: dict[str, int] = {}
    for i, name in enumerate(entry["people"]):
        groups[name] = i
    for same in entry["same"]:
        first = next((groups[n] for n in same if n in groups), None)
        for n in same:
            if first is not None and n in groups:
                groups[n] = first
    by_words = {name_key(n): g for n, g in groups.items()}
    not_people = {name_key(n) for n in entry["not_people"]}
    unsure = {name_key(n) for n in entry.get("unsure", [])}
    written: dict[str, str] = entry.get("written", {})
    tally = Tally(known_people=len(set(groups.values())))
    seen: set[int] = set()
    for name in listed:
        key = name_key(name)
        if key in unsure:
            continue
        tally.listed += 1
        group = groups.get(written[name]) if name in written else by_words.get(key)
        if group is None:
            if key in not_people:
                tally.not_people += 1
            else:
                tally.unknown.append(name)
            continue
        if group in seen:
            tally.repeated += 1
        elif name in written:
            tally.ill_written += 1
        else:
            tally.right += 1
        seen.add(group)
    tally.kept_people = len(seen)
    return tally


def pair_name(codes: Any) -> str:
    return "-".join(codes) if codes else "Other"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument(
        "--brief-json",
        action="append",
        default=[],
        type=Path,
        help="a brief JSON of one gold input (matched by its articles' sources)",
    )
    parser.add_argument("--show", action="store_true", help="print every pair's tally")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["pairs"]
    given = [json.loads(p.read_text(encoding="utf-8")) for p in args.brief_json]
    briefs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="score-people-") as cache:
        for inp in dict.fromkeys(e["input"] for e in gold):
            match = next((b for b in given if sources_under(b, [inp], SHARED)), None)
            command = [sys.executable, "-m", "briefing"]
            briefs[inp] = match if match is not None else run_brief([inp], [], command, SHARED, Path(cache))
    splits: dict[str, Tally] = {}
    for entry in gold:
        pairs = {pair_name(p["pair"]): p for p in briefs[entry["input"]]["pairs"]}
        found = pairs.get(pair_name(entry["pair"]))
        tally = score_pair(entry, [q["name"] for q in found["people"]] if found else [])
        splits.setdefault(entry["split"], Tally()).add(tally)
        splits.setdefault("all", Tally()).add(tally)
        if args.show:
            print(
                f"{entry['input']:22} {pair_name(entry['pair']):8} listed {tally.listed:3} right {tally.right:3} "
                f"not {tally.not_people:2} twice {tally.repeated:2} ill {tally.ill_written} "
                f"kept {tally.kept_people}/{tally.known_people}"
            )
    for split, t in sorted(splits.items(), key=lambda item: item[0] == "all"):
        print(
            f"{split}: people precision {t.precision:.2f} ({t.right} of {t.listed} listed; {t.not_people} not "
            f"people, {t.repeated} listed twice, {t.ill_written} ill-written, {len(t.unknown)} unmarked); "
            f"recall {t.recall:.2f} ({t.kept_people} of {t.known_people} people)"
        )
        if t.unknown and split != "all":
            print(f"  unmarked ({split}): " + "; ".join(t.unknown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
