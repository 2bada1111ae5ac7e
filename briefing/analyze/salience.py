"""How central a mention is to what its sentence reports, read from the dependency parse.

News states its claim as a predicate and its arguments: in "China accuses Japan of provocation" and
"US-China talks end" both countries are arguments (subject, object, or a modifier of one); in "talks
held in Geneva" and "exports grew faster than China's" the country only places or compares the
event. A mention's salience is the product of a factor for each arc on its path up to the sentence
root: arguments and their modifiers keep their weight, a place or a comparison keeps less, a
subordinate clause (relative, adverbial) less again. The factors are about grammar, not words of a
topic, so they carry to outlets nobody tuned them on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analyze.events import COUNTRY_PLACE_PREPOSITIONS, COUNTRY_TOPIC_PREPOSITIONS, GOVERNMENT
from briefing.analyze.events import PLACE_PREPOSITIONS as SETTING_PREPOSITIONS
from briefing.analyze.parsed import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ARGUMENT = frozenset(
    """ROOT nsubj nsubjpass csubj csubjpass dobj dative iobj attr oprd agent compound poss amod nmod appos conj
    npadvmod nummod det case cc quantmod""".split()
)
"""Arcs that keep a mention's weight: core arguments and the modifiers that name or own them."""
CLAUSE_FACTORS = {"ccomp": 0.9, "xcomp": 0.9, "parataxis": 0.8, "pcomp": 0.8, "relcl": 0.6, "acl": 0.6, "advcl": 0.6}
"""Complement clauses (what was said or agreed) stay close to the claim; relative and adverbial ones are asides."""
OTHER_FACTOR = 0.8
COORDINATION = frozenset({"conj", "appos", "cc"})
COMPARISON_PREPOSITIONS = frozenset("than like unlike as".split())
PLACE_FACTOR = 0.5
"""'... signed in Brussels': where it happens, usually not who it happens between. Only when the country
itself is the place: in 'a stake in Indian newspaper Jagran' it names the owner of the object."""
COMPARISON_FACTOR = 0.4
COMPARISON_HEADS = frozenset("similar comparable equivalent identical akin compare relative".split())
"""'a points system similar to Australia's': the preposition's head makes the comparison."""
COMPARISON_VERBS = frozenset("overtake exceed surpass outstrip outpace outnumber outsell outperform".split())
"""'net users in China will exceed the 137 million US users': the verb's object is the measure compared
against, as after "than"; the two are no parties to anything between them."""
TOPIC_FACTOR = 0.6
"""'the UK and US split over Iraq': a country that is what the claim is about is not a party to it."""
PARTNER_FACTOR = 0.9
"""'talks with Iran', 'a row over ...', 'a deal between ...': the other party, slightly below an argument."""
FLOOR = 0.25
ACTOR_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
ACTOR_SALIENCE = 0.8
MAX_DEPTH = 40


def token_salience(token: Token) -> float:
    """Salience of the mention headed by `token` in its sentence, in (0, 1]."""
    path = _path_salience(token)
    if describes_the_setting(token):
        return max(FLOOR, path * PLACE_FACTOR)
    if _marks_an_actor(token):
        return max(path, ACTOR_SALIENCE)
    return path


NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "flat", "poss"})


def describes_the_setting(token: Token) -> bool:
    """The country word describes the noun of a place phrase of the verb ("closed down 8% in UK trade",
    "fell on the London market"): it sets the scene of the act, as a place does, and names no side of it.
    The country itself as the place is another matter ("to build Cadillacs in Sweden"): business news
    reports a firm's act in a country as a relation with it (see `PLACE_FACTOR` for how far)."""
    head = token
    described = False
    while head.dep_ in NAME_MODIFIERS and head.head.i > head.i:
        head = head.head
        described = described or head.pos_ == "NOUN"
    if not described or head.dep_ != "pobj" or head.head.lower_ not in SETTING_PREPOSITIONS:
        return False
    return head.head.head.pos_ in ("VERB", "AUX")


def _marks_an_actor(token: Token) -> bool:
    """ "the Italian car maker", "Spain's Ferrovial": the country marks an actor of the story, however deep
    the clause it stands in. A demonym before a noun, or a country name before a name; not a country
    name before a common noun ("the Iraq war", "China's economic power"), which names a topic."""
    head = token.head
    if token.dep_ not in ACTOR_MODIFIERS or head.i < token.i:
        return False
    if head.pos_ == "PROPN":
        return True
    return head.pos_ == "NOUN" and token.ent_type_ == "NORP"


def _path_salience(token: Token) -> float:
    factor = 1.0
    current = token
    own = True
    """Still on the mention itself or a coordinate of it ("in the US, Canada and Belgium")."""
    for _ in range(MAX_DEPTH):
        dep = current.dep_
        head = current.head
        if dep == "ROOT" or head is current:
            break
        if dep == "pobj":
            prep = head.lower_
            if prep in COUNTRY_PLACE_PREPOSITIONS and own:
                factor *= PLACE_FACTOR
            elif prep in COMPARISON_PREPOSITIONS or head.head.lemma_.lower() in COMPARISON_HEADS:
                factor *= COMPARISON_FACTOR
            elif prep in COUNTRY_TOPIC_PREPOSITIONS and own:
                factor *= TOPIC_FACTOR
            else:
                factor *= PARTNER_FACTOR
        elif dep == "prep":
            pass  # counted at its object
        elif dep == "dobj" and head.lemma_.lower() in COMPARISON_VERBS:
            factor *= COMPARISON_FACTOR
        elif dep in CLAUSE_FACTORS:
            factor *= CLAUSE_FACTORS[dep]
        elif dep not in ARGUMENT:
            factor *= OTHER_FACTOR
        own = own and dep in COORDINATION
        current = head
    return max(FLOOR, factor)


DATELINE_REACH = 60
"""A dateline stands in the first characters of the body."""
_DATELINE = re.compile(r"[^\S\n]*(?:\([^)\n]{1,30}\)\s*)?(?:[—–-]|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\d))")


def is_dateline(text: str, start: int, end: int) -> bool:
    """ "CAIRO — Gunmen opened fire", "WASHINGTON, May 3 (Reuters) -": where it was filed, not its subject."""
    if start > DATELINE_REACH or "\n" in text[:start].strip("\n"):
        return False
    name = text[start:end]
    return name.isupper() and len(name) > 2 and bool(_DATELINE.match(text, end))


def span_salience(doc: Doc, start: int, end: int) -> float:
    """Salience of the mention at character offsets [start, end): 0 for a dateline, 1 when no token aligns."""
    if is_dateline(doc_text(doc), start, end):
        return 0.0  # metadata, not a mention: adding a dateline must not change the pair
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 1.0
    return token_salience(span.root)


SETTING_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def modifies_a_noun(doc: Doc, start: int, end: int) -> bool:
    """The mention at [start, end) modifies a common noun after it ("the UK album chart", "US shares",
    "Russian oil firm"): it describes a thing or sets a market, which does not by itself make a party.

    Not a noun for the state's own bodies or people (`events.GOVERNMENT`): "a withdrawal of UK troops",
    "the British government" name the state acting, as "Britain" does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    head = root.head
    if root.dep_ not in SETTING_MODIFIERS or head.i <= root.i or head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() not in GOVERNMENT and head.lower_ not in GOVERNMENT


ORIGIN_FACTOR = 0.3
"""'Kenyan Susan Chepkemei', "Britain's Jason Gardener": a country right before a person's name gives the
person's nationality, which does not make a relation (docs/gold.md). An office in between ("Russian
President Vladimir Putin", "US envoy John Bolton") makes the person stand for the state, and keeps it."""


def is_persons_origin(doc: Doc, start: int, end: int) -> bool:
    """The mention at [start, end) is the nationality of the person named right after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.tag_ == "POS" and span.end + 1 < len(doc):
        after = doc[span.end + 1]
    return (after.ent_type_ == "PERSON" and after.ent_iob_ == "B") or describes_a_person(span.root)


PERSONAL_PRONOUNS = frozenset({"who", "whom", "whose"})


def describes_a_person(token: Token) -> bool:
    """The country word describes a common noun that the text makes a person: "an ex-Russian intelligence
    officer who risked his life" (a relative clause on "who"), "Oleg Gordievsky, a senior Russian officer"
    (in apposition to a person's name). Their nationality, not the state (docs/gold.md), as before a name."""
    head = token.head
    if token.dep_ not in SETTING_MODIFIERS or head.i <= token.i or head.pos_ != "NOUN":
        return False
    if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return True
    relative_clauses = [c for c in head.children if c.dep_ == "relcl"]
    subjects = [g for c in relative_clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    return any(g.lower_ in PERSONAL_PRONOUNS for g in subjects)


PLURAL_FORMS = frozenset({"VBP"})


def names_a_team(doc: Doc, start: int, end: int) -> bool:
    """The mention at [start, end) is a national side, not the state: a singular country name as the subject
    of a verb in the plural ("Ireland face the French", "England are enduring their worst run", "Ireland
    have won three times"). British English gives a team plural agreement and a state singular ("Russia
    has signed"); a name that is plural in form ("the Netherlands") or one of several subjects ("the US
    and Britain are") says nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ != "nsubj" or root.tag_ != "NNP" or root.text.endswith("s"):
        return False
    if any(c.dep_ in ("conj", "poss", "det", "acl", "amod") for c in root.children):
        return False  # "the US and Britain are", "its UK roaming rates are" (a word the parser took for a name)
    verb = root.head
    if verb.tag_ in PLURAL_FORMS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ in PLURAL_FORMS or c.lower_ == "were") for c in verb.children)
