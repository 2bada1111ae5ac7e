"""List the people an article analysis finds, with role, country and the text around them (issues 13, 14).

For reading by hand: every person of a sample of articles, one line each, with the words before and after
their first mention, so that a wrong title ("Kate Bush" as "Queen"), a split place name ("York Senator"),
a missing qualifier ("foreign secretary" for a shadow one) or an organisation taken for a person shows.

The articles come from a `briefing brief --format json` output (their cleaned bodies). By default the
people are the ones that output holds (the code that made it); with --rerun they are found again by this
worktree's code, the parses kept in --docs so that a second run after a rule change takes seconds. A kept
parse is found by what made it (the body, the --model and its version, spaCy's version and the country
gazetteer's terms), so an edited body or another model is parsed afresh, never read from a stale file.
The sample is deterministic (articles ordered by id), so a before and an after list the same people.

    python benchmarks/people_roles.py /tmp/m2/bbc.json --category politics --sample 40
    python benchmarks/people_roles.py /tmp/m2/bbc.json --category politics --sample 40 --rerun
    python benchmarks/people_roles.py /tmp/m2/bbc.json --category politics --skip 40 --sample 40 --rerun
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

DOCS = Path("/tmp/people-roles-docs")


def _people_of(article: dict[str, Any]) -> list[dict[str, Any]]:
    people = article.get("people", [])
    if isinstance(people, str):  # the brief's article list writes them as Python reprs
        people = ast.literal_eval(people)
    return list(people)


def _rerun(articles: list[dict[str, Any]], docs: Path, model: str) -> dict[str, list[dict[str, Any]]]:
    from spacy.tokens import Doc, DocBin

    from briefing.analyze.entities import extract_entities
    from briefing.analyze.nlp import load_pipeline
    from briefing.analyze.people import find_people

    nlp = load_pipeline(model)
    pipeline = _pipeline_key(model)
    docs.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        path = docs / f"{_parse_key(a['body'], pipeline)}.spacy"
        doc: Doc
        if path.exists():
            doc = next(iter(DocBin().from_disk(path).get_docs(nlp.vocab)))
        else:
            doc = nlp(a["body"])
            DocBin(docs=[doc]).to_disk(path)
        people = find_people(doc, extract_entities(doc))
        found[a["id"]] = [{"name": p.name, "role": p.role, "country": p.country} for p in people]
    return found


def _pipeline_key(model: str) -> str:
    """What besides the text decides a parse: the model and its version, spaCy's version, and the country
    terms the ruler placed before `ner` tags."""
    from importlib import metadata

    from briefing.analyze.gazetteer import country_terms
    from briefing.analyze.nlp import model_version

    h = hashlib.sha256(f"{model}@{model_version(model)}/spacy{metadata.version('spacy')}".encode())
    h.update(repr(country_terms()).encode())
    return h.hexdigest()


def _parse_key(body: str, pipeline: str) -> str:
    """The file name of a body's parse by that pipeline: the same text parsed by the same pipeline, whatever
    the article's id."""
    return hashlib.sha256(f"{pipeline}\0{body}".encode()).hexdigest()[:32]


def _context(body: str, name: str, width: int) -> str:
    at = body.find(name)
    if at < 0:
        at = body.find(name.split()[-1]) if name.split() else -1
    if at < 0:
        return ""
    before = body[max(0, at - width) : at].replace("\n", " ")
    after = body[at + len(name) : at + len(name) + width].replace("\n", " ")
    return f"…{before}[{name}]{after}…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("brief_json", type=Path)
    ap.add_argument("--category", help="a folder name in the article's source path (politics, business, …)")
    ap.add_argument("--sample", type=int, default=0, help="first N articles by id (0: all)")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles by id (a fresh sample)")
    ap.add_argument("--rerun", action="store_true", help="find the people again with this worktree's code")
    ap.add_argument("--docs", type=Path, default=DOCS, help="where --rerun keeps the parses")
    ap.add_argument("--model", help="spaCy pipeline for --rerun (default: analysis.model of the config)")
    ap.add_argument("--all", action="store_true", help="list people without role or country too")
    ap.add_argument("--width", type=int, default=70)
    args = ap.parse_args(argv)

    articles = json.loads(args.brief_json.read_text())["articles"]
    if args.category:
        articles = [a for a in articles if f"/{args.category}/" in a["source"]]
    articles.sort(key=lambda a: a["id"])
    articles = articles[args.skip :]
    if args.sample:
        articles = articles[: args.sample]
    if args.rerun:
        from briefing.config import load_config

        people = _rerun(articles, args.docs, args.model or load_config().model)
    else:
        people = {a["id"]: _people_of(a) for a in articles}
    shown = 0
    for a in articles:
        listed = [p for p in people[a["id"]] if args.all or p.get("role") or p.get("country")]
        if not listed:
            continue
        print(f"## {a['id']} {a['source'].rsplit('/', 2)[-2:]} {a['title'][:70]}")
        for p in listed:
            shown += 1
            context = _context(a["body"], p["name"], args.width)
            print(f"  {p['name']!r:28} | {p.get('role')!s:32} | {p.get('country')!s:4} | {context}")
    print(f"# {len(articles)} articles, {shown} people listed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
