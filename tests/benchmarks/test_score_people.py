"""The people-list scorer (benchmarks/score_people.py) counts as documented, and its gold holds together."""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import REPO, benchmark_script

GOLD = REPO / "tests" / "gold" / "people.json"

scorer = benchmark_script("score_people")

ENTRY: dict[str, Any] = {
    "input": "corpora/bbc",
    "pair": ["RUS", "USA"],
    "split": "dev",
    "people": ["Mikhail Khodorkovsky", "Mihkail Khodorkovsky", "Vladimir Putin", "Mike Skinner"],
    "not_people": ["Barrick Gold"],
    "same": [["Mihkail Khodorkovsky", "Mikhail Khodorkovsky"]],
    "written": {"Mike Skinner - aka": "Mike Skinner"},
    "unsure": ["Garfield"],
}


def test_a_person_counts_once_in_any_spelling_and_the_rest_counts_against_precision() -> None:
    listed = [
        "Vladimir Putin",
        "Mikhail Khodorkovsky",
        "Mihkail Khodorkovsky",  # the same person again
        "Barrick Gold",  # no person
        "Mike Skinner - aka",  # a person, written wrong
        "Garfield",  # not scored
        "Wang Yi",  # not in the gold
        "VLADIMIR PUTIN",  # words compare, not case: Putin twice
    ]
    tally = scorer.score_pair(ENTRY, listed)
    assert (tally.listed, tally.right, tally.repeated, tally.not_people, tally.ill_written) == (7, 2, 2, 1, 1)
    assert tally.unknown == ["Wang Yi"]
    assert (tally.kept_people, tally.known_people) == (3, 3)
    assert tally.precision == 2 / 7
    assert scorer.score_pair(ENTRY, ["Vladimir Putin"]).recall == 1 / 3


def test_every_name_the_gold_groups_or_maps_is_marked_a_person() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    for entry in gold:
        marked = [*entry["not_people"], *entry["unsure"], *(n for same in entry["same"] for n in same)]
        assert set(marked) <= set(entry["people"]) | set(entry["not_people"]) | set(entry["unsure"]) | set(
            entry["written"]
        ), entry["pair"]
        assert set(entry["written"].values()) <= set(entry["people"])
        assert entry["split"] in ("dev", "heldout")
    assert sum(len(e["not_people"]) for e in gold) >= 90
