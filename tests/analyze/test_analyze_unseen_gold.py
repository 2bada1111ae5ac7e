"""Holds the statement, speaker and date lines on pasted pages from outlets nobody tuned on
(tests/gold/unseen_statements.json, docs/gold.md "Statements and dates on unseen outlets")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.evaluate import score, shortfalls

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
UNSEEN_GOLD = REPO / "tests" / "gold" / "unseen_statements.json"

# A little under what the analysis measures on each split (see docs/gold.md for the figures). Rules were
# changed looking at the tune misses only; holdout is the figure to expect on new outlets.
# Measured: tune 0.96 / 1.00 / 0.98 / 0.96, holdout 0.96 / 0.90 / 0.89 / 0.89 (stmt_recall / stmt_speaker /
# date_recall / date_precision); holdout has 75 statements and 28 dates, so one more date miss still passes.
UNSEEN_MIN = {
    "tune": {"stmt_recall": 0.93, "stmt_speaker": 0.97, "date_recall": 0.95, "date_precision": 0.93},
    "holdout": {"stmt_recall": 0.93, "stmt_speaker": 0.87, "date_recall": 0.85, "date_precision": 0.85},
}


def test_unseen_gold_is_well_formed() -> None:
    """Fragments are 4-15 words, splits alternate by file-name order, every path is a pasted page."""
    gold = json.loads(UNSEEN_GOLD.read_text(encoding="utf-8"))
    assert set(gold["paths"]) == set(gold["files"])
    names = sorted(gold["files"])
    for i, name in enumerate(names):
        assert gold["paths"][name] == f"corpora/pasted/pages/{name}"
        [entry] = gold["files"][name]
        assert entry["split"] == ("tune" if i % 2 == 0 else "holdout"), name
        for s in entry["statements"]:
            assert 4 <= len(s["fragment"].split()) <= 15, s
            assert s["speaker"] and " " not in s["speaker"], s
        assert all(len(d) in (4, 7, 10) for d in entry["dates"]), entry["dates"]
    statements = sum(len(arts[0]["statements"]) for arts in gold["files"].values())
    assert len(names) >= 20 and statements >= 80
    if SHARED.is_dir():
        assert [n for n, rel in gold["paths"].items() if not (SHARED / rel).exists()] == []


def test_unseen_gold_lines_hold_on_both_splits() -> None:
    if not SHARED.is_dir():
        pytest.skip("shared corpora not present")
    from briefing.config import load_config
    from briefing.corpus import open_corpus
    from briefing.evaluate import gold_paths, report
    from briefing.export.json_export import briefing_to_dict

    gold = json.loads(UNSEEN_GOLD.read_text(encoding="utf-8"))
    paths = sorted({p for split in UNSEEN_MIN for p in gold_paths(gold, UNSEEN_GOLD, split)})
    corpus = open_corpus(paths, load_config(None), use_cache=False)
    output = briefing_to_dict(corpus.briefing)
    for split, minimums in UNSEEN_MIN.items():
        counts = score(gold, output, split=split)
        assert counts.found == counts.articles, report(counts)
        assert shortfalls(counts.metrics(), minimums) == [], (split, report(counts))
