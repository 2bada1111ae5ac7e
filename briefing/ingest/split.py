"""Find where one article ends and the next begins inside a single saved file.

Pages saved or pasted in bulk put several articles in one file. A new article starts at a
headline-like line that follows a wide gap (two or more blank lines) or that the page template
repeats a few lines later (headline, captions, headline again), provided both sides are long
enough to be articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from briefing.ingest.clean import is_prose

MIN_ARTICLE_WORDS = 40


def is_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 25 and len(s) <= 200 and not re.search(r"[.,;:]$", s) and s[:1].isupper()


def split_articles(lines: list[str]) -> list[list[str]]:
    """The file's lines cut into one list per article (a single article gives one list)."""
    starts = [0]
    for i, line in enumerate(lines):
        if i == 0 or not is_headline(line) or i - starts[-1] < 3:
            continue
        gap = (i >= 2 and not lines[i - 1].strip() and not lines[i - 2].strip()) or _after_rule(lines, i)
        if any(lines[k].strip() == line.strip() for k in range(max(0, i - 12), i)):
            continue  # the template's second copy of a headline already seen
        repeated = any(lines[k].strip() == line.strip() for k in range(i + 1, min(len(lines), i + 12)))
        if not (gap or repeated):
            continue
        if gap and not repeated and is_prose(line):
            continue
        before = _words(lines[starts[-1] : i])
        after = _words(lines[i:])
        if before >= MIN_ARTICLE_WORDS and after >= MIN_ARTICLE_WORDS:
            starts.append(i)
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


_RULE = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|_{3,}|(?:\*\s*){3,}|#{3,})\s*$")


def _after_rule(lines: list[str], i: int) -> bool:
    """A horizontal rule ("---", "***") on the last non-blank line before a headline separates articles."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and bool(_RULE.match(lines[k]))


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def leading_lines(lines: Sequence[str], window: int) -> Iterator[tuple[int, str]]:
    """(index, stripped text) of the first `window` non-empty lines: where datelines, bylines and
    headlines stand at the top of an article."""
    seen = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > window:
            return
        yield i, s
