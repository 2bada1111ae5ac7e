"""Run the whole analysis of articles: one spaCy pass per text, then the rule stages on its parse."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, replace
from itertools import accumulate, chain, islice
from typing import TYPE_CHECKING

from briefing.analyze.dates import extract_dates
from briefing.analyze.entities import extract_entities, headline_described_home, home_countries, short_forms
from briefing.analyze.events import event_parties, find_events
from briefing.analyze.links import clause_links, one_side_pairs, relation_noun_links, token_codes
from briefing.analyze.pair_model import decide_pair
from briefing.analyze.pairs import (
    CONTEST_SENTENCES,
    Link,
    Mention,
    PairEvidence,
    damp_lists,
    mention_kind,
    mention_share,
    relation_pairs,
    reports_a_contest,
)
from briefing.analyze.parsed import release, sentences
from briefing.analyze.people import find_people, with_nationalities
from briefing.analyze.salience import (
    ORIGIN_FACTOR,
    is_persons_origin,
    modifies_a_noun,
    names_a_team,
    span_salience,
)
from briefing.analyze.statements import extract_statements
from briefing.analyze.trend import article_trend
from briefing.article import AnalyzedArticle, Entity, Person, RawArticle

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from spacy.language import Language
    from spacy.tokens import Doc, Span

Progress = Callable[[int, int], None]
"""Called with (articles done, words done) after each article."""

PARALLEL_MIN_WORDS = 20_000
"""Below this much text, starting worker processes (each loads the model, ~2 s) does not pay."""
MAX_PROCESSES = 4
BATCH_CHARS = 40_000
"""Text parsed at once (about 6,500 words, a dozen news articles): bounds the parser's memory."""
IN_FLIGHT_PER_PROCESS = 2
"""Chunks queued per worker: one running, one waiting, so no worker idles between chunks."""


class Analyzer:
    """Holds the loaded pipeline; spaCy is loaded on first use, never at import.

    One process: titles and bodies stream through `nlp.pipe` in batches. Several processes: each
    worker loads the pipeline once and runs parse *and* rules on chunks of articles, sending back
    only the small results; Docs are never pickled, and the main process never loads spaCy.
    """

    def __init__(self, model: str, *, batch_size: int = 64, processes: int = 0) -> None:
        self.model = model
        self.batch_size = max(1, batch_size)
        self.processes = processes
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from briefing.analyze.nlp import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

    def n_process(self, articles: Sequence[RawArticle]) -> int:
        """Worker processes: several only on a multi-core machine and with enough text to repay start-up."""
        if self.processes:
            return max(1, min(self.processes, len(articles)))
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        words = sum(len(a.body) + len(a.title) for a in articles) // 6
        if cpus < 2 or words < PARALLEL_MIN_WORDS:
            return 1
        # Only idle cores help: on a busy machine a second worker measured slower than one process
        # (benchmarks/RESULTS.md), since each worker also pays its own model load.
        try:
            idle = int(cpus - os.getloadavg()[0] + 0.5)
        except OSError:
            idle = cpus
        return max(1, min(idle, cpus, MAX_PROCESSES))

    def analyze(self, articles: Sequence[RawArticle], progress: Progress | None = None) -> list[AnalyzedArticle]:
        return list(self.iter_analyze(articles, progress))

    def iter_analyze(
        self, articles: Iterable[RawArticle], progress: Progress | None = None
    ) -> Iterator[AnalyzedArticle]:
        """Analysed articles in input order, yielded as they are done (so callers can cache each).

        `articles` may be a stream: it is pulled as analysis goes, never read ahead of it by more than
        the text that decides how many processes to use (PARALLEL_MIN_WORDS) and the chunks in flight.
        """
        stream = iter(articles)
        head, ended = self._head(stream)
        if not head:
            return
        n_process = self.n_process(head)
        whole = len(articles) if isinstance(articles, Sized) else len(head) if ended else None
        rest = chain(head, stream)
        results = self._iter_parallel(rest, n_process, whole) if n_process > 1 else self.iter_counted(rest)
        words = 0
        for done, (result, n_words) in enumerate(results, start=1):
            words += n_words
            if progress:
                progress(done, words)
            yield result

    def _head(self, stream: Iterator[RawArticle]) -> tuple[list[RawArticle], bool]:
        """The first articles, enough to choose the number of processes as for the whole corpus; and
        whether they are all of it."""
        head: list[RawArticle] = []
        words = 0
        # A fixed number of processes needs only as many articles; the automatic choice weighs the text.
        enough, min_words = (self.processes, 0) if self.processes else (MAX_PROCESSES, PARALLEL_MIN_WORDS)
        while words < min_words or len(head) < enough:
            article = next(stream, None)
            if article is None:
                return head, True
            head.append(article)
            words += (len(article.body) + len(article.title)) // 6
        return head, False

    def iter_counted(self, articles: Iterable[RawArticle]) -> Iterator[tuple[AnalyzedArticle, int]]:
        """(analysis, words) per article in this process: what every worker of every engine runs."""
        nlp = self.nlp
        for batch in self._batches(articles):
            titles = nlp.pipe([a.title for a in batch], batch_size=len(batch))
            bodies = nlp.pipe([a.body for a in batch], batch_size=len(batch))
            for article, title_doc, doc in zip(batch, titles, bodies, strict=True):
                yield analyze_doc(article, doc, title_doc), len(doc)

    def _batches(self, articles: Iterable[RawArticle]) -> Iterator[list[RawArticle]]:
        """Runs of at most `batch_size` articles and BATCH_CHARS characters (one longer article alone).

        The parser's working memory grows with the text of a batch, not its count: 64 news articles at
        once peaked at 1.2 GB resident, and one batch of long reports would be worse. The results do not
        depend on batching, and the speed measured the same from 12 articles per batch up.
        """
        batch: list[RawArticle] = []
        chars = 0
        for article in articles:
            size = len(article.body) + len(article.title)
            if batch and (chars + size > BATCH_CHARS or len(batch) >= self.batch_size):
                yield batch
                batch, chars = [], 0
            batch.append(article)
            chars += size
        if batch:
            yield batch

    def _iter_parallel(
        self, articles: Iterable[RawArticle], n_process: int, total: int | None = None
    ) -> Iterator[tuple[AnalyzedArticle, int]]:
        """`total`: the number of articles when known (smaller chunks for a small corpus), None for a stream."""
        import multiprocessing
        import signal
        import threading

        # Small chunks keep every worker busy to the end and make Ctrl+C lose little work.
        size = self.batch_size if total is None else max(4, min(self.batch_size, -(-total // (n_process * 4))))
        stream = iter(articles)
        # spawn, not fork: the app analyses from a thread, and forking a threaded process can deadlock.
        # Workers start with SIGINT ignored (inherited through exec), so Ctrl+C reaches only this process.
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        try:
            pool = multiprocessing.get_context("spawn").Pool(
                n_process, initializer=_worker_init, initargs=(self.model, self.batch_size)
            )
        finally:
            if in_main:
                signal.signal(signal.SIGINT, previous)
        # A bounded window of chunks in flight (not imap, which queues every chunk and buffers every
        # result a slow consumer has not taken): memory stays flat however large the corpus.
        in_flight: deque[AsyncResult[list[tuple[AnalyzedArticle, int]]]] = deque()

        def submit() -> None:
            chunk = list(islice(stream, size))
            if chunk:
                in_flight.append(pool.apply_async(_worker_run, (chunk,)))

        finished = False
        try:
            for _ in range(IN_FLIGHT_PER_PROCESS * n_process):
                submit()
            while in_flight:
                chunk_results = in_flight.popleft().get()
                submit()
                yield from chunk_results
            finished = True
        finally:
            if finished:
                pool.close()
            else:
                pool.terminate()  # Ctrl+C or the caller stopped early: drop work in flight
            pool.join()


_WORKER: dict[str, object] = {}


def _worker_init(model: str, batch_size: int) -> None:
    """Load the pipeline once per worker; a failure is reported by the first task, not by respawning."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C and terminates us
    try:
        _WORKER["analyzer"] = Analyzer(model, batch_size=batch_size, processes=1)
        _WORKER["analyzer"].nlp  # type: ignore[attr-defined]  # noqa: B018
    except Exception as exc:
        _WORKER["error"] = exc


def _worker_run(chunk: list[RawArticle]) -> list[tuple[AnalyzedArticle, int]]:
    error = _WORKER.get("error")
    if isinstance(error, Exception):
        raise error
    analyzer = _WORKER["analyzer"]
    assert isinstance(analyzer, Analyzer)
    return list(analyzer.iter_counted(chunk))


def analyze_doc(article: RawArticle, doc: Doc, title_doc: Doc) -> AnalyzedArticle:
    """Every rule stage on one parsed article; pure given the parse (whose cached views it drops after)."""
    try:
        return _analyze_doc(article, doc, title_doc)
    finally:
        release(doc)
        release(title_doc)


@dataclass(frozen=True, slots=True)
class _Grounds:
    """What the pair and trend stages both read of a parsed article, found once."""

    doc: Doc
    title_doc: Doc
    entities: tuple[Entity, ...]
    title_entities: tuple[Entity, ...]
    people: tuple[Person, ...]
    """With the nationalities descriptions give (`people.with_nationalities`), which `person_country` and
    `placed` leave out: a nationality is no standing for the country."""
    home: dict[str, str]
    """Company name -> home country."""
    said_where: set[tuple[int, int]]
    """Where each company's home was said: (-1 headline / 0 body, offset)."""
    person_country: dict[str, str]
    """Surname -> country of the people the article places."""
    placed: dict[str, str]
    """Firms and people the article places in a country, by name and (people) by surname."""


def _grounds(doc: Doc, title_doc: Doc) -> _Grounds:
    entities = extract_entities(doc)
    title_entities = extract_entities(title_doc)
    people = find_people(doc, entities)
    home, said_where = _company_homes(doc, title_doc, entities, title_entities)
    person_country = {p.name.split()[-1]: p.country for p in people if p.country and p.name.split()}
    placed = _placed_names(home, people)
    described = with_nationalities(doc, entities, people)
    return _Grounds(doc, title_doc, entities, title_entities, described, home, said_where, person_country, placed)


def _analyze_doc(article: RawArticle, doc: Doc, title_doc: Doc) -> AnalyzedArticle:
    grounds = _grounds(doc, title_doc)
    statements = extract_statements(doc, grounds.entities, grounds.people)
    dates = extract_dates(doc, article.published)
    trend_input = _trend_sentences(grounds)
    pair, pairs = decide_pair(_pair_evidence(article, grounds, trend_input[1:]))
    trend = article_trend(trend_input, pair, article.published, grounds.placed)
    return AnalyzedArticle(
        article=article,
        pair=pair,
        pairs=pairs,
        entities=grounds.entities,
        statements=statements,
        dates=dates,
        people=grounds.people,
        trend=trend,
    )


def pair_evidence(article: RawArticle, doc: Doc, title_doc: Doc) -> PairEvidence:
    """What the pair decision reads of a parsed article (for `benchmarks/fit_pairs.py`; `analyze_doc`
    computes the same on its way)."""
    grounds = _grounds(doc, title_doc)
    return _pair_evidence(article, grounds, _sentences_with_countries(grounds))


def _pair_evidence(article: RawArticle, grounds: _Grounds, sentences: Sequence[tuple[Span, set[str]]]) -> PairEvidence:
    mentions, links, sides, related = _mentions(grounds, _lead_end(article.body))
    return PairEvidence(
        tuple(mentions),
        relation_pairs(article.title),
        relation_pairs(article.body),
        reports_a_contest(article.title, (s.text for s, _ in sentences[:CONTEST_SENTENCES])),
        links,
        sides,
        related,
    )


def _mentions(
    grounds: _Grounds, lead_end: int
) -> tuple[list[Mention], tuple[Link, ...], tuple[Link, ...], tuple[Link, ...]]:
    """Every mention that stands for a country, with its sentence (-1: headline) and salience; the pairs
    one clause relates (`links.clause_links`), those it names as one side (`links.one_side_pairs`) and
    those a relation noun relates (`links.relation_noun_links`, a subset of the first), with their sentence."""
    person_country, home, said_where, names = grounds.person_country, grounds.home, grounds.said_where, grounds.placed
    found: list[Mention] = []
    linked: list[Link] = []
    sides: list[Link] = []
    related: list[Link] = []
    teams: set[str] = set()
    """Countries the body names as a national side at least once (`salience.names_a_team`): there their
    names and demonyms are the side, not the state, unless they are parties to an event."""
    for where, parsed, ents in ((-1, grounds.title_doc, grounds.title_entities), (0, grounds.doc, grounds.entities)):
        spans: list[tuple[int, int, str]] = []
        parties: dict[int, set[str]] = {}
        """Sentence start token -> countries in the clause of one of its events."""
        sents = sentences(parsed) if where == 0 else ()
        starts = [s.start_char for s in sents] or [0]
        # A fragment without a verb (a dateline, a byline) does not move the lead down a sentence.
        counted = list(accumulate(any(t.pos_ in ("VERB", "AUX") for t in s) for s in sents))
        k = 0
        for e in ents:
            # The mention that names the home country already counts through the country's own word.
            own_home = {} if (where, e.start) in said_where else home
            code, share = mention_share(e, person_country, own_home)
            if code is None:
                continue
            kind = mention_kind(e, own_home)
            while k + 1 < len(starts) and starts[k + 1] <= e.start:
                k += 1
            sentence = -1 if where < 0 else max(0, counted[k] - 1) if counted else 0
            if e.label in ("GPE", "NORP") and is_persons_origin(parsed, e.start, e.end):
                share *= ORIGIN_FACTOR
                kind = "origin"
            salience = span_salience(parsed, e.start, e.end)
            modifier = modifies_a_noun(parsed, e.start, e.end)
            party = code in _event_parties(parsed, e.start, parties, names)
            found.append(Mention(code, sentence, share, salience, e.start < lead_end, kind, modifier, party))
            if where == 0 and e.label == "GPE" and names_a_team(parsed, e.start, e.end):
                teams.add(code)
            if kind != "origin":
                span = parsed.char_span(e.start, e.end, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append((span.start, span.end, code))
        linked.extend(_sentence_links(parsed, spans, where, counted if where == 0 else [], clause_links))
        sides.extend(_sentence_links(parsed, spans, where, counted if where == 0 else [], one_side_pairs))
        related.extend(_sentence_links(parsed, spans, where, counted if where == 0 else [], _relation_phrase_links))
    # A party to an event between states or firms is the state even in a sport story ("signed a trade pact").
    found = [
        replace(m, kind="team") if m.code in teams and m.kind in ("name", "demonym") and not m.party else m
        for m in found
    ]
    return damp_lists(found), tuple(linked), tuple(sides), tuple(related)


def _sentence_links(
    parsed: Doc,
    spans: list[tuple[int, int, str]],
    where: int,
    counted: Sequence[int],
    pairs_of: Callable[[Span, dict[int, str]], set[tuple[str, str]]],
) -> list[Link]:
    """(country, country, sentence) for each pair `pairs_of` finds in a sentence (`links.clause_links`: a
    clause relates them; `links.one_side_pairs`: it names them as one side); sentences numbered as mentions."""
    if len({code for _, _, code in spans}) < 2:
        return []
    codes = token_codes(spans)
    result: list[Link] = []
    for k, sent in enumerate(sentences(parsed) if where == 0 else parsed.sents):
        if not any(i in codes for i in range(sent.start, sent.end)):
            continue
        number = -1 if where < 0 else max(0, counted[k] - 1) if counted else 0
        result.extend((a, b, number) for a, b in sorted(pairs_of(sent, codes)))
    return result


def _relation_phrase_links(sentence: Span, codes: dict[int, str]) -> set[tuple[str, str]]:
    """The pairs a relation noun relates as its two sides (`PairEvidence.related`): owner and partner, or the
    two of a 'between'."""
    return relation_noun_links(sentence, codes, joint_partners=False)


def _event_parties(doc: Doc, start: int, known: dict[int, set[str]], names: dict[str, str]) -> set[str]:
    """Countries that are parties to an event of the sentence holding character `start` (`known` caches
    each sentence's by its first token)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or not len(token):
        return set()
    sent = token[0].sent
    if sent.start not in known:
        known[sent.start] = {c for event in find_events(sent) for c in event_parties(sent, event, names)}
    return known[sent.start]


def _lead_end(body: str) -> int:
    """End offset of the first two paragraphs, where news puts what the story is about."""
    at = -1
    for _ in range(2):
        nxt = body.find("\n\n", at + 1)
        if nxt < 0:
            return len(body) if at < 0 else at
        at = nxt
    return max(at, min(len(body), 600))


def _company_homes(
    doc: Doc, title_doc: Doc, entities: Sequence[Entity], title_entities: Sequence[Entity]
) -> tuple[dict[str, str], set[tuple[int, int]]]:
    """Companies' home countries (see `home_countries`) and where each was said: (-1 headline / 0 body, offset)."""
    linked = {-1: home_countries(title_doc, tuple(title_entities)), 0: home_countries(doc, tuple(entities))}
    # "Mitsubishi in Peugeot link talks": the headline's short form of a name the body places
    linked[-1] |= {name: (code, -1) for name, (code, _) in short_forms(tuple(title_entities), linked[0]).items()}
    described = headline_described_home(title_doc, doc, tuple(entities))
    if described and described[0] not in linked[0] and described[0] not in linked[-1]:
        linked[0][described[0]] = (described[1], -1)  # "French suitor holds LSE meeting": Euronext, of the lead
    home = {name: code for found_in in (linked[0], linked[-1]) for name, (code, _) in found_in.items()}
    said_where = {(where, at) for where, names in linked.items() for _, at in names.values()}
    return home, said_where


def trend_sentences(doc: Doc, title_doc: Doc) -> tuple[list[tuple[Span, set[str]]], dict[str, str]]:
    """The headline and each body sentence with the countries they name, and the people and firms placed in
    a country (name -> code), as the trend reads them.

    For measuring the trend apart from the pair (benchmarks/trend_oracle.py gives it the gold pair).
    """
    grounds = _grounds(doc, title_doc)
    return _trend_sentences(grounds), grounds.placed


def _placed_names(home: dict[str, str], people: Sequence[Person]) -> dict[str, str]:
    """Firms and people the article places in a country, by name and (people) by surname."""
    names = dict(home)
    for p in people:
        if p.country and p.name.split():
            names.setdefault(p.name, p.country)
            names.setdefault(p.name.split()[-1], p.country)
    return names


def _trend_sentences(grounds: _Grounds) -> list[tuple[Span, set[str]]]:
    home, person_country = grounds.home, grounds.person_country
    title_codes = {code for e in grounds.title_entities if (code := mention_share(e, person_country, home)[0])}
    return [(grounds.title_doc[:], title_codes), *_sentences_with_countries(grounds)]


def _sentences_with_countries(grounds: _Grounds) -> list[tuple[Span, set[str]]]:
    """Each sentence with the countries it names, a company or a person standing for their country as they
    do for the pair (`mention_share`)."""
    result: list[tuple[Span, set[str]]] = []
    home, person_country = grounds.home, grounds.person_country
    ents = [(e, code) for e in grounds.entities if (code := mention_share(e, person_country, home)[0])]
    k = 0
    for sent in sentences(grounds.doc):
        codes: set[str] = set()
        while k < len(ents) and ents[k][0].start < sent.end_char:
            if ents[k][0].start >= sent.start_char:
                codes.add(ents[k][1])
            k += 1
        result.append((sent, codes))
    return result
