"""Holds the analysis quality lines on the reference annotations (runs spaCy on the seeds and dev texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.evaluate import score, shortfalls
from tests.analyze.analyze_helpers import assert_gold_holds

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
DEV_GOLD = REPO / "tests" / "gold" / "dev.json"

SEEDS_MIN = {
    "pair": 1.0,
    "stmt_recall": 0.9,
    "stmt_speaker": 0.9,
    "date_recall": 0.9,
    "date_precision": 0.9,
    "debris": 1.0,
    "trend": 0.6,
}
# Slightly below what the text files measure (pair 0.95, statements 1.00/0.96, dates 0.95/0.95).
DEV_TEXT_MIN = {
    "pair": 0.9,
    "stmt_recall": 0.9,
    "stmt_speaker": 0.9,
    "date_recall": 0.9,
    "date_precision": 0.9,
}


def test_seeds_gold_through_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    if not SEEDS_GOLD.exists():
        pytest.skip("shared gold not present")
    from briefing.cli import main

    mins = [f"{k}={v}" for k, v in SEEDS_MIN.items()]
    code = main(["evaluate", str(SEEDS_GOLD), str(REPO / "seeds"), "--no-cache", "--min", *mins])
    out = capsys.readouterr().out
    assert "stmt_recall" in out
    assert code == 0, out


def test_dev_gold_text_files() -> None:
    if not DEV_GOLD.exists() or not SHARED.is_dir():
        pytest.skip("dev gold or shared corpora not present")
    from briefing.config import load_config
    from briefing.corpus import open_corpus
    from briefing.evaluate import report
    from briefing.export.json_export import briefing_to_dict

    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))
    texts = {name: rel for name, rel in gold["paths"].items() if name.endswith(".txt")}
    paths = [str(SHARED / rel) for rel in texts.values()]
    if not all(Path(p).exists() for p in paths):
        pytest.skip("dev corpus files missing")
    corpus = open_corpus(paths, load_config(None), use_cache=False)
    counts = score(gold, briefing_to_dict(corpus.briefing), only_files=set(texts))
    assert counts.articles == sum(len(gold["files"][n]) for n in texts)
    assert shortfalls(counts.metrics(), DEV_TEXT_MIN) == [], report(counts)


PAIR_TREND_GOLD = REPO / "tests" / "gold" / "pair_trend.json"


def test_pair_trend_gold_is_well_formed() -> None:
    """Every entry labels pair, trend and split by the conventions of docs/gold.md; every path exists."""
    gold = json.loads(PAIR_TREND_GOLD.read_text(encoding="utf-8"))
    assert set(gold["paths"]) == set(gold["files"])
    if SHARED.is_dir():
        assert [k for k, rel in gold["paths"].items() if not (SHARED / rel).exists()] == []
    entries = [e for arts in gold["files"].values() for e in arts]
    for e in entries:
        assert set(e) == {"title", "pair", "trend", "split"}, e
        assert e["split"] in {"tune", "holdout", "fresh", "fresh2"}
        assert e["trend"] in {None, "warming", "cooling", "mixed"}
        if e["pair"] is None:
            assert e["trend"] is None, e
        else:
            assert e["pair"] == sorted(e["pair"]) and len(set(e["pair"])) == 2, e
            assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in e["pair"]), e
    assert len(entries) >= 100
    assert sum(e["pair"] is not None for e in entries) >= 45
    assert sum(e["trend"] is not None for e in entries) >= 30
    halves = [e for e in entries if e["split"] in {"tune", "holdout"}]
    holdout = sum(e["split"] == "holdout" for e in halves)
    assert abs(2 * holdout - len(halves)) <= len({n for n, arts in gold["files"].items() if arts[0] in halves})
    # The unseen splits were chosen by a fixed rule from BBC files (docs/gold.md): one article per file, no
    # file name shared with the tuned halves.
    for name, arts in gold["files"].items():
        if arts[0]["split"].startswith("fresh"):
            assert len(arts) == 1 and gold["paths"][name].startswith("corpora/bbc/"), name


# Slightly below what the analysis measures on each split (tune pair 0.93, trend 0.82; holdout pair 0.85,
# trend 0.47 when written; rules were tuned on "tune" only, so holdout is the figure to expect on new text).
PAIR_TREND_MIN = {"tune": {"pair": 0.9, "trend": 0.75}, "holdout": {"pair": 0.82, "trend": 0.4}}


def test_pair_trend_gold_lines_hold_on_both_splits() -> None:
    if not SHARED.is_dir():
        pytest.skip("shared corpora not present")
    assert_gold_holds(PAIR_TREND_GOLD, PAIR_TREND_MIN)
