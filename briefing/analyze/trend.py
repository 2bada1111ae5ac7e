"""Whether a relationship is warming or cooling, with the sentences the verdict rests on.

Each sentence about the pair is read as a list of cues (words and phrases with a polarity and a
strength). A cue's meaning depends on the words just before it: "end strained ties" and "lift
sanctions" turn a cooling cue into a warming one, "suspend cooperation" or "threaten the deal" turn
a warming cue into a cooling one, "will not tolerate attacks" cancels it, and "after years of
tension" or "In 2012, ..." make it background rather than news. Sentences naming both countries,
the headline and the lead count most; a sentence about one of them and a third country speaks
about another relationship and is left out. No cue means "unknown": a trend is never shown without
evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.article import Trend
from briefing.wording import single_spaced

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
CONFIDENCE_SCALE = 1.5
"""Evidence at which confidence in a side reaches 1 - 1/e (0.63); it saturates towards 1."""

# (pattern, weight). Phrases come before the single words they contain; overlapping matches keep the longest.
_WARM: tuple[tuple[str, float], ...] = (
    (
        r"(?:strengthen|deepen|boost|expand|enhanc|bolster|cement|elevat|upgrad|improv|develop|advanc|"
        r"consolidat|broaden|reinforc|restor|re-?establish|normali[sz]|mend|repair|rebuild|warm)\w*\s+"
        r"(?:\w+\s+){0,3}(?:ties|relations|relationship|cooperation|co-operation|partnership|links|dialogue|friendship)",
        1.2,
    ),
    (
        r"sign(?:s|ed|ing)?\s+(?:\w+\s+){0,3}(?:deal|agreements?|accords?|treaty|treaties|memorand\w*|contracts?|pacts?)",
        1.2,
    ),
    (r"(?:strategic|comprehensive)\s+partner\w*", 1.2),
    (r"(?:new|fresh)\s+(?:chapter|page)|turn(?:s|ed|ing)?\s+the\s+page", 1.0),
    (r"shar(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:intelligence|information)", 0.8),
    (r"(?:official|state|historic|first)\s+(?:\w+\s+)?visit", 0.5),
    (r"(?:tele)?phone\s+(?:call|conversation|talks)|held\s+talks|hold\s+talks|holds\s+talks", 0.5),
    (r"peace\s+(?:talks|deal|agreement|process)|common\s+interests?|mutual\s+(?:interests?|respect|benefit)", 0.7),
    (r"thaw\w*|rapprochement|normali[sz]\w*|reconcil\w*|d[ée]tente|warm(?:s|ed|ing|er|ly)?|re-?engag\w*", 1.0),
    (r"re-?establish\w*|restor\w*|reopen\w*|resum\w*|mend\w*|rebuild\w*|unfr(?:eeze|eezes|oze|ozen)", 0.7),
    (r"cooperat\w*|co-operat\w*|partnership|friendship|alliance|allies|ally", 0.8),
    (r"agree(?:s|d|ing|ment|ments)?|accords?|treaty|treaties|pacts?|memorand\w*|consensus|seal(?:s|ed|ing)?", 0.8),
    (r"deal", 0.6),
    (r"in\s+talks|talks\s+(?:with|on|over|to)|negotiat\w*|partner(?:s|ed|ing)?", 0.5),
    (r"visit(?:s|ed|ing)?|trip\s+to", 0.3),
    (
        r"invest\w*|stakes?|acquir\w*|acquisition|takeover|buy(?:s|ing)?\s+(?:a\s+|into)|bought|orders?|aid|"
        r"loans?|listings?",
        0.4,
    ),
    (r"congratulat\w*|commend\w*|prais\w*|hail(?:s|ed|ing)?", 0.7),
    (r"welcom\w*|dialogue|de-?escalat\w*|ceasefire|truce", 0.6),
    (r"support\w*|appreciat\w*|optimis\w*|constructive|positive|invit\w*|signed|signing", 0.4),
    (r"strengthen\w*|deepen\w*|reaffirm\w*|boost\w*|elevat\w*|improv\w*|bolster\w*|enhanc\w*", 0.5),
)
_COOL: tuple[tuple[str, float], ...] = (
    (
        r"(?:cut|cuts|cutting|broke|break|breaks|breaking|sever(?:s|ed|ing)?|suspend\w*|downgrad\w*|freez\w*)\s+(?:off\s+)?"
        r"(?:\w+\s+){0,2}(?:ties|relations|contacts?)",
        1.5,
    ),
    (r"(?:recall\w*|summon\w*|expel\w*)\s+(?:\w+\s+){0,3}(?:ambassadors?|envoys?|diplomats?|charg[ée])", 1.3),
    (
        r"(?:cut|cuts|cutting|shut|shuts|shutting)\s+off|broke\s+off|break\s+off|bail(?:s|ed|ing)?\s+out\s+of|"
        r"pull(?:s|ed|ing)?\s+out(?:\s+of)?|walk(?:s|ed|ing)?\s+away|g(?:ive|ave|ives|iving)\s+up\s+on|"
        r"withdr[ae]w\w*\s+from",
        0.9,
    ),
    (r"into\s+trouble|on\s+the\s+brink", 0.7),
    (
        r"sever(?:s|ed|ing|ance)?|expulsions?|retaliat\w*|rift|deteriorat\w*|worsen\w*|sour(?:s|ed|ing)?|"
        r"frosty|chilly|icy|hostil\w*|aggress\w*|invasion|invad\w*|standoff|stand-off|feud(?:s|ed|ing)?|spat",
        1.0,
    ),
    (
        r"tensions?|strain\w*|sanction\w*|embargo\w*|condemn\w*|denounc\w*|clash\w*|suspen\w*|boycott\w*|"
        r"downgrad\w*|jeopardi[sz]\w*|scrap\w*|cancel\w*|provocat\w*|confront\w*|interference|meddl\w*",
        0.8,
    ),
    (
        r"disput\w*|row|accus\w*|threat\w*|block\w*|freez\w*|abandon\w*|collaps\w*|cool(?:s|ed|ing)?|"
        r"(?<!de-)(?<!de)escalat\w*|recall\w*|summon\w*|violat\w*|spy|spying|espionage",
        0.7,
    ),
    (
        r"criticis\w*|criticiz\w*|undermin\w*|protest\w*|warn\w*|slash\w*|reject\w*|obstruct\w*|tariffs?|"
        r"isolat\w*|crisis|war|attack\w*|ban|bans|banned|banning|hostages?",
        0.5,
    ),
    (r"probes?|investigat\w*|inquiry|fine[sd]?|lawsuits?|sue[sd]?|suing", 0.5),
    (r"expel\w*|at\s+risk|oppos\w*|refus\w*|allegation\w*|veto\w*", 0.3),
)

# Phrases that hold a cue word but say nothing about the relationship; matched to keep the word from counting.
_NEUTRAL = (
    r"war\s+on\s+(?:terror\w*|drugs)|(?:civil|world|cold|price)\s+wars?|attacked\s+(?:on|over|for)|"
    r"under\s+(?:attack|fire)|(?:to|will|must|would|can|could|should)\s+deal\s+with|dealt\s+with|dealing\s+with|"
    r"terror(?:ist)?\s+attacks?|(?:great|good)\s+deal"
)
_WORDS_BEFORE = 6
_VERB_WORDS = 4
# Words that turn the cue after them into its opposite: resolving a bad thing is good, stopping a good thing is bad.
_RESOLVE = re.compile(
    r"\b(?:end|ends|ended|ending|an\s+end|eas(?:e|es|ed|ing)|resolv\w*|resolution\s+of|settl\w*|defus\w*|overc[oa]m\w*|"
    r"mend\w*|repair\w*|heal\w*|bridg\w*|reduc\w*|calm\w*|lift\w*|remov\w*|drop\w*|de-?escalat\w*|"
    r"mov\w*\s+(?:beyond|past)|put\w*\s+behind|bury|buried|halt\w*|stop\w*|suspend\w*|scrap\w*|cancel\w*|freez\w*|abandon\w*|collapse\s+of|"
    r"withdr[ae]w\w*|(?:pull|bail|get|got|back)\w*\s+out\s+of|back\w*\s+away\s+from|unwind\w*|unwound|dissolv\w*|g(?:ive|ave|ives|iving)\s+up\s+on|walk\w*\s+away\s+from)\b",
    re.IGNORECASE,
)
# Cooling verbs that, aimed at a cooling cue, only repeat it ("threaten sanctions", "reject accusations").
_AIM = re.compile(r"\b(?:threat\w*|jeopardi[sz]\w*|undermin\w*|block\w*|reject\w*)\b", re.IGNORECASE)
_NEGATE = re.compile(
    r"(?:\b(?:not(?!\s+only)|no|never|nor|cannot|neither|without|refus\w+\s+to|fail\w*\s+to|declin\w+\s+to|unable\s+to)\b|n't\b)",
    re.IGNORECASE,
)
# Cues after these are history told for context, not the news ("restored ties after years of tension").
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
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+|long\s+|already\s+)?\w+ed\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WHEN = re.compile(r"\b(?:in|since|until|by|during)\s+(?:\w+\s+)?(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
ABOUT_PAIR = re.compile(
    r"\b(?:bilateral|each\s+other|counterparts?|(?:the|both|two|their)\s+(?:two\s+)?(?:\w+\s+)?"
    r"(?:countries|nations|sides|governments|ministers|leaders|officials|presidents|capitals|states|neighbou?rs))\b",
    re.IGNORECASE,
)
_RELATION = re.compile(r"\b(?:ties|relations|relationship)\s+(?:with|between)\b", re.IGNORECASE)


def _compile(table: tuple[tuple[str, float], ...]) -> list[tuple[re.Pattern[str], float]]:
    return [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), w) for p, w in table]


WARMING = _compile(_WARM)
COOLING = _compile(_COOL)
NEUTRAL = _compile(((_NEUTRAL, 0.0),))
# A cue undone after it, in the passive: "sanctions were lifted", "the deal was scrapped".
_UNDONE_AFTER = re.compile(
    r"^[^,;.]{0,50}?\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?(?:lifted|eased|ended|removed|resolved|"
    r"settled|overcome|defused|dropped|scrapped|suspended|cancell?ed|halted|frozen|abandoned|shelved)\b|"
    r"^\W*(?:\w+\s+){0,2}\W*(?:at\s+risk|in\s+(?:jeopardy|doubt)|under\s+threat|on\s+hold|on\s+ice)\b",
    re.IGNORECASE,
)
_TOPIC_OF = re.compile(r"\b(?:over|about|into|concerning|regarding)\b", re.IGNORECASE)
_TOPIC_WORDS = 8
_REPORTED = re.compile(r"\b(?:said|says|told|added|according|announced|confirmed)\b", re.IGNORECASE)
_TOPICS = re.compile(r"\b(?:discuss\w*|talk\w*\s+about|agenda|topics?|such\s+as)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    polarity: float
    """+1 warming, -1 cooling, after the words before it were taken into account."""
    weight: float


def find_cues(sentence: str) -> list[Cue]:
    """Cues of a sentence, longest match first, each read with the few words before it."""
    raw: list[tuple[int, int, float, float]] = []
    for sign, table in ((1.0, WARMING), (-1.0, COOLING), (0.0, NEUTRAL)):
        for pattern, weight in table:
            raw.extend((m.start(), m.end(), sign, weight) for m in pattern.finditer(sentence))
    raw.sort(key=lambda c: (-(c[1] - c[0]), -c[3], c[0]))
    taken: list[tuple[int, int, float, float]] = []
    for cue in raw:
        if all(cue[1] <= t[0] or cue[0] >= t[1] for t in taken):
            taken.append(cue)
    taken.sort()
    cues: list[Cue] = []
    consumed: set[int] = set()
    for i, (start, end, sign, weight) in enumerate(taken):
        window = _window(sentence, start)
        polarity, factor = sign, 1.0
        prev = taken[i - 1] if i else None
        verb = prev is not None and len(sentence[prev[1] : start].split()) <= 3
        prev_text = sentence[prev[0] : prev[1]] if prev is not None else ""
        if _NEGATE.search(window):
            # "no deal", "failed to agree": a missed step counts half against; "will not tolerate attacks": nothing.
            polarity, factor = (-1.0, 0.5) if sign > 0 else (sign, 0.0)
        elif _RESOLVE.search(" ".join(re.split(r"\b(?:and|or|then)\b", window)[-1].split()[-_VERB_WORDS:])):
            polarity = -sign  # "end strained ties", "lift sanctions", "suspend cooperation", "scrap the deal"
            if verb and _RESOLVE.search(prev_text):
                consumed.add(i - 1)  # the verb was a cue of its own; the phrase counts once
        elif verb and prev is not None and prev[2] < 0 and _AIM.search(prev_text):
            # "threaten sanctions" is one cooling step, not two; "threaten the deal" makes the deal's cue cooling
            polarity, weight = -1.0, max(weight, prev[3])
            consumed.add(i - 1)
        if (
            sign > 0
            and prev is not None
            and prev[2] < 0
            and len(sentence[prev[1] : start].split()) <= _TOPIC_WORDS
            and _TOPIC_OF.search(sentence[prev[1] : start])
            and not re.search(r"[,;]|\band\b", sentence[prev[1] : start])
        ):
            factor = 0.0  # "an investigation over a bond deal", "a row about the treaty": what the quarrel is about
        if _UNDONE_AFTER.search(sentence[end : end + 60]):
            polarity = -polarity
        if _TOPICS.search(_clause(sentence, start)):
            factor *= 0.5  # "talked about Afghanistan, the war on terror and the dispute over Kashmir"
        if _BACKGROUND.search(window):
            factor *= 0.2
        elif _AFTER.search(window) and any(t[2] != sign and t[0] < start for t in taken):
            factor *= 0.4  # "the deal was sealed after a price dispute": the news is the deal
        cues.append(Cue(start, end, polarity, weight * factor))
    return [c for i, c in enumerate(cues) if i not in consumed and c.weight > 0 and c.polarity]


def _clause(sentence: str, start: int) -> str:
    """The sentence before a cue back to the start of its clause (a list's commas do not end it)."""
    return re.split(r"[;:()\u2014]|\bbut\b|\bwhile\b|\bwhich\b", sentence[:start])[-1]


def _window(sentence: str, start: int) -> str:
    """The few words before a cue, within its clause."""
    before = re.split(r",\s", _clause(sentence, start))[-1]
    return " ".join(before.split()[-_WORDS_BEFORE:])


def sentence_trend(sentence: str) -> float:
    """Positive for warming, negative for cooling, 0 when the sentence says neither."""
    return sum(c.polarity * c.weight for c in find_cues(sentence))


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


def sentence_votes(
    sentences: Sequence[tuple[str, set[str]]], pair: tuple[str, str], published: str | None = None
) -> list[tuple[float, int, str, bool]]:
    """(vote, index, sentence, names both sides) for each sentence that speaks about the pair."""
    year = reference_year((s for s, _ in sentences), published)
    votes: list[tuple[float, int, str, bool]] = []
    last_named: set[str] = set()
    for i, (sentence, codes) in enumerate(sentences):
        shared = codes & set(pair)
        others = codes - set(pair)
        about_pair = bool(ABOUT_PAIR.search(sentence)) or (bool(shared) and bool(_RELATION.search(sentence)))
        if about_pair and not codes and i > 0 and last_named - set(pair) and not set(pair) <= last_named:
            about_pair = False  # "the two countries" after a sentence naming others refers to those
        if codes and i > 0:
            last_named = codes
        if not shared and not about_pair and (i > 0 or others):
            continue
        if len(shared) == 1 and others and not about_pair:
            continue  # "the war in Afghanistan", "a deal with Russia": another relationship
        score = sentence_trend(sentence)
        if abs(score) < MIN_VOTE:
            continue
        # One vote per sentence: piling up cues says no more about the relationship than naming one step.
        vote = min(1.0, abs(score)) * (1.0 if score > 0 else -1.0)
        vote *= 2.0 if i == 0 else 1.5 if i <= 3 else 1.0
        vote *= _background_factor(sentence, year)
        if _HEDGE.search(sentence):
            vote *= 0.6
        votes.append((vote, i, sentence, i == 0 or len(shared) == 2 or about_pair))
    return votes


def article_trend(
    sentences: Sequence[tuple[str, set[str]]], pair: tuple[str, str] | None, published: str | None = None
) -> Trend:
    """Trend of a pair from (sentence, country codes in it) items; headline first when present."""
    if pair is None:
        return Trend("unknown")
    votes = sentence_votes(sentences, pair, published)
    both = [(v, i, s) for v, i, s, about_both in votes if about_both]
    # Sentences naming both sides (or the headline) speak about the relationship; a sentence about one
    # country only when little else is said.
    if sum(abs(v) for v, _, _ in both) >= 1.0:
        return _verdict(both)
    return _verdict([(v, i, s) for v, i, s, _ in votes])


def _verdict(items: list[tuple[float, int, str]]) -> Trend:
    warm = sum(v for v, _, _ in items if v > 0)
    cool = -sum(v for v, _, _ in items if v < 0)
    label = evidence_label(warm, cool)
    if label == "unknown":
        return Trend("unknown")
    ranked = sorted(items, key=lambda x: (-abs(x[0]), x[1]))
    if label == "warming":
        chosen = [x for x in ranked if x[0] > 0]
    elif label == "cooling":
        chosen = [x for x in ranked if x[0] < 0]
    else:  # both sides, strongest first, alternating
        w = [x for x in ranked if x[0] > 0]
        c = [x for x in ranked if x[0] < 0]
        chosen = [x for pair in zip(w, c, strict=False) for x in pair] + w[len(c) :] + c[len(w) :]
    evidence = tuple(single_spaced(s) for _, _, s in chosen[:MAX_EVIDENCE])
    return Trend(label, evidence, confidence(label, warm, cool))


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


def merge_trends(trends: Sequence[Trend], weights: Sequence[float] | None = None) -> Trend:
    """One verdict from several articles' trends: one vote per article, a mixed article half to each side.

    Evidence comes from the articles on the winning side (both sides when mixed), best sentence of each
    article first and at most PER_ARTICLE from each, so one long article does not fill the evidence alone.
    """
    weights = list(weights) if weights is not None else [1.0] * len(trends)
    warm = cool = 0.0
    for t, w in zip(trends, weights, strict=True):
        if t.label == "warming":
            warm += w
        elif t.label == "cooling":
            cool += w
        elif t.label == "mixed":
            warm += w / 2
            cool += w / 2
    if warm == 0 and cool == 0:
        return Trend("unknown")
    label = _label(warm, cool)
    sides = {"warming": ("warming",), "cooling": ("cooling",), "mixed": ("warming", "cooling", "mixed")}[label]
    order = sorted(range(len(trends)), key=lambda k: -weights[k])
    evidence: list[str] = []
    for rank in range(PER_ARTICLE):
        for k in order:
            t = trends[k]
            if t.label in sides and rank < len(t.evidence) and t.evidence[rank] not in evidence:
                evidence.append(t.evidence[rank])
    if not evidence:  # a label never goes out without evidence
        return Trend("unknown")
    return Trend(label, tuple(evidence[:MAX_EVIDENCE]), _merged_confidence(label, trends, weights, warm, cool))


def _merged_confidence(
    label: str, trends: Sequence[Trend], weights: Sequence[float], warm: float, cool: float
) -> float:
    """The articles' own confidence (weighted mean over those on the verdict's side), times how far they agree."""
    sides = ("warming", "cooling", "mixed") if label == "mixed" else (label,)
    backing = [(t.confidence, w) for t, w in zip(trends, weights, strict=True) if t.label in sides]
    total_weight = sum(w for _, w in backing)
    if not total_weight:
        return 0.0
    mean = sum(c * w for c, w in backing) / total_weight
    if label == "mixed":
        agreement = 1.0 - abs(warm - cool) / (warm + cool)
    else:
        winner, loser = (warm, cool) if label == "warming" else (cool, warm)
        agreement = 0.5 + 0.5 * (winner - loser) / (winner + loser)
    return round(mean * agreement, 2)
