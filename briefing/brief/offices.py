"""What an office weighs: head of state or government, minister, official, institution, other role, person.

One definition for the ranking (`rank`: who speaks) and the people list (`people`: only a public office's
country may be inferred from the corpus's other holders of it; a "chief executive" of no stated country is
not British because a British outlet's chief executives mostly are).
"""

from __future__ import annotations

import re
from functools import lru_cache

HEAD = re.compile(
    r"\b(?:president|prime\s+minister|premier|king|queen|emir|sultan|chancellor|head\s+of\s+(?:state|government)|"
    r"crown\s+prince|supreme\s+leader|taoiseach)\b",
    re.IGNORECASE,
)
_DEPUTY = re.compile(r"\b(?:vice|deputy|former|ex)\b", re.IGNORECASE)
_NO_LONGER_WORDS = r"former|ex|retired|late"
_FORMER = re.compile(rf"\b(?:{_NO_LONGER_WORDS})\b|\bgeneral\s+secretary\b|\bsecretary[\s-]+general\b", re.IGNORECASE)
"""A former office holder speaks for nobody now, and a general secretary leads a party, a union or an
organisation, not a government: people with a role, not officials."""
MINISTER = re.compile(
    r"\b(?:ministers?|secretary|chancellor\s+of|attorney\s+general|solicitor\s+general)\b", re.IGNORECASE
)
OFFICIAL = re.compile(
    r"\b(?:spokes(?:man|men|woman|women|person|people)|ambassadors?|envoys?|officials?|diplomats?|ministry|"
    r"department|office|government|kremlin|white\s+house|embassy|cabinet|palace|presidency|foreign\s+office|"
    r"state\s+department|negotiators?|advis[eo]rs?|aides?|commissioner|governor|judge|"
    r"justice(?!\s+(?:secretary|minister|ministry|department|committee)\b|\s+(?-i:[a-z])))\b",
    re.IGNORECASE,
)
INSTITUTION = re.compile(
    r"\b(?:ministry|department|office|government|administration|kremlin|white\s+house|embassy|cabinet|palace|"
    r"presidency|pentagon|court|council|commission|agency|company|firm|bank|party)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|minister|secretary|ambassador|envoy|adviser|head|chief)\b", re.IGNORECASE
)
"""An institution's person ("a foreign ministry spokesman") is an official, not the institution."""

PUBLIC_OFFICES = ("head", "minister", "official")
"""Levels of the offices of a state: those whose country the corpus's other holders of the office tell."""


@lru_cache(maxsize=4096)
def speaker_level(speaker: str, role: str | None, institution: bool = False) -> str:
    """How much the speaker's office weighs: head, minister, official, institution, role, person or none.

    An institution (a ministry, an embassy, or an organisation the corpus shows is not a person) speaks
    below the officials who lead it and above people of no known office."""
    title = f"{role or ''} {speaker}"
    if institution or (role is None and INSTITUTION.search(speaker) and not _PERSONAL.search(speaker)):
        return "institution"
    if role and _FORMER.search(role):
        return "role"
    if role and HEAD.search(role) and not _DEPUTY.search(role):
        return "head"
    if MINISTER.search(title) and not (role is None and OFFICIAL.search(speaker)):
        return "minister"
    if HEAD.search(title) or OFFICIAL.search(title):
        return "official"
    if role:
        return "role"
    return "person" if speaker.strip() else "none"


_NO_LONGER = re.compile(rf"\b(?:{_NO_LONGER_WORDS})\b-?\s*", re.IGNORECASE)


def public_office(speaker: str, role: str | None) -> bool:
    """Whether the role is an office of a state, now or before: a former foreign secretary is of the country
    whose foreign secretary he was, though he speaks for it no more (`speaker_level` "role")."""
    return speaker_level(speaker, _NO_LONGER.sub("", role) if role else role) in PUBLIC_OFFICES
