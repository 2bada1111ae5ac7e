"""People of a pair, merged across articles: one "Wang Yi" whatever the article wrote ("Mr Wang",
"WANG Yi", "Wáng Yì", "Foreign Minister Wang Yi", "Wang"), with the role and country most articles give,
and the first place an article names them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from briefing.analyze.gazetteer import LEADERS, leader_country
from briefing.analyze.honorifics import HONORIFICS, HONOURED_NAME, PEERAGE, RANKS, ROYAL_STYLES
from briefing.article import AnalyzedArticle, Person, Statement
from briefing.brief.offices import public_office
from briefing.brief.text import words
from briefing.ingest.clean import stopwords

_OFFICES_BEFORE_NAME = frozenset(
    "sheik princess premier chancellor minister prime secretary senator sen general capt ambassador".split()
)
"""Offices and ranks written before a name in a byline or a title ("Foreign Minister Wang Yi"), besides the
analysis's ranks: dropped from a name here, where no parse tells a title from a name."""
_NOT_NAME_WORDS = frozenset(
    {"his", "her", "the", *(HONORIFICS.keys() - PEERAGE), *RANKS, *ROYAL_STYLES, *_OFFICES_BEFORE_NAME}
)
"""Words a written name may open with that are not the name ("the", "his", honorifics, styles and titles); a
peer's title only before a given name and surname ("Baroness Susan Greenfield"), as the analysis drops it."""


_POST_NOMINALS = frozenset({"qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "kbe", "dbe"})
"""Letters written after a full name that are no part of it ("Philippe Sands QC", "Paul Boateng MP")."""


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """A name as comparable words: case, accents, possessive, honorifics, titles and post-nominals dropped."""
    found = [w.removesuffix("'s").removesuffix("’s") for w in words(name)]
    while len(found) > 1 and (found[0] in _NOT_NAME_WORDS or (found[0] in PEERAGE and len(found) > 2)):
        found.pop(0)
    while len(found) > 2 and found[-1] in _POST_NOMINALS:
        found.pop()
    return tuple(found)


@dataclass(frozen=True, slots=True)
class PairPerson:
    name: str
    country: str | None
    role: str | None
    article: str
    """Id of the article that names them first (in the pair's order), with the span of that mention."""
    start: int
    end: int
    articles: tuple[str, ...]
    """Every article that names them."""
    written: tuple[str, ...] = ()
    """Other ways the articles write them that the name index alone could not tell apart from another
    person's ("Bush", President, beside "Kate Bush"; `same_office_surnames`)."""


_PARTICLES = frozenset("al bin da de del der di du el ibn la le van von y".split())


def personal_name(name: str) -> bool:
    """A written name of capitalised words, particles of family names allowed ("Ursula von der Leyen", "Abdel
    Fattah al-Sisi"): a person's, not a group's or an office's ("Yukos US lawyers", "A spokesman for Cairn")."""
    tokens = name.split()
    return (
        bool(tokens)
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or t.split("-")[0].lower() in _PARTICLES for t in tokens)
    )


class NameIndex:
    """Which merged person a written name stands for: a full name, or a single word (surname or given
    name, "Wang" or "Blair") that belongs to exactly one full name of the pair."""

    def __init__(
        self, names: Sequence[str], pronouns: Mapping[tuple[str, ...], Collection[str]] = MappingProxyType({})
    ) -> None:
        """`pronouns`: what the honorifics of each name's mentions imply (`title_pronouns`), which keeps a
        "Mrs Kennedy" out of the one "Charles Kennedy" the articles call "Mr Kennedy"."""
        self.canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
        fulls = sorted({name_words(n) for n in names if len(name_words(n)) > 1}, key=lambda w: (-len(w), w))
        personal = {name_words(n) for n in names if personal_name(n)}
        by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        by_ending: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        """The closing runs of two words or more of the names registered, to the names."""
        by_gap: dict[tuple[int, tuple[str, ...]], set[tuple[str, ...]]] = {}
        """A name with one word left out (its place, the other words), to the names: misspelling candidates."""
        for full in fulls:
            if full not in personal:
                # A phrase that is no name ("A spokesman for Michael Howard") neither takes a name's words nor
                # lends its own: the spokesman is not Michael Howard.
                self.canonical.setdefault(full, full)
                continue
            # "Wang Yi" and "Yi Wang": the same words are the same person; "George Bush" is "George W Bush"
            # (same first and last word, the shorter inside the longer); "De Vido" the one longer name that
            # ends with it ("Julio De Vido"; not one that opens with it, "Jimmy Kimmel Live" being a show);
            # "Mihkail Khodorkovsky" the name it misspells.
            ends = (full[0], full[-1])
            longer = next((k for k in by_ends.get(ends, ()) if len(k) > len(full) and set(full) <= set(k)), None)
            longer = longer or _one(by_ending.get(full, ()))
            gaps = [(i, full[:i] + full[i + 1 :]) for i in range(len(full))]
            longer = longer or _one(k for gap in gaps for k in by_gap.get(gap, ()) if misspells(full, k))
            self.canonical.setdefault(tuple(sorted(full)), longer or full)
            self.canonical.setdefault(full, self.canonical[tuple(sorted(full))])
            merged = self.canonical[full]
            for gap in gaps:
                by_gap.setdefault(gap, set()).add(merged)
            for n in range(2, len(full)):
                by_ending.setdefault(full[-n:], set()).add(merged)
            if longer is None:
                by_ends.setdefault(ends, []).append(full)
        by_word: dict[str, set[tuple[str, ...]]] = {}
        # Only a person's name owns its surname or given name ("Yukos" alone is not "Yukos US lawyers", nor
        # "Cairn" "A spokesman for Cairn"); other names still make a word ambiguous, but for the words of a
        # person's name they end with ("Howard" is Michael Howard beside "A spokesman for Michael Howard").
        self.personal = {self.canonical[f] for f in personal if f in self.canonical}
        for full in set(self.canonical.values()):
            if full not in personal and any(full[-n:] in personal for n in range(2, len(full))):
                continue
            for w in {full[0], full[-1]} - PEERAGE:
                by_word.setdefault(w, set()).add(full)
        self.by_word = by_word
        self._by_initial: dict[tuple[str, int], list[str]] = {}
        for word in by_word:
            self._by_initial.setdefault((word[:1], len(word)), []).append(word)
        self.pronouns: dict[tuple[str, ...], set[str]] = {}
        for key, implied in pronouns.items():
            merged = self.canonical.get(key) or self.canonical.get(tuple(sorted(key)), key)
            self.pronouns.setdefault(merged, set()).update(implied)
        self._keys: dict[str, tuple[str, ...]] = {}

    def key(self, name: str) -> tuple[str, ...]:
        known = self._keys.get(name)
        if known is None:
            known = self._keys[name] = self._key(name)
        return known

    def _key(self, name: str) -> tuple[str, ...]:
        w = name_words(name)
        if not w:
            return ()
        if len(w) > 1:
            return self.canonical.get(w) or self.canonical.get(tuple(sorted(w)), w)
        owners = self.by_word.get(w[0]) or self._misspelt_owners(w[0])
        own = self.pronouns.get(w, set())
        if len(own) == 1:  # never a full name only the other pronoun's honorifics are given
            owners = {full for full in owners if own <= self.pronouns.get(full, own)}
        return next(iter(owners)) if len(owners) == 1 and owners <= self.personal else w

    def _misspelt_owners(self, word: str) -> set[tuple[str, ...]]:
        """The names owning a word one edit from `word` ("Barrioneuvo": "Jose Barrionuevo"): a long word
        only, with no given name beside it to confirm; a misspelling seldom touches the first letter, which
        narrows the search."""
        if len(word) < 8:
            return set()
        spread = 2 if len(word) >= 10 else 1
        near = (
            k
            for size in range(len(word) - spread, len(word) + spread + 1)
            for k in self._by_initial.get((word[:1], size), ())
            if misspells((word,), (k,), shortest=8)
        )
        return {owner for k in near for owner in self.by_word[k]}


def _one(found: Iterable[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one name of `found`, or None when there are none or several (then no one can say which)."""
    distinct = set(found)
    return next(iter(distinct)) if len(distinct) == 1 else None


def misspells(name: tuple[str, ...], other: tuple[str, ...], shortest: int = 6) -> bool:
    """`name` is `other` but for one word of `shortest` letters or more written one edit away (two from ten
    letters): a letter added, dropped, changed or two swapped ("Mihkail", "Barrioneuvo", "Khordokovsky"). A
    misspelling of one name, not another person: short names one letter apart are often two ("Ellis" and
    "Elvis"), long ones seldom, the more so beside the same given name."""
    if len(name) != len(other) or name == other:
        return False
    differing = [(a, b) for a, b in zip(name, other, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    length = min(len(a), len(b))
    return length >= shortest and _edits(a, b, 2 if length >= 10 else 1)


def _edits(a: str, b: str, most: int) -> bool:
    """At most `most` edits (insertion, deletion, substitution, swap of neighbours) turn `a` into `b`."""
    if abs(len(a) - len(b)) > most:
        return False
    # The common opening and ending change no distance; what is left must be short for so few edits.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if max(len(a), len(b)) > 2 * most:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1] <= most


def title_pronouns(articles: Sequence[AnalyzedArticle]) -> dict[tuple[str, ...], set[str]]:
    """Each name's pronouns (as `name_words`), by the honorifics the articles naming it write before a word
    of it ("Mrs Kennedy": she): a name honoured both ways in the corpus gets both."""
    found: dict[tuple[str, ...], set[str]] = {}
    for a in articles:
        honoured: dict[str, set[str]] = {}
        for m in HONOURED_NAME.finditer(a.article.body):
            if pronoun := HONORIFICS[m.group("title").lower()]:
                for w in name_words(m.group("name")):
                    honoured.setdefault(w, set()).add(pronoun)
        for name in {p.name for p in a.people} | {s.speaker for s in a.statements}:
            key = name_words(name)
            implied = {pronoun for w in key for pronoun in honoured.get(w, ())}
            if implied:
                found.setdefault(key, set()).update(implied)
    return found


_ITS = re.compile(r"(?:[’']s)?[^.;:!?\"“”\n]{0,40}?\bits\b")
"""A name followed in its clause by "its" ("Yukos and its legal wranglings"): a thing, not a person."""


@lru_cache(maxsize=1)
def _leader_surnames() -> frozenset[str]:
    return frozenset(w for names in LEADERS.values() for n in names for w in words(n))


def _leader_word(word: str) -> bool:
    return word in _leader_surnames()


@dataclass(frozen=True, slots=True)
class CorpusPeople:
    """What every article of the corpus says of people and offices, for a pair whose own articles do not
    say it: "Jack Straw" is British where another pair's article says "British Foreign Secretary Jack
    Straw"; a "Foreign Secretary" of no stated country is British in a corpus whose foreign secretaries
    are British; "Yukos", a one-word "person" never written with a given name or a title and referred to
    as "it", is an organisation."""

    people: Mapping[tuple[str, ...], tuple[str | None, str | None]]
    """Full-name words -> (country, role) most of their mentions give."""
    offices: Mapping[str, Mapping[str, int]]
    """Office words ("foreign secretary") -> country -> mentions of people of that country holding it."""
    institutions: frozenset[str]
    """Lower-case one-word names that stand for organisations, not people: labelled so elsewhere, referred to as
    "its" twice, or left out as no person by an article's analysis ("Diageo, which is listed …"), and never
    written with a given name or an honorific."""

    holders: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Office words -> country -> distinct people of that country holding it."""
    colleagues: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    """Full-name words of a person with a role and no stated country -> the one country the people quoted
    beside them speak for, article after article (`colleague_votes`)."""

    def person(self, key: tuple[str, ...]) -> tuple[str | None, str | None]:
        return self.people.get(key, (None, None)) if len(key) > 1 else (None, None)

    def is_institution(self, key: tuple[str, ...]) -> bool:
        return len(key) == 1 and key[0] in self.institutions

    def office_country(self, office: str | None, pair: tuple[str, str] | None, named: bool = False) -> str | None:
        """The country of the pair that holds this office in the corpus: more than half of its holders'
        mentions (a "president" of no stated country is nobody's in particular), and at least two of them,
        or five for a one-word office (a bare "secretary" is a culture secretary as well as a secretary of
        state). Also at least half of its holders, one person each, for a `named` person: "the prime
        minister" of a British corpus is British, but "President Fidel Castro" is not American because the
        corpus names President Bush forty times."""
        if not office or pair is None:
            return None
        text = office_words(office)
        # The office itself, else the offices written inside it, longest first ("the prime minister's
        # official spokesman" speaks for the prime minister's country).
        keys = sorted((k for k in self.offices if f" {k} " in f" {text} "), key=len, reverse=True)
        for key in keys:
            holders = self.offices[key]
            total = sum(holders.values())
            least = 2 if " " in key else 5
            people = self.holders.get(key, {})
            for code in pair:
                if holders.get(code, 0) >= least and holders[code] * 2 > total:
                    if named and people.get(code, 0) * 2 < sum(people.values()):
                        return None
                    return code
        return None


def office_words(text: str) -> str:
    """An office as lower-case words, possessives dropped: "the Prime Minister's" is "the prime minister"."""
    return " ".join(re.findall(r"[^\W\d_]+", re.sub(r"[’']s\b", "", text.lower())))


NO_CORPUS = CorpusPeople({}, {}, frozenset())


def corpus_people(articles: Sequence[AnalyzedArticle]) -> CorpusPeople:
    """People's countries and roles, offices' countries and one-word organisations, over all articles."""
    countries: dict[tuple[str, ...], Counter[str]] = {}
    roles: dict[tuple[str, ...], Counter[str]] = {}
    offices: dict[str, Counter[str]] = {}
    holders: dict[str, dict[str, set[tuple[str, ...]]]] = {}
    in_full_names: set[str] = set()
    for a in articles:
        for p in a.people:
            key = name_words(p.name)
            if len(key) > 1:
                if len(p.name.split()) > 1:  # "ex-Yukos" is no full name
                    in_full_names.update(key)
                if p.country:
                    countries.setdefault(key, Counter())[p.country] += 1
                if p.role:
                    roles.setdefault(key, Counter())[p.role] += 1
            if p.role and p.country:
                offices.setdefault(office_words(p.role), Counter())[p.country] += 1
                holders.setdefault(office_words(p.role), {}).setdefault(p.country, set()).add(key)
    single: set[str] = set()
    labelled_other: set[str] = set()
    referred_as_it: Counter[str] = Counter()
    not_people: set[str] = set()
    """One-word names an article's analysis tagged but found no person ("Diageo, which is listed …")."""
    for a in articles:
        kept = {w for p in a.people for w in name_words(p.name)}
        for e in a.entities:
            w = words(e.text)
            if e.label == "PERSON" and len(e.text.split()) > 1:
                if kept.intersection(w):  # not a firm's "Diageo North" the analysis left out
                    in_full_names.update(w)
            elif e.label == "PERSON" and len(w) == 1 and e.text[:1].isupper() and not _leader_word(w[0]):
                single.add(w[0])
                if _ITS.match(a.article.body, e.end):
                    referred_as_it[w[0]] += 1
                if w[0] not in kept:
                    not_people.add(w[0])
            elif e.label != "PERSON" and len(w) == 1:
                labelled_other.add(w[0])
    candidates = single - in_full_names
    if candidates:
        candidates -= {m.group("name").lower() for a in articles for m in HONOURED_NAME.finditer(a.article.body)}
    institutions = frozenset(w for w in candidates if w in labelled_other or referred_as_it[w] >= 2 or w in not_people)
    people = {
        key: (
            most_frequent(countries.get(key, Counter()).elements()),
            most_frequent(roles.get(key, Counter()).elements()),
        )
        for key in countries.keys() | roles.keys()
    }
    return CorpusPeople(
        people,
        {k: dict(v) for k, v in offices.items()},
        institutions,
        {k: {c: len(names) for c, names in v.items()} for k, v in holders.items()},
        colleague_countries(articles, people),
    )


def colleague_countries(
    articles: Sequence[AnalyzedArticle], people: Mapping[tuple[str, ...], tuple[str | None, str | None]]
) -> dict[tuple[str, ...], str]:
    """The country of each person with a role whom no mention places, from the colleagues quoted beside them
    (`colleague_votes`), repeated until nothing changes: a British outlet never calls its Home Secretary
    British, but quotes him beside the Prime Minister (a known leader) and the shadow home secretary, who is
    placed the same way once the Home Secretary is."""

    def known(p: Person) -> str | None:
        key = name_words(p.name)
        return p.country or leader_country(p.name) or (people.get(key, (None, None))[0] if len(key) > 1 else None)

    def placed(found: Mapping[tuple[str, ...], str]) -> Callable[[Person], str | None]:
        return lambda p: known(p) or found.get(name_words(p.name))

    settled = {name_words(p.name) for a in articles for p in a.people if known(p)}
    found: dict[tuple[str, ...], str] = {}
    for _ in range(COLLEAGUE_ROUNDS):
        votes = colleague_votes(articles, placed(found))
        now = {
            key: country
            for key, counts in votes.items()
            if (country := most_frequent(counts.elements())) is not None
            and country != MIXED
            and counts[country] >= COLLEAGUE_ARTICLES
            and counts[country] >= COLLEAGUE_SHARE * sum(counts.values())
            and key not in settled
        }
        if now == found:
            break
        found = now
    return found


MIXED = "*"
COLLEAGUE_ARTICLES = 3
"""Articles in which a person's colleagues are all of one country before that country is theirs: at 2, a
Euronext chief quoted beside London Stock Exchange men twice became British."""
COLLEAGUE_SHARE = 0.75
"""Share of a person's articles whose colleagues are all of that country (the rest: of another, or mixed)."""
COLLEAGUE_ROUNDS = 8
"""At most this many passes of `colleague_countries` (on the BBC corpus it settles after five)."""


def same_person(a: Collection[str], b: Collection[str]) -> bool:
    """One name's words inside the other's ("Blair", "Tony Blair"); two people may share a surname ("Ian
    Blair", "Tony Blair")."""
    first, second = set(a), set(b)
    return bool(first and second) and (first <= second or second <= first)


def quoted_first(people: Sequence[Person], statements: Sequence[Statement]) -> list[Person]:
    """Those of `people` the statements' speakers name, else all of them: the colleagues an article quotes
    beside someone say more of their side than those it only names ("Turkish premier Recep Erdogan had to
    accept …" in a story quoting Mr Blair and the Tory leader)."""
    voices = [name_words(st.speaker) for st in statements]
    quoted = [p for p in people if any(same_person(v, name_words(p.name)) for v in voices)]
    return quoted or list(people)


def colleague_votes(
    articles: Sequence[AnalyzedArticle], placed: Callable[[Person], str | None] = lambda p: p.country
) -> dict[tuple[str, ...], Counter[str]]:
    """For each person with a role and no country in an article: the country every other placed person with
    a role the article quotes speaks for (else, quoting none, every one it names), or `MIXED`. A Secretary of
    State whom no article calls British is quoted beside British ministers article after article; one
    article's colleagues may be chance, many are not. `placed`: a person's country (by default the one
    the article states)."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for a in articles:
        countries = {id(p): c for p in a.people if p.role and (c := placed(p))}
        for p in a.people:
            key = name_words(p.name)
            if p.country or not p.role or len(key) < 2:
                continue
            others = [o for o in a.people if id(o) in countries and not same_person(key, name_words(o.name))]
            found = {countries[id(o)] for o in quoted_first(others, a.statements)}
            if found:
                votes.setdefault(key, Counter())[next(iter(found)) if len(found) == 1 else MIXED] += 1
    return votes


def merge_people(
    articles: Sequence[AnalyzedArticle],
    index: NameIndex | None = None,
    corpus: CorpusPeople = NO_CORPUS,
    pair: tuple[str, str] | None = None,
) -> tuple[PairPerson, ...]:
    """One entry per person across the articles; most frequent spelling, role and country win, then
    what the rest of the corpus says of them or of their office. Organisations are not people.

    People who speak for a country, with a role, come first; then by how many articles name them.
    """
    index = index or NameIndex([p.name for a in articles for p in a.people], title_pronouns(articles))
    seen: dict[tuple[str, ...], list[tuple[Person, str]]] = {}
    by_id = {a.id: a for a in articles}
    keyed = [
        (index.key(p.name) or ((p.name.strip(),) if p.name.strip() else ()), p, aid)  # a name of no letters stays
        for aid, a in by_id.items()
        for p in a.people
    ]
    titles: dict[tuple[str, ...], set[str]] = {}
    for key, p, _ in keyed:
        if len(name_words(p.name)) > 1 and p.role:
            titles.setdefault(key, set()).update(office_words(p.role).split())
    for key, _, _ in keyed:
        corpus_role = corpus.person(key)[1]  # what the rest of the corpus calls them, when these articles do not
        if corpus_role:
            titles.setdefault(key, set()).update(office_words(corpus_role).split())
    for key, p, aid in keyed:
        if _another_bearer(name_words(p.name), key, p.role, titles):
            key = name_words(p.name)
        if key and not corpus.is_institution(key):
            seen.setdefault(key, []).append((p, aid))
    people: list[PairPerson] = []
    first_mentions: dict[str, dict[tuple[str, ...], tuple[int, int]]] = {}
    spoken = {index.key(s.speaker) for a in articles for s in a.statements}
    headlined = {w for a in articles for w in words(a.article.title)}
    for key, mentions in seen.items():
        # The most frequent full spelling, "Liam Fox" over the one "Tory Liam Fox" the tagger took whole; on a
        # tie the one of all the name's words, then the first written, and never ALL CAPS over "Wang Yi".
        spellings = Counter(p.name for p, _ in mentions if min(len(key), 2) <= len(name_words(p.name)) <= len(key))
        first_seen = list(spellings)
        name = (
            max(
                spellings,
                key=lambda n: (
                    spellings[n],
                    len(name_words(n)) == len(key),
                    not n.isupper(),
                    -first_seen.index(n),
                ),
            )
            if spellings
            else mentions[0][0].name
        )
        known_country, known_role = corpus.person(key)
        role = most_frequent(p.role for p, _ in mentions) or known_role
        country = (
            most_frequent(p.country for p, _ in mentions)
            or leader_country(name)
            or known_country
            or organisation_country(
                [p.role for p, _ in mentions], [by_id[aid] for aid in dict.fromkeys(a for _, a in mentions)]
            )
            or (corpus.office_country(role, pair, named=True) if public_office(name, role) else None)
            or corpus.colleagues.get(key)
        )
        if len(key) == 1 and not (role or country or key in spoken or key in index.pronouns or key[0] in headlined):
            # One word the articles say nothing of: no office, no country, no "Mr", no quote, not the headline's
            # subject. As often a firm, a band, a brand or a place the tagger read as a name ("Burberry",
            # "Foster's" lager, "the Himrin field") as a person, and a reader cannot tell whom it means.
            continue
        ids = tuple(dict.fromkeys(aid for _, aid in mentions))
        first = ids[0]
        if first not in first_mentions:
            first_mentions[first] = _first_mentions(by_id[first], index)
        start, end = first_mentions[first].get(key, (0, 0))
        people.append(PairPerson(name, country, role, first, start, end, ids))
    people = same_office_surnames(people)
    people.sort(key=lambda p: (not (p.country and p.role), not p.country, -len(p.articles), p.name))
    return tuple(people)


def same_office_surnames(people: Sequence[PairPerson]) -> list[PairPerson]:
    """A one-word name that several full names of the pair share ("Bush": George W Bush, Kate Bush) is the
    one of them holding the same office of the same country ("President Bush", of the United States): two
    people of one surname and one office in one country's news are one person."""
    merged = list(people)
    for alone in people:
        word = name_words(alone.name)
        if len(word) != 1 or not (alone.role and alone.country):
            continue
        office = office_words(alone.role)
        same = [
            i
            for i, full in enumerate(merged)
            if len(full_words := name_words(full.name)) > 1
            and word[0] in (full_words[0], full_words[-1])
            and full.country == alone.country
            and office_words(full.role or "") == office
        ]
        if len(same) == 1:
            full = merged[same[0]]
            merged[same[0]] = replace(
                full,
                articles=tuple(dict.fromkeys((*full.articles, *alone.articles))),
                written=(*full.written, alone.name, *alone.written),
            )
            merged.remove(alone)
    return merged


_CAPITALISED_RUN = re.compile(r"[A-Z][\w&.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.-]*)*")
_PLACES_ORGANISATION = re.compile(r"(?:[’']s)?((?:[\s-]+[a-z][\w-]*){0,3})\s+")
"""Between a country word and the organisation it places: a possessive and a few lower-case words that are
no stop words ("India's ONGC", "Israeli technology firm Celltick"); not a clause ("Britain said Ofsted",
"in the United States, BA")."""


def organisation_country(
    roles: Sequence[str | None], articles: Sequence[AnalyzedArticle], *, organisation: bool = False
) -> str | None:
    """The country of the organisation a person's titles name ("ONGC chairman"), where the person's
    articles place it: a country word right before a mention they tag as an organisation ("India's
    ONGC"), or the organisation's own country when the analysis gives it one. The country most such
    mentions give, when one does. `organisation`: the name is known to be an organisation's (a speaker the
    corpus shows is no person), so a mention of exactly that name counts whatever the tagger called it
    ("South Africa biggest retail bank Absa", tagged a person)."""
    runs = {run for role in roles for run in _CAPITALISED_RUN.findall(role or "")}
    if not runs:
        return None
    # The organisation itself, not a word of a longer name ("Party" is not the "UK Independence Party"); a
    # longer name's first word is its short name ("WMC chief executive" of "WMC Resources").
    named = re.compile("|".join(rf"\b{re.escape(run)}\b" for run in sorted(runs, key=len, reverse=True) if " " in run))
    stop = stopwords()
    votes: Counter[str] = Counter()
    for article in articles:
        body = article.article.body
        countries = sorted((e.end, e.country) for e in article.entities if e.country)
        for e in article.entities:
            if not (
                (organisation and e.text in runs)
                or (
                    e.label == "ORG"
                    and (e.text in runs or e.text.split(" ", 1)[0] in runs or (named.pattern and named.search(e.text)))
                )
            ):
                continue
            if e.country:  # an institution the analysis places itself
                votes[e.country] += 1
                continue
            before = [(end, code) for end, code in countries if end <= e.start]
            gap = _PLACES_ORGANISATION.fullmatch(body, before[-1][0], e.start) if before else None
            if gap and not stop.intersection(gap.group(1).replace("-", " ").split()):
                votes[before[-1][1]] += 1
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _another_bearer(
    written: tuple[str, ...], key: tuple[str, ...], role: str | None, titles: Mapping[tuple[str, ...], set[str]]
) -> bool:
    """A given name written alone with a title ("Prince Charles") is not the one full name of the pair it
    begins ("Charles Kennedy") when that person is never given a title of its words: a surname stands for
    its bearer, a titled given name for someone the articles name that way. Their titles are those the pair's
    articles give them, else the rest of the corpus."""
    if len(written) != 1 or len(key) < 2 or written[0] != key[0] or written[0] == key[-1] or not role:
        return False
    known = titles.get(key, set())
    return bool(known) and not known & set(office_words(role).split())


def most_frequent(values: object) -> str | None:
    """The value given most often (on a tie the last in sort order), None when none is."""
    counts = Counter(v for v in values if isinstance(v, str) and v)  # type: ignore[attr-defined]
    return max(counts, key=lambda v: (counts[v], v)) if counts else None


def _first_mentions(article: AnalyzedArticle, index: NameIndex) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where the article first names each person (by merged key)."""
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    for e in article.entities:
        if e.label == "PERSON":
            found.setdefault(index.key(e.text), (e.start, e.end))
    return found


def placed_by_statements(
    people: Sequence[PairPerson], spoken: Iterable[tuple[str, str | None]], index: NameIndex
) -> tuple[PairPerson, ...]:
    """The people with no country that their statements place, all in one country (`spoken`: speaker and
    country of each of the pair's statements, as the brief shows them: "Texas attorney general Greg Abbott"
    is of the United States there, `rank.region_office_country`), so the people list says what the
    statements say."""
    countries: dict[tuple[str, ...], set[str]] = {}
    for speaker, country in spoken:
        if country is not None:
            countries.setdefault(index.key(speaker), set()).add(country)
    placed = []
    for p in people:
        found = countries.get(index.key(p.name), set()) if p.country is None else set()
        placed.append(replace(p, country=next(iter(found))) if len(found) == 1 else p)
    return tuple(placed)


def speaker_lookup(people: Sequence[PairPerson], index: NameIndex) -> Mapping[tuple[str, ...], PairPerson]:
    """The pair's people by name key. A one-word name the index reads as a full name ("Charles", Prince
    Charles, whose word only "Charles Kennedy" holds in full) never takes the key of the person it names in
    full, whatever the order of the list."""
    found: dict[tuple[str, ...], PairPerson] = {}
    for p in people:
        key = index.key(p.name)
        if key in found and name_words(found[key].name) == key != name_words(p.name):
            continue
        found[key] = p
    for p in people:
        for other in p.written:
            found.setdefault(index.key(other), p)
    return found
