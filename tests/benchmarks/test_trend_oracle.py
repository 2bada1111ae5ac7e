"""benchmarks/trend_oracle.py counts as documented: accuracy on labelled entries per split and overall, null
entries apart, and a gold x predicted table (no spaCy: the report is fed hand-made cases)."""

from __future__ import annotations

import pytest

from tests.conftest import benchmark_script

oracle = benchmark_script("trend_oracle")


def case(split: str, gold: str | None, predicted: str) -> object:
    return oracle.Case(split, "a.txt", "Title", ("FRA", "GBR"), gold, predicted, (), {})


def test_report_counts_labelled_and_null_entries_apart(capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        case("tune", "warming", "warming"),
        case("tune", "cooling", "warming"),
        case("tune", None, "unknown"),
        case("holdout", "warming", "unknown"),
        case("holdout", None, "cooling"),
    ]
    oracle.report(cases, show=False)
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line for line in lines if line.split()}
    assert "0.50 (1/2)" in rows["tune"] and "1.00 (1/1)" in rows["tune"]
    assert "0.00 (0/1)" in rows["holdout"]
    assert "0.33 (1/3)" in rows["all"] and "0.50 (1/2)" in rows["all"]
    # gold rows by predicted columns: warming, cooling, mixed, unknown
    assert rows["warming"].split()[1:] == ["1", "0", "0", "1"]
    assert rows["cooling"].split()[1:] == ["1", "0", "0", "0"]
    assert rows["null"].split()[1:] == ["0", "1", "0", "1"]
