"""Publication dates as sources write them, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def normalise_published(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) for any common written form; None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    if _ISO.match(value):
        return value[:10]
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        import dateparser

        parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    except Exception:
        parsed = None
    return parsed.date().isoformat() if parsed else None
