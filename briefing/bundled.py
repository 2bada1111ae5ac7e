"""The files that ship inside the briefing package: the default config and the sample corpus.

They live in the package itself (briefing/defaults.toml, briefing/seeds/), so a wheel, an editable
install and a checkout all read the same files, found with importlib.resources.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _packaged(name: str) -> Path:
    resource = resources.files("briefing") / name
    if not isinstance(resource, Path):  # pragma: no cover - a zipped install; briefing reads folders
        raise RuntimeError(f"briefing must be installed as files, not zipped: cannot open {name}")
    return resource


def sample_corpus() -> Path:
    """The sample articles `briefing` opens when given no paths."""
    return _packaged("seeds")


def default_config() -> Path:
    """The default config (briefing/defaults.toml), source of every key's default and type.

    The top-level config.toml of the repository is its documented copy; a test keeps them identical."""
    return _packaged("defaults.toml")
