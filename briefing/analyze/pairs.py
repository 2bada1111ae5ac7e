"""Which country pair an article is about.

The pair is what the article reports, and news says that first: the headline and the lead name the
parties ("China accuses Japan of ...", "US-China talks", "Morocco and Syria sign ..."). So each
country's standing comes first from its mentions in the headline and the lead sentences, weighted by
position and by how central each mention is to its sentence (`salience`: an argument of the main verb
counts fully, the place of a meeting or a comparison little); two countries that are both arguments of
the headline's or the first sentence's claim are a pair outright. Mentions further down only break
ties: their weight saturates, so a third country named again and again in the background does not
outvote the two the headline is about. People and institutions tied to a country vote for it too.
Relation phrases ("Morocco-Syria relations", "ties between X and Y") vote for a pair directly. An
article in which only one country carries weight gets no pair rather than an invented one.

These rules score and propose pairs (`rule_scores`); which of the best-scored the article reports, if
any, is decided by the fitted model of `pair_model` from this evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from briefing.analyze.gazetteer import leader_country, leader_surname_country, lookup
from briefing.article import Entity

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 1.5
BODY_WEIGHT = 1.0
RELATION_BONUS = 4.0
MIN_SECOND_SHARE = 0.2
"""The second country needs this share of the first's weight to form a pair without a relation phrase."""
MIN_SECOND_WEIGHT = 4.0
"""About three mentions: a country named once or twice in passing does not make a relationship."""
MIN_SECOND_STANDING = 3.5
"""...or this much standing (see `standing`): an argument of the lead's claim named again below it."""
INSTITUTION_SHARE = 0.5
"""An institution ("Downing Street", "the Kremlin") mostly reports a government at home, not a relation."""

COMPANY_SHARE = 0.5
"""A company stands for its home country ("Boeing secures Japan order"), as an institution does."""

LEAD_SENTENCE_WEIGHTS = (2.5, 2.0, 1.5)
"""Standing a mention gives in the body's first sentences, where news says what the story is about."""
BODY_CAP = 3.0
"""Most standing mentions after the lead can give a country, however many: below a headline mention."""
HEADLINE_ARGUMENTS_BONUS = 3.0
LEAD_ARGUMENTS_BONUS = 1.5
"""Two countries that are both arguments of the headline's (first sentence's) claim report one relation:
the headline's pair is credible by that alone, the first sentence's gets the bonus in its score."""
CORE_SALIENCE = 0.8
"""A mention at least this central is an argument of its sentence's claim (see `salience`)."""
PARTY_SENTENCES = 3
MIN_PARTY_STANDING = 2.0
"""Two countries that are both arguments of claims in the headline or the first PARTY_SENTENCES sentences
(parties) make a pair with this much standing, less than others need."""
LIST_SIZE = 3
"""More countries than this in one sentence are a list: each counts LIST_SIZE / n, and none is an argument."""
STRONGER_SHARE = 0.25
"""A pair's score is its weaker country's standing plus this share of the stronger's: of two pairs whose
second countries stand alike, the one with the country the article is mostly about wins."""
LEAD_COOCCURRENCE = 0.5
BODY_COOCCURRENCE = 0.5
MAX_BODY_COOCCURRENCE = 1.0

Link = tuple[str, str, int]
"""Two countries (sorted) one clause relates, and the sentence (-1 headline)."""
Weights = defaultdict[str, float]
"""Country code -> weight."""
PairScores = defaultdict[tuple[str, str], float]


@dataclass(frozen=True, slots=True)
class Mention:
    """A country named (or a person or institution standing for it) in one sentence."""

    code: str
    sentence: int
    """-1 for the headline, else the body sentence's index."""
    share: float
    """How fully the mention stands for the country: a name 1, a demonym 0.7, an institution 0.5, a person 0.5;
    less inside a list of many countries."""
    salience: float
    lead: bool = False
    """In the first two paragraphs."""
    kind: str = "name"
    """What stands for the country: "name", "demonym", "institution", "company", "leader" (a head of state or
    government the gazetteer knows: "Donald Trump", "President Bush"), "person", "origin" (a name giving a
    person's nationality, see `salience.is_persons_origin`), or "team" (a country the article names as a
    national side, `salience.names_a_team`: all its names and demonyms there)."""
    modifier: bool = False
    """Modifies a common noun ("the UK album chart", "US shares"): a setting or a market, not a party."""
    party: bool = False
    """In the clause of an event of its sentence (`events.event_parties`: talks, a deal, sanctions, an
    attack): a party to something that happens between states or firms, not the place of a film prize."""


def mention_share(
    e: Entity, person_country: Mapping[str, str], home: Mapping[str, str] | None = None
) -> tuple[str | None, float]:
    """The country an entity stands for and how fully (`home`: companies' home countries, see
    `entities.home_countries`)."""
    if e.country:
        return e.country, 0.7 if e.label == "NORP" else INSTITUTION_SHARE if e.label == "ORG" else 1.0
    if home and e.text in home:
        return home[e.text], COMPANY_SHARE
    words = e.text.strip(" -–—").split()
    if words and e.label in ("PERSON", "ORG", "GPE", "NORP"):  # the model takes "Trump-" in "Trump-Russia" for an ORG
        code = person_country.get(words[-1]) or _joined_leader(e.text, words[-1])
        if code:
            return code, 0.5
    return None, 0.0


def _joined_leader(text: str, surname: str) -> str | None:
    """ "Trump-Russia investigation", "Bush-Blair talks": a surname joined by a hyphen to another party names
    the one known leader who has it (`gazetteer.leader_surname_country`), even where the text never gives a
    first name or an office; alone, a surname could be anyone's ("Mr Brown")."""
    return leader_surname_country(surname) if text.rstrip().endswith(("-", "–")) else None


def mention_kind(e: Entity, home: Mapping[str, str] | None = None) -> str:
    """Which of `Mention.kind` an entity that stands for a country is (see `mention_share`)."""
    if e.country:
        return "demonym" if e.label == "NORP" else "institution" if e.label == "ORG" else "name"
    if home and e.text in home:
        return "company"
    return "leader" if e.country is None and is_leader(e.text) else "person"


def is_leader(name: str) -> bool:
    """A head of state or government by full name ("Donald Trump"), or by the surname alone when only one known
    leader has it ("Bush"; "Chris Brown" is not Gordon Brown).
    Such a person speaks and acts for the state: "Trump-Russia investigation" is a relation of two states, while
    a minister or a citizen is someone of a country (docs/gold.md: a person's nationality makes no pair)."""
    words = name.strip(" -–—").split()
    if not words:
        return False
    if len(words) > 1:
        return leader_country(" ".join(words)) is not None
    return leader_surname_country(words[0]) is not None


def damp_lists(mentions: list[Mention]) -> list[Mention]:
    """A sentence listing many countries ("available in the US, Canada, Belgium, ...") relates none of them."""
    per_sentence: defaultdict[int, set[str]] = defaultdict(set)
    for m in mentions:
        per_sentence[m.sentence].add(m.code)
    result: list[Mention] = []
    for m in mentions:
        n = len(per_sentence[m.sentence])
        share = m.share * (LIST_SIZE / n if n > LIST_SIZE else 1.0)
        result.append(Mention(m.code, m.sentence, share, m.salience, m.lead, m.kind, m.modifier, m.party))
    return result


def mention_weights(mentions: Iterable[Mention]) -> Weights:
    """Country -> weight of all its mentions by position (headline, first paragraphs, rest) and salience."""
    weights: Weights = defaultdict(float)
    for m in mentions:
        where = TITLE_WEIGHT if m.sentence < 0 else LEAD_WEIGHT if m.lead else BODY_WEIGHT
        weights[m.code] += where * m.share * m.salience
    return weights


def standing(mentions: Iterable[Mention]) -> Weights:
    """Country -> standing: headline and lead mentions by position and salience, the rest saturating."""
    prominent: Weights = defaultdict(float)
    rest: Weights = defaultdict(float)
    for m in mentions:
        if m.sentence < 0:
            prominent[m.code] += TITLE_WEIGHT * m.share * m.salience
        elif m.sentence < len(LEAD_SENTENCE_WEIGHTS):
            prominent[m.code] += LEAD_SENTENCE_WEIGHTS[m.sentence] * m.share * m.salience
        else:
            rest[m.code] += BODY_WEIGHT * m.share * m.salience
    result: Weights = defaultdict(float)
    for code in set(prominent) | set(rest):
        result[code] = prominent[code] + BODY_CAP * (1.0 - math.exp(-rest[code] / BODY_CAP))
    return result


def _core_by_sentence(mentions: Iterable[Mention], sentences: int) -> dict[int, set[str]]:
    """Countries that are arguments of each early sentence's claim (-1: headline); a list of many is none."""
    named: defaultdict[int, set[str]] = defaultdict(set)
    core: defaultdict[int, set[str]] = defaultdict(set)
    for m in mentions:
        if m.sentence < sentences:
            named[m.sentence].add(m.code)
            if m.salience >= CORE_SALIENCE:
                core[m.sentence].add(m.code)
    return {i: codes for i, codes in core.items() if len(named[i]) <= LIST_SIZE}


def lead_parties(mentions: Iterable[Mention]) -> frozenset[str]:
    """Countries that are arguments of a claim in the headline or the first sentences."""
    return frozenset(code for codes in _core_by_sentence(mentions, PARTY_SENTENCES).values() for code in codes)


def argument_pairs(mentions: Iterable[Mention]) -> PairScores:
    """Bonus for pairs whose countries are both arguments of the headline's or the first sentence's claim."""
    found: PairScores = defaultdict(float)
    for sentence, codes in _core_by_sentence(mentions, 1).items():
        bonus = HEADLINE_ARGUMENTS_BONUS if sentence < 0 else LEAD_ARGUMENTS_BONUS
        for a, b in combinations(sorted(codes), 2):
            found[(a, b)] += bonus
    return found


def weighted_cooccurrence(mentions: Iterable[Mention]) -> PairScores:
    """Sentences naming both countries: a lead sentence by how central both are, the rest saturating."""
    by_sentence: defaultdict[int, dict[str, float]] = defaultdict(dict)
    for m in mentions:
        if m.sentence >= 0:
            codes = by_sentence[m.sentence]
            codes[m.code] = max(codes.get(m.code, 0.0), m.salience)
    lead: PairScores = defaultdict(float)
    body: PairScores = defaultdict(float)
    for sentence, codes in by_sentence.items():
        for a, b in combinations(sorted(codes), 2):
            if sentence < len(LEAD_SENTENCE_WEIGHTS):
                lead[(a, b)] += LEAD_COOCCURRENCE * min(codes[a], codes[b])
            else:
                body[(a, b)] += BODY_COOCCURRENCE
    result: PairScores = defaultdict(float)
    for p in set(lead) | set(body):
        result[p] = lead[p] + min(MAX_BODY_COOCCURRENCE, body[p])
    return result


_NAME = r"[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*){0,2}"
RELATION_PATTERNS = (
    re.compile(
        rf"\b({_NAME})\s*[-–—/]\s*({_NAME})\s+(?:relations|ties|relationship|talks|rapprochement|"
        r"cooperation|partnership|dialogue|summit|meeting|agreement|deal|rift|dispute|tensions?|"
        r"normali[sz]ation|reconciliation|border|trade|alliance|war|conflict)\b"
    ),
    re.compile(
        rf"\b(?:relations|ties|relationship|talks|cooperation|partnership|dialogue|tensions?|rift|"
        rf"dispute|agreement|deal|rapprochement|reconciliation)\s+between\s+(?:the\s+)?({_NAME})\s+and\s+"
        rf"(?:the\s+)?({_NAME})"
    ),
    re.compile(rf"\b({_NAME})\s*,\s*({_NAME})\s+(?:discuss|agree|sign|reaffirm|hold|seek|mull|vow|pledge)"),
    re.compile(
        rf"\b({_NAME})\s+and\s+(?:the\s+)?({_NAME})\s+(?:have\s+|had\s+|on\s+\w+\s+)?"
        r"(?:agreed|agree|restored|restore|resumed|resume|signed|sign|reached|reach|established|establish|"
        r"severed|sever|cut|broke|normali[sz]ed|normali[sz]e|exchanged|exchange|reaffirmed|reaffirm|discussed|"
        r"discuss|held|hold)\b"
    ),
    re.compile(rf"\bbetween\s+({_NAME})\s+and\s+({_NAME})\b"),
)


def relation_pairs(text: str) -> Counter[tuple[str, str]]:
    """Pairs named by relation phrases in a text, each counted once per phrase."""
    found: Counter[tuple[str, str]] = Counter()
    for pattern in RELATION_PATTERNS:
        for m in pattern.finditer(text):
            a, b = lookup(_trim(m.group(1))), lookup(_trim(m.group(2)))
            if a and b and a.code != b.code:
                found[_pair(a.code, b.code)] += 1
    return found


def _trim(name: str) -> str:
    """ "the Syrian Foreign" -> a name the gazetteer knows, trying the longest prefix first."""
    words = name.replace("’s", "").replace("'s", "").split()
    for n in range(len(words), 0, -1):
        if lookup(" ".join(words[:n])):
            return " ".join(words[:n])
        if lookup(" ".join(words[-n:])):
            return " ".join(words[-n:])
    return name


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


_NOT_AFTER_A_SCORE = (
    r"[\d.,%/:]|\s?(?:per\s?cent|percent|years?|months?|weeks?|days?|hours?|votes?|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
SCORE = re.compile(
    rf"(?<![\d.,£$€/:])\b(?!\d{{3}}\s?[-–]\s?\d{{3}}\b)\d{{1,3}}\s?[-–]\s?\d{{1,3}}\b(?!{_NOT_AFTER_A_SCORE})",
    re.IGNORECASE,
)
"""A result ("Italy 17-28 Ireland", "won 6-4 7-5"): two small numbers joined by a dash, not a date, a range
of years, money, a share or a model number ("737-800")."""
CONTEST_SENTENCES = 2


def reports_a_contest(title: str, lead: Iterable[str]) -> bool:
    """A headline or lead that states a score reports a match: its countries are sides of a game, and
    docs/gold.md does not count a match between national teams (or players of two nations) as a pair."""
    return bool(SCORE.search(title)) or any(SCORE.search(s) for s in list(lead)[:CONTEST_SENTENCES])


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """What the pair decision reads of one article: its country mentions, relation phrases, and whether its
    headline or lead states a score. Computed once from the parse (`analyzer.pair_evidence`)."""

    mentions: tuple[Mention, ...]
    title_relations: Counter[tuple[str, str]]
    body_relations: Counter[tuple[str, str]]
    contest: bool = False
    links: tuple[Link, ...] = ()
    """(country, country, sentence) for each pair one clause relates as doer and done-to, or as co-subjects
    (`links.clause_links`): "Boeing secures Japan order", "Absa in talks with UK bank Barclays"."""
    sides: tuple[Link, ...] = ()
    """(country, country, sentence) for two countries a clause names as one side, co-subjects facing a third
    or doing nothing to each other (`links.one_side_pairs`): "Iraq and Afghanistan in WTO talks"."""
    related: tuple[Link, ...] = ()
    """(country, country, sentence) for two countries a relation noun relates, the parse's relation phrase
    (`links.relation_noun_links`, also in `links`): "South Korea's relations with the U.S.", "the U.S.
    alliance with South Korea", word orders `RELATION_PATTERNS` do not read."""


@dataclass(frozen=True, slots=True)
class RuleScores:
    """The hand-set rules' view of an article's pairs."""

    scores: dict[tuple[str, str], float]
    """Every candidate pair (the strongest countries' pairs and those of relation phrases) -> rule score."""
    credible: tuple[tuple[str, str], ...]
    """The candidates the rules accept, strongest first: the first is the rules' primary pair."""


def rule_scores(evidence: PairEvidence) -> RuleScores:
    """`score_pairs` on everything the evidence gives."""
    m = evidence.mentions
    return score_pairs(
        mention_weights(m),
        evidence.title_relations,
        evidence.body_relations,
        weighted_cooccurrence(m),
        standing(m),
        argument_pairs(m),
        lead_parties(m),
        evidence.contest,
    )


def score_pairs(
    weights: Weights,
    title_relations: Counter[tuple[str, str]],
    body_relations: Counter[tuple[str, str]],
    cooccurrence: PairScores,
    ranks: Weights | None = None,
    arguments: PairScores | None = None,
    parties: frozenset[str] = frozenset(),
    contest: bool = False,
) -> RuleScores:
    """Every candidate pair's rule score, and those the rules find credible.

    `weights` (all mentions at their position's weight) decide whether a second country carries
    enough to make a relationship at all; `ranks` (see `standing`, default `weights`) and `arguments`
    (see `argument_pairs`) decide which pair the article reports. In an article that reports a
    `contest` only a relation phrase makes a pair.
    """
    ranks = ranks if ranks is not None else weights
    arguments = arguments if arguments is not None else defaultdict(float)
    scores: defaultdict[tuple[str, str], float] = defaultdict(float)
    ranked = sorted(ranks, key=lambda c: -ranks[c])
    for a, b in combinations(ranked[:8], 2):
        pair = _pair(a, b)
        weaker, stronger = sorted((ranks[a], ranks[b]))
        scores[pair] = weaker + STRONGER_SHARE * stronger + cooccurrence[pair]
    for pair, n in title_relations.items():
        scores[pair] += RELATION_BONUS * 2 * n
    for pair, n in body_relations.items():
        scores[pair] += RELATION_BONUS * min(n, 3)
    for pair, bonus in arguments.items():
        if pair in scores:
            scores[pair] += bonus
    if not scores:
        return RuleScores({}, ())
    top = max(weights.values(), default=0.0)

    def credible(pair: tuple[str, str]) -> bool:
        if title_relations[pair] or body_relations[pair]:
            return True
        if contest:
            return False  # a game between the two, not a relation (unless a relation phrase names it)
        if arguments[pair] >= HEADLINE_ARGUMENTS_BONUS:
            return True
        if pair[0] in parties and pair[1] in parties:
            return min(ranks[pair[0]], ranks[pair[1]]) >= MIN_PARTY_STANDING
        second = min(weights[pair[0]], weights[pair[1]])
        enough = second >= MIN_SECOND_WEIGHT or min(ranks[pair[0]], ranks[pair[1]]) >= MIN_SECOND_STANDING
        return enough and second >= MIN_SECOND_SHARE * top

    pairs = tuple(p for p in sorted(scores, key=lambda p: (-scores[p], p)) if credible(p))
    return RuleScores(dict(scores), pairs)
