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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # BBC entertainment: the model runs a name on through a spaced dash (a BBC style).
        ("DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead.", "Norman Cook"),
        ("US hip-hop star Kanye West - who leads the race for this year's Grammys - rose to prominence.", "Kanye West"),
        ("Joshua Rifkin - a composer and leading interpreter of Bach - found the work.", "Joshua Rifkin"),
        # A plural's possessive mark; a photo credit of a pasted page (NBC News).
        ("Robbie Williams' Angels was named the best song of the past 25 years.", "Robbie Williams"),
        ("Supporters rally in Seoul on Friday. Ezra Acayan / Getty Images", "Ezra Acayan"),
        # A tennis score after the name (BBC sport).
        ("Williams survived an early scare to beat Russia's Elena Bovina 1-6 6-1 6-4.", "Elena Bovina"),
    ],
)
def test_a_name_ends_where_a_spaced_dash_a_slash_a_score_or_its_possessive_mark_begins(text: str, name: str) -> None:
    people = {t for t, label in _people_tags(text).items() if label == "PERSON"}
    assert any(t.endswith(name) for t in people)  # "DJ Norman Cook": the people rules drop the occupation
    assert not any(name in t and not t.endswith(name) for t in people)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # BBC politics/319, entertainment, sport: the model takes a plural noun before a full name into it.
        ("The group, including Tories Ken Clarke and Sir George Young, is confident.", "Ken Clarke"),
        ("Singers Jennifer Lopez and Marc Anthony arrived at the premiere.", "Jennifer Lopez"),
        # BBC sport: the speech verb of an inverted attribution.
        ('Bath need experienced back-up. Said Williams: "When this opportunity came, I did not hesitate."', "Williams"),
    ],
)
def test_a_plural_or_a_speech_verb_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    people = {t for t, label in _people_tags(text).items() if label == "PERSON"}
    assert name in people
    assert not any(name in t and t != name for t in people)


def test_a_given_name_ending_in_s_stays_in_the_name() -> None:
    people = _people_tags("Charles Saumarez Smith said so. Hans Christian Andersen wrote it.")
    assert people.get("Charles Saumarez Smith") == "PERSON"
    assert people.get("Hans Christian Andersen") == "PERSON"


def test_a_hyphen_inside_a_name_stays_and_the_speaker_is_the_name_alone() -> None:
    assert _people_tags("Mark Lewis-Francis made amends in the sprint relay.").get("Mark Lewis-Francis") == "PERSON"
    article = analyze(
        "Dance music 'not dead' says DJ",
        "DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead, but has admitted it is "
        'currently going through a "fallow patch".',
    )
    assert [s.speaker for s in article.statements] == ["DJ Norman Cook"]  # was "DJ Norman Cook - aka"
    assert all(p.name.endswith("Norman Cook") for p in article.people)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # The country ruler tags "Mexico" before the model reads "The Bank of" (BBC business).
        (
            "The Bank of Mexico said that remittances grew 24% last year and now represent the country's "
            "second-biggest source of income after oil.",
            "The Bank of Mexico",
            "MEX",
        ),
        # A demonym as a word of the name, with the capitalised words it leads.
        (
            "It was led by Digby Jones, director general of the UK's Confederation of British Industry (CBI).",
            "Confederation of British Industry",
            "GBR",
        ),
    ],
)
def test_an_organisation_named_for_a_country_is_one_name_of_that_country(text: str, name: str, country: str) -> None:
    ents = {e.text: (e.label_, e.ent_id_) for e in nlp()(text).ents}
    assert ents.get(name) == ("ORG", country)
    assert not any(t != name and t in name for t in ents)  # no "The Bank of" beside a "Mexico"


def test_a_country_after_a_name_that_does_not_run_on_stays_a_country() -> None:
    ents = {e.text: (e.label_, e.ent_id_) for e in nlp()("The president of France met Digby Jones of the CBI.").ents}
    assert ents.get("France") == ("GPE", "FRA")
    ents = {e.text: e.ent_id_ for e in nlp()("The Confederation of British firms met.").ents}
    assert "British" in ents  # a demonym leading no name stays the country's


def test_the_organisation_speaks_under_its_whole_name_for_its_country() -> None:
    article = analyze(
        "Mexican remittances rise",
        "Remittances from Mexicans working in the US are growing. The Bank of Mexico said that remittances grew "
        "24% last year and now represent the country's second-biggest source of income after oil.",
    )
    said = next(s for s in article.statements if "remittances grew" in s.text)
    assert (said.speaker, said.country) == ("The Bank of Mexico", "MEX")


_YOON = (
    "President Yoon Suk Yeol had earlier apologized for a short-lived declaration of martial law. "
    "SEOUL, South Korea — A plan to impeach South Korean President Yoon Suk Yeol over his short-lived "
    "declaration of martial law has failed after members of his governing party left parliament on Saturday."
)


def test_a_name_the_model_cut_short_is_completed_where_the_text_writes_it_whole() -> None:
    assert "Yoon Suk" in _bare_tags(_YOON)  # the model's own reading of the second sentence (an NBC page)
    people = {e.text for e in nlp()(_YOON).ents if e.label_ == "PERSON"}
    assert people == {"Yoon Suk Yeol"}


def test_a_name_is_not_run_on_into_words_the_text_never_writes_with_it() -> None:
    text = "A plan to impeach South Korean President Yoon Suk Yeol over his declaration of martial law failed."
    people = {e.text for e in nlp()(text).ents if e.label_ == "PERSON"}
    assert people == {"Yoon Suk"}  # one reading only: nothing says "Yeol" is his


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # BBC entertainment: films the model tags a person
        (
            "His credits include In The Name Of The Father (1994), The Crucible (1997), The Boxer (1998) and "
            "Martin Scorsese's Gangs Of New York.",
            "The Boxer",
        ),
        (
            "Vin Diesel's family comedy The Pacifier fell to the number two spot, taking $18m at the box office.",
            "The Pacifier",
        ),
    ],
)
def test_a_name_written_with_the_inside_a_sentence_is_a_works_not_a_person(text: str, work: str) -> None:
    assert _bare_tags(text)[work.removeprefix("The ")] == "PERSON"  # what the model alone makes of it
    assert _people_tags(text)[work] == "WORK_OF_ART"
    assert work.removeprefix("The ") not in {p.name for p in analyze("Box office", text).people}


def test_the_opening_a_sentence_is_no_evidence_of_a_work() -> None:
    """Any sentence may open with "The"; the name after it keeps the model's tag."""
    text = "The Boxer was a hit in 1998, and Daniel Day-Lewis starred in it."
    assert _people_tags(text).get("Boxer") == _bare_tags(text).get("Boxer")


def test_a_capital_that_is_a_word_of_a_persons_name_is_no_country() -> None:
    # BBC business: "Stanley" of Stanley Fischer was the capital of the Falklands, a country of the article.
    text = (
        "Israel has named a former International Monetary Fund official to run its central bank. Stanley Fischer, "
        "vice chairman of banking group Citigroup, will take over as governor of the Bank of Israel. Mr Fischer "
        "said he was honoured."
    )
    assert _bare_tags(text).get("Stanley") == "GPE"  # what the country ruler alone makes of it
    assert _people_tags(text).get("Stanley Fischer") == "PERSON"
    r = analyze("Israel looks to US for bank chief", text)
    assert "FLK" not in {e.country for e in r.entities}
    # A capital written beside a name that is no person's stays the city.
    r = analyze("LSE bid", "Deutsche Boerse investors unhappy with its London Stock Exchange bid will have their say.")
    assert "GBR" in {e.country for e in r.entities}


def test_a_capital_alone_that_is_a_named_persons_surname_is_that_person() -> None:
    # BBC entertainment wrote "Actor Michael Douglas … Douglas added …": an Isle of Man–India pair.
    text = "Economist Michael Douglas said the plan was sound. Douglas added that costs would fall."
    assert _bare_tags(text).get("Douglas") == "GPE"
    tags = _people_tags(text)
    assert tags.get("Michael Douglas") == "PERSON" and tags.get("Douglas") == "PERSON"
    assert "IMN" not in {e.country for e in analyze("Plan", text).entities}
