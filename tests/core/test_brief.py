"""The Briefing collection and one pair's brief: pure, immutable, built without any model or UI."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import Person, Trend
from briefing.brief import Briefing, build_brief
from briefing.config import ConfigError, load_config

RABAT = (
    "Moroccan Foreign Minister Nasser Bourita held talks with Syria's foreign minister in Rabat on Monday. "
    "Morocco and Syria agreed to reopen their embassies."
)
DOHA = "Qatar and Syria discussed defence cooperation in Doha. Qatar severed ties with Syria in 2012."
WIRE = (
    "A judge has dismissed an attempt by Russian oil giant Yukos to gain bankruptcy protection in the US. "
    "Texas Judge Letitia Clark said Yukos did not have enough of a US presence to establish US jurisdiction. "
    "Yukos had filed for bankruptcy protection in a US court in an attempt to prevent the forced sale of its "
    "main production arm. The sale went ahead in December and Yuganskneftegas was bought by a little-known "
    "group which was subsequently bought by Russian state-owned oil firm Rosneft. Yukos claimed it sought help "
    "in the US because other forums - Russian courts and the European Court of Human Rights - were either "
    "unfriendly or offered less protection."
)
BOURITA = Person("Nasser Bourita", "MAR", "Foreign Minister")


def test_briefs_sorted_by_count_with_other_last() -> None:
    b = Briefing.build(
        [
            analysed(RABAT, ("MAR", "SYR"), source="a.txt"),
            analysed("Flooding closed roads in the north.", None, source="b.txt"),
            analysed(DOHA, ("QAT", "SYR"), source="c.txt"),
            analysed("Syria's defence minister visited Qatar to discuss training.", ("QAT", "SYR"), source="d.txt"),
        ]
    )
    assert [x.key for x in b] == ["QAT-SYR", "MAR-SYR", "Other"]
    assert [x.title for x in b] == ["Qatar – Syria", "Morocco – Syria", "Other"]
    assert len(b.articles) == 4


def test_lookup_filter_and_only() -> None:
    b = Briefing.build(
        [analysed(RABAT, ("MAR", "SYR"), source="a.txt"), analysed(DOHA, ("QAT", "SYR"), source="b.txt")]
    )
    assert b.get("syr-mar") is b.get("MAR-SYR") is b.get(" MAR - SYR ") is not None
    assert b.get("FRA-DEU") is None
    assert [x.key for x in b.filter("qat")] == ["QAT-SYR"]
    assert [x.key for x in b.filter("morocco")] == ["MAR-SYR"]
    assert len(b.filter("")) == 2
    assert [x.key for x in b.only(["SYR-QAT"])] == ["QAT-SYR"]
    assert b.counts() == {"MAR-SYR": 1, "QAT-SYR": 1}


def test_period_is_the_publication_span_and_events_their_own() -> None:
    first = analysed(DOHA, ("QAT", "SYR"), source="a.txt", published="2024-11-02", dates=[("2012", "2012")])
    second = analysed(
        "Qatar and Syria signed a defence accord in December 2024.",
        ("QAT", "SYR"),
        source="b.txt",
        published="2025-01-05",
        dates=[("December 2024", "2024-12")],
    )
    brief = build_brief(("QAT", "SYR"), [first, second])
    assert brief.period == ("2024-11-02", "2025-01-05")
    # 2012 names both countries: an old event of the relationship itself, so the events start there.
    assert brief.events == ("2012", "2024-12")
    assert {s.article for s in brief.statements} <= {first.id, second.id}


def test_copies_of_one_wire_story_are_one_story_and_one_vote() -> None:
    ap = analysed(WIRE, ("RUS", "USA"), source="ap.txt", outlet="AP", trend=Trend("cooling", ("x",), 0.7))
    trimmed = WIRE.rsplit(" Yukos claimed", 1)[0]  # another outlet cut the last sentence and retitled it
    copy = analysed(
        "Yukos loses US bankruptcy bid\n\n" + trimmed,
        ("RUS", "USA"),
        source="reuters.txt",
        outlet="Reuters",
        trend=Trend("cooling", ("x",), 0.7),
    )
    other = analysed(
        "Russia and the US signed a deal on energy cooperation in Moscow. " * 3,
        ("RUS", "USA"),
        source="c.txt",
        outlet="AP",
        trend=Trend("warming", ("Russia and the US signed a deal on energy cooperation in Moscow.",), 0.7),
    )
    brief = build_brief(("RUS", "USA"), [ap, copy, other])
    assert [a.id for a in brief.articles] == [ap.id, other.id]
    assert [c.id for c in brief.copies[ap.id]] == [copy.id]
    assert brief.outlets(ap) == ("AP", "Reuters")
    assert brief.article(copy.id) is copy and brief.story_of(copy.id) is ap
    assert (brief.position(copy.id), brief.position(other.id), brief.position("nope")) == (0, 1, None)
    assert brief.trend.label == "mixed"  # one cooling story, one warming: the copy is no second vote
    assert brief.to_dict()["articles"] == [ap.id, copy.id, other.id]
    assert brief.to_dict()["stories"] == [[ap.id, copy.id], [other.id]]


def test_json_pair_object_carries_rank_score_sources_shown_and_lead() -> None:
    a = analysed(
        RABAT + " “Morocco and Syria are opening a new page in their relations,” Bourita said.",
        ("MAR", "SYR"),
        people=[BOURITA],
        quotes=[("Nasser Bourita", "Morocco and Syria are opening a new page in their relations", True)],
    )
    data = build_brief(("MAR", "SYR"), [a], key_statements=3).to_dict()
    [s] = data["statements"]  # type: ignore[misc]
    assert s["rank"] == 1 and s["articles"] == [a.id] and s["article"] == a.id and isinstance(s["score"], float)
    assert data["shown"] == 1
    lead = data["lead"]
    assert lead and all({"text", "article", "start", "end"} <= set(p) for p in lead)  # type: ignore[union-attr]


def test_key_statements_come_from_the_config(tmp_path: Path) -> None:
    assert load_config().key_statements == 5
    path = tmp_path / "config.toml"
    path.write_text("[brief]\nkey_statements = 3\n", encoding="utf-8")
    assert load_config(path).key_statements == 3
    path.write_text('[brief]\nkey_statements = "five"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"brief\.key_statements must be a whole number"):
        load_config(path)


EMBARGO = (
    "The EU embargo on arms exports to China is likely to be lifted in the next six months despite US objections, "
    "UK Foreign Secretary Jack Straw has said. The 15-year-old ban was imposed in the aftermath of China's crackdown "
    "on protesters in Tiananmen Square. Washington is thought to fear it would lead to a buying spree for arms that "
    "could be used by China to threaten its diplomatic rival Taiwan."
)
NET_USERS = (
    "The Chinese net-using population looks set to exceed that of the US in less than three years, says a report. "
    "Market analysts Panlogic predicts that net users in China will exceed the 137 million US users of the net by 2008."
)


def test_an_article_reporting_a_pair_besides_its_own_gives_that_pair_its_quotes_not_its_trend() -> None:
    straw = Person("Jack Straw", "GBR", "Foreign Secretary")
    quote = EMBARGO.split(", UK")[0]
    embargo = analysed(EMBARGO, ("CHN", "GBR"), source="058.txt", people=[straw], quotes=[("Jack Straw", quote, False)])
    embargo = replace(
        embargo,
        pairs=(("CHN", "GBR"), ("CHN", "USA"), ("FRA", "USA")),
        trend=Trend("warming", ("The EU embargo on arms exports to China is likely to be lifted",), 0.9),
    )
    net = analysed(
        NET_USERS,
        ("CHN", "USA"),
        source="net.txt",
        trend=Trend("cooling", ("The Chinese net-using population looks set to exceed that of the US",), 0.5),
    )
    b = Briefing.build([embargo, net])
    china_us = b.get("CHN-USA")
    assert china_us is not None
    assert [a.id for a in china_us.articles] == [net.id, embargo.id]  # its own story first
    assert china_us.also == {embargo.id} and china_us.to_dict()["also_reported"] == [embargo.id]
    assert [s.statement.speaker for s in china_us.statements] == ["Jack Straw"]
    assert china_us.trend.label == "cooling"  # the arms-ban article votes in China–UK, not here
    assert china_us.lead and all(p.article == net.id for p in china_us.lead)
    assert b.get("CHN-GBR").articles == (embargo,)  # type: ignore[union-attr]
    assert b.get("FRA-USA") is None  # a pair only a secondary mention names is no brief of its own


def test_an_article_of_no_pair_joins_the_pairs_its_rules_find_credible_that_others_report() -> None:
    straw = Person("Jack Straw", "GBR", "Foreign Secretary")
    quote = EMBARGO.split(", UK")[0]
    other = analysed(EMBARGO, None, source="058.txt", people=[straw], quotes=[("Jack Straw", quote, False)])
    other = replace(other, pairs=(("CHN", "USA"), ("CHN", "TWN")))  # what decide_pair lists with no primary
    net = analysed(NET_USERS, ("CHN", "USA"), source="net.txt")
    b = Briefing.build([other, net])
    china_us = b.get("CHN-USA")
    assert china_us is not None and china_us.also == {other.id}
    assert [s.statement.speaker for s in china_us.statements] == ["Jack Straw"]
    # Of no pair of its own, its sentences tell this pair's story too: the lead may take one of them.
    assert {p.article for p in china_us.lead} == {net.id, other.id}
    assert b.get("Other") is not None and [a.id for a in b.get("Other").articles] == [other.id]  # type: ignore[union-attr]
    # No article reports China–Taiwan first, but an article of no pair reports it: a brief of its own.
    china_taiwan = b.get("CHN-TWN")
    assert china_taiwan is not None and [a.id for a in china_taiwan.articles] == [other.id]
    assert china_taiwan.lead and {p.article for p in china_taiwan.lead} == {other.id}


def test_an_article_of_no_pair_tells_the_story_of_the_pair_it_reports_first_only() -> None:
    """ "EU China arms ban 'to be lifted'" (BBC politics, no primary pair) reports China–UK first, then
    China–US and UK–US: it gives UK–US its quotes, but its sentences are China–UK's story, not UK–US's
    lead (where "The EU embargo on arms exports to China …" told of another relation)."""
    straw = Person("Jack Straw", "GBR", "Foreign Secretary")
    quote = EMBARGO.split(", UK")[0]
    other = analysed(EMBARGO, None, source="058.txt", people=[straw], quotes=[("Jack Straw", quote, False)])
    other = replace(other, pairs=(("CHN", "GBR"), ("CHN", "USA"), ("GBR", "USA")))
    blair = analysed(
        "Tony Blair has said he looks forward to continuing his strong relationship with George Bush. "
        "Mr Blair said Britain would work with the US to fight global terrorism.",
        ("GBR", "USA"),
        source="blair.txt",
    )
    uk_china = analysed("China and the UK signed a trade agreement in Beijing on Thursday.", ("CHN", "GBR"))
    b = Briefing.build([other, blair, uk_china])
    uk_us, china_uk = b.get("GBR-USA"), b.get("CHN-GBR")
    assert uk_us is not None and china_uk is not None
    assert uk_us.also == {other.id} and [s.statement.speaker for s in uk_us.statements] == ["Jack Straw"]
    assert uk_us.lead and {p.article for p in uk_us.lead} == {blair.id}
    assert other.id in {p.article for p in china_uk.lead}


OBAMA = (
    "President Barack Obama has admitted that his failure to pass gun safety laws in the US is the greatest "
    "frustration of his presidency.\n\n"
    "Mr Obama lands in Kenya later on Friday for his first visit since becoming president.\n\n"
    "The president also admitted that some African governments, including Kenya's, needed to improve their "
    "records on human rights and democracy. However, he defended his decision to engage with and visit those "
    "governments."
)


def test_a_pair_only_an_article_of_no_pair_reports_has_a_brief_made_of_that_article() -> None:
    """The BBC's Obama interview (pasted pages, `bbc-1.txt`) is about no pair first (US gun laws), and
    reports Kenya–US besides (his visit): no other article reports that pair, so its brief is made of
    this one, with its statements, its lead and its dates; a pair named only besides another article's
    own pair (Israel–Falklands in an Israel–US story) still makes none."""
    obama = Person("Barack Obama", "USA", "President")
    quote = "some African governments, including Kenya's, needed to improve their records on human rights"
    interview = analysed(
        OBAMA,
        None,
        source="bbc-1.txt",
        people=[obama],
        quotes=[("Barack Obama", quote, False)],
        dates=[("Friday", "2015-07-24")],
    )
    interview = replace(interview, pairs=(("KEN", "USA"),))
    bank = analysed(WIRE, ("RUS", "USA"), source="wire.txt")
    bank = replace(bank, pairs=(("RUS", "USA"), ("FLK", "USA")))
    b = Briefing.build([interview, bank])
    kenya_us = b.get("KEN-USA")
    assert kenya_us is not None
    assert [a.id for a in kenya_us.articles] == [interview.id] and kenya_us.also == {interview.id}
    assert [s.statement.text for s in kenya_us.statements] == [quote]
    assert kenya_us.lead and all(p.article == interview.id for p in kenya_us.lead)
    assert "Mr Obama lands in Kenya" in " ".join(p.text for p in kenya_us.lead)
    assert [t.value for t in kenya_us.timeline] == ["2015-07-24"]
    assert b.get("FLK-USA") is None


EXEL = (
    "Shares in storage and delivery firm Exel closed up 9% at a two-and-a-half year high on Tuesday on "
    "speculation it is to receive an imminent takeover bid. The talk in the City is that US giant United Parcel "
    "Services (UPS) is the most likely bidder for the firm. Exel employs 109,000 people in more than 120 countries "
    "and has itself been active in the consolidation of the logistics sector, paying £328m to buy fellow UK firm "
    "Tibbett & Britten last August."
)
BLAIR_BUSH = (
    "Tony Blair has said he looks forward to continuing his strong relationship with George Bush and working with "
    "him during his second term as president. Mr Blair said Britain was \"uniquely placed\" to make out the common "
    "ground because of its strong alliance with the US."
)


def test_the_articles_the_brief_cites_come_first() -> None:
    """BBC business/082 and politics/361 (UK–US), read in file order: the takeover-rumour story naming the US
    once came first in the pair's list. Now the story of the top key statement comes first, then the one the
    lead tells, then the rest as given; an article that reports the pair besides its own stays after the pair's
    own even when it gives the top statement."""
    blair = Person("Tony Blair", "GBR", "Prime Minister")
    exel = analysed(EXEL, ("GBR", "USA"), title="Takeover rumour lifts Exel shares", source="business/082.txt")
    talks = analysed(
        "Britain and the United States agreed on Monday to hold talks on trade and security in London next month. "
        "The talks between Britain and the US will cover tariffs.",
        ("GBR", "USA"),
        title="UK and US to hold talks",
        source="politics/100.txt",
    )
    bush = analysed(
        BLAIR_BUSH,
        ("GBR", "USA"),
        title="Blair looks forward to Bush ties",
        source="politics/361.txt",
        people=[blair],
        quotes=[("Tony Blair", "Britain was \"uniquely placed\" to make out the common ground", False)],
    )
    brief = build_brief(("GBR", "USA"), [exel, talks, bush])
    assert [s.article for s in brief.statements] == [bush.id]
    assert brief.lead[0].article == talks.id
    assert [a.id for a in brief.articles] == [bush.id, talks.id, exel.id]
    assert (brief.position(bush.id), brief.position(exel.id)) == (0, 2)
    assert brief.to_dict()["articles"] == [bush.id, talks.id, exel.id]

    besides = analysed(
        "Tony Blair said France and Britain must work with the US on Iran, and that the UK was \"uniquely "
        "placed\" between Europe and America.",
        ("FRA", "GBR"),
        title="Blair on Europe and the US",
        source="politics/362.txt",
        people=[blair],
        quotes=[("Tony Blair", "France and Britain must work with the US on Iran", False)],
    )
    brief = build_brief(("GBR", "USA"), [exel, talks, bush], also=[besides])
    assert brief.statements[0].article == besides.id
    assert [a.id for a in brief.articles] == [bush.id, talks.id, exel.id, besides.id]
