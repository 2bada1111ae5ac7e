"""Metamorphic check of wire-copy ingest (issue 13): BBC articles dressed as hard-wrapped wire copy.

Each chosen BBC article is rewritten the way agencies send text: the headline in capitals, every
paragraph wrapped at 65 columns (paragraphs apart by a blank line, a first-line indent, or e-mail
quoting), a dateline before the first paragraph and credits / a sign-off / a copyright line after
the last. The analysis of the rewritten text must give the same primary pair and keep the
statements (speaker + quote) and dates of the original. Cities come from the gazetteer's capitals
and agencies and names are made up, so a dateline or credit left in the body would show as a
wrong pair or an extra speaker.

    python benchmarks/wire_metamorphic.py                  # 500 articles, figures on stdout
    python benchmarks/wire_metamorphic.py --articles 200 --every 3
    python benchmarks/wire_metamorphic.py --variant caps      # the whole story in capitals
    python benchmarks/wire_metamorphic.py --variant run-on    # no blank line or indent between paragraphs

tests/analyze/test_wire_metamorphic.py runs the same functions on 200+ articles.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc"
SECTIONS = ("politics", "business", "tech")
WRAP = 65
LAYOUTS = ("blank", "indent", "quoted")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
_SYLLABLES = ("ka", "lo", "mer", "dan", "vi", "sto", "ra", "ben", "tu", "hal", "sor", "ne", "gri", "pel")


def chosen_files(every: int, sections: Sequence[str] = SECTIONS) -> list[Path]:
    """Every `every`-th file of each section, in sorted order: the same choice on every run."""
    files: list[Path] = []
    for section in sections:
        files.extend(sorted((BBC / section).glob("*.txt"))[::every])
    return files


def _made_up_name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words)
    )


def _cities() -> list[str]:
    from briefing.analyze.gazetteer import country_terms

    capitals = sorted(
        t.text for t in country_terms() if t.kind == "capital" and re.fullmatch(r"[A-Za-z][A-Za-z .'-]+", t.text)
    )
    return capitals[:: max(1, len(capitals) // 12)]


def wire_copy(text: str, seed: int, variant: str = "wire") -> tuple[str, str]:
    """The article file `text` as hard-wrapped wire copy, and the layout used.

    variant "caps": the whole story in capitals (old wire systems); "run-on": paragraphs apart by
    nothing at all, so a paragraph whose last line is full cannot be told from the next one.
    """
    rng = random.Random(seed)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title, paragraphs = lines[0], lines[1:]
    city = rng.choice(_cities()).upper()
    agency = rng.choice(("Reuters", "AP", "AFP", _made_up_name(rng, 1)))
    month = rng.choice(_MONTHS)
    day = rng.randint(1, 28)
    dateline = rng.choice(
        (
            f"{city}, {month} {day} ({agency}) - ",
            f"{city}, {month[:3]} {day} - ",
            f"{city} ({agency}) — ",
            f"{city}, {day} {month} ({agency}) -- ",
        )
    )
    reporter, editor, writer = (_made_up_name(rng, 2) for _ in range(3))
    closing = rng.choice(
        (
            [f"(Reporting by {reporter}; Editing by {editor})"],
            [f"(Reporting by {reporter}; Editing by {editor})", agency],
            [f"(Additional reporting by {reporter} in {city.title()}; Writing by {writer}; Editing by {editor})"],
            [agency, f"Copyright {rng.randint(1998, 2024)} {agency}. All rights reserved."],
            [f"© {rng.randint(1998, 2024)} {agency}"],
        )
    )
    layout = "run-on" if variant == "run-on" else LAYOUTS[seed % len(LAYOUTS)]
    paragraphs = [dateline + paragraphs[0], *paragraphs[1:], *closing]
    if variant == "caps":
        paragraphs = [p.upper() for p in paragraphs]
    out = [title.upper(), ""]
    for paragraph in paragraphs:
        if layout == "indent":
            out.extend(textwrap.wrap(paragraph, WRAP, initial_indent="    "))
        elif layout == "quoted":
            out.extend("> " + line for line in textwrap.wrap(paragraph, WRAP - 2))
            out.append(">")
        elif layout == "run-on":
            out.extend(textwrap.wrap(paragraph, WRAP))
        else:
            out.extend(textwrap.wrap(paragraph, WRAP))
            out.append("")
    return "\n".join(out) + "\n", layout


@dataclass(frozen=True, slots=True)
class Figures:
    articles: int
    with_pair: int
    same_pair: int
    statements: int
    statements_kept: int
    dates: int
    dates_kept: int
    pair_misses: tuple[str, ...]
    statement_misses: tuple[str, ...]
    date_misses: tuple[str, ...]

    @property
    def pair_agreement(self) -> float:
        return self.same_pair / self.with_pair if self.with_pair else 1.0

    @property
    def statement_retention(self) -> float:
        return self.statements_kept / self.statements if self.statements else 1.0

    @property
    def date_retention(self) -> float:
        return self.dates_kept / self.dates if self.dates else 1.0

    def lines(self) -> list[str]:
        return [
            f"articles {self.articles}, with a pair {self.with_pair}",
            f"pair agreement {self.pair_agreement:.3f} ({self.same_pair}/{self.with_pair})",
            f"statement retention {self.statement_retention:.3f} ({self.statements_kept}/{self.statements})",
            f"date retention {self.date_retention:.3f} ({self.dates_kept}/{self.dates})",
        ]


def analyse(texts: Sequence[tuple[str, str]]) -> list[object]:
    """(source, file text) -> the first article's analysis, through the same reader and Analyzer the CLI uses."""
    from briefing.analyze.analyzer import Analyzer
    from briefing.config import load_config
    from briefing.ingest.text import read_text_article

    raws = [read_text_article(source, text.encode("utf-8"))[0] for source, text in texts]
    return list(Analyzer(load_config().model, processes=1).analyze(raws))


def _statements(analysed: object) -> Counter[tuple[str, str]]:
    from briefing.article import AnalyzedArticle

    assert isinstance(analysed, AnalyzedArticle)
    # Case-blind: an ALL-CAPS story cannot give back every capital of the original, and need not.
    return Counter((s.speaker.lower(), " ".join(s.text.split()).lower()) for s in analysed.statements)


def _dates(analysed: object) -> Counter[tuple[str, str]]:
    from briefing.article import AnalyzedArticle

    assert isinstance(analysed, AnalyzedArticle)
    return Counter((d.value, " ".join(d.text.split()).lower()) for d in analysed.dates)


def _kept(original: Counter[tuple[str, str]], rewritten: Counter[tuple[str, str]]) -> int:
    return sum((original & rewritten).values())


def compare(names: Iterable[str], originals: Sequence[object], rewritten: Sequence[object]) -> Figures:
    from briefing.article import AnalyzedArticle

    with_pair = same = statements = statements_kept = dates = dates_kept = n = 0
    pair_misses: list[str] = []
    statement_misses: list[str] = []
    date_misses: list[str] = []
    for name, before, after in zip(names, originals, rewritten, strict=True):
        assert isinstance(before, AnalyzedArticle) and isinstance(after, AnalyzedArticle)
        n += 1
        if before.pair:
            with_pair += 1
            if after.pair == before.pair:
                same += 1
            else:
                pair_misses.append(f"{name}: {before.pair} -> {after.pair}")
        s_before, s_after = _statements(before), _statements(after)
        statements += sum(s_before.values())
        statements_kept += _kept(s_before, s_after)
        statement_misses.extend(f"{name}: {s}" for s in (s_before - s_after))
        d_before, d_after = _dates(before), _dates(after)
        dates += sum(d_before.values())
        dates_kept += _kept(d_before, d_after)
        date_misses.extend(f"{name}: {d}" for d in (d_before - d_after))
    return Figures(
        n,
        with_pair,
        same,
        statements,
        statements_kept,
        dates,
        dates_kept,
        tuple(pair_misses),
        tuple(statement_misses),
        tuple(date_misses),
    )


def run(
    articles: int, every: int, variant: str = "wire", sections: Sequence[str] = SECTIONS
) -> tuple[Figures, Counter[str]]:
    """Analyse the chosen originals, keep those with statements or a pair, and compare their wire copies."""
    from briefing.article import AnalyzedArticle
    from briefing.ingest.decode import decode_text

    files = chosen_files(every, sections)
    texts = [(str(f), decode_text(f.read_bytes())) for f in files]
    originals = analyse(texts)
    # Articles with a pair first (they are few in these sections), then those with statements.
    with_pair = [i for i, a in enumerate(originals) if isinstance(a, AnalyzedArticle) and a.pair]
    with_statements = [
        i for i, a in enumerate(originals) if isinstance(a, AnalyzedArticle) and a.statements and not a.pair
    ]
    keep = sorted([*with_pair, *with_statements][:articles])
    rewritten_texts = [wire_copy(texts[i][1], seed=i, variant=variant) for i in keep]
    layouts = Counter(layout for _, layout in rewritten_texts)
    rewritten = analyse([(texts[i][0], text) for i, (text, _) in zip(keep, rewritten_texts, strict=True)])
    return compare([texts[i][0] for i in keep], [originals[i] for i in keep], rewritten), layouts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="articles compared (default 500)")
    parser.add_argument("--every", type=int, default=2, help="take every N-th file of each section (default 2)")
    parser.add_argument(
        "--variant", choices=("wire", "caps", "run-on"), default="wire", help="see wire_copy (default wire)"
    )
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help=f"BBC sections, comma-separated (default {','.join(SECTIONS)})"
    )
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sections = tuple(name.strip() for name in args.sections.split(",") if name.strip())
    figures, layouts = run(args.articles, args.every, args.variant, sections)
    print(
        f"wire metamorphic ({args.variant}): every {args.every}th file of {'+'.join(sections)}, layouts {dict(layouts)}"
    )
    for line in figures.lines():
        print(line)
    if args.misses:
        for miss in (*figures.pair_misses, *figures.statement_misses, *figures.date_misses):
            print("  miss", miss)
    print(f"time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
