"""Would a fitted gate "the article says something of the direction / nothing" help the trend? (It did not.)

usage: python benchmarks/trend_oracle.py --dump /tmp/trend.json && python benchmarks/fit_trend.py /tmp/trend.json

A logistic regression (benchmarks/fit_clean.py's `fit_stage`) on each article's aggregated evidence
(strong side, weak side, evidence from sentences naming both, votes, sentences concerning the pair,
headline vote) is fitted on the tuning splits (tune, fresh, dev, seeds) to tell entries with a gold trend
from entries whose gold trend is null, and applied to the held-back splits (holdout, fresh2): an article
under the threshold would be "unknown". Printed per threshold: labelled entries still right, against the
rules alone, and null entries turned "unknown". Nothing is written; the package has no such learned gate (only
the rule `trend.WEAK_ALONE`: one weak verdict with no step between the two is unknown), because
held back it lost labelled trends about as fast as it silenced null ones (docs/analysis.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.fit_clean import fit_stage

TUNING = ("tune", "fresh", "dev", "seeds")
HELD_BACK = ("holdout", "fresh2")
THRESHOLDS = (0.3, 0.5, 0.6)


def features(rows: list[dict[str, Any]]) -> np.ndarray:
    out = []
    for r in rows:
        f = r["features"]
        strong, weak = max(f["warm"], f["cool"]), min(f["warm"], f["cool"])
        out.append(
            [np.log1p(strong), np.log1p(weak), np.log1p(f["both"]), f["votes"], f["concerning"], abs(f["headline"])]
        )
    return np.array(out)


def says_something(rows: list[dict[str, Any]]) -> np.ndarray:
    return np.array([1.0 if r["gold"] else 0.0 for r in rows])


def main() -> int:
    rows = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    tuning = [r for r in rows if r["split"] in TUNING]
    held = [r for r in rows if r["split"] in HELD_BACK]
    stage = fit_stage(features(tuning), says_something(tuning), np.ones(len(tuning)))
    for name, chosen in (("tuning", tuning), ("held back", held)):
        z = (features(chosen) - np.array(stage.mean)) / np.array(stage.scale)
        p = 1 / (1 + np.exp(-(z @ np.array(stage.weights) + stage.bias)))
        labelled = [(r, q) for r, q in zip(chosen, p, strict=True) if r["gold"]]
        null = [(r, q) for r, q in zip(chosen, p, strict=True) if not r["gold"]]
        rules = sum(r["predicted"] == r["gold"] for r, _ in labelled)
        for th in THRESHOLDS:
            kept = sum(q >= th and r["predicted"] == r["gold"] for r, q in labelled)
            quiet = sum(q < th or r["predicted"] == "unknown" for r, q in null)
            print(
                f"{name:<10} threshold {th:.1f}: labelled right {kept}/{len(labelled)} (rules alone {rules}), "
                f"null -> unknown {quiet}/{len(null)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
