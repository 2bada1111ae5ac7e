"""Trend evidence (trend9): talks between firms of the two, a deal put off, on BBC business articles."""

from __future__ import annotations

from briefing.analyze.trend import article_trend
from tests.analyze.test_analyze_trend_evidence import read_bbc


def test_talks_toward_an_alliance_between_firms_of_the_two_are_warming() -> None:
    # BBC business 431 (gold FRA-JPN warming): the lead's "Mitsubishi Motors" is the Japanese firm, so its
    # talks with the French carmaker are a step between the two, not one side's news
    sentences, names = read_bbc("business/431.txt")
    lead, codes = sentences[1]
    assert lead.text.startswith("Trouble-hit Mitsubishi Motors is in talks")
    assert codes == {"FRA", "JPN"}
    trend = article_trend(sentences, ("FRA", "JPN"), None, names)
    assert trend.label == "warming"
    assert any(trend.between)
