"""Remove page debris from article text: a block classifier, never a list of one site's phrases.

Each non-empty line (a block: a paragraph, caption, menu item, link or label) is scored on general
evidence of being article prose, as jusText does for HTML paragraphs: length, stop-word density,
sentence punctuation, capitalisation, digits and time shapes, separators and handles, and whether
the page repeats it. A second stage looks at the neighbours (context smoothing: a short block
between article paragraphs is article, a sentence-like block amid menus is not) and at where the
block sits relative to the page's confident prose. Both stages are logistic regressions fitted by
`benchmarks/fit_clean.py` on pasted pages aligned with their article text; the weights live in
`clean_model.json` next to this module. The stop-word list is jusText's English list (BSD-2-Clause,
Jan Pomikálek), kept as `stopwords_en.txt` so the package needs no new dependency.

The result has one paragraph per block, in order, the headline and consecutive repeats removed.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing.logistic import Stage

_HERE = Path(__file__).resolve().parent
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_FULL_STOP_END = re.compile(r"[.!?…][\"'”’)\]]?\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TIME_SHAPE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T)?\b"
    r"|\b\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s[|•·/>»]\s|^[|•·>»]|[|•·>»]$")
_HANDLE = re.compile(r"@\w|https?://|\bwww\.|\.(?:com|org|net|co\.uk)\b|<[a-z/]", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[*+•◦▪o-]\s|\d{1,2}[.)]\s)")
_QUOTE = re.compile(r"[\"“”]")

STAGE1_FEATURES = (
    "log_words",
    "stopword_density",
    "sentence_end",
    "full_stop_end",
    "capitalised_ratio",
    "digit_ratio",
    "symbol_ratio",
    "time_shape",
    "separators",
    "handle_or_url",
    "quote",
    "starts_lower",
    "one_word",
    "self_repetition",
    "repeated_label",
    "short_label",
    "justext_good",
    "justext_bad",
)
"""What each block is judged on by itself; `block_features` computes them in this order."""

STAGE2_FEATURES = (
    "own",
    "previous",
    "next",
    "window_mean",
    "prose_above",
    "prose_below",
    "own_x_short",
    "document_prose",
    "region_share",
    "main_region",
    "shared_words",
)
"""What the second stage adds: the first-stage score of the block and of its neighbours."""

JUSTEXT_SHORT, JUSTEXT_LONG = 70, 200
JUSTEXT_STOPWORDS_LOW, JUSTEXT_STOPWORDS_HIGH = 0.30, 0.32
"""jusText's own breakpoints (characters, stop-word density): its context-free classes become two features."""
CONFIDENT_PROSE = 0.8
"""First-stage probability above which a block of `CONFIDENT_PROSE_WORDS` or more anchors the article."""
CONFIDENT_PROSE_WORDS = 12
REGION_GAP_WORDS = 15
"""A region of prose goes on across at most this many words in a row of blocks that do not read as prose."""
WINDOW = 3
"""Blocks on each side whose word-weighted score makes the block's neighbourhood."""


@dataclass(frozen=True, slots=True)
class CleanModel:
    stage1: Stage
    context: tuple[Stage, ...]
    """Context stages, each on `context_features` of the scores of the stage before it."""
    threshold: float
    """Second-stage probability from which a block is kept as article text."""


MODEL_FILE = _HERE / "clean_model.json"


@cache
def stopwords() -> frozenset[str]:
    return frozenset((_HERE / "stopwords_en.txt").read_text(encoding="utf-8").split())


@cache
def load_model(path: Path = MODEL_FILE) -> CleanModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    context = tuple(Stage.from_json(stage) for stage in data["context"])
    return CleanModel(Stage.from_json(data["stage1"]), context, float(data["threshold"]))


def block_features(blocks: Sequence[str]) -> list[list[float]]:
    """The first-stage features of each block (order: `STAGE1_FEATURES`)."""
    stop = stopwords()
    counts = Counter(blocks)
    rows: list[list[float]] = []
    for block in blocks:
        s = _BULLET.sub("", block, count=1)  # a list item is judged by its text, not by how the page marks it
        words = _WORD.findall(s)
        n = len(words)
        chars = [c for c in s if not c.isspace()]
        alnum = sum(c.isalnum() for c in chars)
        density = sum(w.lower() in stop for w in words) / n if n else 0.0
        rows.append(
            [
                math.log1p(n),
                density,
                float(bool(_SENTENCE_END.search(s))),
                float(bool(_FULL_STOP_END.search(s))),
                sum(w[0].isupper() for w in words) / n if n else 0.0,
                sum(c.isdigit() for c in chars) / alnum if alnum else 1.0,
                (len(chars) - alnum) / len(chars) if chars else 1.0,
                float(bool(_TIME_SHAPE.search(s))),
                float(bool(_SEPARATORS.search(s))),
                float(bool(_HANDLE.search(s))),
                float(bool(_QUOTE.search(s))),
                float(s[:1].islower()),
                float(n <= 1),
                1.0 - len({w.lower() for w in words}) / n if n >= 6 else 0.0,
                float(counts[block] > 1 and not _FULL_STOP_END.search(s)),
                float(n <= 4 and ":" in s),
                float(len(s) > JUSTEXT_LONG and density >= JUSTEXT_STOPWORDS_HIGH),
                float(len(s) >= JUSTEXT_SHORT and density < JUSTEXT_STOPWORDS_LOW),
            ]
        )
    return rows


def context_features(blocks: Sequence[str], first: Sequence[float]) -> list[list[float]]:
    """The second-stage features: the block's first-stage score and its neighbourhood's."""
    n = len(blocks)
    sizes = [len(_WORD.findall(s)) for s in blocks]
    anchors = [p >= CONFIDENT_PROSE and w >= CONFIDENT_PROSE_WORDS for p, w in zip(first, sizes, strict=True)]
    above = [False] * n
    below = [False] * n
    seen = False
    for i in range(n):
        above[i] = seen
        seen = seen or anchors[i]
    seen = False
    for i in range(n - 1, -1, -1):
        below[i] = seen
        seen = seen or anchors[i]
    total = sum(math.log1p(w) for w in sizes)
    document = sum(p * math.log1p(w) for p, w in zip(first, sizes, strict=True)) / total if total else 0.0
    share = _region_shares(first, sizes)
    top = max(share, default=0.0)
    shared = _shared_with_main_region(blocks, [share[i] > 0 and share[i] == top for i in range(n)])
    rows: list[list[float]] = []
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        weight = sum(math.log1p(sizes[j]) for j in range(lo, hi) if j != i)
        mean = sum(first[j] * math.log1p(sizes[j]) for j in range(lo, hi) if j != i) / weight if weight else 0.5
        own = _logit(first[i])
        rows.append(
            [
                own,
                first[i - 1] if i > 0 else 0.0,
                first[i + 1] if i + 1 < n else 0.0,
                mean,
                float(above[i]),
                float(below[i]),
                own * float(sizes[i] < CONFIDENT_PROSE_WORDS),
                document,
                share[i],
                float(share[i] > 0 and share[i] == top),
                shared[i],
            ]
        )
    return rows


def _region_shares(first: Sequence[float], sizes: Sequence[int]) -> list[float]:
    """For each block, the share of the page's prose words in the region of prose around it.

    The article is one stretch of prose interrupted by short gaps; comments, teasers of other stories and
    legal notices are prose too, but in stretches of their own, separated by menus and labels.
    """
    n = len(first)
    prose = [p >= 0.5 and w >= 4 for p, w in zip(first, sizes, strict=True)]
    total = sum(w for w, good in zip(sizes, prose, strict=True) if good)
    shares = [0.0] * n
    i = 0
    while i < n:
        if not prose[i]:
            i += 1
            continue
        start = end = i
        gap = 0
        j = i + 1
        while j < n and gap <= REGION_GAP_WORDS:
            if prose[j]:
                end, gap = j, 0
            else:
                gap += sizes[j]
            j += 1
        words = sum(sizes[k] for k in range(start, end + 1) if prose[k])
        for k in range(start, end + 1):
            shares[k] = words / total if total else 0.0
        i = end + 1
    return shares


def _shared_with_main_region(blocks: Sequence[str], main: Sequence[bool]) -> list[float]:
    """For each block, the share of its distinct content words that the main region of prose uses elsewhere.

    An article keeps to its subject: a paragraph that the page's teasers cut off from the rest still names
    the article's people and things ("Hicks" in every paragraph), while a teaser of another story, a menu or
    a notice shares few of its words with the article. The block's own words are left out of the count.
    """
    stop = stopwords()
    own = [Counter(w.lower() for w in _WORD.findall(b) if len(w) > 2 and w.lower() not in stop) for b in blocks]
    vocabulary: Counter[str] = Counter()
    for words, in_main in zip(own, main, strict=True):
        if in_main:
            vocabulary.update(words)
    shares: list[float] = []
    for words, in_main in zip(own, main, strict=True):
        if not words:
            shares.append(0.0)
            continue
        found = sum(1 for w, c in words.items() if vocabulary[w] - (c if in_main else 0) > 0)
        shares.append(found / len(words))
    return shares


def article_probabilities(blocks: Sequence[str], model: CleanModel | None = None) -> list[float]:
    """For each block, the probability that it is article text rather than page debris."""
    model = model or load_model()
    scores = [model.stage1.probability(f) for f in block_features(blocks)]
    for stage in model.context:
        scores = [stage.probability(f) for f in context_features(blocks, scores)]
    return scores


def clean_lines(lines: list[str], title: str | None = None, model: CleanModel | None = None) -> list[str]:
    """Paragraph lines of an article with the debris removed."""
    model = model or load_model()
    stripped = [normalise_line(line) for line in lines]
    title_key = _key(title) if title else None
    blocks = [s for s in stripped if s and not (title_key and _key(s) == title_key)]
    probabilities = article_probabilities(blocks, model)
    kept = [p >= model.threshold and not is_stray(s) for s, p in zip(blocks, probabilities, strict=True)]
    _drop_short_at_edges(blocks, kept)
    result: list[str] = []
    for s, keep in zip(blocks, kept, strict=True):
        if keep and (not result or result[-1] != s):
            result.append(s)
    return result


def normalise_line(line: str) -> str:
    """A line as `clean_lines` returns it: runs of spaces, tabs and no-break spaces made one space, ends stripped."""
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


SHORT_CHARS = 70
"""jusText's "short" block: too short to judge by itself, it takes the class of what surrounds it."""


def _drop_short_at_edges(blocks: Sequence[str], kept: list[bool]) -> None:
    """Labels kept only between kept sentences ("Share this article" at the end, a caption on top go).

    This is jusText's rule for short blocks: between good blocks they are good (a subheading), while the
    start and end of the text count as bad neighbours. A caption the page repeats counts as short at any
    length; a long standfirst without a full stop, said once, stays.
    """
    counts = Counter(blocks)
    sentence = [k and bool(_FULL_STOP_END.search(s)) for s, k in zip(blocks, kept, strict=True)]
    first = next((i for i, good in enumerate(sentence) if good), len(blocks))
    last = max((i for i, good in enumerate(sentence) if good), default=-1)
    for i, s in enumerate(blocks):
        label = not _FULL_STOP_END.search(s) and (len(s) < SHORT_CHARS or counts[s] > 1)
        if kept[i] and (i < first or i > last) and label:
            kept[i] = False


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


# Used by the readers to skip debris when they look for a headline; cleaning itself does not use them.
_CREDIT_TAIL = re.compile(
    r"(?:\((?:[A-Z][\w.&/' -]{1,40}|photo|file photo|image|archive)\)"
    r"|(?:photo|image|picture|credit|courtesy)(?:\s+by)?\s*:?\s+[A-Z][\w.&/' -]{1,40}"
    r"|\s[/|]\s*(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu|SPA|WAM|SANA|IRNA|Xinhua|TASS|File))\s*$",
    re.IGNORECASE,
)
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


def is_caption(line: str) -> bool:
    """A photo caption: a label ending in a parenthesised credit such as "(Reuters)"."""
    s = line.strip()
    return bool(_CREDIT_TAIL.search(s)) and not s.endswith((".", "!", "?", ".)")) and len(s) < 300


def is_boilerplate(line: str) -> bool:
    return len(line) < 160 and bool(_BOILERPLATE.match(line))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
