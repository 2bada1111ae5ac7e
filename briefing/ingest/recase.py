"""Give ALL-CAPS headlines and paragraphs their ordinary case, so that named-entity recognition works.

spaCy's small model finds almost no entities in upper-case text. Each word gets the case that the
evidence of this article supports, never a word list: how the same word is written in the
article's mixed-case text (away from a sentence start, where a capital says nothing), the
gazetteer's country names, capitals and demonyms, a capital at a sentence start, and the caps of
dotted acronyms ("U.S."). A word with no evidence is written in lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

MIN_CAPS_LETTERS = 8
"""Shorter text has too few letters to call it ALL-CAPS rather than an acronym."""
CAPS_SHARE = 0.85
"""Text with at least this share of upper-case letters is ALL-CAPS."""
CAPS_SAMPLE = 600
"""Longer text is first judged on this many opening characters, so the common mixed-case case stays cheap."""

_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
MAX_WORD_CHARS = 40
"""A longer run of letters is no word (a code, a key, noise) and keeps its case."""

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_AFTER_ACRONYM = re.compile(r"(?:^|[^\w.])(?:[^\W\d_]\.){2,}\s+$")
_SENTENCE_START = re.compile(r"(?:[.!?…][\"'”’)\]]*\s+|:\s+[\"“‘]+)[\"“‘(\[]*$")


def is_all_caps(text: str) -> bool:
    """Most letters in capitals (Latin letters counted: ingest runs this on every article, so it must be cheap)."""
    if len(text) > CAPS_SAMPLE and not is_all_caps(text[:CAPS_SAMPLE]):
        return False  # most text is not in capitals: its opening says so
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper + lower >= MIN_CAPS_LETTERS and upper >= CAPS_SHARE * (upper + lower)


class CaseEvidence:
    """How each word is written in an article's mixed-case text."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._forms: dict[str, Counter[str]] = {}
        for text in texts:
            if is_all_caps(text):
                continue
            for m in _WORD.finditer(text):
                if _at_sentence_start(text, m.start()):
                    continue  # a capital there is the sentence's, not the word's
                word = m.group(0)
                self._forms.setdefault(_key(word), Counter())[word] += 1

    def form(self, word: str) -> str | None:
        """The form the article uses for this word away from sentence starts, if it uses the word there."""
        forms = self._forms.get(_key(word))
        if not forms:
            return None
        best = forms.most_common(1)[0][0]
        return _apply_case(word, best)


def recase(text: str, evidence: CaseEvidence, *, headline: bool = False) -> str:
    """`text` (ALL-CAPS) in the case the evidence supports; a headline starts with a capital."""
    gazetteer = _gazetteer_spans(text)
    pieces: list[str] = []
    at = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        pieces.append(text[at : m.start()])
        form = word if len(word) > MAX_WORD_CHARS else evidence.form(word)
        if form is None and m.start() in gazetteer:
            form = _apply_case(word, gazetteer[m.start()])
        if form is None:
            # dotted acronyms and the pronoun keep their capitals
            form = word if "." in word or word == "I" else word.lower()
        if _at_sentence_start(text, m.start()):
            form = form[:1].upper() + form[1:]
        pieces.append(form)
        at = m.end()
    pieces.append(text[at:])
    result = "".join(pieces)
    if headline:
        first = next((i for i, ch in enumerate(result) if ch.isalpha()), None)
        if first is not None:
            result = result[:first] + result[first].upper() + result[first + 1 :]
    return result


def _at_sentence_start(text: str, start: int) -> bool:
    if not text[:start].strip(" \t\"“‘'([-–—"):
        return True
    before = text[max(0, start - 12) : start]
    return bool(_SENTENCE_START.search(before)) and not _AFTER_ACRONYM.search(before)


def _key(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower())


def _apply_case(word: str, form: str) -> str:
    """`form`'s case on `word` (which may carry a possessive the form lacks)."""
    if len(form) == len(word):
        return form
    stem = re.sub(r"['’][sS]$", "", word)
    if len(stem) == len(form):
        return form + word[len(stem) :].lower()
    return form[: len(word)] if len(form) > len(word) else form + word[len(form) :].lower()


def _gazetteer_spans(text: str) -> dict[int, str]:
    """Start offset of each word inside a country name, capital or demonym -> that word as the gazetteer writes it."""
    spans: dict[int, str] = {}
    pattern, forms = _gazetteer_pattern()
    for m in pattern.finditer(text):
        term = forms.get(m.group(0).lower())
        if term is None or len(term) != len(m.group(0)):
            continue
        for w in _WORD.finditer(term):
            if w.group(0)[:1].isupper():
                spans[m.start() + w.start()] = w.group(0)
    return spans


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    from briefing.analyze.gazetteer import country_terms

    forms: dict[str, str] = {}
    for term in country_terms():
        if term.kind in ("name", "capital", "demonym"):
            forms.setdefault(term.text.lower(), term.text)
    alternatives = "|".join(re.escape(t) for t in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE), forms
