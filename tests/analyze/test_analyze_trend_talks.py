"""Trend evidence (trend9): talks between firms of the two, a deal put off, on BBC business articles."""

from __future__ import annotations

from briefing.analyze.events import find_events, outside_topics
from briefing.analyze.trend import article_trend, sentence_votes
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
    # the lexicon's "stand-off" never matched before: the tokenizer gives "stand", "-", "off"
    assert _events("The stand-off between India and Pakistan continued.") == {"off": -1.0}


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


def test_a_hedge_inside_what_talks_are_about_does_not_hedge_the_talks() -> None:
    # BBC business 431: the talks are certain, the alliance they are about is "possible"
    lead = nlp()(
        "Trouble-hit Mitsubishi Motors is in talks with French carmaker PSA Peugeot Citroen about a possible "
        "alliance."
    )
    assert "possible" not in outside_topics(lead[:]) and "talks with French carmaker" in outside_topics(lead[:])
    sentences, names = read_bbc("business/431.txt")
    votes = {v.index: v.value for v in sentence_votes(sentences, ("FRA", "JPN"), None, names)}
    maybe = nlp()("Mitsubishi Motors may be in talks with French carmaker PSA Peugeot Citroen about an alliance.")
    assert "may" in outside_topics(maybe[:])
    assert votes[1] > 0.5  # a lead sentence's talks, unhedged (0.36 when "possible" hedged them)


def test_a_time_after_an_event_is_when_it_happened_not_what_it_is_about() -> None:
    # BBC business 219: "on Friday" after "agreed" is a date, not the agreement's topic (it was cut out with
    # the topics, so a hedge there would have been missed)
    creditors = nlp()("Creditors agreed on Friday to suspend interest payments until 2007.")
    assert outside_topics(creditors[:]) == creditors.text
