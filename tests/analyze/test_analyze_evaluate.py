"""The evaluation metrics on hand-made dicts: no spaCy, so every definition is checked exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.evaluate import align, gold_paths, norm, parse_minimums, score, shortfalls, split_names


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


def test_pair_and_trend_only_entries_judge_nothing_else() -> None:
    entry = {"title": "Morocco and Syria restore ties", "pair": ["MAR", "SYR"], "trend": "cooling"}
    gold = {"files": {"a.txt": [entry]}}
    out = _out(
        dates=[{"value": "2004-05-01", "text": "1 May 2004"}],
        statements=[{"text": "We agreed", "speaker": "Bourita"}],
        body="Related: more stories",
    )
    c = score(gold, out)
    m = c.metrics()
    assert (c.d_gold, c.d_out, c.st_gold, c.debris) == (0, 0, 0, 0)
    assert m["pair"] == 1.0
    assert m["trend"] == 0.0
    assert c.misses == ["a.txt: trend warming != gold cooling"]


def test_dates_still_judged_when_the_entry_lists_them_even_empty() -> None:
    c = score(_gold(dates=[]), _out(dates=[{"value": "2004-05-01", "text": "1 May 2004"}]))
    assert (c.d_out, c.d_out_ok) == (1, 0)
    assert any("extra date" in m for m in c.misses)


def _two_splits() -> tuple[dict[str, Any], dict[str, Any]]:
    gold = {
        "files": {
            "feed.rss": [
                {"title": "Morocco and Syria restore ties", "pair": ["MAR", "SYR"], "split": "tune"},
                {"title": "Chile and Peru sign a border accord", "pair": ["CHL", "PER"], "split": "holdout"},
            ],
            "b.txt": [{"title": "Ghana budget passes", "pair": None, "split": "tune"}],
        }
    }
    out = {
        "articles": [
            {"source": "/x/feed.rss", "title": "Morocco and Syria restore ties", "pair": ["MAR", "SYR"]},
            {"source": "/x/feed.rss", "title": "Chile and Peru sign a border accord", "pair": ["CHL", "ARG"]},
            {"source": "/x/b.txt", "title": "Ghana budget passes", "pair": None},
        ]
    }
    return gold, out


def test_split_judges_only_its_entries_and_keeps_the_file_count() -> None:
    gold, out = _two_splits()
    tune, holdout, both = score(gold, out, split="tune"), score(gold, out, split="holdout"), score(gold, out)
    assert (tune.articles, tune.pair_ok, tune.files) == (2, 2, 2)
    assert (holdout.articles, holdout.pair_ok, holdout.files) == (1, 0, 1)
    assert (both.articles, both.pair_ok) == (3, 2)
    assert holdout.metrics()["split"] == 1.0  # the feed still gave both of its articles
    assert holdout.misses == ["feed.rss: pair ['ARG', 'CHL'] != gold ['CHL', 'PER']"]
    assert score(gold, out, split="nosuch").articles == 0
    assert split_names(gold) == ["holdout", "tune"]


def test_split_reads_only_the_files_holding_its_entries(tmp_path: Path) -> None:
    gold, _ = _two_splits()
    gold["paths"] = {"feed.rss": "feed.rss", "b.txt": "b.txt"}
    gold_file = tmp_path / "gold.json"
    assert gold_paths(gold, gold_file, "holdout") == [str(tmp_path / "feed.rss")]
    assert gold_paths(gold, gold_file, "tune") == [str(tmp_path / "feed.rss"), str(tmp_path / "b.txt")]


def test_unknown_split_is_refused_before_any_analysis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main

    gold, _ = _two_splits()
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    code = main(["evaluate", str(gold_file), "--split", "holdot", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    assert "holdot" in err and "holdout, tune" in err
