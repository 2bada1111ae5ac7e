"""Key statements on real quotes: merged across articles, ranked by the documented score."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import pytest
from brief_helpers import analysed

from briefing.article import AnalyzedArticle, Entity, Person, Statement
from briefing.brief import build_brief, rank
from briefing.brief.people import NameIndex, organisation_country
from briefing.brief.rank import (
    ALSO_RELATIONSHIP,
    CONTEXT_NAMES_OTHER,
    COUNTRY_FACTOR,
    DIRECT,
    FRAGMENT,
    LEAD,
    LEAD_IN,
    NAMES_ONE_UNPLACED,
    NAMES_OTHER_SIDE,
    NAMES_OWN_SIDE,
    PARTS,
    RELATIONSHIP,
    SAME_STORY,
    WHO,
    colleagues_country,
    lead_in_of,
    merge,
    quoted_phrase,
    region_office_country,
    score_statement,
    speaker_country,
    speaker_level,
)
from briefing.brief.text import ArticleIndex

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


def tagged(article: AnalyzedArticle, *extra: Entity) -> AnalyzedArticle:
    """The article with these entities added where the model would have tagged them."""
    return dataclasses.replace(article, entities=tuple(sorted([*article.entities, *extra], key=lambda e: e.start)))


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
    # A leader's administration is an institution of the leader's country (BBC China–US, "the Bush
    # administration" on the trade deficit).
    assert speaker_level("Bush administration", None) == "institution"
    assert speaker_country("Bush administration", None) == "USA"


def test_a_country_word_inside_a_persons_name_is_no_nationality() -> None:
    for name in ("Jordan Henderson", "Paris Hilton", "Israel Folau", "Chad Johnson"):
        assert speaker_country(name, None) is None, name
    assert speaker_country("a Syrian official", None) == "SYR"
    assert speaker_country("Putin", None) == "RUS"


def test_a_family_name_written_first_places_its_sentence() -> None:
    """A pasted Washington Post page (South Korea–US): "Yoon" is the family name of "Yoon Suk Yeol", written
    first, so "… that Yoon would declare martial law" concerns South Korea; a surname still wins where two
    people share a word."""
    body = (
        "President Yoon Suk Yeol declared martial law. Biden administration officials said they were not notified "
        "in advance that Yoon would declare martial law. Kim Jong Un was silent, and so was Mr Kim."
    )
    article = analysed(
        body, ("KOR", "USA"), people=[Person("Yoon Suk Yeol", "KOR", "President"), Person("Kim Jong Un", "PRK", None)]
    )
    mentions = [Entity(w, "PERSON", m, m + len(w)) for w in ("Yoon", "Kim") for m in _offsets(body, w)]
    index = ArticleIndex(tagged(article, *mentions))
    second = body.index("Biden")
    assert "KOR" in index.codes_in(second, body.index("Kim Jong"))
    assert index.codes_in(body.index("Mr Kim"), len(body)) == {"PRK"}


def _offsets(body: str, word: str) -> list[int]:
    import re

    return [m.start() for m in re.finditer(rf"\b{word}\b(?! Suk| Jong)", body)]


def test_a_group_of_officials_or_a_leaders_aide_speaks_as_an_official_of_the_leaders_country() -> None:
    assert speaker_level("US officials", None) == "official"
    assert speaker_level("Palestinian officials", None) == "official"
    assert speaker_level("Putin's aides", None) == "official"
    assert speaker_level("EU finance ministers", None) == "minister"
    assert speaker_country("Mr Blair's official spokesman", None) == "GBR"
    assert speaker_country("Biden administration officials", None) == "USA"
    assert speaker_country("Putin's aides", None) == "RUS"
    # A leader's surname in someone else's name, or in a body not said to be the leader's, is no country.
    assert speaker_country("A Brown University spokesman", None) is None
    assert speaker_country("Johnson & Johnson officials", None) is None


def test_a_country_named_on_a_group_or_an_unnamed_office_is_its_country_and_the_brief_shows_it() -> None:
    assert speaker_country("US officials", None) == "USA"
    assert speaker_country("UK diplomats", None) == "GBR"
    assert speaker_country("Jordan's foreign minister", None) == "JOR"
    assert speaker_country("a New Zealand diplomat", None) == "NZL"
    assert speaker_country("Senior Syrian officials", None) == "SYR"
    # a people's name that ends a person's name is a surname
    assert speaker_country("the Observer Philip French", None) is None
    assert speaker_country("Oliver Irish, editor of gadget magazine Stuff", None) is None
    body = (
        "US officials said Britain had been told of the raid in advance. Downing Street said it had not been consulted."
    )
    article = analysed(
        body, ("GBR", "USA"), quotes=[("US officials", "Britain had been told of the raid in advance", False)]
    )
    (statement,) = build_brief(("GBR", "USA"), [article]).statements
    assert statement.statement.country == "USA"
    # and the group, an official of one country of the pair naming the other, scores as one
    assert statement.parts["who"] == WHO["official"] * COUNTRY_FACTOR["pair"]


def test_shown_is_the_configured_top_and_the_rest_are_more() -> None:
    brief = build_brief(("GBR", "USA"), [guantanamo()], key_statements=2)
    assert brief.shown == 2 and brief.hidden == 1
    assert build_brief(("GBR", "USA"), [guantanamo()], key_statements=10).shown == 3


def test_a_justice_is_a_judge_and_a_justice_portfolio_or_cause_is_not() -> None:
    assert speaker_level("Rix", "Justice") == speaker_level("Rix", "Lord Chief Justice") == "official"
    assert speaker_level("Kenneth Clarke", "Justice Secretary") == "minister"
    assert speaker_level("the Justice Secretary", None) == "minister"
    assert speaker_level("Tom Smith", "Justice for All campaigner") == "role"
    assert speaker_level("Ann Widdecombe", "criminal justice expert") == "role"


def test_former_office_holders_and_general_secretaries_are_no_officials() -> None:
    assert speaker_level("Robin Cook", "Former foreign secretary") == "role"
    assert speaker_level("James Seller", "general secretary") == "role"
    assert speaker_level("Peter Goldsmith", "Attorney General") == "minister"
    assert speaker_level("Letitia Clark", "bankruptcy judge") == "official"


def test_naming_the_pair_and_its_relationship_outranks_naming_the_pair_alone() -> None:
    """BBC politics: two reported statements of Blair that both name Britain and the US; the one on the
    alliance is about the relationship itself. The other is said first, in the article's lead (+0.3), so the
    alliance is first only by the relationship part of the score (+0.5)."""
    blair = Person("Tony Blair", "GBR", "Prime Minister")
    body = (
        "Mr Blair said until now the US had allowed Britain, France and Germany to take the lead in trying to "
        "halt the Iranian nuclear programme. Mr Blair said Britain was uniquely placed to make out the common "
        "ground because of its strong alliance with the US."
    )
    iran = "until now the US had allowed Britain, France and Germany to take the lead in trying to halt the Iranian"
    alliance = "Britain was uniquely placed to make out the common ground because of its strong alliance with the US"
    article = analysed(
        body, ("GBR", "USA"), people=[blair], quotes=[("Tony Blair", iran, False), ("Tony Blair", alliance, False)]
    )
    ranked = build_brief(("GBR", "USA"), [article]).statements
    assert ranked[0].statement.text == alliance
    assert ALSO_RELATIONSHIP > LEAD


MUBANGA = (
    "A British terror suspect held in Guantanamo Bay for 33 months plans to sue the government, it is reported. "
    "Martin Mubanga claimed in the Observer that an MI6 officer played a key role in consigning him to the US camp "
    "in Cuba, following his arrest in Zambia. Mr Mubanga, 32, from Wembley, London, said he was brutally "
    "interrogated. Mr Mubanga, who has dual British and Zambian nationality, was one of four Britons who were "
    "released from the US camp in January. He said he was sent there after being interrogated by a British man "
    "who said he was from MI6. But he said he was unable to return to the UK because he had lost his British "
    "passport. And Home Secretary Charles Clarke told BBC One's Breakfast with Frost: \"I'm not organising a "
    'specific investigation into it."'
)


def test_an_official_of_no_stated_country_speaks_for_the_country_the_article_is_about() -> None:
    """BBC politics, a British article on a Guantanamo detainee: the Home Secretary, whose country no
    article states, is British because the article is about Britain (named far more than the US)."""
    clarke = Person("Charles Clarke", None, "Home Secretary")
    quote = "I'm not organising a specific investigation into it."
    article = analysed(MUBANGA, ("GBR", "USA"), people=[clarke], quotes=[("Charles Clarke", quote, True)])
    index = ArticleIndex(article)
    assert index.home(("GBR", "USA")) == "GBR"
    scored = score_statement(article.statements[0], index, ("GBR", "USA"), None, None)
    assert scored.country == "GBR" and scored.parts["who"] == WHO["minister"] * COUNTRY_FACTOR["pair"]
    # An article that names both about as often says nothing of whose official speaks.
    even = analysed(
        MUBANGA.replace("British", "American"),
        ("GBR", "USA"),
        people=[clarke],
        quotes=[("Charles Clarke", quote, True)],
    )
    assert ArticleIndex(even).home(("GBR", "USA")) is None
    assert score_statement(even.statements[0], ArticleIndex(even), ("GBR", "USA"), None, None).country is None


SANDS_CLAIM = (
    "Lord Goldsmith warned Tony Blair on 7 March 2003 that the Iraq war could be illegal without a second UN "
    "resolution sanctioning military action"
)


def test_one_long_passage_two_articles_give_to_two_speakers_is_one_statement_of_the_one_named_beside_it() -> None:
    # BBC politics/327: "He also says" follows a sentence naming Baroness Morgan, and the analysis gave her the claim.
    pronoun = analysed(
        "The claims about Lord Falconer and Baroness Morgan's involvement were made in a book published this week "
        f"by Philippe Sands QC, a member of Cherie Blair's Matrix Chambers. He also says {SANDS_CLAIM}.",
        ("GBR", "IRQ"),
        source="327.txt",
        people=[Person("Baroness Morgan", None, "Downing Street adviser"), Person("Philippe Sands", None, None)],
        quotes=[("Baroness Morgan", SANDS_CLAIM, False)],
    )
    named = analysed(  # BBC politics/184
        "In a book published this week, Philippe Sands QC, a member of Cherie Blair's Matrix Chambers, says "
        f"{SANDS_CLAIM}.",
        ("GBR", "IRQ"),
        source="184.txt",
        people=[Person("Philippe Sands", None, None)],
        quotes=[("Philippe Sands", SANDS_CLAIM, False)],
    )
    brief = build_brief(("GBR", "IRQ"), [pronoun, named])
    assert [s.statement.speaker for s in brief.statements] == ["Philippe Sands"]
    assert brief.statements[0].article == named.id and set(brief.statements[0].articles) == {pronoun.id, named.id}
    # A short passage is no evidence: two people may well say "We believe the threat is real".
    short = "We believe the threat is real"
    one = analysed(f'Mr Straw said: "{short}."', ("ESP", "GBR"), source="a.txt", quotes=[("Jack Straw", short, True)])
    two = analysed(
        f'Mr Clarke said: "{short}."', ("ESP", "GBR"), source="b.txt", quotes=[("Charles Clarke", short, True)]
    )
    assert len(build_brief(("ESP", "GBR"), [one, two]).statements) == 2


OBAMA_RACE = (
    "However, Mr Obama said race relations had improved during his presidency.\n\n"
    "Mr Obama lands in Kenya later on Friday for his first visit since becoming president.\n\n"
    "He said he looked forward to strengthening ties with Kenya and its president."
)


def test_relationship_words_count_only_for_relations_of_the_pair() -> None:
    """The BBC's Obama interview (pasted pages): "race relations" at home is no Kenya–US relationship, so
    it gets no relationship part (its sentence names only the speaker himself, no other country); ties
    "with Kenya", in a sentence naming the other side, do."""
    obama = Person("Barack Obama", "USA", "President")
    race = "race relations had improved during his presidency"
    ties = "he looked forward to strengthening ties"
    article = analysed(
        OBAMA_RACE,
        None,
        people=[obama],
        quotes=[("Barack Obama", race, False), ("Barack Obama", ties, False)],
    )
    index = ArticleIndex(article)
    by_text = {s.text: score_statement(s, index, ("KEN", "USA"), None, None) for s in article.statements}
    assert by_text[race].parts["about"] == 0.0
    assert by_text[ties].parts["about"] == RELATIONSHIP


MATES = (
    "Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war amid growing "
    "calls for an investigation. Earlier, Conservative MP Michael Mates joined calls for a probe into claims Lord "
    "Goldsmith's statement to Parliament was drawn up at Number 10. Mr Blair said the statement was a \"fair "
    "summary\" of Lord Goldsmith's opinion. Mr Mates, who is a member of the Commons intelligence and security "
    'committee, told the BBC on Friday: "That, as a general rule, is right, but it\'s not an absolute rule."'
)


def test_a_politician_of_no_stated_country_speaks_for_the_country_of_the_articles_other_officials() -> None:
    """BBC politics, "Blair rejects Iraq advice calls" (UK–Iraq): the Conservative MP, whom no article calls
    British, speaks among officials who are all British (the prime minister), so he is British; beside an
    Iraqi official too, the article says nothing of his side."""
    blair = Person("Tony Blair", "GBR", "Prime Minister")
    mates = Person("Michael Mates", None, "Conservative MP")
    quote = "That, as a general rule, is right, but it's not an absolute rule."
    article = analysed(MATES, ("GBR", "IRQ"), people=[blair, mates], quotes=[("Michael Mates", quote, True)])
    index = ArticleIndex(article)
    assert index.home(("GBR", "IRQ")) is None  # the article's country words say nothing of his side
    assert colleagues_country(index, "Michael Mates", ("GBR", "IRQ")) == "GBR"
    scored = score_statement(article.statements[0], index, ("GBR", "IRQ"), None, None)
    assert scored.country == "GBR" and scored.parts["who"] == WHO["role"] * COUNTRY_FACTOR["pair"]
    iraqi = Person("Hoshyar Zebari", "IRQ", "Foreign Minister")
    both = analysed(MATES, ("GBR", "IRQ"), people=[blair, iraqi, mates], quotes=[("Michael Mates", quote, True)])
    assert colleagues_country(ArticleIndex(both), "Michael Mates", ("GBR", "IRQ")) is None


TURKEY_DEAL = (
    "Tony Blair has said the deal bringing Turkey closer to EU membership is of fundamental importance. Turkish "
    "premier Recep Erdogan had to accept negotiations did not guarantee his country full EU membership. Mr Blair "
    "said the Turkish leadership had made great advances. Tory leader Michael Howard said the EU constitution was "
    "not designed to take in a country as large as Turkey."
)


def test_the_colleagues_of_a_politician_are_the_officials_quoted_beside_him_before_those_only_named() -> None:
    """BBC politics, "Blair hails Turkey-EU talks deal" (UK–Turkey): the Tory leader, whom no article calls
    British, is quoted beside Mr Blair; the Turkish premier the story is about is named, not quoted, and is
    no colleague of his. An article quoting no other official still looks at those it names."""
    blair = Person("Tony Blair", "GBR", "Prime Minister")
    erdogan = Person("Recep Erdogan", "TUR", "premier")
    howard = Person("Michael Howard", None, "Tory leader")
    quotes = [
        ("Tony Blair", "the Turkish leadership had made great advances", False),
        ("Michael Howard", "the EU constitution was not designed to take in a country as large as Turkey", False),
    ]
    pair = ("GBR", "TUR")
    article = analysed(TURKEY_DEAL, pair, people=[blair, erdogan, howard], quotes=quotes)
    index = ArticleIndex(article)
    assert colleagues_country(index, "Michael Howard", pair) == "GBR"
    scored = score_statement(article.statements[1], index, pair, None, None)
    assert scored.country == "GBR" and scored.parts["about"] == NAMES_OTHER_SIDE
    unquoted = analysed(TURKEY_DEAL, pair, people=[blair, erdogan, howard], quotes=quotes[1:])
    assert colleagues_country(ArticleIndex(unquoted), "Michael Howard", pair) is None  # British and Turkish named


ABSA = (
    "South Africa biggest retail bank Absa has said it is still in talks with UK bank Barclays over the sale of "
    'majority stake in the group. "Discussions with Barclays are continuing," Absa said in a statement.'
)


def test_an_organisation_the_articles_place_speaks_for_that_country() -> None:
    """BBC business, "Absa and Barclays talks continue" (South Africa–UK): the bank the article calls South
    African speaks for South Africa, and the brief shows it."""
    quote = ("Absa", "Discussions with Barclays are continuing,", True)
    article = analysed(ABSA, ("GBR", "ZAF"), quotes=[quote])
    orgs = [Entity(w, "ORG", m.start(), m.end()) for w in ("Absa", "Barclays") for m in re.finditer(w, ABSA)]
    article = tagged(article, *orgs)
    (statement,) = build_brief(("GBR", "ZAF"), [article]).statements
    assert statement.statement.country == "ZAF"
    assert statement.parts["who"] == WHO["institution"] * COUNTRY_FACTOR["pair"]
    # the paragraph before names the other side ("UK bank Barclays"): the quote answers it
    assert statement.parts["about"] == CONTEXT_NAMES_OTHER


ABSA_LATER = (
    ABSA + " In November, Absa said it was close to striking a deal with Barclays. Analysts said Barclays would pay "
    "about $8.5bn."
)


def test_an_organisation_speaks_for_one_country_throughout_the_pair() -> None:
    """The same BBC article: the analysis states Absa's country where the article introduces it ("South Africa
    biggest retail bank Absa has said …") and not where it says "Absa said" later; both statements show and
    score South Africa. spaCy tags this Absa a person, so where the articles place it counts whatever the tag
    for a speaker known to be an organisation, and only then."""
    quotes = [
        ("Absa", "it is still in talks with UK bank Barclays", False),
        ("Absa", "it was close to striking a deal with Barclays", False),
    ]
    article = analysed(ABSA_LATER, ("GBR", "ZAF"), quotes=quotes)
    tagged_person = tagged(
        article, *(Entity("Absa", "PERSON", m.start(), m.end()) for m in re.finditer("Absa", ABSA_LATER))
    )
    assert organisation_country(["Absa"], [tagged_person], organisation=True) == "ZAF"
    assert organisation_country(["Absa"], [tagged_person]) is None  # a role's word tagged a person is no organisation
    first, later = article.statements
    stated = dataclasses.replace(article, statements=(dataclasses.replace(first, country="ZAF"), later))
    # Tagged an organisation only where no country word places it: the later statement's country is the one stated
    orgs = [Entity("Absa", "ORG", m.start(), m.end()) for m in list(re.finditer("Absa", ABSA_LATER))[1:]]
    stated = tagged(stated, *orgs)
    statements = build_brief(("GBR", "ZAF"), [stated]).statements
    assert [s.statement.country for s in statements] == ["ZAF", "ZAF"]
    assert all(s.parts["who"] == WHO["institution"] * COUNTRY_FACTOR["pair"] for s in statements)


BAFIN = (
    "Traders at US banking giant Citigroup are facing a criminal investigation in Germany over a controversial bond "
    "deal. Germany's financial watchdog BaFin told BBC News it had now transferred the investigation to the public "
    'prosecutor. "We found clues of possible market manipulation," a BaFin spokeswoman said.'
)


def test_an_unnamed_spokesperson_speaks_for_the_country_the_articles_place_their_organisation_in() -> None:
    """BBC business, "Criminal probe on Citigroup deals" (Germany–US): "a BaFin spokeswoman" is nobody the pair
    names and no institution herself, but her title names the watchdog the article calls Germany's; she speaks
    for Germany. Untagged, the same words place nothing: the country comes from where the articles put an
    organisation, not from the word "spokeswoman"."""
    quote = ("a BaFin spokeswoman", "We found clues of possible market manipulation,", True)
    article = analysed(BAFIN, ("DEU", "USA"), quotes=[quote])
    (untagged,) = build_brief(("DEU", "USA"), [article]).statements
    assert untagged.statement.country is None
    bafin = [Entity("BaFin", "ORG", m.start(), m.end()) for m in re.finditer("BaFin", BAFIN)]
    (statement,) = build_brief(("DEU", "USA"), [tagged(article, *bafin)]).statements
    assert statement.statement.country == "DEU"
    assert statement.parts["who"] == WHO["official"] * COUNTRY_FACTOR["pair"]


TERROR_TARGET = (
    "Terrorists might try to target the UK in the run-up to the election, London's most senior police officer "
    "has said. Sir Ian Blair said terror groups would remember the effect of the Madrid bomb on Spain's general "
    "election last year. Other potential targets were the royal wedding and the UK's presidency of the European Union "
    "and G8, he said. The comments come after Tony Blair defended his controversial anti-terror proposals. "
    "But he said: "
    '"Terrorists have long memories. They understand what happened in Madrid and know what the impact of that was '
    'on the Spanish electorate."'
)


def test_colleagues_are_judged_by_the_role_the_pairs_people_give_and_a_shared_surname_is_no_same_person() -> None:
    """BBC politics, "Election 'could be terror target'" (Spain–UK): the Metropolitan Police commissioner,
    whom no article calls British, speaks beside Tony Blair, whom this article gives no role but the pair's
    other articles call Prime Minister; so he is British, and his Madrid quote is about the other country.
    "Tony Blair" shares only a surname with "Ian Blair": he is a colleague, not the speaker."""
    ian = Person("Ian Blair", None, "Metropolitan Police commissioner")
    tony = Person("Tony Blair", "GBR", None)
    quote = "Terrorists have long memories. They understand what happened in Madrid"
    article = analysed(TERROR_TARGET, ("ESP", "GBR"), people=[ian, tony], quotes=[("Ian Blair", quote, True)])
    index = ArticleIndex(article)
    pair = ("ESP", "GBR")
    assert colleagues_country(index, "Ian Blair", pair) is None  # the article alone names no British official
    roles = {"Tony Blair": "Prime Minister"}.get
    assert colleagues_country(index, "Ian Blair", pair, roles) == "GBR"
    assert colleagues_country(index, "Tony Blair", pair, roles) is None  # himself is no colleague
    before = score_statement(article.statements[0], index, pair, None, None)
    after = score_statement(article.statements[0], index, pair, None, None, roles=roles)
    assert before.country is None and after.country == "GBR"
    assert after.parts["about"] == NAMES_OTHER_SIDE > before.parts["about"]
    assert after.parts["who"] == WHO["official"] * COUNTRY_FACTOR["pair"]


UKIP = (
    "A UK Independence Party MEP suggested Germany saw the EU as an 'empire' and was cheaper than using tanks, a "
    "new documentary has revealed. But challenged on the remark, he denied accusing Germany of using the EU as "
    'cover for a "4th German Reich". Mr Nattrass said: "The fact is that the EU benefits Germany but it does not '
    'benefit Britain."'
)
SPOKESMAN = (
    "Asked about Sir Ian's comments on the Madrid bombing, the prime minister's official spokesman said: \"We "
    'believe the threat is real."'
)


def test_a_phrase_quoted_inside_the_reporters_sentence_is_colour_not_a_direct_statement() -> None:
    """BBC politics, "UKIP MEP attacked German 'empire'" (Germany–UK): "4th German Reich" is three words the
    reporter's sentence wraps; it gets neither the direct part nor escapes the fragment part, and ranks below
    the MEP's own sentence. A whole quoted sentence after a long introduction ("We believe the threat is
    real.", starting with a capital) stays a direct statement."""
    nattrass = Person("Mike Nattrass", "GBR", "deputy leader")
    reich = "4th German Reich"
    own = "The fact is that the EU benefits Germany but it does not benefit Britain."
    quotes = [("Mike Nattrass", reich, True), ("Mike Nattrass", own, True)]
    article = analysed(UKIP, ("DEU", "GBR"), people=[nattrass], quotes=quotes)
    index = ArticleIndex(article)
    phrase, sentence = article.statements
    assert quoted_phrase(phrase, index) and not quoted_phrase(sentence, index)
    scored = score_statement(phrase, index, ("DEU", "GBR"), None, None)
    assert scored.parts["direct"] == 0.0 and scored.parts["substance"] == FRAGMENT
    assert score_statement(sentence, index, ("DEU", "GBR"), None, None).parts["direct"] == DIRECT
    said = ("the prime minister's official spokesman", "We believe the threat is real.", True)
    spokesman = analysed(SPOKESMAN, ("ESP", "GBR"), quotes=[said])
    assert not quoted_phrase(spokesman.statements[0], ArticleIndex(spokesman))


WESTWOOD = (
    "India produces about 793,000 barrels of oil per day, according to oil industry analysts Douglas-Westwood. "
    '"We forecast that Indian production will go into significant decline," Mr Westwood said. ONGC, which is '
    "majority-owned by the Indian state, is a partner with Rosneft in an oil field off Russia's Siberian coast."
)


def test_a_speaker_of_no_known_side_naming_one_country_is_no_more_about_the_pair_than_a_sentence() -> None:
    """BBC business, "Indian oil firm eyes Yukos assets" (India–Russia): an analyst of no known country
    forecasting India's own output comments on India, not on India–Russia; an Indian official saying the
    same would speak for one side of the pair (`NAMES_OWN_SIDE`)."""
    quote = "We forecast that Indian production will go into significant decline,"
    article = analysed(WESTWOOD, ("IND", "RUS"), quotes=[("John Westwood", quote, True)])
    index = ArticleIndex(article)
    analyst = score_statement(article.statements[0], index, ("IND", "RUS"), None, None)
    assert analyst.country is None and analyst.parts["about"] == NAMES_ONE_UNPLACED
    official = Person("John Westwood", "IND", "oil minister")
    indian = score_statement(article.statements[0], index, ("IND", "RUS"), official, None)
    assert indian.parts["about"] == NAMES_OWN_SIDE > NAMES_ONE_UNPLACED


PENTAGON = (
    'Washington has claimed all four were "enemy combatants" who trained at camps run by al-Qaeda. The Pentagon '
    "says they were freed after the UK government promised they would not be a threat to the national security of "
    "the US or any of its allies."
)


def test_a_story_already_shown_yields_to_another_story_in_the_top(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two BBC stories on the Guantanamo Britons (UK–US): each statement loses `SAME_STORY` for every
    statement of its own story already among the shown top (new over repeated: a second story is not pushed
    out of the five by the first one's third and fourth quotes); past the top the penalty stays as it was,
    so the scores never rise down the list."""
    first = guantanamo(source="politics/a.txt")
    freed = [("The Pentagon", "they were freed after the UK government promised", False)]
    second = analysed(PENTAGON, ("GBR", "USA"), source="politics/b.txt", quotes=freed)
    pair = ("GBR", "USA")
    for top in (1, 5):
        brief = build_brief(pair, [first, second], key_statements=top)
        with monkeypatch.context() as m:
            m.setattr(rank, "SAME_STORY", 0.0)
            plain = {st.statement.text: st.score for st in build_brief(pair, [first, second]).statements}
        shown = [st.article for st in brief.statements[:top]]
        for n, st in enumerate(brief.statements):
            before = sum(1 for other in shown[:n] if other == st.article)
            assert st.score == pytest.approx(plain[st.statement.text] - SAME_STORY * before), (top, st)
        scores = [st.score for st in brief.statements]
        assert scores == sorted(scores, reverse=True)
    assert any(st.article == first.id for st in brief.statements[1:])  # the penalty was met at least once


OBAMA = (
    "The president also admitted that some African governments, including Kenya's, needed to improve their "
    "records on human rights and democracy. However, he defended his decision to engage with and visit those "
    "governments.\n\n\"Well, they're not ideal institutions. But what we found is, is that when we combined "
    "blunt talk with engagement, that gives us the best opportunity to influence and open up space for civil "
    'society," he said.\n\nTalking about how he was feeling after his recent successes, he said "every '
    'president, every leader has strengths and weaknesses".\n\n"One of my strengths is I have a pretty even '
    "temperament. I don't get too high when it's high and I don't get too low when it's low,\" he said."
)


def test_a_quote_answering_the_paragraph_before_is_about_the_country_it_names() -> None:
    """BBC News, "Obama: US gun laws 'biggest frustration'" (Kenya–US): "Well, they're not ideal institutions"
    names no country, but the paragraph before (the reporter's subject) names Kenya's government; the
    remark on his temperament two paragraphs on has no country around it. Less than a sentence naming it."""
    obama = Person("Barack Obama", "USA", "President")
    ideal = "Well, they're not ideal institutions. But what we found is"
    temper = "One of my strengths is I have a pretty even temperament."
    article = analysed(
        OBAMA, ("KEN", "USA"), people=[obama], quotes=[("Barack Obama", ideal, True), ("Barack Obama", temper, True)]
    )
    index = ArticleIndex(article)
    answer, aside = (score_statement(s, index, ("KEN", "USA"), None, None) for s in article.statements)
    assert answer.parts["about"] == CONTEXT_NAMES_OTHER > 0
    assert aside.parts["about"] == 0.0
    assert CONTEXT_NAMES_OTHER < NAMES_OTHER_SIDE


BOERSE = (
    "But, Hans Reckers, a board member of Germany's central bank, the Bundesbank, said that cash trading should "
    "also remain in Frankfurt, something Deutsche Boerse could move to the UK. Local government officials in "
    "Frankfurt's state of Hessen have also spoken out against the move. \"It is our wish that the headquarters stay "
    "here to maintain Frankfurt's standing as the number one financial centre in continental Europe,\" Alois Rhiel, "
    "its minister for economic affairs added. The London Stock Exchange's chief executive Clara Furse said nothing."
)


def test_an_office_of_a_region_belongs_to_that_regions_country_before_the_colleagues() -> None:
    """BBC business, Deutsche Boerse's bid for the LSE (Germany–UK): Rhiel is "its minister" after "the state of
    Hessen", a German region, so he speaks for Germany even where the article's other officials are British; the
    region possessing the role in front of the name does the same; a minister of no region stays unplaced."""
    furse = Person("Clara Furse", "GBR", "chief executive")
    rhiel = Person("Alois Rhiel", None, "minister")
    quote = "It is our wish that the headquarters stay here"
    article = analysed(BOERSE, ("DEU", "GBR"), people=[furse, rhiel], quotes=[("Alois Rhiel", quote, True)])
    index = ArticleIndex(article)
    assert region_office_country(index, "Alois Rhiel") == "DEU"
    assert score_statement(article.statements[0], index, ("DEU", "GBR"), None, None).country == "DEU"
    before = analysed(
        "Hessen's economy minister Alois Rhiel said the German exchange's move was wrong.", ("DEU", "GBR")
    )
    assert region_office_country(ArticleIndex(before), "Alois Rhiel") == "DEU"
    plain = analysed("The economy minister Alois Rhiel said the move to London was wrong.", ("DEU", "GBR"))
    assert region_office_country(ArticleIndex(plain), "Alois Rhiel") is None


def test_a_region_places_an_office_only_for_a_country_the_article_names() -> None:
    """Thousands of small regions share a name with a city or a word: "Manchester's Trafford Centre" is no office
    of Jamaica's Manchester parish in a British story (BBC business), while "Texas attorney general Greg Abbott"
    in a story that names the US is American, and the brief shows it beside his statement and in its people."""
    trafford = analysed(
        "A spokesman for Manchester's Trafford Centre, Tom Reeve, said shoppers had come in record numbers.", None
    )
    assert region_office_country(ArticleIndex(trafford), "Tom Reeve") is None
    text = (
        'Texas attorney general Greg Abbott said the US firm had broken the law. "We will not tolerate it," '
        "Greg Abbott said. Sony BMG said it would recall the discs in Britain too."
    )
    abbott = Person("Greg Abbott", None, "Texas attorney general")
    article = analysed(text, ("GBR", "USA"), people=[abbott], quotes=[("Greg Abbott", "We will not tolerate it", True)])
    assert region_office_country(ArticleIndex(article), "Greg Abbott") == "USA"
    brief = build_brief(("GBR", "USA"), [article])
    assert [s.statement.country for s in brief.statements] == ["USA"]
    assert [(p.name, p.country) for p in brief.people] == [("Greg Abbott", "USA")]


def test_a_statements_score_is_its_parts_times_their_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two BBC stories on the Guantanamo Britons (UK–US): every ranked statement keeps the parts of its score
    (the rank-order penalties as ranked among them), and the score is their sum, each part times its weight
    (`rank.WEIGHTS`, 1.0 each); a part weighted 0 no longer counts."""
    first = guantanamo(source="politics/a.txt")
    freed = [("The Pentagon", "they were freed after the UK government promised", False)]
    second = analysed(PENTAGON, ("GBR", "USA"), source="politics/b.txt", quotes=freed)
    brief = build_brief(("GBR", "USA"), [first, second])
    for st in brief.statements:
        assert set(st.parts) == set(PARTS)
        assert st.score == pytest.approx(sum(rank.WEIGHTS[k] * v for k, v in st.parts.items()), abs=1e-3)
    assert any(st.parts["same_story"] < 0 for st in brief.statements)
    monkeypatch.setitem(rank.WEIGHTS, "about", 0.0)
    for st in build_brief(("GBR", "USA"), [first, second]).statements:
        assert st.score == pytest.approx(sum(v for k, v in st.parts.items() if k != "about"), abs=1e-3)


PANLOGIC = (
    "Already net use in China has a very different character than in many Western nations, said William Makower, "
    "chief executive of Panlogic. In many Western nations desktop computers that can access the net are hard to "
    "escape at work. By contrast in China workplace machines are relatively rare."
)


def test_nations_alone_is_no_relationship_word() -> None:
    """BBC tech/074, "China 'to overtake US net use'" (China–US): "many Western nations" (like "the United
    Nations") is no relation of the pair, so an analyst on China gets no relationship part; "both nations"
    names two countries' relation itself, as "both countries" does."""
    quote = "Already net use in China has a very different character than in many Western nations"
    both = "Already net use in China has a very different character than in both nations"
    scored = []
    for body, words_ in ((PANLOGIC, quote), (PANLOGIC.replace("many Western nations", "both nations", 1), both)):
        article = analysed(body, ("CHN", "USA"), quotes=[("William Makower", words_, False)])
        scored.append(score_statement(article.statements[0], ArticleIndex(article), ("CHN", "USA"), None, None))
    western, two = scored
    assert western.parts["about"] == NAMES_ONE_UNPLACED
    assert two.parts["about"] == NAMES_ONE_UNPLACED + ALSO_RELATIONSHIP


RECKERS = (
    "But, Hans Reckers, a board member of Germany's central bank, the Bundesbank, said that cash trading should also "
    'remain in Frankfurt, something Deutsche Boerse could move to the UK. "It is not just the headquarters of the '
    "Boerse but also important market segments that must stay permanently in Frankfurt. This has special importance "
    'for the business activities of the banks and the consultants," he said. Local government officials in '
    "Frankfurt's state of Hessen have also spoken out against the move."
)


def test_a_quote_naming_no_country_takes_part_of_its_speakers_lead_in_about() -> None:
    """BBC business/279, "German bidder in talks with LSE" (Germany–UK): the reporter's "Hans Reckers … said that
    cash trading should also remain in Frankfurt, something Deutsche Boerse could move to the UK" introduces his
    quote, which names no country of the pair; the quote answers that subject and takes `LEAD_IN` of the
    lead-in's *about* above its own. Another speaker's reported statement is no lead-in; the lead-in itself,
    reported speech, has none."""
    reckers = Person("Hans Reckers", "DEU", "board member")
    said = "cash trading should also remain in Frankfurt, something Deutsche Boerse could move to the UK"
    quote = "It is not just the headquarters of the Boerse but also important market segments"
    pair = ("DEU", "GBR")
    quotes = [("Hans Reckers", said, False), ("Hans Reckers", quote, True)]
    article = analysed(RECKERS, pair, people=[reckers], quotes=quotes)
    index, names = ArticleIndex(article), NameIndex([reckers.name])
    reported, direct = article.statements
    assert lead_in_of(direct, article, index, names) == reported
    assert lead_in_of(reported, article, index, names) is None
    alone = score_statement(direct, index, pair, None, None)
    introduced = score_statement(direct, index, pair, None, None, lead_in=reported)
    own = score_statement(reported, index, pair, None, None).parts["about"]
    assert alone.parts["about"] <= CONTEXT_NAMES_OTHER < own
    expected = alone.parts["about"] + LEAD_IN * (own - alone.parts["about"])
    assert introduced.parts["about"] == pytest.approx(expected)
    assert introduced.score > alone.score
    other = analysed(
        RECKERS.replace("Hans Reckers", "Axel Weber"),
        pair,
        quotes=[("Axel Weber", said, False), ("Hans Reckers", quote, True)],
    )
    assert lead_in_of(other.statements[1], other, ArticleIndex(other), NameIndex([reckers.name, "Axel Weber"])) is None


MUSHARRAF_VISIT = (
    "On Monday the Pakistani president met Prime Minister Tony Blair at 10 Downing Street, on his first official "
    "visit to London.\n\n"
    "Mr Blair said the two leaders had talked about Afghanistan, the wider war on terror, the situation in the "
    "Middle East and the ongoing dispute over Kashmir."
)
ONGC_GAZPROM = (
    "India is urgently searching for fresh energy supplies - particularly liquefied natural gas - as domestic "
    "demand is growing at more than 5% a year.\n\n"
    "ONGC's Mr Raha said the two could work together on joint bids from next year."
)


@pytest.mark.parametrize(
    ("body", "person", "said", "two", "one", "pair"),
    [
        pytest.param(
            MUSHARRAF_VISIT,
            Person("Tony Blair", "GBR", "Prime Minister"),
            "the two leaders had talked about Afghanistan, the wider war on terror",
            "the two leaders",
            "the leaders",
            ("GBR", "PAK"),
            id="the_two_leaders",  # BBC politics/155 (UK–Pakistan)
        ),
        pytest.param(
            ONGC_GAZPROM,
            Person("Subir Raha", "IND", "ONGC chairman"),
            "the two could work together on joint bids from next year",
            "the two could",
            "the firm could",
            ("IND", "RUS"),
            id="the_two_as_subject",  # BBC business/181 (India–Russia): ONGC and Gazprom
        ),
    ],
)
def test_the_two_name_the_pairs_relationship_as_both_countries_does(
    body: str, person: Person, said: str, two: str, one: str, pair: tuple[str, str]
) -> None:
    """What "the two leaders" talked about, or what "the two" (as the statement's subject) could do together,
    is the pair's own business though the words name neither country; "the leaders" of no number, or "the
    firm", is not."""
    scored = []
    for text, words_ in ((body, said), (body.replace(two, one, 1), said.replace(two, one, 1))):
        article = analysed(text, pair, people=[person], quotes=[(person.name, words_, False)])
        scored.append(score_statement(article.statements[0], ArticleIndex(article), pair, None, None))
    both, single = scored
    assert both.parts["about"] == RELATIONSHIP
    assert single.parts["about"] < RELATIONSHIP


def test_a_statement_shows_its_speakers_office_as_the_pairs_people_write_it() -> None:
    # BBC UK–US: "the prime minister said …" gave Tony Blair "prime minister" beside his "Prime Minister".
    met = analysed(
        "Prime Minister Tony Blair met George W Bush in Washington.",
        ("GBR", "USA"),
        source="a.txt",
        people=[Person("Tony Blair", "GBR", "Prime Minister"), Person("George W Bush", "USA", "President")],
    )
    body = "The prime minister said America has spoken and the rest of the world should listen to the US."
    words = "America has spoken and the rest of the world should listen to the US"
    at = body.index(words)
    said = analysed(body, ("GBR", "USA"), source="b.txt", people=[Person("Tony Blair", None, None)])
    said = dataclasses.replace(
        said, statements=(Statement("Tony Blair", words, False, at, at + len(words), "prime minister", None),)
    )
    (statement,) = (s.statement for s in build_brief(("GBR", "USA"), [met, said]).statements)
    assert (statement.speaker, statement.role) == ("Tony Blair", "Prime Minister")
