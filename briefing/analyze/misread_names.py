"""People the entity model took for something else, or did not tag, though the sentence gives them a title.

The small English model tags "South African president Thabo Mbeki" a place, "Standard Chartered chief executive
Mervyn Davies" a firm, "Julio Hegedus, chief economist at …" a work of art, and leaves "BP chief executive Lord
Browne" and "Mr Ebbers" untagged. Every reader of names downstream (people and their roles, speakers,
institutions) then misses a person. The evidence used is the sentence's own: an honorific right before the
name, or a person's title or occupation in the name's noun phrase (a lower-case compound before it) or in
apposition to it. No list of names: the words that make a title are the people module's (`ROLE_WORDS`,
`OCCUPATIONS`), one definition.

A name the text writes with "The" inside a sentence is a work's, a band's or a paper's (`name_works`). Names
the model cut or ran on are mended first, from the same kind of evidence: a person's name ends at a
spaced dash, a slash or a score (`end_names`) and runs on to the words the text writes with it elsewhere
(`complete_names`); an organisation's name ending in "of" runs on through the country word after it
(`join_names_at_countries`).

Runs as a pipeline step after `ner` (`briefing.analyze.nlp`), so the tokens' entity labels, which the
statement and people rules read as well as the entity list, agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analyze.gazetteer import lookup
from briefing.analyze.honorifics import HONORIFICS
from briefing.analyze.people import OCCUPATIONS, ROLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MISREAD_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"})
"""Labels the model gives personal names by mistake (never a date, number or a person's)."""
FIRM_LABELS = frozenset({"ORG", "FAC", "PRODUCT"})
"""Labels of names that may end in a person's surname and still be a firm's or a thing's."""
MAX_NAME_WORDS = 3


_DASHES = frozenset({"-", "–", "—"})
_BREAKS = _DASHES | {"/", "|", "@"}
"""Tokens no name holds when set apart by a space ("Mike Skinner - aka The Streets") or at all ("Anthony
Wallace / AFP", a photo credit): the model ran the name on past its end."""
_TRAILING = _DASHES | {"'", "’", "'s", "’s", "''", ",", ".", ":", ";"}
"""Tokens a name does not end with ("Robbie Williams' Angels", "Kanye West - ")."""


def repair_person_names(doc: Doc) -> Doc:
    """Relabel as PERSON each misread name with a title, and tag each untagged one; then the same person's
    full name where it comes without a title ("Vince Cable, the party's …" after "Mr Cable"). The rest stays.
    Names the model ran on past their end are cut back first (`end_names`), names it cut short at a
    country word joined (`join_names_at_countries`) and people's names it cut short completed
    (`complete_names`). A capital the ruler tagged beside an untagged name is a word of it, and alone a named
    person's surname (`capital_surnames`)."""
    name_works(doc)
    end_names(doc)
    join_names_at_countries(doc)
    complete_names(doc)
    candidates = [(_with_given_names(e), e.label_) for e in doc.ents if e.label_ in MISREAD_LABELS]
    candidates += [(run, "") for run in _untagged_runs(doc)]
    titled = [c for c, _ in candidates if titled_name(c)]
    named = [*titled, *(e for e in doc.ents if e.label_ == "PERSON")]
    surnames = {words[-1].text for words in map(_name_words, named) if words}
    addressed = {words[-1].text for span in named if _addressed(span) for words in [_name_words(span)] if words}
    # A full name whose surname is a person's elsewhere in the text. A firm's name may end in a person's name
    # ("Twentieth Century Fox" beside a "Fox" the model took for a person), so a name tagged as a firm or a
    # product joins only a surname the text writes with an honorific ("Vince Cable" and "Mr Cable").
    again = [
        c
        for c, label in candidates
        if len(words := _name_words(c)) >= 2
        and not _country(c)
        and not _office_in(words)
        and words[-1].text in (addressed if label in FIRM_LABELS else surnames)
    ]
    people: list[Span] = []
    taken: set[int] = set()
    for span in sorted([*titled, *again], key=lambda s: s.start - s.end):  # longest first
        if not taken.intersection(range(span.start, span.end)):
            people.append(span)
            taken.update(range(span.start, span.end))
    if people:
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        # Spans of whole tokens: "expand" finds each one (no spaCy import here; nlp.py is the one that loads it).
        relabelled = [doc.char_span(p.start_char, p.end_char, label="PERSON", alignment_mode="expand") for p in people]
        doc.ents = sorted([*kept, *(p for p in relabelled if p is not None)], key=lambda s: s.start)
        for person in people:
            for token in person:
                token.ent_id_ = ""  # "Mr Irish" is nobody's country: the ruler's code stays on tokens otherwise
    capital_surnames(doc)
    return doc


def name_works(doc: Doc) -> None:
    """Relabel WORK_OF_ART, with its article, a PERSON entity written right after a capitalised "The" inside a
    sentence: a film's, a book's, a band's or a paper's name ("the star of The Boxer", "a column in The
    Sunday Telegraph"). A person's name takes no article; a work read as a person would otherwise be listed
    among the people, speak, or be whom the next "he" means."""
    ents = list(doc.ents)
    works = []
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" or ent.start < 2:
            continue
        the, before = doc[ent.start - 1], doc[ent.start - 2]
        if the.text != "The" or the.ent_type_ or the.is_sent_start or not (before.is_alpha or before.text == ","):
            continue  # "The" opening a sentence or a quote may be any sentence's first word
        span = doc.char_span(the.idx, ent.end_char, label="WORK_OF_ART", alignment_mode="expand")
        if span is not None:
            ents[k] = span
            works.append(span)
    if works:
        doc.ents = ents
        for span in works:
            for token in span:
                token.ent_id_ = ""


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
INVERTING = frozenset("said says added adds asked asks told tells explained explains".split())
"""Speech verbs that open an inverted attribution before the speaker's name ("Said Williams:"), which the
tagger may read as a given name."""


def end_names(doc: Doc) -> None:
    """Cut each PERSON entity at a spaced dash, a slash, a bar or a number after its first word ("DJ Norman
    Cook - aka Fatboy Slim", a BBC style; "Ezra Acayan / Getty Images"; a tennis score) and drop the
    possessive mark or punctuation it ends with ("Robbie Williams'", "Joshua Rifkin -"): a hyphen inside a
    name ("Lewis-Francis") has no space before it. A plural noun opening a full name is cut off too, and a
    speech verb opening a name."""
    changed = False
    ents = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and (
            (len(ent) > 2 and ent[0].tag_ in _PLURAL_TAGS) or (len(ent) > 1 and ent[0].lower_ in INVERTING)
        ):
            # A plural before a full name is who they are, not their name ("Tories Ken Clarke", "Singers
            # Jennifer Lopez", "Seeds Dominik Hrbaty"): nobody's given name is a plural noun. Nor is the
            # speech verb of an inverted attribution ("Said Williams: '…'").
            cut = doc.char_span(ent[1].idx, ent.end_char, "PERSON")
            if cut is not None:
                ent, changed = cut, True
        end = ent.end
        if ent.label_ == "PERSON":
            for token in ent[1:]:
                joined = token.text in _DASHES and not doc[token.i - 1].whitespace_  # "Lewis-Francis"
                if (token.text in _BREAKS and not joined) or _is_number(token):
                    end = token.i
                    break
            while end > ent.start and doc[end - 1].text in _TRAILING:
                end -= 1
        if end == ent.end:
            ents.append(ent)
            continue
        changed = True
        cut = _span_to(ent, end, "PERSON") if end > ent.start else None
        if cut is not None:
            ents.append(cut)
    if changed:
        doc.ents = ents


def complete_names(doc: Doc) -> None:
    """Run a PERSON entity on through the untagged capitalised words right after it when the text writes the
    longer name as one person elsewhere: "Yoon Suk" and "Yeol" in "South Korean President Yoon Suk Yeol",
    which the model read whole in another sentence. Its own reading of the full name is the evidence; the
    people list would otherwise hold "Yoon Suk" beside "Yoon Suk Yeol", a name that opens another being no
    proof of one person ("Jimmy Kimmel" is not "Jimmy Kimmel Live")."""
    written = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    if not written:
        return
    ents: list[Span] = []
    for ent in doc.ents:
        end = ent.end
        if ent.label_ == "PERSON":
            run = ent.end
            while run < len(doc) and run - ent.start < 2 * MAX_NAME_WORDS and _untagged_title(doc[run]):
                run += 1
                if doc[ent.start : run].text in written:
                    end = run
        longer = _span_to(ent, end, "PERSON") if end > ent.end else None
        ents.append(longer or ent)
    if any(a is not b for a, b in zip(ents, doc.ents, strict=True)):
        doc.ents = ents


def _untagged_title(token: Token) -> bool:
    return token.is_title and not token.ent_type_


_NAME_JOINS = frozenset({"of", "for"})
"""Words a name may run on through but never ends with ("Bank of", "Transport for")."""


def join_names_at_countries(doc: Doc) -> None:
    """Join an organisation's name that ends in "of" or "for" to the country word right after it ("The Bank
    of" and "Mexico", "the Confederation of" and "British Industry"): the country ruler runs before the
    entity model, which then ends the name where the country begins. The whole name is one organisation of
    that country, as "the Kremlin" is Russia's (an institution, not a mention of the country by name): "Bank
    of America" is a firm, not the United States."""
    ents = list(doc.ents)
    joined: list[Span] = []
    i = 0
    while i < len(ents):
        name = _joined_name(ents[i], ents[i + 1]) if i + 1 < len(ents) else None
        joined.append(name or ents[i])
        i += 2 if name is not None else 1
    if len(joined) < len(ents):
        doc.ents = joined


def _joined_name(ent: Span, after: Span) -> Span | None:
    """ "The Bank of" and the country entity right after it as one organisation's name; a demonym only with
    the capitalised words it leads ("British Industry"), not alone ("the Confederation of British")."""
    doc = ent.doc
    if not (
        ent.label_ == "ORG"
        and not ent.ent_id_
        and len(ent) >= 2
        and ent[-1].lower_ in _NAME_JOINS
        and after.start == ent.end
        and after.ent_id_
        and after.label_ in ("GPE", "NORP")
    ):
        return None
    end = after.end
    if after.label_ == "NORP":
        while end < len(doc) and _name_word(doc[end]) and not doc[end].ent_type_:
            end += 1
        if end == after.end:
            return None
    return _span_to(ent, end, "ORG", after.ent_id_)


def _span_to(ent: Span, end: int, label: str, country: str = "") -> Span | None:
    """The entity from its first token up to token `end` (exclusive), cut back or run on, with `label` and a
    country code as its id ("" for none). A span of characters over whole tokens, so none is cut (no spaCy
    import here: nlp.py is the one that loads it)."""
    doc = ent.doc
    last = doc[end - 1]
    return doc.char_span(ent.start_char, last.idx + len(last), label, span_id=country)


def _is_number(token: Token) -> bool:
    """A number after a name is a score, an age or a sequel's ("Jie Zheng 6-2 7-5", "Cameron 87"), never part
    of a person's name; a word with digits in it ("Appleton,31", one token) is left whole."""
    return any(ch.isdigit() for ch in token.text) and not any(ch.isalpha() for ch in token.text)


def _with_given_names(ent: Span) -> Span:
    """An entity with the untagged name words right before it ("David" of "David Stanley", where the model
    tagged "Stanley" a place), up to the length of a name; an honorific or a title word is no given name."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and ent.end - start < MAX_NAME_WORDS
        and not doc[start - 1].ent_type_
        and _name_word(doc[start - 1])
        and not _office_in([doc[start - 1]])
    ):
        start -= 1
    return doc[start : ent.end]


def titled_name(span: Span) -> bool:
    """One to three capitalised proper nouns (two at least without an honorific) that the sentence gives an
    honorific ("Mr Irish", "Lord Browne") or a person's title or occupation: a lower-case noun of the name's
    own noun phrase ("president Thabo Mbeki", "chief executive Mervyn Davies", "analyst Vadim Mitroshin") or
    a noun in apposition, set off by a comma ("the party's Holyrood leader, Nicola Sturgeon"; "Julio Hegedus,
    chief economist"). A country's name is one only after an honorific ("EU member Poland" is a country), and
    so is a name with a word the text also uses as a common noun (`_common_noun_in`)."""
    doc = span.doc
    words = _name_words(span)
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(t.is_stop or t.like_num for t in words):
        return False
    if _office_in(words):
        return False  # "Lord Chancellor", "Prime Minister": an office, not a name
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if _addressed(span):
        return True
    if len(words) < 2 or _country(span):
        return False
    root = span.root
    compound_title = before is not None and before.head == root and before.dep_ == "compound" and _titled(before)
    title_before = (
        before is not None
        and before.text == ","
        and root.dep_ == "appos"
        and root.head.i < span.start
        and root.head.pos_ in ("NOUN", "PROPN")
        and _titled(root.head)
    )
    title_after = (
        after is not None
        and after.text == ","
        and any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > span.end and _titled(c) for c in root.children)
    )
    return (compound_title or title_before or title_after) and not _common_noun_in(doc, words)


def _office_in(words: list[Token]) -> bool:
    """A title word or an honorific among a name's words ("Lord Chancellor", "General Musharraf")."""
    return any(ROLE_WORDS.fullmatch(t.text) or _honorific(t) for t in words)


def _addressed(span: Span) -> bool:
    """An honorific right before the name ("Mr Cable", "Lord Browne"), or opening it where the model tagged
    the two together."""
    first = span.doc[span.start - 1] if span.start > 0 else None
    return any(t is not None and t.text[:1].isupper() and _honorific(t) for t in (first, span[0]))


def _honorific(token: Token) -> bool:
    """ "Mr", "Lord", "Dr." (`honorifics.HONORIFICS`)."""
    return token.lower_.rstrip(".") in HONORIFICS


def _country(span: Span) -> bool:
    """Every word a country's ("New Zealand", "Poland"); a given name before a demonym makes a person's name
    ("Oliver Irish")."""
    return all(t.ent_id_ for t in span)


def _common_noun_in(doc: Doc, words: list[Token]) -> bool:
    """A word of the name the text also writes as a lower-case noun: a firm's or a thing's name ("Vivendi
    advisor Deutsche Bank … the bank"), not a person's."""
    lower = {w.lower_ for w in words}
    return any(t.pos_ == "NOUN" and t.is_lower and t.text in lower for t in doc)


def _name_words(span: Span) -> list[Token]:
    """The words of a written name, hyphens that join two of them left out ("Kilroy-Silk"); none when a token
    is no capitalised proper noun."""
    words = [t for t in span if not _joining_hyphen(t)]
    return words if all(_name_word(t) for t in words) else []


def _joining_hyphen(token: Token) -> bool:
    doc = token.doc
    return (
        token.text == "-" and 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_
    )


def _name_word(token: Token) -> bool:
    """A capitalised proper noun that is no acronym ("Mbeki", "McCain"; not "BBC")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper and token.is_alpha


def _titled(noun: Token) -> bool:
    """A noun that names a person's office or occupation, itself or by a lower-case modifier ("chief
    executive", "economist", "Secretary"); a capitalised noun only when it is itself a title word."""
    if not noun.is_lower:
        return _office_or_occupation(noun.text)
    modifiers = (c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i and c.is_lower)
    return any(_office_or_occupation(w.text) for w in (noun, *modifiers))


def _office_or_occupation(word: str) -> bool:
    return bool(ROLE_WORDS.fullmatch(word) or OCCUPATIONS.fullmatch(word + " "))


def _untagged_runs(doc: Doc) -> list[Span]:
    """Maximal runs of untagged capitalised proper nouns, each a candidate name; an honorific ends a run
    and is not part of the next ("Lord Browne": "Browne")."""
    runs: list[Span] = []
    start: int | None = None
    for i in range(len(doc) + 1):
        token = doc[i] if i < len(doc) else None
        inside = (
            token is not None
            and (not token.ent_type_ or _capital(token))
            and (_name_word(token) or (start is not None and _joining_hyphen(token)))
            and not _honorific(token)
        )
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            end = i - 1 if _joining_hyphen(doc[i - 1]) else i
            if any(not t.ent_type_ for t in doc[start:end]):  # a capital alone, or two, are places
                runs.append(doc[start:end])
            start = None
    return runs


def _capital(token: Token) -> bool:
    """A city the country ruler tagged alone that may be a word of a person's name the model then left
    untagged ("Stanley | Fischer, vice chairman of …", "Tory ex-minister Douglas | Hogg"): many capitals are
    names too."""
    term = lookup(token.text)
    return (
        bool(token.ent_id_)
        and token.ent_iob_ == "B"
        and term is not None
        and term.kind == "capital"
        and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    )


def capital_surnames(doc: Doc) -> None:
    """A capital written alone where the text names a person with it as surname ("Economist Michael Douglas
    … Douglas added that …") is that person, not the city."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(_name_words(e)) >= 2}
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if len(ent) == 1 and ent.text in surnames and _capital(ent[0]):
            span = _span_to(ent, ent.end, "PERSON")
            if span is not None:
                ents[k] = span
                ent[0].ent_id_ = ""
                changed = True
    if changed:
        doc.ents = ents
