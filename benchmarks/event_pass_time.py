"""How much of the rule stages the CAMEO event pass (`events.find_events`) takes, and how much of it the trend adds.

usage: python benchmarks/event_pass_time.py [N]   (N articles, half BBC business, half politics; 100 by default)

The analyzer reads each sentence's events for the pair's mention evidence (`analyzer._event_parties`) and
the trend reads them again for the sentences about the pair (`trend.find_cues`). Sharing one pass would
save the trend's calls; this prints what they cost, parsing excluded (best of 3 runs over parsed docs).
Needs ../shared and the spaCy model.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analyze import analyzer, events, trend
from briefing.analyze.nlp import load_pipeline
from briefing.config import load_config
from briefing.ingest.load import load_articles

if TYPE_CHECKING:
    from spacy.tokens import Span

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    files = [str(p) for folder in ("business", "politics") for p in sorted((BBC / folder).glob("*.txt"))[: n // 2]]
    articles = load_articles(files).articles
    nlp = load_pipeline(load_config().model)
    parsed = [(a, nlp(a.body), nlp(a.title)) for a in articles]
    spent = {"calls": 0.0, "seconds": 0.0, "trend_calls": 0.0, "trend_seconds": 0.0}
    original = events.find_events

    def timed(sentence: Span) -> list[events.Event]:
        start = time.perf_counter()
        found = original(sentence)
        took = time.perf_counter() - start
        spent["calls"] += 1
        spent["seconds"] += took
        if sys._getframe(1).f_code.co_name == "find_cues":
            spent["trend_calls"] += 1
            spent["trend_seconds"] += took
        return found

    analyzer.find_events = timed  # type: ignore[assignment]
    trend.find_events = timed  # type: ignore[assignment]
    best = float("inf")
    for _ in range(3):
        spent.update(dict.fromkeys(spent, 0.0))
        start = time.perf_counter()
        for article, doc, title_doc in parsed:
            analyzer.analyze_doc(article, doc, title_doc)
        best = min(best, time.perf_counter() - start)
    print(
        f"{len(parsed)} articles, rule stages (parse excluded): {best:.3f}s; find_events "
        f"{spent['calls']:.0f} calls {spent['seconds']:.3f}s, of which from the trend "
        f"{spent['trend_calls']:.0f} calls {spent['trend_seconds']:.3f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
