"""Remove page debris from article text with general rules about its shape, never about one site.

What web copy-paste leaves behind: photo captions repeated by the page template, stray widget
fragments ("TT", "20"), credit and tag lines, weather widgets and share/subscribe boilerplate.
The result has one paragraph per block, separated by a blank line.
"""

from __future__ import annotations

import re
from collections import Counter

_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_CREDIT_TAIL = re.compile(
    r"(?:\((?:[A-Z][\w.&/' -]{1,40}|photo|file photo|image|archive)\)"
    r"|(?:photo|image|picture|credit|courtesy)(?:\s+by)?\s*:?\s+[A-Z][\w.&/' -]{1,40}"
    r"|\s[/|]\s*(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu|SPA|WAM|SANA|IRNA|Xinhua|TASS|File))\s*$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:read\s+(?:more|also)|related(?:\s+articles?|\s+stories|\s+news|\s+coverage)?|more\s+on\s+this(?:\s+story)?"
    r"|see\s+also|recommended|you\s+may\s+also\s+like|most\s+read)\s*:?\s*$",
    re.IGNORECASE,
)
RELATED_RUN = 10
"""At most this many headline lines after a "Read more:" header are taken as its link list."""
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        (?:image|photo|picture|video|graphic)\s*(?:credit|courtesy|source)?\s*:
      | (?:tags?|topics?|keywords?|categories|category|filed\s+under)\s*:
      | (?:share|share\s+this(?:\s+article|\s+story)?|share\s+on\s+\w+|tweet|email|print|save)\s*(?:$|:|\|)
      | (?:subscribe|sign\s+up|newsletter|follow\s+us|like\s+us|join\s+us|download\s+our\s+app)\b
      | follow\s+[\w .&'’-]{1,40}(?:\s+on\s+\w+)?\s*:?\s*$
      | (?:read\s+more|related(?:\s+articles?|\s+stories|\s+news)?|more\s+on\s+this|see\s+also|recommended)\s*:?\s*$
      | (?:advertisement|sponsored(?:\s+content)?|ad|promoted)\s*$
      | (?:click\s+here|all\s+rights\s+reserved|copyright\s+©|©)
      | (?:listen\s+to\s+(?:this|the)\s+article|\d+\s+min(?:ute)?s?\s+read)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_WEATHER = re.compile(
    r"^(?:[\d.,\s°CF%]+|°|[CF]|(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?(?:\s+\d{1,2}:\d{2})?"
    r"|(?:mostly|partly|light|heavy|scattered)?\s*(?:sunny|cloudy|clear|rain|showers|snow|fog|drizzle|thunderstorms?|overcast|windy)"
    r"|mostlycloudy|partlycloudy|humidity.*|wind.*)$",
    re.IGNORECASE,
)


def is_prose(line: str) -> bool:
    """A line that reads as a sentence of the article rather than a label or fragment."""
    words = line.split()
    return len(words) >= 8 or (len(words) >= 4 and bool(_SENTENCE_END.search(line)))


def is_stray(line: str) -> bool:
    """Widget fragments: a few characters, or only digits and symbols."""
    s = line.strip()
    if len(s) <= 3:
        return True  # "TT", "20", "°"
    return not any(ch.isalpha() for ch in s) and len(s) < 40


def is_caption(line: str) -> bool:
    """A photo caption: a label ending in a parenthesised credit such as "(Reuters)"."""
    s = line.strip()
    return bool(_CREDIT_TAIL.search(s)) and not s.endswith((".", "!", "?", ".)")) and len(s) < 300


def is_boilerplate(line: str) -> bool:
    return len(line) < 160 and bool(_BOILERPLATE.match(line))


def clean_lines(lines: list[str], title: str | None = None) -> list[str]:
    """Paragraph lines of an article with the debris removed."""
    stripped = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in lines]
    counts = Counter(s for s in stripped if s)
    title_key = _key(title) if title else None
    keep = [True] * len(stripped)
    for i, s in enumerate(stripped):
        if not s:
            keep[i] = False
        elif title_key and _key(s) == title_key:
            keep[i] = False  # the page template repeats the headline
        elif counts[s] > 1 and (not is_prose(s) or not s.endswith((".", "!", "?", "”", '"', "’", "'"))):
            keep[i] = False  # captions and labels the page template repeats
        elif is_stray(s) or is_caption(s) or is_boilerplate(s):
            keep[i] = False
    _drop_widget_runs(stripped, keep)
    _drop_related_links(stripped, keep)
    result: list[str] = []
    for i, s in enumerate(stripped):
        if keep[i] and (not result or result[-1] != s):
            result.append(s)
    return result


def _drop_related_links(lines: list[str], keep: list[bool]) -> None:
    """The headlines listed under "Read more:" / "Related:" link elsewhere; they are not the article."""
    for i, line in enumerate(lines):
        if not _RELATED.match(line):
            continue
        keep[i] = False
        taken = 0
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if not s:
                continue
            if taken >= RELATED_RUN or s.endswith((".", "!", "?", "”", '"')) or len(s) > 160:
                break
            keep[j] = False
            taken += 1


def _drop_widget_runs(lines: list[str], keep: list[bool]) -> None:
    """Runs of short non-sentence lines (weather, menus, tickers) are never article text."""
    i = 0
    n = len(lines)
    while i < n:
        j = i
        weather = 0
        while (
            j < n
            and lines[j]
            and len(lines[j]) < 30
            and not is_prose(lines[j])
            and not lines[j].endswith((".", "?", "!"))
        ):
            weather += bool(_WEATHER.match(lines[j]))
            j += 1
        if j - i >= 4 or (j - i >= 2 and weather == j - i):
            for k in range(i, j):
                keep[k] = False
        i = max(j, i + 1)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
