"""Score the ranked key statements and the lead of `briefing brief` against hand-marked gold (issue 14).

The gold (tests/gold/key_statements.json, format in docs/gold-key-statements.md) marks, for each country pair
of a given set of inputs, the 5 statements a desk analyst would keep and the sentences that say what happened.
This script runs `briefing brief INPUTS --format json` once per distinct input set (or reads JSON given with
--brief-json) and prints, per pair and averaged:

- precision@5: of the top k ranked statements (k = min(5, marked statements)), the fraction that match a
  marked statement, each marked statement crediting at most one ranked statement (so an unmerged repeat
  of a quote does not count twice);
- recall: the fraction of marked statements found anywhere in the pair's list;
- lead hit-rate: the fraction of the brief's lead sentences that contain a marked lead fragment or a
  marked key statement (n/a while the program has no "lead");
- precision@5 over the pairs the program finds (a gold pair the analysis no longer forms scores 0 above),
  and over the marked statements it lists (k = min(5, marked statements found anywhere in the list)): what
  the ranking alone is answerable for, apart from pairing and extraction.

Statements are ordered by their "rank" (1-based), or by list order when the output has no rank (the program
before issue 14), which gives the unranked baseline. Not a test: it prints figures.

    python benchmarks/score_brief.py tests/gold/key_statements.json
    python benchmarks/score_brief.py tests/gold/key_statements.json --only seeds
    python benchmarks/score_brief.py tests/gold/key_statements.json --split heldout   # tune on dev only
    python benchmarks/score_brief.py GOLD.json --brief-json /tmp/bbc.json --brief-json /tmp/seeds.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TOP_K = 5

_QUOTE_MARKS = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_QUOTES = str.maketrans({c: " " for c in _QUOTE_MARKS})
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case word tokens, with quotes, apostrophes and punctuation dropped, so that a fragment copied
    from the article matches whatever quote style or spacing the program keeps."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _WORD.findall(text)


def contains_words(haystack: str, needle: str) -> bool:
    """True when the words of `needle` occur, contiguous and in order, in `haystack`."""
    wanted = words(needle)
    if not wanted:
        return False
    return f" {' '.join(wanted)} " in f" {' '.join(words(haystack))} "


def same_speaker(marked: str, listed: str | None) -> bool:
    """The marked speaker ("Lavrov", "Russian foreign ministry") names the listed one ("Sergey Lavrov")."""
    return listed is not None and contains_words(listed, marked)


def matches(marked: dict[str, str], statement: dict[str, Any]) -> bool:
    """A listed statement is the marked one: same speaker (the real one, or the name the program is known to
    give it, "speaker_as_listed", so that a wrong attribution does not hide a right rank) and the marked
    fragment inside its text."""
    speakers = [marked["speaker"]] + ([marked["speaker_as_listed"]] if marked.get("speaker_as_listed") else [])
    listed = statement.get("speaker")
    return any(same_speaker(name, listed) for name in speakers) and contains_words(
        str(statement.get("text", "")), marked["fragment"]
    )


def ranked(statements: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements in rank order; list order when there is no rank (the unranked program)."""
    if statements and all(isinstance(s.get("rank"), int) for s in statements):
        return sorted(statements, key=lambda s: int(s["rank"]))
    return list(statements)


@dataclass
class PairScore:
    """The figures of one gold entry against one pair object of the program's JSON."""

    pair: str
    inputs: tuple[str, ...]
    listed: int = 0
    k: int = 0
    hits: int = 0
    found: int = 0
    marked: int = 0
    lead_sentences: int | None = None
    lead_hits: int = 0
    missing: list[dict[str, str]] = field(default_factory=list)
    pair_found: bool = True
    k_listed: int = 0
    """min(5, marked statements the program lists): the top k a ranking alone could fill with marked ones."""
    hits_listed: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.k if self.k else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.marked if self.marked else 0.0

    @property
    def lead_rate(self) -> float | None:
        if not self.lead_sentences:
            return None
        return self.lead_hits / self.lead_sentences


def hits_in_top(marked: list[dict[str, str]], statements: list[dict[str, Any]], k: int) -> int:
    """How many of the first `k` statements match a marked one, each marked statement matched once."""
    unused = list(marked)
    hits = 0
    for statement in statements[:k]:
        hit = next((m for m in unused if matches(m, statement)), None)
        if hit is not None:
            unused.remove(hit)
            hits += 1
    return hits


def score_pair(entry: dict[str, Any], pair_object: dict[str, Any] | None) -> PairScore:
    """Score one gold entry; a pair the program did not find scores 0 with every statement missing."""
    marked: list[dict[str, str]] = entry["key_statements"]
    result = PairScore(entry["pair"], tuple(entry["inputs"]), marked=len(marked))
    result.k = min(TOP_K, len(marked))
    if pair_object is None:
        result.pair_found = False
        result.missing = list(marked)
        return result
    statements = ranked(pair_object.get("statements", []))
    result.listed = len(statements)
    result.hits = hits_in_top(marked, statements, result.k)
    for m in marked:
        if any(matches(m, s) for s in statements):
            result.found += 1
        else:
            result.missing.append(m)
    result.k_listed = min(TOP_K, result.found)
    result.hits_listed = hits_in_top(marked, statements, result.k_listed)
    lead = pair_object.get("lead")
    if isinstance(lead, list):
        fragments = list(entry.get("lead", [])) + [m["fragment"] for m in marked]
        result.lead_sentences = len(lead)
        result.lead_hits = sum(
            1 for sentence in lead if any(contains_words(str(sentence.get("text", "")), f) for f in fragments)
        )
    return result


def pair_key(pair_object: dict[str, Any]) -> str | None:
    codes = pair_object.get("pair")
    return "-".join(codes) if isinstance(codes, list) and codes else None


def pairs_by_key(brief: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {key: p for p in brief.get("pairs", []) if (key := pair_key(p)) is not None}


def score_brief(entries: Iterable[dict[str, Any]], brief: dict[str, Any]) -> list[PairScore]:
    """Score the entries that share one input set against the program's JSON for that set."""
    found = pairs_by_key(brief)
    return [score_pair(entry, found.get(entry["pair"])) for entry in entries]


def input_groups(entries: Iterable[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Entries grouped by identical inputs, so that each input set is analysed once."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for entry in entries:
        groups.setdefault(tuple(entry["inputs"]), []).append(entry)
    return groups


def run_brief(
    inputs: Sequence[str], pairs: Sequence[str], command: Sequence[str], shared: Path, cache: Path
) -> dict[str, Any]:
    """`briefing brief INPUTS --format json` with its own cache and no user config."""
    paths = [str(shared / p) for p in inputs]
    # Every pair, not `--pair` for each gold one: a gold pair the analysis no longer forms must score 0, not
    # stop the run ("no articles for pair ...").
    selection: list[str] = []
    env = dict(os.environ, XDG_CACHE_HOME=str(cache / "cache"), XDG_CONFIG_HOME=str(cache / "config"))
    env.pop("BRIEFING_CONFIG", None)
    done = subprocess.run(
        [*command, "brief", *paths, *selection, "--format", "json"],
        capture_output=True, text=True, env=env, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"briefing brief {' '.join(inputs)} failed ({done.returncode}): {done.stderr[-2000:]}")
    brief: dict[str, Any] = json.loads(done.stdout)
    return brief


def sources_under(brief: dict[str, Any], inputs: Sequence[str], shared: Path) -> bool:
    """The JSON was made from these inputs: every article source lies under one of them."""
    roots = [(shared / p).resolve() for p in inputs]
    sources = [Path(str(a.get("source", ""))).resolve() for a in brief.get("articles", [])]
    return bool(sources) and all(any(s == r or r in s.parents for r in roots) for s in sources)


def format_rate(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def report(scores: Sequence[PairScore], out: Any = sys.stdout) -> dict[str, float | None]:
    """Print per pair and micro/macro averages; return the averages."""
    print(f"{'pair':9} {'inputs':34} {'listed':>6} {'p@5':>5} {'recall':>6} {'lead':>5}  missing", file=out)
    for s in scores:
        where = "+".join(s.inputs)
        missing = "pair not found" if not s.pair_found else "; ".join(
            f"{m['speaker']}: {m['fragment'][:30]}" for m in s.missing
        )
        print(
            f"{s.pair:9} {where[:34]:34} {s.listed:6d} {s.precision:5.2f} {s.recall:6.2f} "
            f"{format_rate(s.lead_rate)}  {missing}",
            file=out,
        )
    k = sum(s.k for s in scores)
    marked = sum(s.marked for s in scores)
    leads = [s for s in scores if s.lead_sentences]
    lead_total = sum(s.lead_sentences or 0 for s in leads)
    found = [s for s in scores if s.pair_found]
    k_found = sum(s.k for s in found)
    k_listed = sum(s.k_listed for s in scores)
    averages: dict[str, float | None] = {
        "precision_micro": sum(s.hits for s in scores) / k if k else 0.0,
        "precision_found_pairs": sum(s.hits for s in found) / k_found if k_found else 0.0,
        "precision_listed": sum(s.hits_listed for s in scores) / k_listed if k_listed else 0.0,
        "precision_macro": sum(s.precision for s in scores) / len(scores) if scores else 0.0,
        "recall_micro": sum(s.found for s in scores) / marked if marked else 0.0,
        "lead_micro": sum(s.lead_hits for s in leads) / lead_total if lead_total else None,
        "lead_macro": sum(s.lead_rate or 0.0 for s in leads) / len(leads) if leads else None,
    }
    print(
        f"{len(scores)} pairs: precision@5 micro {averages['precision_micro']:.2f} "
        f"macro {averages['precision_macro']:.2f}; recall micro {averages['recall_micro']:.2f}; "
        f"lead hit-rate micro {format_rate(averages['lead_micro']).strip()} "
        f"macro {format_rate(averages['lead_macro']).strip()}",
        file=out,
    )
    print(
        f"precision@5 over the {len(found)} pairs the program finds {averages['precision_found_pairs']:.2f}; "
        f"over the marked statements it lists (k = min(5, listed marked)) {averages['precision_listed']:.2f}",
        file=out,
    )
    return averages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold file, e.g. tests/gold/key_statements.json")
    parser.add_argument("--briefing-cmd", default=f"{shlex.quote(sys.executable)} -m briefing",
                        help="command that runs the program (default: this Python's -m briefing)")
    parser.add_argument("--brief-json", type=Path, action="append", default=[],
                        help="use this `briefing brief --format json` output for the entries whose inputs "
                        "it was made from, instead of running the program (repeatable)")
    parser.add_argument("--only", help="only entries whose inputs start with this (e.g. seeds, corpora/bbc)")
    parser.add_argument("--split", choices=["dev", "heldout", "fresh", "fresh2"],
                        help="only the entries of this split (tune on dev, report heldout, fresh, fresh2)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder the gold's inputs are relative to")
    parser.add_argument("--cache-dir", type=Path, help="keep the program's cache here between runs")
    parser.add_argument("--json-out", type=Path, help="also write the per-pair figures as JSON")
    args = parser.parse_args(argv)

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    entries = [
        e for e in gold["pairs"]
        if (args.only is None or any(p.startswith(args.only) for p in e["inputs"]))
        and (args.split is None or e.get("split", "dev") == args.split)
    ]
    given = [json.loads(p.read_text(encoding="utf-8")) for p in args.brief_json]
    scores: list[PairScore] = []
    with tempfile.TemporaryDirectory(prefix="score-brief-") as temp:
        cache = args.cache_dir or Path(temp)
        for inputs, group in input_groups(entries).items():
            brief = next((b for b in given if sources_under(b, inputs, args.shared)), None)
            if brief is None:
                print(f"running briefing brief on {' '.join(inputs)} ...", file=sys.stderr, flush=True)
                brief = run_brief(inputs, [e["pair"] for e in group], shlex.split(args.briefing_cmd),
                                  args.shared, cache)
            scores.extend(score_brief(group, brief))
    averages = report(scores)
    if args.json_out:
        rows = [{"pair": s.pair, "inputs": list(s.inputs), "listed": s.listed, "precision_at_5": s.precision,
                 "recall": s.recall, "lead_hit_rate": s.lead_rate, "missing": s.missing} for s in scores]
        args.json_out.write_text(json.dumps({"pairs": rows, "averages": averages}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
