"""Where the files that ship with briefing live: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.exists():
        return installed
    return _PACKAGE.parent / name  # a source checkout or an editable install


def sample_corpus() -> Path:
    """The sample articles `briefing` opens when given no paths."""
    return _bundled("seeds")


def default_config() -> Path:
    """The documented default config.toml, source of every key's default and type."""
    return _bundled("config.toml")
