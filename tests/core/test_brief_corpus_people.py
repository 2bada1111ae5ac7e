"""What the whole corpus says of speakers, on real BBC text: a person's country from another pair's
article, an office's country from its holders, and organisations that spaCy tags as people."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import AnalyzedArticle, Person
from briefing.brief import Briefing
from briefing.brief.people import corpus_people
from briefing.brief.rank import speaker_level

AUSCHWITZ = (
    "British Foreign Secretary Jack Straw will visit Auschwitz for the 60th anniversary of the former Nazi "
    "concentration camp's liberation, it has been announced."
)
GUANTANAMO = (
    "All four Britons held by the US in Guantanamo Bay will be returned to the UK within weeks, Foreign Secretary "
    "Jack Straw told the Commons on Tuesday."
)
GUANTANAMO_QUOTE = "All four Britons held by the US in Guantanamo Bay will be returned to the UK within weeks"
YUKOS = (
    "Yukos has said a US bankruptcy court will decide whether to block Russia's impending auction of its main "
    "production arm on Thursday. Yukos reacted immediately by repeating its view that the auction was illegal "
    "in international and Russian law. Russian President Vladimir Putin said the US has no jurisdiction over "
    "Yukos and its legal wranglings."
)


def test_a_speaker_of_no_stated_country_takes_the_one_another_article_gives() -> None:
    other_pair = analysed(
        AUSCHWITZ, ("GBR", "POL"), source="a.txt", people=[Person("Jack Straw", "GBR", "Foreign Secretary")]
    )
    pair = analysed(
        GUANTANAMO,
        ("GBR", "USA"),
        source="b.txt",
        people=[Person("Jack Straw", None, "Foreign Secretary")],
        quotes=[("Jack Straw", GUANTANAMO_QUOTE, False)],
    )
    brief = Briefing.build([other_pair, pair]).get("GBR-USA")
    assert brief is not None
    assert [(p.name, p.country) for p in brief.people] == [("Jack Straw", "GBR")]
    # Alone, the pair's own article says nothing of Straw's country.
    alone = Briefing.build([pair]).get("GBR-USA")
    assert alone is not None and alone.people[0].country is None
    assert brief.statements[0].score > alone.statements[0].score


def test_an_office_of_no_stated_country_is_the_country_most_of_its_holders_speak_for() -> None:
    holders = [
        analysed(AUSCHWITZ, ("GBR", "POL"), source="a.txt", people=[Person("Jack Straw", "GBR", "Foreign Secretary")]),
        analysed(
            "Former British Foreign Secretary Robin Cook said the war was a mistake.",
            ("GBR", "IRQ"),
            source="b.txt",
            people=[Person("Robin Cook", "GBR", "Foreign Secretary")],
        ),
        analysed(
            "US President George W Bush and Russian President Vladimir Putin met in Slovakia.",
            ("RUS", "USA"),
            source="c.txt",
            people=[Person("George W Bush", "USA", "President"), Person("Vladimir Putin", "RUS", "President")],
        ),
    ]
    known = corpus_people(holders)
    assert known.office_country("Foreign Secretary", ("ESP", "GBR")) == "GBR"
    assert known.office_country("the foreign secretary's spokesman", ("ESP", "GBR")) == "GBR"
    assert known.office_country("Foreign Secretary", ("ESP", "FRA")) is None  # not an office of the pair
    assert known.office_country("President", ("RUS", "USA")) is None  # held as much by either


def test_a_named_holder_of_an_office_is_not_placed_by_one_countrys_many_mentions() -> None:
    """BBC business/200 (Cuba–US): "President Castro" is no American because the corpus names President Bush in
    many articles; the unnamed "the president's spokesman" of an American story still is."""
    bush = [
        analysed(
            f"US President George W Bush spoke in {place}.",
            ("GBR", "USA"),
            source=f"{place}.txt",
            people=[Person("George W Bush", "USA", "President")],
        )
        for place in ("Washington", "Texas", "Ohio", "Iowa", "Maine", "Utah")
    ]
    others = [
        analysed(f"{name} spoke.", ("FRA", "RUS"), source=f"{code}.txt", people=[Person(name, code, "President")])
        for name, code in (("Vladimir Putin", "RUS"), ("Jacques Chirac", "FRA"))
    ]
    known = corpus_people([*bush, *others])
    assert known.office_country("President", ("CUB", "USA")) == "USA"  # 6 of 8 mentions (five at least, one word)
    assert known.office_country("President", ("CUB", "USA"), named=True) is None  # 1 of 3 people
    castro = analysed(
        "Fidel Castro's decision to ban cash transactions in US dollars in Cuba turned the spotlight on Cuba. "
        "President Castro said the US was waging economic war.",
        ("CUB", "USA"),
        source="castro.txt",
        people=[Person("Fidel Castro", None, "President")],
    )
    brief = Briefing.build([*bush, *others, castro]).get("CUB-USA")
    assert brief is not None
    assert [p.country for p in brief.people if p.name == "Fidel Castro"] == [None]


def test_an_organisation_tagged_as_a_person_speaks_as_an_institution_and_is_no_person() -> None:
    article = analysed(
        YUKOS,
        ("RUS", "USA"),
        people=[Person("Yukos"), Person("Vladimir Putin", "RUS", "President")],
        quotes=[
            ("Yukos", "a US bankruptcy court will decide whether to block Russia's impending auction", False),
            ("Vladimir Putin", "the US has no jurisdiction over Yukos and its legal wranglings", False),
        ],
    )
    known = corpus_people([article])
    assert known.is_institution(("yukos",)) and not known.is_institution(("putin",))
    brief = Briefing.build([article]).get("RUS-USA")
    assert brief is not None
    assert [p.name for p in brief.people] == ["Vladimir Putin"]
    assert [s.statement.speaker for s in brief.statements] == ["Vladimir Putin", "Yukos"]
    assert speaker_level("Yukos", None, institution=True) == "institution"


HOWARD_TEXTS = (
    "Tony Blair said Labour would cut taxes. Tory leader Michael Howard said the plans were a con.",
    "Gordon Brown said the economy was strong. Michael Howard, the Tory leader, said taxes would rise.",
    "Tony Blair said the NHS was safe. The Tory leader Michael Howard said waiting lists were too long.",
)


def _beside_british_ministers(count: int, extra: str | None = None) -> list[AnalyzedArticle]:
    blair = Person("Tony Blair", "GBR", "Prime Minister")
    brown = Person("Gordon Brown", "GBR", "Chancellor")
    howard = Person("Michael Howard", None, "Tory leader")
    found = []
    for i, text in enumerate(HOWARD_TEXTS[:count]):
        minister = brown if "Brown" in text else blair
        said = text.split(" said ")[1].split(".")[0]
        quotes = [(minister.name, said, False), ("Michael Howard", text.rsplit(" said ", 1)[1].rstrip("."), False)]
        found.append(analysed(text, None, source=f"{i}.txt", people=[minister, howard], quotes=quotes))
    if extra:
        bush = Person("George W Bush", "USA", "President")
        found.append(
            analysed(
                extra,
                None,
                source="x.txt",
                people=[bush, howard],
                quotes=[("George W Bush", "he would work with Europe", False)],
            )
        )
    return found


def test_a_politician_no_article_places_is_of_the_country_of_those_quoted_beside_him_article_after_article() -> None:
    """BBC politics: no article calls the Tory leader British, but article after article quotes him beside
    British ministers; one or two such articles may be chance, and a mixed company says nothing."""
    assert corpus_people(_beside_british_ministers(3)).colleagues == {("michael", "howard"): "GBR"}
    assert corpus_people(_beside_british_ministers(2)).colleagues == {}
    bush = "George W Bush said he would work with Europe. Michael Howard said so too."
    mixed = _beside_british_ministers(3, extra=bush)
    assert corpus_people(mixed).colleagues == {("michael", "howard"): "GBR"}  # 3 of 4 articles: three quarters
    two_and_one = _beside_british_ministers(2, extra=bush)
    assert corpus_people(two_and_one).colleagues == {}


CLARKE_TEXTS = (
    "Tony Blair said the new powers were needed. Home Secretary Charles Clarke said the law would protect the public.",
    "Tony Blair said ID cards would be introduced. Charles Clarke, the home secretary, said the scheme was fair.",
    "Tony Blair said the threat was real. The home secretary Charles Clarke said judges would oversee the orders.",
)
DAVIS_TEXTS = (
    "Charles Clarke said the bill would pass. Shadow home secretary David Davis said it was an outrage.",
    "Charles Clarke said the orders were needed. David Davis, the shadow home secretary, said they were not.",
    "Charles Clarke said he would listen. The shadow home secretary David Davis said he had not.",
)


def _quoted_beside(texts: tuple[str, ...], first: Person, second: Person, tag: str) -> list[AnalyzedArticle]:
    found = []
    for i, text in enumerate(texts):
        one, two = text.split(" said ", 1)[1].split(".")[0], text.rsplit(" said ", 1)[1].rstrip(".")
        quotes = [(first.name, one, False), (second.name, two, False)]
        found.append(analysed(text, None, source=f"{tag}{i}.txt", people=[first, second], quotes=quotes))
    return found


def test_colleagues_are_placed_by_what_the_corpus_knows_and_each_placed_one_places_the_next() -> None:
    """A British outlet calls nobody British: the Prime Minister is placed only as a known leader, the Home
    Secretary quoted beside him article after article by him, and the shadow home secretary quoted beside
    the Home Secretary by the Home Secretary once he is placed."""
    blair = Person("Tony Blair", None, "Prime Minister")
    clarke = Person("Charles Clarke", None, "Home Secretary")
    davis = Person("David Davis", None, "shadow home secretary")
    beside_blair = _quoted_beside(CLARKE_TEXTS, blair, clarke, "c")
    beside_clarke = _quoted_beside(DAVIS_TEXTS, clarke, davis, "d")
    assert corpus_people(beside_blair + beside_clarke).colleagues == {
        ("charles", "clarke"): "GBR",
        ("david", "davis"): "GBR",
    }
    assert corpus_people(beside_clarke).colleagues == {}  # nobody of a known country beside either


LIVINGSTONE = (
    'Mr Johnson also claimed Tony Blair\'s intervention in the row was "an attempt to reassure Jewish voters". '
    'London mayor Mr Livingstone says he is "standing by" his remarks. But the prime minister says it is time '
    "for Mr Livingstone to say sorry."
)


def _said_in_other(articles: list[AnalyzedArticle], words: str) -> list[str]:
    other = next(b for b in Briefing.build(articles) if b.pair is None)
    return [s.statement.speaker for s in other.statements if words in s.statement.text]


def test_an_office_written_alone_is_the_one_person_the_article_names_whom_the_corpus_gives_it() -> None:
    """BBC politics/075: "the prime minister says" in an article that names Tony Blair but never calls him so."""
    row = analysed(
        LIVINGSTONE,
        None,
        source="075.txt",
        people=[Person("Tony Blair"), Person("Ken Livingstone", None, "London mayor")],
        quotes=[("the prime minister", "it is time for Mr Livingstone to say sorry", False)],
    )
    elsewhere = analysed(
        "Prime Minister Tony Blair has said he looks forward to working with George Bush.",
        ("GBR", "USA"),
        source="189.txt",
        people=[Person("Tony Blair", "GBR", "Prime Minister")],
    )
    assert _said_in_other([row, elsewhere], "say sorry") == ["Tony Blair"]
    # Alone, nothing says who the prime minister is; nor when the corpus gives the office to two people named.
    assert _said_in_other([row], "say sorry") == ["the prime minister"]
    rivals = [
        analysed(
            "Prime Minister Ken Livingstone, as a careless outlet has it.",
            None,
            source=f"{n}.txt",
            people=[Person("Ken Livingstone", None, "Prime Minister")],
        )
        for n in range(2)
    ]
    assert _said_in_other([row, elsewhere, *rivals], "say sorry") == ["the prime minister"]
    # Nor when the article names another country's prime minister: "the prime minister" may be his.
    sharon = analysed(
        LIVINGSTONE + " Israeli Prime Minister Ariel Sharon was also asked about the row.",
        None,
        source="076.txt",
        people=[*row.people, Person("Ariel Sharon", "ISR", "Israeli Prime Minister")],
        quotes=[("the prime minister", "it is time for Mr Livingstone to say sorry", False)],
    )
    assert _said_in_other([sharon, elsewhere], "say sorry") == ["the prime minister"]


def test_a_title_given_to_a_person_the_corpus_gives_another_office_is_the_titles_holders() -> None:
    """BBC politics/095: "Jonathan Baume, of the top civil servants' union, spoke of … But the chancellor said Mr
    Baume was never at meetings …": the analysis gave "the chancellor" to the man in focus, whom other articles
    call a general secretary; the article's one person the corpus calls Chancellor said it. A title the
    article itself gives its speaker stays his."""
    from briefing.article import Statement
    from briefing.brief.rank import _with_holder

    brown = analysed(
        "Chancellor Gordon Brown set out his Budget.",
        None,
        source="h.txt",
        people=[Person("Gordon Brown", "GBR", "Chancellor")],
    )
    union = analysed(
        "Jonathan Baume, general secretary of the FDA union, spoke.",
        None,
        source="u.txt",
        people=[Person("Jonathan Baume", None, "general secretary")],
    )
    body = (
        "Jonathan Baume, of the top civil servants' union, spoke of competing agendas between Mr Brown and Mr "
        "Blair. But the chancellor said Mr Baume was never at meetings between them."
    )
    words = "Mr Baume was never at meetings between them"
    at = body.index(words)
    said = Statement("Jonathan Baume", words, False, at, at + len(words), "chancellor", None)
    people = [Person("Jonathan Baume", None, None), Person("Gordon Brown", None, None)]
    article = analysed(body, None, source="t.txt", people=people)
    known = corpus_people([brown, union, article])
    assert _with_holder(said, article, known).speaker == "Gordon Brown"
    # Nor when the corpus gives him no office at all (a journalist, "Robert Peston", in focus in politics/218).
    assert _with_holder(said, article, corpus_people([brown, article])).speaker == "Gordon Brown"
    titled = analysed(body, None, source="t.txt", people=[Person("Jonathan Baume", None, "chancellor"), people[1]])
    assert _with_holder(said, titled, known).speaker == "Jonathan Baume"  # the article calls him so
