"""The brief pane shows the trend's confidence next to its label, and none for an unknown trend."""

from __future__ import annotations

from briefing.app.render import brief_items
from briefing.article import AnalyzedArticle, RawArticle, Trend
from briefing.brief import Briefing

BODY = "Morocco and Syria restored diplomatic ties on Monday and agreed to reopen their embassies."


def _article(trend: Trend) -> AnalyzedArticle:
    raw = RawArticle(source="a.txt", title="Morocco and Syria restore ties", body=BODY)
    return AnalyzedArticle(raw, ("MAR", "SYR"), (("MAR", "SYR"),), (), (), (), (), trend)


def test_brief_head_shows_label_and_confidence() -> None:
    brief = Briefing.build([_article(Trend("cooling", (BODY,), 0.83))]).briefs[0]
    head = brief_items(brief)[0].prompt.plain
    assert "▼ cooling (confidence 0.8)" in head


def test_unknown_trend_has_no_confidence() -> None:
    brief = Briefing.build([_article(Trend("unknown"))]).briefs[0]
    assert "confidence" not in brief_items(brief)[0].prompt.plain
