"""A pair's trend across its stories (`merge_trends`, the brief's `_trend`), on real news text.

Each story's trend is read by the real rules from its sentences; the pair's verdict weighs each story by
its confidence, is mixed only when both directions are strong across stories, unknown when a contest is
weak, and shows steps between the two first.
"""

from __future__ import annotations

from briefing.analyze.trend import PAIR_STRONG, article_trend, merge_trends
from briefing.article import Trend
from briefing.brief import build_brief
from tests.analyze.analyze_helpers import analyze
from tests.analyze.test_analyze_trend import parsed
from tests.conftest import SHARED

PAIR = ("RUS", "UKR")


def story(sentences: list[tuple[str, set[str]]]) -> Trend:
    return article_trend(parsed(sentences), PAIR)


def signed() -> Trend:
    return story(
        [
            ("Russia and Ukraine sign gas deal", {"RUS", "UKR"}),
            (
                "Russia and Ukraine signed a ten-year gas supply agreement in Moscow on Friday, ending months "
                "of dispute.",
                {"RUS", "UKR"},
            ),
        ]
    )


def expelled() -> Trend:
    return story(
        [
            ("Russia expels Ukrainian diplomats", {"RUS", "UKR"}),
            (
                "Russia has expelled four Ukrainian diplomats and suspended talks with Kiev, the foreign ministry "
                "in Moscow said.",
                {"RUS", "UKR"},
            ),
        ]
    )


def may(verb: str) -> Trend:
    """One hedged sentence: a verdict, but an unsure one."""
    return story(
        [
            ("Gas prices rise in Kiev", {"UKR"}),
            (f"Ukraine may {verb} a gas supply deal with Russia, an adviser said.", {"UKR", "RUS"}),
        ]
    )


def test_a_sure_story_outweighs_an_unsure_one_the_other_way() -> None:
    sure, unsure = signed(), may("pull out of")
    assert (sure.label, unsure.label) == ("warming", "cooling")
    assert sure.confidence >= PAIR_STRONG > unsure.confidence  # one vote each would have been a tie: mixed
    merged = merge_trends([sure, unsure])
    assert merged.label == "warming"
    assert merged.evidence[0] == sure.evidence[0] and not set(unsure.evidence) & set(merged.evidence)
    assert merged.confidence < sure.confidence  # the story against it still costs confidence


def test_two_unsure_stories_either_way_are_unknown_not_mixed() -> None:
    warm, cool = may("sign"), may("pull out of")
    assert (warm.label, cool.label) == ("warming", "cooling")
    assert merge_trends([warm, cool]) == Trend("unknown")


def test_mixed_when_both_directions_have_a_sure_story() -> None:
    warm, cool = signed(), expelled()
    assert min(warm.confidence, cool.confidence) >= PAIR_STRONG
    merged = merge_trends([warm, cool])
    assert merged.label == "mixed"
    assert set(merged.evidence) & set(warm.evidence) and set(merged.evidence) & set(cool.evidence)


def test_one_story_keeps_its_own_verdict() -> None:
    unsure = may("sign")
    assert merge_trends([unsure]) == unsure
    assert merge_trends([unsure, Trend("unknown")]).label == "warming"


def bbc(name: str) -> tuple[str, str]:
    title, body = (SHARED / "corpora" / "bbc" / name).read_text(encoding="utf-8").split("\n", 1)
    return title.strip(), body.strip()


def test_the_brief_shows_a_step_between_the_two_before_one_sides_step() -> None:
    # 223: a US gaming firm sells UK dog tracks (its sentences: one side's deals where the other is named);
    # 417: UK Barclays held merger talks with US Wells Fargo (both are sides of the talks).
    tracks = analyze(*bbc("business/223.txt"))
    talks = analyze(*bbc("business/417.txt"))
    assert tracks.pair == talks.pair == ("GBR", "USA")
    assert not any(tracks.trend.between) and talks.trend.between[0]
    assert tracks.trend.confidence > talks.trend.confidence  # by confidence alone the dog tracks come first
    brief = build_brief(("GBR", "USA"), [tracks, talks])
    assert brief.trend.label == "warming"
    assert brief.evidence[0].article == talks.id and "Wells Fargo" in brief.evidence[0].text
    assert brief.trend.between[0] and not brief.trend.between[-1]


def test_a_weak_verdict_without_a_step_between_the_two_is_unknown() -> None:
    # Two Yukos stories filed under Russia–US: a Russian firm's links (324) and Yukos's dispute with the Russian
    # authorities (391). Each names the US, neither reports a step between Russia and the US.
    sale = analyze(*bbc("business/324.txt"))
    courts = analyze(*bbc("business/391.txt"))
    assert sale.pair == courts.pair == ("RUS", "USA")
    assert {sale.trend.label, courts.trend.label} == {"warming", "cooling"}
    assert not any(sale.trend.between) and not any(courts.trend.between)
    assert max(sale.trend.confidence, courts.trend.confidence) < PAIR_STRONG
    assert build_brief(("RUS", "USA"), [sale, courts]).trend == Trend("unknown")
