"""Entity-layer bench: P/R/F1 of the bare model against the news-fixed pipeline.

usage: python bench/entities.py [--verbose]

Scores the hand-annotated sentences of tests/read/entity_sentences.py on
(surface text, label) pairs for PERSON, ORG, GPE, LOC and NORP, per label and
overall, so that a new fix shows what it gains and what it costs.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "read"))

from entity_sentences import SENTENCES  # noqa: E402

from storyline.read.nlp import load_nlp  # noqa: E402

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def score(nlp, verbose: bool = False) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, list[int]] = {lab: [0, 0, 0] for lab in LABELS + ("ALL",)}   # tp, got, gold
    for text, expected in SENTENCES:
        doc = nlp(text)
        got = Counter((e.text, e.label_) for e in doc.ents if e.label_ in LABELS)
        gold = Counter(expected)
        for (_, lab), n in got.items():
            counts[lab][1] += n
            counts["ALL"][1] += n
        for (span, lab), n in gold.items():
            tp = min(n, got[(span, lab)])
            counts[lab][0] += tp
            counts[lab][2] += n
            counts["ALL"][0] += tp
            counts["ALL"][2] += n
        if verbose and got != gold:
            print(f"  {text[:60]!r}\n     missing {sorted(gold - got)}\n     extra   {sorted(got - gold)}")
    return {k: tuple(v) for k, v in counts.items()}


def prf(tp: int, got: int, gold: int) -> tuple[float, float, float]:
    p = tp / got if got else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    verbose = "--verbose" in sys.argv
    print(f"{len(SENTENCES)} sentences")
    rows = {}
    for name, fixes in (("raw", False), ("fixed", True)):
        if verbose:
            print(f"-- {name}")
        rows[name] = score(load_nlp(fixes=fixes), verbose)
    print(f"{'label':8} {'raw P':>6} {'R':>5} {'F1':>5}   {'fixed P':>7} {'R':>5} {'F1':>5}")
    for lab in LABELS + ("ALL",):
        a, b = prf(*rows["raw"][lab]), prf(*rows["fixed"][lab])
        print(f"{lab:8} {a[0]:6.2f} {a[1]:5.2f} {a[2]:5.2f}   {b[0]:7.2f} {b[1]:5.2f} {b[2]:5.2f}")


if __name__ == "__main__":
    main()
