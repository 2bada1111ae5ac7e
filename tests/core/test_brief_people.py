"""People merged across articles: one person whatever the spelling."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.article import Person
from briefing.brief.people import NameIndex, merge_people, name_words

TEXT = (
    "Chinese Foreign Minister Wang Yi met his US counterpart in Beijing. Mr Wang said China wanted stable ties. "
    "George W Bush welcomed the talks; President Bush said Washington was ready. Tony Blair and Cherie Blair "
    "arrived later."
)


def test_name_words_drop_case_accents_and_honorifics() -> None:
    assert name_words("Wáng Yì") == name_words("WANG YI") == name_words("Mr Wang Yi") == ("wang", "yi")
    assert name_words("Foreign Minister Wang Yi") == ("foreign", "wang", "yi") or name_words("Minister Wang Yi")
    assert name_words("President Bush") == ("bush",)


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
