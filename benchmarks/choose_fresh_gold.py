"""The fixed rule that chose the `fresh` and `fresh2` splits of tests/gold/pair_trend.json (docs/gold.md).

BBC business then politics files in name order, leaving out every file name of the other gold entries
(pair_trend.json's tuned halves, dev.json, seeds.json); keep those whose headline and first three
paragraphs name at least two different countries (pycountry names plus common demonyms: a plain regex,
not the program's gazetteer); `fresh` takes positions 0, 2, 4 ..., `fresh2` positions 1, 3, 5 ... skipping
a file name already taken. Prints one path per line, relative to the shared folder.

`fresh3` (tests/gold/pair_trend_fresh3.json) leaves out every file NAME of every gold (all of
pair_trend.json including fresh/fresh2, dev.json, unseen_statements*.json, seeds.json; key_statements.json
names only whole folders as inputs, so no single file), walks politics, business, tech, entertainment,
sport in that order (politics and business first: they report more relations; none of their remaining
files passes the test), keeps the first file of each name, applies the same two-country test and takes
positions 0, 2, 4 ... of that list, stopping at 65 files.

    python benchmarks/choose_fresh_gold.py fresh|fresh2|fresh3
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMONYMS = {
    "American": "US", "British": "UK", "French": "France", "German": "Germany", "Chinese": "China",
    "Japanese": "Japan", "Russian": "Russia", "Indian": "India", "Italian": "Italy", "Spanish": "Spain",
    "Canadian": "Canada", "Australian": "Australia", "Brazilian": "Brazil", "Mexican": "Mexico", "Irish": "Ireland",
    "Dutch": "Netherlands", "Swiss": "Switzerland", "Swedish": "Sweden", "Israeli": "Israel", "Iranian": "Iran",
    "Iraqi": "Iraq", "Korean": "South Korea", "Turkish": "Turkey", "Polish": "Poland", "Belgian": "Belgium",
    "Saudi": "Saudi Arabia", "Nigerian": "Nigeria", "Argentine": "Argentina", "Ukrainian": "Ukraine",
    "Pakistani": "Pakistan", "Egyptian": "Egypt", "Danish": "Denmark", "Norwegian": "Norway", "Finnish": "Finland",
    "Greek": "Greece", "Austrian": "Austria", "Portuguese": "Portugal", "Thai": "Thailand",
    "Indonesian": "Indonesia", "South African": "South Africa",
}  # fmt: skip
SHORT = {"US", "USA", "UK", "Britain", "Russia", "Iran", "South Korea", "North Korea", "Syria", "Venezuela",
         "Taiwan", "Vietnam", "Bolivia"}  # fmt: skip
CANON = {"USA": "US", "United States": "US", "America": "US", "Britain": "UK", "United Kingdom": "UK",
         "Russian Federation": "Russia"}  # fmt: skip


def used_names() -> set[str]:
    used: set[str] = set()
    pair_trend = json.loads((REPO / "tests/gold/pair_trend.json").read_text(encoding="utf-8"))
    for name, entries in pair_trend["files"].items():
        if not any(e["split"].startswith("fresh") for e in entries):
            used |= {name, pair_trend["paths"][name]}
    for gold in (REPO / "tests/gold/dev.json", SHARED / "gold/seeds.json"):
        data = json.loads(gold.read_text(encoding="utf-8"))
        used |= set(data["files"]) | set(data.get("paths", {}).values())
    return used


def all_gold_names() -> set[str]:
    """Every file name any gold annotates (for fresh3, which must be unseen by all of them)."""
    used: set[str] = set()
    golds = [REPO / "tests/gold/pair_trend.json", REPO / "tests/gold/dev.json", SHARED / "gold/seeds.json"]
    golds += sorted((REPO / "tests/gold").glob("unseen_statements*.json"))
    for gold in golds:
        used |= set(json.loads(gold.read_text(encoding="utf-8"))["files"])
    key = json.loads((REPO / "tests/gold/key_statements.json").read_text(encoding="utf-8"))
    used |= {Path(i).name for pair in key["pairs"] for i in pair["inputs"] if i.endswith(".txt")}
    return used


def names_two_countries(path: Path, pattern: re.Pattern[str]) -> bool:
    """Whether the headline and first three paragraphs name at least two different countries."""
    paragraphs = [p for p in path.read_text(encoding="latin-1").split("\n") if p.strip()]
    mentions = pattern.findall(" ".join(paragraphs[:4]))
    return len({CANON.get(DEMONYMS.get(m, m), DEMONYMS.get(m, m)) for m in mentions}) >= 2


def candidates(categories: tuple[str, ...] = ("business", "politics"), fresh3: bool = False) -> list[str]:
    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    words = sorted(names | SHORT | set(DEMONYMS) | set(CANON), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")
    used = all_gold_names() if fresh3 else used_names()
    found: list[str] = []
    for category in categories:
        for path in sorted((SHARED / "corpora/bbc" / category).iterdir()):
            rel = f"corpora/bbc/{category}/{path.name}"
            if path.name in used or rel in used:
                continue
            if names_two_countries(path, pattern):
                found.append(rel)
                if fresh3:
                    used.add(path.name)
    return found


def take(found: list[str], start: int, skip: set[str]) -> list[str]:
    taken: list[str] = []
    for rel in found[start::2]:
        name = rel.rsplit("/", 1)[1]
        if name not in skip:
            skip.add(name)
            taken.append(rel)
    return taken


def main() -> None:
    if sys.argv[1:] == ["fresh3"]:
        found = candidates(("politics", "business", "tech", "entertainment", "sport"), fresh3=True)
        print("\n".join(found[0::2][:65]))
        return
    found = candidates()
    fresh = take(found, 0, set())
    chosen = fresh if sys.argv[1:] == ["fresh"] else take(found, 1, {r.rsplit("/", 1)[1] for r in fresh})
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
