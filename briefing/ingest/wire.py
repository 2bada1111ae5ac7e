"""Wire-copy conventions around an article: the dateline before it, credits and sign-offs after it.

"WASHINGTON, March 3 (Reuters) - ..." opens the first paragraph with a place, a date and the agency;
"(Reporting by ...; Editing by ...)", a one- or two-word agency line and a copyright line close the
story. None of it is article text: the place, date and agency go to metadata, the rest is dropped.
All of it is recognised by shape and position (an upper-case place before a dash at the very start;
parentheses, "<role> by <Name>" credits, "©"/"Copyright" with a year, a lone short line at the
very end), never by a list of agencies. ALL-CAPS headlines and paragraphs are recased here too,
after the dateline is read, since wire systems send both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.ingest.published import normalise_published
from briefing.ingest.recase import CaseEvidence, is_all_caps, recase
from briefing.ingest.split import leading_lines

LEAD_WINDOW = 3
"""The dateline is looked for at the start of this many first non-empty lines of the body."""
TAIL_WINDOW = 4
"""At most this many closing lines are taken as credits, copyright and sign-off."""
MAX_SIGNOFF_WORDS = 2
MAX_CREDIT_CHARS = 300

_NAME_WORD = r"[A-Z][\w.'’&-]*"
_DATELINE = re.compile(
    rf"^(?P<place>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}(?:,\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?)"
    r"(?:,\s+(?P<date>(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:-{1,2}|–|—)(?:\s+|$)"
)
_CREDIT_PART = r"(?:[A-Z][a-z]+\s+)?[A-Za-z]+(?:ed|ing)\s+by\s+[A-Z][^;()]*?"
"""One credit: "Reporting by Jane Doe", "Additional reporting by ...", "Compiled by ..." (a participle, by, a name)."""
_CREDIT = re.compile(rf"^(?P<open>\()?\s*{_CREDIT_PART}(?:\s*[;,]\s*{_CREDIT_PART})*\s*(?(open)\))\s*\.?$")
_TRAILING_CREDIT = re.compile(rf"\s+\(\s*{_CREDIT_PART}(?:\s*;\s*{_CREDIT_PART})*\s*\)\s*$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*(?:19|20)\d\d|copyright\b.*\b(?:19|20)\d\d\b)", re.IGNORECASE)
_SIGNOFF = re.compile(r"^[-–—\s]*(?P<name>[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*)?)\s*$")


@dataclass(frozen=True, slots=True)
class WireCopy:
    title: str
    lines: list[str]
    """The body lines without dateline, credits and sign-off, recased where they were ALL-CAPS."""
    place: str | None = None
    published: str | None = None
    """ISO date from the dateline: resolved against the publication date, or only when it gives a year."""
    outlet: str | None = None
    """The agency the dateline or sign-off names."""


def read_wire(title: str, lines: list[str], published: str | None = None) -> WireCopy:
    """Take the wire conventions off an article's body and recase what is ALL-CAPS."""
    lines = list(lines)
    place, when, outlet = _take_dateline(lines, published)
    signoff = _take_tail(lines, wire=place is not None)
    caps_title = is_all_caps(title)
    # Only text sent in capitals throughout: an ALL-CAPS subhead or byline in mixed text is the page's style.
    caps_body = is_all_caps(" ".join(lines))
    if not (caps_title or caps_body or place):
        return WireCopy(title, lines, place, when, outlet or signoff)
    evidence = CaseEvidence([title, *lines])
    if caps_title:
        title = recase(title, evidence, headline=True)
    if caps_body:
        lines = [recase(line, evidence) if is_all_caps(line) else line for line in lines]
    if place:
        place = re.sub(r"\b[A-Z][A-Z.'’-]+\b", lambda m: recase(m.group(0), evidence, headline=True), place)
    return WireCopy(title, lines, place, when, outlet or signoff)


def _take_dateline(lines: list[str], published: str | None) -> tuple[str | None, str | None, str | None]:
    for i, s in leading_lines(lines, LEAD_WINDOW):
        m = _DATELINE.match(s)
        if not m or not (is_all_caps(m.group("place")) or m.group("date") or m.group("agency")):
            continue
        if m.group("date") and not _month_day(m.group("date")):
            continue
        lines[i] = s[m.end() :]
        agency = m.group("agency")
        return m.group("place"), _resolve(m.group("date"), published), agency.strip() if agency else None
    return None, None, None


def _take_tail(lines: list[str], *, wire: bool) -> str | None:
    """Drop closing credits, copyright and sign-off lines; the sign-off's name, if one was there.

    A lone short line at the end is a sign-off only in copy that shows another wire convention (a
    dateline or credits); elsewhere it may be a name that ends a list or a page's footer link.
    """
    signoff = None
    end = len(lines)
    for _ in range(TAIL_WINDOW):
        last = next((i for i in range(end - 1, -1, -1) if lines[i].strip()), None)
        if last is None:
            break
        s = lines[last].strip()
        if len(s) <= MAX_CREDIT_CHARS and _COPYRIGHT.match(s):
            end = last  # web pages close with one too: no evidence of wire copy
            continue
        if len(s) <= MAX_CREDIT_CHARS and _CREDIT.match(s):
            end = last
            wire = True
            continue
        m = _SIGNOFF.match(s)
        if wire and m and last > 0 and len(m.group("name").split()) <= MAX_SIGNOFF_WORDS:
            signoff = signoff or m.group("name")
            end = last
            continue
        trailing = _TRAILING_CREDIT.search(s)
        if trailing:
            lines[last] = s[: trailing.start()]
        break
    if end < len(lines):
        while end and not lines[end - 1].strip():
            end -= 1
        del lines[end:]
    return signoff


def _month_day(text: str) -> tuple[int, int] | None:
    text = text.replace(".", "")
    if not re.search(r"\d{4}", text):
        text = f"{text} 2000" if text[:1].isdigit() else f"{text}, 2000"  # a leap year, so Feb 29 parses
    value = normalise_published(text)
    if value is None:
        return None
    parsed = date.fromisoformat(value[:10])
    return parsed.month, parsed.day


def _resolve(text: str | None, published: str | None) -> str | None:
    """A dateline date as ISO: its own year if it has one, else the year that puts it nearest the publication date."""
    if not text:
        return None
    year = re.search(r"\d{4}", text)
    if year:
        return normalise_published(text.replace(".", ""))
    month_day = _month_day(text)
    if month_day is None or not published:
        return None
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(y, *month_day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days)).isoformat()
