"""Bytes to text: UTF-8 first, then the other encodings real folders hold; and a JSON file to its value."""

from __future__ import annotations

import codecs
import json
from typing import Any

from briefing.ingest.errors import IngestError
from briefing.wording import single_spaced

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """Decode article bytes, refusing binary data rather than producing mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(f"not valid {encoding.upper()} text despite its byte-order mark") from exc
    if b"\x00" in data[:4096]:
        raise IngestError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy single-byte text (Windows newsroom exports): cp1252 maps almost every byte.
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        best = None
    if best is not None and best.encoding:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise IngestError("not text in any known encoding") from exc


def decode_json(data: bytes) -> Any:
    """A whole JSON file (feed or article records) as its value; `IngestError` says where it breaks."""
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty file" if not text else "file holds only whitespace")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except (ValueError, RecursionError) as exc:  # numbers too long to convert, nesting too deep
        raise IngestError(f"not usable JSON ({single_spaced(str(exc))[:120]})") from exc
