"""App fixtures: pre-analysed articles (no spaCy), a state file and config in tmp_path."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from briefing.app.main import BriefingApp
from briefing.app.state import ReadingState
from briefing.article import AnalyzedArticle
from briefing.config import Config, defaults
from briefing.corpus import Corpus

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seeds_analysis.json"
"""The analysed sample corpus; regenerate with tests/fixtures/make_fixtures.py."""

AppFactory = Callable[..., BriefingApp]


def corpus_of(articles: Sequence[AnalyzedArticle], problems: Sequence[Any] = ()) -> Corpus:
    return Corpus(tuple(a.article for a in articles), {i: a for i, a in enumerate(articles)}, tuple(problems))


def make_config(**sections: dict[str, Any]) -> Config:
    values = defaults()
    for name, keys in sections.items():
        values[name] = {**values[name], **keys}
    return Config(values)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests with asyncio.run (no asyncio plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(name="corpus_of")
def _corpus_of() -> Callable[..., Corpus]:
    return corpus_of


@pytest.fixture(name="make_config")
def _make_config() -> Callable[..., Config]:
    return make_config


@pytest.fixture
def seed_articles() -> list[AnalyzedArticle]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [AnalyzedArticle.from_dict(a) for a in data["articles"]]


@pytest.fixture
def make_app(tmp_path: Path, seed_articles: list[AnalyzedArticle]) -> AppFactory:
    def factory(
        articles: Sequence[AnalyzedArticle] | None = None,
        *,
        config: Config | None = None,
        corpus: Corpus | None = None,
        state_path: Path | None = None,
        **kwargs: Any,
    ) -> BriefingApp:
        loaded = corpus or corpus_of(seed_articles if articles is None else articles)
        return BriefingApp(
            config or make_config(export={"directory": str(tmp_path / "briefs")}),
            corpus_loader=lambda: loaded,
            state=ReadingState(state_path or tmp_path / "state.json"),
            **kwargs,
        )

    return factory
