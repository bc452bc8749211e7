"""Fit the timeline's date ranker (a logistic regression) on the Timeline17 dev topics.

usage: python bench/timeline_model.py [--store PATTERN | --times-only] [--C C] [--write]

Each topic's articles are read as one story (`storyline.connect.timeline.reading`),
so the features are exactly those the timeline computes at run time. A row
is one candidate day inside the span of one of the topic's reference
timelines (the days a TLS scorer looks at); its label is whether any
reference timeline of the topic has it. Prints the coefficients and, with
--write, stores them in src/storyline/connect/timeline/date_model.json.
bench/timelines.py calls `fit` again leaving one topic out, for held-out figures.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timelines_data as data  # noqa: E402
from storyline.connect.timeline import reading  # noqa: E402
from storyline.connect.timeline.dates import FEATURES, MODEL_FILE, features  # noqa: E402
from storyline.connect.timeline.sentences import level  # noqa: E402

USED = ("sents_total", "sents_before", "sents_after", "docs_total", "docs_before", "docs_after",
        "docs_published", "docs_published_next", "docs_weekday")
C = 1.0


def rows(articles: list, analyses: list, gold: dict, names: tuple[str, ...] = USED) -> tuple[list, list]:
    """(feature vectors, labels) of the candidate days inside any reference span of one topic."""
    return table(reading(articles, analyses).stats, gold, names)


def table(stats: dict, gold: dict, names: tuple[str, ...] = USED) -> tuple[list, list]:
    """(feature vectors, labels) of the days of `stats` (granule -> DateStats) inside any reference span."""
    days = {g: st for g, st in stats.items() if level(g) == "day"}
    vectors = features(days, names)
    refs = [{e["date"] for e in tl["entries"]} for tl in gold["timelines"]]
    spans = [(min(r), max(r)) for r in refs]
    X, y = [], []
    for g in sorted(vectors):
        if any(lo <= g <= hi for lo, hi in spans):
            X.append(vectors[g])
            y.append(int(any(g in r for r in refs)))
    return X, y


def fit(tables: list[tuple[list, list]], names: tuple[str, ...] = USED, c: float = C, note: str = "") -> dict:
    """A date model (the JSON `dates.load_model` reads) fitted on (X, y) tables."""
    from sklearn.linear_model import LogisticRegression
    X = [x for t in tables for x in t[0]]
    y = [v for t in tables for v in t[1]]
    lr = LogisticRegression(C=c, max_iter=2000).fit(X, y)
    return {"features": list(names), "weights": [round(float(w), 6) for w in lr.coef_[0]],
            "bias": round(float(lr.intercept_[0]), 6), "C": c, "rows": len(y), "positives": int(sum(y)),
            "fitted_on": note, "script": "bench/timeline_model.py"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    ap.add_argument("--C", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.relative_to(REPO)}")
    args = ap.parse_args(argv)
    assert set(USED) <= set(FEATURES)
    with tempfile.TemporaryDirectory() as tmp:
        tables = [rows(*data.load(t, args.store, args.times_only, Path(tmp)), data.gold(t)) for t in data.TOPICS]
    how = "store" if args.store else "times-only" if args.times_only else "pipeline"
    model = fit(tables, c=args.C, note=f"Timeline17 dev topics {', '.join(data.TOPICS)} ({how} readings)")
    print(json.dumps(model, indent=1))
    if args.write:
        MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
