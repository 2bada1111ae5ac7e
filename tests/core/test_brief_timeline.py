"""The timeline of a relationship on real BBC sentences: events that concern the pair, background apart."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import Person
from briefing.brief import build_brief

GREENSPAN = (
    "US Federal Reserve chairman Alan Greenspan has given a speech at a Scottish church in honour of the "
    'pioneering economist, Adam Smith. He said: "Kirkcaldy, the birthplace in 1723 of Adam Smith and, by '
    'extension, of modern economics, is also of course, where your chancellor was reared." Following his '
    "lecture, Dr Greenspan - who received an honorary knighthood from the Queen at Balmoral in 2002 - was "
    "awarded an honorary fellowship of the Royal Society of Edinburgh. Dr Greenspan, who has been in the UK to "
    "attend the G7 meeting in London in February 2005, praised Britain. Dr Greenspan - who became chairman of "
    "the Federal Reserve for an unprecedented fifth term in June 2004 - will step down in January next year."
)
PASSPORTS = (
    "A letter sent to Martin Mubanga said his British passport would not be issued in the light of evidence "
    "gathered against him by the US. It is only the 13th time the power has been used since 1947 - the last "
    "time was in 1976. Once they are back in the UK, the police will consider whether to arrest them under "
    "the Terrorism Act 2000 for questioning. He said he was sent "
    "there after being interrogated by a British man who said he was from MI6, shortly after his arrest in "
    "Zambia in March 2002. And at 1815 GMT, Great Britain's rugby league team take on Australia in the final. "
    "Talks on the US and British deal resumed in January 2005."
)
GREENSPAN_PERSON = Person("Alan Greenspan", "USA", "chairman")


def greenspan_brief():
    a = analysed(
        GREENSPAN,
        ("GBR", "USA"),
        people=[GREENSPAN_PERSON],
        dates=[("1723", "1723"), ("2002", "2002"), ("February 2005", "2005-02"), ("June 2004", "2004-06")],
    )
    return build_brief(("GBR", "USA"), [a])


def test_a_birth_centuries_ago_is_background_and_out_of_the_period() -> None:
    brief = greenspan_brief()
    by_value = {t.value: t for t in brief.timeline}
    assert by_value["1723"].background
    assert not by_value["2005-02"].background and not by_value["2004-06"].background
    assert brief.events == ("2002", "2005-02")
    assert [t.value for t in brief.timeline][-1] == "1723"  # background after every event


def test_each_entry_spans_its_sentence_in_the_body() -> None:
    brief = greenspan_brief()
    for t in brief.timeline:
        body = brief.article(t.article).article.body  # type: ignore[union-attr]
        assert t.text in body[t.start : t.end]
        assert body[t.start : t.end].split()[0] in t.sentence


def test_since_clauses_law_names_clock_times_and_old_dates_are_not_events() -> None:
    a = analysed(
        PASSPORTS,
        ("GBR", "USA"),
        dates=[
            ("1947", "1947"),
            ("1976", "1976"),
            ("2000", "2000"),
            ("March 2002", "2002-03"),
            ("1815", "1815"),
            ("January 2005", "2005-01"),
        ],
    )
    # The analysis tags the law's name (a LAW entity) around its year.
    law_start = PASSPORTS.index("Terrorism Act 2000")
    from briefing.article import AnalyzedArticle, Entity

    a = AnalyzedArticle(
        a.article,
        a.pair,
        a.pairs,
        (*a.entities, Entity("the Terrorism Act 2000", "LAW", law_start - 4, law_start + 18)),
        a.statements,
        a.dates,
        a.people,
        a.trend,
    )
    brief = build_brief(("GBR", "USA"), [a])
    by_value = {t.value: t for t in brief.timeline}
    assert "1815" not in by_value  # "1815 GMT" is a time of day
    assert "1947" not in by_value and "1976" not in by_value  # their sentence names neither country
    assert by_value["2000"].background  # a year in a law's name
    assert not by_value["2002-03"].background  # the arrest: an event that concerns Britain
    assert brief.events == ("2002-03", "2005-01")


def test_undated_articles_take_the_corpus_year_so_old_history_is_background() -> None:
    text = "Ireland are unbeaten and France want a first Grand Slam since they last won one in 1948."
    old = analysed(text, ("FRA", "IRL"), dates=[("1948", "1948")])
    news = analysed(
        "France meet Ireland in Dublin on 12 March 2005.", ("FRA", "IRL"), dates=[("12 March 2005", "2005-03-12")]
    )
    brief = build_brief(("FRA", "IRL"), [old], reference_year=2005)
    assert brief.timeline[0].background and brief.events is None
    both = build_brief(("FRA", "IRL"), [old, news])  # the pair's own year, when no corpus year is given
    assert both.events == ("2005-03-12", "2005-03-12")


def test_an_old_event_between_the_two_countries_stays_an_event() -> None:
    text = "In 1986 the US imposed a ban on trade with Libya. Libya and the US restored ties in June 2004."
    a = analysed(text, ("LBY", "USA"), published="2005-01-10", dates=[("1986", "1986"), ("June 2004", "2004-06")])
    brief = build_brief(("LBY", "USA"), [a])
    assert [t.background for t in brief.timeline] == [False, False]
    assert brief.events == ("1986", "2004-06") and brief.period == ("2005-01-10", "2005-01-10")


def test_the_events_span_is_shown_beside_the_period_only_when_it_differs() -> None:
    same = analysed(
        "Libya and the US restored ties on 10 January 2005.",
        ("LBY", "USA"),
        published="2005-01-10T09:30:00",
        dates=[("10 January 2005", "2005-01-10")],
    )
    brief = build_brief(("LBY", "USA"), [same])
    assert brief.events == ("2005-01-10", "2005-01-10") and brief.events_apart is None
    text = "In 1986 the US imposed a ban on trade with Libya. Libya and the US restored ties in June 2004."
    older = analysed(text, ("LBY", "USA"), published="2005-01-10", dates=[("1986", "1986"), ("June 2004", "2004-06")])
    assert build_brief(("LBY", "USA"), [older]).events_apart == ("1986", "2004-06")


def test_the_date_of_a_since_clause_is_a_reference_point() -> None:
    text = "This is the highest figure for Japanese trade with China since records began in 1947."
    # Published in 1960, 1947 is neither centuries old nor about one side only: only "since" makes it background.
    a = analysed(text, ("CHN", "JPN"), published="1960-01-01", dates=[("1947", "1947")])
    assert build_brief(("CHN", "JPN"), [a]).timeline[0].background


def test_one_sentence_two_outlets_word_differently_is_one_entry_with_both_articles() -> None:
    first = analysed(  # BBC business: the same sentence in two stories, one word changed
        "In 2004, China increased its generating capacity by 12.6% to 440,700 megawatts (MW), while Britain "
        "kept its own flat.",
        ("CHN", "GBR"),
        source="news/a.txt",
        dates=[("2004", "2004")],
    )
    second = analysed(
        "In 2004, China increased its generating capacity by 12.6%, or 440,700 megawatts (MW), while Britain "
        "kept its own flat. A different event followed in 2004 in Britain and China alike.",
        ("CHN", "GBR"),
        source="news/b.txt",
        title="Another report",
        dates=[("2004", "2004")],
    )
    timeline = build_brief(("CHN", "GBR"), [first, second]).timeline
    capacity = [t for t in timeline if "generating capacity" in t.sentence]
    assert len(capacity) == 1
    assert set(capacity[0].articles) == {first.id, second.id}
    # Another sentence of the same date stays its own entry.
    other = analysed(
        "China and Britain signed a climate accord in 2004 after long talks in London.",
        ("CHN", "GBR"),
        source="news/c.txt",
        title="Accord",
        dates=[("2004", "2004")],
    )
    assert len(build_brief(("CHN", "GBR"), [first, other]).timeline) == 2


def test_a_sentence_of_several_dates_is_one_entry_at_its_first_with_the_others_beside_it() -> None:
    """BBC (Libya–US, China–US): one sentence with two events is one entry, not the same words twice; a
    background date of the same sentence stays in the background, apart from its events."""
    ban = (
        "The US ban on trade and economic activity with Tripoli - imposed by then president Ronald Regan in 1986 "
        "after a series of what the US deemed terrorist acts, including the 1988 Lockerbie air crash - was "
        "suspended in April. Libya and the US restored ties in June 2004."
    )
    a = analysed(
        ban,
        ("LBY", "USA"),
        published="2005-01-10",
        dates=[("1988", "1988"), ("1986", "1986"), ("June 2004", "2004-06")],
    )
    brief = build_brief(("LBY", "USA"), [a])
    assert [(t.value, t.also, t.background) for t in brief.timeline] == [
        ("1986", ("1988",), False),
        ("2004-06", (), False),
    ]
    assert brief.timeline[0].text == "1986"
    assert brief.events == ("1986", "2004-06")
    # An old date in a sentence naming one side only is background; the sentence's event stays an event.
    jobs = "A report said almost 1.5 million posts disappeared between 1989 and 2003 as imports from China rose."
    b = analysed(jobs, ("CHN", "USA"), published="2005-01-10", dates=[("1989", "1989"), ("2003", "2003")])
    timeline = build_brief(("CHN", "USA"), [b]).timeline
    assert [(t.value, t.also, t.background) for t in timeline] == [("2003", (), False), ("1989", (), True)]
    assert timeline[0].start == timeline[1].start  # one sentence, an event and a background entry
