"""Whether a relationship is warming or cooling, with the sentences the verdict rests on.

Sentences about the pair (naming one of its countries, or "the two countries", "bilateral") are
scored with a lexicon of warming and cooling cues; a cue in a sentence that reports the end of
the opposite ("end strained ties", "after years of tension") counts for the other side. No cue
means "unknown": a trend is never shown without evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefing.article import Trend

WARMING = re.compile(
    r"\b(?:thaw\w*|warm\w*|rapprochement|normali[sz]\w*|restor\w*|re-?establish\w*|reopen\w*|resum\w*|"
    r"strengthen\w*|deepen\w*|reaffirm\w*|cooperat\w*|partnership|reconcil\w*|agree\w*|sign\w*|"
    r"improv\w*|boost\w*|elevat\w*|welcom\w*|praise\w*|commend\w*|support\w*|friendship|dialogue|"
    r"congratulat\w*|consensus|seal\w*|lift(?:s|ed|ing)?\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:ban|embargo|sanctions)|"
    r"re-?engag\w*|rebuild\w*|mend\w*|détente|detente|ally|allies|alliance|treaty|deal|accord)\b",
    re.IGNORECASE,
)
COOLING = re.compile(
    r"\b(?:sever\w*|expel\w*|sanction\w*|tension\w*|strain\w*|dispute\w*|condemn\w*|recall\w*|accus\w*|"
    r"clash\w*|suspend\w*|rift|row|spat|hostil\w*|threat\w*|attack\w*|protest\w*|retaliat\w*|boycott\w*|"
    r"cut\s+(?:off\s+)?ties|broke\s+off|break\s+off|downgrad\w*|warn\w*|crisis|standoff|stand-off|"
    r"escalat\w*|isolat\w*|criticis\w*|criticiz\w*|hostage|invasion|invad\w*|war|at\s+risk|jeopardi\w*|"
    r"block\w*|scrap\w*|cancel\w*|slash\w*|freez\w*|in\s+trouble|into\s+trouble|bail\s+out)\b",
    re.IGNORECASE,
)
REVERSAL = re.compile(
    r"\b(?:end(?:ing|ed|s)?|after|despite|follow(?:s|ed|ing)?|overcom\w*|beyond|"
    r"restor\w*|de-?escalat\w*|ease\w*|easing|reduc\w*)\b",
    re.IGNORECASE,
)
ABOUT_PAIR = re.compile(r"\b(?:two countries|two nations|both countries|bilateral|both sides|the two)\b", re.IGNORECASE)
MAX_EVIDENCE = 4


def sentence_trend(sentence: str) -> float:
    """Positive for warming, negative for cooling, 0 when the sentence says neither."""
    warm = len(WARMING.findall(sentence))
    cool = len(COOLING.findall(sentence))
    if cool and REVERSAL.search(sentence) and warm:
        return float(warm + cool) * 0.5  # "restore ties after years of tension"
    return float(warm - cool)


def article_trend(sentences: Sequence[tuple[str, set[str]]], pair: tuple[str, str] | None) -> Trend:
    """Trend of a pair from (sentence, country codes in it) items; headline first when present."""
    if pair is None:
        return Trend("unknown")
    both: list[tuple[float, str]] = []
    one: list[tuple[float, str]] = []
    for i, (sentence, codes) in enumerate(sentences):
        shared = codes & set(pair)
        if not shared and not ABOUT_PAIR.search(sentence):
            continue
        score = sentence_trend(sentence)
        if score:
            # One vote per sentence: a sentence piling up cues ("crackdown … protests … escalated")
            # says no more about the relationship than one that names a single step.
            vote = (1.0 if score > 0 else -1.0) * (2.0 if i == 0 else 1.0)
            about_both = i == 0 or len(shared) == 2 or ABOUT_PAIR.search(sentence)
            (both if about_both else one).append((vote, sentence))
    # Sentences naming both sides (or the headline) speak about the relationship; a sentence about one
    # country ("the war in Afghanistan", "attacks in Tel Aviv") only when nothing better is said.
    return combine(both) if both else combine(one)


def combine(scored: Iterable[tuple[float, str]]) -> Trend:
    items = list(scored)
    warm = sum(s for s, _ in items if s > 0)
    cool = -sum(s for s, _ in items if s < 0)
    if not items or (warm == 0 and cool == 0):
        return Trend("unknown")
    if warm >= 2 * cool:
        label = "warming"
    elif cool >= 2 * warm:
        label = "cooling"
    else:
        label = "mixed"
    if label == "warming":
        chosen = [x for x in items if x[0] > 0]
    elif label == "cooling":
        chosen = [x for x in items if x[0] < 0]
    else:
        chosen = items
    evidence = [" ".join(s.split()) for _, s in sorted(chosen, key=lambda x: -abs(x[0]))[:MAX_EVIDENCE]]
    return Trend(label, tuple(evidence))
