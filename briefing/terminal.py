"""Untrusted strings and the terminal: the one definition of the characters that must never reach it raw.

File names, URLs, server replies and article text may hold ESC, BEL, newlines or bidi overrides. Written
raw, an OSC 52 sequence sets the clipboard, a newline forges a second "warning:" line and an override
reorders what the user reads. Ingest removes these characters from article text (`ingest.sanitize`), the
reader shows them as pictures (`app.render.literal`) and the command line shows them escaped (`safe`),
all from the classes defined here.
"""

from __future__ import annotations

import re

CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls except tab and newline (ESC, BEL, carriage return…), DEL and the C1 controls."""
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidi marks, embeddings, overrides and isolates: they reorder the characters around them."""
UNSAFE = re.compile(f"[{CONTROLS}{BIDI}]")
"""What must never reach a terminal raw, in any text (tabs and newlines are the text's own layout)."""
HIDDEN = "\u200b\u2060-\u2064\ufeff"
"""Invisible characters that only hide or disguise text: zero-width space, word joiner and invisible
operators, the BOM. Zero-width joiners and non-joiners are not among them: Persian words and emoji
sequences need them."""
INVISIBLE = re.compile(f"[{CONTROLS}{BIDI}{HIDDEN}]")
"""What is dropped from untrusted text that is kept (article text at ingest, lines of an export)."""

_LINE_UNSAFE = re.compile(f"[\t\n{CONTROLS}{BIDI}\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def safe(text: object) -> str:
    """One line as typed, with every control, bidi and newline character shown as an escape (ESC -> \\x1b).

    For every untrusted string the command line writes to a terminal: paths, URLs, server replies, problems.
    Undecodable bytes of a file name (lone surrogates) are shown escaped too instead of failing to print.
    """
    return _LINE_UNSAFE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
