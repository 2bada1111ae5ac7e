"""`o` opens the article's web page through App.open_url (the tab's browser when served), and only an
http(s) link: article metadata is untrusted. Exports handed to a browser are the files `export` writes."""

from __future__ import annotations

import dataclasses
import io
import sys
import zipfile
from collections.abc import Callable

import pytest

from briefing.app.main import BriefingApp, web_link, zip_documents
from briefing.article import AnalyzedArticle
from briefing.brief import Briefing
from briefing.export.writer import documents

AppFactory = Callable[..., BriefingApp]


def with_links(articles: list[AnalyzedArticle], link: str | None) -> list[AnalyzedArticle]:
    return [dataclasses.replace(a, article=dataclasses.replace(a.article, link=link)) for a in articles]


async def opened_after_o(app: BriefingApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    opened.extend(f"notified: {m}" for m in messages)
    return opened


async def test_o_opens_the_open_articles_link(
    make_app: AppFactory, seed_articles: list[AnalyzedArticle], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")  # a desktop session: the system's browser is a window
    app = make_app(with_links(seed_articles, "https://news.example.org/story?id=7"))
    result = await opened_after_o(app, monkeypatch)
    assert result[0] == "https://news.example.org/story?id=7"
    assert "notified: opening https://news.example.org/story?id=7" in result


async def test_o_shows_the_link_in_a_terminal_without_a_desktop(
    make_app: AppFactory, seed_articles: list[AnalyzedArticle], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    app = make_app(with_links(seed_articles, "https://news.example.org/story?id=7"))
    result = await opened_after_o(app, monkeypatch)
    assert result == ["notified: web page: https://news.example.org/story?id=7"]  # lynx would take the terminal


@pytest.mark.parametrize("link", [None, "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "/tmp/a"])
async def test_o_refuses_anything_but_a_web_address(
    link: str | None, make_app: AppFactory, seed_articles: list[AnalyzedArticle], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(with_links(seed_articles, link))
    result = await opened_after_o(app, monkeypatch)
    assert result == ["notified: this article has no web address"]


def test_web_link() -> None:
    assert web_link(" HTTPS://example.org/a ") == "HTTPS://example.org/a"
    assert web_link("http://example.org/a b") is None  # whitespace inside: not one address
    assert web_link("http://example.org/\x1b[2J") is None
    assert web_link("vbscript:x") is None and web_link("") is None


def test_browser_export_zip_holds_the_exported_files(seed_articles: list[AnalyzedArticle]) -> None:
    outputs = documents(Briefing.build(seed_articles).briefs)
    assert len(outputs) > 2 and outputs[-1][0] == "index.md"
    with zipfile.ZipFile(io.BytesIO(zip_documents(outputs))) as archive:
        assert archive.namelist() == [name for name, _ in outputs]
        assert all(archive.read(name).decode("utf-8") == text for name, text in outputs)
