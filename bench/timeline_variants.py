"""Fit and score variants of the timeline's date ranker side by side (Timeline17 dev topics).

usage: python bench/timeline_variants.py [--store PATTERN | --times-only] [--variants NAME,...] [--cache DIR]

A variant is a set of date features (the shipped `dates.FEATURES`, or some of them, with or without
extra counts computed here) and the regression's C. For each variant, one command:
  in-sample  a model fitted on all three dev topics (as bench/timeline_model.py --write fits the shipped
             one) ranks each topic's dates;
  held-out   for each topic, a model fitted on the other two (leave one topic out) ranks its dates: the
             honest guess for unseen topics, the figure that decides whether a variant is kept.
Each ranking is a real timeline (`connect.timeline.timeline`, default length, summaries and all),
scored by ../shared/eval/timelines.py exactly as bench/timelines.py does, so that the `weekday` row
reproduces bench/timelines.py's `ours` and `held-out` columns. Prints date F1 per topic and the means.

The extra counts are added to every reading's date statistics by wrapping `dates.statistics` here
(the shipped code is not changed); for a day d over the story's articles, 0 for months and years:
  weekend        1 when d is a Saturday or a Sunday (the weekday prior as a flag, not a count)
  published_prev articles published on the day before d (an event announced on its eve)
  published_near articles published within NEAR days of d, d itself left out (a burst of reports)
  weekday_mentions  articles mentioning any day of d's weekday (the rhythm of the events, not of
                 publication)
  mention_span   days between the first and the last publication of the articles mentioning d
                 (a day still recalled long after)
  peak           docs_total(d) / (1 + the largest docs_total of the NEAR days either side) (a day
                 the reports single out from its neighbours)
  position       where d lies in the story's publication span, 0 at its first day to 1 at its last
  fresh          articles published on d or within FRESH days after it that mention d (the first reports)
  coverage       fresh / (1 + articles published on d or within FRESH days after it): the share of the
                 coverage of those days that is about d
  published_vs_weekday  docs_published / (1 + the mean number of articles published on d's weekday over
                 the story's weeks): a busy day for its weekday
  month_docs     articles mentioning any day of d's month (how busy its month is)
  weekday_local  articles published on d's weekday within LOCAL days either side of d (docs_weekday
                 over the weeks around d, not the whole story)
  pct_<count>    for each shipped count, the share of the story's days with a lower count (ties half):
                 a scale-free rank in place of the count over its L2 norm
  central_max / central_mean  the largest / mean cosine between a sentence mentioning d and the
                 story's centroid (the sum of its sentences' TF-IDF vectors, connect/timeline/centroid.py):
                 how close what is said about d is to what the story is about
--cache DIR keeps each topic's readings (pickled) between runs of this script: the tagger takes a
minute per run.
"""
from __future__ import annotations

import argparse
from bisect import bisect_left, bisect_right
import pickle
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timeline_model  # noqa: E402
import timelines_data as data  # noqa: E402
from timelines import export, score  # noqa: E402
import storyline.connect.timeline as tl  # noqa: E402
from storyline.connect.timeline import reading, timeline  # noqa: E402
from storyline.connect.timeline.centroid import Tfidf, cosine, total  # noqa: E402
from storyline.connect.timeline.dates import FEATURES  # noqa: E402
from storyline.connect.timeline.sentences import level  # noqa: E402
from storyline.export.json import timeline as timeline_json  # noqa: E402

NEAR, FRESH, LOCAL = 3, 2, 28
EXTRA = ("weekend", "published_prev", "published_near", "weekday_mentions", "mention_span", "peak", "position",
         "fresh", "coverage", "published_vs_weekday", "month_docs", "central_max", "central_mean",
         "weekday_local", "pagerank", "pagerank_rev") + tuple(f"pct_{f}" for f in FEATURES)
BEFORE = tuple(f for f in FEATURES if f != "docs_weekday")          # the counts shipped before docs_weekday
C = timeline_model.C
ROWS = {  # how the training rows are made: timeline_model.table, or one row per reference timeline and day
    "any": timeline_model.table,
    "per reference": lambda stats, gold, names: per_reference(stats, gold, names),
}
VARIANTS = {  # name -> (features, C[, rows]); rows "any" by default
    "before": (BEFORE, C),
    "weekday": (FEATURES, C),                                         # shipped (date_model.json)
    "weekend": (BEFORE + ("weekend",), C),
    "weekday+weekend": (FEATURES + ("weekend",), C),
    "weekday C0.3": (FEATURES, 0.3),
    "weekday C3": (FEATURES, 3.0),
    "+published_prev": (FEATURES + ("published_prev",), C),
    "+published_near": (FEATURES + ("published_near",), C),
    "+weekday_mentions": (FEATURES + ("weekday_mentions",), C),
    "+mention_span": (FEATURES + ("mention_span",), C),
    "+peak": (FEATURES + ("peak",), C),
    "+position": (FEATURES + ("position",), C),
    "+fresh": (FEATURES + ("fresh",), C),
    "+coverage": (FEATURES + ("coverage",), C),
    "+published_vs_weekday": (FEATURES + ("published_vs_weekday",), C),
    "+month_docs": (FEATURES + ("month_docs",), C),
    "no after": (tuple(f for f in FEATURES if not f.endswith("_after")), C),
    "no sents": (tuple(f for f in FEATURES if not f.startswith("sents_")), C),
    "no published_next": (tuple(f for f in FEATURES if f != "docs_published_next"), C),
    "weekday_local": (BEFORE + ("weekday_local",), C),
    "+weekday_local": (FEATURES + ("weekday_local",), C),
    "percentiles": (tuple(f"pct_{f}" for f in FEATURES), C),
    "+pct_docs_total": (FEATURES + ("pct_docs_total",), C),
    "+central_max": (FEATURES + ("central_max",), C),
    "+central_mean": (FEATURES + ("central_mean",), C),
    "per reference": (FEATURES, C, "per reference"),
    "before per reference": (BEFORE, C, "per reference"),
    "+pagerank": (FEATURES + ("pagerank",), C),
    "+pagerank_rev": (FEATURES + ("pagerank_rev",), C),
    "+pagerank both": (FEATURES + ("pagerank", "pagerank_rev"), C),
}

_statistics = tl.statistics


def statistics_with_extras(sentences, published):
    """`dates.statistics` with the EXTRA counts (module docstring) added to every granule."""
    stats = _statistics(sentences, published)
    days = {g: date.fromisoformat(g) for g in stats if level(g) == "day"}
    pubs = [p for p in published.values() if p is not None]
    by_day = defaultdict(int)
    for p in pubs:
        by_day[p] += 1
    mentioned_weekday = [set() for _ in range(7)]
    seen = defaultdict(list)                                          # day -> publication days mentioning it
    in_month = defaultdict(set)                                       # month -> articles mentioning a day of it
    for aid, sents in sentences.items():
        for g in {g for s in sents for g in s.granules if g in days}:
            mentioned_weekday[days[g].weekday()].add(aid)
            in_month[g[:7]].add(aid)
            if published.get(aid) is not None:
                seen[g].append(published[aid])
    first, last = (min(pubs), max(pubs)) if pubs else (None, None)
    weeks = max(1.0, ((last - first).days + 1) / 7) if pubs else 1.0
    per_weekday = [0] * 7
    for p in pubs:
        per_weekday[p.weekday()] += 1
    central = centrality(sentences, set(days))
    ranks = {rev: date_rank(sentences, published, set(days), rev) for rev in (False, True)}
    for g, st in stats.items():
        extra = dict.fromkeys(EXTRA, 0.0)
        if g in days:
            d = days[g]
            around = [(d + timedelta(days=k)) for k in range(-NEAR, NEAR + 1) if k]
            extra["weekend"] = float(d.weekday() >= 5)
            extra["published_prev"] = float(by_day.get(d - timedelta(days=1), 0))
            extra["published_near"] = float(sum(by_day.get(n, 0) for n in around))
            extra["weekday_mentions"] = float(len(mentioned_weekday[d.weekday()]))
            extra["mention_span"] = float((max(seen[g]) - min(seen[g])).days) if seen.get(g) else 0.0
            extra["peak"] = st.counts["docs_total"] / (1 + max(
                (stats[n.isoformat()].counts["docs_total"] for n in around if n.isoformat() in stats), default=0))
            if first is not None and last > first:
                extra["position"] = min(1.0, max(0.0, (d - first).days / (last - first).days))
            fresh_days = [d + timedelta(days=k) for k in range(FRESH + 1)]
            extra["fresh"] = float(sum(1 for p in seen.get(g, ()) if d <= p <= fresh_days[-1]))
            extra["coverage"] = extra["fresh"] / (1 + sum(by_day.get(n, 0) for n in fresh_days))
            extra["published_vs_weekday"] = st.counts["docs_published"] / (1 + per_weekday[d.weekday()] / weeks)
            extra["month_docs"] = float(len(in_month[g[:7]]))
            extra["weekday_local"] = float(sum(by_day.get(d + timedelta(days=k), 0)
                                               for k in range(-LOCAL, LOCAL + 1, 7)))
            extra["pagerank"] = ranks[False].get(g, 0.0)
            extra["pagerank_rev"] = ranks[True].get(g, 0.0)
            if central.get(g):
                extra["central_max"] = max(central[g])
                extra["central_mean"] = sum(central[g]) / len(central[g])
        st.counts.update(extra)
    for f in FEATURES:
        values = sorted(stats[g].counts[f] for g in days)
        for g in days:
            v = stats[g].counts[f]
            stats[g].counts[f"pct_{f}"] = (bisect_left(values, v) + bisect_right(values, v)) / 2 / len(values)
    return stats


def date_rank(sentences, published, days: set[str], reverse: bool) -> dict[str, float]:
    """Day -> its PageRank in the date reference graph (Tran et al. 2015): an edge from an article's
    publication day to each day it mentions, weighted by the articles; `reverse` turns the edges round
    (a day that refers to many important days)."""
    import networkx as nx
    graph = nx.DiGraph()
    graph.add_nodes_from(days)
    for aid, sents in sentences.items():
        pub = published.get(aid)
        if pub is None:
            continue
        p = pub.isoformat()
        for g in {g for s in sents for g in s.granules if g in days and g != p}:
            a, b = (g, p) if reverse else (p, g)
            w = graph.get_edge_data(a, b, {"weight": 0})["weight"]
            graph.add_edge(a, b, weight=w + 1)
    return nx.pagerank(graph, weight="weight") if graph else {}


def centrality(sentences, days: set[str]) -> dict[str, list[float]]:
    """Day -> the cosines to the story's centroid of the sentences mentioning it."""
    every = [s for sents in sentences.values() for s in sents]
    tfidf = Tfidf(s.text for s in every)
    vectors = [tfidf.vector(s.text) for s in every]
    centre = total(vectors)
    out = defaultdict(list)
    for s, v in zip(every, vectors):
        if any(g in days for g in s.granules):
            c = cosine(v, centre)
            for g in s.granules:
                if g in days:
                    out[g].append(c)
    return out


def per_reference(stats: dict, gold: dict, names: tuple[str, ...]) -> tuple[list, list]:
    """(feature vectors, labels): one row per reference timeline and candidate day inside its span, labelled
    by that reference alone (as the scorer scores each reference), so that a day in several references
    weighs more, and one inside several spans but in none of them weighs more against."""
    days = {g: st for g, st in stats.items() if level(g) == "day"}
    vectors = timeline_model.features(days, names)
    X, y = [], []
    for tl_ in gold["timelines"]:
        ref = {e["date"] for e in tl_["entries"]}
        lo, hi = min(ref), max(ref)
        for g in sorted(vectors):
            if lo <= g <= hi:
                X.append(vectors[g])
                y.append(int(g in ref))
    return X, y


tl.statistics = statistics_with_extras                               # `reading` and `timeline` count them too


def load(topic: str, store: str | None, fast: bool, tmp: Path, cache: Path | None):
    """The topic's (articles, analyses), from `cache` when it holds them (written there otherwise)."""
    path = cache / f"{topic}-{'store' if store else 'times' if fast else 'pipeline'}.pickle" if cache else None
    if path is not None and path.is_file():
        return pickle.loads(path.read_bytes())
    loaded = data.load(topic, store, fast, tmp)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(loaded))
    return loaded


def largest(readings, export_path: Path):
    """(articles, analyses) of the export's largest story."""
    import json
    stories = json.loads(export_path.read_text())["stories"]
    ids = set(max((s for s in stories if not s.get("merged_into")), key=lambda s: len(s["article_ids"]))["article_ids"])
    articles, analyses = readings
    return [a for a in articles if a.id in ids], [an for an in analyses if an.article_id in ids]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"of: {', '.join(VARIANTS)}")
    ap.add_argument("--cache", type=Path, help="folder keeping each topic's readings between runs")
    ap.add_argument("--largest", help="export.json per topic, '{topic}' filled in: score (and with --fit-largest, "
                                      "fit) the timeline of its largest story, as the acceptance does")
    ap.add_argument("--fit-largest", action="store_true", help="fit on the largest stories' dates too")
    args = ap.parse_args(argv)
    names = args.variants.split(",")
    if unknown := [n for n in names if n not in VARIANTS]:
        ap.error(f"unknown variants: {', '.join(unknown)}")
    topics = data.TOPICS
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        loaded = {t: load(t, args.store, args.times_only, tmp, args.cache) for t in topics}
        if args.largest:
            whole = loaded
            loaded = {t: largest(loaded[t], Path(args.largest.format(topic=t))) for t in topics}
        stats = {t: reading(*(loaded if args.fit_largest or not args.largest else whole)[t]).stats
                 for t in topics}
        how = "store" if args.store else "times-only" if args.times_only else "pipeline"
        print(f"date ranker variants, date F1 ({how} readings, default length; in-sample: fitted on all "
              f"dev topics; held-out: leave one topic out)")
        print(f"{'variant':22s} | " + " ".join(f"{t:>7s}" for t in topics) + "    mean | "
              + " ".join(f"{t:>7s}" for t in topics) + "    mean")
        print(f"{'':22s} | {'in-sample':^31s} | {'held-out':^31s}")
        for name in names:
            feats, c, rows = (VARIANTS[name] + ("any",))[:3]
            tables = {t: ROWS[rows](stats[t], data.gold(t), feats) for t in topics}
            models = {"in": timeline_model.fit(list(tables.values()), feats, c)}
            models.update({t: timeline_model.fit([tables[o] for o in topics if o != t], feats, c) for t in topics})
            figs = {}
            for kind in ("in", "held"):
                for t in topics:
                    model = models["in" if kind == "in" else t]
                    ex = export([a.id for a in loaded[t][0]], timeline_json(timeline(*loaded[t], 0, model)))
                    figs[kind, t] = score(ex, data.DATA / t / "gold.json", tmp, f"{t}-variant", False)["date_f1"]
            mean = {k: sum(figs[k, t] for t in topics) / len(topics) for k in ("in", "held")}
            print(f"{name:22s} | " + " ".join(f"{figs['in', t]:7.4f}" for t in topics) + f" {mean['in']:7.4f} | "
                  + " ".join(f"{figs['held', t]:7.4f}" for t in topics) + f" {mean['held']:7.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
