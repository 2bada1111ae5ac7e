"""Attributed statements: who said what, in direct quotes or reported speech.

A quote is attributed through the parse: the speech verb next to it and that verb's subject,
resolved from a surname, a pronoun or a title ("the minister") to the full name of the person the
article introduced; a person named under a preposition of the subject is not the speaker ("a spokesman
for Michael Howard", "the claims about Baroness Morgan's involvement"). A quote standing alone continues
the previous speaker's words. "He" and "she" go to the last person in focus whom the article does not tie to
the other pronoun (its own honorifics and pronouns say which; spaCy gives no gender).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.analyze.honorifics import HONORIFICS, KNIGHTLY, LEADING_TITLES, peerage_surname
from briefing.analyze.misread_names import INVERTING
from briefing.analyze.parsed import doc_text, sentence_of, sentences
from briefing.analyze.people import FIRM_NOUNS, OCCUPATIONS, ROLE_WORDS, acronym_country, match_name, mention_title
from briefing.article import Entity, Person, Statement
from briefing.wording import single_spaced

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = frozenset(
    """say tell add state declare announce stress emphasise emphasize underline underscore highlight note
    explain argue claim insist warn urge affirm reaffirm confirm assert describe call term express
    acknowledge admit reply respond answer ask write tweet post comment remark observe point suggest
    predict pledge promise vow advise talk deny reject accuse criticise criticize condemn praise welcome hail recall
    recount continue conclude maintain contend mention indicate reiterate quote told share""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def is_speech_verb(token: Token) -> bool:
    """A speech verb used as a verb: the noun "State" of "State Department" says nothing."""
    return token.lemma_.lower() in SPEECH_VERBS and token.tag_.startswith("VB")


QUOTE_PATTERNS = (
    re.compile(r"“([^“”]{2,}?)”"),
    re.compile(r'"([^"\n]{2,}?)"'),
    re.compile(r"(?<![\w’'])‘([^‘’\n]{2,}?)’(?![\w’])"),
    re.compile(r"(?<![\w'])'([^'\n]{8,}?)'(?!\w)"),
)


@dataclass(frozen=True, slots=True)
class _Quote:
    start: int
    end: int
    """Offsets of the quoted words, without the quote marks."""

    def text(self, body: str) -> str:
        return body[self.start : self.end]


def find_quotes(body: str) -> list[_Quote]:
    """Quoted passages in any quote style, in text order, without overlaps."""
    found = _double_quotes(body)
    taken: list[tuple[int, int]] = [(q.start - 1, q.end + 1) for q in found]
    for pattern in QUOTE_PATTERNS[2:]:
        for m in pattern.finditer(body):
            s, e = m.start(1), m.end(1)
            if any(m.start() < te and ts < m.end() for ts, te in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(_Quote(s, e))
    return sorted(found, key=lambda q: q.start)


_OPENERS = " \t\n([{—–-/"


def _double_quotes(body: str) -> list[_Quote]:
    """Straight and curly double quotes paired by a scan that knows continued quotes.

    News copy leaves a quote open when the speaker goes on in a new sentence or paragraph
    (“… shut down. “They colluded with it.”): an opening mark inside an open quote right after a
    sentence end continues it; any other opening mark means the earlier one was never closed.
    """
    quotes: list[_Quote] = []
    open_at = seg = -1
    for m in re.finditer(r'["“”]', body):
        i, ch = m.start(), m.group()
        prev = body[i - 1] if i else " "
        nxt = body[i + 1] if i + 1 < len(body) else " "
        if ch == "“":
            opening = True
        elif ch == "”":
            opening = False
        elif prev in _OPENERS and not nxt.isspace():
            opening = True
        elif not prev.isspace():
            opening = False
        else:
            opening = open_at < 0
        if open_at >= 0 and "\n" in body[seg:i]:
            # A quote runs on into the next paragraph only when that paragraph opens with a quote mark.
            para_end = body.index("\n", seg)
            rest = body[para_end:i].strip()
            if rest or not opening or not _sentence_end(body[seg:para_end]):
                open_at = -1
        if opening:
            before = body[open_at:i].rstrip()
            if open_at >= 0 and before.endswith((".", "!", "?", ".’", "?’")):
                seg = i + 1
                continue  # the same speaker goes on
            open_at = seg = i + 1
        elif open_at >= 0:
            if i - open_at >= 2:
                quotes.append(_Quote(open_at, i))
            open_at = -1
    return quotes


def is_statement_like(words: str) -> bool:
    """Scare quotes and quoted names ("Deterrence of Aggression") are not statements."""
    tokens = words.split()
    if len(tokens) < 3:
        return False
    if all(t[:1].isupper() or t.lower() in ("of", "the", "and", "for", "in", "a", "to") for t in tokens):
        return len(tokens) >= 6 and words.rstrip()[-1:] in ".!?,"
    return True


def extract_statements(doc: Doc, entities: tuple[Entity, ...], people: tuple[Person, ...]) -> tuple[Statement, ...]:
    body = doc_text(doc)
    resolver = _SpeakerResolver(doc, entities, people)
    statements: list[Statement] = []
    last_speaker: str | None = None
    last_end = -1
    quoted_sents: set[int] = set()
    for quote in find_quotes(body):
        words = quote.text(body).strip()
        if not is_statement_like(words):
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        sents = {s.start: s for s in (sentence_of(doc, tok.i) for tok in span)}
        quoted_sents.update(sents)
        tail = _attribution_after(doc, body, quote)
        if tail is not None and tail.start not in sents:
            sents[tail.start] = tail  # consulted last: “… away?” Forte said.
        speaker = None
        said_by: str | None = None  # the country the speaker's own subject phrase names, if one
        said_as: str | None = None  # the title it gives them, if it names them by one
        for sent in sents.values():
            found = resolver.from_sentence(sent, quote)
            if found:
                speaker, said_by, said_as = found
                break
        if speaker is None and not _narration_phrase(body, words, sents.values()):
            # A quote standing alone continues the person the text is about, else the last speaker.
            focus = resolver.focus(quote.start)
            if focus and focus[0] > last_end and quote.start - focus[0] < 600:
                speaker = focus[1]
            elif last_speaker and quote.start - last_end < 600:
                speaker = last_speaker
        if speaker is None:
            continue
        text = _clean_quote(words)
        prev = statements[-1] if statements else None
        if (
            prev
            and prev.speaker == speaker
            and prev.direct
            and quote.start - prev.end < 60
            and "\n" not in body[prev.end : quote.start]
            and not _sentence_end(prev.text)
            and not _SENTENCE_END_BETWEEN.search(body[prev.end : quote.start])
            and not (body[prev.end - 1 : prev.end].isalnum() and _NARRATION_ENDS.search(body[prev.end : quote.start]))
        ):
            # Split quote: “…,” he said, “…” (not a phrase quoted in the reporter's sentence and the next
            # quote after its full stop: … had not been "written by or at Number 10". "In my answer …", nor
            # after the full stop of the reporter's words that go on after the phrase: … of "being less than
            # straightforward" over its plans. "Next week …")
            statements[-1] = Statement(
                speaker, f"{prev.text}, {text}", True, prev.start, quote.end, prev.role, prev.country
            )
        else:
            person = resolver.person(speaker)
            statements.append(
                Statement(
                    speaker,
                    text,
                    True,
                    quote.start,
                    quote.end,
                    (person.role if person else None) or said_as,
                    (person.country if person else None) or said_by,
                )
            )
        last_speaker, last_end = speaker, quote.end
    statements.extend(_reported(doc, resolver, quoted_sents))
    return tuple(sorted(statements, key=lambda s: s.start))


PHRASE_SHARE = 1 / 3
"""A quote under this share of its sentence's words that begins inside it is a phrase the reporter quotes."""


def narration_phrase(words: str, sentence_words: int) -> bool:
    """A few words in quote marks inside the reporter's own sentence ("after an "aggressive sales culture" led
    the bank to flout …"): someone's choice of words, colour, not a statement in their own sentences. It starts
    with no capital (it begins inside a sentence) and is under `PHRASE_SHARE` of the sentence's words."""
    text = words.lstrip(" \"'“‘")
    return not text[:1].isupper() and len(text.split()) < PHRASE_SHARE * sentence_words


_DESCRIBED_REACH = 1500
"""How far (characters) after the person in focus a description ("the minister", "the 47-year-old") is still
that person."""

_AGE = re.compile(r"\d+\s*-\s*year\s*-\s*old")
"""A person's age as a noun or before one ("the 47-year-old director")."""

_NAME_JOINS = frozenset({"and", "of", "for", "&"})
"""Words inside an organisation's name: an entity right after one that follows another entity is the end of a
name the model cut in two ("Organisation for Economic Co-operation and Development"), not after "that of the …"."""

_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|we['’](?:re|ve|d|ll)|us|our|ours)\b")
"""Words of one who speaks: a phrase in the first person ("is "as low as I've ever seen."") is somebody's
speech, not the reporter's description."""


def _narration_phrase(body: str, words: str, sents: Iterable[Span]) -> bool:
    """`narration_phrase` for a quote in these sentences: a phrase whose speaker its own sentence does not
    name is nobody's the text can tell (not the last speaker's, as a quote standing alone is), unless it speaks
    in the first person."""
    spans = list(sents)
    start, end = min(s.start_char for s in spans), max(s.end_char for s in spans)
    return narration_phrase(words, len(body[start:end].split())) and not _FIRST_PERSON.search(words)


def _attribution_after(doc: Doc, body: str, quote: _Quote) -> Span | None:
    """The sentence that starts right after a quote's closing mark on the same line.

    A quote ending in "?" or "!" (or a full stop) ends the parser's sentence, so "“… away?” Forte said."
    leaves the attribution in a sentence of its own; it still names the speaker of the quote before it.
    A sentence that reports something else ("Mr Blair was being urged to act") is not one.
    """
    after = quote.end + 1
    gap = body[after : after + 3]
    start = after + len(gap) - len(gap.lstrip())
    if start >= len(body) or "\n" in body[after:start]:
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = sentence_of(doc, span[0].i)
    root = sent.root
    # Only a bare attribution, whose verb says nothing but the quote: not "Mr Blair was being urged to act".
    bare = root.lemma_.lower() in SPEECH_VERBS and not any(
        c.dep_ in ("ccomp", "xcomp", "nsubjpass") for c in root.children
    )
    return sent if bare and sent.start_char >= quote.end else None


def _reported(doc: Doc, resolver: _SpeakerResolver, skip: set[int]) -> list[Statement]:
    """ "X said that …" without quote marks: kept as indirect speech."""
    found: list[Statement] = []
    for sent in sentences(doc):
        if sent.start in skip:
            continue
        # A speech verb in a relative clause only when no other says anything: in "Mr Blair, who last year denied
        # he planned to join …, said abortion was a "difficult issue"", what he said. Two speakers side by side
        # both speak ("Human rights groups say the code is not legally binding - but Mr Straw said it would be
        # given legal force"); a speech verb inside what another said is part of it ("X said Y had claimed …").
        taken: list[tuple[int, int]] = []
        for tok in sorted(sent, key=lambda t: t.dep_ == "relcl"):
            if tok.lemma_.lower() not in SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            if taken and (tok.dep_ == "relcl" or any(a <= tok.i <= b for a, b in taken)):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
                # A speech verb in the passive has the one spoken to, or "it", as its subject: "The president
                # was asked whether he thought …" is the interviewer's question, "The minister was told that
                # …" someone else's words.
                continue
            comps = [c for c in tok.children if c.dep_ == "ccomp" and not c.is_punct]  # "e-mail" misread
            subj = _subject(tok)
            if not comps or subj is None:
                continue
            speaker = resolver.resolve(subj, sent.start_char)
            if not speaker:
                continue
            comp = comps[0]
            if _indirect_question(tok, comp):
                continue
            left = min(t.i for t in comp.subtree)
            right = max(t.i for t in comp.subtree)
            if tok.i < left and not any(c.dep_ in _CLAUSE_SUBJECTS for c in comp.children):
                # The parser took the clause's subject for the verb's object ("confirmed climate change was
                # discussed", "said the attack earlier this month was sickening"): the words said begin
                # after the verb, and after whom a verb of telling addresses ("told MPs child benefit would
                # rise").
                left = _said_from(tok, left)
            if doc[left].tag_ in ("WDT", "WP") and left < tok.i and tok.dep_ == "relcl" and tok.head.pos_ != "VERB":
                # "proposals which the Tories say would save more than £4.3bn": the words said are about what the
                # relative word stands for, so they begin with it, not with "which".
                left = min(left, tok.head.left_edge.i)
            if _conjunction_that(doc[left]):
                left += 1
            while left < right and doc[left].text in _OPENING_PUNCTUATION:
                left += 1  # "said that, once the deal was completed, it …"
            while right > left and doc[right].is_space:
                right -= 1  # the parser hangs a paragraph break on the clause's last word: no words of it
            if right - left + 1 < 4 or (left <= tok.i <= right and right - tok.i < 4):
                # A clause around its own speech verb with next to nothing after it is a misparse, not words
                # said ("in what Palestinian officials said was a compromise": "what Palestinian officials said
                # was"); "which the Tories say would save more than £4.3bn" still says what they say.
                continue
            while right > left and (doc[right].pos_ == "CCONJ" or doc[right].text in ",;"):
                right -= 1  # the "and" or comma that joins the next clause ("he was resigning and")
            span = doc[left : right + 1]
            if any(a <= right and left <= b for a, b in taken):
                continue
            person = resolver.person(speaker)
            found.append(
                Statement(
                    speaker,
                    span.text,
                    False,
                    span.start_char,
                    span.end_char,
                    (person.role if person else None) or resolver.subject_title(subj, speaker),
                    (person.country if person else None) or resolver.subject_country(subj),
                )
            )
            taken.append((left, right))
    return found


_OPENING_PUNCTUATION = frozenset({",", ";", ":", "-", "–", "—"})
_WITHHOLDING = frozenset("decline refuse fail".split())
_WH_WORD = re.compile(r"what|when|where|who|whom|whose|which|why|how")


def _indirect_question(verb: Token, comp: Token) -> bool:
    """A reported question or a question left open, not a statement: "asked whether the Treasury had leaned on
    the ONS", "declined to say if he was pleased", "would not confirm whether …", "did not say when the move
    would take place", "predict which celebrity would be evicted". An "if" clause after a plain "said" is a
    condition the parser cut off ("said if he had committed any crimes he should be prosecuted"); a question word
    after a plain "said" starts a statement ("told the programme what was needed was one approach"), and after
    "asked" it is often one put as a question ("He asked what the government had to hide")."""
    first = comp.left_edge
    mark = next((c.lower_ for c in comp.children if c.dep_ == "mark" and c.i == first.i), None)
    if mark == "whether" or (first.dep_ == "det" and _WH_WORD.fullmatch(first.lower_)):
        return True
    withheld = verb.dep_ == "xcomp" and (
        verb.head.lemma_.lower() in _WITHHOLDING or any(c.lower_ in ("yet", "still") for c in verb.head.children)
    )
    negated = any(c.dep_ == "neg" for c in (*verb.children, *(verb.head.children if withheld else ())))
    if mark == "if":
        return verb.lemma_.lower() == "ask" or withheld or negated
    return bool(_WH_WORD.fullmatch(first.lower_)) and (withheld or negated)


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_TELLING = frozenset("tell assure inform remind advise brief notify promise persuade convince".split())
"""Verbs of speech whose first object is the one spoken to: "told reporters", "assured them"."""
_ADDRESSEE_ENTITIES = frozenset({"ORG", "PERSON", "NORP", "GPE", "FAC", "WORK_OF_ART"})


def _said_from(verb: Token, left: int) -> int:
    """Where the words said begin in a reported clause whose subject the parser hung from the speech verb
    ("confirmed climate change was discussed"): right after the verb and the adverbials that lead off from it
    ("said last week that", "said on Tuesday"), and for a verb of telling after its addressee too, a pronoun
    ("told them"), a name with what it possesses ("told the BBC's Talking Point programme") or a lone plural or
    capitalised noun ("told MPs"). Where another speech verb stands between ("had said on the eve of the
    announcement said that") or no addressee is plain, the clause's own first word, as the parser gave it."""
    doc = verb.doc
    start = _past_adverbials(verb, verb.i + 1, left)
    if start >= left or any(is_speech_verb(t) for t in doc[start:left]):
        return left
    if verb.lemma_.lower() not in _TELLING:
        return start
    first = doc[start + 1] if doc[start].lower_ == "the" and start + 1 < left else doc[start]
    if first.tag_ == "PRP":
        end = first.i + 1
    elif first.ent_type_ in _ADDRESSEE_ENTITIES and first.ent_iob_ == "B":
        end = next((t.i for t in doc[first.i + 1 : left] if t.ent_iob_ != "I"), left)
        possessed = doc[end - 1].head
        if end < left and doc[end].tag_ == "POS" and end < possessed.i < left:
            end = possessed.i + 1  # what the name possesses belongs to the addressee
    elif first.i == start and (first.tag_ in ("NNS", "NNPS") or first.text[:1].isupper()) and doc[start + 1].is_lower:
        end = first.i + 1
    else:
        return left
    return _past_adverbials(verb, end, left)


def _conjunction_that(token: Token) -> bool:
    """ "that" opening what was said as its conjunction, not as its subject ("said that would be impossible":
    a pronoun, tagged a determiner, that is the clause's subject). Neither the tag nor the label tells alone:
    the parser calls the conjunction a subject at times ("said that rumours that …", tagged a preposition),
    and tags it a determiner of the noun after it ("told the paper that truancy was 'very bad'"), as it does
    the determiner itself ("said that figure is likely to rise"); the conjunction is the likelier."""
    return token.lower_ == "that" and not (token.tag_ == "DT" and token.dep_ == "nsubj")


_ADVERBIALS = frozenset({"npadvmod", "advmod", "prep"})


def _past_adverbials(verb: Token, start: int, left: int) -> int:
    """The first word from `start` on that is no punctuation, no "that" and no adverbial of the verb ("last
    week", "on Tuesday"); `left` at most. An adverbial that runs up to the clause holds the subject the parser
    took into it ("said with Christmas coming up the new home secretary had time"): it stays."""
    doc = verb.doc
    leading = {c.left_edge.i: c.right_edge.i for c in verb.children if c.dep_ in _ADVERBIALS}
    while start < left:
        if doc[start].is_punct or _conjunction_that(doc[start]):
            start += 1
        elif start in leading and leading[start] + 1 < left:
            start = leading[start] + 1
        else:
            break
    return min(start, left)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of several (a long subject phrase the parser broke up: "Whole Foods co-founder
    and CEO John Mackey said"), the one nearest the verb, which heads the phrase. A finite verb the parser
    hung from a person's name as a modifier ("Mr. Warner, the Virginia Democrat, called it …", the name then
    heading a sentence with no other verb) has that person as its subject; a modifier inside a clause that
    has its own verb ("the man called Warner arrived") does not."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return min(subjects, key=lambda child: abs(child.i - verb.i))
    if (doer := _after_opener(verb)) is not None:
        return doer
    head = verb.head
    if (
        verb.tag_ == "VBG"
        and is_speech_verb(verb)
        and verb.dep_ == "advcl"
        and head.dep_ == "ccomp"
        and is_speech_verb(head.head)
        and head.head.i < head.i
    ):
        # "X told the website Ford did not deserve credit, saying: “…”": the parser hangs the participle
        # from the reported clause, but the one saying is the one who told.
        return _subject(head.head)
    before = verb.doc[verb.i - 1] if verb.i else None
    if (
        before is not None
        and before.ent_type_ == "PERSON"
        and verb.dep_ in ("ROOT", "parataxis")
        and (is_speech_verb(verb) or (verb.dep_ == "ROOT" and verb.tag_ in _FINITE))
    ):
        # "In a statement issued on Wednesday Lord Woolf said": the parser made the name the object of the
        # preposition before it; a name right before a subjectless main speech verb is its subject, as before
        # any subjectless finite main verb ("On the outskirts of Kyoto, 83-year-old Yuji Shimizu contemplates
        # …", the name read as in apposition to Kyoto). So too
        # when the parser made the quote the main clause and the speech verb an aside of it ("…, the
        # legendary film critic Pauline Kael wrote, “I’m frequently asked …”").
        return before
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and (doer := _absolute_subject(verb)) is not None:
        return doer
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ == "acl" and head.i < verb.i and head.dep_ == "ROOT" and head.pos_ == "NOUN" and is_speech_verb(verb):
        # "The leader of Ennahda, Rachid Ghannouchi, condemned Wednesday’s attack, saying …": the parser read a
        # reduced relative ("the leader condemned"), leaving the sentence without a verb; the noun is its subject.
        return head
    if verb.dep_ == "acl" and head.i < verb.i and head.ent_type_ == "PERSON":
        if head.dep_ == "ROOT":
            return head
        governor = head.head
        if (
            is_speech_verb(verb)
            and governor.i > verb.i
            and any(t.text in ':"“' for t in verb.doc[verb.i + 1 : governor.i])
        ):
            # "Writer Neil Coppendale, from West Sussex, asked of the Iraq war: “… died …”": the parser made
            # the name the subject of the quote's verb and the speech verb a modifier of the name.
            return head
    return None


_FINITE = frozenset({"VBZ", "VBD", "VBP"})
"""Penn tags of a finite verb, which has a subject even where the parser found none."""


def _after_opener(verb: Token) -> Token | None:
    """The subject the parser hung from an opening participle it took for the subject clause: in "Welcoming
    the ruling, Maeve Sherlock, chief executive of the Refugee Council, said: …" the clause "Welcoming the
    ruling" is no speaker; the noun after its comma, before the verb, is ("Responding to the decision, Jack
    Straw said" the parser reads right)."""
    for opener in verb.children:
        if opener.dep_ != "csubj" or opener.tag_ not in ("VBG", "VBN") or opener.i > verb.i:
            continue
        comma = next((c for c in opener.children if c.text == ","), None)
        if comma is None:
            continue
        for noun in opener.children:
            if comma.i < noun.i < verb.i and noun.pos_ in ("PROPN", "NOUN") and noun.dep_ in _HUNG_SUBJECT:
                return noun
    return None


_HUNG_SUBJECT = frozenset({"npadvmod", "nsubj", "appos", "dobj", "attr", "dep"})
"""What the parser calls a subject it hung from an opening participle."""


def _absolute_subject(verb: Token) -> Token | None:
    """The person of a "with X doing" phrase right before a participle of speech: "The trouble began on the
    show, with Maria Hutchings marching up to him, saying “Tony, that's rubbish”" is hers, not the show's
    subject's nor his. The participle carries on the action of the person the phrase has just shown."""
    if not is_speech_verb(verb):
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or not prep.i < verb.i:
            continue
        for action in prep.children:
            if action.dep_ in ("pcomp", "pobj") and action.tag_ == "VBG":
                doers = [c for c in action.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"]
            elif action.dep_ == "pobj" and action.ent_type_ == "PERSON":
                doers = [action] if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in action.children) else []
            else:
                doers = []
            if doers:
                return doers[0]
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """The one quoted in "the paper quoted Mr Chernin as saying …": the object of "quote" with an "as
    saying" (or "as telling") beside it speaks, not the outlet that quotes; asked of "quoted" or of
    "saying"."""
    if verb.lemma_.lower() != "quote":
        prep = verb.head if verb.dep_ == "pcomp" else None
        if prep is None or prep.lower_ != "as" or not is_speech_verb(verb):
            return None
        verb = prep.head
        if verb.lemma_.lower() != "quote":
            return None
    said = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and is_speech_verb(g) for g in c.children)
        for c in verb.children
    )
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if said else None


def _sentence_end(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


def _clean_quote(words: str) -> str:
    """One line, without the marks that reopen a continued quote."""
    words = re.sub(r'(?<=[.!?’])\s+["“]', " ", words)
    return single_spaced(words).strip(" ,")


TITLE_HEADS = frozenset(
    """minister spokesman spokeswoman spokesperson president secretary ambassador official envoy chancellor
    premier king queen leader chairman chief governor mayor senator general commander judge commissioner
    aide adviser advisor diplomat negotiator lawyer mp mep msp""".split()
)
INSTITUTION_HEADS = frozenset(
    """ministry department office government committee agency statement kremlin embassy council army
    military police commission court palace cabinet administration newspaper paper magazine broadcaster""".split()
)
PUBLICATIONS = frozenset("newspaper paper magazine daily weekly journal tabloid".split())
"""Nouns for a publication: "the paper said" is the one the text cited last (`cited_publication`)."""
_OUTLET_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "GPE", "NORP"})
"""What the entity model tags a publication's name as ("the FT", "The Times")."""
_CITED_SENTENCES = 5
"""Sentences back the publication "the paper" stands for may be named."""
RELATIONS = frozenset("family mother father wife husband son daughter brother sister friend supporter ally".split())
"""People named by whom they belong to ("Michael Jackson's mother", "Mr Blair's supporters")."""
_PERSON_NOUNS = TITLE_HEADS | RELATIONS
SPEAKS_FOR_OTHERS = _PERSON_NOUNS | (INSTITUTION_HEADS - {"statement"})
"""People and bodies who speak for or beside someone: a name that owns or modifies one ("Mr Blair's spokesman",
"the Bush administration", "Michael Jackson's mother") is not the speaker; a name that owns a speech, a trip or a
statement is."""


_PRONOUN_GENDER = {
    "he": "he",
    "him": "he",
    "his": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
}
_GENDER_LOOKBACK = 6
"""How many people in focus back a pronoun may reach past people of the other pronoun."""
_POSSESSIVE = re.compile(r"['’]s\b")
_UNCLOSED = re.compile(r"\s*\([^)]*$")
_ROLE_BEFORE_NAME = 300
"""Characters after a title with no one in focus before it to the person it introduces."""

_SENTENCE_END_BETWEEN = re.compile(r"^\W*[.!?]")
"""A sentence ends right after a quote's closing mark: the next quote is not its continuation."""
_NARRATION_ENDS = re.compile(r"[.!?]\W*$")
"""The reporter's sentence ends right before the next quote opens."""
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_ACTORS = _PERSON_NOUNS | INSTITUTION_HEADS | {"firm", "company", "group", "bank", "party"}
"""Common nouns for people or bodies: one of them acting stands between a spokesperson and an organisation
named earlier."""
_OWNER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
_OWNER_SENTENCES = 3
"""Sentences back an unnamed spokesperson's organisation may stand ("The Justice Department refused to say if it
would appeal. '…,' a spokeswoman said")."""

_FORMER_WORDS = "former|ex|erstwhile|one-time|onetime"
_FORMER = re.compile(rf"\b(?:{_FORMER_WORDS})\b", re.IGNORECASE)
"""Words that put a title in the past ("the former cabinet secretary")."""

_INITIALS = re.compile(r"[A-Z]{3,6}")
"""An acronym ("UKIP"), read as the name the text spells out (`people.acronym_country`)."""


class _SpeakerResolver:
    """Turns a subject token into a speaker name, using the people the article introduced.

    It follows the person the text is about (the last named person who is the subject of a main clause
    or of a speech verb), which is who "he said" and a quote standing alone refer to.
    """

    def __init__(self, doc: Doc, entities: tuple[Entity, ...], people: tuple[Person, ...]) -> None:
        self.doc = doc
        self.people = people
        # Looked up for every subject: built once, since each `doc.ents` makes a Span per entity.
        self.ents = tuple(doc.ents)
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.persons = [e for e in entities if e.label == "PERSON"]
        self.orgs = [e for e in entities if e.label in ("ORG", "GPE", "NORP")]
        self.countries = [e for e in entities if e.country]
        self.text = doc_text(doc)
        self.knighted = {
            match_name(LEADING_TITLES.sub("", e.text).strip(), [p.name for p in people])
            for e in self.persons
            if mention_title(self.text, e.text, e.start) in KNIGHTLY
        }
        """People introduced as "Sir Ian Blair": never the "Mr Blair" of the same article."""
        self._quoted: list[tuple[int, int]] | None = None
        self.focus_events: list[tuple[int, str]] = []
        self._build_focus()
        self.gender = self._pronoun_gender()
        """Name -> "he" or "she", from the pronouns the article already ties to the person."""

    def _build_focus(self) -> None:
        # Whom the narration is about; a name that is the subject inside someone's quoted words ("Whole Foods
        # saw that early," he said) is what the speaker talks about, and "he" after it is still the speaker.
        quoted = self.quoted_spans()
        for sent in sentences(self.doc):
            # The sentence's speaker first: "Mr Brown's Budget was not about …, but '…,' the Tory leader said"
            # is about Brown's Budget, and the next "He urged the chancellor" is the Tory leader.
            speech = [t for t in sent if is_speech_verb(t) and t is not sent.root]
            verbs = [sent.root, *speech] if is_speech_verb(sent.root) else [*speech, sent.root]
            for verb in verbs:
                subj = _subject(verb)
                if subj is None or subj.lower_ in PRONOUNS or subj.lower_ in ("it", "this", "that"):
                    continue
                if any(start <= subj.idx < end for start, end in quoted):
                    continue
                if _relative_word(subj) and not (
                    any(c.dep_ == "ccomp" for c in verb.children)
                    or any(start < sent.end_char and sent.start_char < end for start, end in quoted)
                ):
                    continue  # "Mexican outfit Red Sharks Veracruz, who also expressed an interest": says nothing
                name = self.resolve(subj, subj.idx, speaking=is_speech_verb(verb))
                # A name the model did not tag counts only as a speaker ("Theresa May, …, told"), not as the
                # subject of any verb ("Whangārei Harbour seen from Tamaterau").
                untagged_speaker = is_speech_verb(verb) and _untagged_name(subj) is not None
                # A name in apposition to a noun for a person is a person's, whatever the model tagged it as
                # ("The Scottish National Party's Holyrood leader, Nicola Sturgeon, welcomed …").
                beside_person = subj.lemma_.lower() in _PERSON_NOUNS and any(c.dep_ == "appos" for c in subj.children)
                # One unnamed person who speaks ("President Castro's chief aide said …", "A BBC spokeswoman said")
                # is whom the next "he said" means, not the person named before or in the subject. Not "the
                # spokesman": mostly someone named before, who stays in focus.
                unnamed_speaker = (
                    is_speech_verb(verb)
                    and subj.tag_ == "NN"
                    and subj.lemma_.lower() in _PERSON_NOUNS
                    and subj.left_edge.lower_ != "the"
                )
                if name and (self.is_person(name) or untagged_speaker or beside_person or unnamed_speaker):
                    self.focus_events.append((subj.idx, name))
                    break

    def _pronoun_gender(self) -> dict[str, str]:
        """Which pronoun stands for each person, by votes from the text outside quotes: the honorific ("Mr",
        "Ms", "Lady"), the pronouns of a sentence that names only that person ("Fetter, for her part, continued
        to program"), and a narrative "he"/"she" subject of a sentence naming no one while the person is in
        focus (never the "she said" being resolved). spaCy gives no gender, and a
        list of first names would not carry to names nobody listed."""
        quoted = [(q.start, q.end) for q in find_quotes(self.text)]

        def in_quote(at: int) -> bool:
            return any(start <= at < end for start, end in quoted)

        votes: dict[str, int] = {}

        def vote(name: str, pronoun: str, weight: int = 1) -> None:
            votes[name] = votes.get(name, 0) + (weight if pronoun == "he" else -weight)

        for ent in self.persons:
            pronoun = HONORIFICS.get(mention_title(self.text, ent.text, ent.start))
            if pronoun:
                vote(self.full_name(ent.text, ent.start), pronoun, 3)
        for sent in sentences(self.doc):
            pronouns = {_PRONOUN_GENDER[t.lower_] for t in sent if t.lower_ in _PRONOUN_GENDER and not in_quote(t.idx)}
            named = {
                self.full_name(e.text, e.start)
                for e in self.persons
                if sent.start_char <= e.start < sent.end_char and not in_quote(e.start)
            }
            if len(named) == 1 and len(pronouns) == 1:
                vote(next(iter(named)), pronouns.pop())
            if named:
                continue  # "Lorenz gave her a manual, and she was up to speed": the "she" may be either
            for tok in sent:
                if (
                    tok.lower_ in ("he", "she")
                    and tok.dep_ in ("nsubj", "nsubjpass")
                    and not in_quote(tok.idx)
                    and not is_speech_verb(tok.head)  # "she said" is what this is for, not evidence
                ):
                    found = self.focus(tok.idx)
                    if found:
                        vote(found[1], tok.lower_)
        return {name: ("he" if n > 0 else "she") for name, n in votes.items() if n}

    def _focus_for(self, pronoun: str, before: int) -> tuple[int, str] | None:
        """The person in focus a "he" or "she" refers to: the last one in focus, passing over people the
        article ties to the other pronoun ("Lorenz gave her a manual … “…,” she said" is Fetter)."""
        recent = [event for event in self.focus_events if event[0] < before][-_GENDER_LOOKBACK:]
        for event in reversed(recent):
            if self.gender.get(event[1], pronoun) == pronoun:
                return event
        return self.focus(before)

    def focus(self, before: int) -> tuple[int, str] | None:
        """The person in focus just before an offset, with where they were last the subject."""
        found = None
        for at, name in self.focus_events:
            if at >= before:
                break
            found = (at, name)
        return found

    def is_person(self, name: str) -> bool:
        return any(p.name == name for p in self.people) or any(e.text == name for e in self.persons)

    def person(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)

    def full_name(self, text: str, at: int | None = None) -> str:
        """The known person a mention starting at `at` names; the honorific tells namesakes apart."""
        names = [p.name for p in self.people]
        text = _POSSESSIVE.sub("", text)  # "Tony Blair's" and "Tony Blair’s" are Tony Blair
        text = _UNCLOSED.sub("", text)  # "Institute for Fiscal Studies (IFS": the model's span ends inside
        cleaned = OCCUPATIONS.sub("", LEADING_TITLES.sub("", text)).strip()  # "Prof Etzioni"
        if len(cleaned.split()) == 1 or peerage_surname(cleaned):  # "Baroness Greenfield" may be "Susan Greenfield"
            title = mention_title(self.text, text, at) if at is not None else ""
            found = match_name(cleaned, names, self.knighted, title)
            if found in names:
                return found
        words = text.split()
        # A name whose every word is in a known name is that person, the longest such name first ("Baez
        # Silva" is "Carlos Baez Silva"); "Tony Blair" is never the "Ian Blair" the surname alone would give.
        within = [n for n in names if set(cleaned.split()) <= set(n.split())]
        if len(cleaned.split()) > 1 and within:
            return max(within, key=lambda n: len(n.split()))
        for p in self.people:
            parts = p.name.split()
            if text == p.name or (words and words[-1] in parts and not _another_given_name(words[:-1], parts)):
                return p.name
        return text

    def from_sentence(self, sent: Span, quote: _Quote) -> tuple[str, str | None, str | None] | None:
        """The speaker of a quote in this sentence, with the country and the title its subject phrase gives
        (or None)."""
        introduced = self._named_before_colon(quote)
        if introduced is not None:
            return introduced, None, None
        verbs = [t for t in sent if (is_speech_verb(t) or _as_reported(t)) and not (quote.start <= t.idx < quote.end)]
        # Nearest first; a speech verb in a relative clause last: in "said instead of the “bonfire of quangos”
        # New Labour had promised" the quote is the object of what the speaker said.
        verbs.sort(key=lambda t: (t.dep_ == "relcl", min(abs(t.idx - quote.start), abs(t.idx - quote.end))))
        for verb in verbs:
            subj = _subject(verb)
            if subj is not None and not (quote.start <= subj.idx < quote.end):
                speaker = self.resolve(subj, quote.start)
                if speaker:
                    return speaker, self.subject_country(subj), self.subject_title(subj, speaker)
            inverted = _inverted_subject(verb)  # “…,” said Price / asserted the minister
            if inverted is not None and verb.idx >= quote.end:
                speaker = self.resolve(inverted, quote.start)
                if speaker:
                    return speaker, self.subject_country(inverted), self.subject_title(inverted, speaker)
        owner = _words_owner(sent, quote)
        if owner is not None:
            speaker = self.resolve(owner, quote.start)
            if speaker:
                return speaker, self.subject_country(owner), None
        m = re.search(r"according to ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)", sent.text)
        if m:
            return self.full_name(m.group(1)), None, None
        # A quote that completes a sentence about someone: "Bourita described the talks as “…”".
        root = sent.root
        subj = _subject(root)
        if subj is not None and not (quote.start <= subj.idx < quote.end) and subj.ent_type_ == "PERSON":
            speaker = self.resolve(subj, quote.start)
            return (speaker, self.subject_country(subj), None) if speaker else None
        return None

    def _named_before_colon(self, quote: _Quote) -> str | None:
        """The person whose name ends right before a colon that opens the quote: "the question posed by Brighton
        nurse Marion Brown: 'Would you …?'" is hers, with no speech verb to say so, whatever verb the sentence
        has elsewhere (the parser ran "Diane Granger said: '…?' And … Marion Brown: '…'" into one sentence); so
        are "- Blackburn boss Mark Hughes: '…'" and "Said Williams: '…'". Not whom the words are addressed to
        ("He told Ms Sturgeon: '…'", "told BBC Radio 4's Westminster Hour: '…'")."""
        at = quote.start
        while at > 0 and self.text[at - 1] in " \t\n\"'“‘":
            at -= 1
        if at == 0 or self.text[at - 1] != ":":
            return None
        token = self.doc.char_span(at - 1, at, alignment_mode="expand")
        if token is None or token.start == 0:
            return None
        named = self.ent_at.get(token.start - 1)
        if named is None or named.label_ != "PERSON" or named.end != token.start:
            # "nurse Marion Brown:", "Said Williams:", a name the model missed: up to three capitalised proper
            # nouns, untagged, none opening the sentence ("Update:").
            start = token.start
            while start > 0 and token.start - start < 3 and _untagged_word(self.doc[start - 1]):
                start -= 1
            named = self.doc[start : token.start] if start < token.start else None
        if named is None or _addressed(named.root):
            return None
        return self.full_name(named.text, named.start_char)

    def subject_title(self, subj: Token, speaker: str) -> str | None:
        """The title a subject phrase names a known person by, when it names them by no name ("the trade and
        industry secretary has said …" of the Patricia Hewitt the next sentence names; "Pakistan's High
        Commissioner to Britain said"): its words up to the head, without article, possessor or country. What
        their role is when the article gives them none beside their name."""
        from briefing.analyze.gazetteer import lookup

        if subj.lower_ not in TITLE_HEADS or self.person(speaker) is None:
            return None
        # A country's word is the statement's country, not its title; a party's stays ("the Tory leader").
        words = [
            t
            for t in self.doc[subj.left_edge.i : subj.i + 1]
            if t.dep_ not in ("det", "poss", "case") and not (t.ent_type_ and lookup(t.text))
        ]
        if not words or not all(t.is_alpha and t.ent_type_ != "PERSON" for t in words):
            return None
        return " ".join(t.text for t in words)

    def subject_country(self, subj: Token) -> str | None:
        """The one country named in the subject's words up to its head: "A UK Independence Party MEP
        suggested …", "US officials said …". The speaker's own description says whom they speak for when
        the person is not otherwise placed; words after the head ("a spokesman for …", a relative clause)
        may be about someone else, and two countries say nothing. An institution whose name holds the head
        speaks for its own country ("The Bank of Mexico said")."""
        start, end = subj.left_edge.idx, subj.idx + len(subj.text)
        codes = {
            e.country
            for e in self.countries
            if e.country and ((start <= e.start and e.end <= end) or (e.label == "ORG" and e.start <= subj.idx < e.end))
        }
        if not codes:  # "A UKIP spokesman": the name the acronym stands for, where the text spells it out
            words = self.doc[subj.left_edge.i : subj.i + 1]
            for t in words:
                code = acronym_country(t.text, self.text, self.countries) if _INITIALS.fullmatch(t.text) else None
                if code:
                    codes.add(code)
        return codes.pop() if len(codes) == 1 else None

    def resolve(self, subj: Token, before: int, speaking: bool = True) -> str | None:
        """Who the subject is. `speaking`: as the speaker of its verb, so a group ("US officials") or a person
        only describing the subject ("Mr Blair's spokesman") is not that person; as the narration's topic
        (`speaking=False`, for the focus), "Tony Blair's big speech" is about Blair."""
        doc = self.doc
        if subj.lower_ in PRONOUNS:
            if subj.lower_ in ("i", "we"):
                return None
            group = self._plural_antecedent(subj) if speaking and subj.lower_ == "they" else None
            if group is not None:
                return group
            at = subj.idx if subj.idx < before else before
            focus = self._focus_for(subj.lower_, at) if subj.lower_ in ("he", "she") else self.focus(at)
            if focus:
                return focus[1]
            prior = [p for p in self.persons if p.end <= before]
            return self.full_name(prior[-1].text, prior[-1].start) if prior else None
        ent = self.ent_at.get(subj.i)
        if ent is not None:
            if ent.label_ == "PERSON":
                return self.full_name(ent.text, ent.start_char)
            if (
                ent.label_ in ("ORG", "GPE", "NORP")
                and not ent.ent_id_
                and not (len(ent) == 1 and subj.lower_ in TITLE_HEADS)
            ):
                return self.full_name(ent.text)  # not a title the model tagged a body ("A UKIP MEP")
        phrase = doc[min(t.i for t in subj.subtree) : max(t.i for t in subj.subtree) + 1]
        if speaking and _relative_word(subj):
            # "music critic Paul Connolly, who said they were …": the relative word stands for the name right
            # before it (the parser may hang the clause from another word of a long phrase: "Culture, Media and
            # Sport Secretary Tessa Jowell who said"); anything else (a report, a common noun) names no one.
            return self._antecedent(subj)
        if phrase[0].tag_ in ("WP$", "WDT", "WP"):
            # "The band - whose self-titled LP was …": a relative clause's subject (the parse hung the speech
            # verb from it) names what the relative word stands for, not who speaks.
            return None
        # "the leader of Ennahda, Rachid Ghannouchi,": the name in apposition is the speaker.
        for child in subj.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                named = self.ent_at.get(child.i)
                if named is not None:
                    return self.full_name(named.text, named.start_char)
            name = _untagged_name(child) if child.dep_ == "appos" else None
            if name is None and child.dep_ == "appos" and subj.lemma_.lower() in _PERSON_NOUNS:
                # A person's name beside a noun for a person, whatever the model took it for ("Kenteris's
                # lawyer, Gregory Ioannidis," read as an organisation; "Mr Begg's father, Azmat," as a place).
                name = _untagged_name(child, any_label=True, words=1)
            if name is not None:
                return self.full_name(name.text, name.start_char)
        if len(phrase) > 12:
            # A long subject: its words without what commas set off ("A spokesman for the British Casino
            # Association, which represents the UK industry,"), else its words up to its head.
            own = _own_words(phrase, subj)
            phrase = own if len(own) <= 12 else doc[subj.left_edge.i : subj.i + 1]
        if speaking and subj.tag_ == "NNS" and _group(subj) and not self.person(self.full_name(subj.text, subj.idx)):
            # "US officials said", "Bush administration officials said", "Prosecutors said Jaynes was …",
            # "Analysts said": the group speaks, not a person named in its description, and no one person in
            # focus is "the officials".
            return re.sub(r"^the\s+", "", _own_words(phrase, subj).text, flags=re.IGNORECASE)
        # A person named inside the subject speaks only as its head or beside it ("Lib Dem spokesman Sir
        # Menzies Campbell"), not under a preposition: "the claims about Baroness Morgan's involvement",
        # "the family of Baha Mousa" and "a spokesman for Tony Blair" are not Morgan, Mousa or Blair.
        persons_in = [
            e
            for e in self.ents
            if e.label_ == "PERSON"
            and phrase.start <= e.start
            and e.end <= phrase.end
            and not _under_preposition(e, subj)
            and not (speaking and _modifies_common_noun(e))
        ]
        if persons_in:
            return self.full_name(persons_in[-1].text, persons_in[-1].start_char)
        # A title written in capitals after an article or a possessor ("The Indonesian Economics Minister",
        # "Pakistan's High Commissioner") is no untagged name.
        described = subj.lower_ in TITLE_HEADS and (
            phrase[0].tag_ == "DT" or any(child.dep_ == "poss" for child in subj.children)
        )
        untagged = None if described else _untagged_name(subj)
        if untagged is not None:
            return self.full_name(untagged.text, untagged.start_char)  # "Theresa May, shadow secretary, told"
        if subj.is_title and self.person(self.full_name(subj.text, subj.idx)):
            return self.full_name(subj.text, subj.idx)  # a surname the model did not tag ("asserted Price")
        head = subj.lower_
        demonym = len(phrase) == 2 and subj.ent_type_ == "NORP" and subj.tag_ == "NNP" and bool(subj.ent_id_)
        if speaking and phrase[0].lower_ == "the" and (demonym or _AGE.search(doc[phrase.start : subj.i + 1].text)):
            # "The 47-year-old (director) said", "the American said": a person the text has named, the one it is
            # about (of that country, when the text says whose).
            focus = self.focus(subj.idx)
            person = self.person(focus[1]) if focus is not None else None
            foreign = demonym and person is not None and person.country not in (None, subj.ent_id_)
            if focus is not None and subj.idx - focus[0] < _DESCRIBED_REACH and not foreign:
                return focus[1]
        if head in TITLE_HEADS:
            return self._titled(subj, phrase, head)
        if speaking and subj.lemma_.lower() in RELATIONS:
            # "Michael Jackson's mother", "his son"; "the mother-of-nine" is the person the article is about.
            return self._titled(subj, phrase, head) if phrase[0].lower_ == "the" else _own_words(phrase, subj).text
        if speaking and (
            (head in FIRM_NOUNS and subj.text.islower() and phrase[0].lower_ == "the")
            or (head == "it" and subj.dep_ == "nsubj" and is_speech_verb(subj.head))
        ):
            # "The company said …", "It said …": the organisation that acted in the sentences before ("Toyota
            # has raised its forecast. The company said …"), when no one else acted since.
            return self.acting_organisation(subj)
        if head in INSTITUTION_HEADS:
            own = _own_words(phrase, subj)
            if head in PUBLICATIONS and [t.lower_ for t in own] == ["the", head]:
                # "The paper said": the publication the text last cited, when it named one.
                cited = self.cited_publication(subj)
                if cited is not None:
                    return cited
            return re.sub(r"^(?:the|a|an)\s+", "", own.text, flags=re.IGNORECASE)
        if subj.pos_ == "PROPN":
            return self.full_name(_own_words(phrase, subj).text)
        return None

    def _plural_antecedent(self, they: Token) -> str | None:
        """Who "they" are: the nearest subject before, in its sentence or the two before it, that is plural and
        stands for people ("union officials denied …. They said", "Business leaders had opposed the plan as they
        said", "Lord Justice Rix and Mr Justice Forbes ruled …. They said"), spoken of in the words the text
        gives them. Not a person in focus: "they" is never one person, and the text's last "he" or "she" gave
        the union's words to the transport secretary and the law lords' to the home secretary."""
        doc = self.doc
        quoted = self.quoted_spans()
        found = sentences(doc)
        at = found.index(sentence_of(doc, they.i))
        for sent in reversed(found[max(0, at - 2) : at + 1]):
            if sent.start <= they.i < sent.end:
                # Its own sentence: any clause before it ("… had opposed the plan as they said"), not the words
                # said ("The other five Iraqis did not die in custody, so their cases had to fail, they said").
                subjects = [
                    t
                    for t in sent
                    if t.dep_ in ("nsubj", "nsubjpass") and t.i < they.i and not they.head.is_ancestor(t)
                ]
            else:
                # A sentence before: who acts in it, not who is acted on ("insisted they would hold ministers …"),
                # and in the passive the agent ("is expected to be opposed by the Liberal Democrats").
                main = [v for v in sent if v.dep_ in ("ROOT", "xcomp") or (v.dep_ == "conj" and v.head.dep_ == "ROOT")]
                agents = [
                    o for v in main for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                ]
                actors = [a for a in _actors(sent) if a.dep_ != "nsubjpass"] + agents
                subjects = sorted(actors, key=lambda a: a.i)
            for t in reversed(subjects):
                if t.lower_ in PRONOUNS or any(a <= t.idx < b for a, b in quoted):
                    continue
                # "Lord Justice Rix and Mr Justice Forbes", "Both the IMF and World Bank" (parsed as one bank).
                coordinated = any(
                    c.dep_ in ("conj", "cc", "preconj") and (c.i < t.i or c.head.i == t.i) for c in t.subtree
                )
                if t.tag_ not in ("NNS", "NNPS") and not coordinated:
                    continue
                # People or bodies, by the head or the words before it and its coordinated parts ("Lord Justice Rix
                # and Mr Justice Forbes", "Ministry of Defence lawyers"), or a group that says ("Analysts said",
                # not "their stories can be told"); not "prices" or "the figures from the ONS": things do not say.
                words = [w for w in t.subtree if w.i <= t.i or (w.head.i == t.i and w.dep_ == "conj")]
                said = t.dep_ == "nsubj" and _group(t)
                if not (said or any(_names_people(w) for w in words)):
                    continue
                name = self.resolve(t, they.idx) if t.ent_type_ == "PERSON" or not coordinated else None
                if name:
                    return name
                phrase = _own_words(doc[t.left_edge.i : t.right_edge.i + 1], t)
                if len(phrase) > 12:
                    phrase = doc[t.left_edge.i : t.i + 1]
                return re.sub(r"^the\s+", "", phrase.text, flags=re.IGNORECASE)
        return None

    def _antecedent(self, relative: Token) -> str | None:
        """The name that ends right before a relative word (a comma between), as a speaker."""
        at = relative.i - 1
        while at >= 0 and self.doc[at].text == ",":
            at -= 1
        ent = self.ent_at.get(at) if at >= 0 else None
        if ent is None or ent.end != at + 1:
            return None
        if ent.start > 1 and self.doc[ent.start - 1].lower_ in _NAME_JOINS and ent.start - 2 in self.ent_at:
            return None  # the end of a longer name the model cut in two ("… Co-operation and | Development")
        if ent.label_ == "PERSON":
            return self.full_name(ent.text, ent.start_char)
        return self.full_name(ent.text) if ent.label_ in ("ORG", "GPE", "NORP") and not ent.ent_id_ else None

    def _opening_next(self, sent: Span) -> str | None:
        """The person the sentence after `sent` opens with, when the narration puts that person in focus there."""
        if sent.end >= len(self.doc):
            return None
        following = self.doc[sent.end].sent
        event = next((e for e in self.focus_events if following.start_char <= e[0] < following.end_char), None)
        token = self.doc.char_span(event[0], event[0] + 1, alignment_mode="expand") if event else None
        ent = self.ent_at.get(token.start) if token is not None else None
        opening = following.start
        while opening < len(self.doc) and self.doc[opening].lower_.rstrip(".") in HONORIFICS:
            opening += 1  # "Dr Maleeha Lodhi said"
        return event[1] if event and ent is not None and ent.label_ == "PERSON" and ent.start == opening else None

    def _named_as(self, noun: str, after: int) -> str | None:
        """The person a later mention of the noun has in apposition ("her mother, Fiona")."""
        for token in self.doc:
            if token.idx <= after or token.lower_ != noun:
                continue
            for child in token.children:
                ent = self.ent_at.get(child.i) if child.dep_ == "appos" else None
                if ent is not None and ent.label_ == "PERSON":
                    return self.full_name(ent.text, ent.start_char)
        return None

    def quoted_spans(self) -> list[tuple[int, int]]:
        """Character spans of the article's quotes, found once."""
        if self._quoted is None:
            self._quoted = [(q.start, q.end) for q in find_quotes(self.text)]
        return self._quoted

    def cited_publication(self, subj: Token) -> str | None:
        """The publication named last before `subj`, in its sentence or the `_CITED_SENTENCES` before: a name
        the text calls one ("the Mirror newspaper", "Czech newspaper Daily Sport"), cites ("according to the
        Financial Times") or has report ("the FT reports"). What "the paper" that speaks next stands for, written
        as where the publication speaks itself ("The Mirror newspaper said"), so that it is one speaker."""
        from briefing.analyze.gazetteer import lookup

        found = sentences(self.doc)
        at = found.index(sentence_of(self.doc, subj.i))
        for t in reversed(self.doc[found[max(0, at - _CITED_SENTENCES)].start : subj.i]):
            named: Span | None = None
            if t.lower_ in PUBLICATIONS:
                # Its own name, not the country it is of ("US magazine Mobile PC").
                names = [c for c in t.lefts if c.dep_ in _OWNER_DEPS and c.pos_ == "PROPN" and not lookup(c.text)]
                after = [c for c in t.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
                if names:  # "the Mirror newspaper", "Vedomosti newspaper"
                    named = self.doc[names[0].left_edge.i : t.i + 1]
                elif after:  # "US magazine Mobile PC"
                    named = self.doc[after[0].left_edge.i : after[0].i + 1]
                elif t.dep_ in _OWNER_DEPS and t.head.pos_ == "PROPN" and t.head.i > t.i:  # "newspaper Daily Sport"
                    named = self.doc[t.i + 1 : t.head.i + 1]
            elif (ent := self.ent_at.get(t.i)) is not None and ent.label_ in _OUTLET_LABELS and t == ent.root:
                if _according_to(t) or (t.dep_ == "nsubj" and t.head.lemma_ == "report"):  # "the FT reports"
                    named = ent
            elif ent is None and t.pos_ == "PROPN" and _according_to(t):
                named = self.doc[t.left_edge.i : t.i + 1]  # "according to the FT", a name the model left untagged
            if named is not None:
                return re.sub(r"^the\s+|['’]s?$", "", named.text, flags=re.IGNORECASE)
        return None

    def acting_organisation(self, subj: Token) -> str | None:
        """The organisation that is the subject of a clause before `subj` in its sentence, or of the main clause
        (or of a speech verb) of one of the `_OWNER_SENTENCES` before, in its paragraph or the one before: whose
        unnamed spokesperson speaks next. A person or a common noun acting in between
        ("The firm said", "Mr Gammell cautioned") ends the search: the spokesperson may be theirs; a thing
        ("This approval has come from the Indian government") does not."""
        text = self.text
        quoted = self.quoted_spans()
        current = sentence_of(self.doc, subj.i)
        found = sentences(self.doc)
        at = found.index(current)
        paragraphs = 0
        for k in range(at, max(-1, at - _OWNER_SENTENCES - 1), -1):
            sent = found[k]
            if k < at and "\n" in text[sent.end_char : found[k + 1].start_char]:
                paragraphs += 1
                if paragraphs > 1:
                    return None
            if k == at:  # its own sentence: any clause before it ("O'Herlihy died at his home, a spokesman said")
                actors = [t for t in reversed(sent) if t.dep_ in ("nsubj", "nsubjpass") and t.idx < subj.idx]
            else:
                actors = _actors(sent)
            for actor in actors:
                if actor.idx >= subj.idx or any(a <= actor.idx < b for a, b in quoted):
                    continue  # after the spokesperson, or inside someone's quoted words
                # The actor's own name, a name that owns or modifies it ("A Mittal Steel spokesman"), or one in
                # apposition to it ("Japanese carmaker Toyota has raised …").
                own = [
                    e
                    for e in self.ents
                    if e.label_ in ("ORG", "PERSON")
                    and (
                        e.start <= actor.i < e.end
                        or (e.root.head.i == actor.i and (e.root.dep_ in _OWNER_DEPS or e.root.dep_ == "appos"))
                    )
                ]
                if not own:
                    if actor.lower_ in PRONOUNS or actor.lemma_.lower() in _ACTORS:
                        return None  # someone else acted since: the spokesperson may be theirs
                    continue  # "This approval has come from …": no one acting
                if any(e.label_ == "PERSON" for e in own):
                    return None
                org = own[0]
                if org[-1].pos_ in ("ADP", "CCONJ", "DET"):
                    return None  # a name the model cut short ("The Association of | British insurers")
                # "the Home Office", but not "the Rosneft" of "The Rosneft announcement".
                the = "the " if org.start > 0 and self.doc[org.start - 1].lower_ == "the" and org.end > actor.i else ""
                return the + re.sub(r"^The\b", "the", re.sub(r"['’]s?$", "", _UNCLOSED.sub("", org.text)))
        return None

    def _titled(self, subj: Token, phrase: Span, head: str) -> str:
        """ "the (Moroccan) minister": the person in focus when the title fits, else the one holding it."""
        from briefing.analyze.gazetteer import lookup

        codes = {t.code for t in (lookup(tok.text) for tok in phrase) if t}
        # Someone the article gives this very title: "the Tory leader said" is Michael Howard, not the Gordon
        # Brown whose Budget the sentence is about, though Brown is in focus and has no title of his own. Only
        # the same title: "the minister" may be the justice minister in focus, not the First Minister.
        holders = [p for p in self.people if p.role and _same_title(p.role, phrase)]

        def fits(person: Person | None) -> bool:
            if person is None:
                return not codes
            if codes and person.country and person.country not in codes:
                return False
            return _holds(person.role, head, phrase) if person.role else not holders

        # "Russia's president" is as definite as "the president": one holder, the country's.
        definite = phrase[0].lower_ == "the" or _country_possessor(phrase)
        focus = self.focus(subj.idx)
        if focus and definite and subj.idx - focus[0] < _DESCRIBED_REACH and fits(self.person(focus[1])):
            return focus[1]
        recent = focus is not None and subj.idx - focus[0] < _ROLE_BEFORE_NAME
        if focus and recent and phrase[0].lower_ == "the" and _FORMER.search(phrase.text):
            # "the former cabinet secretary" two sentences after "civil service chief Lord Butler" is he: a
            # past office is often not the title the article introduced the person with, and "former" says
            # the title no longer names a holder of today (who may be named further on).
            person = self.person(focus[1])
            if not codes or person is None or person.country is None or person.country in codes:
                return focus[1]
        if (focus is None and subj.sent.start == 0 and (phrase[0].lower_ in ("a", "an") or definite)) or (
            definite and phrase[0].lower_ != "the"
        ):
            # A delayed identification: the lead describes whom it quotes ("A UK Independence Party MEP
            # suggested …", "Russia's president has defended …") and the next sentence opens with the name
            # ("Mike Nattrass, UKIP's deputy leader, made the comments …"), often with another of his titles;
            # a country's office anywhere ("… after Pakistan's High Commissioner to Britain said some Pakistanis
            # should integrate more. Dr Maleeha Lodhi said …") is the next sentence's opening name if it fits.
            named = self._opening_next(subj.sent)
            if named is not None and (subj.sent.start == 0 or fits(self.person(named))):
                return named
        body = _body_named(phrase)
        for p in reversed(holders or self.people):
            # A title that names its own body ("A spokesman for the Home Office") is someone's whose role names
            # it too, not the "Andrew Hogg, spokesman for the Medical Foundation" of two paragraphs on.
            if (
                p.role
                and _holds(p.role, head, phrase)
                and (not codes or p.country in codes)
                and (body is None or body.lower() in p.role.lower())
            ):
                return p.name
        if len(phrase) == 2 and phrase[0].lower_ in ("a", "an") and head in _SPOKESPEOPLE:
            # "A spokesman said" after "But the Home Office defended the measures.": the spokesman of the
            # organisation the narration just had act ("A spokesman for the Home Office").
            owner = self.acting_organisation(subj)
            if owner:
                return f"{phrase.text} for {owner}"
        if focus is None and phrase[0].lower_ == "the" and head in RELATIONS:
            # "The mother of a woman who took diet pills has described …": the relative the article names
            # with the same word ("her mother, Fiona, said"), not the first person after (the woman herself).
            named = self._named_as(head, subj.idx)
            if named is not None:
                return named
        if focus is None and phrase[0].lower_ == "the":
            # A lead that names the role before the person ("… needs to be 'exploded', the work and pensions
            # minister has said. This was why …, Alan Johnson said"): the first person in focus after it.
            after = next((event for event in self.focus_events if event[0] > subj.idx), None)
            if after and after[0] - subj.idx < _ROLE_BEFORE_NAME and fits(self.person(after[1])):
                return after[1]
        return _own_words(phrase, subj).text


_QUALIFIED_OFFICE = re.compile(rf"\b(?:{_FORMER_WORDS}|shadow|deputy|vice|junior|assistant|acting)\b", re.IGNORECASE)
"""Words that make a title another office: "shadow chancellor" does not answer to "the chancellor"."""


_SAYING = frozenset("say tell add warn argue claim insist state declare explain write predict admit deny urge".split())
"""Verbs that only people and their bodies do: a plural noun that says is a group of them ("Prosecutors said"),
where one that indicates, suggests, highlights or calls may be a thing ("the cuts could indicate", "the new rules
highlight", "more customers are calling")."""


_SPEAK_FOR_THEMSELVES = INSTITUTION_HEADS | RELATIONS
"""Bodies and relatives, who name their own speakers (`_titled`, `cited_publication`): no group of `_group`'s."""


def _actors(sent: Span) -> list[Token]:
    """Who acts in a sentence: the subjects of its main verb and of its speech verbs."""
    verbs = [sent.root, *(t for t in sent if is_speech_verb(t) and t.i != sent.root.i)]
    return [a for a in map(_subject, verbs) if a is not None]


def _names_people(word: Token) -> bool:
    """A word that stands for people or a body of them: a name of a person, people or organisation, a title or
    an honorific, or a noun for a body ("police", "firms")."""
    lemma = word.lemma_.lower()
    return word.ent_type_ in ("PERSON", "NORP", "ORG") or lemma in _ACTORS or lemma in HONORIFICS


def _group(subj: Token) -> bool:
    """A plural noun that speaks as a group of people: a title's ("US officials"), else one that says
    (`_SAYING`); not a body's or a relative's, which name their own speakers."""
    lemma = subj.lemma_.lower()
    if lemma in TITLE_HEADS:
        return True
    return lemma not in _SPEAK_FOR_THEMSELVES and subj.head.lemma_.lower() in _SAYING


def _as_reported(verb: Token) -> bool:
    """ "as Reuters reported", set in a quote: whose words the quote is. Reporting is no speech verb otherwise:
    "the FT reported that …" is the reporter's account of another outlet's story, and a report's sentence
    names many a thing besides who speaks ("Mr Clarke had been reported to be …")."""
    return verb.lemma_.lower() == "report" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _according_to(token: Token) -> bool:
    """The token is what "according to" cites."""
    doc = token.doc
    return token.dep_ == "pobj" and doc[max(0, token.head.i - 1) : token.head.i + 1].text.lower() == "according to"


_SET_OFF = frozenset({"appos", "relcl", "acl", "nummod", "prep", "advcl", "amod", "npadvmod"})
"""What a comma sets off after a noun: an apposition, a relative clause, an age, an aside ("in a statement")."""


def _own_words(phrase: Span, head: Token) -> Span:
    """The subject phrase without what a comma sets off after its head ("The MP, who is consulting his
    lawyers,"; "Stephen Douglas, 26, from Wales,"; "A spokesman for DaimlerChrysler, parent company of Mercedes
    Benz,") and without an opening quote mark the parse left on it; a comma between the parts of a name ("the
    Department for Culture, Media and Sport") stays, and so does a person's name set off after a title, who is
    the speaker ("director of the Victims of Crime Trust, Norman Brennan,")."""
    doc = phrase.doc
    start = phrase.start
    while start < head.i and (doc[start].is_quote or doc[start].is_punct):
        start += 1
    for comma in doc[head.i + 1 : phrase.end]:
        if comma.text == "," and any(
            child.dep_ in _SET_OFF and child.left_edge.i == comma.i + 1 and child.ent_type_ != "PERSON"
            for child in comma.head.children
        ):
            return doc[start : comma.i]
    return doc[start : phrase.end]


def _another_given_name(before: list[str], name: list[str]) -> bool:
    """The capitalised words before a surname are no title, article or people's name and not in the known
    name, which has a given name of its own: another given name ("Shareholders United" is not "Manchester
    United"; "Foreign Secretary Straw" is "Jack Straw", "The DJ" "DJ Norman Cook", "Irishmen JP McManus" the
    "McManus" known by surname alone)."""
    from briefing.analyze.gazetteer import lookup

    return (
        bool(before)
        and len(name) > 1
        and all(
            w[:1].isupper()
            and w not in name
            and w.lower() not in ("the", "a", "an")
            and not ROLE_WORDS.fullmatch(w)
            and w.lower() not in TITLE_HEADS
            and lookup(w) is None
            for w in before
        )
    )


def _country_possessor(phrase: Span) -> bool:
    """The phrase opens with a country's name in the possessive ("Russia's president", "Pakistan's High
    Commissioner to Britain")."""
    from briefing.analyze.gazetteer import lookup

    mark = next((t for t in phrase if t.tag_ == "POS"), None)
    if mark is None or mark.i == phrase.start:
        return False
    owner = phrase.doc[phrase.start : mark.i].text
    return lookup(owner) is not None and all(
        t.ent_type_ in ("GPE", "LOC", "NORP") for t in phrase[: mark.i - phrase.start]
    )


def _holds(role: str, head: str, phrase: Span) -> bool:
    """A role answers to a title phrase with its head word ("the Tory leader": "Tory leader") when every
    qualifier that makes the role another office is in the phrase too."""
    said = {t.lower_ for t in phrase}
    return head in role.lower() and all(q.lower() in said for q in _QUALIFIED_OFFICE.findall(role))


def _same_title(role: str, phrase: Span) -> bool:
    """The role is the phrase's title word for word, articles and regions aside ("Tory leader" is "the Tory
    leader", "Texas Judge" is "the judge"); a country's word is not aside ("Israeli Prime Minister" is not
    "the prime minister" of a British story)."""
    from briefing.analyze.gazetteer import region_country

    def office(words: list[str]) -> list[str]:
        return [w.lower() for w in words if w.lower() not in ("the", "a", "an") and not region_country(w)]

    return office([t.text for t in phrase if t.is_alpha]) == office(re.findall(r"[A-Za-z]+", role.replace("'s", "")))


def _body_named(phrase: Span) -> str | None:
    """The organisation or place a title phrase names as its own ("a spokesman for the Home Office", "a Cosla
    spokesman", "the Labour MP for Birkenhead"); a country is whose office it is, read apart (`codes`)."""
    from briefing.analyze.gazetteer import lookup

    return next(
        (
            e.text
            for e in phrase.ents
            if e.label_ == "ORG" or (e.label_ in ("GPE", "LOC", "FAC") and not lookup(e.text))
        ),
        None,
    )


def _words_owner(sent: Span, quote: _Quote) -> Token | None:
    """The one whose words a noun phrase says the quote is, outside the quote: the named possessor of "words"
    as the object of a preposition ("In Dr. Shadlen's words, “…”"), or of a noun whose "that" clause holds the
    quote ("Arment's insistence that “anyone can do this”", "Mr Blair's claim that the war was "legal""): what
    someone insists, claims or warns, as the clause after their speech verb would be."""
    for tok in sent:
        if quote.start <= tok.idx < quote.end:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        if tok.lower_ == "words" and tok.dep_ == "pobj" and owner.ent_type_ == "PERSON":
            return owner
        named = owner.ent_type_ == "PERSON" or owner.pos_ == "PROPN" or owner.is_title  # "Arment" read as a noun
        for clause in (c for c in tok.children if c.dep_ == "acl" and c.i > tok.i):
            said = sent.doc[clause.left_edge.i : clause.right_edge.i + 1]
            that = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
            if named and that and said.start_char <= quote.start and quote.end <= said.end_char + 2:
                return owner  # the closing mark may fall just outside the clause the parser built
    return None


def _addressed(name: Token) -> bool:
    """The name is an object, the one spoken to ("told Sir Edward", "asked Mr Sullivan", "Breakfast with
    Frost"), not the agent of a passive ("the question posed by Marion Brown")."""
    return name.dep_ in ("dobj", "dative", "iobj") or (name.dep_ == "pobj" and name.head.dep_ != "agent")


def _name_word(token: Token, any_label: bool = False) -> bool:
    """A capitalised proper noun the model tagged as nothing or as a person (as anything, with `any_label`)."""
    return token.pos_ == "PROPN" and token.is_title and (any_label or token.ent_type_ in ("", "PERSON"))


def _untagged_word(token: Token) -> bool:
    """A name word (`_name_word`) that opens no sentence ("Update:") and is no speech verb that opens an inverted
    attribution, which the tagger may read as a name ("Said Williams: '…'")."""
    return _name_word(token) and not (token.is_sent_start or token.lower_ in INVERTING)


def _untagged_name(token: Token, any_label: bool = False, words: int = 2) -> Span | None:
    """A name in apposition to a title that the model did not tag ("The Shadow Secretary of State for the
    Family, Theresa May, said": "May" read as the month): two or more capitalised proper nouns (`words`),
    none of them tagged as a place, organisation or anything else (unless `any_label`: the caller knows
    the name is a person's)."""
    run = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    if len(run) < words or run[-1].i - run[0].i + 1 != len(run):
        return None
    if not all(_name_word(t, any_label) for t in run):
        return None
    return token.doc[run[0].i : token.i + 1]


_BEFORE_OBJECT_NAME = frozenset({"the", *HONORIFICS})
"""What may stand between a preposition and the name that is its object ("about Baroness Morgan", "for the Rev
Ian Paisley")."""


def _modifies_common_noun(ent: Span) -> bool:
    """The name says whom the subject speaks for ("Mr Blair's spokesman", "a Blair aide", "the Bush
    administration"): a possessor or compound modifier of a noun of `SPEAKS_FOR_OTHERS` outside the name."""
    token = ent.root
    while token.head.i != token.i:  # up through a longer name ("President Susilo Bambang Yudhoyono's government")
        head = token.head
        if token.dep_ not in ("poss", "compound"):
            return False
        if head.pos_ == "NOUN" and not ent.start <= head.i < ent.end:
            return head.lemma_.lower() in SPEAKS_FOR_OTHERS
        token = head
    return False


def _relative_word(token: Token) -> bool:
    """The subject "who", "which" or "that" of a relative clause ("Paul Connolly, who said …")."""
    return token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.n_lefts + token.n_rights == 0


def _under_preposition(ent: Span, head: Token) -> bool:
    """The entity is the object of a preposition hanging from `head` ("a spokesman for Michael Howard", "the
    claims about Lord Falconer and Baroness Morgan's involvement"): its path up to `head` passes a "prep"
    whose object starts with a name, honorifics aside. A name at the end of a longer object is a title's
    holder ("minister for women Jacqui Smith", "correspondent in Jakarta, Rachel Harvey") and may speak; a
    name joined to the object is another object ("the star of Rain Man and Tootsie", a film tagged a person)."""
    token = ent.root
    joined = False  # one of several objects ("the star of Rain Man and Tootsie"), not a title's holder
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "prep":
            doc = token.doc
            names = [e.start for e in doc.ents if e.label_ == "PERSON" and token.i < e.start <= token.right_edge.i]
            between = doc[token.i + 1 : min(names)] if names else doc[token.i + 1 : token.i + 1]
            return bool(names) and (joined or all(t.lower_.rstrip(".") in _BEFORE_OBJECT_NAME for t in between))
        joined = joined or token.dep_ == "conj"
        token = token.head
    return False


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after the verb in "…,” said Price": the parser often makes it an object."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    if nxt.lower_ == "the":
        return next((t for t in doc[verb.i + 2 : verb.i + 6] if t.lower_ in TITLE_HEADS), None)
    if nxt.is_title and nxt.dep_ in ("dobj", "nsubj", "npadvmod", "attr", "compound", "appos"):
        return nxt
    return None
