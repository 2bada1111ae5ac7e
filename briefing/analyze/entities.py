"""Entities from a parsed doc, with country codes and the model's mistakes on names corrected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analyze.events import GOVERNMENT, _names_an_agent, base_polarity
from briefing.analyze.gazetteer import AMBIGUOUS, lookup, region_country
from briefing.analyze.honorifics import HONORIFICS
from briefing.analyze.statements import SPEECH_VERBS
from briefing.article import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "EVENT", "FAC", "LAW"})


def extract_entities(doc: Doc) -> tuple[Entity, ...]:
    """Entities worth showing, each country mention carrying its alpha-3 code."""
    person_tokens = {tok.lower_ for ent in doc.ents if ent.label_ == "PERSON" for tok in ent if tok.is_title}
    result: list[Entity] = []
    for ent in doc.ents:
        label = ent.label_
        code = ent.ent_id_ or None
        if label not in KEPT_LABELS:
            continue
        if code and ent.text in AMBIGUOUS and _part_of_name(ent):
            code = None
            label = "PERSON" if ent.text in ("Chad", "Jordan") else "GPE"
        if code and _country_led_name(doc, ent.start) not in (None, ent.start):
            continue  # "American" in "British American Tobacco": a word of the firm's name
        in_a_name = bool(code) and label in ("GPE", "NORP") and _inside_a_longer_name(ent)
        if in_a_name:
            code = None  # "Northern Ireland", "Inner Mongolia", "London Irish", "Royal Dutch Shell"
        if code and label == "NORP" and _first_name(ent):
            code, label = None, "PERSON"  # "Economy Minister German Gref"
        if not code and label in ("GPE", "ORG", "NORP", "LOC") and ent.text.lower() in person_tokens:
            label = "PERSON"  # a surname the model took for a place ("Mekdad asserted")
        if not code and label in ("GPE", "NORP") and not in_a_name:
            term = lookup(ent.text)
            code = term.code if term else None
        result.append(Entity(ent.text, label, ent.start_char, ent.end_char, code))
    return tuple(result)


def _part_of_name(ent: Span) -> bool:
    """ "Michael Jordan", "Chad Smith", "Washington Post": the country word inside a longer name."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if (
        before is not None
        and before.is_title
        and before.pos_ == "PROPN"
        and before.ent_type_ in ("", "PERSON")
        and (not before.is_sent_start or before.text not in AMBIGUOUS)
    ):
        return True
    return after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("", "PERSON", "ORG")


HEADLINE_CASE = 0.5
"""A sentence whose common words (verbs, nouns, adjectives) are capitalised more often than this is set in
title case, where a capital says nothing about a name."""


def _inside_a_longer_name(ent: Span) -> bool:
    """A country word after another capitalised word of a name is part of that name, not the country.

    Only in running text: in a title-case headline ("Boeing Secures Giant Japan Order") every word is
    capitalised. A country word before it ("Syria-Turkey ties") or a sentence start does not count.
    """
    doc = ent.doc
    if ent.start == 0:
        return False
    before = doc[ent.start - 1]
    if not before.is_title or before.is_sent_start or before.pos_ not in ("PROPN", "ADJ") or before.ent_id_:
        return False
    if before.lower_ in _TITLE_WORDS or before.ent_type_ in ("PERSON", "NORP", "GPE"):
        return False
    return not _title_case(ent.sent)


def _title_case(sent: Span) -> bool:
    """A sentence set in title case ("Boeing Secures Giant Japan Order"), where a capital says nothing of a name."""
    words = [t for t in sent if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV") and not t.is_sent_start and t.is_alpha]
    return not words or sum(t.is_title or t.is_upper for t in words) / len(words) > HEADLINE_CASE


_TITLE_WORDS = frozenset(
    "minister president secretary chancellor premier ambassador envoy spokesman spokeswoman chief".split()
)


def _first_name(ent: Span) -> bool:
    """A demonym between a title and a surname is a first name: "Economy Minister German Gref"."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0 or ent.end >= len(doc):
        return False
    before, after = doc[ent.start - 1], doc[ent.end]
    return before.lower_ in _TITLE_WORDS and after.ent_type_ == "PERSON" and after.is_title


NAME_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "FAC", "PERSON"})
"""The small model labels a company name any of these; a person only counts when a common noun calls it a firm."""
NAME_PREFIX_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "PART", "NUM"})
MAX_PREFIX = 4
"""'US oil giant Exxon', "Russia's second-largest brewer Baltika": the words of the noun phrase before a name."""


def home_countries(doc: Doc, entities: tuple[Entity, ...]) -> dict[str, tuple[str, int]]:
    """Organisation name -> (its home country, start offset of the mention that says so, -1 for none).

    "Russian oil firm Yukos", "Belgium's Interbrew", "US giant Exxon", "Yukos, the Russian oil firm",
    "Californian wine company Chalone", "Madrid-based Telefonica": a country, a capital or a region inside
    the noun phrase that ends in the organisation's name, or in the noun phrase in apposition to it, or in
    an "of" phrase attached to the name ("General Motors of the US"); also
    a name the parser did not label ("UK bank Barclays"). A company without such a phrase gets the home a
    definite description gives it ("Boeing is to supply ... for the US giant", see `_described_homes`),
    and a short form or the initials of a placed name get its home ("WMC" of "WMC Resources", "UPS" of
    "United Parcel Services"). "Fellow" gives the clause's doer the home of the one it describes ("Exel ...
    paying £328m to buy fellow UK firm Tibbett & Britten": Exel is a UK firm too, `_fellow_homes`). A company
    stands for its home country (docs/gold.md), so its other mentions
    count for that country. A name the text ties to two countries is left out.
    """
    found: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for e in entities:
        if e.label not in NAME_LABELS or e.country:
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        label = "ORG" if e.label == "PERSON" and _called_by_first_word(doc, span) else e.label
        codes = _prefix_countries(doc, span.start, label) | _apposition_countries(span) | _seat_countries(span, label)
        if e.label == "ORG":
            codes |= _of_country(span)
        if codes:
            found.setdefault(e.text, set()).update(codes)
            first.setdefault(e.text, e.start)
    for name, code in [*_unlabelled_names(doc), *_fellow_homes(doc)]:
        found.setdefault(name, set()).add(code)
        first.setdefault(name, -1)
    home = {name: (next(iter(codes)), first[name]) for name, codes in found.items() if len(codes) == 1}
    described: dict[str, set[str]] = {}
    for name, code in _described_homes(doc, entities):
        if name not in found:
            described.setdefault(name, set()).add(code)
    home.update({name: (next(iter(codes)), -1) for name, codes in described.items() if len(codes) == 1})
    return home | short_forms(entities, home)


def _country_of_token(token: Token) -> str | None:
    """The country a single word names: a country, capital or demonym (tagged by the ruler) or a region."""
    if token.ent_id_ and token.ent_type_ in ("GPE", "NORP"):
        return token.ent_id_
    return _region_of_a_named_country(token) if token.is_title else None


def _region_of_a_named_country(token: Token) -> str | None:
    """A region's country, only where the text itself names that country and the word is no name of a person,
    team or building ("Californian wine company Chalone" in an article about a US deal).

    Thousands of small regions share their name with a city, a word or a club elsewhere ("Manchester" is a
    parish of Jamaica, "North" a region of Cameroon, "Milan" reads as the adjective of Algeria's Mila); a
    reader places such a word by the countries the article is about, so a region only counts for one of them.
    """
    if token.ent_type_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"):
        return None
    code = region_country(token.text)
    if code is None or not any(t.ent_id_ == code and t.ent_type_ in ("GPE", "NORP", "ORG") for t in token.doc):
        return None
    return code


def _prefix_countries(doc: Doc, start: int, label: str) -> set[str]:
    codes: set[str] = set()
    described = False
    """A common noun in the phrase ("firm", "brewer"): a title ("President") would make it a person's origin."""
    i = start - 1
    hyphens = 0
    while i >= 0 and start - i <= MAX_PREFIX + hyphens and not doc[i].is_sent_end:
        if doc[i].lower_ in SEATS and i >= 2 and doc[i - 1].text in "-–":  # "Madrid-based", "London-listed"
            code = _country_of_token(doc[i - 2])
            if code:
                codes.add(code)
            described = True
            i -= 3
            continue
        if doc[i].text in "-–" and i >= 1 and i + 1 < start and _country_of_token(doc[i + 1]):
            i -= 1  # "German-US car firm DaimlerChrysler": both countries are the firm's homes
            hyphens += 2
            continue
        if _joins_common_nouns(doc, i, start):
            i -= 1  # "UK drinks and food firm Allied Domecq": two lines of business, one description
            hyphens += 2
            continue
        if doc[i].pos_ not in NAME_PREFIX_TAGS:
            break
        code = _country_of_token(doc[i])
        if code:
            codes.add(code)
        described = described or (doc[i].pos_ == "NOUN" and doc[i].is_lower)
        i -= 1
    return codes if label != "PERSON" or described else set()


def _called_by_first_word(doc: Doc, span: Span) -> bool:
    """A name of two or more words that the text later calls by its first word alone and never by its last
    ("France's Pernod Ricard ... Pernod said"): news calls a person by the surname, so a name shortened to its
    first word is a firm named after its founders, whatever label the model gave it."""
    words = [t for t in span if t.is_title]
    if len(words) < 2:
        return False
    first, last = words[0].text, words[-1].text
    first_alone = last_alone = 0
    for t in doc:
        if t.i in range(span.start, span.end):
            continue
        if t.text == first and (t.i + 1 >= len(doc) or not doc[t.i + 1].is_title) and (
            t.i == 0 or not doc[t.i - 1].is_title or doc[t.i - 1].is_sent_start
        ):
            first_alone += 1  # alone: "Pernod said", not another bearer's full name ("Ayad Hashem")
        if t.text == last and (t.i == 0 or doc[t.i - 1].text != words[-2].text):
            last_alone += 1
    return first_alone > 0 and last_alone == 0


def _joins_common_nouns(doc: Doc, i: int, start: int) -> bool:
    """ "and" between two lower-case common nouns of the words before a name ("drinks and food firm"): the
    nouns describe one firm's business, so the walk back to the country word goes on past it. Between
    capitalised words ("Britain and US firm X") it would join two subjects, and the walk stops there."""
    if doc[i].pos_ != "CCONJ" or i < 1 or i + 1 >= start:
        return False
    return all(t.pos_ == "NOUN" and t.is_lower for t in (doc[i - 1], doc[i + 1]))


def _apposition_countries(span: Span) -> set[str]:
    """ "Yukos, the Russian oil firm,": the country modifying the noun in apposition to the name; also where
    the parser missed the apposition (`_bracketed_description`)."""
    codes: set[str] = set()
    nouns = [c for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    for noun in [*nouns, *_bracketed_description(span)]:
        codes.update(g.ent_id_ for g in noun.children if g.dep_ in ("amod", "compound", "poss", "nmod") and g.ent_id_)
    return codes


def _bracketed_description(span: Span) -> list[Token]:
    """ "On Tuesday Mitsubishi, the only major Japanese car firm in the red, confirmed ...": a definite noun
    phrase set off by commas right after a name is in apposition to it, even where the parser made the phrase
    the clause's subject. Only a phrase closed by a second comma: "After meeting Siemens, the German firm said"
    is a clause's subject, which may be another firm."""
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "the":
        return []
    noun = doc[i + 1].head
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.i <= i + 1 or noun.lemma_ in STATE_NOUNS:
        return []
    end = max(t.i for t in noun.subtree if not t.is_punct)
    if min(t.i for t in noun.subtree) != i + 1 or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return []
    return [] if any(c.dep_ == "appos" for c in span.root.children) else [noun]


FIRM_SEATS = frozenset("listed headquartered registered incorporated domiciled".split())
"""Participles that say where a firm sits: its stock market, head office or registration."""
SEATS = FIRM_SEATS | {"based"}
"""Also "based", which says it of a person too ("a reporter based in Moscow")."""
SEAT_PREPOSITIONS = frozenset({"in", "on"})


def _seat_countries(span: Span, label: str) -> set[str]:
    """ "Diageo, which is listed on the London Stock Exchange": a clause on the name (relative, reduced
    relative or the name as its passive subject) saying where it is listed, based or registered places it in
    the country of a country, capital or region word of that place. Only a firm is listed or registered, so
    this holds whatever label the model gave the name (it calls "Diageo" a person); a person's "based" does not."""
    root = span.root
    verbs = [c for c in root.children if c.dep_ in ("relcl", "acl")]
    if root.dep_ == "nsubjpass":
        verbs.append(root.head)
    codes: set[str] = set()
    for verb in verbs:
        if verb.lower_ not in (FIRM_SEATS if label == "PERSON" else SEATS) or verb.tag_ != "VBN":
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in SEAT_PREPOSITIONS:
                continue
            for word in prep.subtree:
                code = _country_of_token(word) if word.i != prep.i else None
                if code:
                    codes.add(code)
    return codes


def _of_country(span: Span) -> set[str]:
    """ "General Motors of the US": a country in an "of" phrase attached to the name itself."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ != "of" or doc[i].head.i not in range(span.start, span.end):
        return set()
    i += 1 + (doc[i + 1].lower_ == "the")
    if i < len(doc) and doc[i].ent_type_ == "GPE" and doc[i].ent_id_:
        return {doc[i].ent_id_}
    return set()


def _unlabelled_names(doc: Doc) -> list[tuple[str, str]]:
    """ "UK bank Barclays" where the parser labelled no name: a country word, then common nouns (and
    adjectives), then capitalised words the model left unlabelled: those words name a firm of that country.
    Also a demonym right before the unlabelled name it modifies ("an offer from Swiss Xstrata")."""
    result: list[tuple[str, str]] = []
    for token in doc:
        code = _country_of_token(token)
        if not code or (token.i + 1 < len(doc) and doc[token.i + 1].ent_id_ == token.ent_id_ and token.ent_id_):
            continue  # only from the country name's last word
        if _country_led_name(doc, token.i) not in (None, token.i):
            continue  # "American" in "British American Tobacco"
        i = token.i + 1
        nouns = 0
        while i < len(doc) and i - token.i <= MAX_PREFIX and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ"):
            nouns += doc[i].pos_ == "NOUN"
            i += 1
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_:
            j += 1
        # "UK bank Barclays"; or "Swiss Xstrata": a demonym right before a name it modifies
        direct = token.ent_type_ == "NORP" and j > i and token.head.i == j - 1
        if (nouns or direct) and j > i and not any(w.lower_ in _NOT_A_FIRM for w in doc[i:j]):
            result.append((doc[i:j].text, code))
        if _country_led_name(doc, token.i) == token.i:  # "British American Tobacco"
            end = token.i + 1
            while end < len(doc) and doc[end].is_title and (doc[end].ent_id_ or not doc[end].ent_type_):
                end += 1
            result.append((doc[token.i : end].text, code))
    return result


def _country_led_name(doc: Doc, index: int) -> int | None:
    """Start of the name that the country word at `index` is part of when several country words lead one name
    ("British American Tobacco": both words modify "Tobacco", a capitalised word the model labelled nothing);
    None when it is no such name. The first country word is the firm's home; the ones after it are words of
    its name, no country mentions of their own."""
    if not _country_word(doc[index]):
        return None
    start = index
    while start > 0 and _country_word(doc[start - 1]):
        start -= 1
    end = index + 1
    while end < len(doc) and _country_word(doc[end]):
        end += 1
    if end - start < 2 or len({t.ent_id_ for t in doc[start:end]}) < 2 or _title_case(doc[index].sent):
        return None
    last = end
    while last < len(doc) and doc[last].pos_ == "PROPN" and doc[last].is_title and not doc[last].ent_type_:
        last += 1
    if last == end or any(not start <= t.head.i < last for t in doc[start : last - 1]):
        return None
    return start


def _country_word(token: Token) -> bool:
    return bool(token.ent_id_) and token.ent_type_ in ("NORP", "GPE") and (token.is_title or token.is_upper)


_NOT_A_FIRM = _TITLE_WORDS | {"prime", *HONORIFICS}
"""Capitalised words of a person's title ("Prime Minister", "Dr"), not of a firm's name."""
NATION_NOUNS = frozenset("nation people public market economy".split())
"""The country as a whole, its people or its economy ("the German public", "the US economy")."""
NATIONAL_SIDES = frozenset("team side squad".split())
"""A country's sports side ("the English team")."""
STATE_NOUNS = GOVERNMENT | NATION_NOUNS | NATIONAL_SIDES | {"leader"}
"""Heads of a definite description that name a state, its bodies, people or side, not a firm ("the US government",
"the German leader"): the state's own bodies and people are `events.GOVERNMENT`."""
MAX_PATH = 12
"""Arcs walked up from a description to the clause of the firm it refers to."""
DESCRIPTION_REACH = 1
"""Sentences back a definite description ("the US giant") looks for the firm it refers to."""


def _described_homes(doc: Doc, entities: tuple[Entity, ...]) -> list[tuple[str, str]]:
    """ "Volkswagen is considering a plant in India. The German giant said...": a definite noun phrase of a
    country word and a singular common noun that speaks (the subject of a verb of saying: an agent, not "the
    US election") refers back to the organisation the text is about there: the nearest organisation before
    it, in this or the previous sentence, that is (in) the subject of its clause. A description below that
    subject's clause in the same sentence refers to it too (`_beneficiary_of`). A description as an owner
    ("the latest shareholder in Deutsche Boerse to express concern at the German stock market operator's
    plans") refers to the organisation named last before it in the same sentence."""
    orgs = [(e, span) for e in entities if e.label == "ORG" and not e.country if (span := _span(doc, e)) is not None]
    result: list[tuple[str, str]] = []
    for token in doc:
        code = _country_of_token(token)
        head = token.head
        if not code or token.dep_ not in ("amod", "compound", "nmod") or head.i <= token.i:
            continue
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not head.is_lower or head.lemma_ in STATE_NOUNS:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        if any(c.dep_ not in ("det", "compound") and c.i != token.i for c in head.children if c.i < head.i):
            continue  # "the next South Korean bank", "the two US firms": another one than before
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > head.i for c in head.children):
            continue  # "the US firm Exxon": the name is in the phrase itself
        earliest = _sentence_start(doc, token, DESCRIPTION_REACH)
        before = [(e, span) for e, span in orgs if earliest <= span.start and span.end <= token.i]
        if head.dep_ == "poss":
            # "concern at the German stock market operator's plans": an owner described, not introduced,
            # is the organisation just named in the same sentence.
            same = [e for e, span in before if span.start >= token.sent.start]
            if same:
                result.append((same[-1].text, code))
            continue
        subjects = [(e, span) for e, span in before if _in_subject(span)]
        if not subjects:
            continue
        firm, span = subjects[-1]
        speaks = head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_VERBS
        if speaks or (span.root.sent == token.sent and _beneficiary_of(head, span.root)):
            result.append((firm.text, code))
    return result


def _fellow_homes(doc: Doc) -> list[tuple[str, str]]:
    """ "Exel ... has been active in the consolidation of the sector, paying £328m to buy fellow UK firm Tibbett &
    Britten": "fellow" before a phrase that gives one country says the doer of the clause is of it too. The
    doer is the subject of the nearest verb above that has one (a pronoun subject, "itself", passes on to the
    verb it is coordinated with); only a name counts."""
    result: list[tuple[str, str]] = []
    for token in doc:
        if token.lower_ != "fellow" or token.dep_ != "amod":
            continue
        head = token.head
        codes = {code for t in doc[token.i + 1 : head.i + 1] if (code := _country_of_token(t))}
        if len(codes) != 1:
            continue
        name = _doer(head)
        if name:
            result.append((name, next(iter(codes))))
    return result


def _doer(token: Token) -> str | None:
    """The name that is the subject of the nearest clause above `token` with a subject (see `_fellow_homes`)."""
    for _ in range(MAX_PATH):
        if token.head is token:
            return None
        if token.dep_ in ("nsubj", "nsubjpass"):
            return None  # the phrase is itself the subject: no doer above it
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.pos_ == "PRON" and token.dep_ == "conj":
            continue  # "Exel employs ... and has itself been active": the subject of the first verb
        if subject.pos_ != "PROPN" or not subject.is_title:
            return None
        start = min((c.i for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"), default=subject.i)
        return subject.doc[start : subject.i + 1].text
    return None


def headline_described_home(title_doc: Doc, doc: Doc, entities: tuple[Entity, ...]) -> tuple[str, str] | None:
    """ "French suitor holds LSE meeting" over "European stock market Euronext has met with the London Stock
    Exchange": a headline that opens with a country word and a common noun ("French suitor", "Dutch bank",
    "German bidder") describes the firm its first sentence is about, the organisation in that sentence's
    subject (news writes the description in the headline, the name in the lead). Not a state or its people
    ("UK government"), not a person, not a firm already placed; None when the lead's subject holds no name."""
    words = [t for t in title_doc if not t.is_punct]
    if len(words) < 3 or not _country_word(words[0]) or words[0].ent_id_ != words[0].ent_id_:
        return None
    code = words[0].ent_id_
    nouns = 0
    for t in words[1 : 1 + MAX_PREFIX]:
        if not (t.is_lower and t.pos_ in ("NOUN", "ADJ")):
            break
        nouns += 1
    head = words[nouns] if nouns else None
    if head is None or head.pos_ != "NOUN" or head.lemma_ in STATE_NOUNS or not _names_a_firm(head):
        return None
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    for e in entities:
        if e.start >= first.end_char:
            break
        if e.country or e.label not in ("ORG", "NORP", "PERSON") or e.text[:1].islower():
            continue
        span = _span(doc, e)
        if span is None or not _in_subject(span):
            continue
        before = doc[span.start - 1] if span.start else None
        if e.label == "PERSON" and not (before is not None and before.pos_ == "NOUN" and before.is_lower):
            return None  # a person, unless a common noun calls the name a firm ("stock market Euronext")
        return e.text, code
    return None


def _names_a_firm(noun: Token) -> bool:
    """ "bank", "firm", "bidder", "suitor": an organisation or an agent noun, not a person's role ("boss", "duo")
    nor an event ("merger")."""
    lemma = noun.lemma_.lower()
    return lemma not in STATE_NOUNS and base_polarity(noun) is None and _names_an_agent(noun)


def _beneficiary_of(description: Token, subject: Token) -> bool:
    """ "Boeing is to supply ... in a deal worth $6bn for the US giant": the description sits in a phrase
    ("for", "to") below the clause whose subject is the firm, and no clause between has a subject of its
    own (other than a relative pronoun) or an object that controls it ("forced it to buy the Italian
    carmaker": "it" is the buyer). Then, as in the subject case, it can only be the firm itself."""
    if description.dep_ != "pobj":
        return False
    token = description
    for _ in range(MAX_PATH):
        if token.head is token:
            return False
        if token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in token.head.children):
            return False
        if token.dep_ in ("nsubj", "nsubjpass"):
            return False  # "Fiat's shares on the Milan stock exchange rose": part of the subject itself
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            own = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject in own or any(subject in c.subtree for c in own):
                return True
            if any(c.tag_ not in ("WDT", "WP") for c in own):
                return False
    return False


def _span(doc: Doc, e: Entity) -> Span | None:
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _sentence_start(doc: Doc, token: Token, back: int) -> int:
    """First token of the sentence `back` sentences before `token`'s."""
    start = token.sent.start
    for _ in range(back):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _in_subject(span: Span) -> bool:
    """The name is the subject of its clause or inside the subject's phrase ("Shares in Cairn Energy rose")."""
    token = span.root
    for _ in range(6):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("pobj", "prep", "compound", "poss", "appos", "conj", "nmod") or token.head is token:
            return False
        token = token.head
    return False


def short_forms(entities: tuple[Entity, ...], home: dict[str, tuple[str, int]]) -> dict[str, tuple[str, int]]:
    """Homes of names that are the first words or the initials of one placed name ("WMC" of "WMC Resources",
    "UPS" of "United Parcel Services"); the model often labels such a short form a person ("Cairn"). A firm's
    full name that begins with a placed short one is that firm too ("Trouble-hit Mitsubishi Motors is in
    talks ...", then "Mitsubishi, the only major Japanese car firm"): a text names a firm in full once and
    places it by either form."""
    result: dict[str, tuple[str, int]] = {}
    for e in entities:
        if e.label not in ("ORG", "PERSON") or e.country or e.text in home or e.text in result:
            continue
        codes = {
            code
            for name, (code, _) in home.items()
            if _word_of(e.text, name) or abbreviates(e.text, name) or (e.label == "ORG" and _word_of(name, e.text))
        }
        if len(codes) == 1:
            result[e.text] = (next(iter(codes)), -1)
    return result


def _word_of(short: str, name: str) -> bool:
    """ "WMC" of "WMC Resources", and a later word of a name of three or more ("Peugeot" of "PSA Peugeot
    Citroen"): the last word of a two-word name is too often a common word of names ("Resources")."""
    words = name.split()
    if name.startswith(short + " "):
        return True
    return len(words) >= 3 and " " not in short and short in words[1:] and short.istitle()


def abbreviates(short: str, name: str) -> bool:
    """ "UPS" of "United Parcel Services"; "Bat" of "British American Tobacco" too (three letters or more, the
    way some outlets write initials spoken as a word); "GSK" of "GlaxoSmithKline" (the capitals of a one-word
    name) and "VW" of "Volkswagen" (two capitals, the name's first letter and one later in it, in order: the
    initials of a compound's two parts; three letters found so in any long word would call "GMT" a short
    form of "Government")."""
    if len(short) < 2:
        return False
    if short.upper() == _initials(name):
        return short.isupper() or (len(short) >= 3 and short.istitle())
    if not short.isupper() or " " in name or len(name) <= len(short) + 2:
        return False
    if short == name[0] + "".join(c for c in name[1:] if c.isupper()):
        return True
    return len(short) == 2 and name[0] == short[0] and short[1] in name[2:].upper()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
