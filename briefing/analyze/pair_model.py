"""The primary pair as a learned decision over the pairs the rules propose.

The rules of `pairs` score every pair of an article's strongest countries; which of them the article
reports, if any, is a judgement that hand-set thresholds made poorly on text nobody tuned them on (a
country named as a market, a company's origin, a comparison). So the rules only propose: the
`CANDIDATES` best-scored pairs are each described by general evidence (standing of each country in
headline, lead and body, whether both are arguments of an early claim, relation phrases, how much of
each country's weight comes from institutions, companies or people, lists, sentences naming both, the
share of the article's country mentions the pair takes, a third country's standing, a stated score, whether
one clause relates the two as doer and done-to, or names them as one side facing a third, see `links`) and
a logistic regression gives each the probability that it is the article's pair. The most probable
candidate is the pair when that probability reaches the fitted threshold; otherwise the article has
none. Weights and threshold are fitted by `benchmarks/fit_pairs.py` on the gold files and kept in
`pair_model.json` next to this module.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefing.analyze.pairs import (
    HEADLINE_ARGUMENTS_BONUS,
    LEAD_SENTENCE_WEIGHTS,
    LIST_SIZE,
    PairEvidence,
    RuleScores,
    argument_pairs,
    lead_parties,
    mention_weights,
    rule_scores,
    standing,
)
from briefing.logistic import Stage

MODEL_FILE = Path(__file__).resolve().parent / "pair_model.json"
CANDIDATES = 3
"""Pairs the rules propose per article (the gold pair is among the best three in 98 of 103 labelled
articles that have one; four or six candidates fitted no better held out)."""
STAND_IN_KINDS = frozenset({"institution", "company", "leader", "person"})
PEOPLE_KINDS = frozenset({"origin", "person", "team"})
"""Mentions of a country through its people: a person, a person's nationality, a national side. Two
countries named only so are no pair (docs/gold.md: nationality, a match between national teams)."""

FEATURES = (
    "rule_score",
    "rule_credible",
    "rule_first",
    "rule_rank",
    "score_vs_best",
    "weaker_standing",
    "stronger_standing",
    "standing_ratio",
    "headline_both",
    "weaker_headline",
    "stronger_headline",
    "headline_countries",
    "lead_both",
    "headline_arguments",
    "lead_arguments",
    "both_parties",
    "title_relation",
    "body_relation",
    "sentences_both",
    "pair_mention_share",
    "third_vs_weaker",
    "countries",
    "weaker_stand_in",
    "stronger_stand_in",
    "weaker_origin",
    "stronger_origin",
    "people_share",
    "list_share",
    "contest",
    "weaker_weight_vs_top",
    "weaker_salience",
    "stronger_salience",
    "weaker_first",
    "weaker_mentions",
    "weaker_sentences",
    "weaker_lead",
    "weaker_modifier",
    "stronger_modifier",
    "weaker_in_event",
    "stronger_in_event",
    "event_sentences_both",
    "linked_headline",
    "linked_lead",
    "linked_sentences",
    "one_side_sentences",
)
"""What each candidate pair is judged on; `candidate_features` computes them in this order."""


@dataclass(frozen=True, slots=True)
class PairModel:
    stage: Stage
    threshold: float
    """Probability from which the most probable candidate is the article's pair."""


@cache
def load_model(path: Path = MODEL_FILE) -> PairModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{path}: fitted on other features than pair_model.FEATURES; rerun benchmarks/fit_pairs.py")
    return PairModel(Stage.from_json(data["stage"]), float(data["threshold"]))


Pair = tuple[str, str]


def candidate_features(evidence: PairEvidence, rules: RuleScores | None = None) -> list[tuple[Pair, list[float]]]:
    """The rules' best `CANDIDATES` pairs, best first, each with its features (order: `FEATURES`).

    `rules`: `rule_scores(evidence)` when the caller has it already."""
    rules = rules if rules is not None else rule_scores(evidence)
    if not rules.scores:
        return []
    mentions = evidence.mentions
    ranks = standing(mentions)
    weights = mention_weights(mentions)
    arguments = argument_pairs(mentions)
    parties = lead_parties(mentions)
    top_weight = max(weights.values(), default=0.0) or 1.0
    headline: defaultdict[str, float] = defaultdict(float)
    lead: defaultdict[str, float] = defaultdict(float)
    mass: defaultdict[str, float] = defaultdict(float)
    stand_in: defaultdict[str, float] = defaultdict(float)
    origin: defaultdict[str, float] = defaultdict(float)
    people: defaultdict[str, float] = defaultdict(float)
    """Mentions by a person or a person's nationality: athletes of two nations are no pair."""
    own: defaultdict[str, bool] = defaultdict(bool)
    """Named for itself at least once (or through its head of state or government), not only as a person's
    nationality or through a person: a pair needs both countries so (docs/gold.md: a person's nationality
    does not make a pair)."""
    salience_sum: defaultdict[str, float] = defaultdict(float)
    count: defaultdict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    by_sentence: defaultdict[int, set[str]] = defaultdict(set)
    for m in mentions:
        by_sentence[m.sentence].add(m.code)
    listed: defaultdict[str, float] = defaultdict(float)
    modifier: defaultdict[str, int] = defaultdict(int)
    """Mentions modifying a common noun ("UK album chart", "US shares"): a setting, not a party."""
    in_event: defaultdict[str, int] = defaultdict(int)
    """Mentions in the clause of an event (talks, a deal, an attack): a party, not a setting."""
    event_sentences: defaultdict[int, set[str]] = defaultdict(set)
    for m in mentions:
        modifier[m.code] += m.modifier
        in_event[m.code] += m.party
        if m.party:
            event_sentences[m.sentence].add(m.code)
    for m in mentions:
        if m.sentence < 0:
            headline[m.code] += m.share * m.salience
        elif m.sentence < len(LEAD_SENTENCE_WEIGHTS):
            lead[m.code] += m.share * m.salience
        mass[m.code] += m.share
        if m.kind in STAND_IN_KINDS:
            stand_in[m.code] += m.share
        if m.kind == "origin":
            origin[m.code] += 1
        if m.kind in PEOPLE_KINDS:
            people[m.code] += 1
        else:
            own[m.code] = True
        if len(by_sentence[m.sentence]) > LIST_SIZE:
            listed[m.code] += 1
        salience_sum[m.code] += m.salience
        count[m.code] += 1
        first[m.code] = min(first.get(m.code, m.sentence), m.sentence)
    link_sentences: defaultdict[Pair, set[int]] = defaultdict(set)
    """Sentences in which one clause relates the two (`PairEvidence.links`)."""
    for a, b, sentence in evidence.links:
        link_sentences[(a, b)].add(sentence)
    side_sentences: defaultdict[Pair, set[int]] = defaultdict(set)
    """Sentences in which a clause names the two as one side (`PairEvidence.sides`)."""
    for a, b, sentence in evidence.sides:
        side_sentences[(a, b)].add(sentence)
    total_mass = sum(mass.values()) or 1.0
    headline_countries = len(headline)
    countries = len(ranks)
    ordered = [p for p in sorted(rules.scores, key=lambda p: (-rules.scores[p], p)) if own[p[0]] and own[p[1]]]
    if evidence.contest:  # sides of a game, not a relation (docs/gold.md), unless a relation phrase names them
        ordered = [p for p in ordered if evidence.title_relations[p] or evidence.body_relations[p]]
    ordered = ordered[:CANDIDATES]
    if not ordered:
        return []
    best_score = max(rules.scores[ordered[0]], 1e-9)
    result: list[tuple[Pair, list[float]]] = []
    for rank, pair in enumerate(ordered):
        stronger, weaker = sorted(pair, key=lambda c: (-ranks[c], c))
        others = [ranks[c] for c in list(ranks) if c not in pair]
        third = max(others, default=0.0)
        in_headline = (headline.get(stronger, 0.0) > 0) + (headline.get(weaker, 0.0) > 0)
        both = sum(1 for codes in by_sentence.values() if pair[0] in codes and pair[1] in codes)
        listed_share = (listed[pair[0]] + listed[pair[1]]) / max(count[pair[0]] + count[pair[1]], 1)

        def mean_salience(code: str) -> float:
            return salience_sum[code] / count[code] if count[code] else 0.0

        features = [
            math.log1p(max(rules.scores[pair], 0.0)),
            float(pair in rules.credible),
            float(bool(rules.credible) and rules.credible[0] == pair),
            float(rank),
            rules.scores[pair] / best_score,
            math.log1p(ranks[weaker]),
            math.log1p(ranks[stronger]),
            ranks[weaker] / max(ranks[stronger], 1e-9),
            float(in_headline == 2),
            float(headline.get(weaker, 0.0) > 0),
            float(headline.get(stronger, 0.0) > 0),
            float(headline_countries),
            float(lead[stronger] > 0 and lead[weaker] > 0),
            float(arguments[pair] >= HEADLINE_ARGUMENTS_BONUS),
            float(0 < arguments[pair] < HEADLINE_ARGUMENTS_BONUS),
            float(pair[0] in parties and pair[1] in parties),
            float(min(evidence.title_relations[pair], 1)),
            min(evidence.body_relations[pair], 3) / 3,
            math.log1p(both),
            (mass[pair[0]] + mass[pair[1]]) / total_mass,
            min(third / max(ranks[weaker], 1e-9), 3.0),
            math.log(countries),
            stand_in[weaker] / max(mass[weaker], 1e-9),
            stand_in[stronger] / max(mass[stronger], 1e-9),
            origin[weaker] / max(count[weaker], 1),
            origin[stronger] / max(count[stronger], 1),
            (people[pair[0]] + people[pair[1]]) / max(count[pair[0]] + count[pair[1]], 1),
            listed_share,
            float(evidence.contest),
            weights[weaker] / top_weight,
            mean_salience(weaker),
            mean_salience(stronger),
            1.0 / (2.0 + first.get(weaker, 50)),
            math.log1p(count[weaker]),
            math.log1p(sum(1 for s, codes in by_sentence.items() if s >= 0 and weaker in codes)),
            float(lead[weaker] > 0),
            modifier[weaker] / max(count[weaker], 1),
            modifier[stronger] / max(count[stronger], 1),
            in_event[weaker] / max(count[weaker], 1),
            in_event[stronger] / max(count[stronger], 1),
            math.log1p(sum(1 for codes in event_sentences.values() if pair[0] in codes and pair[1] in codes)),
            float(-1 in link_sentences[pair]),
            float(any(0 <= s < len(LEAD_SENTENCE_WEIGHTS) for s in link_sentences[pair])),
            math.log1p(len(link_sentences[pair])),
            math.log1p(len(side_sentences[pair] - link_sentences[pair])),
        ]
        result.append((pair, features))
    return result


def decide_pair(evidence: PairEvidence, model: PairModel | None = None) -> tuple[Pair | None, tuple[Pair, ...]]:
    """The primary pair (or None) and every pair worth listing, the primary first.

    The listed pairs are the candidates the model accepts, most probable first, then the other pairs the
    rules find credible (an article can report more than one relation), then those relation nouns of the
    parse relate in `RELATED_SENTENCES` sentences (`returned_relations`: "South Korea's relations with the
    U.S.", in a page about South Korean politics where the US weighs too little for the rules). Each only
    when the article reports something between the two (`reported_together`).
    """
    model = model or load_model()
    rules = rule_scores(evidence)
    scored = [(model.stage.probability(f), pair) for pair, f in candidate_features(evidence, rules)]
    accepted = [pair for p, pair in sorted(scored, key=lambda s: (-s[0], s[1])) if p >= model.threshold]
    related = tuple(sorted(p for p in returned_relations(evidence) if p not in rules.credible))
    rest = tuple(p for p in (*rules.credible, *related) if p not in accepted and reported_together(evidence, p))
    if not accepted:
        return None, rest
    return accepted[0], (*accepted, *rest)


RELATED_SENTENCES = 2
"""Sentences in which relation nouns must relate two countries the rules do not find credible for the pair to
be listed: a relation the article returns to is reported ("South Korea's relations with the U.S.", later "the
U.S. alliance with South Korea"); one named once in passing is background (a blog "supposed to be a forum to
discuss relations between India and Pakistan", in an article on the tsunami, BBC tech/106)."""


def returned_relations(evidence: PairEvidence) -> set[Pair]:
    """Pairs relation nouns of the parse relate (`PairEvidence.related`) in at least `RELATED_SENTENCES`
    sentences."""
    sentences: defaultdict[Pair, set[int]] = defaultdict(set)
    for a, b, sentence in evidence.related:
        sentences[(a, b)].add(sentence)
    return {pair for pair, found in sentences.items() if len(found) >= RELATED_SENTENCES}


def reported_together(evidence: PairEvidence, pair: Pair) -> bool:
    """The article reports something between the two countries, not only names both: a relation phrase
    names the pair (the rules' patterns or a relation noun of the parse, `PairEvidence.related`), or one
    sentence names both for themselves (not as a person's nationality or through a person) and one of them
    is a party of its event (talks, a deal, a visit, sanctions, an alliance, an objection: `Mention.party`):
    "Britain was uniquely placed … because of its strong alliance with the US".

    A pair the rules find credible but that the model does not accept is listed besides the primary pair
    only so: two countries that merely stand high in one article are teams of a game ("Ireland face
    France"), a singer's home and an award's, a market's; those are no relation (docs/gold.md), and
    listing them put rugby players' quotes under France–Ireland.

    In a match report (a score in its headline or lead: `PairEvidence.contest`) the countries' event is
    the game, so only a relation phrase lists a pair, as for the primary pair. A country that only
    modifies a thing and is no party of the event ("Former France centre Philippe Sella … beating
    Ireland", "the UK album chart") is not named for itself."""
    if evidence.title_relations[pair] or evidence.body_relations[pair]:
        return True
    if any((a, b) == pair for a, b, _ in evidence.related):
        return True
    if evidence.contest:
        return False
    named: defaultdict[int, set[str]] = defaultdict(set)
    parties: defaultdict[int, set[str]] = defaultdict(set)
    for m in evidence.mentions:
        if m.kind not in PEOPLE_KINDS and (m.party or not m.modifier):
            named[m.sentence].add(m.code)
            if m.party:
                parties[m.sentence].add(m.code)
    return any(set(pair) <= codes and parties[sentence] & set(pair) for sentence, codes in named.items())


def probabilities(evidence: PairEvidence, model: PairModel | None = None) -> list[tuple[Pair, float]]:
    """Each candidate with the model's probability that it is the article's pair (for inspection)."""
    model = model or load_model()
    return [(pair, model.stage.probability(f)) for pair, f in candidate_features(evidence)]
