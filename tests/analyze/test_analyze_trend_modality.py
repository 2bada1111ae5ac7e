"""Trend evidence read in the parse: modality, negation and who acts, on sentences of BBC articles whose
gold trend is null (the article says nothing of the pair's direction)."""

from __future__ import annotations

from briefing.analyze.events import find_events, is_agent
from tests.analyze.analyze_helpers import nlp


def _event(sentence: str, word: str) -> tuple[float, bool]:
    """(polarity, hedged) of the event `word` in `sentence`."""
    doc = nlp()(sentence)
    found = [e for e in find_events(doc[:]) if doc[e.token].lower_ == word]
    assert found, f"no event {word!r}"
    return found[0].polarity, found[0].hedged


def test_an_intention_hedges_an_event_below_a_preposition() -> None:
    # BBC politics 197: the agreement is what the leader wants, in the clause of "end" under "wants"
    sentence = (
        'According to the Times, the UK leader wants to end US isolation with a "Kyoto-lite" agreement on the '
        "scale and nature of the threat from climate change."
    )
    assert _event(sentence, "agreement") == (1.0, True)


def test_a_reported_or_proposed_event_is_hedged() -> None:
    assert _event("Mr Blair's reported treaty would also establish an international programme.", "treaty")[1]
    assert _event("The proposed deal was seen as crucial to safeguarding the future of the plant.", "deal")[1]
    assert not _event("The deal was seen as crucial to safeguarding the future of the plant.", "deal")[1]


def test_a_refusal_reaches_an_event_below_a_preposition() -> None:
    # BBC politics 197: "refused to sign up to the treaty" is a missed treaty, not a treaty
    sentence = "So far the US has refused to sign up to the Kyoto treaty, branding it politically motivated."
    assert _event(sentence, "treaty")[0] == -1.0
    assert _event("So far the US has signed up to the Kyoto treaty.", "treaty")[0] == 1.0
    # a topic preposition is not reached: declining to comment on a deal misses no deal
    declined = nlp()("The firm declined to comment on the deal.")
    assert all(e.polarity > 0 for e in find_events(declined[:]))


def test_a_demonym_parsed_as_a_possessor_describes_a_thing() -> None:
    # BBC politics 292: "German" (JJ) hung as `poss` of "empire" is no German side that acts
    doc = nlp()("UKIP MEP attacked German 'empire'")
    german = next(t for t in doc if t.text == "German")
    assert german.dep_ == "poss" and german.tag_ == "JJ"  # the misparse this rule repairs
    assert not is_agent(german)
    britain = nlp()("Britain's government attacked the plan")[0]
    assert is_agent(britain)
