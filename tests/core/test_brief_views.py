"""One brief, three views: the app's brief pane, the JSON and the Markdown list the same key statements
in the same order, for every pair of the seeds and of 200 BBC articles (analysed once per session)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.analyze.analyzer import Analyzer
from briefing.app.render import brief_items
from briefing.app.widgets.brief_pane import BRIEF_SECTION
from briefing.brief import Briefing, PairBrief
from briefing.brief.people import name_words
from briefing.config import defaults
from briefing.export.json_export import render_json
from briefing.export.markdown import escape, render_pair
from briefing.ingest import load_articles

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
BBC_ARTICLES = 200


def bbc_sample() -> list[str]:
    """200 BBC files spread evenly over the sorted corpus (every topic folder), the same on every run."""
    files = sorted(str(p) for p in BBC.rglob("*.txt"))
    step = max(1, len(files) // BBC_ARTICLES)
    return files[::step][:BBC_ARTICLES]


@pytest.fixture(scope="session")
def briefings() -> dict[str, Briefing]:
    if not BBC.is_dir():
        pytest.skip("shared BBC corpus not present")
    analyzer = Analyzer(str(defaults()["analysis"]["model"]), processes=1)
    found = {}
    for name, paths in (("seeds", [str(REPO / "seeds")]), ("bbc", bbc_sample())):
        loaded = load_articles(paths)
        found[name] = Briefing.build(analyzer.analyze(loaded.articles))
    return found


def all_briefs(briefings: dict[str, Briefing]) -> Iterator[PairBrief]:
    for briefing in briefings.values():
        yield from briefing


def test_the_sample_is_200_articles_with_several_pairs(briefings: dict[str, Briefing]) -> None:
    assert len(bbc_sample()) == BBC_ARTICLES
    assert sum(1 for b in briefings["bbc"] if b.pair is not None) >= 3
    assert sum(1 for b in briefings["seeds"] if b.pair is not None) >= 4


def test_app_json_and_markdown_list_the_same_statements_in_the_same_order(briefings: dict[str, Briefing]) -> None:
    checked = 0
    for name, briefing in briefings.items():
        data = json.loads(render_json(briefing))
        by_key = {("-".join(p["pair"]) if p["pair"] else "Other"): p for p in data["pairs"]}
        for brief in briefing:
            expected = [(s.statement.speaker, s.statement.text) for s in brief.statements]
            # JSON: ordered by rank, ranks 1..n, scores never rising, `shown` = what the others show first.
            pair = by_key[brief.key]
            assert [(s["speaker"], s["text"]) for s in pair["statements"]] == expected, (name, brief.key)
            assert [s["rank"] for s in pair["statements"]] == list(range(1, len(expected) + 1))
            scores = [s["score"] for s in pair["statements"]]
            assert scores == sorted(scores, reverse=True)
            assert all(s["article"] == s["articles"][0] for s in pair["statements"])
            assert pair["shown"] == min(5, len(expected))
            # The app: the first screen shows the top `shown` and "N more"; "show all" lists them all.
            first = [i for i in brief_items(brief, limit=BRIEF_SECTION) if i.statement]
            full = [i for i in brief_items(brief) if i.statement]
            assert [i.statement for i in first] == list(range(1, pair["shown"] + 1))
            assert [i.statement for i in full] == list(range(1, len(expected) + 1))
            for item, (speaker, text) in zip(full, expected, strict=True):
                assert speaker in item.prompt.plain and " ".join(text.split()) in " ".join(item.prompt.plain.split())
            # Markdown: the top `shown` as block quotes, then the rest under "N more statements", in order.
            markdown = render_pair(brief)
            section = markdown.split("## Key statements", 1)[-1].split("\n## ", 1)[0] if expected else ""
            at = 0
            for k, s in enumerate(brief.statements):
                text = escape(s.statement.text)
                if k < brief.shown:
                    line = f"> “{text}”" if s.statement.direct else f"> *Reported:* {text}"
                else:
                    quote = f"“{text}”" if s.statement.direct else f"*reported:* {text}"
                    line = f"**{escape(s.statement.speaker) or 'Unnamed speaker'}**: {quote}"
                found = section.find(line, at)
                assert found >= at, (name, brief.key, k, line)
                at = found + len(line)
            if brief.hidden:
                assert f"### {brief.hidden} more statement" in section
            checked += len(expected)
    assert checked >= 20


def test_every_brief_item_points_into_its_article(briefings: dict[str, Briefing]) -> None:
    """Statements, timeline entries, evidence, lead sentences and people carry an article id and a span
    whose text is what the item shows (whitespace aside)."""

    def same(shown: str, body: str, start: int, end: int) -> bool:
        return " ".join(shown.split()) == " ".join(body[start:end].split())

    for brief in all_briefs(briefings):
        for s in brief.statements:
            a = brief.article(s.article)
            assert a is not None and s.articles[0] == s.article
            first_word = s.statement.text.split()[0].strip("“\"'‘,.")
            assert first_word in a.article.body[s.statement.start : s.statement.end]
        for t in brief.timeline:
            a = brief.article(t.article)
            assert a is not None and t.start < t.end
            assert t.text in a.article.body[t.start : t.end]
        for p in (*brief.lead, *(e for e in brief.evidence if e.end)):
            a = brief.article(p.article)
            assert a is not None and same(p.text, a.article.body, p.start, p.end)
        for person in brief.people:
            a = brief.article(person.article)
            assert a is not None
            if person.end:  # the first mention, written as that article wrote it ("Mr Wang", "Wang Yi")
                assert set(name_words(a.article.body[person.start : person.end])) & set(name_words(person.name))
