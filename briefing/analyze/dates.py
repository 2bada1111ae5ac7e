"""Dates the article states, normalised to ISO 8601 at the precision the text gives.

Absolute dates ("2011", "March 2016", "December 28, 2023") are read with rules; relative ones
("on Monday", "last week", "in December") are resolved with dateparser against the publication
date and marked relative, or kept without a value when the article has no date to resolve from.
Durations, counts and sizes ("a decade", "12-year war", "2,000 troops", "1800 x 1920 pixels") are not dates,
and neither is the dateline that stamps the story nor a date in a photo caption the page left in the
text ("… in 1989. (AP)"), which a reader view drops.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from briefing.analyze.parsed import doc_text, sentence_of
from briefing.article import DateMention
from briefing.ingest.clean import is_caption
from briefing.wording import single_spaced

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
ABSOLUTE = [
    re.compile(rf"\b{_YEAR}-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"(?<![\d,.$£€-])(?<![x×]\s)(?<![x×]){_YEAR}(?![\d%-]|,\d|\s*[x×]\s*\d|\s*(?:people|troops|soldiers|dollars|pounds|euros|km|miles|votes|seats|members|jobs|tons|tonnes|barrels|cases|deaths|children|homes|workers|patients))\b"
    ),
]
APPROXIMATE = re.compile(r"\b(?:early|mid|late|end of|beginning of|middle of)[\s-]+(?:the\s+)?$", re.IGNORECASE)
"""Words that make a year a period ("late 2023", "the middle of the 1990s"); a year after a plain "the"
("the 2012 book", "the 1939 World's Fair") is still the year the text states."""
DECADE = re.compile(r"^\s*s\b|^'s")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The days of the week, Monday first (`datetime.date.weekday` order)."""
RELATIVE_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|" + "|".join(WEEKDAYS) + "|"
    r"last|next|this|ago|earlier|later|week|month|year)\b|" + _MONTH,
    re.IGNORECASE,
)


def extract_dates(doc: Doc, published: str | None = None) -> tuple[DateMention, ...]:
    """Absolute dates from the whole text, relative ones from the model's DATE entities."""
    text = doc_text(doc)
    found: list[DateMention] = []
    covered: list[tuple[int, int]] = []
    number_spans = [
        (e.start_char, e.end_char) for e in doc.ents if e.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
    ]
    for pattern in ABSOLUTE:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(s < ce and cs < e for cs, ce in covered):
                continue
            if pattern is ABSOLUTE[-1] and (
                any(cs <= s and e <= ce for cs, ce in number_spans) or DECADE.match(text[e : e + 2])
            ):
                continue
            if pattern is ABSOLUTE[-1] and (_ends_a_name(doc, s) or _names_a_law(doc, s)):
                covered.append((s, e))
                continue  # "the Human Rights Act 1998", "Investment Company Act of 1940": part of a name
            if APPROXIMATE.search(text[max(0, s - 14) : s]):
                covered.append((s, e))
                continue  # "late 2023": a period, not a date
            paragraph = _paragraph(text, s)
            alone = not re.search(r"[^\W\d_]", paragraph.replace(m.group(0), ""))
            if _is_dateline(text, s, e) or is_caption(paragraph) or is_stamp(paragraph) or alone:
                covered.append((s, e))
                continue
            value = _iso(m)
            if value is None:
                continue
            covered.append((s, e))
            found.append(DateMention(m.group(0), value, s, e, _sentence(doc, s, e)))
    base = _parse_iso(published)
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(ent.start_char < ce and cs < ent.end_char for cs, ce in covered):
            continue
        if not RELATIVE_WORDS.search(ent.text) or (
            re.search(r"\b(?:years?|decades?|months?|weeks?|days?)\b", ent.text)
            and not re.search(r"\b(?:last|next|this|ago|earlier)\b", ent.text, re.IGNORECASE)
        ):
            continue  # durations ("a decade", "12-year") are not dates
        value = _resolve(ent, base) if base else None
        found.append(
            DateMention(
                ent.text,
                value or "",
                ent.start_char,
                ent.end_char,
                _sentence(doc, ent.start_char, ent.end_char),
                relative=True,
            )
        )
    return tuple(sorted(_drop_coarser(doc, found), key=lambda d: d.start))


def _ends_a_name(doc: Doc, start: int) -> bool:
    """A bare year that closes a proper name: right after a capitalised proper noun ("Terrorism Act 2000",
    "Essential Guide to British Quangos 2005"). Months and days are dates ("May 2005" is read before this), and
    a year after a preposition or a sentence's first word ("In 2005") is not in a name; nor is one after "of"
    ("the Strategic Partnership of 2002" is the partnership agreed in 2002)."""
    span = doc.char_span(start, start + 4, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return (
        prev.pos_ == "PROPN"
        and prev.is_title
        and not prev.is_sent_start
        and prev.ent_type_ not in ("DATE", "TIME")
        and prev.lower_.rstrip(".") not in MONTHS
    )


LAW_HEADS = frozenset({"act", "bill", "law", "statute", "code", "ordinance", "amendment", "charter"})
"""Head nouns of the names of laws: "the 1701 Act of Settlement" and "the Investment Company Act of 1940" name
a law in force, not an event the article dates (spaCy's LAW label misses most such names)."""


def _names_a_law(doc: Doc, start: int) -> bool:
    """A bare year inside a law's name: tagged LAW by the model, or standing before the capitalised head of
    a law's name ("the 1701 Act of Settlement", "the 1998 Human Rights Act") or after its "of" ("the
    Investment Company Act of 1940"). "The Strategic Partnership of 2002" is a date: a partnership is agreed
    in a year, a law's name keeps its year for as long as it is in force."""
    span = doc.char_span(start, start + 4, alignment_mode="expand")
    if span is None:
        return False
    year = span[0]
    if year.ent_type_ == "LAW":
        return True
    following = doc[year.i + 1 : year.i + 5]
    for tok in following:
        if not (tok.is_title and tok.pos_ == "PROPN"):
            break
        if tok.lower_ in LAW_HEADS:
            return True
    if year.i >= 2 and doc[year.i - 1].lower_ == "of":
        before = doc[year.i - 2]
        return before.is_title and before.lower_ in LAW_HEADS
    return False


RETOLD_WORDS = 3
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
"""Content words two sentences must share for a bare year in one to retell the finer date of the other."""


def _drop_coarser(doc: Doc, found: list[DateMention]) -> list[DateMention]:
    """A bare "2016" adds nothing when it retells what a finer date of that year stated ("the Deepened Strategic
    Partnership concluded … in March 2016" … "the Deepened Strategic Partnership of 2016"): the two sentences
    share several content words. A year said of something else ("in November 1960, Lorenz described it" … "in
    1960, women held 27 percent"; "Amazon bought Whole Foods in August 2017" … "Amazon … sales, which totaled
    $726 billion in 2017") is a date the article states too."""
    finer: dict[str, list[DateMention]] = {}
    for d in found:
        if len(d.value) > 4 and not d.relative:
            finer.setdefault(d.value[:4], []).append(d)
    if not finer:
        return found
    kept: list[DateMention] = []
    for d in found:
        same_year = finer.get(d.value) if len(d.value) == 4 and not d.relative else None
        if same_year and any(_retells(doc, d, f) for f in same_year):
            continue
        kept.append(d)
    return kept


def _retells(doc: Doc, a: DateMention, b: DateMention) -> bool:
    """Whether the sentences of two dates are one sentence or share `RETOLD_WORDS` content words."""
    sa, sb = _sentence_span(doc, a.start), _sentence_span(doc, b.start)
    if sa is None or sb is None:
        return False
    if sa.start == sb.start:
        return True
    return len(_content_words(sa) & _content_words(sb)) >= RETOLD_WORDS


def _sentence_span(doc: Doc, char: int) -> Span | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if span is None else sentence_of(doc, span[0].i)


def _content_words(sentence: Span) -> set[str]:
    """Lemmas of the nouns, names, verbs and adjectives of a sentence, dates and numbers left out."""
    return {
        t.lemma_.lower()
        for t in sentence
        if t.is_alpha
        and not t.is_stop
        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        and t.ent_type_ not in ("DATE", "CARDINAL")
    }


_HANDLE = re.compile(r"(?:^|\s)@\s?[A-Za-z_]\w{2,}")
_CLOCK = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_FULL_STOP_END = re.compile(r"[.!?…][\"'”’)\]]?\s*$")


def is_stamp(paragraph: str) -> bool:
    """A paragraph that stamps a post or its writer rather than telling the story: it carries a social handle
    (an author's bio "… won the 2009 Pulitzer Prize. @ coreykilgannon", an embedded post), or it is a short
    line, not a sentence, with a clock time ("Rick Rottman · March 10, 2017 at 2:18 PM", a comment's byline).
    Its dates say when someone wrote, not what happened. (So does a line that holds nothing but a date,
    tested where the date is found: "* April 11, 2018" over a reader's comment.)"""
    if _HANDLE.search(paragraph):
        return True
    short = len(paragraph.split()) < 20 and not _FULL_STOP_END.search(paragraph)
    return short and bool(_CLOCK.search(paragraph))


def _paragraph(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


_DATELINE_DASH = re.compile(r"\s*(?:--|[—–-])\s")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A date that opens a paragraph and is set off by a dash ("Feb. 23, 2015 -- Life-threatening …") stamps
    the story; it is not a date the story reports. (Page debris may stand before it, so not only the
    body's first paragraph.)"""
    opens = not text[:start].strip(" \t") or text[:start].rstrip(" \t").endswith("\n")
    return opens and bool(_DATELINE_DASH.match(text, end))


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("m2"):
        month, day = int(groups["m2"]), int(groups["d2"] or 0)
    else:
        month = MONTHS.get((groups.get("month") or "").lower().rstrip("."), 0)
        day = int(groups["day"]) if groups.get("day") else 0
    try:
        if day:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_WEEKDAYS = {d: i for i, d in enumerate(WEEKDAYS)}


def _resolve(ent: Span, base: date) -> str | None:
    """A relative date against the publication date, at the precision the words carry."""
    import datetime as dt

    import dateparser

    words = re.sub(r"^(?:on|in|at|the|since|by|until)\s+", "", ent.text.strip(), flags=re.IGNORECASE)
    weekday = _WEEKDAYS.get(words.lower().rstrip("."))
    if weekday is not None:
        # News means the latest such day up to the publication day itself ("on Tuesday" in Tuesday's paper).
        return (base - dt.timedelta(days=(base.weekday() - weekday) % 7)).isoformat()
    parsed = dateparser.parse(
        words,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    lowered = words.lower()
    if re.fullmatch(_MONTH, lowered) or re.search(r"\b(?:last|next|this)\s+month\b", lowered):
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if re.search(r"\b(?:last|next|this)\s+year\b", lowered):
        return f"{parsed.year:04d}"
    return str(parsed.date().isoformat())


def _sentence(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    return single_spaced(sentence_of(doc, span[0].i).text)
