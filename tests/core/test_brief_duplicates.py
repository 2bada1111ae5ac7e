"""Near-duplicate articles: one wire story run by several outlets is one story."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from brief_helpers import analysed

from briefing.brief.duplicates import group_copies, shingles

STORY = (
    "The four Britons freed from US custody in Guantanamo Bay are expected to be allowed a visit by one relative. "
    "Moazzam Begg, from Birmingham, and Martin Mubanga, Richard Belmar and Feroz Abbasi, from London, have been "
    "held by the US for almost three years. They will be flown back to the UK and questioned by police under "
    "anti-terror laws. Lawyers for the men say they were tortured, which the US denies."
)
OTHER = (
    "A British terror suspect held in Guantanamo Bay for 33 months plans to sue the government, it is reported. "
    "Martin Mubanga claimed in the Observer that an MI6 officer played a key role in consigning him to the US "
    "camp in Cuba, following his arrest in Zambia."
)


def test_a_retitled_trimmed_copy_is_the_same_story_and_another_story_is_not() -> None:
    wire = analysed(STORY, ("GBR", "USA"), source="wire.txt")
    copy = analysed(
        "Guantanamo four to see family\n\n" + STORY.rsplit(" Lawyers", 1)[0], ("GBR", "USA"), source="b.txt"
    )
    other = analysed(OTHER, ("GBR", "USA"), source="c.txt")
    groups = group_copies([wire, other, copy])
    assert [[a.id for a in g] for g in groups] == [[wire.id, copy.id], [other.id]]


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The four Britons, freed from US custody.") == shingles("the four britons freed from us custody")
    assert len(shingles("too short")) == 0


def test_copies_of_copies_are_not_chained_into_one_story() -> None:
    """B holds all of A (short) and all of C (short), but A and C share nothing: two stories, not one."""
    a = analysed(STORY, ("GBR", "USA"), source="a.txt")
    b = analysed(STORY + " " + OTHER, ("GBR", "USA"), source="b.txt")
    c = analysed(OTHER, ("GBR", "USA"), source="c.txt")
    groups = group_copies([a, b, c])
    assert [[x.id for x in g] for g in groups] == [[a.id, b.id], [c.id]]
