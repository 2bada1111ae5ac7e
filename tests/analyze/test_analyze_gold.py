"""Holds the analysis quality lines on the reference annotations (runs spaCy on the seeds and dev texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.evaluate import score, shortfalls

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
