"""Key statements on real quotes: merged across articles, ranked by the documented score."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import Person
from briefing.brief import build_brief
from briefing.brief.people import NameIndex
from briefing.brief.rank import merge, speaker_country, speaker_level

STRAW = Person("Jack Straw", "GBR", "Foreign Secretary")
SELLER = Person("James Seller", None, "general secretary")
GUANTANAMO = (
    "All four Britons held by the US in Guantanamo Bay will be returned to the UK within weeks, Foreign Secretary "
    'Jack Straw told the Commons on Tuesday. Mr Straw said: "Once they are back in the UK, the police will '
    'consider whether to arrest them under the Terrorism Act 2000." James Seller, general secretary of the '
    'union, said: "Imagine if you were an orchestra from the Orkneys? Every member would have to travel to '
    'London to have their visas processed."'
)
TRIMMED = (
    'Foreign Secretary Jack Straw told MPs: "Once they are back in the UK the police will consider whether to '
    'arrest them under the Terrorism Act." The four men were held for almost three years.'
)


def guantanamo(**kw: object):
    return analysed(
        GUANTANAMO,
        ("GBR", "USA"),
        people=[STRAW, SELLER],
        quotes=[
            (
                "Jack Straw",
                "All four Britons held by the US in Guantanamo Bay will be returned to the UK within weeks",
                False,
            ),
            (
                "Jack Straw",
                "Once they are back in the UK, the police will consider whether to arrest them under the "
                "Terrorism Act 2000.",
                True,
            ),
            (
                "James Seller",
                "Imagine if you were an orchestra from the Orkneys? Every member would have to travel to London to "
                "have their visas processed.",
                True,
            ),
        ],
        **kw,  # type: ignore[arg-type]
    )


def test_a_repeated_quote_is_one_statement_with_every_article() -> None:
    first = guantanamo(source="bbc.txt")
    second = analysed(
        TRIMMED,
        ("GBR", "USA"),
        source="wire.txt",
        people=[STRAW],
        quotes=[
            (
                "Jack Straw",
                "Once they are back in the UK the police will consider whether to arrest them under the Terrorism Act.",
                True,
            )
        ],
    )
    brief = build_brief(("GBR", "USA"), [first, second])
    police = [s for s in brief.statements if "police" in s.statement.text]
    assert len(police) == 1  # near-same words, the same speaker: re-punctuated and trimmed by the second outlet
    assert police[0].articles == (first.id, second.id) and police[0].article == first.id
    assert len(brief.statements) == 3


def test_different_speakers_with_near_same_words_stay_apart() -> None:
    names = NameIndex(["Jack Straw", "James Seller"])
    a = guantanamo()
    s = a.statements[1]
    other = type(s)("James Seller", s.text.replace("2000.", "2000"), True, s.start, s.end)
    assert len(merge([(s, a), (other, a)], names)) == 2
    assert len(merge([(s, a), (s, a)], names)) == 1


def test_an_official_on_the_relationship_outranks_a_union_man_on_visas() -> None:
    brief = build_brief(("GBR", "USA"), [guantanamo()])
    ranked = [s.statement.speaker for s in brief.statements]
    assert ranked[0] == "Jack Straw" and ranked[-1] == "James Seller"
    assert [s.rank for s in brief.statements] == [1, 2, 3]
    assert brief.statements[0].score > brief.statements[-1].score
    # The quote naming both countries comes first, though reported: what it is about weighs most.
    assert "Guantanamo" in brief.statements[0].statement.text


def test_recent_over_old_when_all_else_is_equal() -> None:
    text = 'Mr Straw said: "Britain and the US will talk again about the four men in Guantanamo Bay."'
    quote = [("Jack Straw", "Britain and the US will talk again about the four men in Guantanamo Bay.", True)]
    old = analysed(text, ("GBR", "USA"), source="a.txt", published="2004-03-01", people=[STRAW], quotes=quote)
    text2 = text.replace("talk again", "meet next week")
    quote2 = [("Jack Straw", quote[0][1].replace("talk again", "meet next week"), True)]
    new = analysed(text2, ("GBR", "USA"), source="b.txt", published="2005-01-20", people=[STRAW], quotes=quote2)
    brief = build_brief(("GBR", "USA"), [old, new])
    assert brief.statements[0].article == new.id


def test_speaker_level_and_country_from_role_and_name() -> None:
    assert speaker_level("Vladimir Putin", "President") == "head"
    assert speaker_level("Dmitry Patrushev", "Deputy Prime Minister") != "head"
    assert speaker_level("Jack Straw", "Foreign Secretary") == "minister"
    # An institution speaks below the officials who lead it; its spokesman is an official.
    assert speaker_level("Syrian Foreign Ministry", None) == "institution"
    assert speaker_level("a Syrian Foreign Ministry spokesman", None) == "official"
    assert speaker_level("Yukos", None, institution=True) == "institution"
    assert speaker_level("Mike Nattrass", None) == "person"
    assert speaker_country("Syrian Foreign Ministry", None) == "SYR"
    assert speaker_country("the Kremlin", None) in (None, "RUS")


def test_a_country_word_inside_a_persons_name_is_no_nationality() -> None:
    for name in ("Jordan Henderson", "Paris Hilton", "Israel Folau", "Chad Johnson"):
        assert speaker_country(name, None) is None, name
    assert speaker_country("a Syrian official", None) == "SYR"
    assert speaker_country("Putin", None) == "RUS"


def test_shown_is_the_configured_top_and_the_rest_are_more() -> None:
    brief = build_brief(("GBR", "USA"), [guantanamo()], key_statements=2)
    assert brief.shown == 2 and brief.hidden == 1
    assert build_brief(("GBR", "USA"), [guantanamo()], key_statements=10).shown == 3
