"""The JSON contract (schema 1) that scripts and later tools rely on; documented in docs/json.md."""

from __future__ import annotations

import json
import re
from typing import Any

from briefing.brief import Briefing

SCHEMA_VERSION = 1


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "articles": [a.to_dict() for a in briefing.articles],
        "pairs": [b.to_dict() for b in briefing.briefs],
    }


def render_json(briefing: Briefing) -> str:
    text = json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"
    # A file name that is not UTF-8 reaches Python with surrogates; no UTF-8 output can hold them.
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile(r"[\ud800-\udfff]")
