"""Where the story timeline loses the Timeline17 dev topics' reference dates (error analysis).

usage: python bench/timeline_errors.py [--store PATTERN | --times-only] [--topics finan,iraq,syria]

For each reference timeline, as ../shared/eval/timelines.py cuts ours (entries
inside the reference's span, its number of dates, best scored first), every
reference date is one of:
  hit            kept, and right;
  ranked out     an entry of ours, scored below the cut;
  no entry       a candidate date (mentioned or published on) with no readable sentence to quote;
  not in texts   no article mentions the day (as our TIMEX3 values read it) or was published on it.
Then two ceilings: `oracle` scores a timeline that ranks our candidate dates perfectly (by the number
of the topic's references holding each, ours after), what no date ranker over our candidates can beat;
`other refs` is the mean date F1 of one reference timeline scored against another of the same topic
(a journalist against a journalist, where the topic has several): how far the references agree. Timelines are the
shipped model's (in-sample). The other six Timeline17 topics are held out and never read here.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timelines_data as data  # noqa: E402
from storyline.connect.timeline import reading, timeline  # noqa: E402
from storyline.connect.timeline.dates import score as rank  # noqa: E402

_spec = importlib.util.spec_from_file_location("timelines_scorer", data.SCORER)
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


def date_f1(system: dict[str, float], refs: list[dict]) -> float:
    """The scorer's topic date F1 for day -> score (P and R averaged over the references)."""
    res = [scorer.evaluate({d: {"score": s, "text": ""} for d, s in system.items()}, ref) for ref in refs]
    return scorer.f1(sum(r["date_p"] for r in res) / len(res), sum(r["date_r"] for r in res) / len(res))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    ap.add_argument("--topics", default=",".join(data.TOPICS))
    args = ap.parse_args(argv)
    kinds = ("hit", "ranked out", "no entry", "not in texts")
    print(f"{'timeline':28s} {'dates':>5s} {'cands':>5s} " + " ".join(f"{k:>12s}" for k in kinds))
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for t in args.topics.split(","):
            articles, analyses = data.load(t, args.store, args.times_only, Path(tmp))
            ours = {e.date: e.score for e in timeline(articles, analyses) if len(e.date) == 10}
            candidates = {g: p for g, p in rank(reading(articles, analyses).stats).items() if len(g) == 10}
            refs = data.gold(t)["timelines"]
            days = [{e["date"] for e in ref["entries"]} for ref in refs]
            for ref, ref_days in zip(refs, days):
                lo, hi, n = min(ref_days), max(ref_days), len(ref_days)
                kept = sorted(sorted(d for d in ours if lo <= d <= hi), key=lambda d: -ours[d])[:n]
                count = collections.Counter(
                    "hit" if d in kept else "ranked out" if d in ours else "no entry" if d in candidates
                    else "not in texts" for d in ref_days)
                in_span = sum(lo <= d <= hi for d in candidates)
                print(f"{t + ' ' + ref['name'].split('/')[-1]:28.28s} {n:5d} {in_span:5d} "
                      + " ".join(f"{count[k]:12d}" for k in kinds))
            oracle = {d: sum(d in r for r in days) + p for d, p in candidates.items()}
            others = [date_f1(dict.fromkeys(days[k], 1.0), [ref])
                      for j, ref in enumerate(refs) for k in range(len(refs)) if k != j]
            summary.append((t, date_f1(ours, refs), date_f1(oracle, refs),
                            sum(others) / len(others) if others else None))
    print(f"\n{'topic':8s} {'ours':>7s} {'oracle':>7s} {'other refs':>10s}")
    for t, f, o, r in summary:
        print(f"{t:8s} {f:7.4f} {o:7.4f} {'-' if r is None else f'{r:.4f}':>10s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
