"""Key statements of a pair: merged across articles, then ranked by a score an analyst can read.

Merging. A quote repeated in several articles is one statement with every article it comes from: the
same speaker (names compared as `people.NameIndex` does) and the same words (case, accents, quote
marks, spacing and end punctuation ignored) or near-same words (one quote inside the other, or most
words shared: outlets trim and re-punctuate). A long passage two articles give to two speakers is one
statement of the speaker an article names in its sentence (the other attribution is a pronoun gone astray).

Score (the sum of these parts; see docs/brief.md for the reasons):

- **who** speaks: `WHO[level] * COUNTRY_FACTOR[side]`. Level: head of state or government (president,
  prime minister, king, emir, chancellor…) 2.0; minister or secretary (attorney general too) 1.8;
  spokesperson, ambassador, envoy, aide, judge or official 1.5 (a group of them too: "US officials"); an
  institution (a ministry, the Kremlin, an embassy, or an organisation: spaCy's ORG, or what
  `people.CorpusPeople` shows is no person, "Yukos")
  1.3, below the officials who lead it; any other role 0.8 (a *former* office holder, a party's or
  union's general secretary); a named person without a role 0.5; nobody known 0. Side: the speaker
  speaks for one of the pair's two countries 1.0, for no known country 0.6, for a third country 0.4. A
  speaker's country the articles do not state comes from the corpus (`people.CorpusPeople`): the same
  person's other mentions, else, for an office, the country of a region that possesses or modifies it
  (`region_office_country`: "Hessen's economy minister", "its minister" after "the state of Hessen"), else
  the pair's country that holds that office in the corpus, else the pair's country the statement's
  article is about (`ArticleIndex.home`), else, for an office holder or a politician (a party leader, an
  MP), the country of the pair all the article's other quoted officials (else named ones) speak for
  (`colleagues_country`; a colleague's role from the pair's people when the article gives none). An
  organisation speaks for one country throughout a pair: the one an article states for it, else the one
  the pair's articles place it in (`people.organisation_country`); so does an unnamed speaker whose title
  names an organisation ("a BaFin spokeswoman" of "Germany's financial watchdog BaFin").
- **what** it is about, the largest part (a head of state on domestic politics is not news of the
  pair): the quote itself names both countries (their names, capitals, peoples, institutions or people)
  +3.5, the other country than the speaker's +3.0, one country only (the speaker's own, or a third
  country's speaker on either) +1.0, a speaker of no known side on one of them +0.5 (commentary on that
  country, not on the pair); else it speaks of a relationship (relations, ties, talks,
  agreement…) of the pair +1.5: its sentence names the other country, or the words name two countries
  themselves ("bilateral", "the two leaders"; not "race relations in this country"); else its sentence names the other
  country (either, for a speaker of no known side) +0.5; else its paragraph or the one before it names
  that country +0.25 (the reporter states the subject, the next paragraph quotes the answer). A quote
  that names a country of the pair *and* speaks of the relationship gets +0.5 more: it is about the
  relationship itself, not only about the two countries. A direct quote whose own words and sentence
  name no country of the pair (+0.25 or nothing so far) and that its speaker's reported statement
  introduces, in the quote's sentence or the one before (`lead_in_of`: "Hans Reckers … said that cash
  trading should also remain in Frankfurt, something Deutsche Boerse could move to the UK. 'It is not just
  the headquarters …'"), gains 0.75 of what that lead-in's *about* has more (`LEAD_IN`): the quote answers
  the subject the reporter states.
- **direct** quotes +0.6 over reported speech, but not a quoted phrase (`quoted_phrase`: a few words in
  quote marks inside the reporter's own sentence, colour).
- **substance**: a fragment of fewer than 5 words, or a quoted phrase, -0.5.
- **prominence**: said in the first fifth of its article (the lead) +0.3.
- **recent** over old: +0.6 × the place of the statement's *first* article among the pair's
  publication dates (0 oldest, 1 newest; 0.3 when undated). A quote first printed long ago and
  repeated since is old news, so "new over repeated" and "recent over old" are one measure.
- **repeated** content: taken in rank order, a statement loses 2.0 × its word overlap with a statement
  of the same speaker already ranked above it (one point made twice is shown once, first).
- **same story**: taken in rank order, a statement loses 0.4 for each statement of its own story (an
  article it comes from) already among the top `top` shown, so one article's several quotes do not crowd
  another story out of the five; past the top the count stays fixed, so scores never rise down the list.

Each part is multiplied by its weight (`WEIGHTS`: 1.0 each, the hand-set score above);
`benchmarks/fit_rank.py` measures fitted weights against these and found them no better (docs/brief.md).

"Other" (articles about no pair) merges only exact repeats and has no repetition penalty: its
statements are unrelated, and there are thousands.

Ties keep article order.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from briefing.analyze.gazetteer import LEADERS, leader_country, lookup, region_country
from briefing.analyze.statements import narration_phrase
from briefing.article import AnalyzedArticle, Statement
from briefing.brief.offices import HEAD, INSTITUTION, MINISTER, OFFICIAL, PUBLIC_OFFICES, public_office, speaker_level
from briefing.brief.people import (
    NO_CORPUS,
    CorpusPeople,
    NameIndex,
    PairPerson,
    most_frequent,
    name_words,
    office_words,
    organisation_country,
    quoted_first,
    same_person,
)
from briefing.brief.text import ArticleIndex, jaccard, near_same, plain_key, words

WHO = {"head": 2.0, "minister": 1.8, "official": 1.5, "institution": 1.3, "role": 0.8, "person": 0.5, "none": 0.0}
COUNTRY_FACTOR = {"pair": 1.0, "unknown": 0.6, "other": 0.4}
NAMES_BOTH = 3.5
NAMES_OTHER_SIDE = 3.0
NAMES_OWN_SIDE = 1.0
NAMES_ONE_UNPLACED = 0.5
RELATIONSHIP = 1.5
SENTENCE_NAMES_OTHER = 0.5
CONTEXT_NAMES_OTHER = 0.25
DIRECT = 0.6
FRAGMENT = -0.5
SHORT = 0.0
LEAD = 0.3
RECENT = 0.6
REPEATED = 2.0
ALSO_RELATIONSHIP = 0.5
SAME_STORY = 0.4
LEAD_IN = 0.75
"""Share of the *about* of its speaker's reported lead-in a direct quote naming no country of the pair takes
(`lead_in_of`)."""

PARTS = ("who", "about", "direct", "substance", "lead", "recent", "repeated", "same_story")
"""The score's parts, in the order of `WEIGHTS`."""
WEIGHTS: dict[str, float] = dict.fromkeys(PARTS, 1.0)
"""Each part's multiplier: 1.0 each, the hand-set score (fitted ones measured no better, docs/brief.md);
a dict so that benchmarks/fit_rank.py can measure other weights through the same code."""

_THE_TWO = r"^\W*the\s+two\b"
"""A statement whose subject is "the two" ("the two could work together on joint bids", "the two were under
close scrutiny"): it is about two parties together, in a pair's brief the two sides or their firms."""
_TWO_SIDES = r"(?:two|both|our)\s+(?:countries|nations|governments|leaders|sides)"
_RELATIONSHIP = re.compile(
    rf"{_THE_TWO}|"
    r"\b(?:relations?|relationship|ties|bilateral|partnership|cooperation|co-operation|alliance|treaty|"
    r"agreement|accord|dialogue|talks|negotiations?|sanctions|embassy|diplomatic|friendship|"
    rf"{_TWO_SIDES})\b",
    re.IGNORECASE,
)

_POLITICAL = re.compile(r"\b(?:leader|MP|MEP|senator|congress(?:man|woman)|deputy|parliament\w*|party)\b", re.I)
"""Titles of politicians who are no office holders (`speaker_level` "role"): a party's leader, a member of
parliament."""

_BETWEEN_TWO = re.compile(
    rf"{_THE_TWO}|\b(?:bilateral|{_TWO_SIDES})\b",
    re.IGNORECASE,
)
"""Relationship words that name two countries themselves."""


@dataclass(frozen=True, slots=True)
class PairStatement:
    statement: Statement
    """The best wording: a direct quote over reported speech, then the first seen."""
    article: str
    """Id of the article the wording comes from (its span is `statement.start`–`statement.end`)."""
    articles: tuple[str, ...] = ()
    """Every article the statement appears in, `article` first."""
    score: float = 0.0
    rank: int = 0
    """1-based place in the pair's key statements."""
    parts: Mapping[str, float] = field(default_factory=dict)
    """The score's parts before their `WEIGHTS` (`PARTS`; repeated and same story as ranked)."""


@dataclass
class _Merged:
    statement: Statement
    article: AnalyzedArticle
    order: int
    speaker: tuple[str, ...]
    words: set[str]
    articles: list[AnalyzedArticle]
    voices: list[tuple[Statement, AnalyzedArticle, tuple[str, ...]]] = field(default_factory=list)
    """Copies of the words other articles give to another speaker (see `merge`)."""


CROSS_SPEAKER_WORDS = 8
"""A passage this long (distinct words) that two articles give to two speakers is one statement: one of
them has it wrong (a pronoun resolved to the last name before it); shorter ones may be two people's."""


def merge(items: Sequence[tuple[Statement, AnalyzedArticle]], names: NameIndex, *, near: bool = True) -> list[_Merged]:
    """Repeated statements once, with every article they come from, in first-seen order.

    `near`: also merge near-same words of one speaker (off for "Other", thousands of unrelated quotes).
    """
    merged: list[_Merged] = []
    by_text: dict[tuple[tuple[str, ...], str], _Merged] = {}
    by_speaker: dict[tuple[str, ...], list[_Merged]] = {}
    for order, (s, a) in enumerate(items):
        key = plain_key(s.text)
        if not key:
            continue
        speaker = names.key(s.speaker)
        w = set(words(s.text)) if near else set()
        same = by_text.get((speaker, key))
        if same is None and near:
            same = next((m for m in by_speaker.get(speaker, ()) if near_same(w, m.words)), None)
        if same is None and near and len(w) >= CROSS_SPEAKER_WORDS:
            # The same long passage another article gives to someone else: one statement, two voices.
            same = next(
                (m for m in merged if m.speaker != speaker and near_same(w, m.words) and a not in m.articles), None
            )
            if same is not None:
                if not same.voices:
                    same.voices.append((same.statement, same.article, same.speaker))
                same.voices.append((s, a, speaker))
                same.articles.append(a)
                by_text[(speaker, key)] = same
                continue
        if same is None:
            m = _Merged(s, a, order, speaker, w, [a])
            merged.append(m)
            by_text[(speaker, key)] = m
            by_speaker.setdefault(speaker, []).append(m)
            continue
        if all(a is not known for known in same.articles):
            same.articles.append(a)
        if s.direct and not same.statement.direct:
            same.statement, same.article = _fill(s, same.statement), a
        else:
            same.statement = _fill(same.statement, s)
        by_text.setdefault((speaker, key), same)
    for m in merged:
        if m.voices:
            m.statement, m.article, m.speaker = _best_voice(m.voices)
    return merged


def _best_voice(
    voices: Sequence[tuple[Statement, AnalyzedArticle, tuple[str, ...]]],
) -> tuple[Statement, AnalyzedArticle, tuple[str, ...]]:
    """Of the speakers several articles give one passage, the one an article names in the passage's own
    sentence ("Philippe Sands says Lord Goldsmith warned …" over "He also says …", a pronoun resolved
    to the last name before it), then the one most articles give, then the first; its wording is kept."""
    named: dict[tuple[str, ...], int] = {}
    given: dict[tuple[str, ...], int] = {}
    for s, a, speaker in voices:
        given[speaker] = given.get(speaker, 0) + 1
        named[speaker] = named.get(speaker, 0) + _named_in_sentence(s, a, speaker)
    best = max(given, key=lambda k: (named[k], given[k]))  # max keeps the first of equals: first seen
    return next(v for v in voices if v[2] == best)


def _named_in_sentence(s: Statement, a: AnalyzedArticle, speaker: tuple[str, ...]) -> bool:
    """The speaker's last name is written in the sentence the statement starts in."""
    body = a.article.body
    start = max(body.rfind(". ", 0, s.start), body.rfind("\n", 0, s.start)) + 1
    ends = [i for i in (body.find(". ", s.start), body.find("\n", s.start)) if i >= 0]
    return bool(speaker) and speaker[-1] in words(body[start : min(ends) if ends else len(body)])


def _fill(kept: Statement, other: Statement) -> Statement:
    """The kept wording, with the speaker's role and country when only the other copy had them."""
    return Statement(
        kept.speaker or other.speaker,
        kept.text,
        kept.direct,
        kept.start,
        kept.end,
        kept.role or other.role,
        kept.country or other.country,
    )


def colleagues_country(
    index: ArticleIndex, speaker: str, pair: tuple[str, str], roles: Callable[[str], str | None] | None = None
) -> str | None:
    """The country of the pair every other official the article quotes (else, when it quotes none, names)
    speaks for, when there is at least one and they all speak for that one country. `roles`: a person's role
    where the article gives none (the pair's people: "Tony Blair" is the Prime Minister in another article)."""
    own = words(speaker)
    officials = [
        p
        for p in index.article.people
        if p.country
        and not same_person(own, words(p.name))
        and speaker_level(p.name, p.role or (roles(p.name) if roles else None)) in PUBLIC_OFFICES
    ]
    found = {p.country for p in quoted_first(officials, index.article.statements)}
    return next(iter(found)) if len(found) == 1 and found <= set(pair) else None


_PROPER_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,3}")
_BACK_POSSESSIVE = re.compile(r"^\W*(?:its|their)\b", re.IGNORECASE)
ROLE_REACH = 60
"""Characters before a speaker's name in which a role phrase with its possessor stands ("Hesse's economy
minister Alois Rhiel")."""


def region_office_country(index: ArticleIndex, speaker: str) -> str | None:
    """The country of the region whose office the article gives the speaker: a region (a country's first-level
    subdivision, `gazetteer.region_country`) possessing or modifying the role phrase next to the speaker's name
    ("Hessen's economy minister Rhiel", "Rhiel, Hessen's minister"), or, when that phrase's possessor is "its" or
    "their", the region the sentence before names ("... the state of Hessen ... Alois Rhiel, its minister").
    Only a region of a country the article names: thousands of small regions share a name with a city or a
    word ("A spokesman for Manchester's Trafford Centre" is not of Jamaica's Manchester parish, "A spokesperson
    for Delta Airlines" not of Nigeria's Delta state), as for firms (`entities._region_of_a_named_country`)."""
    code = _region_office(index, speaker)
    return code if code is not None and index.names(code) else None


def _region_office(index: ArticleIndex, speaker: str) -> str | None:
    surname = speaker.split()[-1] if speaker.split() else ""
    if not surname[:1].isupper():
        return None
    body = index.body
    for found in re.finditer(rf"\b{re.escape(surname)}\b", body):
        start, end = index.sentence_at(found.start())
        before = body[max(start, found.start() - ROLE_REACH) : found.start()]
        after = body[found.end() : end]
        apposition = after.split(",")[1] if after.startswith(",") and "," in after[1:] else after[:ROLE_REACH]
        phrases = [before, apposition]
        if not any(OFFICIAL.search(t) or MINISTER.search(t) or HEAD.search(t) for t in phrases):
            continue
        for phrase in phrases:
            code = _region_in(phrase)
            if code:
                return code
        previous = [span for span in index.sentences if span[1] <= start]
        if _BACK_POSSESSIVE.search(apposition) and previous:
            code = _region_in(body[previous[-1][0] : previous[-1][1]])
            if code:
                return code
    return None


def _region_in(text: str) -> str | None:
    """The country of the first region a run of capitalised words in the text names."""
    for run in _PROPER_RUN.findall(text):
        tokens = run.split()
        for size in range(len(tokens), 0, -1):
            for i in range(len(tokens) - size + 1):
                code = region_country(" ".join(tokens[i : i + size]).removesuffix("'s").removesuffix("’s"))
                if code:
                    return code
    return None


@lru_cache(maxsize=4096)
def speaker_country(speaker: str, country: str | None) -> str | None:
    """The statement's own country, a known leader's (by full name, or by a surname only one known
    leader has: "Obama"), a known leader's whose people speak ("Mr Blair's spokesman", "Biden administration
    officials"), the country word an institution carries ("Syrian Foreign Ministry"), or the country or
    people a group or an unnamed office is of ("US officials", "Senior Syrian officials")."""
    if country:
        return country
    words = speaker.split()
    # A surname alone may be a leader's; in a full name it is somebody else's ("Chad Johnson").
    known = leader_country(speaker) or (_leader_by_surname().get(words[0]) if len(words) == 1 else None)
    if known:
        return known
    institution = bool(INSTITUTION.search(speaker))
    if institution or OFFICIAL.search(speaker):
        # Whose people they are: "Mr Blair's spokesman", "Putin's aides", "Biden administration officials".
        for name in _LEADERS_PEOPLE.findall(speaker):
            if name in _leader_by_surname():
                return _leader_by_surname()[name]
    tokens = list(re.finditer(r"[A-Z][\w’'.-]*", speaker))
    for i, match in enumerate(tokens):
        two = speaker[match.start() : tokens[i + 1].end()] if i + 1 < len(tokens) else ""
        end = tokens[i + 1].end() if two and len(two.split()) == 2 and lookup(two) else match.end()
        term = lookup(speaker[match.start() : end])
        # A country's or capital's name inside a person's name is no nationality ("Jordan Henderson",
        # "Paris Hilton"); a people's name ("Syrian official") or an institution's country is, unless it
        # ends a name ("Philip French").
        if term and (institution or (term.kind == "demonym" and not _ends_a_name(speaker, match))):
            return term.code
        rest, lead = speaker[end:].removeprefix("'s").removeprefix("’s"), speaker[: match.start()]
        if term and rest.strip() and rest == rest.lower() and lead == lead.lower():
            # A country's name on a group or an office with no name ("US officials", "a New Zealand
            # diplomat", "Jordan's foreign minister") is theirs; on a name it is none ("Jordan Henderson").
            return term.code
    return None


def _ends_a_name(speaker: str, match: re.Match[str]) -> bool:
    """The word ends a name after a capitalised word ("the Observer's Philip French", "Oliver Irish, editor
    of …"), where a people's name before a noun ("Senior Syrian officials") is a nationality."""
    before = speaker[: match.start()].split()
    after = speaker[match.end() :].strip()
    return bool(before) and before[-1][:1].isupper() and (not after or after.startswith((",", "(", "'s", "’s")))


_LEADERS_PEOPLE = re.compile(r"\b([A-Z][\w-]+)(?:['’]s\b|\s+(?:administration|government|camp)\b)")
"""A name that owns the group the speaker belongs to."""


@lru_cache(maxsize=1)
def _leader_by_surname() -> dict[str, str]:
    """Known leaders by surname ("Obama"), for the surnames only one of them has."""
    found: dict[str, set[str]] = {}
    for code, names in LEADERS.items():
        for name in names:
            found.setdefault(name.split()[-1], set()).add(code)
    return {surname: next(iter(codes)) for surname, codes in found.items() if len(codes) == 1}


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    parts: Mapping[str, float]
    country: str | None = None
    """The country the speaker speaks for, as the score read it."""
    shown: str | None = None
    """That country where the text says it and the statement did not have it yet: the region the office is
    of ("Texas attorney general Greg Abbott"). Not where it is the likeliest guess (the office's usual
    holders, the country the article names most, the officials quoted beside the speaker: "European Union
    ambassador Carlo Trojan" among Afghan officials is no Afghan): what the brief may show as a fact."""


def score_statement(
    s: Statement,
    index: ArticleIndex,
    pair: tuple[str, str] | None,
    person: PairPerson | None,
    recency: float | None,
    corpus: CorpusPeople = NO_CORPUS,
    institution: bool = False,
    roles: Callable[[str], str | None] | None = None,
    lead_in: Statement | None = None,
) -> Scored:
    """The score before the repetition penalty, with its parts (see the module docstring). `lead_in`: the
    speaker's reported statement just before a direct quote (`lead_in_of`)."""
    role = s.role or (person.role if person else None)
    country = speaker_country(s.speaker, s.country or (person.country if person else None))
    level = speaker_level(s.speaker, role, institution)
    shown = None
    if country is None and level in PUBLIC_OFFICES:
        # An office of a region ("Hesse's economy minister", "Alois Rhiel, its minister" after "the state of
        # Hessen") is that region's country, whoever else the article quotes.
        country = shown = region_office_country(index, s.speaker)
    if country is None and level in PUBLIC_OFFICES:
        # An office of no stated country ("Foreign Secretary", "the prime minister's spokesman"): the
        # country of the pair the corpus's holders of that office speak for, when one clearly does.
        country = corpus.office_country(role or (s.speaker if not s.speaker[:1].isupper() else None), pair)
        if country is None and pair is not None:
            # Else the country of the pair the article is about ("the prime minister" in an article on
            # British politics that mentions Spain).
            country = index.home(pair)
    if country is None and pair is not None and (level in PUBLIC_OFFICES or _POLITICAL.search(role or "")):
        # A politician of no stated country among officials who all speak for one country of the pair
        # (the Liberal Democrat leader in an article whose other officials are British) is of that country.
        country = colleagues_country(index, s.speaker, pair, roles)
    side = "unknown" if country is None else "pair" if pair and country in pair else "other"
    parts: dict[str, float] = {"who": WHO[level] * COUNTRY_FACTOR[side]}
    about = about_part(s, index, pair, country)
    if pair is not None and lead_in is not None and about <= CONTEXT_NAMES_OTHER:
        # A quote whose own words and sentence name no country of the pair, after its speaker's own reported
        # statement (the reporter's lead-in), answers that statement's subject.
        about += LEAD_IN * max(0.0, about_part(lead_in, index, pair, country) - about)
    parts["about"] = about
    n = len(s.text.split())
    phrase = quoted_phrase(s, index)
    parts["direct"] = DIRECT if s.direct and not phrase else 0.0
    parts["substance"] = FRAGMENT if n < 5 or phrase else SHORT if n < 9 else 0.0
    body = len(index.body) or 1
    parts["lead"] = LEAD if s.start < body / 5 else 0.0
    parts["recent"] = RECENT * (0.5 if recency is None else recency)
    return Scored(round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4), parts, country, shown)


def about_part(s: Statement, index: ArticleIndex, pair: tuple[str, str] | None, country: str | None) -> float:
    """What the statement is about, for a speaker of `country` (the *about* part; module docstring)."""
    about = 0.0
    if pair is not None:
        # The other side is the country the speaker does not speak for; for a speaker of no known side (or
        # of a third country) naming one country is no more about the pair than naming their own.
        others = set(pair) - {country} if country in pair else set()
        named = index.codes_in(s.start, s.end) & set(pair)
        if named == set(pair):
            about = NAMES_BOTH
        elif named & others:
            about = NAMES_OTHER_SIDE
        elif named:
            about = NAMES_OWN_SIDE
            if country is None:
                # A speaker of no known side on one country (an analyst's forecast of India's output) comments
                # on that country, not on the pair: no more than a sentence naming it.
                about = NAMES_ONE_UNPLACED
        else:
            start, _ = index.sentence_at(s.start)
            _, end = index.sentence_at(max(s.start, s.end - 1))
            around = index.codes_in(start, end)
            if _RELATIONSHIP.search(s.text) and (around & (others or set(pair)) or _BETWEEN_TWO.search(s.text)):
                # Relations of the pair's countries, not "race relations in this country".
                about = RELATIONSHIP
            elif around & (others or set(pair)):
                about = SENTENCE_NAMES_OTHER
            elif index.codes_in(*index.context_at(s.start, s.end)) & (others or set(pair)):
                # The paragraph it is quoted in, or the one before, names the other country: the reporter's
                # subject, which the quote answers.
                about = CONTEXT_NAMES_OTHER
        if named and _RELATIONSHIP.search(s.text):
            about += ALSO_RELATIONSHIP  # a country of the pair and the relationship: the pair's own news
    elif _RELATIONSHIP.search(s.text):
        about = RELATIONSHIP
    return about


def quoted_phrase(s: Statement, index: ArticleIndex) -> bool:
    """A direct quote that is a few words in quote marks inside the reporter's own sentence
    (`statements.narration_phrase`: "a true celebration of American democracy", "4th German Reich"): the
    speaker's choice of words, colour, not a statement in the speaker's own sentences ("We believe the threat
    is real." after a long "the prime minister's official spokesman said:" is a sentence of its own)."""
    if not s.direct:
        return False
    start, _ = index.sentence_at(s.start)
    _, end = index.sentence_at(max(s.start, s.end - 1))
    return narration_phrase(s.text, len(index.body[start:end].split()))


def rank_statements(
    articles: Sequence[AnalyzedArticle],
    pair: tuple[str, str] | None,
    indexes: Mapping[str, ArticleIndex],
    names: NameIndex,
    people: Mapping[tuple[str, ...], PairPerson],
    preferred: set[str] | None = None,
    corpus: CorpusPeople = NO_CORPUS,
    top: int = 5,
) -> tuple[PairStatement, ...]:
    """Merged statements in rank order, each with its score and 1-based rank.

    `preferred`: ids of the articles that stand for their story (near-duplicate copies are not), whose
    wording and id a statement keeps when a copy says the same.
    """
    ids = {id(a): a.id for a in articles}  # an article's id is a hash computed on each access
    items = [(_with_holder(s, a, corpus), a) for a in articles for s in a.statements]
    if preferred is not None:
        items.sort(key=lambda x: ids[id(x[1])] not in preferred)  # stable: article order within each group
    merged = merge(items, names, near=pair is not None)
    recency = _recency(articles)

    def roles(name: str) -> str | None:
        known = people.get(names.key(name))
        return known.role if known is not None else None

    institutions = {
        id(m): corpus.is_institution(m.speaker) or _named_as_organisation(m.statement.speaker, m.article)
        for m in merged
    }
    organisations: dict[tuple[object, ...], list[_Merged]] = {}
    for m in merged:
        if institutions[id(m)]:
            # "Other" is unrelated articles: its "ABC" is a Spanish daily in one and a US network in another.
            key = m.speaker if pair is not None else (m.speaker, *(id(a) for a in m.articles))
            organisations.setdefault(key, []).append(m)
    for statements in organisations.values():
        # An organisation speaks for one country throughout a pair: the one an article states where it
        # introduces it ("South Africa's biggest retail bank Absa said …", then "Absa said"), else the one the
        # pair's articles place it in ("German airline Lufthansa").
        placed_in = most_frequent(m.statement.country for m in statements) or organisation_country(
            [statements[0].statement.speaker],
            list({id(a): a for m in statements for a in m.articles}.values()),
            organisation=True,
        )
        for m in statements:
            if m.statement.country is None and placed_in:
                m.statement = replace(m.statement, country=placed_in)
    base: list[tuple[float, int, _Merged]] = []
    base_parts: list[Mapping[str, float]] = []
    for m in merged:
        first = min(m.articles, key=lambda a: a.article.published or "9999")
        person = people.get(m.speaker)
        if person is not None:  # the speaker as the pair's people name them ("Putin" is "Vladimir Putin")
            st = _fill(m.statement, Statement(person.name, "", True, 0, 0, person.role, person.country))
            # One office, written as the pair's people write it ("the prime minister said" is the Prime Minister).
            same = person.role and st.role and office_words(st.role) == office_words(person.role)
            role = person.role if same else st.role
            m.statement = Statement(person.name, st.text, st.direct, st.start, st.end, role, st.country)
        if (
            m.statement.country is None
            and " " in m.statement.speaker.strip()
            and (stated := speaker_country(m.statement.speaker, None))
        ):
            # The country the speaker's own words state ("US officials", "Syrian Foreign Ministry", "Mr
            # Blair's spokesman"), shown as the score reads it; a surname alone ("Howard") is a guess.
            m.statement = replace(m.statement, country=stated)
        if m.statement.country is None and person is None and not institutions[id(m)]:
            # The organisation an unnamed speaker's title names ("a BaFin spokeswoman" of "Germany's financial
            # watchdog BaFin"), placed where the pair's articles place it.
            placed_in = organisation_country([m.statement.speaker], m.articles)
            if placed_in:
                m.statement = replace(m.statement, country=placed_in)
        scored = score_statement(
            m.statement,
            indexes[ids[id(m.article)]],
            pair,
            person,
            recency.get(ids[id(first)]),
            corpus,
            institutions[id(m)],
            roles,
            lead_in_of(m.statement, m.article, indexes[ids[id(m.article)]], names) if pair else None,
        )
        if m.statement.country is None and scored.shown is not None:
            m.statement = replace(m.statement, country=scored.shown)
        base.append((scored.score, m.order, m))
        base_parts.append(scored.parts)
    # Lazy greedy: a statement's score only drops as statements are ranked above it, so the best of a
    # heap of stale scores, once refreshed and still the best, is the next one.
    heap = [(-score, order, k) for k, (score, order, _) in enumerate(base)]
    heapq.heapify(heap)
    ranked: list[tuple[float, _Merged, Mapping[str, float]]] = []
    placed: dict[tuple[str, ...], list[set[str]]] = {}
    shown: list[_Merged] = []
    while heap:
        neg, order, k = heapq.heappop(heap)
        score, _, m = base[k]
        repeat = max((jaccard(m.words, w) for w in placed.get(m.speaker, ())), default=0.0) if pair else 0.0
        penalties = {"repeated": -REPEATED * repeat, "same_story": -_crowding(m, shown) if pair else 0.0}
        fresh = round(score + sum(WEIGHTS[p] * v for p, v in penalties.items()), 4)
        if heap and fresh < -heap[0][0] and fresh < -neg:
            heapq.heappush(heap, (-fresh, order, k))
            continue
        ranked.append((fresh, m, {**base_parts[k], **penalties}))
        placed.setdefault(m.speaker, []).append(m.words)
        if len(shown) < top:
            shown.append(m)
    return tuple(
        PairStatement(m.statement, ids[id(m.article)], tuple(ids[id(a)] for a in m.articles), score, rank, parts)
        for rank, (score, m, parts) in enumerate(ranked, 1)
    )


def office_holder(speaker: str, article: AnalyzedArticle, corpus: CorpusPeople) -> str | None:
    """The one person the article names whom the corpus gives the office a speaker is written as: "the prime
    minister said" in an article that names Tony Blair but never calls him so, where other articles write
    "Prime Minister Tony Blair". Only an office of a state or an office of several words: "the chairman" of
    one article is not the chairman another article names. Not when the article also names the holder of that
    office in a named country ("Israeli Prime Minister Ariel Sharon"): "the prime minister" may be either."""
    m = _DEFINITE_OFFICE.fullmatch(speaker.strip())
    if m is None:
        return None
    office = office_words(m.group(1))
    if " " not in office and not public_office(office, office):
        return None
    holders: set[str] = set()
    elsewhere: set[str] = set()
    for p in article.people:
        for role in (p.role, corpus.person(name_words(p.name))[1]):
            words = office_words(role or "")
            if words == office:
                holders.add(p.name)
            elif words.endswith(f" {office}") and any(lookup(w) for w in words[: -len(office)].split()):
                elsewhere.add(p.name)  # "Israeli Prime Minister": the office of a country the article names
    return holders.pop() if len(holders) == 1 and not elsewhere - holders else None


_DEFINITE_OFFICE = re.compile(r"the\s+([a-z][a-z -]*)", re.IGNORECASE)
"""A speaker written as an office alone ("the prime minister", "The Lib Dem leader"): no name, no possessive."""


def _with_holder(s: Statement, article: AnalyzedArticle, corpus: CorpusPeople) -> Statement:
    holder = office_holder(s.speaker, article, corpus)
    if holder is None and s.role and _named_by_title_alone(s, article):
        # The analysis gave a title phrase to the person in focus, whom the corpus gives another office or none
        # ("Jonathan Baume, of the top civil servants' union, spoke of … But the chancellor said Mr Baume was
        # never at meetings …"): the one person the article names whom the corpus gives that title said it.
        own = office_words(corpus.person(name_words(s.speaker))[1] or "")
        if own != office_words(s.role):
            holder = office_holder(f"the {s.role}", article, corpus)
            if holder is not None and holder != s.speaker:
                return replace(s, speaker=holder, country=None)
        return s
    return s if holder is None else replace(s, speaker=holder)


def _named_by_title_alone(s: Statement, article: AnalyzedArticle) -> bool:
    """The statement's role is the title its subject named the speaker by: the article gives them none."""
    return all(p.role is None for p in article.people if p.name == s.speaker)


def lead_in_of(s: Statement, article: AnalyzedArticle, index: ArticleIndex, names: NameIndex) -> Statement | None:
    """The reporter's lead-in of a direct quote: its speaker's reported statement that ends before the quote
    starts, in the quote's sentence or the one before ("… cash trading should also remain in Frankfurt,
    something Deutsche Boerse could move to the UK. 'It is not just the headquarters…'")."""
    if not s.direct:
        return None
    start, _ = index.sentence_at(s.start)
    before, _ = index.sentence_at(max(0, start - 2))
    speaker = names.key(s.speaker)
    candidates = [
        r
        for r in article.statements
        if not r.direct and before <= r.start and r.end <= s.start and names.key(r.speaker) == speaker
    ]
    return max(candidates, key=lambda r: r.end, default=None)  # the nearest, when the speaker said two


def _crowding(m: _Merged, shown: Sequence[_Merged]) -> float:
    """What a statement loses for each statement of its own story (an article it comes from) already shown."""
    return SAME_STORY * sum(1 for o in shown if any(a is b for a in m.articles for b in o.articles))


def _named_as_organisation(speaker: str, article: AnalyzedArticle) -> bool:
    """The article's own entities call the speaker an organisation (spaCy ORG) and never a person."""
    labels = {e.label for e in article.entities if e.text == speaker}
    return "ORG" in labels and "PERSON" not in labels


def _recency(articles: Sequence[AnalyzedArticle]) -> dict[str, float]:
    """Each dated article's place among the pair's publication dates: 0 the oldest, 1 the newest."""
    dates = sorted({a.article.published[:10] for a in articles if a.article.published})
    if not dates:
        return {}
    place = {d: (i / (len(dates) - 1) if len(dates) > 1 else 1.0) for i, d in enumerate(dates)}
    return {a.id: place[a.article.published[:10]] for a in articles if a.article.published}
