"""The annotator-agreement script (benchmarks/agreement.py) counts shared marks and the program's hits as
documented."""

from __future__ import annotations

import io
from typing import Any

from tests.conftest import benchmark_script

agreement = benchmark_script("agreement")


def statement(speaker: str, text: str, rank: int) -> dict[str, Any]:
    return {"speaker": speaker, "text": text, "rank": rank}


LISTING = {
    "pair": ["MAR-RUS"],
    "statements": [
        statement("Sergey Lavrov", "reflects the strength and depth of Moroccan-Russian relations", 3),
        statement("Nasser Bourita", "We agreed that solutions must be consistent with international law", 1),
        statement("Nasser Bourita", "lengthy and substantive talks in Moscow", 2),
        statement("Vladimir Putin", "Russia values its partnership with the kingdom", 4),
    ],
}


def entry(*marks: tuple[str, str]) -> dict[str, Any]:
    return {"pair": "MAR-RUS", "inputs": ["seeds"], "split": "dev",
            "key_statements": [{"speaker": s, "fragment": f} for s, f in marks]}


def test_marks_name_listed_statements_and_shared_marks_count_once() -> None:
    first = entry(("Lavrov", "strength and depth of Moroccan-Russian"), ("Bourita", "solutions must be consistent"))
    second = entry(("Bourita", "We agreed that solutions"), ("Putin", "values its partnership with"),
                   ("Lavrov", "no such words anywhere"))
    row = agreement.agree_pair(first, second, LISTING)
    assert row.first == {0, 1} and row.second == {1, 3}  # a fragment in no statement names none
    assert row.both == 1 and row.k == 2 and row.k_second == 2
    assert row.top == (1, 2)  # the program's top k = 2 by rank: Bourita's two
    out = io.StringIO()
    figures = agreement.report([row], out)
    assert figures["second_vs_first"] == 0.5
    assert figures["program_vs_first"] == 0.5  # rank 1 is marked by the first reader, rank 2 is not
    assert figures["program_vs_either"] == 0.5
    assert figures["chance_vs_first"] == 0.5  # 2 marked of 4 listed
    assert "MAR-RUS" in out.getvalue()


def test_a_wrongly_listed_speaker_is_found_through_speaker_as_listed() -> None:
    marks = {"pair": "MAR-RUS", "inputs": ["seeds"], "key_statements": [
        {"speaker": "Lavrov", "speaker_as_listed": "Putin", "fragment": "values its partnership"}]}
    assert agreement.marked_indexes(marks["key_statements"], LISTING["statements"]) == {3}


def test_the_second_readers_gold_marks_pairs_of_the_first_in_its_format() -> None:
    import json

    from tests.conftest import REPO

    scorer = benchmark_script("score_brief")
    first = json.loads((REPO / "tests" / "gold" / "key_statements.json").read_text(encoding="utf-8"))["pairs"]
    second = json.loads((REPO / "tests" / "gold" / "key_statements_second.json").read_text(encoding="utf-8"))
    assert second["about"]
    splits = {(e["pair"], tuple(e["inputs"])): e["split"] for e in first}
    keys = [(e["pair"], tuple(e["inputs"])) for e in second["pairs"]]
    assert len(keys) == len(set(keys)) and len(keys) >= 20
    for entry in second["pairs"]:
        assert splits[(entry["pair"], tuple(entry["inputs"]))] == entry["split"], entry["pair"]
        assert 0 < len(entry["key_statements"]) <= 5, entry["pair"]
        for marked in entry["key_statements"]:
            assert marked["speaker"] and 3 <= len(scorer.words(marked["fragment"])) <= 15, marked
        for fragment in entry["lead"]:
            assert 5 <= len(scorer.words(fragment)) <= 20, fragment
