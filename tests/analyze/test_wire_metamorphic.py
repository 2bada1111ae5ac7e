"""Metamorphic test (issue 13): a BBC article sent as hard-wrapped wire copy analyses like the original.

Every third politics/business/tech article that has a pair or statements is rewritten with an
upper-cased headline, 65-column wrapping, a dateline and closing credits (benchmarks/wire_metamorphic.py
makes the copies); one batch analysis of originals and copies through the CLI's reader and Analyzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from wire_metamorphic import BBC, run

MIN_ARTICLES = 200


@pytest.mark.skipif(not BBC.exists(), reason="shared BBC corpus not present")
def test_wire_copy_keeps_pair_statements_and_dates() -> None:
    figures, layouts = run(articles=240, every=3)
    report = "\n".join(
        [*figures.lines(), *figures.pair_misses, *figures.statement_misses[:20], *figures.date_misses[:20]]
    )
    assert figures.articles >= MIN_ARTICLES, report
    assert figures.with_pair >= 20 and len(layouts) == 3, report
    assert figures.pair_agreement >= 0.97, report
    assert figures.statement_retention >= 0.95, report
    assert figures.date_retention >= 0.95, report
