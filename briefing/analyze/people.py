"""People in an article, their role ("Foreign Minister") and the country they speak for.

Read from the phrases news copy uses: "Moroccan Foreign Minister Nasser Bourita", "Syria's Foreign
Minister, Faisal Mekdad", "Sergey Lavrov, Russian Foreign Minister", "Bourita, Morocco's foreign
minister", "the Minister of Defense of Syria".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from briefing.analyze.dates import WEEKDAYS
from briefing.analyze.events import clause_verb
from briefing.analyze.gazetteer import leader_country, leader_surname_country, lookup
from briefing.analyze.honorifics import (
    HONORIFICS,
    HONOURED_NAME,
    KNIGHTLY,
    LEADING_TITLES,
    PEERAGE,
    PROFESSIONAL,
    SURNAME_ADDRESS,
    alternatives,
    peerage_surname,
)
from briefing.analyze.parsed import doc_text
from briefing.article import Entity, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ROLE_WORDS = re.compile(
    r"\b(minister|president|prime|premier|secretary|spokes(?:man|woman|person)|ambassador|envoy|king|queen|"
    r"prince|sheikh|emir|chancellor|leader|chief|head|commander|general|official|diplomat|counterpart|deputy|"
    r"member|chairman|director|governor|mayor|senator|mp|lawmaker|adviser|advisor|negotiator|foreign|defen[cs]e|"
    r"judge|justice|commissioner|mep)\b",
    re.IGNORECASE,
)


def find_people(doc: Doc, entities: tuple[Entity, ...]) -> tuple[Person, ...]:
    """One Person per individual (surname mentions merged into the full name)."""
    from briefing.analyze.entities import abbreviates  # entities reads statements, which reads this module

    text = doc_text(doc)
    countries = [e for e in entities if e.country]
    people: dict[str, Person] = {}
    knighted: set[str] = set()
    pronouns: dict[str, set[str]] = {}
    """Person -> the pronouns their honorifics imply ("she" for "Mrs Parry")."""
    previous_end = 0
    offices: list[tuple[int, str]] = []
    """(end offset, role) of each named person with an office, for the counterparts that mirror it."""
    previous: tuple[str, int] | None = None
    mirrored_by: dict[str, str] = {}
    """Person -> country of their counterpart ("Mr Straw and his Spanish counterpart Miguel Moratinos")."""
    named_for_themselves: set[str] = set()
    """People with a mention that is not a modifier of a thing (`_names_a_thing`)."""
    long_names = {e.text for e in entities if e.label != "PERSON" and " " in e.text}
    long_names.update(_CAPITALISED_RUN.findall(text))
    organisations = _organisations(doc, [e for e in entities if e.label == "PERSON"])
    for ent in (e for e in entities if e.label == "PERSON"):
        name = _clean_name(ent.text)
        if name in organisations:
            continue  # "Diageo, which is listed on the London Stock Exchange": a firm, not a person
        if not name or (" " not in name and any(abbreviates(name, long) for long in long_names)):
            continue  # "A spokeswoman for Bat", the initials of "British American Tobacco", is no person
        if _adjectives_only(doc, ent):
            continue  # "Ex-Labour leader Neil Kinnock": a modifier of the next name's title, no person
        scope = title_scope(doc, ent.start, ent.end)
        title = mention_title(text, ent.text, ent.start)
        if title in PEERAGE and " " not in name:
            name = f"{title.capitalize()} {name}"  # "Baroness" left out of the tagged name is still her name
        full = match_name(name, list(people), knighted, title, pronouns)
        if title in KNIGHTLY:
            knighted.add(full)
        if HONORIFICS.get(title):
            pronouns.setdefault(full, set()).add(HONORIFICS[title])
        role, country = _role_and_country(text, ent, countries, previous_end, scope)
        role = role or title_in_name(ent.text)
        if role and COUNTERPART.search(role):
            role = _counterpart_office(role, _mirrored_office(offices, ent.start))
            if country and previous and ent.start - previous[1] <= MIRROR_DISTANCE:
                mirrored_by.setdefault(previous[0], country)
        elif role:
            offices.append((ent.end, role))
        if not _in_next_title(doc, ent):
            previous_end = ent.end
        previous = (full, ent.end)
        leader = leader_country(full)
        if leader is None and country is None and role and " " not in full:
            leader = leader_surname_country(full)  # "President Bush"
        if leader and leader != country:
            # World knowledge beats a title phrase that belonged to a neighbouring name.
            role = role if country is None else None
            country = leader
        if not (_names_a_thing(doc, ent) or _modifies_next_title(doc, ent)):
            named_for_themselves.add(full)
        known = people.get(full)
        if known is None:
            people[full] = Person(full, country, role)
        elif (known.country is None and country) or (known.role is None and role):
            people[full] = Person(full, known.country or country, known.role or role)
    for full, other in mirrored_by.items():
        known = people.get(full)
        if known is not None and known.country is None:
            people[full] = Person(full, _other_country(countries, other), known.role)
    # A name only ever written as a modifier of a thing, with no office or country the text gives it ("the
    # Tadamon massacre", "the Polisario separatist Front", "the Assad regime" where no one names Assad
    # himself), introduces no one the reader meets ("the Bush administration" alone neither). Whoever the text
    # gives an office or a country stays: that is what the pair's evidence reads of a person.
    people = {full: p for full, p in people.items() if full in named_for_themselves or p.role is not None or p.country}
    return tuple(_merge_aliases(people, pronouns).values())


FIRM_NOUNS = frozenset(
    """firm company group bank business corporation conglomerate carmaker airline retailer insurer lender
    operator manufacturer maker supermarket chain giant""".split()
)
"""Nouns for a firm: "the company said" is the organisation that acted before (`statements`)."""
BODY_NOUNS = (FIRM_NOUNS - {"business", "maker", "operator", "chain", "giant"}) | frozenset(
    "affiliate subsidiary label studio auditor auditors consultancy agency brand outfit band club".split()
)
"""Nouns for a body of people, which a name right after them or in apposition is the name of ("accountancy firm
Grant Thornton", "New York band Scissor Sisters", "production company, Further Films"); not the firm nouns that
end a person's description too ("film-maker George Lucas", "business trouble-shooter David James", "camera
operator", "chain-smoker", "giant" of a sport)."""


def _organisations(doc: Doc, people: Sequence[Entity]) -> frozenset[str]:
    """Names tagged as people that the article treats as organisations: one the tagger labels an organisation
    at another mention ("Yili"), one a "which" clause describes ("Diageo, which is listed …"), one a noun for a
    body modifies or stands beside in apposition ("investment firm Grant Samuel", "production company, Further
    Films"), one a person is "of" ("Tim Daly of Michael Foods": where they work), and a name without a given
    name whose own clause says "its" of it ("Yili … confirmed its chairman") and which is no word of a fuller
    name. Never one the text gives an honorific ("Mr Yili")."""
    organisation_labels = {e.text for e in doc.ents if e.label_ == "ORG"}
    honoured = {m.group("name") for m in HONOURED_NAME.finditer(doc.text)}
    surnames = {w for e in people if " " in e.text.strip() for w in e.text.split()}
    found: set[str] = set()
    for ent in people:
        name = _clean_name(ent.text)
        if not name or name in found or name.split()[-1] in honoured:
            continue
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        described_by_which = any(
            clause.dep_ == "relcl" and any(c.tag_ == "WDT" and c.lower_ == "which" for c in clause.children)
            for clause in root.rights
        )
        its = (
            root.dep_ == "nsubj"
            and " " not in name
            and name not in surnames  # "Tony Blair … Blair confirmed its plan": "its" is another's
            and any(t.lower_ == "its" and t.dep_ == "poss" and clause_verb(t) == root.head for t in root.head.subtree)
        )
        before = doc[span.start - 1] if span.start else None
        named_as_body = (
            before is not None and before.head == root and before.tag_ == "NN" and before.lower_ in BODY_NOUNS
        ) or (root.dep_ == "appos" and root.head.tag_ == "NN" and root.head.lower_ in BODY_NOUNS)
        # "Tim Daly of Michael Foods": the name of a person right before "of" is where they work.
        affiliation = (
            before is not None
            and before.lower_ == "of"
            and root.head == before
            and span.start >= 3
            and doc[span.start - 2].ent_type_ == "PERSON"
            and doc[span.start - 3].ent_type_ == "PERSON"
            and doc[span.start - 2].ent_iob_ == "I"
        )
        if name in organisation_labels or described_by_which or its or named_as_body or affiliation:
            found.add(name)
    # A "name" opening with an organisation's one word is that organisation's ("Diageo North America").
    found.update(n for n in map(_clean_name, (e.text for e in people)) if n and n.split()[0] in found)
    return frozenset(found)


def _in_next_title(doc: Doc, ent: Entity) -> bool:
    """A tagged name that modifies a title word which modifies the next name ("Lib Dem leader Charles
    Kennedy", "Lib Dem" tagged a person): part of that name's title, not a bound of it."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    while head.i >= span.end and head.dep_ == "compound" and not _title_word(head.text) and head.head.i > head.i:
        head = head.head
    return (
        span.root.dep_ in ("compound", "amod")
        and head.i >= span.end
        and _title_word(head.text)
        and head.dep_ == "compound"
        and head.head.pos_ == "PROPN"
        and head.head.ent_type_ == "PERSON"
    )


def _modifies_next_title(doc: Doc, ent: Entity) -> bool:
    """A tagged name the parse hangs on what follows it, right before a title and the person who holds it
    ("Lib Dem foreign affairs spokesman Menzies Campbell", "William Hill spokesman Rupert Adams"): the name of
    a party, a firm or a work that the title belongs to, not of someone the sentence is about."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in _MODIFIER or span.root.head.i < span.end:
        return False
    title = doc[span.end : span.end + _TITLE_WORDS_BEFORE_NAME]
    for k, token in enumerate(title):
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            return k > 0 and _title_word(title[k - 1].text)
        if not token.is_alpha or token.pos_ in ("VERB", "AUX", "CCONJ", "ADP", "DET", "PRON"):
            return False
    return False


_TITLE_WORDS_BEFORE_NAME = 5
"""Words of a title between a name that modifies it and the name that holds it ("foreign affairs spokesman")."""


def _names_a_thing(doc: Doc, ent: Entity) -> bool:
    """A one-word name the parse makes a modifier of a word after it, outside the name: the name of a thing
    (a regime, a massacre, a front, an administration), not of someone the sentence is about."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.i > span.end - 1


def _adjectives_only(doc: Doc, ent: Entity) -> bool:
    """A "name" the parse reads as adjectives only: a person's name is a noun."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    return span is not None and all(t.pos_ in ("ADJ", "PUNCT") for t in span) and any(t.pos_ == "ADJ" for t in span)


def peer_full_name(peer: str, known: Sequence[str], pronouns: Mapping[str, Collection[str]]) -> str:
    """The one full name of the article ending in a peer's surname ("Susan Greenfield" for "Baroness
    Greenfield"), never one whose honorifics give the other pronoun, else "": the peer is then named with the
    title ("Baroness Scotland"), the surname alone being no name to read."""
    surname = peerage_surname(peer)
    pronoun = HONORIFICS[peer.split()[0].lower()]
    found = [
        full
        for full in known
        if len(full.split()) > 1
        and full.split()[-1] == surname
        and not peerage_surname(full)
        and set(pronouns.get(full, ())) <= {pronoun}
    ]
    return found[0] if len(found) == 1 else ""


def _merge_aliases(people: dict[str, Person], pronouns: Mapping[str, Collection[str]]) -> dict[str, Person]:
    """A one-word name that is a word of exactly one fuller name in the article is that person, even when the
    full name comes later ("her mother, Fiona, said" … "Fiona Parry issued a plea"); a word two full names
    share ("Parry" of Eloise and Fiona Parry) stays apart. So is a peer of that full name's surname
    (`peer_full_name`), first, so that the surname alone then has one fuller name less."""
    merged = dict(people)
    peers = [name for name in people if peerage_surname(name)]
    for name in [*peers, *(name for name in people if " " not in name)]:
        person = merged[name]
        if name in peers:
            fuller = [full] if (full := peer_full_name(name, [n for n in merged if n != name], pronouns)) else []
        else:
            fuller = [full for full in merged if " " in full and name in full.split()]
        if len(fuller) != 1:
            continue
        target = merged[fuller[0]]
        merged[fuller[0]] = Person(target.name, target.country or person.country, target.role or person.role)
        del merged[name]
    return merged


def _other_country(countries: Sequence[Entity], counterpart: str) -> str | None:
    """The country of someone whose counterpart is of `counterpart`: the one other country the article names
    most, when one leads (a counterpart is by definition of another state than the person mirrored)."""
    counts: dict[str, int] = {}
    for e in countries:
        if e.country and e.country != counterpart:
            counts[e.country] = counts.get(e.country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=lambda code: counts[code])


_CAPITALISED_RUN = re.compile(r"[A-Z][\w&-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&-]*)+")
"""Capitalised words in a row: the names one-word initials may stand for."""
COUNTERPART = re.compile(r"\bcounterparts?\b", re.IGNORECASE)
MIRROR_DISTANCE = 400
"""Characters back to the person a counterpart mirrors ("Bourita met his Russian counterpart Lavrov")."""


def _mirrored_office(offices: list[tuple[int, str]], at: int) -> str | None:
    """A counterpart holds the office of the person they meet: the last one named before, with an office."""
    for end, role in reversed(offices):
        if end <= at:
            return _office_core(role) if at - end <= MIRROR_DISTANCE else None
    return None


def _counterpart_office(counterpart: str, mirrored: str | None) -> str | None:
    """The office a counterpart holds: the mirrored one, in the counterpart's own organisation when the
    title names one ("his LSE counterpart" of the "Euronext chief" is the LSE chief, not Euronext's)."""
    before = counterpart[: COUNTERPART.search(counterpart).start()]  # type: ignore[union-attr]
    own = [w for w in before.split() if w[:1].isupper() and not ROLE_WORDS.fullmatch(w)]
    if mirrored is None or not own:
        return mirrored
    words = mirrored.split()
    k = 0
    while k < len(words) - 1 and words[k][:1].isupper() and not ROLE_WORDS.fullmatch(words[k]):
        k += 1  # the mirrored person's organisation ("Euronext")
    return " ".join([*own, *words[k:]])


_FIRST_PORTFOLIO = re.compile(r"^.*?\bof\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?")


def _office_core(role: str) -> str:
    """The office without the portfolios only its holder's government has: a counterpart of Morocco's
    "Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates" is a Minister of Foreign
    Affairs, not a minister of Moroccan expatriates."""
    m = _FIRST_PORTFOLIO.match(role)
    return m.group(0) if m else role


_OCCUPATION_WORDS = (
    "lawyer attorney barrister solicitor judge justice economist analyst author campaigner activist director "
    "chairman chairwoman chief minister president senator mp mep father"
).split()
OCCUPATIONS = re.compile(
    rf"^(?:(?:{alternatives([*_OCCUPATION_WORDS, *PROFESSIONAL])})\.?\s+)+",
    re.IGNORECASE,
)
"""The occupations a tagged name opens with ("Lawyer Louise Christian", "economist Prof Etzioni")."""


def _occupation_and_name(text: str) -> tuple[str, str]:
    """A tagged name split into the occupations it opens with and the name, when a full name follows them
    ("Lawyer Louise Christian": "Lawyer", "Louise Christian"); else no occupation and the whole."""
    name = LEADING_TITLES.sub("", text.strip())
    m = OCCUPATIONS.match(name)
    if m is None or " " not in name[m.end() :].strip():
        return "", name
    return m.group().strip(), name[m.end() :]


def title_in_name(text: str) -> str | None:
    """The office a tagged name opens with ("MEP Nigel Farage": "MEP"): the tagger took the title into the
    name, where the text before the name holds none. An occupation that is no office ("Lawyer") is none."""
    occupation, _ = _occupation_and_name(text)
    return occupation if ROLE_WORDS.search(occupation) else None


def _clean_name(text: str) -> str:
    _, name = _occupation_and_name(text)  # "Lawyer Louise Christian" -> "Louise Christian"
    name = re.sub(r"['’]s$", "", name).strip(" ,.")
    return name if any(ch.isupper() for ch in name[:1]) else ""


_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


def title_before(text: str, start: int) -> str:
    """The honorific right before a name starting at `start` ("mr" for "Mr Blair"), lower-case, or ""."""
    m = _TITLE_BEFORE.search(text[max(0, start - 12) : start])
    return m.group(1).lower() if m else ""


def mention_title(text: str, mention: str, start: int) -> str:
    """The honorific of a mention: inside the tagged name ("Sir Ian Blair") or right before it."""
    first = mention.split()[0].strip(".").lower() if mention.split() else ""
    if first in HONORIFICS:
        return first
    return title_before(text, start)


def match_name(
    name: str,
    known: Sequence[str],
    knighted: Collection[str] = (),
    title: str = "",
    pronouns: Mapping[str, Collection[str]] = MappingProxyType({}),
) -> str:
    """The full name a mention stands for: "Bourita" after "Nasser Bourita" is the same person.

    When several known people share the word (Sir Ian Blair and Tony Blair in one article), the honorific
    decides: "Mr Blair" is not the knight, who is "Sir Ian"; "Sir Ian" is the one whose first name is Ian.
    Otherwise the first one named, as before. A peer ("Baroness Greenfield") is a full name only as
    `peer_full_name` says.
    """
    if name in known:
        return name
    words = name.split()
    if not words:
        return name
    if peerage_surname(name):
        return peer_full_name(name, known, pronouns) or name
    if len(words) > 1:
        return name
    found = [full for full in known if full.split()[-1] == name or name in full.split()]
    if len(found) > 1 and title in SURNAME_ADDRESS:
        found = [full for full in found if full not in knighted] or found
    if len(found) > 1 and title in KNIGHTLY:
        found = [full for full in found if full.split()[0] == name] or found
    return found[0] if found else name


_OFFICE_WORDS = "ministry|affairs|state|office|department|government|interior|trade|economy|finance|national|security"
"""Words inside a title ("foreign ministry spokesman") that are not titles themselves."""
_PORTFOLIO = rf"[a-z][\w-]*(?=\s+(?:{ROLE_WORDS.pattern[3:-3]})\b)"
"""A lower-case word right before a title word is its portfolio ("India's petroleum minister", "US bankruptcy
judge"), part of the title phrase."""
_ROLE_WORD = (
    rf"(?:[A-Z][\w’'.-]*|of|for|and|the|his|her|their|its|{_OFFICE_WORDS}|{ROLE_WORDS.pattern[3:-3]}|{_PORTFOLIO})"
)
_ROLE_RUN = re.compile(rf"((?:{_ROLE_WORD}|[’']s)(?:[\s,]+{_ROLE_WORD}|[’']s)*[\s,]*)$")
"""A run of title-like words ending the text ("Moroccan Foreign Minister "). Words are separated by
spaces or commas, or joined by a possessive: the pattern before this let words touch, so a capitalised
word could be cut into words in exponentially many ways, and a line of capitals that did not reach the
end took 37 s to fail."""
_APPOSITION_START = re.compile(
    r"(?:the|a|an|his|her|their|its|who\s+is|[A-Z]|" + ROLE_WORDS.pattern[3:-3] + r")", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class TitleScope:
    """What the parse says of the words around a name: where the noun phrase holding it starts (a title
    before the name lies inside it: "Kate Bush" in "songs by Will Young, Queen, Kate Bush" has none), which
    words after it are in apposition to it, and which words form one noun group with a title word."""

    phrase_start: int
    """Offset where the name's noun phrase starts (the name's own start when nothing precedes it in it)."""
    appositions: tuple[tuple[int, int], ...]
    """(start, end) offsets of the words in apposition to the name ("Tim Renner, the head of …")."""
    group: frozenset[int]
    """Start offsets of words that modify a noun after them or are modified by one before ("shadow foreign
    secretary", "chief executive", "managing director"), so a lower-case word there belongs to the title."""
    modifies: Mapping[int, int]
    """Start offset of each such modifier -> start offset of the word it modifies."""
    sentence_starts: frozenset[int]
    """Start offsets of the words that open a sentence, capitalised whatever they are."""
    plural: frozenset[int]
    """Start offsets of plural nouns: a phrase ending in one names a group, not an office ("one of Scotland's
    premier whisky firms")."""
    function: frozenset[int]
    """Start offsets of determiners, numbers and possessors ("One fiction judge"): never a title's words."""
    entity_start: Mapping[int, tuple[int, str]]
    """Start offset of each word of a multi-word name -> (the name's start, its text): "New York" is one word
    of a title ("New York Senator"), never cut."""
    coordinating: frozenset[int] = frozenset()
    """Start offsets of an "and" between two capitalised words the parse coordinates and tags as no names:
    one office's name ("Work and Pensions Secretary")."""
    shared_title: tuple[int, int, int, int] | None = None
    """(start, end) offsets of a plural title a coordination of names shares ("Foreign Ministers Nasser Bourita
    and Asaad Al-Shibani"), with this name's place in the coordination and how many names it holds."""


_MODIFIER = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
_FUNCTION = frozenset({"det", "predet", "nummod", "poss", "case"})
_WHEN = frozenset({"DATE", "TIME"})
_PLACES = frozenset({"GPE", "LOC"})
_NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def title_scope(doc: Doc, start: int, end: int) -> TitleScope | None:
    """The parse around the name at [start, end); None when the name is no span of the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    top = root
    # A name in apposition to a title before it ("Syria's Foreign Minister, Faisal Mekdad") is in its phrase,
    # and so is the noun whose "of" phrase the parse hung it from ("The leader of Ennahda, Rachid Ghannouchi").
    while True:
        if top.dep_ == "compound" and top.head.i == span.end:
            top = top.head  # "Former welfare minister Frank Field MP": the title hangs from "MP"
        elif top.dep_ == "appos" and top.head.i < span.start:
            top = top.head
            if top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
                top = top.head.head
        elif top.dep_ == "conj" and _closed_list_before(top, span.start):
            # "The Minister of Foreign Affairs, African Cooperation, and Moroccan Expatriates, Nasser Bourita":
            # after "and …" a list is over, so a name after it is in apposition to the whole, not one more item.
            while top.dep_ == "conj":
                top = top.head
        else:
            break
    left = _phrase_left(doc, min(top.left_edge.i, span.start), span.start)
    # In apposition: "Tim Renner, the head of …"; or said of the name by "who is": "Damien Hockney, who is now
    # Veritas' deputy leader".
    described = [a for a in root.rights if a.dep_ == "appos" and not _lists_names(a)]
    # A title the parse coordinates with the name ("between Sheikh Saud …, Deputy Prime Minister and Minister of
    # State …, and Maj. …"): a title word heading it, no name.
    described += [
        c for c in root.rights if c.dep_ == "conj" and c.ent_type_ != "PERSON" and ROLE_WORDS.fullmatch(c.text)
    ]
    holders = [root, root.head] if root.dep_ == "appos" else [root]  # the clause may hang from what it renames
    described += [
        attr
        for holder in holders
        for clause in holder.rights
        if clause.dep_ == "relcl"
        and clause.i > root.i
        and clause.lemma_ == "be"
        and any(c.lower_ == "who" for c in clause.lefts)
        for attr in clause.rights
        if attr.dep_ == "attr"
    ]
    appositions = tuple((a.left_edge.idx, a.right_edge.idx + len(a.right_edge)) for a in described)
    group: set[int] = set()
    modifies: dict[int, int] = {}
    sent = span.sent
    for t in sent:
        # A modifier of a noun after it ("home affairs spokesman"), not an adverb or a past participle ("newly
        # re-elected President"), which describe, not name, an office.
        if t.dep_ in _MODIFIER and t.head.i > t.i and _words_to(t) <= 4 and t.dep_ != "advmod" and t.tag_ != "VBN":
            group.add(t.idx)
            group.add(t.head.idx)
            modifies[t.idx] = t.head.idx
    entity_start: dict[int, tuple[int, str]] = {}
    for e in sent.ents:
        # Not "The" of "The Scottish Conservative Party", nor a sentence's capitalised "New" before an organisation
        # ("New Home Secretary Charles Clarke", tagged "New Home"); a place keeps it ("New York Senator").
        words = [
            t
            for t in e
            if not (
                t.i == e.start
                and (t.dep_ == "det" or (t.is_sent_start and _DETERMINER.fullmatch(t.text) and e.label_ not in _PLACES))
            )
        ]
        while (
            e.label_ in _PLACES
            and words
            and words[0].i > sent.start
            and doc[words[0].i - 1].dep_ == "compound"
            and doc[words[0].i - 1].head.i in range(e.start, e.end)
            and doc[words[0].i - 1].pos_ == "PROPN"
            and doc[words[0].i - 1].text[:1].isupper()
            and not doc[words[0].i - 1].is_sent_start
        ):
            words.insert(0, doc[words[0].i - 1])  # "Northern Ireland minister", the tagger's place being "Ireland"
        if len(words) > 1 and e.label_ in _NAME_LABELS:
            name = (words[0].idx, doc.text[words[0].idx : e.end_char])
            entity_start.update((t.idx, name) for t in words)
    coordinating = frozenset(
        t.idx
        for t in sent
        if t.dep_ == "cc"
        and t.head.i == t.i - 1
        and t.i + 1 < sent.end
        and t.head.text[:1].isupper()
        and doc[t.i + 1].text[:1].isupper()
        and not (t.head.ent_type_ or doc[t.i + 1].ent_type_)  # "in Cardiff and Northern Ireland": two names
        and any(c.dep_ == "conj" and c.i > t.i for c in t.head.children)
    )
    # Articles, numbers, possessors, and dates ("In October Tory leader Michael Howard"): never a title's words.
    function = frozenset(
        t.idx for t in sent if t.dep_ in _FUNCTION or t.pos_ in ("DET", "NUM", "PRON") or t.ent_type_ in _WHEN
    )
    starts = frozenset(t.idx for t in sent if t.is_sent_start)
    plural = frozenset(t.idx for t in sent if t.tag_ in ("NNS", "NNPS"))
    return TitleScope(
        doc[left].idx,
        appositions,
        frozenset(group),
        modifies,
        starts,
        plural,
        function,
        entity_start,
        coordinating,
        _shared_title(doc, span.start, root),
    )


def _shared_title(doc: Doc, name_start: int, root: Token) -> tuple[int, int, int, int] | None:
    """A plural title word before a coordination of names holding this one ("the two countries' Foreign
    Ministers Nasser Bourita and Asaad Al-Shibani", "Presidents X and Y"): each name holds one of the offices.
    A later name with title words of its own ("… and Defence Minister Y") does not share it."""
    first = root
    while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i < first.i:
        first = first.head
    names = [first]
    for item in names:
        names.extend(c for c in item.children if c.dep_ == "conj" and c.pos_ == "PROPN")
    if len(names) < 2:
        return None
    if first is not root and root.left_edge.i < name_start:
        return None
    # The plural title: a word before the first name in its phrase, or what that name is in apposition to.
    lefts = [t for t in doc[first.left_edge.i : first.i] if t.i < (name_start if first is root else first.i)]
    title = next((t for t in reversed(lefts) if _plural_title(t.text)), None)
    if title is None and first.dep_ == "appos" and first.head.i < first.i and _plural_title(first.head.text):
        title = first.head
    if title is None:
        return None
    start = _phrase_left(doc, title.left_edge.i, title.i + 1)
    order = sorted(t.i for t in names)
    return doc[start].idx, title.idx + len(title.text), order.index(root.i), len(order)


def _singular(word: str) -> str | None:
    """The one office a plural title word names ("Ministers" -> "Minister", "secretaries", "spokesmen"), or
    None when the word is no plural of a title."""
    for plural, single in (("ies", "y"), ("men", "man"), ("s", "")):
        if word.lower().endswith(plural):
            stem = word[: len(word) - len(plural)] + single
            if _title_word(stem) and not _title_word(word):
                return stem
    return None


def _plural_title(word: str) -> bool:
    return _singular(word) is not None


def _phrase_left(doc: Doc, left: int, name_start: int) -> int:
    """Where a title phrase starting at token `left` (by the parse) really starts before a name at token
    `name_start`: capitalised words and modifiers running into it are part of it, a full stop ends it."""
    sent_start = doc[name_start].sent.start
    # Capitalised words running into the phrase are one title whatever the parse says ("US Treasury Under
    # Secretary John Taylor", "Under" parsed as a preposition).
    while left > sent_start:
        before = doc[left - 1]
        if before.text == "-" and not before.whitespace_ and left - 2 >= sent_start:
            left -= 2  # "Ex-Labour minister Frank Field": a hyphen joins the word before to the title
            continue
        if not (before.whitespace_ and before.is_alpha):
            break
        capitalised = before.text[:1].isupper() and not before.is_sent_start
        if not (capitalised or (before.dep_ in _MODIFIER and left <= before.head.i < name_start)):
            break  # also "deputy" of "hosted by deputy PM John Prescott", two objects of "by" to the parse
        left -= 1
    # A full stop the parse did not end the sentence at ("… at a cost of £50m. Chief executive John Beaumont").
    for t in doc[left : name_start - 1]:
        if len(t.text) > 1 and t.text.endswith(".") and doc[t.i + 1].text[:1].isupper():
            left = t.i + 1
    return left


def _words_to(modifier: Token) -> int:
    """How many words on a modifier's head is, a name it heads counting as one ("chief executive Jean-Pierre
    Garnier": the name's hyphen and parts are no words between)."""
    head, doc = modifier.head, modifier.doc
    start = head.i
    if head.ent_type_:
        while start - 1 > modifier.i and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == head.ent_type_:
            start -= 1
    return start - modifier.i + (1 if start < head.i else 0)


def _closed_list_before(conj: Token, name_start: int) -> bool:
    """The items the parse coordinates with a name end with "and …" before it: a closed list."""
    first = conj
    while first.dep_ == "conj":
        first = first.head
    items = [first]
    for item in items:
        items.extend(c for c in item.children if c.dep_ == "conj" and c.i < name_start)
    before = [t for t in items if t.i < name_start and t is not conj]
    if not before:
        return False
    last = max(t.i for t in before)
    return any(c.dep_ == "cc" and c.i < last for t in before for c in t.children)


def _lists_names(appos: Token) -> bool:
    """An "apposition" that is a bare word going on with a list of names is one more name ("Will Young, Queen,
    Kate Bush and Joy Division"); a title has words of its own ("the BBC's head of development, new media and
    sports news")."""
    kinds = {c.dep_ for c in appos.children}
    return "conj" in kinds and kinds <= {"conj", "cc", "punct"}


def _role_and_country(
    text: str, ent: Entity, countries: list[Entity], previous_end: int, scope: TitleScope | None = None
) -> tuple[str | None, str | None]:
    if scope and scope.shared_title and scope.shared_title[1] <= ent.start:
        return _shared_role(text, countries, scope, scope.shared_title)
    # The title phrase right before the name, inside its noun phrase: "Moroccan Foreign Minister Nasser Bourita".
    window_start = max(0, ent.start - 120, previous_end, scope.phrase_start if scope else 0)
    # The parse bounds the phrase ("former US president Bill Clinton"); without it, a run of title-like words.
    m = (
        re.match(r"((?s:.)*)$", text[window_start : ent.start])
        if scope
        else _ROLE_RUN.search(text[window_start : ent.start])
    )
    # "a spokesman for Michael Howard", "the lawyers of Baha Mousa": the title is someone else's, who works
    # for the person named.
    # "the annual Governor's Ball": a possessive right before the name is its owner, not its title.
    if (
        m
        and ROLE_WORDS.search(m.group(1))
        and not re.search(r"\b(?:for|of)\s*$", m.group(1))
        and not re.search(r"[’']s\s*$", m.group(1))
    ):
        start = window_start + m.start(1)
        role = _role_text(m.group(1), start, scope)
        country = _country_in(countries, start, ent.start, text)
        if role or country:
            return role, country
    # After the name, as an apposition: "Sergey Lavrov, Russian Foreign Minister,".
    after = text[ent.end : ent.end + 120]
    m = re.match(r"\s*,\s*([^,.;:“”\"()]{3,100})", after)
    if (
        m
        # The parse says what is in apposition ("Nick Donofrio, senior vice-president of …"); without it, how
        # the phrase starts.
        and (
            _in_apposition(scope, ent.end + m.start(1), ent.end + m.end(1))
            if scope
            else _APPOSITION_START.match(m.group(1))
        )
        and ROLE_WORDS.search(m.group(1))
        and (
            # A verb after the comma is the sentence going on ("a lawyer for Yukos, told Judge Clark"), no title.
            not re.match(r"(?:the|a|an)?\s*(?:[a-z]+(?:ed|s)|said|told|wrote|spoke|gave|took|met|went)\b", m.group(1))
            or re.match(r"(?:his|her|its)\b", m.group(1))
            or ROLE_WORDS.match(m.group(1))
        )
    ):
        role = _role_text(m.group(1), ent.end + m.start(1), scope)
        country = _country_in(countries, ent.end + m.start(1), ent.end + m.end(1), text)
        return role, country
    return None, None


def with_nationalities(doc: Doc, entities: Sequence[Entity], people: Sequence[Person]) -> tuple[Person, ...]:
    """The people with the country the text gives none of them, where a description right before a mention
    states their nationality (`_nationality_before`) and no mention states another. Apart from `find_people`
    because a nationality is who a person is, not whom they speak for: the pair's evidence reads a person as
    their country only where an office or a title makes them its (docs/gold.md), the brief shows both."""
    countries = [e for e in entities if e.country]
    names = [p.name for p in people]
    found: dict[str, set[str]] = {}
    for ent in entities:
        if ent.label != "PERSON" or not (name := _clean_name(ent.text)):
            continue
        code = _nationality_before(doc, ent, countries)
        if code is not None:
            found.setdefault(match_name(name, names), set()).add(code)
    return tuple(
        replace(p, country=next(iter(found[p.name]))) if p.country is None and len(found.get(p.name, ())) == 1 else p
        for p in people
    )


def _nationality_before(doc: Doc, ent: Entity, countries: Sequence[Entity]) -> str | None:
    """The country of a people's or country's name that opens a description right before the name, one noun
    group with it ("British actress Antonia Bernath", "US Attorney David Kelley", "Kenyan runner Paul Tergat"):
    what the text says of the person, title or none. Not a country word inside another name ("Australian Open
    champion Marat Safin": the word after it is a capitalised word that does not end the description), nor one
    after a preposition, a verb or a possessive ("a spokesman for …", "Kenya's Paul Tergat", a runner of
    Kenya's team or from it)."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return None
    i = span.start
    sent_start = span.sent.start
    described: list[Token] = []
    while i > sent_start and len(described) < _DESCRIPTION_WORDS:
        token = doc[i - 1]
        if token.dep_ not in _MODIFIER or token.head.i < token.i:
            break
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        described.append(token)
        i -= 1
    last = described[0] if described else None
    if last is None or not (last.pos_ == "NOUN" or (last.pos_ == "PROPN" and not last.ent_type_)):
        return None  # the word before the name describes it: a noun, not another name's last word
    start, end = described[-1].idx, described[0].idx
    inside = [c for c in countries if start <= c.start and c.end <= end]
    named = doc.char_span(inside[-1].start, inside[-1].end, alignment_mode="expand") if inside else None
    term = lookup(inside[-1].text) if inside else None
    if named is None or named.end >= span.start or term is None or term.kind not in _NATIONALITY:
        return None  # a capital or an institution names a club, a firm or an office ("Real Madrid midfielder")
    before, after = doc[named.start - 1] if named.start else None, doc[named.end]
    if before is not None and (
        (before.text == "-" and not before.whitespace_)
        or (before.text[:1].isupper() and (before.ent_type_ or not before.is_sent_start))
    ):
        return None  # a word of a longer name or compound: "London Irish coach", "pro-Iraq war", "Anglo-Dutch"
    return inside[-1].country if after.text[:1].islower() or after.i == span.start - 1 else None


_NATIONALITY = frozenset({"demonym", "name"})
"""A people's or a country's own name: what says a person's country ("British actress", "US Attorney")."""


_DESCRIPTION_WORDS = 5
"""Words a description before a name holds ("former Kenyan world marathon champion")."""


def _shared_role(
    text: str, countries: list[Entity], scope: TitleScope, shared: tuple[int, int, int, int]
) -> tuple[str | None, str | None]:
    """The one office of a plural title each of a coordination of names holds ("Foreign Ministers A and B":
    each a "Foreign Minister"); its country when the title names one, or one per name in their order
    ("the Moroccan and Syrian Foreign Ministers A and B", or "the two countries' Foreign Ministers A and B"
    after a sentence naming exactly two)."""
    start, end, place, count = shared
    phrase = text[start:end]
    last = _TITLE_TOKEN_END.search(phrase)
    single = _singular(last.group(0)) if last else None
    if last is None or single is None:
        return None, None
    role = _role_text(phrase[: last.start()] + single, start, replace(scope, plural=frozenset()))
    named = [c for c in countries if start <= c.start and c.end <= end and not _in_compound_name(text, c)]
    codes = {c.country for c in named}
    country = named[0].country if len(codes) == 1 else (named[place].country if len(named) == count else None)
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    if not named and count == 2 and _BOTH_COUNTRIES.search(text[sentence_start:start]):
        # "between Morocco and Syria … the two countries' Foreign Ministers Nasser Bourita and Asaad Al-Shibani":
        # the two countries the sentence named before the title, one per name in their order.
        before = list(dict.fromkeys(c.country for c in countries if sentence_start <= c.start and c.end <= start))
        country = before[place] if len(before) == 2 else None
    return role, country


_BOTH_COUNTRIES = re.compile(r"\b(?:two|both)\s+(?:countries|nations|states)[’']s?\s*$", re.IGNORECASE)
"""A plural title's owners named as "the two countries'": the two the sentence has just named."""


_TITLE_TOKEN_END = re.compile(r"[A-Za-z][\w-]*$")


def _in_apposition(scope: TitleScope, start: int, end: int) -> bool:
    """The phrase after the comma is one the parse sets in apposition to the name, not the next item of a
    list ("novelists Hari Kunzru and Ali Smith, director Sir Richard Eyre") or the sentence going on."""
    return any(a_start < end and start < a_end for a_start, a_end in scope.appositions)


_TITLE_BREAK = re.compile(rf"(?:{alternatives(HONORIFICS)})\.?", re.IGNORECASE)
"""Honorifics inside a title phrase start a person's name: what follows one belongs to the next title
("Home Office Minister Lord Falconer and Downing Street adviser Baroness Morgan")."""
_DETERMINER = re.compile(
    r"the|a|an|his|her|its|their|our|this|that|since|when|while|after|before|as|if|but|and|or|although|because|"
    r"then|meanwhile|earlier|later|now|also|yet|so|on|in|at|by|for|with|from|to|during|new|however|"
    + "|".join(WEEKDAYS),
    re.IGNORECASE,
)
"""Function words and sentence adverbs, capitalised only as a sentence's first word ("Since King Mohammed VI
…", "However, Labour MP George Foulkes"), "New", and the days of the week ("On Tuesday, President Putin"),
which say when, not what: never part of a title."""
_TITLE_TOKEN = re.compile(r"([A-Za-z][\w.-]*)([’']s\b)?")
_PUNCTUATED = re.compile(r"[,;:]")
"""A comma, semicolon or colon ends the capitalised words that run into a title; brackets do not ("World
Anti-Doping Agency (Wada) chief")."""


def _qualifier(
    word: tuple[str, bool, int], modified: Mapping[int, int], function: frozenset[int], sentence_starts: frozenset[int]
) -> bool:
    """A lower-case modifier of the title ("former", "shadow", "deputy"), capitalised only as a sentence's first
    word ("Former Northern Ireland minister Sir Nicholas Scott"); no article or number."""
    text, owner, at = word
    return (
        (text[:1].islower() or at in sentence_starts)
        and not owner
        and modified.get(at, -1) > at
        and at not in function
        and not _DETERMINER.fullmatch(text)
    )


def _title_word(word: str) -> bool:
    """A title word, also as the last part of a hyphenated one ("vice-president", "co-chairman")."""
    return bool(ROLE_WORDS.fullmatch(word.rsplit("-", 1)[-1]))


def _role_text(phrase: str, at: int = 0, scope: TitleScope | None = None) -> str | None:
    """The title words of a phrase, without country names, owners, honorifics and articles.

    The last title of the phrase is the person's (an earlier one belongs to a name the phrase also holds);
    capitalised words right before the first title word are part of it ("Home Secretary", "Attorney
    General"), unless they name a country ("US Treasury Secretary" is a "Treasury Secretary") or open a
    sentence ("… Attorney General. Earlier Conservative MP": any sentence's first word is capitalised).
    With the parse (`scope`, the phrase starting at offset `at`), lower-case words in one noun group with
    the title word are part of it too ("shadow foreign secretary", "managing director", "chief executive"),
    and a multi-word place name is kept whole ("New York Senator")."""
    group = scope.group if scope else frozenset()
    modified = scope.modifies if scope else {}
    starts = scope.sentence_starts if scope else frozenset()
    function = scope.function if scope else frozenset()
    names = scope.entity_start if scope else {}
    coordinating = scope.coordinating if scope else frozenset()
    segments: list[tuple[list[tuple[str, bool, int]], bool]] = [([], False)]
    for m in _TITLE_TOKEN.finditer(phrase):
        word, owner = m.group(1), bool(m.group(2))
        if _TITLE_BREAK.fullmatch(word):
            segments.append(([], False))
        elif word.endswith(".") and len(word.rstrip(".")) > 3:
            segments.append(([], True))
        else:
            segments[-1][0].append((word, owner, at + m.start(1)))
    segment, opens_sentence = next(
        ((seg, opens) for seg, opens in reversed(segments) if any(_title_word(w) for w, _, _ in seg)),
        ([], False),
    )
    first = 1 if opens_sentence else 0

    picked: list[str] = []
    for k, (word, owner, offset) in enumerate(segment):
        inside = picked and (
            word[:1].isupper()
            or word in ("of", "for", "and")
            or re.fullmatch(_OFFICE_WORDS, word)
            or (offset in group and segment[k - 1][2] in group and picked[-1] not in ("of", "for", "and"))
        )
        if _title_word(word) or inside:
            if picked and "of" in picked and (owner or (picked[-1] == "of" and lookup(word))):
                # "member of Germany's central bank", "Minister of Foreign Affairs of Morocco": an owner or a
                # country after "of" is whose office it is, not the office.
                picked = picked[: len(picked) - picked[::-1].index("of") - 1]
                break
            if not picked:
                before = k
                dropped: set[int] = set()
                while before > first and not segment[before - 1][1]:
                    prev, _, prev_at = segment[before - 1]
                    if _PUNCTUATED.search(phrase[prev_at - at + len(prev) : segment[before][2] - at]):
                        break  # "a backward view of Islam, President Musharraf": a comma ends the words before
                    name = names.get(prev_at)
                    name_start = before - 1  # a word of a multi-word name stands with the whole name
                    while name is not None and name_start > first and names.get(segment[name_start - 1][2]) == name:
                        name_start -= 1
                    term = lookup(name[1] if name else prev)
                    if term is not None and (name is None or term.kind != "institution"):
                        # A country is whose office it is ("US Treasury Secretary", "New Zealand Foreign
                        # Minister"); a qualifier before it is still the office's ("former US president").
                        if name_start > first and _qualifier(segment[name_start - 1], modified, function, starts):
                            dropped.update(range(name_start, before))
                            before = name_start
                            continue
                        break
                    if name is not None and segment[name_start][2] != name[0]:
                        break  # only part of the name is a word here ("ex-Downing Street media chief")
                    if name is None and prev_at in coordinating and before - 1 > first:
                        before -= 1  # "Work and Pensions Secretary"
                        continue
                    if name is None and (
                        not (prev[:1].isupper() or prev_at in modified)
                        or prev_at in function
                        or _DETERMINER.fullmatch(prev)
                    ):
                        break
                    before = name_start
                picked.extend(w for j, (w, _, _) in enumerate(segment[before:k], start=before) if j not in dropped)
            picked.append(word)
            if owner:
                break
        elif picked:
            break
    while picked and picked[-1] in ("of", "for", "and"):
        picked.pop()
    if scope and picked and "of" not in picked and _ends_plural(segment, picked, scope.plural):
        return None  # a plural heads the phrase; one after "of" is the office's portfolio ("… of Foreign Affairs")
    return " ".join(picked) if picked else None


def _ends_plural(segment: Sequence[tuple[str, bool, int]], picked: Sequence[str], plural: frozenset[int]) -> bool:
    """The picked words end on a plural noun of the phrase ("premier whisky firms")."""
    last = picked[-1]
    return any(w == last and at in plural for w, _, at in segment)


def _country_in(countries: list[Entity], start: int, end: int, text: str) -> str | None:
    """The last country named inside a title phrase; a place name hyphenated to a capitalised word is part of
    another name ("analysts Douglas-Westwood" is a firm, not the Isle of Man's capital)."""
    inside = [c for c in countries if start <= c.start and c.end <= end and not _in_compound_name(text, c)]
    if inside:
        return inside[-1].country
    for initials in _ACRONYM.findall(text[start:end]):
        code = acronym_country(initials, text, countries)
        if code:
            return code
    return None


_ACRONYM = re.compile(r"\b([A-Z]{3,6})(?:[’']s)?\b")
_NAME_WORD = re.compile(r"\b(?:[A-Z][\w-]*|of|and|for|the)\b")


def acronym_country(initials: str, text: str, countries: Sequence[Entity]) -> str | None:
    """The one country named in the name an acronym stands for, where the text spells it out: "UKIP's deputy
    leader" speaks for Britain when the text says "UK Independence Party". The name's capitalised words give
    one letter each, a word in capitals all its letters ("UK"); "of", "and", "for", "the" give none."""
    words = [(m.start(), m.end(), m.group()) for m in _NAME_WORD.finditer(text)]
    for i, (start, _, word) in enumerate(words):
        if not word.startswith(initials[0]) or word == initials:
            continue
        at, j, end = 0, i, start
        while j < len(words) and at < len(initials):
            w_start, w_end, w = words[j]
            if j > i and text[end:w_start].strip():  # the name's words follow one another
                break
            if w.isupper() and initials.startswith(w, at):
                at += len(w)
            elif w[0].isupper() and initials[at] == w[0]:
                at += 1
            elif not w[0].islower():
                break
            end, j = w_end, j + 1
        if at == len(initials) and j - i >= 2:
            codes = {c.country for c in countries if start <= c.start and c.end <= end and c.country}
            if len(codes) == 1:
                return codes.pop()
    return None


def _in_compound_name(text: str, entity: Entity) -> bool:
    """A place name joined by a hyphen to a capitalised word ("Douglas-Westwood"); a people's name so joined
    is still a nationality ("Moroccan-Russian")."""
    if entity.label == "NORP":
        return False
    after = text[entity.end : entity.end + 2]
    before = text[max(0, entity.start - 2) : entity.start]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()) or (
        len(before) == 2 and before[1] == "-" and before[0].isalpha()
    )
