"""Names the model tags as places or firms, or leaves untagged, that the sentence gives a person's title
(`analyze.misread_names`), on sentences from BBC articles; and what the rest of the analysis reads of them."""

from __future__ import annotations

import pytest

from tests.analyze.analyze_helpers import analyze, nlp


def _people_tags(text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp()(text).ents}


def _bare_tags(text: str) -> dict[str, str]:
    pipeline = nlp()
    with pipeline.select_pipes(disable=["person_repair"]):
        return {e.text: e.label_ for e in pipeline(text).ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title in the name's own noun phrase
        ("South African president Thabo Mbeki has attacked British imperialists.", "Thabo Mbeki"),
        (
            '"We won," said Standard Chartered chief executive Mervyn Davies at a London press conference.',
            "Mervyn Davies",
        ),
        ('"The risks are real," said Credit Suisse First Boston analyst Vadim Mitroshin.', "Vadim Mitroshin"),
        # a title in apposition, set off by commas
        ("The Scottish National Party's Holyrood leader, Nicola Sturgeon, welcomed the move.", "Nicola Sturgeon"),
        ('"Slightly higher joblessness," Julio Hegedus, chief economist at Lopes Filho, said.', "Julio Hegedus"),
        # an honorific: a demonym, a product, nothing at all
        ('"It is likely to be this year\'s Tracey Island," said Mr Irish.', "Irish"),
        ("BP chief executive Lord Browne said the firm would continue to buy back shares.", "Browne"),
        ("Mr Ebbers is on trial for fraud.", "Ebbers"),
    ],
)
def test_a_name_the_sentence_gives_a_title_is_a_person(text: str, name: str) -> None:
    assert _bare_tags(text).get(name) != "PERSON"  # what the model alone makes of it
    assert _people_tags(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("EU member Poland said no to the plan.", "Poland", "GPE"),  # a country after a title noun
        ("New Zealand Prime Minister Helen Clark spoke.", "New Zealand", "GPE"),
        ("UK bank Barclays said it was in talks with Absa.", "Barclays", "ORG"),  # a firm's kind, no title
    ],
)
def test_a_country_or_a_firm_stays_what_it_is(text: str, name: str, label: str) -> None:
    assert _people_tags(text).get(name) == label


def test_an_office_after_an_honorific_is_no_name() -> None:
    tags = _people_tags("The Lord Chancellor said the bill would pass.")
    assert "Chancellor" not in tags


def test_a_person_named_with_a_title_once_is_a_person_where_the_full_name_comes_bare() -> None:
    # "Stanley" tagged a place, "David" left out: "Mr Stanley" further on says who he is.
    text = (
        "Steve Linford, director of Spamhaus, predicted failure. David Stanley, UK managing director of filtering "
        'firm Ciphertrust, said the new technique was the next logical step for spammers. "They are adding to their '
        'armoury," he said. The amount of spam was still growing, said Mr Stanley.'
    )
    assert _people_tags(text).get("David Stanley") == "PERSON"


def test_the_repaired_name_is_a_speaker_with_the_title_as_role_and_the_people_list_holds_him() -> None:
    article = analyze(
        "'No UK apology' for colonial past",
        "Mr Brown has signed a debt relief deal with Tanzania. South African president Thabo Mbeki has attacked "
        "British imperialists, saying they treated Africans like savages.",
    )
    mbeki = next(p for p in article.people if p.name == "Thabo Mbeki")
    assert (mbeki.role, mbeki.country) == ("president", "ZAF")
    said = next(s for s in article.statements if "savages" in s.text)
    assert (said.speaker, said.role) == ("Thabo Mbeki", "president")


def test_a_title_phrase_goes_to_the_holder_of_that_title_not_to_an_untitled_person_in_focus() -> None:
    # "Mr Brown's Budget" puts Brown in focus; "the Tory leader" is the one the article calls so.
    article = analyze(
        "Howard attacks 'pay later' Budget",
        'Tory leader Michael Howard has dismissed Gordon Brown\'s Budget as "vote now, pay later" spending '
        "plans.\n\nMr Brown's Budget was not about what was good for the country, but \"all about the interests "
        'of the Labour party," the Tory leader said.',
    )
    said = next(s for s in article.statements if "interests of the Labour party" in s.text)
    assert said.speaker == "Michael Howard"


def test_a_qualified_office_does_not_answer_to_the_bare_title() -> None:
    # "the chancellor" is Gordon Brown, in focus; "shadow chancellor Oliver Letwin" holds another office.
    article = analyze(
        "Chancellor rallies Labour voters",
        "Gordon Brown has issued a rallying cry to supporters.\n\nThe chancellor said the vote will give a "
        '"clear and fundamental" choice. To a packed audience, the chancellor said the cuts proposed by shadow '
        "chancellor Oliver Letwin were the equivalent of sacking every teacher.",
    )
    said = next(s for s in article.statements if "clear and fundamental" in s.text)
    assert said.speaker == "Gordon Brown"


def test_an_untitled_person_in_focus_keeps_a_title_someone_else_holds_only_in_part() -> None:
    # "the minister" is the justice minister the article is about, not the First Minister it also names.
    article = analyze(
        "Jamieson targets sectarian fans",
        "Scotland's justice minister has warned bigoted soccer fans that she wants to hit them \"where it hurts "
        'most" by banning them from matches.\n\nFirst Minister Jack McConnell has backed the campaign. Cathy '
        "Jamieson said exclusion orders are one of a series of measures being considered. However, the minister "
        "said stopping sectarian abuse associated with Old Firm matches is a key objective.",
    )
    said = next(s for s in article.statements if "sectarian abuse" in s.text)
    assert said.speaker == "Cathy Jamieson"
