"""Ingest: read, clean, split and date articles. No analysis and no UI here."""

from briefing.ingest.errors import IngestError
from briefing.ingest.load import READERS, LoadResult, discover, load_articles, read_file

__all__ = ["READERS", "IngestError", "LoadResult", "discover", "load_articles", "read_file"]
