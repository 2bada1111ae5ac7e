"""Configuration: one TOML file found by a fixed lookup order, validated against the packaged default.

The packaged defaults (briefing/defaults.toml; the repository's top-level config.toml is its documented
copy) are the single source of every key, its default and its type, so the documentation, the defaults
and the validation cannot drift apart. No Textual or spaCy here.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.bundled import default_config, sample_corpus

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ENV_VAR = "BRIEFING_CONFIG"
LOCAL_NAME = "briefing.toml"
"""The config file read from the working folder (after --config and $BRIEFING_CONFIG)."""

RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("analysis", "max_article_chars"): (100, 1_000_000),  # spaCy refuses longer texts
    ("analysis", "batch_size"): (1, 10_000),
    ("analysis", "processes"): (0, 256),
    ("network", "timeout"): (0.1, 600.0),
    ("network", "max_feed_bytes"): (1_000, 64 * 1024 * 1024),  # the file size limit
    ("brief", "key_statements"): (1, 100),
}
"""Allowed values of each numeric key, both ends included; config.toml states them beside each key.

Out of range, a value would fail later and elsewhere: a batch size that overflows C code, a timeout of
inf or nan that every fetch reports as a network problem, max_article_chars = 0 emptying every article."""

CHOICES: dict[tuple[str, str], tuple[str, ...]] = {("analysis", "engine"): ("local", "ray")}
"""String keys that take one of a few values."""


class ConfigError(Exception):
    """A config problem, worded as the one line the user sees."""


@dataclass(frozen=True, slots=True)
class Config:
    values: Mapping[str, Mapping[str, Any]]
    path: Path | None = None
    """The user's file that was read, or None when only the packaged defaults apply."""
    base: Path = field(default_factory=Path.cwd)
    """Folder that relative corpus paths are read from."""

    def get(self, section: str, key: str) -> Any:
        return self.values[section][key]

    @property
    def model(self) -> str:
        return str(self.get("analysis", "model"))

    @property
    def max_article_chars(self) -> int:
        return int(self.get("analysis", "max_article_chars"))

    @property
    def feeds(self) -> list[str]:
        return [str(u) for u in self.get("corpus", "feeds")]

    @property
    def default_inputs(self) -> list[str]:
        """What opens without PATH arguments: configured paths and feeds, else the sample corpus."""
        configured = [_resolve(p, self.base) for p in self.get("corpus", "paths")] + self.feeds
        return configured or [str(sample_corpus())]

    @property
    def cache_dir(self) -> Path:
        configured = str(self.get("cache", "directory"))
        if configured:
            return Path(_resolve(configured, self.base))
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("briefing", appauthor=False))

    @property
    def feed_dir(self) -> Path:
        """Where the last good copy of each feed is kept, for reading offline."""
        return self.cache_dir / "feeds"

    @property
    def fetch_timeout(self) -> float:
        return float(self.get("network", "timeout"))

    @property
    def max_feed_bytes(self) -> int:
        return int(self.get("network", "max_feed_bytes"))

    @property
    def highlight(self) -> tuple[str, ...]:
        return tuple(str(label).upper() for label in self.get("app", "highlight"))

    @property
    def keys(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.values["keys"].items()}

    @property
    def key_statements(self) -> int:
        """Key statements a brief shows before "N more"."""
        return int(self.get("brief", "key_statements"))

    @property
    def export_dir(self) -> Path:
        return Path(os.path.expanduser(str(self.get("export", "directory"))))


def _resolve(path: str, base: Path) -> str:
    if path.startswith(("http://", "https://")):
        return path
    p = Path(os.path.expanduser(path))
    return str(p if p.is_absolute() else base / p)


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("briefing", appauthor=False)) / "config.toml"


def settings_file(path: Path | None) -> str:
    """Where the user changes a setting, for messages: the file that was read, else the working folder's
    briefing.toml (the first file looked for after --config and $BRIEFING_CONFIG; README, Config)."""
    return str(path) if path is not None else f"./{LOCAL_NAME}"


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The file to read: --config, $BRIEFING_CONFIG, ./briefing.toml, the user config dir, else None.

    The working folder is searched only for a name that is ours: a `config.toml` there belongs to
    some other tool as often as not, and reading it would stop briefing on its foreign sections."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found (given with --config)")
        return path
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found (given by ${ENV_VAR})")
        return path
    for candidate in (Path.cwd() / LOCAL_NAME, user_config_path()):
        if candidate.is_file():
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")  # a BOM, as some Windows editors write
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from exc


def defaults() -> dict[str, dict[str, Any]]:
    return _read_toml(default_config())


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Defaults overlaid with the user's file; every key and type checked against the defaults."""
    values = defaults()
    path = find_config(explicit)
    if path is None:
        return Config(values)
    user = _read_toml(path)
    merged = validate(user, values, path)
    return Config(merged, path=path, base=path.resolve().parent)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list of strings"
    return type(value).__name__


def _check(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def _within(value: Any, bounds: tuple[float, float]) -> bool:
    return math.isfinite(value) and bounds[0] <= value <= bounds[1]


def _number(bound: float) -> str:
    return f"{bound:,}" if isinstance(bound, int) else f"{bound:g}"


def validate(
    user: Mapping[str, Any], defaults_: Mapping[str, Mapping[str, Any]], path: Path
) -> dict[str, dict[str, Any]]:
    merged = {section: dict(keys) for section, keys in defaults_.items()}
    for section, keys in user.items():
        if section not in defaults_:
            known = ", ".join(sorted(defaults_))
            raise ConfigError(f"{path}: unknown section [{section}] (known sections: {known})")
        if not isinstance(keys, dict):
            raise ConfigError(f"{path}: {section} must be a [{section}] table")
        for key, value in keys.items():
            if key not in defaults_[section]:
                known = ", ".join(sorted(defaults_[section]))
                raise ConfigError(f"{path}: unknown key {section}.{key} (known keys in [{section}]: {known})")
            default = defaults_[section][key]
            bounds = RANGES.get((section, key))
            if not _check(value, default) or (bounds is not None and not _within(value, bounds)):
                expected = _type_name(default)
                if isinstance(default, int) and not isinstance(default, bool):
                    expected = "a whole number >= 0"
                if bounds is not None:
                    expected = f"{expected.removesuffix(' >= 0')} from {_number(bounds[0])} to {_number(bounds[1])}"
                raise ConfigError(f"{path}: {section}.{key} must be {expected}, not {value!r}")
            choices = CHOICES.get((section, key))
            if choices and value not in choices:
                allowed = " or ".join(f'"{c}"' for c in choices)
                raise ConfigError(f"{path}: {section}.{key} must be {allowed}, not {value!r}")
            merged[section][key] = float(value) if isinstance(default, float) else value
    return merged
