"""The evaluation metrics on hand-made dicts: no spaCy, so every definition is checked exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.evaluate import align, gold_paths, norm, parse_minimums, score, shortfalls


def _gold(**article: Any) -> dict[str, Any]:
    base = {
        "title": "Morocco and Syria restore ties",
        "pair": ["MAR", "SYR"],
        "trend": "warming",
        "dates": [],
        "statements": [],
        "must_not_appear": [],
    }
    base.update(article)
    return {"files": {"a.txt": [base]}}


def _out(**article: Any) -> dict[str, Any]:
    base = {
        "source": "/x/a.txt",
        "title": "Morocco and Syria restore ties",
        "pair": ["MAR", "SYR"],
        "pairs": [["MAR", "SYR"]],
        "trend": "warming",
        "statements": [],
        "dates": [],
        "body": "",
    }
    base.update(article)
    return {"articles": [base]}


def test_norm_ignores_quote_style_space_and_case() -> None:
    assert norm("  “We  Agreed”\u00a0it’s ") == '"we agreed" it\'s'


def test_align_matches_titles_and_leaves_unmatched_gold() -> None:
    gold = [{"title": "Morocco and Syria restore ties"}, {"title": "Completely different headline here"}]
    out = [{"title": "Qatar news today"}, {"title": "Morocco, Syria restore ties"}]
    pairs = align(gold, out)
    assert pairs[0][1] is out[1]
    assert pairs[1][1] is None


def test_pair_reversed_order_counts_and_wrong_pair_misses() -> None:
    assert score(_gold(), _out(pair=["SYR", "MAR"])).metrics()["pair"] == 1.0
    c = score(_gold(), _out(pair=["MAR", "DZA"]))
    assert c.metrics()["pair"] == 0.0
    assert any("pair" in m for m in c.misses)


def test_one_country_article_needs_null_pair() -> None:
    assert score(_gold(pair=None, trend=None), _out(pair=None)).metrics()["pair"] == 1.0
    assert score(_gold(pair=None, trend=None), _out()).metrics()["pair"] == 0.0


def test_statement_recall_uses_fragment_inside_and_speaker_over_found() -> None:
    gold = _gold(
        statements=[
            {"speaker": "Bourita", "fragment": "a new page in relations"},
            {"speaker": "Mekdad", "fragment": "never said this"},
            {"speaker": "Mekdad", "fragment": "brotherly ties"},
        ]
    )
    out = _out(
        statements=[
            {"speaker": "Nasser Bourita", "text": "This opens a new page in relations, he said"},
            {"speaker": "Nasser Bourita", "text": "We value our brotherly ties"},
        ]
    )
    m = score(gold, out).metrics()
    assert m["stmt_recall"] == pytest.approx(2 / 3)
    assert m["stmt_speaker"] == pytest.approx(1 / 2)


def test_date_precision_only_judges_mentions_with_a_written_year() -> None:
    gold = _gold(dates=["2016-03", "2011"])
    out = _out(
        dates=[
            {"text": "March 2016", "value": "2016-03"},
            {"text": "last week", "value": "2024-04-22"},  # relative: not judged for precision
            {"text": "in 1999", "value": "1999"},
        ]
    )
    c = score(gold, out)
    m = c.metrics()
    assert m["date_recall"] == pytest.approx(1 / 2)
    assert m["date_precision"] == pytest.approx(1 / 2)
    assert "a.txt: extra date 1999" in c.misses
    assert "a.txt: date missed 2011" in c.misses


def test_debris_trend_and_missing_article() -> None:
    gold = _gold(must_not_appear=["Share this", "TT"])
    m = score(gold, _out(body="Body text. Share this", trend="cooling")).metrics()
    assert m["debris"] == 0.5
    assert m["trend"] == 0.0
    empty = score(_gold(statements=[{"speaker": "X", "fragment": "y z w"}]), {"articles": []})
    assert empty.metrics()["found"] == 0.0
    assert empty.metrics()["stmt_recall"] == 0.0


def test_only_files_limits_the_judged_files() -> None:
    gold = _gold()
    gold["files"]["b.html"] = [{"title": "Other", "pair": None, "dates": [], "statements": []}]
    assert score(gold, _out()).metrics()["found"] == 0.5
    assert score(gold, _out(), only_files={"a.txt"}).metrics()["found"] == 1.0


def test_minimums_and_shortfalls() -> None:
    mins = parse_minimums(["pair=0.9", "stmt_recall=0.85"])
    assert shortfalls({"pair": 0.95, "stmt_recall": 0.8}, mins) == ["stmt_recall"]
    with pytest.raises(ValueError, match="METRIC"):
        parse_minimums(["bogus=1"])
    with pytest.raises(ValueError, match="not a number"):
        parse_minimums(["pair=high"])


def test_gold_paths_resolve_against_a_shared_root_above_the_gold(tmp_path: Path) -> None:
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    (tmp_path / "shared" / "corpora" / "a.txt").write_text("x")
    gold_file = tmp_path / "main" / "tests" / "gold" / "dev.json"
    gold_file.parent.mkdir(parents=True)
    found = gold_paths({"paths": {"a.txt": "corpora/a.txt"}}, gold_file)
    assert found == [str(tmp_path / "shared" / "corpora" / "a.txt")]
    local = gold_paths({"paths": {"b.txt": "b.txt"}}, gold_file)
    assert local == [str(gold_file.parent / "b.txt")]
