"""briefing: a terminal reader that turns news articles into per-country-pair briefs."""

__version__ = "0.1.0"
