"""Scoring the analysis against hand-made reference annotations (the gold format of shared/gold/seeds.json).

Pure functions on JSON-schema dicts, so the metrics can be unit-tested without spaCy. The definitions
follow shared/tools/score.py exactly: articles are aligned to gold entries by title within a file;
statement recall counts gold fragments found inside an extracted statement; speaker accuracy is over
the found ones; date precision only judges mentions whose text writes a year. An entry judges only what it
annotates: without a "dates" key its article's dates are not judged at all, so a gold that labels only pair
and trend (tests/gold/pair_trend.json) is scored on pair and trend alone. Entries may carry a "split" name
("tune", "holdout"): scoring one split judges only its entries, so rules tuned on one half can be
measured on the other (docs/gold.md).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUOTES = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "}
METRICS = (
    "split",
    "found",
    "pair",
    "stmt_recall",
    "stmt_speaker",
    "date_recall",
    "date_precision",
    "debris",
    "trend",
    "also_pairs",
)
_YEAR_WRITTEN = re.compile(r"\b(1[5-9]|20)\d\d\b")

Json = dict[str, Any]


def norm(text: str) -> str:
    """Quote styles, spacing and case do not count against a fragment."""
    for a, b in QUOTES.items():
        text = text.replace(a, b)
    text = text.replace("\\!", "!")
    return re.sub(r"\s+", " ", text).strip().lower()


def align(gold_articles: list[Json], out_articles: list[Json]) -> list[tuple[Json, Json | None]]:
    """Each gold article with the unused output article of its file whose title is closest (or None)."""
    pairs: list[tuple[Json, Json | None]] = []
    used: set[int] = set()
    for g in gold_articles:
        best, best_r = None, 0.0
        for i, o in enumerate(out_articles):
            if i in used:
                continue
            r = difflib.SequenceMatcher(None, norm(g["title"]), norm(o.get("title") or "")).ratio()
            if r > best_r:
                best, best_r = i, r
        if best is not None and (best_r >= 0.5 or len(gold_articles) == len(out_articles) == 1):
            used.add(best)
            pairs.append((g, out_articles[best]))
        else:
            pairs.append((g, None))
    return pairs


@dataclass
class Counts:
    """Numerators and denominators of every metric, plus one line per miss."""

    files: int = 0
    split_ok: int = 0
    articles: int = 0
    found: int = 0
    pair_ok: int = 0
    st_gold: int = 0
    st_found: int = 0
    st_attr: int = 0
    d_gold: int = 0
    d_hit: int = 0
    d_out: int = 0
    d_out_ok: int = 0
    debris: int = 0
    debris_ok: int = 0
    trend_n: int = 0
    trend_ok: int = 0
    also_n: int = 0
    also_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "split": ratio(self.split_ok, self.files),
            "found": ratio(self.found, self.articles),
            "pair": ratio(self.pair_ok, self.articles),
            "stmt_recall": ratio(self.st_found, self.st_gold),
            "stmt_speaker": ratio(self.st_attr, self.st_found),
            "date_recall": ratio(self.d_hit, self.d_gold),
            "date_precision": ratio(self.d_out_ok, self.d_out),
            "debris": ratio(self.debris_ok, self.debris),
            "trend": ratio(self.trend_ok, self.trend_n),
            "also_pairs": ratio(self.also_ok, self.also_n),
        }


def score_article(fname: str, g: Json, o: Json, c: Counts) -> None:
    """Add one aligned (gold, output) article to the counts."""
    c.found += 1
    want = sorted(g["pair"]) if g.get("pair") else None
    got = sorted(o["pair"]) if o.get("pair") else None
    if want == got:
        c.pair_ok += 1
    else:
        c.misses.append(f"{fname}: pair {got} != gold {want}")
    if g.get("trend"):
        c.trend_n += 1
        if o.get("trend") == g["trend"]:
            c.trend_ok += 1
        else:
            c.misses.append(f"{fname}: trend {o.get('trend')} != gold {g['trend']}")
    got_pairs = {tuple(sorted(p)) for p in o.get("pairs") or [] if p}
    for ap in g.get("also_pairs") or []:
        c.also_n += 1
        if tuple(sorted(ap)) in got_pairs:
            c.also_ok += 1
        else:
            c.misses.append(f"{fname}: secondary pair missed {sorted(ap)}")
    stmts = [(norm(s.get("text", "")), norm(s.get("speaker") or "")) for s in o.get("statements", [])]
    for s in g.get("statements", []):
        c.st_gold += 1
        frag, who = norm(s["fragment"]), norm(s["speaker"])
        hits = [sp for t, sp in stmts if frag in t]
        if not hits:
            c.misses.append(f"{fname}: statement not found: '{s['fragment'][:50]}' ({s['speaker']})")
            continue
        c.st_found += 1
        if any(who in sp for sp in hits):
            c.st_attr += 1
        else:
            c.misses.append(f"{fname}: '{s['fragment'][:40]}' speaker {hits[0]!r} != {s['speaker']!r}")
    if "dates" in g:
        score_dates(fname, set(g["dates"]), o, c)
    body = o.get("body") or ""
    for junk in g.get("must_not_appear", []):
        c.debris += 1
        if junk not in body:
            c.debris_ok += 1
        else:
            c.misses.append(f"{fname}: debris left: {junk[:40]!r}")


def score_dates(fname: str, gold_dates: set[str], o: Json, c: Counts) -> None:
    """Date recall and precision of one article whose gold lists its dates."""
    got_dates = {d["value"] for d in o.get("dates", []) if d.get("value")}
    c.d_gold += len(gold_dates)
    c.d_hit += len(gold_dates & got_dates)
    absolute = {d["value"] for d in o.get("dates", []) if d.get("value") and _YEAR_WRITTEN.search(d.get("text") or "")}
    for v in sorted(absolute):
        c.d_out += 1
        if v in gold_dates:
            c.d_out_ok += 1
        else:
            c.misses.append(f"{fname}: extra date {v}")
    for m in sorted(gold_dates - got_dates):
        c.misses.append(f"{fname}: date missed {m}")


def in_split(entry: Json, split: str | None) -> bool:
    """Whether a gold entry belongs to the named split (every entry does when no split is named)."""
    return split is None or entry.get("split") == split


def split_names(gold: Json) -> list[str]:
    """The split names the gold's entries carry, sorted."""
    return sorted({str(g["split"]) for arts in gold["files"].values() for g in arts if g.get("split")})


def score(gold: Json, output: Json, only_files: set[str] | None = None, split: str | None = None) -> Counts:
    """Counts of the output (a schema-1 brief dict) against a gold dict.

    `only_files` limits the files judged; `split` limits the entries judged to those of that split. All
    of a file's entries are still aligned and still count in the articles-per-file check, so an entry is
    matched to the same output article whichever split is judged.
    """
    by_file: dict[str, list[Json]] = {}
    for a in output.get("articles", []):
        by_file.setdefault(Path(a.get("source", "")).name, []).append(a)
    c = Counts()
    for fname, gold_articles in gold["files"].items():
        if only_files is not None and fname not in only_files:
            continue
        if not any(in_split(g, split) for g in gold_articles):
            continue
        c.files += 1
        outs = by_file.get(fname, [])
        if len(outs) == len(gold_articles):
            c.split_ok += 1
        for g, o in align(gold_articles, outs):
            if not in_split(g, split):
                continue
            c.articles += 1
            if o is None:
                c.misses.append(f"{fname}: no output article for '{g['title'][:50]}'")
                c.st_gold += len(g.get("statements", []))
                c.d_gold += len(g.get("dates", []))
                continue
            score_article(fname, g, o, c)
    return c


def parse_minimums(items: list[str]) -> dict[str, float]:
    """`metric=value` pairs; raises ValueError naming the bad one."""
    result: dict[str, float] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in METRICS:
            raise ValueError(f"bad --min {item!r}: expected METRIC=VALUE with METRIC one of {', '.join(METRICS)}")
        try:
            result[key] = float(value)
        except ValueError:
            raise ValueError(f"bad --min {item!r}: {value!r} is not a number") from None
    return result


def shortfalls(metrics: dict[str, float], minimums: dict[str, float]) -> list[str]:
    """Metrics below their threshold."""
    return [k for k, v in minimums.items() if metrics.get(k, 0.0) + 1e-9 < v]


def gold_paths(gold: Json, gold_file: Path, split: str | None = None) -> list[str]:
    """Inputs named by the gold's "paths" key, relative to the shared root above the gold's folder.

    With a `split`, only the files holding an entry of that split are read.

    The shared root is the nearest ancestor folder of the gold file that holds every listed path
    (for a gold in shared/gold/ that is shared/); a path found nowhere is resolved against the gold
    file's own folder.
    """
    paths: dict[str, str] = gold.get("paths") or {}
    if split is not None:
        files = gold.get("files") or {}
        paths = {k: v for k, v in paths.items() if any(in_split(g, split) for g in files.get(k, []))}
    folder = gold_file.resolve().parent
    roots = [folder, *folder.parents]
    result: list[str] = []
    for rel in paths.values():
        for root in roots:
            if (root / rel).exists():
                result.append(str(root / rel))
                break
            shared = root / "shared" / rel
            if shared.exists():
                result.append(str(shared))
                break
        else:
            result.append(str(folder / rel))
    return result


def report(c: Counts, *, max_misses: int = 200) -> str:
    """Each miss, then one line per metric with its counts."""
    lines = [f"  miss: {m}" for m in c.misses[:max_misses]]
    if len(c.misses) > max_misses:
        lines.append(f"  ... {len(c.misses) - max_misses} more")
    m = c.metrics()
    counts = {
        "split": (c.split_ok, c.files),
        "found": (c.found, c.articles),
        "pair": (c.pair_ok, c.articles),
        "stmt_recall": (c.st_found, c.st_gold),
        "stmt_speaker": (c.st_attr, c.st_found),
        "date_recall": (c.d_hit, c.d_gold),
        "date_precision": (c.d_out_ok, c.d_out),
        "debris": (c.debris_ok, c.debris),
        "trend": (c.trend_ok, c.trend_n),
        "also_pairs": (c.also_ok, c.also_n),
    }
    for key in METRICS:
        a, b = counts[key]
        lines.append(f"{key:<15} {m[key]:.2f}  ({a}/{b})")
    return "\n".join(lines) + "\n"
