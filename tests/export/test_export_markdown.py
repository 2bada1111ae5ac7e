"""The Markdown renderer: structure an analyst expects, escaping of hostile article text, a golden brief."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import HOSTILE, PARSERS, article, dated, plain_text, said, timeline_line, walk

from briefing.article import AnalyzedArticle, Person, Trend
from briefing.brief import Briefing, build_brief
from briefing.export.markdown import (
    clean,
    escape,
    render_briefing,
    render_index,
    render_pair,
)

FIXTURES = Path(__file__).parent / "fixtures"
ANALYSIS = Path(__file__).parents[1] / "fixtures" / "seeds_analysis.json"
"""The analysed sample corpus; tests/fixtures/make_fixtures.py regenerates it and golden_mar_rus.md."""
STRUCTURE = {
    "html_block",
    "html_inline",
    "code_block",
    "fence",
    "code_inline",
    "table_open",
    "link_open",
    "image",
    "s_open",
}

# Contexts in which the renderer places escaped text; {} is the text.
CONTEXTS = ["{}", "> {}", "- {}", "1. {}", "# {}", "> “{}”", "- **2020**: {}", "in *{}*", "**{}**", "x (*{}*)"]


def skeleton(markdown: str, parser: str) -> list[str]:
    """Token types with the text left out: the structure of a document."""
    return [t.type for t in walk(PARSERS[parser].parse(markdown)) if t.type not in ("text", "inline")]


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_escaped_text_creates_no_structure(hostile: str, context: str, parser: str) -> None:
    markdown = context.format(escape(hostile))
    assert skeleton(markdown, parser) == skeleton(context.format("word"), parser)
    assert clean(hostile) in plain_text(markdown, parser)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_text_in_any_context_stays_text(text: str) -> None:
    if not clean(text):
        return
    for parser in PARSERS:
        for context in CONTEXTS:
            markdown = context.format(escape(text))
            assert skeleton(markdown, parser) == skeleton(context.format("word"), parser), markdown
            assert clean(text).replace("\x00", "\ufffd") in plain_text(markdown, parser), markdown


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("#[]()<>|`*_-+=.:!&;/\\~ 1aZ\n>\"'@$^{}")), min_size=1, max_size=40))
def test_punctuation_soup_stays_text(text: str) -> None:
    if not clean(text):
        return
    for context in CONTEXTS:
        markdown = context.format(escape(text))
        assert skeleton(markdown, "gfm") == skeleton(context.format("word"), "gfm"), markdown


def test_clean_drops_controls_and_bidi_overrides_but_keeps_letters() -> None:
    assert clean("a\tb\r\n\x00c\u202ed\x1b[31m é ") == "a b cd[31m é"


def hostile_brief() -> tuple[Briefing, list[str]]:
    """A brief whose every article-derived field holds a different hostile string."""
    texts = iter(HOSTILE * 3)
    a = article(
        next(texts),
        outlet=next(texts),
        published="2024-05-01",
        link="javascript:alert(1)",
        statements=[said(next(texts), next(texts), role=next(texts)), said(next(texts), direct=False)],
        dates=[dated("2020", next(texts)), dated("2021-03", next(texts))],
        people=[Person(next(texts), "SYR", next(texts))],
        trend=Trend("cooling", (next(texts), next(texts))),
    )
    used = [
        a.article.title,
        a.article.outlet or "",
        *(s.text for s in a.statements),
        *(s.speaker for s in a.statements),
        *(d.sentence for d in a.dates),
        *(p.name for p in a.people),
        *a.trend.evidence,
    ]
    return Briefing.build([a]), used


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_hostile_article_text_is_literal_in_a_whole_brief(parser: str) -> None:
    briefing, used = hostile_brief()
    markdown = render_pair(briefing.briefs[0])
    tokens = list(walk(PARSERS[parser].parse(markdown)))
    assert not [t.type for t in tokens if t.type in STRUCTURE]
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        ("h1", "Morocco – Syria"),
        ("h2", "Trend"),
        ("h2", "Key statements"),
        ("h2", "Timeline"),
        ("h2", "People"),
        ("h2", "Sources"),
    ]
    assert sum(t.type == "hr" for t in tokens) == 0
    assert sum(t.type == "blockquote_open" for t in tokens) == 2
    text = plain_text(markdown, parser)
    for original in used:
        assert clean(original) in text


def test_brief_structure_headings_quotes_timeline_people_sources() -> None:
    a = article(
        "Morocco and Syria restore ties",
        outlet="Hespress",
        published="2024-06-02",
        link="https://example.org/news/1",
        statements=[
            said("We are opening a new page."),
            said("ties were never cut", "Asaad al-Shibani", direct=False, role=None, country="SYR"),
        ],
        dates=[dated("2012", "In 2012 ties were cut."), dated("2024-06", "In June 2024 embassies reopened.")],
        people=[Person("Nasser Bourita", "MAR", "Foreign Minister")],
    )
    brief = Briefing.build([a]).briefs[0]
    markdown = render_pair(brief)
    tokens = list(walk(PARSERS["commonmark"].parse(markdown)))
    assert tokens[0].tag == "h1" and tokens[1].content == "Morocco – Syria"
    # 2012 is history told as context in 2024 (the sentence names one side only): background, out of the span.
    assert "period covered: 2024-06-02 (events: 2024-06)" in markdown
    quotes = markdown.split("## Key statements")[1].split("## Timeline")[0]
    assert "> “We are opening a new page.”" in quotes
    assert (
        "> — **Nasser Bourita**, Foreign Minister, Morocco; in *Morocco and Syria restore ties* (Hespress, 2024-06-02)"
        in quotes
    )
    assert "> *Reported:* ties were never cut" in quotes and "**Asaad al\\-Shibani**, Syria;" not in quotes
    assert "**Asaad al-Shibani**, Syria;" in quotes
    timeline = [t for t in tokens if t.type == "inline" and t.content.startswith("**20")]
    assert [t.content.split("**")[1] for t in timeline] == ["2024-06", "2012"]
    assert markdown.index("### Background") < markdown.index("**2012**")
    assert "- Nasser Bourita (Foreign Minister, Morocco)" in markdown
    links = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    assert links == ["https://example.org/news/1"]
    assert "**Warming** (confidence 0.8), based on:" in markdown and "- Relations improved." in markdown


def test_repeated_statement_appears_once_with_all_sources() -> None:
    first = article("First report", source="a.txt", statements=[said("We want  “peace” now.")])
    second = article(
        "Second report",
        source="b.txt",
        outlet="Other Wire",
        statements=[said('we want "PEACE" now', "Bourita", role=None, country=None)],
    )
    third = article("Third report", source="c.txt", statements=[said("Something else entirely.")])
    brief = Briefing.build([first, second, third]).briefs[0]
    merged = brief.statements
    assert len(merged) == 2
    peace = next(m for m in merged if "peace" in m.statement.text.lower())
    assert peace.statement.speaker == "Nasser Bourita" and len(peace.articles) == 2
    markdown = render_pair(brief)
    assert plain_text(markdown).count("peace") + plain_text(markdown).count("PEACE") == 1
    line = next(ln for ln in markdown.splitlines() if ln.startswith("> — **Nasser Bourita**") and "First" in ln)
    assert "*First report* (Example News, 2024-05-01); *Second report* (Other Wire, 2024-05-01)" in line


def test_same_date_and_sentence_from_two_articles_is_one_timeline_line() -> None:
    a = article("A", source="a.txt", dates=[dated("2012", "Ties were cut in 2012.")])
    b = article("B", source="b.txt", dates=[dated("2012", "Ties were cut in 2012")])
    markdown = render_pair(Briefing.build([a, b]).briefs[0])
    line = next(ln for ln in markdown.splitlines() if ln.startswith("- **2012**:"))
    assert markdown.count("- **2012**:") == 1 and "*A* (Example News" in line and "*B* (Example News" in line
    assert markdown.count("- Relations improved.") == 1


def test_other_brief_and_unknown_trend_are_worded_for_a_reader() -> None:
    other = build_brief(None, [article("Local news", pair=None)])
    assert render_pair(other).startswith("# Other: articles about no country pair\n")
    assert "## Trend" not in render_pair(other)
    unknown = build_brief(("MAR", "SYR"), [article(trend=Trend("unknown"))])
    assert "No clear trend" in render_pair(unknown)


def test_index_links_every_brief_file() -> None:
    a = article("A", source="a.txt")
    b = article("B", source="b.txt", pair=("QAT", "SYR"))
    briefing = Briefing.build([a, b])
    entries = [(brief, f"{brief.key.lower()}.md") for brief in briefing]
    tokens = list(walk(PARSERS["commonmark"].parse(render_index(entries))))
    assert [t.attrs["href"] for t in tokens if t.type == "link_open"] == ["mar-syr.md", "qat-syr.md"]
    assert "Qatar – Syria" in plain_text(render_index(entries))


def test_brief_command_renderer_is_the_same_renderer() -> None:
    briefing = Briefing.build([article("A", source="a.txt"), article("B", source="b.txt", pair=("QAT", "SYR"))])
    text = render_briefing(briefing)
    assert all(render_pair(b) in text for b in briefing)
    assert sum(t.type == "hr" for t in PARSERS["commonmark"].parse(text)) == len(briefing) - 1


def fixture_briefing() -> Briefing:
    data = json.loads(ANALYSIS.read_text(encoding="utf-8"))
    return Briefing.build(AnalyzedArticle.from_dict(a) for a in data["articles"])


def test_golden_brief_of_one_seed_pair() -> None:
    """Set BRIEFING_UPDATE_GOLDEN=1 to rewrite the golden file after a deliberate change of the format."""
    brief = fixture_briefing().get("MAR-RUS")
    assert brief is not None
    rendered = render_pair(brief)
    golden = FIXTURES / "golden_mar_rus.md"
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    assert rendered == golden.read_text(encoding="utf-8")


def test_fixture_briefs_contain_every_statement_and_date() -> None:
    for brief in fixture_briefing():
        text = " ".join(plain_text(render_pair(brief)).split())
        for s in brief.statements:
            assert clean(s.statement.text) in text
        for t in brief.timeline:
            assert timeline_line(t) in text
