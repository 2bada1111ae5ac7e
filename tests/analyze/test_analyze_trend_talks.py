"""Trend evidence (trend9): talks between firms of the two, a deal put off, on BBC business articles."""

from __future__ import annotations

from briefing.analyze.events import find_events
from briefing.analyze.trend import article_trend
from tests.analyze.analyze_helpers import nlp
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


def _events(sentence: str) -> dict[str, float]:
    doc = nlp()(sentence)
    return {doc[e.token].lower_: e.polarity for e in find_events(doc[:])}


def test_a_hyphenated_event_word_is_read_whole() -> None:
    # the tokenizer splits "tie-up" into "tie", "-", "up": the alliance is read on its last part
    assert _events("Rover announced a tie-up with Shanghai Automotive.") == {"up": 1.0}


def test_a_deal_put_off_is_a_cooling_step() -> None:
    # BBC business 212 (gold CHN-GBR cooling): the tie-up delayed by Chinese regulators' concerns
    lead = (
        "MG Rover's proposed tie-up with China's top carmaker has been delayed due to concerns by Chinese "
        "regulators, according to the Financial Times."
    )
    assert _events(lead) == {"up": -1.0}
    assert _events("The talks were postponed until March.") == {"talks": -1.0}
    assert _events("The government delayed the sanctions.") == {"sanctions": 1.0}  # a hostile step put off
    sentences, names = read_bbc("business/212.txt")
    assert article_trend(sentences, ("CHN", "GBR"), None, names).label == "cooling"
