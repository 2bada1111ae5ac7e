"""The JSON output (schema 1) against its published JSON Schema, and against what it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "briefing" / "export" / "schema-1.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    env_home = tmp_path_factory.mktemp("home")
    env = {"XDG_CACHE_HOME": str(env_home / "c"), "XDG_CONFIG_HOME": str(env_home / "cfg"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "brief", str(REPO / "seeds"), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=env_home,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_output_validates_against_schema(seeds_json: dict[str, Any]) -> None:
    jsonschema.validate(seeds_json, SCHEMA)
    assert seeds_json["schema"] == 1


def test_six_articles_from_five_files(seeds_json: dict[str, Any]) -> None:
    articles = seeds_json["articles"]
    assert len(articles) == 6
    assert len({Path(a["source"]).name for a in articles}) == 5
    assert len({a["id"] for a in articles}) == 6


def test_offsets_index_into_the_body(seeds_json: dict[str, Any]) -> None:
    for a in seeds_json["articles"]:
        body = a["body"]
        for e in a["entities"]:
            assert body[e["start"] : e["end"]] == e["text"]
        for d in a["dates"]:
            assert body[d["start"] : d["end"]] == d["text"]
        for s in a["statements"]:
            assert 0 <= s["start"] < s["end"] <= len(body)
            assert s["text"].split()[0].strip("“\"'‘,.") in body[s["start"] : s["end"]]


def test_pairs_are_sorted_codes_and_briefs_reference_articles(seeds_json: dict[str, Any]) -> None:
    ids = {a["id"] for a in seeds_json["articles"]}
    for a in seeds_json["articles"]:
        if a["pair"]:
            assert a["pair"] == sorted(a["pair"]) and a["pair"] in a["pairs"]
    in_briefs = [i for p in seeds_json["pairs"] for i in p["articles"]]
    assert sorted(in_briefs) == sorted(ids)  # every article in exactly one brief
    for p in seeds_json["pairs"]:
        assert all(s["article"] in p["articles"] for s in p["statements"])
        values = [t["value"] for t in p["timeline"]]
        assert values == sorted(values)
        if p["pair"]:
            assert len(p["names"]) == 2


def test_pairs_and_clean_bodies_match_the_reference(seeds_json: dict[str, Any]) -> None:
    gold_file = REPO.parent / "shared" / "gold" / "seeds.json"
    if not gold_file.is_file():
        pytest.skip("gold not available")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    for a in seeds_json["articles"]:
        [g] = [g for g in gold["files"][Path(a["source"]).name] if g["title"][:30] == a["title"][:30]] or [
            gold["files"][Path(a["source"]).name][0]
        ]
        assert (sorted(g["pair"]) if g["pair"] else None) == a["pair"], a["title"]
        for junk in g["must_not_appear"]:
            assert junk not in a["body"]
    assert any(a["pair"] is None for a in seeds_json["articles"])  # the one-country article


def test_every_article_reads_back_from_its_json_as_analysed(seeds_json: dict[str, Any]) -> None:
    """The article object carries the whole analysis: trend evidence's `trend_between` marks included, which a
    pair's evidence is ordered by (they were lost, found by the hostile-input property test)."""
    from briefing.article import AnalyzedArticle

    articles = seeds_json["articles"]
    assert any(True in a["trend_between"] for a in articles)  # the seeds report steps between the two
    for data in articles:
        assert AnalyzedArticle.from_dict(data).to_dict() == data
        assert len(data["trend_between"]) in (0, len(data["trend_evidence"]))
