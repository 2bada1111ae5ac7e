"""People merged across articles: one person whatever the spelling."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import AnalyzedArticle, Entity, Person
from briefing.brief.people import (
    NameIndex,
    PairPerson,
    merge_people,
    misspells,
    name_words,
    organisation_country,
    speaker_lookup,
    title_pronouns,
)

TEXT = (
    "Chinese Foreign Minister Wang Yi met his US counterpart in Beijing. Mr Wang said China wanted stable ties. "
    "George W Bush welcomed the talks; President Bush said Washington was ready. Tony Blair and Cherie Blair "
    "arrived later."
)


def test_name_words_drop_case_accents_and_honorifics() -> None:
    assert name_words("Wáng Yì") == name_words("WANG YI") == name_words("Mr Wang Yi") == ("wang", "yi")
    assert name_words("Foreign Minister Wang Yi") == ("foreign", "wang", "yi") or name_words("Minister Wang Yi")
    assert name_words("President Bush") == ("bush",)


def test_name_words_drop_letters_after_a_full_name() -> None:
    # BBC politics: "Philippe Sands QC" in one article is "Philippe Sands" in another, one speaker.
    assert name_words("Philippe Sands QC") == name_words("Philippe Sands") == ("philippe", "sands")
    assert name_words("Paul Boateng MP") == ("paul", "boateng")
    assert name_words("Martin Luther King Jr") == ("martin", "luther", "king", "jr")  # part of the name
    assert name_words("Blair MP") == ("blair", "mp")  # a surname alone keeps what follows it


def test_name_words_drop_every_honorific_the_analysis_drops() -> None:
    # The brief had its own list, without "Baroness": "Baroness Susan Greenfield" stayed apart from the "Susan
    # Greenfield" an analysis makes of her. A peer's title before the surname alone is her name, as the analysis
    # keeps it ("Baroness Scotland").
    from briefing.analyze.honorifics import HONORIFICS, PEERAGE

    for honorific in HONORIFICS.keys() - PEERAGE:
        assert name_words(f"{honorific.capitalize()} Scotland") == ("scotland",), honorific
    for honorific in PEERAGE:
        assert name_words(f"{honorific.capitalize()} Scotland") == (honorific, "scotland")
        assert name_words(f"{honorific.capitalize()} Susan Greenfield") == ("susan", "greenfield")


def test_one_wang_yi_one_bush_two_blairs() -> None:
    first = analysed(
        TEXT,
        ("CHN", "USA"),
        source="a.txt",
        people=[
            Person("Wang Yi", "CHN", "Foreign Minister"),
            Person("Wang"),
            Person("George W Bush", "USA", "President"),
            Person("Bush", None, "President"),
            Person("Tony Blair", "GBR"),
            Person("Cherie Blair"),
        ],
    )
    second = analysed(
        "Wáng Yì spoke to reporters. George Bush left Beijing.",
        ("CHN", "USA"),
        source="b.txt",
        people=[Person("Wáng Yì"), Person("WANG YI", None, "Foreign Minister"), Person("George Bush", "USA")],
    )
    people = merge_people([first, second])
    names = [p.name for p in people]
    assert names.count("Wang Yi") == 1 and "Wang" not in names and "Wáng Yì" not in names
    wang = next(p for p in people if p.name == "Wang Yi")
    assert (wang.role, wang.country) == ("Foreign Minister", "CHN") and wang.articles == (first.id, second.id)
    assert wang.article == first.id and TEXT[wang.start : wang.end] == "Wang Yi"
    bush = [p for p in people if "Bush" in p.name]
    assert len(bush) == 1 and bush[0].name == "George W Bush"
    assert {"Tony Blair", "Cherie Blair"} <= set(names)  # a shared surname is not the same person
    # People who speak for a country with a role come first.
    assert people[0].country and people[0].role


def test_a_surname_shared_by_two_full_names_stays_itself() -> None:
    index = NameIndex(["Tony Blair", "Cherie Blair"])
    assert index.key("Blair") == ("blair",)
    assert index.key("Mr Tony Blair") == ("tony", "blair")


def test_only_a_persons_name_owns_its_words_but_other_names_still_make_a_word_ambiguous() -> None:
    """BBC Russia–US: "Yukos" alone keyed as "Yukos US lawyers", a group the articles quote, so the company's
    statements showed as the lawyers' and the lawyers' as "Yukos"'s, with no country."""
    index = NameIndex(["Yukos US lawyers", "Yukos", "A spokesman for Cairn", "Bush administration", "Nasser Bourita"])
    assert index.key("Yukos") == ("yukos",)
    assert index.key("Cairn") == ("cairn",)
    assert index.key("Bush") == ("bush",)
    assert index.key("Bourita") == ("nasser", "bourita")  # a person's name still owns its surname
    assert NameIndex(["Abdel Fattah al-Sisi"]).key("Abdel") == ("abdel", "fattah", "al", "sisi")  # particles
    # A name that is no person's still makes its word ambiguous (BBC business/221: BP's Lord Browne is not
    # the Labour minister Des Browne).
    assert NameIndex(["Des Browne", "Lord Browne of Madingley"]).key("Lord Browne") == ("browne",)


def test_a_one_word_name_the_index_reads_as_a_full_name_never_takes_that_persons_place() -> None:
    """BBC UK–Iraq: "Charles" (Prince Charles, no surname) keys as "Charles Kennedy", the one full name of
    the word; his entry must not replace the Lib Dem leader's, or Kennedy's quotes go to "Charles"."""
    index = NameIndex(["Charles Kennedy", "Charles"])
    kennedy = PairPerson("Charles Kennedy", "GBR", "Lib Dem leader", "a", 0, 0, ("a",))
    prince = PairPerson("Charles", None, "Prince", "b", 0, 0, ("b",))
    assert index.key("Charles") == index.key("Charles Kennedy")
    for people in ([kennedy, prince], [prince, kennedy]):
        assert speaker_lookup(people, index)[("charles", "kennedy")] is kennedy


ONGC_TALKS = (
    "On the agenda are oil and gas extraction as well as transportation deals, to be led by Russian energy giant "
    "Gazprom and India's ONGC. The Indian firm is also expected to hold talks on Tuesday about buying a stake "
    "in assets once owned by Yukos. Russian media reported that India and Russia signed a memorandum of "
    "understanding on energy co-operation on Tuesday during a meeting between Oil and Natural Gas Corporation "
    "chairman Subir Raha, Gazprom chairman Aleksey Miller and India's petroleum minister Mani Shankar Aiyar."
)
ONGC_YUKOS = (
    '"We are in touch with the concerned Russian entities about the Yukos assets and other opportunities in '
    'Russia," said ONGC chairman Subir Raha. Local press had reported that ONGC was looking to buy 15% of '
    "Yukos' former key oil production unit for $2bn."
)


def _with_organisations(article: AnalyzedArticle, *names: str) -> AnalyzedArticle:
    """The article with its organisations tagged where their words stand, as spaCy's ORG would be."""
    body = article.article.body
    orgs = [Entity(n, "ORG", m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), body)]
    return replace(article, entities=tuple(sorted((*article.entities, *orgs), key=lambda e: e.start)))


def test_a_person_of_no_stated_country_takes_the_country_an_article_places_their_organisation_in() -> None:
    """BBC business, "India and Russia in energy talks" / "Indian oil firm eyes Yukos assets": the ONGC
    chairman is Indian because one of his articles writes "India's ONGC" (a possessive right before the
    organisation); "Russian energy giant Gazprom" places Gazprom, not ONGC; a clause between a country word
    and the organisation ('in Russia," said ONGC') places nothing."""
    raha = Person("Subir Raha", None, "ONGC chairman")
    talks = _with_organisations(
        analysed(ONGC_TALKS, ("IND", "RUS"), source="a.txt", people=[Person("Subir Raha", None, "chairman")]),
        "Gazprom",
        "ONGC",
        "Oil and Natural Gas Corporation",
    )
    yukos = _with_organisations(analysed(ONGC_YUKOS, ("IND", "RUS"), source="b.txt", people=[raha]), "ONGC")
    assert organisation_country(["ONGC chairman"], [talks, yukos]) == "IND"
    assert organisation_country(["Gazprom chairman"], [talks]) == "RUS"
    assert organisation_country(["ONGC chairman"], [yukos]) is None  # 'in Russia," said ONGC': a clause
    (person,) = (p for p in merge_people([talks, yukos], pair=("IND", "RUS")) if p.name == "Subir Raha")
    assert person.country == "IND"


def test_an_organisations_short_name_in_a_title_is_the_longer_name_it_begins() -> None:
    """BBC business/366: "WMC chief executive Andrew Michelmore" works for "Australian mining firm WMC
    Resources"; a one-word name inside a longer one that it does not begin is another organisation."""
    text = (
        "Australian mining firm WMC Resources has said it is worth up to 30% more than a hostile bid by rival "
        "Xstrata. WMC chief executive Andrew Michelmore said the offer was too low."
    )
    wmc = _with_organisations(
        analysed(
            text, ("AUS", "CHE"), source="a.txt", people=[Person("Andrew Michelmore", None, "WMC chief executive")]
        ),
        "WMC Resources",
    )
    assert organisation_country(["WMC chief executive"], [wmc]) == "AUS"
    assert organisation_country(["Resources chief executive"], [wmc]) is None


def test_a_titled_given_name_is_not_the_full_name_it_begins() -> None:
    # BBC politics: "Prince Charles's marriage plans" in one article, "Charles Kennedy" the Liberal Democrat
    # leader in others; the pair showed Charles Kennedy as "Prince".
    prince = analysed(
        "Advice had been published, most recently regarding Prince Charles's marriage plans.",
        ("GBR", "IRQ"),
        source="a.txt",
        people=[Person("Charles", None, "Prince")],
    )
    leader = analysed(
        "Liberal Democrat leader Charles Kennedy said the war was illegal.",
        ("GBR", "IRQ"),
        source="b.txt",
        people=[Person("Charles Kennedy", None, "Liberal Democrat leader")],
    )
    people = {p.name: p for p in merge_people([prince, leader])}
    assert people["Charles Kennedy"].role == "Liberal Democrat leader"
    assert people["Charles"].role == "Prince"


def test_a_titled_given_name_stays_apart_when_only_the_corpus_titles_the_full_name() -> None:
    # BBC politics, the United Kingdom – Iraq pair: its articles give Charles Kennedy no title, another
    # article of the corpus calls him the Liberal Democrat leader; "Prince Charles" is still someone else.
    from briefing.brief.people import corpus_people

    prince = analysed(
        "Advice had been published, most recently regarding Prince Charles's marriage plans.",
        ("GBR", "IRQ"),
        source="a.txt",
        people=[Person("Charles", None, "Prince")],
    )
    untitled = analysed(
        "Charles Kennedy said the war in Iraq was illegal.",
        ("GBR", "IRQ"),
        source="b.txt",
        people=[Person("Charles Kennedy")],
    )
    elsewhere = analysed(
        "Liberal Democrat leader Charles Kennedy spoke in Brighton.",
        ("GBR", "USA"),
        source="c.txt",
        people=[Person("Charles Kennedy", None, "Liberal Democrat leader")],
    )
    corpus = corpus_people([prince, untitled, elsewhere])
    people = {p.name: p for p in merge_people([prince, untitled], corpus=corpus, pair=("GBR", "IRQ"))}
    assert people["Charles Kennedy"].role == "Liberal Democrat leader"
    assert people["Charles"].role == "Prince"


def test_a_one_word_name_an_article_left_out_as_no_person_is_no_person_of_another() -> None:
    # BBC business: 321's analysis finds "Diageo, which is listed …" no person; 005 says only "market leader
    # Diageo", tagged a person there.
    from briefing.brief.people import corpus_people

    body = "In July, Diageo, which is listed on the London Stock Exchange, reported an annual turnover of £9bn."
    at = body.index("Diageo")
    listed = analysed(body, ("GBR", "USA"), source="321.txt")
    listed = replace(listed, entities=(*listed.entities, Entity("Diageo", "PERSON", at, at + len("Diageo"))))
    bought = analysed(
        "The other two-thirds of Seagram was bought by market leader Diageo. Pernod chief Patrick Ricard spoke.",
        ("FRA", "GBR"),
        source="005.txt",
        people=[Person("Diageo", None, "market leader"), Person("Patrick Ricard", None, "Pernod chief")],
    )
    corpus = corpus_people([listed, bought])
    names = {p.name for p in merge_people([bought], corpus=corpus, pair=("FRA", "GBR"))}
    assert names == {"Patrick Ricard"}


# BBC politics/196, a peer, and a Liberal Democrat housing story with the party's leader.
BARONESS_KENNEDY = (
    "Labour peer Baroness Kennedy, who is chairing the Power Inquiry into political disengagement, said people "
    'already thought politicians engaged in dirty tricks. "This feeling of distrust is going to be enlarged if '
    'this campaigning on all sides is conducted in the way that it looks as if it just might," she said.'
)
CHARLES_KENNEDY = (
    "Party leader Charles Kennedy said the homes would be affordable because they would be built on surplus "
    'public sector land, donated by central or local government. Mr Kennedy said: "Mutual homes will offer '
    "people the opportunity to build up an equity stake in a home gradually, investing only as much as they "
    'can afford."'
)


def test_a_peer_is_not_the_full_name_her_surname_ends() -> None:
    # The first unification of honorifics named her "Kennedy", and the brief merged that into Charles Kennedy,
    # so her two quotes showed under him.
    peer = analysed(
        BARONESS_KENNEDY,
        None,
        source="a.txt",
        people=[Person("Baroness Kennedy")],
        quotes=[("Baroness Kennedy", "This feeling of distrust", True)],
    )
    leader = analysed(
        CHARLES_KENNEDY,
        None,
        source="b.txt",
        people=[Person("Charles Kennedy", None, "Party leader")],
        quotes=[("Charles Kennedy", "Mutual homes will offer", True)],
    )
    names = [p.name for p in merge_people([peer, leader])]
    assert "Baroness Kennedy" in names and "Charles Kennedy" in names
    index = NameIndex(["Baroness Kennedy", "Charles Kennedy"])
    assert index.key("Baroness Kennedy") != index.key("Charles Kennedy")


# BBC politics/055 (Ruth Kelly, named "Ms Kelly" throughout) and politics/173 (a lawyer, "Mr Kelly").
MS_KELLY = (
    "Ms Kelly told the BBC progress had been made against severely disruptive children but parents were still "
    'worried about lower level problems. The minister also confirmed she received "spiritual support".'
)
TONY_KELLY = (
    "Napier's lawyer Tony Kelly believes the action will soon be followed by others. Mr Kelly said: \"There are "
    'hundreds of people still undergoing slopping out, overcrowding and poor regime."'
)


def test_a_surname_her_articles_give_mrs_or_ms_is_not_the_one_full_name_called_mr() -> None:
    minister = analysed(MS_KELLY, None, source="a.txt", people=[Person("Kelly", None, "minister")])
    lawyer = analysed(TONY_KELLY, None, source="b.txt", people=[Person("Tony Kelly", None, "lawyer")])
    articles = [minister, lawyer]
    names = [p.name for p in merge_people(articles)]
    assert "Kelly" in names and "Tony Kelly" in names
    assert title_pronouns(articles) == {("kelly",): {"she"}, ("tony", "kelly"): {"he"}}
    index = NameIndex(["Kelly", "Tony Kelly"], title_pronouns(articles))
    assert index.key("Kelly") == ("kelly",)
    # Without honorifics of the other pronoun the one-word name is still the one full name it ends.
    assert NameIndex(["Kelly", "Tony Kelly"], {("kelly",): {"she"}}).key("Kelly") == ("tony", "kelly")
    assert NameIndex(["Kelly", "Tony Kelly"], title_pronouns([lawyer])).key("Kelly") == ("tony", "kelly")


def test_only_an_office_of_state_takes_the_country_of_the_corpus_holders_of_that_office() -> None:
    """BBC business: the London Stock Exchange's and a British charity's chief executives are British, and
    a British outlet writes its own Foreign Secretary undecorated; but "Deutsche's chairman Rolf Breuer and
    chief executive Werner Seifert" are not British because most chief executives the corpus places are."""
    from briefing.brief.people import corpus_people

    placed = [
        analysed(
            f"{text} said the bid was welcome.",
            ("GBR", "USA"),
            source=f"p{i}.txt",
            people=[Person(name, "GBR", role)],
        )
        for i, (text, name, role) in enumerate(
            [
                ("British LSE chief executive Clara Furse", "Clara Furse", "chief executive"),
                ("British Refugee Council chief executive Maeve Sherlock", "Maeve Sherlock", "chief executive"),
                ("British Foreign Secretary Jack Straw", "Jack Straw", "Foreign Secretary"),
                ("British Foreign Secretary Jack Straw again", "Jack Straw", "Foreign Secretary"),
            ]
        )
    ]
    standoff = analysed(
        "TCI had drawn up a list of executives to replace Deutsche's chairman Rolf Breuer and chief executive "
        "Werner Seifert. Foreign Secretary Margaret Beckett said Britain would not intervene.",
        ("DEU", "GBR"),
        source="standoff.txt",
        people=[
            Person("Rolf Breuer", None, "chairman"),
            Person("Werner Seifert", None, "chief executive"),
            Person("Margaret Beckett", None, "Foreign Secretary"),
        ],
    )
    corpus = corpus_people([*placed, standoff])
    people = {p.name: p for p in merge_people([standoff], corpus=corpus, pair=("DEU", "GBR"))}
    assert people["Werner Seifert"].country is None
    assert people["Margaret Beckett"].country == "GBR"  # named nowhere else: the office alone places her


def test_a_surname_two_full_names_share_is_the_one_holding_its_office() -> None:
    """BBC, the United Kingdom – United States pair: "President Bush" in one story, "George W Bush" in
    another, and the singer Kate Bush in a third; the surname alone is the President, listed once, and his
    statements written "Bush" find him. A same-office namesake of another country would stay apart."""
    president = analysed(
        "President Bush said Europe and America must work together.",
        ("GBR", "USA"),
        source="a.txt",
        people=[Person("Bush", "USA", "President")],
        quotes=[("Bush", "Europe and America must work together", False)],
    )
    full = analysed(
        "Tony Blair has said he looks forward to continuing his strong relationship with George W Bush.",
        ("GBR", "USA"),
        source="b.txt",
        people=[Person("George W Bush", "USA", "President"), Person("Tony Blair", "GBR", "Prime Minister")],
    )
    singer = analysed(
        "Kate Bush topped the album chart in the UK and the US.",
        ("GBR", "USA"),
        source="c.txt",
        people=[Person("Kate Bush")],
    )
    articles = [president, full, singer]
    index = NameIndex([p.name for a in articles for p in a.people], title_pronouns(articles))
    people = merge_people(articles, index)
    assert sorted(p.name for p in people) == ["George W Bush", "Kate Bush", "Tony Blair"]
    (bush,) = (p for p in people if p.name == "George W Bush")
    assert set(bush.articles) == {president.id, full.id} and bush.written == ("Bush",)
    assert speaker_lookup(people, index)[index.key("Bush")] is bush
    other = replace(president, people=(Person("Bush", "GBR", "President"),))  # not the same country's office
    assert "Bush" in {p.name for p in merge_people([other, full, singer])}


def test_a_misspelt_name_is_the_person_it_misspells_but_short_names_a_letter_apart_are_two() -> None:
    """BBC Russia–US listed "Mihkail Khodorkovsky" beside "Mikhail Khodorkovsky", Cuba–US "Barrioneuvo" beside
    "Jose Barrionuevo", Germany–Russia "Khodorkovsky" beside "Mikhail Khordokovsky"."""
    index = NameIndex(["Mikhail Khodorkovsky", "Mihkail Khodorkovsky", "Jose Barrionuevo", "Doug Ellis"])
    assert index.key("Mihkail Khodorkovsky") == index.key("Mikhail Khodorkovsky")
    assert index.key("Barrioneuvo") == ("jose", "barrionuevo")
    assert NameIndex(["Mikhail Khordokovsky"]).key("Khodorkovsky") == ("mikhail", "khordokovsky")  # two swaps
    # Short words one letter apart are different names: Elvis is not the Villa chairman.
    assert index.key("Elvis") == ("elvis",)
    assert NameIndex(["John Smith", "John Smyth"]).key("John Smyth") == ("john", "smyth")
    assert not misspells(("gordon", "brown"), ("gordon", "brawn"))
    assert misspells(("paul", "thomson"), ("paul", "thompson"))
    assert not misspells(("paul", "thomson"), ("pauline", "thompson"))  # two words differ


def test_a_name_that_ends_a_longer_one_is_that_person_but_one_that_opens_it_is_not() -> None:
    """BBC Argentina–France: "De Vido" beside "Julio De Vido"; the feeds: "Jimmy Kimmel" is not his show."""
    index = NameIndex(
        ["Julio De Vido", "De Vido", "Jimmy Kimmel Live", "Jimmy Kimmel", "Tories Ken Clarke", "Ken Clarke"]
    )
    assert index.key("De Vido") == ("julio", "de", "vido")
    assert index.key("Ken Clarke") == ("tories", "ken", "clarke")
    assert index.key("Jimmy Kimmel") == ("jimmy", "kimmel")


def test_a_phrase_that_is_no_name_neither_takes_nor_lends_a_persons_name() -> None:
    """BBC, articles of no pair: "A spokesman for Michael Howard" keyed as Michael Howard, so the spokesman's
    statements showed as the Tory leader's own."""
    index = NameIndex(["A spokesman for Michael Howard", "Michael Howard"])
    assert index.key("Michael Howard") == index.key("Howard") == ("michael", "howard")
    assert index.key("A spokesman for Michael Howard") != ("michael", "howard")


def test_a_person_shows_under_the_full_name_most_articles_write() -> None:
    """BBC politics: one article's tagger took "Tory Liam Fox" whole, the others write "Liam Fox"; one person,
    shown as the articles write him."""
    tagged = analysed("Tory Liam Fox said the party would win.", None, source="a.txt", people=[Person("Tory Liam Fox")])
    others = [
        analysed(f"Liam Fox spoke on day {n}.", None, source=f"{n}.txt", people=[Person("Liam Fox")]) for n in range(2)
    ]
    people = merge_people([tagged, *others])
    assert [p.name for p in people] == ["Liam Fox"]
    assert len(people[0].articles) == 3


def test_a_one_word_name_is_listed_only_when_the_articles_say_who_it_is() -> None:
    """BBC UK–US listed "Burberry" and "Mothercare" (a list of a courier's customers) and Germany–India
    "Suzuki" (a carmaker) as people: one word with no office, country, "Mr", quote or headline."""
    body = (
        "The courier's customers include Boots, Burberry and Mothercare. Mr Mafeca said more firms would leave "
        "Lesotho. Several carmakers, including Hyundai, Toyota, Suzuki and Ford, already build in India. "
        'Lorde cancelled her Tel Aviv concert. Petrobras said: "We will invest in Argentina."'
    )
    article = analysed(
        body,
        ("LSO", "USA"),
        title="Lorde cancels Israel show",
        people=[Person(n) for n in ("Burberry", "Mothercare", "Mafeca", "Suzuki", "Lorde", "Petrobras")],
        quotes=[("Petrobras", "We will invest in Argentina.", True)],
    )
    listed = {p.name for p in merge_people([article])}
    assert {"Mafeca", "Lorde", "Petrobras"} <= listed  # "Mr", the headline, a quote
    assert not listed & {"Burberry", "Mothercare", "Suzuki"}
    # An office or a country says who it is.
    placed = replace(
        article, people=(*article.people[:3], Person("Suzuki", "JPN"), Person("Mothercare", None, "chairman"))
    )
    assert {"Suzuki", "Mothercare"} <= {p.name for p in merge_people([placed])}
