"""The Briefing collection: pure, immutable, built without any model or UI."""

from __future__ import annotations

from briefing.article import AnalyzedArticle, DateMention, Person, RawArticle, Statement
from briefing.brief import Briefing, _merge_people


def article(i: int, pair: tuple[str, str] | None, *, dates: tuple[str, ...] = (), people: tuple[Person, ...] = ()):
    raw = RawArticle(source=f"/news/{i}.txt", title=f"Title {i}", body=f"Body {i} with a statement.")
    return AnalyzedArticle(
        article=raw,
        pair=pair,
        pairs=(pair,) if pair else (),
        entities=(),
        statements=(Statement("Nasser Bourita", f"quote {i}", True, 0, 4),),
        dates=tuple(DateMention(v, v, 0, 4, f"In {v} it happened.") for v in dates),
        people=people,
    )


def test_briefs_sorted_by_count_with_other_last() -> None:
    b = Briefing.build(
        [article(1, ("MAR", "SYR")), article(2, None), article(3, ("QAT", "SYR")), article(4, ("QAT", "SYR"))]
    )
    assert [x.key for x in b] == ["QAT-SYR", "MAR-SYR", "Other"]
    assert [x.title for x in b] == ["Qatar – Syria", "Morocco – Syria", "Other"]
    assert len(b.articles) == 4


def test_lookup_filter_and_only() -> None:
    b = Briefing.build([article(1, ("MAR", "SYR")), article(2, ("QAT", "SYR"))])
    assert b.get("syr-mar") is b.get("MAR-SYR") is not None
    assert b.get("FRA-DEU") is None
    assert [x.key for x in b.filter("qat")] == ["QAT-SYR"]
    assert [x.key for x in b.filter("morocco")] == ["MAR-SYR"]
    assert len(b.filter("")) == 2
    assert [x.key for x in b.only(["SYR-QAT"])] == ["QAT-SYR"]
    assert b.counts() == {"MAR-SYR": 1, "QAT-SYR": 1}


def test_timeline_sorted_and_statements_keep_their_article() -> None:
    a1, a2 = article(1, ("MAR", "SYR"), dates=("2012", "2024-12")), article(2, ("MAR", "SYR"), dates=("2011",))
    brief = Briefing.build([a1, a2]).get("MAR-SYR")
    assert brief is not None
    assert [t.value for t in brief.timeline] == ["2011", "2012", "2024-12"]
    assert {s.article for s in brief.statements} == {a1.id, a2.id}
    assert brief.period == ("2011", "2024-12")
    assert brief.to_dict()["names"] == ["Morocco", "Syria"]


def test_people_merge_surnames_into_full_names_only() -> None:
    merged = _merge_people(
        [
            Person("Bourita", None, "Foreign Minister"),
            Person("Nasser Bourita", "MAR"),
            Person("Tony Blair", "GBR"),
            Person("Cherie Blair"),
        ]
    )
    assert Person("Nasser Bourita", "MAR", "Foreign Minister") in merged
    assert {p.name for p in merged} == {"Nasser Bourita", "Tony Blair", "Cherie Blair"}
