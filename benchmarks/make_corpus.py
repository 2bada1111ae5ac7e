"""Write a large corpus of distinct articles for the scale benchmarks (issue 17), outside the repository.

Each article takes the title and lead paragraph of one BBC article and 3 to 7 further paragraphs drawn
from other articles of the same section, so the text reads like news of that section, every article is
distinct (different combinations), and the vocabulary stays that of real news. Deterministic: the same
--seed and --articles give the same files.

    python benchmarks/make_corpus.py /tmp/big --articles 100000
    python benchmarks/make_corpus.py /tmp/big2k --articles 2000
    python benchmarks/make_corpus.py /tmp/short20k --articles 20000 --paragraphs 1-3   # wire-length

--paragraphs sets how many further paragraphs follow the lead (default 3-7, BBC-length articles of
~400 words); 1-3 gives ~140 words per article, the length of a news-wire story.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc"
PER_FOLDER = 1000


def read_section(folder: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of each article of one section."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8", errors="replace").split("\n\n") if b.strip()]
        if len(blocks) >= 3:
            articles.append((blocks[0], blocks[1:]))
    return articles


def make(out: Path, n: int, seed: int, source: Path = BBC, further: tuple[int, int] = (3, 7)) -> int:
    rng = random.Random(seed)
    sections = {d.name: read_section(d) for d in sorted(source.iterdir()) if d.is_dir()}
    sections = {name: arts for name, arts in sections.items() if len(arts) > 1}
    if not sections:
        raise SystemExit(f"make_corpus: no articles under {source}")
    names = sorted(sections)
    seen: set[tuple[int, ...]] = set()
    written = 0
    while written < n:
        name = names[written % len(names)]
        pool = sections[name]
        lead = rng.randrange(len(pool))
        title, paragraphs = pool[lead]
        picks = [rng.randrange(len(pool)) for _ in range(rng.randint(*further))]
        body = [paragraphs[0]]
        key: list[int] = [names.index(name), lead]
        for other in picks:
            other_paragraphs = pool[other][1]
            k = rng.randrange(1, len(other_paragraphs)) if len(other_paragraphs) > 1 else 0
            body.append(other_paragraphs[k])
            key += [other, k]
        if tuple(key) in seen:
            continue
        seen.add(tuple(key))
        folder = out / name / f"{written // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{written:06d}.txt").write_text(f"{title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (outside the repository; must be empty or new)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--source", type=Path, default=BBC, help="corpus of section folders (default: BBC)")
    parser.add_argument("--paragraphs", default="3-7", help="further paragraphs after the lead, MIN-MAX")
    args = parser.parse_args(argv)
    try:
        low, high = (int(x) for x in args.paragraphs.split("-"))
    except ValueError:
        parser.error(f"--paragraphs takes MIN-MAX, not {args.paragraphs!r}")
    if not 0 <= low <= high:
        parser.error(f"--paragraphs: MIN-MAX with 0 <= MIN <= MAX, not {args.paragraphs!r}")
    out = args.out.resolve()
    if out.is_relative_to(REPO):
        parser.error("write the corpus outside the repository")
    if out.exists() and any(out.iterdir()):
        parser.error(f"{out} is not empty")
    written = make(out, args.articles, args.seed, args.source, (low, high))
    print(f"{written} articles in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
