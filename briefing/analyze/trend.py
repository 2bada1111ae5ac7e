"""Whether a relationship is warming or cooling, with the sentences the verdict rests on.

Each parsed sentence about the pair is read as a list of events (`events`: words of a CAMEO-style
event lexicon with a Goldstein-scaled strength, read in the dependency parse for negation, reversal
by a verb of ending, topic and modality): "end strained ties" and "lift sanctions" are warming,
"suspend cooperation" or "threaten the deal" cooling, "will not tolerate attacks" nothing. An event
told as history ("after years of tension", "In 2012, ...") is background rather than news, and an
event whose clause names only other countries speaks of another relationship. Sentences naming both countries,
the headline and the lead count most; a sentence about one of them and a third country speaks
about another relationship and is left out. No cue means "unknown": a trend is never shown without
evidence, and the evidence shown is only sentences that concern the pair (they name both sides, or their
event's clause names one of the pair's countries, people or firms), so a cue-bearing sentence about
something else never stands for the relationship. A verdict that rests on words of conflict alone (an
accusation, a probe, a threat: CAMEO's verbal conflict) with no step between the two is "unknown" too: one
side's remarks about the other are no move in the relationship (docs/gold.md: "one person's remarks").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.analyze.events import (
    event_parties,
    find_events,
    judicial,
    mention_codes,
    outside_topics,
    sentence_actors,
    state_sides,
    words_of_conflict,
)
from briefing.article import Trend
from briefing.wording import single_spaced

if TYPE_CHECKING:
    from spacy.tokens import Span

MAX_EVIDENCE = 4
PER_ARTICLE = 2
"""Evidence sentences one article may give to a brief of several."""
MIN_VOTE = 0.25
"""A sentence whose cues add up to less than this says nothing either way."""
MIN_TOTAL = 0.3
"""Below this, the whole article gives no verdict (one hedged weak cue is not a trend)."""
RATIO = 2.0
"""One side must outweigh the other this many times to win outright."""
STRONG_SIDE = 1.5
"""Evidence a side needs to count as strong (about a firm cue in the headline, or two in the body's
sentences about the pair): a trend is mixed only when both sides have this much, since nearly every
story of a quarrel mentions talks and nearly every story of a deal mentions the dispute it ends."""
MIN_MARGIN = 0.5
"""When neither side outweighs the other RATIO times and not both are strong, the stronger side wins
only by this much; closer than that the article gives no verdict."""
WEAK_ALONE = 0.75
"""A verdict whose side adds up to less than this (one hedged or mild sentence) and has no step between
the two (both of the pair sides of one event) is "unknown": a firm's lawsuit or a passing mention of talks
is no trend. Fitted on the tune split (benchmarks/trend_oracle.py): 0.6 to 0.9 gave the same best score
there, this is the middle."""
BETWEEN_NONE = 0.8
"""Confidence factor when no sentence of the verdict reports a step between the two."""
CONFIDENCE_SCALE = 1.5
"""Evidence at which confidence in a side reaches 1 - 1/e (0.63); it saturates towards 1."""

_BACKGROUND = re.compile(
    r"\b(?:(?:years?|decades?|months?)\s+of|[\w-]+-(?:year|decade)-old|decades?-old|long-?standing|despite|previous\w*|former\w*|once(?!\s+again|\s+more)|history\s+of|long\s+period|"
    r"prolonged\s+period|in\s+the\s+past|since\s+the)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\b(?:after|following|since)\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:could|may|might|would|possibl\w*|likely|expected\s+to|poised|hope\w*|seek\w*|aim\w*|potential\w*|"
    r"prospects?|if|whether|seem\w*|appear\w*)\b|\?",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\b(?:according\s+to|reportedly|allegedly|purportedly|(?:is|are|was|were)\s+said\s+to|"
    r"reports?\s+(?:that|say|said|suggest\w*)|rumou?r\w*|speculation)\b",
    re.IGNORECASE,
)
"""Evidentials that pass a claim on rather than assert it ("according to the Times", "is said to")."""
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+|long\s+|already\s+)?\w+ed\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WHEN = re.compile(r"\b(?:in|since|until|by|during)\s+(?:\w+\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
ABOUT_PAIR = re.compile(
    r"\b(?:bilateral|each\s+other|counterparts?|(?:both|(?:the|their)\s+two)\s+(?:\w+\s+)?"
    r"(?:countries|nations|sides|governments|ministers|leaders|officials|presidents|capitals|states|neighbou?rs))\b",
    re.IGNORECASE,
)
"""'the two countries', 'both governments', 'bilateral': the pair itself, unnamed ('the poorest countries' is not)."""
_SEVERAL_COUNTRIES = re.compile(r"\b(?:countries|nations|states)\b", re.IGNORECASE)


def names_the_pair(sentence: str) -> bool:
    """Whether a sentence speaks of the pair without naming it ("the two countries", "bilateral", "his
    Russian counterpart"). A counterpart mirrors the one it is set against: when the sentence speaks of
    several countries ("officials from various Arab nations and their Syrian counterparts") that other side
    is those countries, not the pair."""
    found = [m.group(0) for m in ABOUT_PAIR.finditer(sentence)]
    if not found:
        return False
    if all(re.match(r"counterparts?$", f, re.IGNORECASE) for f in found):
        return not _SEVERAL_COUNTRIES.search(sentence)
    return True


_RELATION = re.compile(r"\b(?:ties|relations|relationship)\s+(?:with|between)\b", re.IGNORECASE)


_TOPICS = re.compile(r"\b(?:discuss\w*|talk\w*\s+about|agenda|topics?|such\s+as)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told|added|according|announced|confirmed)\b", re.IGNORECASE)
_WORDS_BEFORE = 6
OTHER_PARTIES = 0.3
"""An event whose clause names countries, none of them the pair's, counts this much."""
HEDGE = 0.8
"""A modal or a verb of intention on the event itself ("could sign"); the sentence's hedges count apart."""
HEARSAY = 0.6
"""A sentence that passes a claim on ("according to", "reportedly") counts like a hedged one."""


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    polarity: float
    """+1 warming, -1 cooling, after negation and reversal."""
    weight: float
    involves_pair: bool = False
    """The event's own clause names one of the pair's countries (or a person or firm placed in one)."""
    other_parties: bool = False
    """Its clause names countries, none of the pair's."""
    involves_both: bool = False
    """Both of the pair are sides of the event (actor, patient, partner), not places or modifiers of things."""
    step_between: bool = False
    """Both are sides as someone who acts (`events.is_agent`): the country, its officials, firms or groups,
    not a thing its word describes ("American tricks")."""
    words: bool = False
    """Words of conflict (`events.words_of_conflict`: an accusation, a threat, support withheld), not an act."""
    describes: bool = False
    """The event only says what a thing is (`events.Event.describes`): no step, whoever it names."""


def find_cues(sentence: Span, pair: tuple[str, str] | None = None, names: Mapping[str, str] | None = None) -> list[Cue]:
    """The sentence's events (see `events`), each weighed by where it stands in the sentence.

    An event told as history ("after years of tension") or as a list of topics ("discussed Kashmir and
    trade") counts less; one whose clause names only countries outside the pair speaks of another
    relationship.
    """
    text = sentence.text
    offset = sentence.start_char
    found = find_events(sentence)
    cues: list[Cue] = []
    for k, event in enumerate(found):
        start = event.start - offset
        window = _window(text, start)
        factor = 0.5 if _TOPICS.search(_clause(text, start)) else 1.0
        if _BACKGROUND.search(window):
            factor *= 0.2
        elif _AFTER.search(window) and any(e.polarity != event.polarity for e in found[:k]):
            factor *= 0.4  # "the deal was sealed after a price dispute": the news is the deal
        parties: set[str] = set()
        involves = both = step = False
        if pair is not None:
            parties = event_parties(sentence, event, names)
            if parties and not parties & set(pair):
                factor *= OTHER_PARTIES
            sides = event_parties(sentence, event, names, actors_only=True)
            involves = bool(sides & set(pair))
            both = set(pair) <= sides
            step = both and not event.describes and set(pair) <= event_parties(sentence, event, names, agents_only=True)
            if event.measured and not both:
                factor = 0.0  # "US exports rose 12%": one country's statistic, no step toward the other
        if event.hedged and not _HEDGE.search(text):
            factor *= HEDGE
        others = bool(parties) and not parties & set(pair or ())
        cues.append(
            Cue(
                start,
                event.end - offset,
                event.polarity,
                event.weight * factor,
                involves,
                others,
                both,
                step,
                describes=event.describes,
                words=words_of_conflict(event),
            )
        )
    return [c for c in cues if c.weight > 0]


def _clause(sentence: str, start: int) -> str:
    """The sentence before a cue back to the start of its clause (a list's commas do not end it)."""
    return re.split(r"[;:()\u2014]|\bbut\b|\bwhile\b|\bwhich\b", sentence[:start])[-1]


def _window(sentence: str, start: int) -> str:
    """The few words before a cue, within its clause."""
    before = re.split(r",\s", _clause(sentence, start))[-1]
    return " ".join(before.split()[-_WORDS_BEFORE:])


def sentence_trend(sentence: Span, pair: tuple[str, str] | None = None) -> float:
    """Positive for warming, negative for cooling, 0 when the sentence says neither."""
    return sum(c.polarity * c.weight for c in find_cues(sentence, pair))


def _background_factor(sentence: str, year: int | None) -> float:
    """Sentences about an earlier year, or in the pluperfect, tell the history behind the news."""
    if year is not None:
        when = [int(y) for y in _WHEN.findall(sentence)]
        years = [int(y) for y in _YEAR.findall(sentence)]
        if when and max(years) <= year - 2:
            return 0.3
    return 0.6 if _PLUPERFECT.search(sentence) and not _REPORTED.search(sentence) else 1.0


def reference_year(sentences: Iterable[str], published: str | None = None) -> int | None:
    """The article's year: from its date, else the latest year it writes."""
    if published:
        m = _YEAR.search(published)
        if m:
            return int(m.group(1))
    years = [int(y) for s in sentences for y in _YEAR.findall(s)]
    return max(years) if years else None


@dataclass(frozen=True, slots=True)
class Vote:
    """One sentence's say on the pair's direction."""

    value: float
    """Positive warming, negative cooling; headline and lead weigh more, history and hedges less."""
    index: int
    """0 is the headline."""
    sentence: str
    about_both: bool
    """It names both sides (or "the two countries"), so it speaks of the relationship itself."""
    concerns_pair: bool
    """Its event involves one of the pair's countries, people or firms, or it names both: evidence a user
    can be shown for this pair."""
    between: bool = False
    """Both of the pair are sides of one of its events (or it names both as the sides of what it reports):
    the step is one between the two, not one side's step somewhere the other is named."""
    words: bool = False
    """Its vote rests on words of conflict only (`Cue.words`)."""


def sentence_votes(
    sentences: Sequence[tuple[Span, set[str]]],
    pair: tuple[str, str],
    published: str | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Vote]:
    """The vote of each sentence that speaks about the pair.

    `names` places people and firms (name or surname -> country), so that an event of "BLB" counts as
    one of the United States when the article says BLB is American.
    """
    year = reference_year((s.text for s, _ in sentences), published)
    votes: list[Vote] = []
    last_named: set[str] = set()
    # The headline is read with the lead it summarises: "GM pays $2bn to evade Fiat buyout" is about the
    # pair when the first sentence says "General Motors of the US ... the Italian car maker".
    lead_names_both = len(sentences) > 1 and set(pair) <= sentences[1][1] & sentence_actors(sentences[1][0], names)
    for i, (parsed, codes) in enumerate(sentences):
        sentence = parsed.text
        shared = codes & set(pair)
        others = codes - set(pair)
        about_pair = names_the_pair(sentence) or (bool(shared) and bool(_RELATION.search(sentence)))
        if about_pair and not codes and i > 0 and last_named - set(pair) and not set(pair) <= last_named:
            about_pair = False  # "the two countries" after a sentence naming others refers to those
        if codes and i > 0:
            last_named = codes
        if not shared and not about_pair and (i > 0 or others):
            continue
        if len(shared) == 1 and others and not about_pair:
            continue  # "the war in Afghanistan", "a deal with Russia": another relationship
        if judicial(parsed) and not set(pair) <= state_sides(parsed):
            continue  # a court case: its parties argue before a court, the countries take no step
        names_both = len(shared) == 2 or about_pair
        cues = find_cues(parsed, pair, names)
        score = sum(c.polarity * c.weight for c in cues)
        if abs(score) < MIN_VOTE:
            continue
        # One vote per sentence: piling up cues says no more about the relationship than naming one step.
        vote = min(1.0, abs(score)) * (1.0 if score > 0 else -1.0)
        vote *= 2.0 if i == 0 else 1.5 if i <= 3 else 1.0
        vote *= _background_factor(sentence, year)
        if _HEDGE.search(outside_topics(parsed)):
            vote *= 0.6
        if _HEARSAY.search(sentence):
            vote *= HEARSAY
        names_both_as_sides = about_pair or (len(shared) == 2 and set(pair) <= sentence_actors(parsed, names))
        if i == 0:  # a headline is evidence only when its event has both sides in it, or its lead does
            concerns = (
                names_both_as_sides
                or any(c.involves_both for c in cues)
                or (
                    lead_names_both
                    and not any(c.other_parties for c in cues)
                    and mention_codes(list(parsed), parsed, names) <= sentence_actors(parsed, names)
                )
            )
        else:
            concerns = names_both_as_sides or any(c.involves_pair for c in cues)
        steps_both = about_pair or (len(shared) == 2 and set(pair) <= sentence_actors(parsed, names, agents_only=True))
        # naming both as sides makes a step between them only when something is done, not just described
        between = (steps_both and not all(c.describes for c in cues)) or any(c.step_between for c in cues)
        words = all(c.words for c in cues if (c.polarity > 0) == (score > 0))
        votes.append(Vote(vote, i, sentence, names_both or (i == 0 and concerns), concerns, between, words))
    return votes


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one article says about a pair's direction: its sentences' votes."""

    votes: tuple[Vote, ...]

    def deciding(self) -> list[Vote]:
        """Sentences naming both sides (or the headline) speak about the relationship; a sentence about
        one country only counts when little else is said."""
        both = [v for v in self.votes if v.about_both]
        if sum(abs(v.value) for v in both) >= 1.0:
            return both
        return list(self.votes)

    def features(self) -> dict[str, float]:
        """Aggregates of the evidence, for fitting and inspecting (benchmarks/trend_oracle.py)."""
        chosen = self.deciding()
        return {
            "warm": sum(v.value for v in chosen if v.value > 0),
            "cool": -sum(v.value for v in chosen if v.value < 0),
            "warm_all": sum(v.value for v in self.votes if v.value > 0),
            "cool_all": -sum(v.value for v in self.votes if v.value < 0),
            "headline": sum(v.value for v in self.votes if v.index == 0),
            "votes": float(len(self.votes)),
            "concerning": float(sum(v.concerns_pair for v in self.votes)),
            "both": sum(abs(v.value) for v in self.votes if v.about_both),
        }


def article_evidence(
    sentences: Sequence[tuple[Span, set[str]]],
    pair: tuple[str, str],
    published: str | None = None,
    names: Mapping[str, str] | None = None,
) -> Evidence:
    """Every vote of the article on the pair, before any verdict (the verdict and the benchmarks read it)."""
    return Evidence(tuple(sentence_votes(sentences, pair, published, names)))


def article_trend(
    sentences: Sequence[tuple[Span, set[str]]],
    pair: tuple[str, str] | None,
    published: str | None = None,
    names: Mapping[str, str] | None = None,
) -> Trend:
    """Trend of a pair from (sentence, country codes in it) items; headline first when present."""
    if pair is None:
        return Trend("unknown")
    return _verdict(article_evidence(sentences, pair, published, names).deciding())


def _verdict(votes: list[Vote]) -> Trend:
    warm = sum(v.value for v in votes if v.value > 0)
    cool = -sum(v.value for v in votes if v.value < 0)
    label = evidence_label(warm, cool)
    if label == "unknown":
        return Trend("unknown")
    shown = [v for v in votes if v.concerns_pair]
    # A step between the two first, then sentences naming both sides: they show the relationship itself.
    ranked = sorted(shown, key=lambda v: (not v.between, not v.about_both, -abs(v.value), v.index))
    w = [v for v in ranked if v.value > 0]
    c = [v for v in ranked if v.value < 0]
    if label == "warming":
        chosen = w
    elif label == "cooling":
        chosen = c
    else:  # both sides, strongest first, alternating
        chosen = [x for pair in zip(w, c, strict=False) for x in pair] + w[len(c) :] + c[len(w) :]
        if not (w and c):
            chosen = []
    if not chosen:  # a label is never shown without evidence about the pair
        return Trend("unknown")
    between = any(v.between for v in chosen)
    if label != "mixed" and max(warm, cool) < WEAK_ALONE and not between:
        return Trend("unknown")
    side = [v for v in votes if (v.value > 0) == (label == "warming")]
    if label != "mixed" and not between and all(v.words for v in side):
        return Trend("unknown")  # one side's words about the other, no step between the two
    evidence = tuple(single_spaced(v.sentence) for v in chosen[:MAX_EVIDENCE])
    steps = tuple(v.between for v in chosen[:MAX_EVIDENCE])
    sure = confidence(label, warm, cool)
    return Trend(label, evidence, sure if between else round(sure * BETWEEN_NONE, 2), steps)


def evidence_label(warm: float, cool: float) -> str:
    """The verdict of one article's evidence: mixed only when both directions are strong."""
    strong, weak = max(warm, cool), min(warm, cool)
    if strong < MIN_TOTAL:
        return "unknown"
    if strong >= RATIO * weak:
        return _label(warm, cool)
    if weak >= STRONG_SIDE:
        return "mixed"
    if strong - weak >= MIN_MARGIN:
        return "warming" if warm > cool else "cooling"
    return "unknown"


def _strength(evidence: float) -> float:
    return 1.0 - math.exp(-evidence / CONFIDENCE_SCALE)


def confidence(label: str, warm: float, cool: float) -> float:
    """How sure a verdict is, 0..1: the evidence for it (saturating), discounted by evidence against it.

    A mixed verdict is as sure as its weaker side is strong and the two are even.
    """
    total = warm + cool
    if label == "unknown" or total <= 0:
        return 0.0
    if label == "mixed":
        balance = 1.0 - abs(warm - cool) / total
        return round(_strength(min(warm, cool)) * balance, 2)
    winner, loser = (warm, cool) if label == "warming" else (cool, warm)
    margin = (winner - loser) / total
    return round(_strength(winner) * (0.5 + 0.5 * margin), 2)


def _label(warm: float, cool: float) -> str:
    if warm >= RATIO * cool:
        return "warming"
    if cool >= RATIO * warm:
        return "cooling"
    return "mixed"


PAIR_STRONG = round(1.0 - math.exp(-STRONG_SIDE / CONFIDENCE_SCALE), 2)
"""Confidence-weighted article votes a direction needs, across a pair's stories, to count as strong: as
much as one story whose own evidence for it is strong (STRONG_SIDE, unopposed). A pair is mixed only when
both directions have this much; one sure warming story against one unsure cooling one is warming."""
PAIR_MARGIN = round(PAIR_STRONG * MIN_MARGIN / STRONG_SIDE, 2)
"""When neither direction outweighs the other RATIO times and not both are strong, the stronger wins only
by this much (the article rule's MIN_MARGIN on the pair's scale); closer than that the pair is unknown."""


def merge_trends(trends: Sequence[Trend], weights: Sequence[float] | None = None) -> Trend:
    """One verdict from several stories' trends, each story's vote weighed by its own confidence.

    A story with a verdict votes `weight × confidence` for its direction (a mixed story for both, since
    both of its sides are strong); the pair's label then follows the article rule on that scale
    (`pair_label`): a weak contested pair is "unknown", not "mixed", and so is a weak verdict none of whose
    stories reports a step between the two (`between`). One story alone keeps its verdict,
    which its own evidence already decided. Evidence: steps between the two first (across the stories on
    the winning side, surest story first), then the rest, at most PER_ARTICLE from each story so one long
    article does not fill the evidence alone.
    """
    weights = list(weights) if weights is not None else [1.0] * len(trends)
    votes = [w * t.confidence for t, w in zip(trends, weights, strict=True)]
    voting = [k for k, t in enumerate(trends) if t.label in ("warming", "cooling", "mixed")]
    if not voting:
        return Trend("unknown")
    warm = sum(votes[k] for k in voting if trends[k].label in ("warming", "mixed"))
    cool = sum(votes[k] for k in voting if trends[k].label in ("cooling", "mixed"))
    label = trends[voting[0]].label if len(voting) == 1 else pair_label(warm, cool)
    if label == "unknown":
        return Trend("unknown")
    sides = ("warming", "cooling", "mixed") if label == "mixed" else (label,)
    backing = sorted((k for k in voting if trends[k].label in sides), key=lambda k: -votes[k])
    weak = len(voting) > 1 and label != "mixed" and max(warm, cool) < PAIR_STRONG
    if weak and not any(any(_steps(trends[k])) for k in backing):
        return Trend("unknown")  # the article's WEAK_ALONE on the pair's scale: weak, and no step between the two
    chosen = _merged_evidence([trends[k] for k in backing])
    if not chosen:  # a label never goes out without evidence
        return Trend("unknown")
    evidence, steps = zip(*chosen, strict=True)
    sure = _merged_confidence(label, [trends[k] for k in backing], [weights[k] for k in backing], warm, cool)
    return Trend(label, evidence, sure, steps)


def pair_label(warm: float, cool: float) -> str:
    """The verdict of a pair's confidence-weighted story votes: `evidence_label` on the pair's scale."""
    strong, weak = max(warm, cool), min(warm, cool)
    if strong <= 0:
        return "unknown"
    if strong >= RATIO * weak:
        return "warming" if warm > cool else "cooling"
    if weak >= PAIR_STRONG:
        return "mixed"
    if strong - weak >= PAIR_MARGIN:
        return "warming" if warm > cool else "cooling"
    return "unknown"


def _merged_evidence(trends: Sequence[Trend]) -> list[tuple[str, bool]]:
    """(sentence, is a step between the two): each story's PER_ARTICLE best (its steps first, unless it is
    mixed and alternates its two sides), then every story's steps before any other sentence, MAX_EVIDENCE in all."""
    own = []
    for t in trends:
        items = list(zip(t.evidence, _steps(t), strict=True))
        if t.label != "mixed":
            items.sort(key=lambda item: not item[1])
        own.append(items[:PER_ARTICLE])
    taken: list[tuple[str, bool]] = []
    for step in (True, False):
        for rank in range(PER_ARTICLE):
            for items in own:
                if rank < len(items) and items[rank][1] == step and items[rank][0] not in (e for e, _ in taken):
                    taken.append(items[rank])
    return taken[:MAX_EVIDENCE]


def _steps(trend: Trend) -> tuple[bool, ...]:
    """Which evidence sentences are steps between the two; none known for a trend read without them."""
    return trend.between if len(trend.between) == len(trend.evidence) else (False,) * len(trend.evidence)


def _merged_confidence(
    label: str, trends: Sequence[Trend], weights: Sequence[float], warm: float, cool: float
) -> float:
    """The backing stories' own confidence (mean weighed by recency), times how far the votes agree."""
    total_weight = sum(weights)
    if not total_weight:
        return 0.0
    mean = sum(t.confidence * w for t, w in zip(trends, weights, strict=True)) / total_weight
    if warm + cool <= 0:  # a story read without a confidence (an old JSON export): nothing to weigh
        return round(mean, 2)
    if label == "mixed":
        agreement = 1.0 - abs(warm - cool) / (warm + cool)
    else:
        winner, loser = (warm, cool) if label == "warming" else (cool, warm)
        agreement = 0.5 + 0.5 * (winner - loser) / (winner + loser)
    return round(mean * agreement, 2)
