"""Run the whole analysis of articles: one spaCy pass per text, then the rule stages on its parse."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from briefing.analyze.dates import extract_dates
from briefing.analyze.entities import extract_entities
from briefing.analyze.pairs import (
    choose_pairs,
    country_weights,
    relation_pairs,
    sentence_cooccurrence,
)
from briefing.analyze.people import find_people
from briefing.analyze.statements import extract_statements
from briefing.analyze.trend import article_trend
from briefing.article import AnalyzedArticle, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Progress = Callable[[int, int], None]
"""Called with (articles done, words done) after each article."""


class Analyzer:
    """Holds the loaded pipeline; spaCy is loaded on first use, never at import."""

    def __init__(self, model: str, *, batch_size: int = 64, processes: int = 0) -> None:
        self.model = model
        self.batch_size = batch_size
        self.processes = processes
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from briefing.analyze.nlp import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

    def n_process(self, n_texts: int) -> int:
        """Worker processes: several only when there is enough text to repay their start-up."""
        if self.processes:
            return self.processes
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return min(cpus, 4) if n_texts >= 400 and cpus > 1 else 1

    def analyze(self, articles: Sequence[RawArticle], progress: Progress | None = None) -> list[AnalyzedArticle]:
        return list(self.iter_analyze(articles, progress))

    def iter_analyze(
        self, articles: Sequence[RawArticle], progress: Progress | None = None
    ) -> Iterator[AnalyzedArticle]:
        """Analysed articles in input order, yielded as they are done (so callers can cache each)."""
        if not articles:
            return
        nlp = self.nlp
        titles = list(nlp.pipe((a.title for a in articles), batch_size=256))
        texts = ((a.body, i) for i, a in enumerate(articles))
        n_process = self.n_process(len(articles))
        words = 0
        for done, (doc, i) in enumerate(
            nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size, n_process=n_process), start=1
        ):
            result = analyze_doc(articles[i], doc, titles[i])
            words += len(doc)
            if progress:
                progress(done, words)
            yield result


def analyze_doc(article: RawArticle, doc: Doc, title_doc: Doc) -> AnalyzedArticle:
    """Every rule stage on one parsed article; pure given the parse."""
    entities = extract_entities(doc)
    title_entities = extract_entities(title_doc)
    people = find_people(doc, entities)
    statements = extract_statements(doc, entities, people)
    dates = extract_dates(doc, article.published)

    lead_end = _lead_end(article.body)
    weights = country_weights(title_entities, entities, people, lead_end)
    sentences = _sentences_with_countries(doc, entities)
    title_codes = {e.country for e in title_entities if e.country}
    pair, pairs = choose_pairs(
        weights,
        relation_pairs(article.title),
        relation_pairs(article.body),
        sentence_cooccurrence(codes for _, codes in sentences),
    )
    trend = article_trend([(article.title, title_codes), *sentences], pair)
    return AnalyzedArticle(
        article=article,
        pair=pair,
        pairs=pairs,
        entities=entities,
        statements=statements,
        dates=dates,
        people=people,
        trend=trend,
    )


def _lead_end(body: str) -> int:
    """End offset of the first two paragraphs, where news puts what the story is about."""
    at = -1
    for _ in range(2):
        nxt = body.find("\n\n", at + 1)
        if nxt < 0:
            return len(body) if at < 0 else at
        at = nxt
    return max(at, min(len(body), 600))


def _sentences_with_countries(doc: Doc, entities: Sequence[object]) -> list[tuple[str, set[str]]]:
    from briefing.article import Entity

    result: list[tuple[str, set[str]]] = []
    ents = [e for e in entities if isinstance(e, Entity) and e.country]
    k = 0
    for sent in doc.sents:
        codes: set[str] = set()
        while k < len(ents) and ents[k].start < sent.end_char:
            if ents[k].start >= sent.start_char and ents[k].country:
                codes.add(ents[k].country or "")
            k += 1
        result.append((sent.text, codes))
    return result
