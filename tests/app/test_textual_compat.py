"""The private Textual names the reader uses (all listed in briefing/app/_textual_compat.py) still exist.

When this fails after a Textual upgrade, adapt _textual_compat.py, then raise the pin in pyproject.toml.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefing.app._textual_compat import PRIVATE_NAMES, character_to_key, option_lines

APP = Path(__file__).resolve().parents[2] / "briefing" / "app"


@pytest.mark.parametrize(("module", "owner", "name"), PRIVATE_NAMES)
def test_private_textual_name_exists(module: str, owner: str, name: str) -> None:
    where = importlib.import_module(module)
    if owner:
        cls = getattr(where, owner)
        instance = cls() if owner in ("OptionList", "Widget") else None
        assert hasattr(cls, name) or (instance is not None and hasattr(instance, name)), f"{owner}.{name}"
    else:
        assert callable(getattr(where, name)), f"{module}.{name}"


def test_the_wrappers_give_what_the_reader_expects() -> None:
    assert character_to_key("?") == "question_mark" and character_to_key("!") == "exclamation_mark"
    assert option_lines(OptionList("a", "b"), 0) is None  # not laid out yet: nothing to repaint


def test_no_other_module_of_the_app_touches_a_private_textual_name() -> None:
    private = {name for _, _, name in PRIVATE_NAMES}
    for path in APP.glob("*.py"):
        if path.name == "_textual_compat.py":
            continue
        used = set(re.findall(r"\b(_[a-z][a-z0-9_]*)\b", path.read_text(encoding="utf-8")))
        assert not used & private, f"{path.name}: {sorted(used & private)}"
