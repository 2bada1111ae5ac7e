"""A fingerprint of the analysis code, so cached results are recomputed whenever a rule changes."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path


@lru_cache(maxsize=1)
def analyzer_version() -> str:
    """Hash of every analysis module and fitted model file (pair_model.json), and of the country-data
    libraries' versions."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in sorted([*here.glob("*.py"), *here.glob("*.json")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for dist in ("pycountry", "countryinfo", "dateparser", "spacy"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            continue
    return h.hexdigest()[:16]
