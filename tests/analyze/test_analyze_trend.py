"""Trend rules on real-style news sentences: cues, reversals, background, hedges and the evidence contract."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.analyze.trend import STRONG_SIDE, article_trend, evidence_label, merge_trends
from briefing.analyze.trend import sentence_trend as parsed_sentence_trend
from briefing.article import Trend
from tests.analyze.analyze_helpers import nlp

if TYPE_CHECKING:
    from spacy.tokens import Span

PAIR = ("MAR", "SYR")


def span(text: str) -> Span:
    """A sentence parsed by the real pipeline, as the analyzer hands it to the trend rules."""
    return nlp()(text)[:]


def parsed(sentences: list[tuple[str, set[str]]]) -> list[tuple[Span, set[str]]]:
    return [(span(text), codes) for text, codes in sentences]


def sentence_trend(text: str) -> float:
    return parsed_sentence_trend(span(text))


def _check_contract(trend: Trend) -> None:
    if trend.label == "unknown":
        assert trend.evidence == ()
    else:
        assert trend.label in ("warming", "cooling", "mixed")
        assert trend.evidence and all(e.strip() for e in trend.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow hosts reconciliation talks to end strained Syria-Turkey ties",
        "The two countries agreed to lift sanctions imposed last year.",
        "Both sides said they would work to ease tensions along the border.",
        "Sanctions on the country were lifted on Monday.",
        "The ministers signed a memorandum of understanding on trade.",
    ],
)
def test_warming_sentences_and_reversed_cooling_cues(sentence: str) -> None:
    assert sentence_trend(sentence) > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Ankara recalled its ambassador and suspended cooperation on energy.",
        "Turkey's biggest mobile firm could pull out of the $3bn deal.",
        "The government threatened to scrap the agreement.",
        "Talks collapsed and the two sides failed to agree on a new treaty.",
        "The deal was scrapped after parliament voted against it.",
        "Turkey-Iran mobile deal 'at risk'",
        "The UN passed a resolution condemning the raid.",
    ],
)
def test_cooling_sentences_and_undone_warming_cues(sentence: str) -> None:
    assert sentence_trend(sentence) < 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Several ministers met in London.",  # not "sever"
        "Leaders discussed the war on terror.",
        "Analysts said a great deal of work remains.",
        "The government has to deal with rising prices.",
    ],
)
def test_words_that_only_look_like_cues(sentence: str) -> None:
    assert sentence_trend(sentence) == 0


def test_negated_cooling_cue_says_nothing() -> None:
    assert sentence_trend("The president said he will not tolerate attacks on civilians.") == 0
    assert sentence_trend("Officials met in Rabat on Tuesday.") == 0


def test_warming_story_with_background_of_severed_ties() -> None:
    sentences = [
        ("Is a phone call paving the way towards thawing Morocco-Syria relations?", {"MAR", "SYR"}),
        ("The foreign ministers of Morocco and Syria held phone talks on Monday.", {"MAR", "SYR"}),
        ("This phone call follows more than a decade of strained relations between the two countries.", set()),
        ("In 2012, Morocco severed diplomatic ties with Syria and expelled Syrian diplomats.", {"MAR", "SYR"}),
        ("Both officials emphasized the need to strengthen diplomatic relations.", set()),
    ]
    trend = article_trend(parsed(sentences), PAIR, "2025-01-20")
    assert trend.label == "warming"
    assert not any("severed" in e for e in trend.evidence)
    _check_contract(trend)


def test_cooling_story() -> None:
    sentences = [
        ("Turkey-Iran mobile deal 'at risk'", {"TUR", "IRN"}),
        ("Turkey's investment in Iran's mobile industry looks set to be scrapped by Iranian MPs.", {"TUR", "IRN"}),
        ("Iran accused Turkey of ties with Israel and recalled its ambassador from Ankara.", {"TUR", "IRN", "ISR"}),
    ]
    trend = article_trend(parsed(sentences), ("IRN", "TUR"))
    assert trend.label == "cooling"
    _check_contract(trend)


def test_mixed_story_has_evidence_from_both_sides() -> None:
    sentences = [
        ("Ukraine and Turkmenistan: gas deal after supply cut", {"UKR", "TKM"}),
        ("Ukraine has agreed to pay Turkmenistan 30% more for gas under a new deal.", {"UKR", "TKM"}),
        ("Turkmenistan shut off gas supplies to Ukraine on Friday in a price dispute.", {"UKR", "TKM"}),
        ("Ukraine accused Turkmenistan of blackmail and threatened retaliation.", {"UKR", "TKM"}),
    ]
    trend = article_trend(parsed(sentences), ("TKM", "UKR"))
    assert trend.label == "mixed"
    _check_contract(trend)
    assert any(sentence_trend(e) > 0 for e in trend.evidence)
    assert any(sentence_trend(e) < 0 for e in trend.evidence)


def test_sentences_about_a_third_relationship_do_not_count() -> None:
    sentences = [
        ("Blair meets Bush in Washington", {"GBR", "USA"}),
        ("US policy has changed since the war in Afghanistan and the invasion of Iraq.", {"USA", "AFG", "IRQ"}),
        ("Britain and the US strengthened their partnership.", {"GBR", "USA"}),
    ]
    trend = article_trend(parsed(sentences), ("GBR", "USA"))
    assert trend.label == "warming"
    assert all("Afghanistan" not in e for e in trend.evidence)


def test_headline_and_both_country_sentences_outweigh_one_country_noise() -> None:
    sentences = [
        ("Egypt and Israel seal trade deal", {"EGY", "ISR"}),
        ("Protests and clashes continued in Cairo.", {"EGY"}),
        ("The attack was condemned by Egyptian officials.", {"EGY"}),
    ]
    trend = article_trend(parsed(sentences), ("EGY", "ISR"))
    assert trend.label == "warming"
    assert trend.evidence[0] == "Egypt and Israel seal trade deal"


def test_no_cue_or_no_pair_is_unknown() -> None:
    flat = [("Morocco and Syria", {"MAR", "SYR"}), ("Officials of Morocco and Syria met in Rabat.", {"MAR", "SYR"})]
    assert article_trend(parsed(flat), PAIR) == Trend("unknown")
    warm = [("Morocco and Syria restore ties", {"MAR", "SYR"})]
    assert article_trend(parsed(warm), None) == Trend("unknown")


def test_one_country_article_is_unknown() -> None:
    # Without a pair (an article about one country) there is no relationship to judge, whatever the cues.
    sentences = [
        ("Morocco signs trade agreement", {"MAR"}),
        ("Morocco welcomed the deal and praised the partnership.", {"MAR"}),
    ]
    assert article_trend(parsed(sentences), None).label == "unknown"


def test_hedged_cues_count_less_than_firm_ones() -> None:
    firm = [("x", set()), ("Morocco and Syria restored ties.", {"MAR", "SYR"})]
    hedged = [("x", set()), ("Morocco and Syria could restore ties.", {"MAR", "SYR"})]
    from briefing.analyze.trend import sentence_votes

    assert sentence_votes(parsed(hedged), PAIR)[0].value < sentence_votes(parsed(firm), PAIR)[0].value


@pytest.mark.parametrize(
    "sentences",
    [
        [("Row over fishing rights", {"MAR", "ESP"}), ("Spain and Morocco traded accusations.", {"MAR", "ESP"})],
        [("Spain, Morocco deepen ties", {"MAR", "ESP"})],
        [("Spain and Morocco", {"MAR", "ESP"}), ("They met.", set())],
        [("Spain and Morocco sign deal amid row", {"MAR", "ESP"})],
    ],
)
def test_evidence_always_present_for_a_label(sentences: list[tuple[str, set[str]]]) -> None:
    _check_contract(article_trend(parsed(sentences), ("ESP", "MAR")))


def test_merge_trends_one_vote_per_article() -> None:
    warm = Trend("warming", ("A restores ties with B.", "A and B signed a deal."), 0.7)
    cool = Trend("cooling", ("A expels B diplomats.",), 0.7)
    mixed = Trend("mixed", ("A and B agreed, then clashed.",), 0.4)
    assert merge_trends([warm, cool]).label == "mixed"
    assert merge_trends([warm, warm, cool]).label == "warming"  # one side must weigh twice the other
    assert merge_trends([warm, warm, warm, cool]).label == "warming"
    assert merge_trends([cool, cool, cool, warm]).label == "cooling"
    single = merge_trends([mixed])
    assert single.label == "mixed" and single.evidence == mixed.evidence
    assert merge_trends([Trend("unknown")]) == Trend("unknown")
    assert merge_trends([]) == Trend("unknown")
    merged = merge_trends([warm, warm, warm, cool])
    assert "A expels B diplomats." not in merged.evidence and len(set(merged.evidence)) == len(merged.evidence)


def test_merge_trends_newer_articles_weigh_more() -> None:
    warm = Trend("warming", ("ties restored",), 0.7)
    cool = Trend("cooling", ("ambassador recalled",), 0.7)
    assert merge_trends([warm, cool], [1.0, 1.5]).label == "mixed"
    assert merge_trends([warm, warm, cool], [1.0, 1.0, 1.5]).label == "mixed"
    assert merge_trends([warm, warm, cool], [1.5, 1.5, 1.0]).label == "warming"


def test_merge_trends_takes_evidence_from_several_articles() -> None:
    long = Trend("warming", ("w1", "w2", "w3", "w4"), 0.7)
    short = Trend("warming", ("v1",), 0.5)
    merged = merge_trends([long, short])
    assert merged.label == "warming"
    assert "v1" in merged.evidence and "w3" not in merged.evidence


# --- mixed only with strong evidence both ways; confidence --------------------------------------------------


def test_strong_evidence_one_way_with_a_passing_cue_the_other_way_is_not_mixed() -> None:
    sentences = [
        ("Russia and Ukraine swap hundreds of prisoners in biggest exchange", {"RUS", "UKR"}),
        (
            "Russia and Ukraine exchanged 300 prisoners each on Friday, the largest swap since the war began.",
            {"RUS", "UKR"},
        ),
        ("Both sides agreed to hold further exchanges and to return the bodies of fallen soldiers.", set()),
        ("The deal was brokered by the United Arab Emirates.", {"ARE"}),
        ("Talks on a wider ceasefire have stalled amid continued attacks.", set()),
    ]
    trend = article_trend(parsed(sentences), ("RUS", "UKR"))
    assert trend.label == "warming"
    _check_contract(trend)


def test_weak_cues_both_ways_are_unknown_not_mixed() -> None:
    sentences = [
        ("Officials of Morocco and Syria meet in Rabat", {"MAR", "SYR"}),
        ("The delegations could discuss a possible visit, officials said.", set()),
        ("Some officials might protest, one analyst said.", set()),
    ]
    assert article_trend(parsed(sentences), PAIR).label == "unknown"


def test_confidence_orders_strong_over_weak_evidence() -> None:
    strong = article_trend(
        parsed(
            [
                ("Morocco and Syria restore diplomatic ties", {"MAR", "SYR"}),
                ("Morocco and Syria signed an agreement to reopen their embassies on Monday.", {"MAR", "SYR"}),
                ("The two countries pledged to deepen cooperation in trade and security.", set()),
            ]
        ),
        PAIR,
    )
    weak = article_trend(
        parsed(
            [
                ("Morocco and Syria", {"MAR", "SYR"}),
                ("The ministers of Morocco and Syria could hold talks next month, a diplomat said.", {"MAR", "SYR"}),
            ]
        ),
        PAIR,
    )
    contested = article_trend(
        parsed(
            [
                ("Morocco and Syria restore diplomatic ties", {"MAR", "SYR"}),
                ("The announcement came on Monday.", set()),
                ("Embassies will reopen within weeks.", set()),
                ("Officials gave no further details.", set()),
                ("Syria criticised Morocco over the pace of the process.", {"MAR", "SYR"}),
            ]
        ),
        PAIR,
    )
    assert strong.label == weak.label == contested.label == "warming"
    assert 0.0 < weak.confidence < strong.confidence <= 1.0
    assert contested.confidence < strong.confidence
    assert article_trend(parsed([("Morocco and Syria", {"MAR", "SYR"})]), PAIR).confidence == 0.0


def test_mixed_needs_strong_evidence_both_ways_and_has_a_confidence() -> None:
    sentences = [
        ("Ukraine and Turkmenistan: gas deal after supply cut", {"UKR", "TKM"}),
        ("Ukraine has agreed to pay Turkmenistan 30% more for gas under a new deal.", {"UKR", "TKM"}),
        ("Turkmenistan shut off gas supplies to Ukraine on Friday in a price dispute.", {"UKR", "TKM"}),
        ("Ukraine accused Turkmenistan of blackmail and threatened retaliation.", {"UKR", "TKM"}),
    ]
    trend = article_trend(parsed(sentences), ("TKM", "UKR"))
    assert trend.label == "mixed" and 0.0 < trend.confidence <= 1.0


def test_cooling_verb_aimed_at_a_warming_cue_and_quarrel_topics() -> None:
    assert sentence_trend("Iranian MPs threaten mobile deal") < 0
    assert sentence_trend("Parliament rejected the agreement.") < 0
    # The deal is what the investigation is about, not a step towards the other country.
    assert sentence_trend("Traders face a criminal investigation in Germany over a controversial bond deal.") < 0
    assert sentence_trend("The EU embargo on arms exports to China is likely to be lifted in the next months.") > 0


def test_the_two_countries_after_a_sentence_about_others_is_not_about_the_pair() -> None:
    sentences = [
        ("Iranian MPs threaten mobile deal", {"IRN"}),
        ("Turkey's biggest mobile firm could pull out of its deal in Iran.", {"TUR", "IRN"}),
        ("The firm is said to have business ties with Israel, like many Turkish companies.", {"ISR", "TUR"}),
        ("The two countries strengthened ties in defence last year.", set()),
    ]
    trend = article_trend(parsed(sentences), ("IRN", "TUR"))
    assert trend.label == "cooling"
    assert not any("two countries" in e for e in trend.evidence)


def test_merged_trend_confidence_follows_agreement_and_article_confidence() -> None:
    sure = Trend("warming", ("A and B restored ties.",), 0.9)
    unsure = Trend("warming", ("A and B may meet.",), 0.3)
    against = Trend("cooling", ("A expels B diplomats.",), 0.9)
    assert merge_trends([sure, sure]).confidence == 0.9
    assert merge_trends([unsure, unsure]).confidence < merge_trends([sure, sure]).confidence
    assert merge_trends([sure, sure, sure, against]).confidence < merge_trends([sure, sure, sure]).confidence
    assert merge_trends([Trend("unknown")]).confidence == 0.0


def test_mixed_only_when_both_sides_are_strong() -> None:
    # Both sides at least STRONG_SIDE: mixed. One strong, one passing: the strong one. Close and weak: unknown.
    assert evidence_label(STRONG_SIDE, STRONG_SIDE) == "mixed"
    assert evidence_label(2.5, STRONG_SIDE) == "mixed"
    assert evidence_label(2.5, STRONG_SIDE - 0.1) == "warming"
    assert evidence_label(1.0, 2.9) == "cooling"
    assert evidence_label(1.2, 1.0) == "unknown"


def test_a_contract_awarded_is_material_cooperation() -> None:
    # A contract is a commercial agreement (CAMEO material cooperation), like a deal or a supply order.
    assert sentence_trend("Egypt's oil ministry awarded the British firm two exploration contracts.") > 0
    assert sentence_trend("A US company has pulled out of a major contract to rebuild the transport system.") < 0


def test_a_denied_step_is_no_step_either_way() -> None:
    # Denying a report, or a charge, leaves nothing done and nothing missed; not denying leaves a possibility.
    assert sentence_trend("But the firm denied reports it was withdrawing completely from Iraq.") == 0
    assert sentence_trend("He denied accusing Germany of using the EU as cover.") == 0
    assert sentence_trend("But he played down reports the prime minister was considering a new treaty.") == 0
    assert sentence_trend("The minister did not rule out that there had been an agreement.") == 0
    assert sentence_trend("The firm is withdrawing completely from Iraq.") < 0


def test_hearsay_counts_less_than_an_assertion() -> None:
    asserted = article_trend(
        parsed(
            [("Morocco and Syria", {"MAR", "SYR"}), ("Morocco and Syria signed a trade agreement.", {"MAR", "SYR"})]
        ),
        PAIR,
    )
    passed_on = article_trend(
        parsed(
            [
                ("Morocco and Syria", {"MAR", "SYR"}),
                ("According to a newspaper, Morocco and Syria signed a trade agreement.", {"MAR", "SYR"}),
            ]
        ),
        PAIR,
    )
    assert asserted.label == passed_on.label == "warming"
    assert passed_on.confidence < asserted.confidence


def test_recall_and_summon_are_protests_only_with_an_envoy() -> None:
    assert sentence_trend("France summoned the Italian ambassador on Monday.") < 0
    assert sentence_trend("The ambassador was recalled to Paris.") < 0
    assert (
        sentence_trend("Now awaiting news of an appeal against deportation, he recalls his horrific experience.") == 0
    )
