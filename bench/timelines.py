"""Benchmark the story timeline on the Timeline17 dev topics beside the date-frequency baseline.

usage: python bench/timelines.py [--store PATTERN | --times-only] [--topics finan,iraq,syria]
                                 [--length N] [--keep DIR] [--verbose]

Each topic's articles are one story (until stories are built, and as the
benchmark intends: one topic, one timeline). Three timelines per topic are
written as exports and scored by ../shared/eval/timelines.py in a subprocess,
exactly as the lead runs it (the largest story's timeline, cut to each
reference's span and length by score):
  ours       the shipped date model (connect/timeline/date_model.json, fitted on all three dev topics:
             an in-sample figure);
  held-out   the same features with a model fitted on the other dev topics (leave one topic out):
             the honest guess for unseen topics (the date-spreading constants were picked by nested
             leave-one-topic-out in bench/timeline_spread.py, which prints the fully nested figure);
  largest    with an analysed store (--store, or a full run): ours on the store's largest story, the
             timeline the scorer reads in the pipeline's export (stage 4 may split a topic into stories);
  baseline   date frequency (../shared/data/README.md): a day's votes = articles published on it +
             its explicit full dates in the texts (regex); days ranked by votes, each summarised by
             the first sentence of its first article.
The timeline length is --length (default 0: the pipeline's default by story
size; the scorer itself keeps each reference's number of dates).
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timeline_model  # noqa: E402
import timelines_data as data  # noqa: E402
from storyline.connect.timeline import timeline  # noqa: E402
from storyline.export.json import timeline as timeline_json  # noqa: E402

_MONTH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_FULL_DATES = [  # (pattern, group of year, month, day)
    (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), (3, 1, 2)),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})\b"), (3, 2, 1)),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
]
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def full_dates(text: str):
    """Every explicit full date (month name or ISO, with day and year) written in `text`, as ISO days."""
    for rx, (y, m, d) in _FULL_DATES:
        for hit in rx.finditer(text):
            month = hit[m]
            month = _MONTHS.index(month[:3].lower()) + 1 if month[0].isalpha() else int(month)
            try:
                yield dt.date(int(hit[y]), month, int(hit[d])).isoformat()
            except ValueError:
                pass


def baseline(docs: list[dict]) -> list[dict]:
    """The date-frequency baseline's timeline entries (../shared/data/README.md)."""
    votes: collections.Counter = collections.Counter()
    first: dict[str, dict] = {}
    for doc in docs:
        day = str(doc.get("published") or "")[:10]
        if day:
            votes[day] += 1
            first.setdefault(day, doc)
        votes.update(full_dates(doc["text"]))
    lead = lambda d: d["text"].strip().split("\n")[0]  # noqa: E731
    return [{"date": day, "text": lead(first[day]) if day in first else "", "score": n}
            for day, n in sorted(votes.items())]


def export(article_ids: list[str], entries: list[dict]) -> dict:
    return {"articles": [{"id": a} for a in article_ids],
            "stories": [{"id": "s1", "article_ids": article_ids, "timeline": entries}]}


def score(ex: dict, gold: Path, tmp: Path, name: str, verbose: bool) -> dict[str, float]:
    """The scorer's summary figures for one export (its last line), printing its report when verbose."""
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(ex), encoding="utf-8")
    res = subprocess.run([sys.executable, str(data.SCORER), str(path), str(gold)] + ["--verbose"] * verbose,
                         capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"scorer failed on {name}: {res.stdout}{res.stderr}")
    if verbose:
        print(f"--- {name}\n{res.stdout}", end="")
    last = res.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)", last.split("(", 1)[1])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in "
                                    "(e.g. /work/cache/timelines-{topic}/storyline.sqlite); copied before reading")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    ap.add_argument("--topics", default=",".join(data.TOPICS))
    ap.add_argument("--length", type=int, default=0, help="timeline entries per topic (0: by story size)")
    ap.add_argument("--keep", type=Path, help="also write each export here")
    ap.add_argument("--verbose", action="store_true", help="the scorer's report for every run")
    args = ap.parse_args(argv)
    topics = args.topics.split(",")
    rows, seconds, split = {}, 0.0, {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        loaded = {t: data.load(t, args.store, args.times_only, tmp) for t in data.TOPICS}
        tables = {t: timeline_model.rows(*loaded[t], data.gold(t)) for t in data.TOPICS}
        for t in topics:
            articles, analyses = loaded[t]
            ids = [a.id for a in articles]
            held_model = timeline_model.fit([tables[o] for o in data.TOPICS if o != t], note=f"all but {t}")
            start = time.perf_counter()
            ours = timeline(articles, analyses, args.length)
            seconds += time.perf_counter() - start
            runs = {"ours": export(ids, timeline_json(ours)),
                    "held-out": export(ids, timeline_json(timeline(articles, analyses, args.length, held_model))),
                    "baseline": export(ids, baseline(data.documents(t)))}
            if (path := data.store_of(t, args.store, tmp)) is not None:
                largest, n_stories = data.largest_story(path)
                members = set(largest)
                split[t] = f"{len(largest)} of {len(articles)} articles, {n_stories} stories"
                runs["largest"] = export(largest, timeline_json(timeline(
                    [a for a in articles if a.id in members], analyses, args.length)))
            gold = data.DATA / t / "gold.json"
            rows[t] = {name: score(ex, gold, tmp, f"{t}-{name}", args.verbose) for name, ex in runs.items()}
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for name, ex in runs.items():
                    (args.keep / f"{t}-{name}.json").write_text(json.dumps(ex, indent=1), encoding="utf-8")
    how = "store" if args.store else "times-only" if args.times_only else "pipeline"
    names = [n for n in ("ours", "held-out", "baseline", "largest") if all(n in rows[t] for t in rows)]
    print(f"timelines ({how} readings, length {args.length or 'by story size'}; ours = shipped model, fitted on "
          f"the dev topics; held-out = leave one topic out" + ("; largest = ours on the store's largest story, "
                                                               "as the pipeline exports it)" if split else ")"))
    for t, what in split.items():
        print(f"  {t}: largest story {what}")
    cols = [("date_f1", "date F1"), ("concat_r1_f1", "R1"), ("concat_r2_f1", "R2"), ("agreement_r1_f1", "agr R1")]
    print(f"{'topic':8s}" + "".join(f" | {name:^30s}" for name in names))
    print(f"{'':8s}" + (" | " + " ".join(f"{c:>7s}" for _, c in cols)) * len(names))
    for t in list(rows) + ["mean"]:
        figs = rows[t] if t != "mean" else {n: {k: sum(rows[x][n][k] for x in rows) / len(rows) for k, _ in cols}
                                            for n in names}
        print(f"{t:8s}" + "".join(" | " + " ".join(f"{figs[n][k]:7.4f}" for k, _ in cols) for n in names))
    mean = {n: sum(rows[x][n]["date_f1"] for x in rows) / len(rows) for n in names}
    print("mean date F1: " + ", ".join(f"{n} {mean[n]:.4f}" for n in names) + " (target 0.55)")
    print(f"timeline time {seconds:.1f} s for {len(rows)} topics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
