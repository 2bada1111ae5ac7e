"""Honorifics: the titles of address written before a person's name ("Mr Blair", "Baroness Morgan"), defined
once here, and what is built from them.

Kept apart from people.py, which reads people with the parse, so that the brief (briefing.brief.people)
can use the same words without importing the analysis.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from types import MappingProxyType

HONORIFICS: Mapping[str, str] = MappingProxyType(
    {
        "mr": "he",
        "mrs": "she",
        "ms": "she",
        "miss": "she",
        "sir": "he",
        "dame": "she",
        "lord": "he",
        "lady": "she",
        "baron": "he",
        "baroness": "she",
        "dr": "",
        "prof": "",
        "professor": "",
        "rev": "",
    }
)
"""Titles of address written before a person's name ("Mr Blair", "Baroness Morgan", "Prof Etzioni"), lower
case, each with the pronoun its bearer takes ("" when it says none): the one list every rule on honorifics
is built from."""


def _honorifics(text: str) -> frozenset[str]:
    """A named subset of HONORIFICS; a word that is not one of them is a mistake caught at import."""
    subset = frozenset(text.split())
    if not subset <= HONORIFICS.keys():
        raise ValueError(f"not in HONORIFICS: {sorted(subset - HONORIFICS.keys())}")
    return subset


SURNAME_ADDRESS = _honorifics("mr mrs ms miss")
"""Honorifics used with the surname alone ("Mr Blair")."""
KNIGHTLY = _honorifics("sir dame lord lady")
"""Titles used with the first name ("Sir Ian"): their bearer is never "Mr Blair"."""
PEERAGE = _honorifics("baron baroness")
"""Peers' titles, part of the name a peer is known by ("Baroness Scotland"): kept in the name, since the surname
alone may be a place or another person's ("Scotland", "Kennedy")."""
PROFESSIONAL = _honorifics("prof professor rev")
"""Honorifics of a chair or the church that name an occupation too, dropped with the other occupations a
name opens with ("economist Prof Etzioni")."""
RANKS = frozenset("sheikh king queen prince president gen maj col".split())
"""Titles of rulers and officers a tagged name may open with ("King Abdullah", "Gen Musharraf"); no honorifics,
but dropped from a name with them."""
ROYAL_STYLES = frozenset({"majesty", "highness", "excellency"})
"""Styles said before a ruler's or envoy's title ("His Majesty King Abdullah")."""


def alternatives(words: Collection[str]) -> str:
    """A regex alternation of words, longest first so that "baroness" is not read as "baron"."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


LEADING_TITLES = re.compile(
    rf"^(?:(?:his|her)\s+(?:{alternatives(ROYAL_STYLES)})\s+|(?:{alternatives(ROYAL_STYLES)})\s+)?"
    rf"(?:(?:{alternatives((HONORIFICS.keys() - PEERAGE) | RANKS)})\.?\s+"
    rf"|(?:{alternatives(PEERAGE)})\s+(?=(?-i:[A-Z])[\w’'-]+\s+(?-i:[A-Z])))?",
    re.IGNORECASE,
)
"""The style, honorific or rank a tagged name opens with ("Mr Blair", "His Majesty King Abdullah"), dropped to
leave the name; a peer's title only before a given name and surname ("Baroness Susan Greenfield"), since
"Baroness Scotland" is the peer's name."""
HONOURED_NAME = re.compile(
    rf"\b(?P<title>{alternatives([w.capitalize() for w in HONORIFICS])})\.?\s+(?P<name>[A-Z][\w’'-]+)"
)
"""A capitalised word the text gives an honorific ("Mr Yili", "Baroness Morgan"): a person's name."""


def peerage_surname(name: str) -> str:
    """The surname of a peer's name ("Greenfield" of "Baroness Greenfield"), or "" for any other name."""
    words = name.split()
    return words[1] if len(words) == 2 and words[0].lower() in PEERAGE else ""
