"""The key-statement scorer (benchmarks/score_brief.py) matches and counts as documented, and the gold stays valid:
every marked statement of the seeds entries is in the program's current output for those inputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SHARED, benchmark_script

GOLD = REPO / "tests" / "gold" / "key_statements.json"


scorer = benchmark_script("score_brief")

ENTRY: dict[str, Any] = {
    "pair": "MAR-RUS",
    "inputs": ["seeds"],
    "key_statements": [
        {"speaker": "Lavrov", "fragment": "reflects the strength and depth of Moroccan-Russian relations"},
        {"speaker": "Bourita", "fragment": "We agreed that solutions must be consistent"},
        {"speaker": "Patel", "speaker_as_listed": "State Department",
         "fragment": "transcends any particular president"},
    ],
    "lead": ["signed a Memorandum of Understanding"],
}


def statement(speaker: str, text: str, rank: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"speaker": speaker, "text": text, "article": "a1", "articles": ["a1"]}
    if rank is not None:
        item["rank"] = rank
    return item


def test_matching_normalises_quotes_and_space_and_needs_the_speaker() -> None:
    marked = ENTRY["key_statements"][0]
    quoted = "Bourita\u2019s visit \u201creflects the strength and\n depth of Moroccan\u2013Russian relations\u201d"
    assert scorer.matches(marked, statement("Sergey Lavrov", quoted))
    assert not scorer.matches(marked, statement("Nasser Bourita", "reflects the strength and depth of "
                                                "Moroccan-Russian relations"))
    assert not scorer.matches(marked, statement("Sergey Lavrov", "reflects the strength of Moroccan-Russian relations"))
    # a surname must be a whole word of the listed speaker, not a piece of one
    assert not scorer.matches({"speaker": "Lee", "fragment": "national credibility"},
                              statement("Ashleen Leeds", "our national credibility"))
    assert scorer.matches(ENTRY["key_statements"][2], statement("State Department", "It transcends any particular "
                                                                "president or government"))


def test_precision_uses_rank_and_credits_each_marked_statement_once() -> None:
    listed = [
        statement("Nasser Bourita", "lengthy and substantive", rank=3),
        statement("Sergey Lavrov", "reflects the strength and depth of Moroccan-Russian relations", rank=1),
        statement("Sergey Lavrov", "it reflects the strength and depth of Moroccan-Russian relations", rank=2),
        statement("Nasser Bourita", "We agreed that solutions must be consistent with international law", rank=9),
    ]
    result = scorer.score_pair(ENTRY, {"pair": ["MAR", "RUS"], "statements": listed})
    assert result.k == 3  # three marked statements: precision over the top 3
    assert result.hits == 1  # the repeat at rank 2 does not count twice; Bourita's rank 9 is outside the top
    assert result.precision == pytest.approx(1 / 3)
    assert result.found == 2 and result.recall == pytest.approx(2 / 3)
    assert [m["speaker"] for m in result.missing] == ["Patel"]
    assert result.lead_rate is None  # no "lead" in the output

    unranked = [{k: v for k, v in s.items() if k != "rank"} for s in reversed(listed)]  # list order is the rank
    assert scorer.score_pair(ENTRY, {"pair": ["MAR", "RUS"], "statements": unranked}).hits == 2


def test_lead_hit_rate_counts_lead_fragments_and_key_statements() -> None:
    lead = [
        {"text": "Bourita and Lavrov signed a Memorandum of Understanding on Friday.", "article": "a1", "start": 0,
         "end": 60},
        {"text": "Lavrov said the visit \u201creflects the strength and depth of Moroccan-Russian relations\u201d.",
         "article": "a1", "start": 61, "end": 140},
        {"text": "The weather in Moscow was mild.", "article": "a1", "start": 141, "end": 170},
    ]
    result = scorer.score_pair(ENTRY, {"pair": ["MAR", "RUS"], "statements": [], "lead": lead})
    assert result.lead_sentences == 3 and result.lead_hits == 2
    absent = scorer.score_pair(ENTRY, None)
    assert not absent.pair_found and absent.precision == 0 and len(absent.missing) == 3


def test_gold_format() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert gold["about"]
    keys = [(e["pair"], tuple(e["inputs"])) for e in gold["pairs"]]
    assert len(keys) == len(set(keys)) and len(keys) >= 15
    # fresh, fresh2: held-out sets annotated blind
    assert {e["split"] for e in gold["pairs"]} == {"dev", "heldout", "fresh", "fresh2"}
    for entry in gold["pairs"]:
        assert len(entry["key_statements"]) <= 5 and entry["key_statements"], entry["pair"]
        assert 3 <= len(entry["lead"]) <= 6, entry["pair"]
        for path in entry["inputs"]:
            assert (SHARED / path).exists(), path
        for marked in entry["key_statements"]:
            assert marked["speaker"] and 3 <= len(scorer.words(marked["fragment"])) <= 15, marked
        for fragment in entry["lead"]:
            assert 5 <= len(scorer.words(fragment)) <= 20, fragment


def test_seeds_gold_statements_are_in_the_current_output(tmp_path: Path) -> None:
    """Every marked statement of the seeds entries is listed by the program for its pair, and every lead
    fragment is in one of the pair's articles (slow: runs spaCy on the seeds)."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("shared seeds not present")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    groups = scorer.input_groups(e for e in gold["pairs"] if e["inputs"] == ["seeds"])
    assert groups, "the gold has seeds entries"
    for inputs, entries in groups.items():
        brief = scorer.run_brief(inputs, [e["pair"] for e in entries], [sys.executable, "-m", "briefing"],
                                 SHARED, tmp_path)
        for result in scorer.score_brief(entries, brief):
            assert result.pair_found, result.pair
            assert result.missing == [], (result.pair, result.missing)
        articles = {a["id"]: a for a in brief["articles"]}
        pairs = scorer.pairs_by_key(brief)
        for entry in entries:
            bodies = [articles[i]["body"] for i in pairs[entry["pair"]]["articles"]]
            for fragment in entry["lead"]:
                assert any(scorer.contains_words(body, fragment) for body in bodies), (entry["pair"], fragment)
