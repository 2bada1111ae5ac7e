"""A person's title and organisation are read from the parse of the phrase that holds the name (issues 13, 14).

Each sentence is from the BBC corpus, where the rule before gave the wrong title or person."""

from __future__ import annotations

import pytest

from briefing.analyze.entities import extract_entities
from briefing.analyze.people import find_people, with_nationalities
from briefing.article import Person
from tests.analyze.analyze_helpers import nlp


def people(text: str) -> dict[str, Person]:
    doc = nlp()(text)
    return {p.name: p for p in find_people(doc, extract_entities(doc))}


def test_a_title_in_a_list_before_the_name_is_not_its_title() -> None:
    # entertainment/253: "Queen" is the band before her in the list, not her title.
    found = people(
        "Williams' track beat songs by Will Young, Queen, Kate Bush and Joy Division in a vote by BBC Radio 2 "
        "listeners to mark 25 years of the UK music industry ceremony."
    )
    assert found["Kate Bush"].role is None and found["Will Young"].role is None


def test_the_next_item_of_a_list_is_no_apposition() -> None:
    found = people(
        "A panel of literary experts, including novelists Hari Kunzru and Ali Smith, director Sir Richard Eyre "
        "and comedian Alexei Sayle chose the winner from a five-strong shortlist."
    )
    assert found["Ali Smith"].role is None
    assert found["Richard Eyre"].role == "director"
    # tech: a title with words of its own that goes on with "and" is still a title.
    found = people(
        '"We need to work closely with people who create technology," said Andrew Thompson, the BBC\'s head of '
        "development, new media and sports news."
    )
    assert found["Andrew Thompson"].role == "head"


def test_a_multi_word_place_in_a_title_is_kept_whole() -> None:
    # business/185: "New" is no function word here but the first word of "New York".
    found = people(
        "New York Senator Charles Schumer said he was told by the Senate Rules Committee that the tapes were "
        "probably stolen from a commercial plane."
    )
    assert found["Charles Schumer"].role == "New York Senator"


def test_a_lower_case_qualifier_of_the_title_is_part_of_the_office() -> None:
    found = people(
        'Conservative shadow foreign secretary Michael Ancram said the move would be "profoundly wrong". The '
        "decision could undermine Nato as it severely damaged relations with the US."
    )
    assert found["Michael Ancram"].role == "Conservative shadow foreign secretary"
    found = people(
        '"The take-up rate for broadband is accelerating at a terrific pace," said Ben Verwaayen, '
        "BT's chief executive."
    )
    assert found["Ben Verwaayen"].role == "chief executive"


def test_a_counterpart_of_a_named_organisation_holds_the_office_there() -> None:
    # business: the Euronext chief's "LSE counterpart" is the LSE's chief.
    found = people(
        "Euronext chief Jean-Francois Theodore is scheduled to meet his LSE counterpart Clara Furse on Friday. "
        "Deutsche Boerse chief Werner Seifert is meeting Ms Furse on Thursday."
    )
    assert found["Jean-Francois Theodore"].role == "Euronext chief"
    assert found["Clara Furse"].role == "LSE chief"


def test_initials_of_a_name_in_the_text_are_no_person() -> None:
    # business/437: "Bat" is British American Tobacco.
    found = people(
        "The ban threatens to reignite tensions between the regulator and British American Tobacco, which plans "
        "to become China's first foreign cigarette maker. A spokeswoman for Bat declined to comment on the report."
    )
    assert "Bat" not in found


def test_a_name_in_apposition_to_an_of_phrase_has_its_title() -> None:
    # dev gold, wapo-1: the parse hangs the name from "Ennahda", the object of "of".
    found = people(
        "The leader of Ennahda, Rachid Ghannouchi, condemned Wednesday’s attack, saying in a statement that it "
        "“will not break our people’s will and will not undermine our revolution and our democracy.”"
    )
    assert found["Rachid Ghannouchi"].role == "leader of Ennahda"


def test_a_qualifier_before_a_country_word_is_part_of_the_office() -> None:
    # entertainment: "former US president" is a former president, of the US.
    found = people(
        "Also present at the service was former US president Bill Clinton and singer Harry Belafonte, who gave "
        "the eulogy."
    )
    assert (found["Bill Clinton"].role, found["Bill Clinton"].country) == ("former president", "USA")


def test_the_title_is_the_parse_s_not_the_words_before_it() -> None:
    # politics: the plural noun the name renames is no part of the title; an institution in a title stays.
    found = people(
        "Mr Brown and Mr Blair discussed development policy with their cabinet colleagues Foreign Secretary "
        "Jack Straw, Aid minister Hilary Benn and Deputy Prime Minister John Prescott."
    )
    assert found["Jack Straw"].role == "Foreign Secretary"
    found = people("It was written by Home Office Minister Lord Falconer and Downing Street adviser Baroness Morgan.")
    # A peer's title is her name, tagged with it or not ("Baroness Morgan", as where the tagger includes it).
    assert found["Baroness Morgan"].role == "Downing Street adviser"
    found = people(
        'The BBC should steer away from "demonising" ex-Downing Street media chief Alastair Campbell, Peter '
        "Mandelson has said. Liberal Democrat home affairs spokesman Mark Oaten said the plan was dangerous."
    )
    assert found["Alastair Campbell"].role == "media chief"
    assert found["Mark Oaten"].role == "Liberal Democrat home affairs spokesman"
    # business: an adverb or a participle describes the man, not his office.
    found = people(
        "In a welcome economic boost for newly re-elected President George W Bush, the Labor Department "
        "figures come after months of weak job creation."
    )
    assert found["George W Bush"].role == "President"


def test_titles_the_parse_hangs_elsewhere() -> None:
    # politics: the title hangs from "MP" after the name; "deputy PM" is a second object of "by" to the parse;
    # "who is now …" says the title after the name.
    found = people("Former welfare minister Frank Field MP said the prime minister should sack Mr Brown.")
    assert found["Frank Field"].role == "Former welfare minister"
    found = people(
        "The book alleges that Mr Blair told the chancellor at a dinner hosted by deputy PM John Prescott in "
        "November 2003 of his intention to stand down."
    )
    assert found["John Prescott"].role == "deputy PM"
    found = people(
        "He was joined in the new venture by one of UKIP's two London Assembly members, Damien Hockney, who is "
        "now Veritas' deputy leader."
    )
    assert found["Damien Hockney"].role == "deputy leader"


def test_hyphens_dates_and_missed_full_stops_around_a_title() -> None:
    # politics: "Ex-Labour" is one word of the title; a month is when, not what; a full stop the parse ran
    # through ends the words that can be a title.
    found = people("Ex-Labour minister Frank Field told BBC Two's Newsnight it was wrong.")
    assert found["Frank Field"].role == "Ex-Labour minister"
    found = people("In October Tory leader Michael Howard said Mr Blair had not kept his word.")
    assert found["Michael Howard"].role == "Tory leader"
    found = people(
        "The college attracted only 900 students at a cost of £50m. Chief executive John Beaumont was paid a "
        "bonus of £44,914."
    )
    assert found["John Beaumont"].role == "Chief executive"


def test_a_phrase_ending_in_a_plural_names_a_group_not_an_office() -> None:
    # business: "premier" is no title of Glenmorangie, "one of Scotland's premier whisky firms".
    found = people(
        "Last year Pernod tried to buy Glenmorangie, one of Scotland's premier whisky firms. Liberal Democrat "
        "home affairs spokesman Mark Oaten said it was a shame."
    )
    assert "Glenmorangie" not in found or found["Glenmorangie"].role is None
    assert found["Mark Oaten"].role == "Liberal Democrat home affairs spokesman"


def test_a_sentence_s_capitalised_new_is_no_part_of_an_office() -> None:
    # politics: the model tags "New Home" an organisation; a place keeps its "New".
    found = people("New Home Secretary Charles Clarke has said he will look again at the plans.")
    assert found["Charles Clarke"].role == "Home Secretary"
    found = people("New York Senator Hillary Clinton said it was wrong.")
    assert found["Hillary Clinton"].role == "New York Senator"


def test_a_title_after_a_mistagged_name_keeps_its_words() -> None:
    # politics: "Lib Dem" is tagged a person; the title after it is still read from the parse, and the tagged
    # "name" inside it stays in it.
    found = people("Lib Dem home affairs spokesman Mark Oaten has branded the ID scheme a waste of money.")
    assert found["Mark Oaten"].role == "Lib Dem home affairs spokesman"


def test_a_title_the_parse_coordinates_with_the_name_is_still_its_title() -> None:
    # seeds 002: "between A, <title>, and B" makes the title a conjunct of the name to the parse.
    found = people(
        "Doha, Qatar – A telephone conversation took place today between Sheikh Saud bin Abdulrahman Al-Thani, "
        "Deputy Prime Minister and Minister of State for Defense Affairs of Qatar, and the Turkish minister."
    )
    saud = found["Saud bin Abdulrahman Al-Thani"]
    assert (saud.role, saud.country) == ("Deputy Prime Minister and Minister of State for Defense Affairs", "QAT")


def test_a_plural_title_before_coordinated_names_gives_each_the_office() -> None:
    # seeds/000: each of "Foreign Ministers Nasser Bourita and Asaad Al-Shibani" is a Foreign Minister.
    found = people(
        "Diplomatic ties between Morocco and Syria seem to be heading towards a warming up following phone talks "
        "Monday between the two countries’ Foreign Ministers Nasser Bourita and Asaad Al-Shibani."
    )
    assert found["Asaad Al-Shibani"].role == "Foreign Minister"
    # A plural title in front of the first name, and one the first name is in apposition to, whose countries
    # go to the names in their order.
    found = people("Presidents George W Bush and Jacques Chirac met in Brussels.")
    assert found["George W Bush"].role == found["Jacques Chirac"].role == "President"
    found = people(
        "The talks between the Moroccan and Syrian foreign ministers Nasser Bourita and Faisal Mekdad ended."
    )
    assert (found["Nasser Bourita"].role, found["Nasser Bourita"].country) == ("foreign minister", "MAR")
    assert (found["Faisal Mekdad"].role, found["Faisal Mekdad"].country) == ("foreign minister", "SYR")


def test_a_coordination_inside_a_capitalised_office_name_is_kept() -> None:
    # politics: "Work and Pensions Secretary" had been cut to "Pensions Secretary".
    found = people(
        "Along with Work and Pensions Secretary Alan Johnson and Minister for Work Jane Kennedy, he then went on "
        "to tear into the plan."
    )
    assert found["Alan Johnson"].role == "Work and Pensions Secretary"


def test_an_adjective_the_tagger_took_for_a_name_stays_in_the_next_title() -> None:
    # politics: "Ex-Labour", tagged a person, cut the title of Neil Kinnock to "leader".
    found = people(
        'Labour MP Frank Dobson said ambition was "getting in the way of good government". Ex-Labour leader '
        "Neil Kinnock said Mr Blair and Mr Brown could only deal with the media frenzy."
    )
    assert "Ex-Labour" not in found
    assert found["Neil Kinnock"].role == "Ex-Labour leader"


def test_a_place_name_the_tagger_cut_stays_whole_in_the_title() -> None:
    # politics: the tagger's place is "Ireland", the office a "Northern Ireland minister".
    found = people(
        "Former Northern Ireland minister Sir Nicholas Scott has died at a London hospice, his family has announced."
    )
    assert found["Nicholas Scott"].role == "Former Northern Ireland minister"


def test_a_name_the_article_treats_as_an_organisation_is_no_person() -> None:
    # business/321: "Diageo, which is listed …" (a person is "who"), and the "Diageo North" it opens.
    found = people(
        "Diageo, the world's biggest spirits company, has agreed to buy Californian winemaker Chalone for $260m. "
        '"The US wine market represents a growth opportunity for Diageo," said Diageo North America president '
        "Ivan Menezes. In July, Diageo, which is listed on the London Stock Exchange, reported an annual "
        "turnover of £9bn."
    )
    assert not any(name.startswith("Diageo") for name in found)
    assert "Ivan Menezes" in found
    # business/338: "Yili … confirmed its chairman"; a surname of a full name keeps its person.
    found = people(
        "Yili - full name Inner Mongolia Yili Industrial - confirmed its chairman had been detained. Yili has "
        "recently been the subject of intense media speculation."
    )
    assert "Yili" not in found
    found = people("Tony Blair spoke in Brighton. Blair confirmed its plan to the party.")
    assert "Tony Blair" in found


@pytest.mark.parametrize(
    ("text", "body", "person"),
    [
        # business/242: the noun for a firm right before the name.
        (
            "Joe McLean, a football specialist at accountancy firm Grant Thornton, said the support was vital.",
            "Grant Thornton",
            "Joe McLean",
        ),
        # entertainment/253: a band's.
        (
            "New York band Scissor Sisters have won a gig of the year award, said Tim Smith.",
            "Scissor Sisters",
            "Tim Smith",
        ),
        # entertainment/330: in apposition to the noun.
        (
            "The actor's own production company, Further Films, is working with two firms, George Clooney said.",
            "Further Films",
            "George Clooney",
        ),
        # business/448: a person "of" it works there; the person after "and" is one.
        (
            "Those charged include Tim Daly of Michael Foods and Kenneth Bowman, who worked as a broker.",
            "Michael Foods",
            "Kenneth Bowman",
        ),
    ],
)
def test_a_name_a_noun_for_a_body_introduces_is_no_person(text: str, body: str, person: str) -> None:
    found = people(text)
    assert body not in found
    assert person in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # entertainment/382, politics/271: "maker" and "business" end descriptions of people too.
        (
            "The final Star Wars movie may not be suitable for young children, film-maker George Lucas has said.",
            "George Lucas",
        ),
        ("Cuts will be paid for out of the savings identified by business trouble-shooter David James.", "David James"),
        # A title between the body's noun and the name is the person's.
        ("Chelsea club chairman Ken Bates said he was pleased.", "Ken Bates"),
        # politics/272: "of" after a party's name is no workplace.
        ("Only his party offered a choice, as proved by the defection to Labour of Robert Jackson.", "Robert Jackson"),
    ],
)
def test_a_person_described_by_occupation_or_after_of_stays_a_person(text: str, person: str) -> None:
    assert person in people(text)


def test_a_hyphenated_given_name_does_not_part_a_title_from_its_qualifiers() -> None:
    # business/475, 115: "chief executive" had been cut to "chief" before a hyphenated given name.
    found = people(
        "AMF has begun proceedings against Vivendi, its chief executive Jean-Rene Fourtou and chief operating "
        "officer Jean-Bernard Levy."
    )
    assert found["Jean-Rene Fourtou"].role == "chief executive"
    found = people("Chief executive Jean-Pierre Garnier said it had been a difficult year.")
    assert found["Jean-Pierre Garnier"].role == "Chief executive"


def test_a_tagged_name_inside_the_next_title_does_not_cut_it() -> None:
    # politics/120: "Lib Dem", tagged a person, had cut Charles Kennedy's title to "leader".
    found = people("But Lib Dem leader Charles Kennedy said Harry was in a privileged position.")
    assert found["Charles Kennedy"].role == "Lib Dem leader"


def test_two_places_coordinated_before_a_title_are_not_one_office() -> None:
    # politics: "in Cardiff and Northern Ireland Minister John Spellar in Belfast".
    found = people(
        "The talks involved First Minister Rhodri Morgan in Cardiff and Northern Ireland Minister John Spellar "
        "in Belfast."
    )
    assert found["John Spellar"].role == "Northern Ireland Minister"


def test_every_honorific_before_a_name_ends_the_title_before_it() -> None:
    # politics/020: "Professor" had been read as the last word of his office, since only some honorifics
    # ended a title phrase.
    found = people(
        "Another dissenter is Sir Mike Tomlinson's predecessor as chief schools inspector, Professor Chris "
        'Woodhead, who has said there is no need for such a "massive upheaval".'
    )
    assert found["Chris Woodhead"].role == "chief schools inspector"


def test_a_peer_keeps_her_title_in_her_name_and_a_lord_does_not() -> None:
    # politics/031: the first unification of honorifics dropped "Baroness" as "Lord" is dropped, which left
    # "Scotland", a country's name, as the minister's name.
    found = people(
        'But speaking after the report was published, Home Office minister Baroness Scotland said: "Murder is '
        'the most serious of crimes." Lord Falconer agreed.'
    )
    assert found["Baroness Scotland"].role == "Home Office minister"
    assert "Scotland" not in found
    assert "Falconer" in found
    # politics/289: "Amos" alone is no name a reader knows her by.
    found = people(
        "During his induction into the Upper House, Lord Kinnock was accompanied by Lords Leader Baroness Amos and "
        "Baroness Royall of Blaisdon, a former aide to the ex-Labour leader."
    )
    assert found["Baroness Amos"].role == "Lords Leader"
    assert "Amos" not in found


def test_a_baron_before_a_lower_case_particle_is_still_a_person() -> None:
    # entertainment/277: dropping "Baron" left "von Trapp", which no longer starts with a capital, so he was lost.
    found = people(
        "Maria, the novice nun who falls in love with Baron von Trapp, will be played by Austro-Australian "
        "actress and singer Sandra Pires."
    )
    assert "Baron von Trapp" in found


def test_a_professor_named_again_by_title_and_surname_is_the_same_person() -> None:
    # politics/057: "Prof" was dropped from a name only before a given name, so "Prof Aynsley-Green" was a
    # second person beside "Al Aynsley-Green".
    found = people(
        "Great Ormond Street Hospital professor of child health, Al Aynsley-Green, was chosen by the government "
        "and will start the job immediately. Prof Aynsley-Green has also been the national clinical director "
        "for children in the Department of Health."
    )
    assert "Al Aynsley-Green" in found
    assert not [name for name in found if "Prof" in name]


def test_a_peer_is_the_one_full_name_of_the_article_with_her_surname() -> None:
    # tech/161: "Baroness Susan Greenfield" (tagged "Susan Greenfield"), then "Baroness Greenfield": one woman,
    # named as the article first names her (on main she was two people).
    found = people(
        "If technology is going to be increasingly part of clothing, jewellery, and skin, there needs to be some "
        "serious thinking about what it means for us as humans, says Baroness Susan Greenfield. As technology "
        'infiltrates our biology, how will our brains function differently? "We cannot arrogantly assume that the '
        'human brain will not change with this," warns Baroness Greenfield.'
    )
    assert [name for name in found if "Greenfield" in name] == ["Susan Greenfield"]


def test_a_judges_title_of_justice_is_a_role() -> None:
    # politics/229 (UK–Iraq): "Lord Justice Rix and Mr Justice Forbes ruled …" gave two people of no role, so
    # the court's ruling weighed as a private person's.
    found = people(
        "But Lord Justice Rix and Mr Justice Forbes ruled that UK jurisdiction could extend to a UK-run prison."
    )
    assert found["Rix"].role == "Justice" and found["Forbes"].role == "Justice"


def test_a_title_the_tagger_took_into_the_name_is_the_role_and_no_part_of_the_name() -> None:
    # politics/292 (Germany–UK): spaCy tagged "MEP Nigel Farage" whole; the brief listed "MEP Nigel Farage" of
    # no role beside "Nigel Farage".
    found = people("MEP Nigel Farage said the EU was a racket.")
    assert found["Nigel Farage"].role == "MEP"
    found = people("Chairman Mao Zedong said so.")
    assert found["Mao Zedong"].role == "Chairman"
    # an honorific or a word that is no office is no role
    found = people("Lawyer Louise Christian said the men were innocent. Prof Amitai Etzioni agreed.")
    assert found["Louise Christian"].role is None and found["Amitai Etzioni"].role is None


def test_a_comma_ends_the_capitalised_words_before_a_title() -> None:
    # politics/155: "Islam" ends the clause before the name's own phrase; it was read as "Islam President".
    found = people(
        "Hiding women away in the home hidden behind veils is a backward view of Islam, President Musharraf of "
        "Pakistan has said during a visit to Britain."
    )
    assert found["Musharraf"].role == "President" and found["Musharraf"].country == "PAK"


def test_a_name_that_modifies_the_title_of_the_person_named_next_is_no_person() -> None:
    # politics/189, entertainment: a party and a film the model tags as people, each only a modifier of
    # the next person's title.
    found = people(
        "Lib Dem foreign affairs spokesman Menzies Campbell said the Iraq war had hit trust in politicians hard."
    )
    assert "Lib Dem" not in found and found["Menzies Campbell"].role == "foreign affairs spokesman"
    found = people(
        "Harry Potter director Alfonso Cuaron has signed a three-year deal with Hollywood studio Warner "
        "Brothers, according to Variety trade magazine."
    )
    assert "Harry Potter" not in found and "Alfonso Cuaron" in found


def described(text: str) -> dict[str, Person]:
    doc = nlp()(text)
    entities = extract_entities(doc)
    return {p.name: p for p in with_nationalities(doc, entities, find_people(doc, entities))}


def test_a_nationality_that_opens_a_description_before_the_name_is_the_persons_country() -> None:
    # entertainment/300, business/448: a people's or country's name in a description that holds no office.
    # Not the person's country for the pair's evidence (find_people), only what the text says of them.
    assert people("British actress Antonia Bernath is making her debut in Kisna.")["Antonia Bernath"].country is None
    found = described("British actress Antonia Bernath is making her debut in Kisna - the Warrior Poet.")
    assert found["Antonia Bernath"].country == "GBR" and found["Antonia Bernath"].role is None
    found = described("US Attorney David Kelley said he expects the nine vendors will plead guilty to the charges.")
    assert found["David Kelley"].country == "USA"
    # Not a country word inside another name, nor one that owns the person's team or firm.
    found = described("Australian Open champion Marat Safin beat Roger Federer in the final in Melbourne.")
    assert found["Marat Safin"].country is None
    found = described("Daiwa Securities analyst Mark Pervan said a bid was likely within two weeks.")
    assert found["Mark Pervan"].country is None
    # sport/294, sport/275, politics/302: a club's name, a capital, a word hyphenated into a compound.
    found = described("He said London Irish coach Gary Gold felt the result exposed his side's lack of experience.")
    assert found["Gary Gold"].country is None
    found = described("Real Madrid midfielder David Beckham has no plans to become a manager.")
    assert found["David Beckham"].country is None
    found = described("The pro-Iraq war Labour MP Oona King said she would fight the seat.")
    assert found["Oona King"].country is None and found["Oona King"].role == "Labour MP"
