"""How the words of a line read: counts that agree with their noun, whitespace collapsed to one space."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in the form that agrees with it (regular English plural unless one is given)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def single_spaced(text: str) -> str:
    """The words of `text` joined by single spaces: newlines, tabs and runs of spaces become one space,
    ends trimmed. The one definition of "normalised text" (titles, quotes, keys compared across sources)."""
    return " ".join(text.split())
