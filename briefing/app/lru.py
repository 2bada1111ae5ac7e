"""Storing into Textual's LRUCache so that a new value for a kept key replaces the old one.

`LRUCache.set` leaves an existing key's value as it was (it only adds absent keys), so a widget that
re-stores an entry after it changed (rewrapped at another width, new marks) would keep the stale one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from textual.cache import LRUCache

Key = TypeVar("Key")
Value = TypeVar("Value")


def store(cache: LRUCache[Key, Value], key: Key, value: Value) -> None:
    """Keep `value` under `key`, replacing what was there, as the most recently used entry."""
    cache.discard(key)
    cache.set(key, value)
