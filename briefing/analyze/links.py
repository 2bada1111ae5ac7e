"""Which countries one clause relates: the doer and the done-to of one verb.

"Boeing secures Japan order", "Absa is in talks with UK bank Barclays", "Morocco and Syria sign a deal":
the countries (or the firms and people standing for them) on the subject side of a verb and on its object
side, or two countries joined as co-subjects, are related by what the clause reports, however often each
is named elsewhere. Read from the dependency parse alone, so it carries to outlets nobody tuned it on. A
country inside a subordinate clause counts for that clause's verb, not for the one above it.

A country word that describes the setting of the act ("closed down 8% in UK trade") stands on no side
(`salience.describes_the_setting`). Co-subjects
joined by "and" are related only when they do something to each other (`_one_side`): "Morocco and Syria
sign a deal", not "France and Germany vowed to keep below the EU cap" or "Iraq and Afghanistan in WTO
talks", where both stand on one side facing a third, nor "shares in Elan and Biogen plunged", where
nothing happens between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

from briefing.analyze.events import base_polarity
from briefing.analyze.salience import COMPARISON_VERBS, describes_the_setting

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECT = frozenset({"nsubj", "nsubjpass", "agent"})
OBJECT = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "prep", "pobj", "npadvmod"})
CLAUSE = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "csubj", "csubjpass", "pcomp"})
"""Arcs into another clause: what lies below belongs to that clause's verb."""
CONTROLLED = frozenset({"xcomp", "conj"})
"""A verb without a subject of its own takes its head's ("Boeing is to supply Japan Airlines"); so does an
infinitive of purpose (`_infinitive`)."""
REPORTED = frozenset({"ccomp", "conj", "advcl"})
"""A clause whose subject is a pronoun reports on the subject of the clause above it (said, and, after)."""
MAX_CO_SUBJECTS = 3
"""More countries than this as co-subjects are a list, not a relation."""
THIRD_PARTIES = frozenset({"ORG", "GPE", "NORP"})
"""A body or country the co-subjects face; not a person, who is as often one of their own officials."""

Pair = tuple[str, str]


def clause_links(sentence: Span, codes: dict[int, str]) -> set[Pair]:
    """Pairs of countries one verb of the sentence relates (`codes`: token index -> country it stands for)."""
    links: set[Pair] = set()
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
            continue
        if verb.lemma_.lower() in COMPARISON_VERBS:
            continue  # "China to overtake US net use": a measure compared, nothing done between the two
        subjects = _subject_codes(verb, codes)
        objects: set[str] = set()
        for child in verb.children:
            if child.dep_ in OBJECT:
                objects |= _codes_below(child, codes)
        links.update(_pair(a, b) for a in subjects for b in objects if a != b)
        own = {c for child in verb.children if child.dep_ in SUBJECT for c in _codes_below(child, codes)}
        if 2 <= len(own) <= MAX_CO_SUBJECTS and not _one_side(verb, codes):
            links.update(_pair(a, b) for a, b in combinations(sorted(own), 2))
    return links | relation_noun_links(sentence, codes)


RELATION_WORDS = frozenset(
    "relation relationship tie alliance partnership cooperation talk talks dispute deal trade treaty".split()
)
"""Nouns whose owner and 'with'/'between' object are the two sides of one relationship."""
OWNER = frozenset({"poss", "compound", "amod", "nmod"})
PARTNER_PREPOSITIONS = frozenset({"with", "between"})


def relation_noun_links(sentence: Span, codes: dict[int, str], *, joint_partners: bool = True) -> set[Pair]:
    """ "South Korea's relations with the U.S.", "the U.S. alliance with South Korea", "ties between Rabat and
    Damascus": a relation noun relates the countries of its owner (possessor or modifier) and of its 'with' or
    'between' object, as a verb relates its subject and object.

    With no owner, two countries of one 'with' object are related too unless `joint_partners` is off: "talks
    with Russia and Saudi Arabia" (the WTO's, in "Iraq and Afghanistan in WTO talks") are one party's talks
    with each, not the two's with each other; 'between' relates them either way."""
    links: set[Pair] = set()
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in RELATION_WORDS:
            continue
        owners = {c for child in noun.children if child.dep_ in OWNER for c in _codes_below(child, codes)}
        partners: set[str] = set()
        between: set[str] = set()
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in PARTNER_PREPOSITIONS:
                found = {c for obj in prep.children if obj.dep_ == "pobj" for c in _codes_below(obj, codes)}
                partners |= found
                if prep.lower_ == "between":
                    between |= found
        links.update(_pair(a, b) for a in owners for b in partners if a != b)
        joint = partners if joint_partners else between
        if not owners and 2 <= len(joint) <= MAX_CO_SUBJECTS:
            links.update(_pair(a, b) for a, b in combinations(sorted(joint), 2))
    return links


def one_side_pairs(sentence: Span, codes: dict[int, str]) -> set[Pair]:
    """Pairs of countries joined by "and" that a clause names as one side (`_one_side`): co-subjects facing
    a third ("Iraq and Afghanistan in WTO talks") or doing nothing to each other, and co-objects of a third
    party's act ("The WTO is to hold membership talks with both Iraq and Afghanistan", "the EC has called a
    truce in its battle with France and Germany"): both face it, not each other."""
    found: set[Pair] = set()
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
            continue
        own = {c for child in verb.children if child.dep_ in SUBJECT for c in _codes_below(child, codes)}
        if 2 <= len(own) <= MAX_CO_SUBJECTS and _one_side(verb, codes):
            found.update(_pair(a, b) for a, b in combinations(sorted(own), 2))
        if not any(t.ent_type_ in THIRD_PARTIES and t.i not in codes for s in _subjects(verb) for t in s.subtree):
            continue
        for child in verb.children:
            if child.dep_ not in OBJECT:
                continue
            joined = {codes[t.i] for t in child.subtree if t.i in codes and t.dep_ == "conj"}
            if not joined or any(t.lower_ == "between" for t in child.subtree):
                continue
            objects = _codes_below(child, codes)
            if 2 <= len(objects) <= MAX_CO_SUBJECTS:
                found.update(_pair(a, b) for a, b in combinations(sorted(objects), 2))
    return found


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is controlled by ("The WTO is to hold talks")."""
    head = verb
    for _ in range(4):
        subjects = [child for child in head.children if child.dep_ in SUBJECT]
        if subjects or head.dep_ not in CONTROLLED or head.head is head:
            return subjects
        head = head.head
    return []


def _one_side(verb: Token, codes: dict[int, str]) -> bool:
    """Co-subjects joined by "and" stand on one side when their clause reports no event between anyone
    ("shares in Elan and Biogen plunged", "France and Germany will breach the limit") or names a third
    party they face ("Iraq and Afghanistan in WTO talks", "France and Germany vowed to run deficits below
    the EU cap"); "Morocco and Syria signed a trade agreement" and "ties between Morocco and Syria ..."
    relate them."""
    coordinated = [
        t
        for child in verb.children
        if child.dep_ in SUBJECT
        for t in child.subtree
        if t.i in codes and t.dep_ == "conj"
    ]
    if not coordinated or any(t.head.head.lower_ == "between" for t in coordinated):
        return False  # "ties between Morocco and Syria", "a tie-up between Barclays and Wells Fargo"
    clause = _clause(verb)
    if any(t.ent_type_ in THIRD_PARTIES and t.i not in codes for t in clause):
        return True
    return not any(base_polarity(t) is not None for t in clause)


def _clause(verb: Token) -> list[Token]:
    """The verb and what hangs on it, into controlled verbs ("vowed to run ...") but not other clauses."""
    found: list[Token] = []
    stack: list[Token] = [verb]
    while stack:
        t = stack.pop()
        found.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE or c.dep_ == "xcomp")
    return found


def _subject_codes(verb: Token, codes: dict[int, str]) -> set[str]:
    subjects = [child for child in verb.children if child.dep_ in SUBJECT]
    if subjects and all(s.pos_ == "PRON" for s in subjects) and verb.dep_ in REPORTED and verb.head is not verb:
        return _subject_codes(verb.head, codes)  # "Absa said it is in talks with Barclays": "it" is Absa
    if subjects:
        return {c for s in subjects for c in _codes_below(s, codes)}
    head = verb
    for _ in range(4):  # up the chain of controlled verbs to the one with a subject
        controlled = head.dep_ in CONTROLLED or (head.dep_ == "advcl" and _infinitive(head))
        if not controlled or head.head is head:
            return set()
        head = head.head
        if any(child.dep_ in SUBJECT for child in head.children):
            return {c for child in head.children if child.dep_ in SUBJECT for c in _codes_below(child, codes)}
    return set()


def _infinitive(verb: Token) -> bool:
    """ "(offered to send troops) to assist ... in Indonesia": a purpose clause is done by the same subject."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _codes_below(token: Token, codes: dict[int, str]) -> set[str]:
    """Countries in the phrase headed by `token`, not crossing into another clause."""
    found: set[str] = set()
    stack: list[Token] = [token]
    while stack:
        t = stack.pop()
        if t.i in codes and not describes_the_setting(t):
            found.add(codes[t.i])
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE and not (c.dep_ == "conj" and c.pos_ == "VERB"))
    return found


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def token_codes(spans: Iterable[tuple[int, int, str]]) -> dict[int, str]:
    """Token index -> country, from (first token, end token, country) of each mention."""
    return {i: code for start, end, code in spans for i in range(start, end)}
