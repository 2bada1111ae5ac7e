"""Fit the page-debris classifier of `briefing.ingest.clean` and say how well it carries to pages it did not see.

usage: python benchmarks/fit_clean.py [--write] [--no-bbc]

Also printed: the share of words cleaning removes from the 2,222 clean BBC articles (../shared/corpora/bbc,
title on line 1), read by the text reader, cleaning only (no spaCy).

Each pasted page (../shared/corpora/pasted/pages/NAME.txt) goes through the text reader up to cleaning; its
blocks are labelled article or debris by aligning the page's words with the article text alone
(articles/NAME.txt, difflib on lowercased word lists, as tools/score_clean.py does): a block is article when
at least half of its words align. Two logistic regressions (block features, then neighbourhood) are fitted
with NumPy here; the package only evaluates them, in plain Python, from clean_model.json.

Printed: precision and recall in score_clean's definition (body words that belong to the article; article
words found in the body; micro-averaged over pages), in-sample and over 5 folds by page (fit on 4/5 of the
pages, score the held-out 1/5; the threshold too is chosen on the fitting pages only). With --write the
model fitted on all pages is written to briefing/ingest/clean_model.json.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefing.ingest import clean, text
from briefing.ingest.errors import IngestError

REPO = Path(__file__).resolve().parents[1]
PASTED = REPO.parent / "shared" / "corpora" / "pasted"
BBC = REPO.parent / "shared" / "corpora" / "bbc"
FOLDS = 5
L2 = 1.0
"""Ridge penalty (on standardised features): few features, kept small so the model carries to other outlets."""
RECALL_WEIGHT = 1.4
"""The threshold maximises F-beta with this beta on the fitting pages: losing article text costs more than debris."""
WEIGHT_POWER = 1.0
"""Blocks weigh by their words in the fit, as in the score (0.5 and 0.25 were tried: no better held out)."""
CONTEXT_STAGES = 2
"""Context stages: the second looks at neighbourhoods already smoothed by the first."""
WORD = re.compile(r"\w+")


@dataclass
class Page:
    name: str
    inputs: list[tuple[list[str], str | None]]
    """What the text reader hands to clean_lines (lines, title), once per article in the file."""
    blocks: list[str]
    labels: np.ndarray
    sizes: np.ndarray
    """Scorer words per block."""
    gold: list[str]
    article: Page | None = None
    """The same page's article text alone, as a clean document: every block of it is article."""


def words(s: str) -> list[str]:
    return [w.lower() for w in WORD.findall(s)]


def reader_inputs(path: Path) -> list[tuple[list[str], str | None]]:
    """The lines and title the text reader passes to clean_lines for this file (cleaning itself skipped)."""
    calls: list[tuple[list[str], str | None]] = []
    original = text.clean_lines

    def record(lines: list[str], title: str | None = None) -> list[str]:
        calls.append((list(lines), title))
        return [s for s in lines if s.strip()]

    text.clean_lines = record  # type: ignore[assignment]
    try:
        text.read_text_article(str(path), path.read_bytes())
    finally:
        text.clean_lines = original  # type: ignore[assignment]
    return calls


def blocks_of(lines: list[str], title: str | None) -> list[str]:
    """The blocks clean_lines classifies (its own normalisation, headline removed)."""
    stripped = [clean.normalise_line(line) for line in lines]
    key = clean._key(title) if title else None
    return [s for s in stripped if s and not (key and clean._key(s) == key)]


def load_pages() -> list[Page]:
    pages = []
    for path in sorted((PASTED / "pages").glob("*.txt")):
        inputs = reader_inputs(path)
        blocks = [b for lines, title in inputs for b in blocks_of(lines, title)]
        gold = words((PASTED / "articles" / path.name).read_text(encoding="utf-8"))
        block_words = [words(b) for b in blocks]
        flat = [w for bw in block_words for w in bw]
        owner = [i for i, bw in enumerate(block_words) for _ in bw]
        matched = np.zeros(len(blocks))
        sm = difflib.SequenceMatcher(None, flat, gold, autojunk=False)
        for m in sm.get_matching_blocks():
            for k in range(m.a, m.a + m.size):
                matched[owner[k]] += 1
        sizes = np.array([len(bw) for bw in block_words], dtype=float)
        labels = (matched >= 0.5 * np.maximum(sizes, 1)).astype(float)
        page = Page(path.stem, inputs, blocks, labels, sizes, gold)
        page.article = clean_document(PASTED / "articles" / path.name)
        pages.append(page)
    return pages


def clean_document(path: Path) -> Page:
    """A text with no debris at all: the classifier must keep every block of it."""
    inputs = reader_inputs(path)
    blocks = [b for lines, title in inputs for b in blocks_of(lines, title)]
    sizes = np.array([len(words(b)) for b in blocks], dtype=float)
    return Page(path.stem, inputs, blocks, np.ones(len(blocks)), sizes, words(path.read_text(encoding="utf-8")))


def with_articles(pages: list[Page]) -> list[Page]:
    return pages + [p.article for p in pages if p.article]


def fit_stage(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = L2, offset: np.ndarray | None = None
) -> clean.Stage:
    """Weighted L2 logistic regression by Newton's method on standardised features (also used by fit_pairs.py
    and fit_rank.py). `offset`: a fixed logit per row the weights correct (the L2 then pulls towards it)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    wt = weight / weight.mean()
    base = np.zeros(len(x)) if offset is None else offset
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w + base, -40, 40)))
        grad = z.T @ (wt * (p - y)) + penalty * w
        hess = (z * (wt * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return clean.Stage(
        tuple(float(v) for v in w[1:]), float(w[0]), tuple(float(v) for v in mean), tuple(float(v) for v in scale)
    )


def sample_weight(sizes: np.ndarray) -> np.ndarray:
    """Blocks weigh by their words, as they do in the score."""
    return np.maximum(sizes, 1.0) ** WEIGHT_POWER


def fit(pages: list[Page]) -> clean.CleanModel:
    """Both stages fitted on the pages and on their article texts as clean documents."""
    pages = with_articles(pages)
    x1 = np.array([f for p in pages for f in clean.block_features(p.blocks)])
    y = np.concatenate([p.labels for p in pages])
    weight = sample_weight(np.concatenate([p.sizes for p in pages]))
    stage1 = fit_stage(x1, y, weight)
    scores = [[stage1.probability(f) for f in clean.block_features(p.blocks)] for p in pages]
    context: list[clean.Stage] = []
    for _ in range(CONTEXT_STAGES):
        x2 = np.array([f for p, s in zip(pages, scores, strict=True) for f in clean.context_features(p.blocks, s)])
        stage = fit_stage(x2, y, weight)
        context.append(stage)
        scores = [
            [stage.probability(f) for f in clean.context_features(p.blocks, s)]
            for p, s in zip(pages, scores, strict=True)
        ]
    probs = np.concatenate(scores)
    sizes = np.concatenate([p.sizes for p in pages])
    best, best_f = 0.5, -1.0
    for t in np.arange(0.05, 0.95, 0.01):
        kept = probs >= t
        hit = (sizes * y * kept).sum()
        precision = hit / max((sizes * kept).sum(), 1)
        recall = hit / max((sizes * y).sum(), 1)
        b2 = RECALL_WEIGHT**2
        f = (1 + b2) * precision * recall / max(b2 * precision + recall, 1e-9)
        if f > best_f:
            best, best_f = float(t), f
    return clean.CleanModel(stage1, tuple(context), best)


def score(pages: list[Page], model: clean.CleanModel) -> tuple[int, int, int]:
    """(article words found, body words, article words) as tools/score_clean.py counts them."""
    hit = body_n = gold_n = 0
    for p in pages:
        body = [w for lines, title in p.inputs for s in clean.clean_lines(lines, title, model) for w in words(s)]
        sm = difflib.SequenceMatcher(None, p.gold, body, autojunk=False)
        hit += sum(b.size for b in sm.get_matching_blocks())
        body_n += len(body)
        gold_n += len(p.gold)
    return hit, body_n, gold_n


def removed(pages: list[Page], model: clean.CleanModel) -> str:
    """Share of the words of clean documents (the pages' article texts) that cleaning removes."""
    docs = [p.article for p in pages if p.article]
    before = sum(int(d.sizes.sum()) for d in docs)
    after = sum(
        len(words(s)) for d in docs for lines, title in d.inputs for s in clean.clean_lines(lines, title, model)
    )
    return f"article texts alone: {100 * (before - after) / max(before, 1):.2f}% of words removed"


def bbc_removed(model: clean.CleanModel) -> str:
    """Words cleaning removes from the clean BBC articles (headline lines excluded, as clean_lines drops them)."""
    before = after = files = 0
    for path in sorted(BBC.rglob("*.txt")):
        try:
            inputs = reader_inputs(path)
        except IngestError:
            continue
        files += 1
        for lines, title in inputs:
            before += sum(len(words(b)) for b in blocks_of(lines, title))
            after += sum(len(words(s)) for s in clean.clean_lines(lines, title, model))
    return f"BBC: {files} files, {before} words, {100 * (before - after) / max(before, 1):.3f}% removed by cleaning"


def figures(counts: tuple[int, int, int]) -> str:
    hit, body_n, gold_n = counts
    return f"precision={hit / max(body_n, 1):.3f} recall={hit / max(gold_n, 1):.3f}"


def model_json(model: clean.CleanModel) -> dict[str, object]:
    return {
        "about": "Fitted by benchmarks/fit_clean.py on the pasted pages; see briefing/ingest/clean.py.",
        "stage1_features": list(clean.STAGE1_FEATURES),
        "stage2_features": list(clean.STAGE2_FEATURES),
        "stage1": model.stage1.to_json(),
        "context": [stage.to_json() for stage in model.context],
        "threshold": round(model.threshold, 4),
    }


def main(argv: list[str]) -> int:
    pages = load_pages()
    total = sum(len(p.blocks) for p in pages)
    print(f"{len(pages)} pages, {total} blocks, {int(sum(p.labels.sum() for p in pages))} labelled article")
    held = [0, 0, 0]
    for k in range(FOLDS):
        test = [p for i, p in enumerate(pages) if i % FOLDS == k]
        train = [p for i, p in enumerate(pages) if i % FOLDS != k]
        fold_model = fit(train)
        counts = score(test, fold_model)
        held = [a + b for a, b in zip(held, counts, strict=True)]
        print(f"  fold {k + 1}: {figures(counts)}, {removed(test, fold_model)} ({', '.join(p.name for p in test)})")
    model = fit(pages)
    print(
        f"in-sample (fitted on all {len(pages)} pages): {figures(score(pages, model))}, {removed(pages, model)},"
        f" threshold={model.threshold:.2f}"
    )
    print(f"held out ({FOLDS} folds by page, micro-averaged): {figures((held[0], held[1], held[2]))}")
    for name, w in zip(clean.STAGE1_FEATURES, model.stage1.weights, strict=True):
        print(f"    stage1 {name:18s} {w:+.2f}")
    for k, stage in enumerate(model.context):
        for name, w in zip(clean.STAGE2_FEATURES, stage.weights, strict=True):
            print(f"    context{k + 1} {name:18s} {w:+.2f}")
    if "--no-bbc" not in argv:
        print(bbc_removed(model))
    if "--write" in argv:
        clean.MODEL_FILE.write_text(json.dumps(model_json(model), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {clean.MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
