"""Join hard-wrapped lines (wire copy, e-mail, text archives) back into one line per paragraph.

The rest of ingest reads one paragraph per line. Text broken at a fixed width instead is recognised
from the shape of its lines, never from what they say: most lines end close to one width, and most
line breaks fall where no paragraph can end (no sentence punctuation before, or a lower-case word
after, and the next word would not have fitted on the line). A break is kept as a paragraph break
when a blank line, a deeper indent, a list marker or a change of e-mail quote depth says so, or
when a sentence ends on a line that had room for the next word: a greedy wrapper (textwrap, most
mailers) would have taken it had the paragraph gone on. A wrapper that balances line lengths (fmt)
leaves room anywhere, which shows before mid-sentence breaks; its text needs a wider margin.
Text that is not wrapped comes back unchanged (the same list object).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

MIN_WRAPPED_LINES = 4
"""Fewer non-blank lines than this are never taken as wrapped: too little evidence."""
MIN_WIDTH, MAX_WIDTH = 30, 110
"""Wrap widths seen in practice (e-mail 72, wire 65-69, archives 76-80), with room on both sides."""
WIDTH_SPREAD = 8
"""The wrap width is the longest line within this many characters of the 90th-percentile line length."""
NEAR_WIDTH = 16
"""A wrapped line ends within this many characters of the wrap width (the next word did not fit)."""
MIN_NEAR_SHARE = 0.5
"""At least this share of the lines must end near the width ..."""
MIN_WRAP_BREAK_SHARE = 0.5
"""... and at least this share of the line breaks inside blocks must fall mid-paragraph."""
MAX_LONG_SHARE = 0.1
"""At most this share of lines may run past the width (an unwrapped headline, a URL)."""
GREEDY_SLIP = 0.1
"""A greedy wrapper leaves room for the next word before at most this share of mid-sentence breaks."""
SHORT_SHARE = 0.7
"""From a balancing wrapper, a line without sentence punctuation needs this much room to end its paragraph."""
ROOM_SHARE = 0.85
"""A sentence from a balancing wrapper, or a line without sentence punctuation from a greedy one, that
ends inside this share of the width with the next word on it ends its paragraph."""

_QUOTE = re.compile(r"^(?P<marks>\s{0,3}(?:>\s?)+)")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s|\d{1,3}[.)]\s|\([a-z\d]\)\s)")
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    """Without quote marks and indentation."""
    indent: int
    depth: int
    """E-mail quote depth (number of ">")."""

    @property
    def blank(self) -> bool:
        return not self.text


def unwrap_lines(lines: list[str]) -> list[str]:
    """One line per paragraph, paragraphs separated by a blank line; `lines` itself when not wrapped."""
    parsed = [_parse(line) for line in lines]
    width = wrap_width(parsed)
    if width is None:
        return lines
    base = _base_indent(parsed)
    greedy = _greedy(parsed, width)
    out: list[str] = []
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            if out:
                out.append("")
            out.append(_join(paragraph))
            paragraph.clear()

    for line in parsed:
        if line.blank:
            flush()
            continue
        if paragraph and _breaks(paragraph[-1], line, width, base, greedy):
            flush()
        paragraph.append(line)
    flush()
    return out


def wrap_width(lines: list[_Line]) -> int | None:
    """The width the text was wrapped at, or None when its lines do not show wrapping."""
    texts = [line for line in lines if not line.blank]
    if len(texts) < MIN_WRAPPED_LINES:
        return None
    lengths = sorted(len(line.text) + line.indent for line in texts)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    width = max(n for n in lengths if n <= typical + WIDTH_SPREAD)  # balancing wrappers reach past the typical line
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    near = sum(width - NEAR_WIDTH <= n <= width for n in lengths)
    long = sum(n > width + 2 for n in lengths)
    if near < MIN_NEAR_SHARE * len(lengths) or long > MAX_LONG_SHARE * len(lengths):
        return None
    inner = [(a, b) for a, b in pairwise(lines) if not a.blank and not b.blank]
    mid = sum(_mid_paragraph(a, b, width) for a, b in inner)
    if len(inner) < MIN_WRAPPED_LINES - 1 or mid < MIN_WRAP_BREAK_SHARE * len(inner):
        return None
    return width


def _mid_paragraph(line: _Line, after: _Line, width: int) -> bool:
    """A break the wrapper made: a lower-case word follows, or the line is full and no sentence ends there."""
    if after.text[:1].islower():
        return True
    return not _fits(line, after, width) and not _SENTENCE_END.search(line.text)


def _fits(line: _Line, after: _Line, width: float) -> bool:
    """Whether the next line's first word would have fitted on this line."""
    return len(line.text) + line.indent + 1 + _first_word(after.text) <= width


def _greedy(lines: list[_Line], width: int) -> bool:
    """Whether the wrapper filled each line before breaking (textwrap, most mailers) rather than balancing
    line lengths (fmt): then room left on a line is itself proof of a paragraph end."""
    inside = [_fits(a, b, width) for a, b in pairwise(lines) if not a.blank and b.text[:1].islower()]
    return sum(inside) <= GREEDY_SLIP * len(inside)


def _breaks(line: _Line, after: _Line, width: int, base: int, greedy: bool) -> bool:
    """Whether a paragraph ends between two non-blank lines of wrapped text."""
    if after.depth != line.depth or after.indent > base:
        return True
    length = len(line.text) + line.indent
    if after.indent + len(after.text) > width + 2 or length > width + 2:
        return True  # a line the wrapper did not touch stands on its own
    if after.text[:1].islower():
        return False
    whole_aside = line.text.startswith("(") and line.text.endswith(")")
    ends = bool(_SENTENCE_END.search(line.text)) or whole_aside or bool(_LIST_ITEM.match(after.text))
    if ends and _fits(line, after, width if greedy else ROOM_SHARE * width):
        return True
    # Room for the next word by a margin, though no sentence ends: a headline, a byline, a label.
    return _fits(line, after, (ROOM_SHARE if greedy else SHORT_SHARE) * width)


def _first_word(text: str) -> int:
    """Length of what the wrapper had to move as one piece: a lone dash or list marker goes with its word."""
    m = re.match(r"(?:[-–—*+•]\s+|\d{1,3}[.)]\s+)?\S+", text)
    return len(m.group(0)) if m else 0


def _join(paragraph: list[_Line]) -> str:
    text = paragraph[0].text
    for line in paragraph[1:]:
        if re.search(r"[^\W\d_]-$", text) and line.text[:1].isalpha():
            text += line.text  # a compound the wrapper broke at its hyphen
        else:
            text += " " + line.text
    return text


def _parse(line: str) -> _Line:
    line = line.rstrip()
    depth = 0
    m = _QUOTE.match(line)
    if m:
        depth = m.group("marks").count(">")
        line = line[m.end() :]
    stripped = line.lstrip()
    return _Line(stripped, len(line) - len(stripped) if stripped else 0, depth)


def _base_indent(lines: list[_Line]) -> int:
    """The indent most lines share; a deeper one opens a paragraph (first-line indent)."""
    indents = [line.indent for line in lines if not line.blank]
    return max(set(indents), key=lambda n: (indents.count(n), -n))
