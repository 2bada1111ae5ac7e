"""Counts in the lines the user reads: "1 article", "2 articles", never "1 articles"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in the form that agrees with it (regular English plural unless one is given)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
