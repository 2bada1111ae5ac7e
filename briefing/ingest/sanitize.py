"""Strip what must never reach a terminal or an analysis: escape sequences and invisible controls.

Article text is untrusted. ANSI/OSC sequences, C0/C1 controls, bidi overrides and invisible characters
(not the zero-width joiners that Persian and emoji need) are removed at ingest, so every later stage
(analysis offsets, the app, exports) sees the same safe text.
"""

from __future__ import annotations

import re

from briefing.terminal import INVISIBLE
from briefing.wording import single_spaced

MAX_TITLE_CHARS = 300
"""Longer titles are cut at a word: past this a "title" is a paragraph taken for one."""

_ESCAPES = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC ... BEL or ST
  | \x1b[P^_X][^\x1b]*(?:\x1b\\)?          # DCS, PM, APC, SOS strings
  | \x1b\[[0-?]*[ -/]*[@-~]                # CSI sequences
  | \x9b[0-?]*[ -/]*[@-~]                  # 8-bit CSI
  | \x1b[@-Z\\-_]                          # other two-byte escapes
    """,
    re.VERBOSE,
)


def sanitize(text: str) -> str:
    """Normalise newlines and drop escape sequences and invisible control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return INVISIBLE.sub("", text)


def field_text(value: object) -> str:
    """A metadata field (title, outlet, author, link) as one clean line; "" for anything not text."""
    return single_spaced(sanitize(value)) if isinstance(value, str) else ""


def short_title(title: str) -> str:
    """A title as articles carry it, whatever the reader: one line, cut at a word with "…" past
    `MAX_TITLE_CHARS`."""
    title = single_spaced(title)
    if len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
