"""The debris classifier on real text: pasted pages lose their page furniture, clean articles lose nothing."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest import load_articles
from briefing.ingest.clean import _shared_with_main_region, clean_lines, load_model
from tests.conftest import SHARED, benchmark_script

PASTED = SHARED / "corpora" / "pasted"
BBC = SHARED / "corpora" / "bbc"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _aligned(gold: list[str], body: list[str]) -> int:
    return sum(b.size for b in difflib.SequenceMatcher(None, gold, body, autojunk=False).get_matching_blocks())


@pytest.mark.skipif(not PASTED.is_dir(), reason="shared corpora not available")
@pytest.mark.parametrize("name", ["telegraph", "guardian-1", "seattletimes-1"])
def test_pasted_page_loses_its_furniture_and_keeps_the_article(name: str) -> None:
    page = (PASTED / "pages" / f"{name}.txt").read_text(encoding="utf-8")
    [article] = load_articles([PASTED / "pages" / f"{name}.txt"]).articles
    gold = _words((PASTED / "articles" / f"{name}.txt").read_text(encoding="utf-8"))
    body = _words(article.body)
    hit = _aligned(gold, body)
    assert hit / len(gold) >= 0.95, "article paragraphs were dropped"
    assert hit / len(body) >= 0.85, "page debris survived"
    assert len(body) < 0.8 * len(_words(page))  # the page really had debris, and it went


@pytest.mark.skipif(not PASTED.is_dir(), reason="shared corpora not available")
def test_a_paragraph_the_pages_teasers_cut_off_is_kept_by_the_words_it_shares_with_the_article() -> None:
    # yahoo-3: three headlines of other stories stand between the lead and the rest; the quote after them
    # was dropped with them. It names "Hicks", as every paragraph of the article does; the teasers do not.
    [article] = load_articles([PASTED / "pages" / "yahoo-3.txt"]).articles
    assert "“This is what he was fighting for, his son wrapped in an American flag,” Hicks told" in article.body
    assert "Pizza Man Making Special Delivery" not in article.body


def test_words_shared_with_the_main_region_count_only_words_said_elsewhere() -> None:
    blocks = [
        "Vanessa Hicks said she had no idea her photo of the flag would be considered controversial.",
        "Hicks said she was surprised when messages started to pop up on her Facebook page about the flag.",
        "Pizza Man Making Special Delivery to Afghanistan",
        "“This is what he was fighting for,” Hicks told ABC News about the flag.",
    ]
    shared = _shared_with_main_region(blocks, [True, True, False, False])
    assert shared[2] == 0.0  # the teaser names nothing the article says
    assert shared[3] == 2 / 6  # "hicks", "flag" of fighting, hicks, told, abc, news, flag
    # a block of the main region does not count its own words: "vanessa", "idea", "photo" are said only there
    assert 0.0 < shared[0] < 1.0


def test_labels_at_the_edges_and_strays_go_sentences_stay() -> None:
    paragraphs = [
        "US Secretary of State Anthony Blinken held a telephone conversation with Moroccan Foreign Minister Nasser "
        "Bourita, during which he praised Morocco's commitment to peace and security in the Middle East region.",
        "Blinken tweeted that they discussed the strong bilateral, regional security and defense cooperation.",
        '"We also discussed my recent trip and meetings with Egyptian, Israeli, and Palestinian leaders."',
    ]
    lines = [
        "Share this article",
        "Subscribe to our newsletter",
        "Minister visits Paris (AFP)",
        paragraphs[0],
        "12",
        "°C",
        paragraphs[1],
        paragraphs[2],
        "Read more:",
        "Photo: a caption here",
        "Share",
        "Topics: Morocco, US",
    ]
    assert clean_lines(lines) == paragraphs


def test_caption_the_page_repeats_goes_even_when_long() -> None:
    caption = "Member of the High Committee for National Reconciliation Hassan Soufan and the spokesperson (Facebook)"
    para = "Syria’s High Committee for National Reconciliation has defended recent controversial prisoner releases."
    assert clean_lines([caption, caption, "", para, "He said the decision aims to preserve stability."]) == [
        para,
        "He said the decision aims to preserve stability.",
    ]


@pytest.mark.skipif(not BBC.is_dir(), reason="shared corpora not available")
def test_clean_bbc_articles_lose_under_half_a_percent_of_their_words() -> None:
    files = sorted(BBC.rglob("*.txt"))[::22]  # 101 files across the five topics
    assert len(files) >= 100
    before = after = 0
    for f in files:
        lines = f.read_text(encoding="utf-8", errors="replace").split("\n")
        title, body = lines[0], lines[1:]
        before += len(_words("\n".join(line for line in body if line.strip() != title.strip())))
        after += len(_words("\n".join(clean_lines(body, title))))
    assert before > 30_000
    assert (before - after) / before < 0.005


def test_seed_sentences_all_survive() -> None:
    """Every paragraph of the seed articles that is a sentence comes through, whatever the page put around it."""
    body = "\n".join(a.body for a in load_articles([SEEDS]).articles)
    sentences = [
        line.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").split("\n")
        if len(line.split()) >= 8 and line.strip().endswith((".", "”", '"'))
    ]
    assert len(sentences) > 50
    missing = [s for s in sentences if s not in body]
    assert not missing, missing[:3]


def test_model_file_matches_the_feature_lists() -> None:
    from briefing.ingest.clean import STAGE1_FEATURES, STAGE2_FEATURES

    model = load_model()
    assert len(model.stage1.weights) == len(STAGE1_FEATURES)
    assert all(len(stage.weights) == len(STAGE2_FEATURES) for stage in model.context)
    assert 0.0 < model.threshold < 1.0


@pytest.mark.skipif(not PASTED.is_dir(), reason="shared corpora not available")
def test_pages_held_out_from_the_fit_lose_their_debris_kinds() -> None:
    """Fitted without these two pages, the classifier still finds their article and drops their furniture."""
    fit_clean: Any = benchmark_script("fit_clean")
    pages = fit_clean.load_pages()
    held = [p for p in pages if p.name in ("seattletimes-1", "telegraph")]
    model = fit_clean.fit([p for p in pages if p not in held])
    hit, body_n, gold_n = fit_clean.score(held, model)
    assert hit / gold_n >= 0.97 and hit / body_n >= 0.9
    kept = {p.name: [s for lines, title in p.inputs for s in clean_lines(lines, title, model)] for p in held}
    seattle, telegraph = "\n".join(kept["seattletimes-1"]), "\n".join(kept["telegraph"])
    for debris in (
        "April 28, 2019 at 6:01 am Updated",  # time stamp
        "Most Read Business Stories",  # section label
        "Amazon again expands in Bellevue",  # related-story link
        "206-652-6593",  # author contact line
        "You must be logged in to leave a comment",  # comment prompt
        "Copyright ©",  # footer
    ):
        assert debris not in seattle
    for debris in ("Subscribe - 30 days free", "Gallery: Matt cartoons", "© Telegraph Media Group"):
        assert debris not in telegraph
    # A related-story link shaped like a quote would otherwise give Trump a statement.
    assert "Watch Donald Trump pardon Thanksgiving turkey" not in telegraph
