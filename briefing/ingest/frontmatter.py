"""Metadata written at the top of a text article: a `---` block or `Title:`/`Date:` header lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*?)\s*$")
_HEADER_KEYS = {"title", "date", "published", "source", "outlet", "author", "by", "url", "link"}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    """Set when a block was started but is broken; the text is then read as if it had none."""

    def get(self, *keys: str) -> str | None:
        for key in keys:
            value = self.fields.get(key)
            if value:
                return value
        return None


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Separate metadata from the article text; unknown or broken metadata never loses text."""
    stripped = text.lstrip("\ufeff")
    lines = stripped.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return FrontMatter(), stripped
    if lines[first].strip() == "---":
        for end in range(first + 1, min(len(lines), first + 60)):
            if lines[end].strip() in ("---", "..."):
                fields = _parse_fields(lines[first + 1 : end])
                if fields is None:
                    break
                return FrontMatter(fields), "\n".join(lines[end + 1 :])
        return FrontMatter(problem="front matter block is not closed or not `key: value` lines"), stripped
    # Header lines: consecutive `Key: value` lines with known keys, ended by a blank line.
    header: dict[str, str] = {}
    i = first
    while i < len(lines) and lines[i].strip():
        m = _KEY_LINE.match(lines[i])
        if not m or _norm_key(m.group(1)) not in _HEADER_KEYS:
            break
        header[_norm_key(m.group(1))] = _unquote(m.group(2))
        i += 1
    if header and (i >= len(lines) or not lines[i].strip()):
        return FrontMatter(header), "\n".join(lines[i:])
    return FrontMatter(), stripped


def _parse_fields(lines: list[str]) -> dict[str, str] | None:
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY_LINE.match(line)
        if not m:
            if line.startswith((" ", "\t", "- ")):
                continue  # a nested YAML value we do not use
            return None
        fields[_norm_key(m.group(1))] = _unquote(m.group(2))
    return fields


def _norm_key(key: str) -> str:
    return key.strip().lower().replace(" ", "_").replace("-", "_")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
