"""`briefing export` end to end on the sample corpus (uses spaCy): files, content, no overwrite, stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from export_helpers import PARSERS, plain_text, timeline_line, walk

from briefing.article import AnalyzedArticle
from briefing.brief import Briefing
from briefing.cli import main
from briefing.export.markdown import clean
from briefing.export.writer import plan

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def analysed(folder: Path, out: Path) -> Briefing:
    """The briefs as the JSON contract reports them, for the same corpus."""
    assert main(["brief", str(folder), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return Briefing.build(AnalyzedArticle.from_dict(a) for a in data["articles"])


def test_export_seeds_writes_every_pair_then_leaves_files_alone(
    cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = cache / "briefs"
    assert main(["export", str(SEEDS), "-o", str(out)]) == 0
    briefing = analysed(SEEDS, cache / "seeds.json")
    named = plan(list(briefing))
    assert len(named) >= 2
    assert sorted(p.name for p in out.iterdir()) == sorted([name for _, name in named] + ["index.md"])

    index_links = [
        t.attrs["href"]
        for t in walk(PARSERS["commonmark"].parse((out / "index.md").read_text("utf-8")))
        if t.type == "link_open"
    ]
    assert index_links == [name for _, name in named]
    for brief, name in named:
        text = " ".join(plain_text((out / name).read_text(encoding="utf-8")).split())
        for s in brief.statements:
            assert clean(s.statement.text) in text, (name, s.statement.text)
        for t in brief.timeline:
            assert timeline_line(t) in text, (name, t.value)

    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    capsys.readouterr()
    assert main(["export", str(SEEDS), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("warning: ") == len(before) and "already exists" in err and "nothing written" in err
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before

    assert main(["export", str(SEEDS), "-o", str(out), "--force"]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {n: b for n, (b, _) in before.items()}


def test_one_pair_to_stdout_and_errors(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefing = analysed(SEEDS, cache / "seeds.json")
    key = briefing.briefs[0].key
    capsys.readouterr()
    assert main(["export", str(SEEDS), "--pair", key.lower(), "-o", "-"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"# {briefing.briefs[0].title}\n") and not (cache / "briefs").exists()

    assert main(["export", str(SEEDS), "-o", "-"]) == 2
    assert "exactly one --pair" in capsys.readouterr().err
    assert main(["export", str(SEEDS), "--pair", "AAA-ZZZ"]) == 1
    assert "no articles for pair AAA-ZZZ" in capsys.readouterr().err


def test_default_folder_comes_from_config(cache: Path) -> None:
    target = cache / "from-config"
    config = cache / "config.toml"
    config.write_text(f'[export]\ndirectory = "{target.as_posix()}"\n', encoding="utf-8")
    assert main(["export", str(SEEDS), "--config", str(config)]) == 0
    assert (target / "index.md").is_file()


def test_hostile_article_exports_as_literal_text(cache: Path) -> None:
    corpus = cache / "news"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(
        "Title: # Morocco and Syria <script>alert(1)</script> [link](http://x)\n"
        "Date: 2024-05-01\n\n"
        'Moroccan Foreign Minister Nasser Bourita said on Monday: "| a | b | `code` *em* 1. list > quote".\n\n'
        "Morocco and Syria agreed in 2012 to talk about [link](http://x) and <b>trade</b>.\n",
        encoding="utf-8",
    )
    out = cache / "out"
    assert main(["export", str(corpus), "-o", str(out)]) == 0
    for path in out.iterdir():
        tokens = list(walk(PARSERS["gfm"].parse(path.read_text(encoding="utf-8"))))
        kinds = {t.type for t in tokens}
        assert not kinds & {"html_block", "html_inline", "code_inline", "fence", "table_open", "image"}
        assert all(str(t.attrs.get("href", "")).endswith(".md") for t in tokens if t.type == "link_open")
        assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) <= 1
    text = " ".join(plain_text(next(p for p in out.iterdir() if p.name != "index.md").read_text("utf-8")).split())
    assert "<script>alert(1)</script> [link](http://x)" in text
