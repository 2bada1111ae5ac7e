"""Strip what must never reach a terminal or an analysis: escape sequences and invisible controls.

Article text is untrusted. ANSI/OSC sequences, C0/C1 controls, bidi overrides and zero-width
characters are removed at ingest, so every later stage (analysis offsets, the app, exports) sees
the same safe text.
"""

from __future__ import annotations

import re

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
# C0 controls except tab and newline, DEL, C1 controls, bidi marks/embeddings/overrides/isolates,
# zero-width characters and the BOM.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def sanitize(text: str) -> str:
    """Normalise newlines and drop escape sequences and invisible control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _INVISIBLE.sub("", text)
