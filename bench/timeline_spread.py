"""Pick the timeline's spreading constants (dates.SPREAD_DAYS, SPREAD_DISCOUNT) by nested leave-one-topic-out.

usage: python bench/timeline_spread.py [--store PATTERN | --times-only]

For each held-out dev topic: the date model is fitted on the other two
(bench/timeline_model.py), every (days, discount) pair of the grid ranks the
dates of those two topics, the pair with the best mean date F1 there is kept,
and the held-out topic is scored with it. Dates only (no summaries): date F1
does not depend on the text. Scored by ../shared/eval/timelines.py as in
bench/timelines.py. Prints each fold's choice, its held-out date F1 beside
no spreading, and the means.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timeline_model  # noqa: E402
import timelines_data as data  # noqa: E402
from timelines import export, score  # noqa: E402
from storyline.connect.timeline import reading  # noqa: E402
from storyline.connect.timeline.dates import choose, score as rank  # noqa: E402
from storyline.connect.timeline.sentences import level  # noqa: E402

GRID = [(0, 1.0)] + [(d, f) for d in (1, 2, 3, 4, 5) for f in (0.5, 0.7, 0.85, 0.9, 0.95, 0.98)]


def date_f1(stats, model, days: int, discount: float, topic: str, tmp: Path) -> float:
    ranked = choose(rank(stats, model), len(stats), lambda g: level(g) == "day", days, discount)
    entries = [{"date": g, "text": "", "score": p} for g, p in ranked.items()]
    return score(export(["x"], entries), data.DATA / topic / "gold.json", tmp, f"{topic}-spread", False)["date_f1"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        loaded = {t: data.load(t, args.store, args.times_only, tmp) for t in data.TOPICS}
        stats = {t: reading(*loaded[t]).stats for t in data.TOPICS}
        tables = {t: timeline_model.rows(*loaded[t], data.gold(t)) for t in data.TOPICS}
        chosen, plain = {}, {}
        for held in data.TOPICS:
            train = [t for t in data.TOPICS if t != held]
            model = timeline_model.fit([tables[t] for t in train])
            on_train = {pair: sum(date_f1(stats[t], model, *pair, t, tmp) for t in train) / 2 for pair in GRID}
            best = max(GRID, key=lambda pair: (on_train[pair], -GRID.index(pair)))
            chosen[held] = date_f1(stats[held], model, *best, held, tmp)
            plain[held] = date_f1(stats[held], model, 0, 1.0, held, tmp)
            print(f"{held:6s} chosen on {'+'.join(train)}: days {best[0]}, discount {best[1]} "
                  f"(train mean {on_train[best]:.4f}); held-out date F1 {chosen[held]:.4f}, "
                  f"no spreading {plain[held]:.4f}")
    n = len(data.TOPICS)
    print(f"mean held-out date F1: spread {sum(chosen.values()) / n:.4f}, no spreading {sum(plain.values()) / n:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
