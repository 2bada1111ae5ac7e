"""The reader's model on the analysed sample corpus, without Textual: selection, search, lists, read state."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from briefing.app.model import ARTICLE_PAGE, ReaderModel
from briefing.app.render import find_all
from briefing.app.state import ReadingState
from briefing.article import AnalyzedArticle
from briefing.brief import Briefing, PairBrief


def _model(tmp_path: Path) -> ReaderModel:
    return ReaderModel(ReadingState(tmp_path / "state.json"))


def _briefs(articles: list[AnalyzedArticle]) -> list[PairBrief]:
    return [b for b in Briefing.build(articles).briefs if b.pair is not None]


def _variants(seed: AnalyzedArticle, n: int) -> list[AnalyzedArticle]:
    """n articles of one pair, each its own story (every " the " is a word of its own: no near-duplicates)."""
    out = []
    for i in range(n):
        body = seed.article.body.replace(" the ", f" {chr(97 + i // 26 % 26)}{chr(97 + i % 26)}q ")
        raw = replace(seed.article, source=f"{seed.article.source}-copy{i}", title=f"Copy {i}", link=None, body=body)
        out.append(replace(seed, article=raw))
    return out


def _common_word(article: AnalyzedArticle) -> str:
    """A word the body holds at least twice (so there is a next match to step to)."""
    body = article.article.body
    return next(w for w in body.split() if len(w) > 4 and w.isalpha() and len(find_all(body, w)) >= 2)


def test_model_imports_no_textual() -> None:
    code = "import sys, briefing.app.model; print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_rebuilt_pair_keeps_the_open_article(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> None:
    """The loader hands over new briefs as analysis goes on: the reader stays on the article it shows."""
    articles = _variants(next(a for a in seed_articles if a.pair), 3) + seed_articles
    before = _briefs(articles)[0]
    after = Briefing.build(articles).get(before.key)
    assert after is not None and after is not before
    model = _model(tmp_path)
    assert len(before.articles) >= 3
    assert model.select_pair(before) and not model.select_pair(before)  # the same brief again: nothing to do
    assert model.start_index(before) == (0, False)  # nothing open yet: the first article
    model.show_article(before.articles[-1])
    assert model.select_pair(after)
    index, kept = model.start_index(after)
    assert kept and after.articles[index].id == before.articles[-1].id
    other = next(b for b in _briefs(articles) if b.key != before.key)
    assert model.select_pair(other) and model.start_index(other) == (0, False)
    model.clear()
    assert model.pair_key is None and model.article_id is None


def test_search_steps_through_matches_and_follows_the_article(
    tmp_path: Path, seed_articles: list[AnalyzedArticle]
) -> None:
    model = _model(tmp_path)
    article = seed_articles[0]
    model.show_article(article)
    word = _common_word(article)
    model.search(word)
    total = len(find_all(article.article.body, word))
    assert len(model.matches) == total >= 2 and model.match_index == 0
    assert model.current_match == model.matches[0]
    assert model.step_match(-1) and model.match_index == total - 1  # wraps backwards
    assert model.step_match(1) and model.match_index == 0
    without = next(a for a in seed_articles if word.lower() not in a.article.body.lower())
    model.show_article(without)
    assert model.matches == [] and model.match_index is None and not model.step_match(1)
    model.search("")
    assert model.matches == [] and model.current_match is None


def test_find_elsewhere_looks_in_the_current_pair_first(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> None:
    briefs = _briefs(seed_articles)
    model = _model(tmp_path)
    last = briefs[-1]
    model.select_pair(last)
    model.show_article(last.articles[0])
    word = _common_word(last.articles[0])
    model.search(word)
    found = model.find_elsewhere(briefs)
    assert found is not None and found[0] is last  # the current pair, though earlier pairs may hold it too
    model.search("zzqx-nowhere")
    assert model.matches == [] and model.find_elsewhere(briefs) is None
    model.search(word)
    model.show_article(next(a for a in seed_articles if word.lower() not in a.article.body.lower()))
    brief, article = model.find_elsewhere(briefs) or (None, None)
    assert brief is last and article is not None
    model.open_match(article)
    assert model.article is article and model.match_index == 0 and model.current_match is not None


def test_focus_span_belongs_to_its_article(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> None:
    model = _model(tmp_path)
    model.show_article(seed_articles[0])
    model.set_focus_span(3, 9)
    assert model.focus_span == (3, 9)
    model.show_article(seed_articles[0])  # shown again: still there
    assert model.focus_span == (3, 9)
    model.show_article(seed_articles[1])
    assert model.focus_span is None
    model.set_focus_span(5, 5)  # an empty span is none
    assert model.focus_span is None


def test_long_lists_show_a_page_until_expanded(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> None:
    seed = next(a for a in seed_articles if a.pair)
    copies = _variants(seed, ARTICLE_PAGE + 5)
    brief = Briefing.build(copies).get("-".join(seed.pair or ()))
    assert brief is not None and len(brief.articles) > ARTICLE_PAGE
    model = _model(tmp_path)
    assert model.shown_articles(brief) == ARTICLE_PAGE
    model.show_article(brief.articles[-1])  # open beyond the first page: selecting the pair lists them all
    model.select_pair(brief)
    assert model.start_index(brief)[0] == len(brief.articles) - 1
    assert model.shown_articles(brief) == len(brief.articles)
    assert not model.items_expanded(brief)
    model.expand_items(brief)
    assert model.items_expanded(brief)


def test_read_and_bookmarks_go_to_the_state_file(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> None:
    model = _model(tmp_path)
    brief = _briefs(seed_articles)[0]
    article = brief.articles[0]
    unread = model.unread_in(brief)
    assert not model.is_read(article.id) and model.mark_read(article) and not model.mark_read(article)
    assert model.unread_in(brief) == unread - 1
    assert model.toggle_bookmark(article) and model.is_bookmarked(article.id)
    again = ReadingState(tmp_path / "state.json")  # what the next session reads
    assert again.is_read(article.id) and again.is_bookmarked(article.id)
    assert not model.toggle_bookmark(article) and not model.is_bookmarked(article.id)
