"""Measure candidate date features for the timeline's date ranker by leave-one-topic-out (Timeline17 dev topics).

usage: python bench/timeline_features.py [--store PATTERN [--largest] | --times-only] [--sets NAME,...]

Each row is a feature set: the shipped counts (`dates.FEATURES`, what `date_model.json` uses) alone or
with one family of extra counts computed here from the same reading. For each held-out dev topic a
logistic regression is fitted on the other two (bench/timeline_model.py, same C, same rows: candidate
days inside a reference span), the held-out topic's days are ranked and spread over time as the timeline
does (`dates.choose`, shipped constants), and ../shared/eval/timelines.py scores the dates. Prints each
set's held-out date F1 per topic and their mean: a set earns a place in `dates.py` only by raising the
held-out mean, never the in-sample one. Dates only (no summaries: date F1 does not depend on the text).

Extra counts for a day d (all counted once per article, over the story's articles):
  lead       docs_lead: articles whose first LEAD sentences mention d (the news the article leads with)
  recalled   docs_recalled: articles published RECALL_DAYS or more after d that mention d (a day still
             recalled weeks later)
  named      docs_named: articles published after d that name d with its month ("March 15", "15/3",
             "2011-03-15"; not "Friday" or "yesterday"), the way a retrospective names a landmark day
  burst      burst: docs_published / (1 + the mean docs_published of the BURST_DAYS days either side)
  events     docs_events: articles reporting an actual event of a type other than `statement` dated
             exactly d (stage-3 events: store readings only; times-only readings have none)
--largest reads each topic's largest stored story only, the timeline the scorer takes from an export.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import timeline_model  # noqa: E402
import timelines_data as data  # noqa: E402
from timelines import export, score  # noqa: E402
from storyline.connect.timeline import Reading, reading  # noqa: E402
from storyline.connect.timeline.dates import FEATURES, choose, features, score as rank  # noqa: E402
from storyline.connect.timeline.sentences import granule, level  # noqa: E402

LEAD, RECALL_DAYS, BURST_DAYS = 3, 7, 7
_NAMED = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}/\d{1,2}|\d{4}-\d\d-\d\d",
                    re.IGNORECASE)
SETS = {"shipped": (), "lead": ("docs_lead",), "recalled": ("docs_recalled",), "named": ("docs_named",),
        "burst": ("burst",), "events": ("docs_events",)}


def add_counts(story: Reading) -> None:
    """Adds the extra counts (module docstring) to `story.stats` in place; every day gets each key."""
    stats = story.stats
    days = {g for g in stats if level(g) == "day"}
    extra = {g: dict.fromkeys(("docs_lead", "docs_recalled", "docs_named", "burst", "docs_events"), 0.0)
             for g in days}
    for aid, sents in story.sentences.items():
        pub = story.published.get(aid)
        lead = {g for s in sents if s.index < LEAD for g in s.granules if g in days}
        recalled = {g for s in sents for g in s.granules
                    if g in days and pub is not None and (pub - date.fromisoformat(g)).days >= RECALL_DAYS}
        an = story.analyses.get(aid)
        named = {g for t in (an.time_expressions if an else ()) if (g := granule(t)) in days
                 and pub is not None and date.fromisoformat(g) < pub and _NAMED.search(t.text)}
        events = {v.time.earliest.isoformat() for v in (an.events if an else ())
                  if v.time is not None and v.time.earliest is not None and v.time.earliest == v.time.latest
                  and v.modality == "actual" and v.type != "statement"} & days
        for key, found in (("docs_lead", lead), ("docs_recalled", recalled), ("docs_named", named),
                           ("docs_events", events)):
            for g in found:
                extra[g][key] += 1
    for g in days:
        d = date.fromisoformat(g)
        near = [stats[n].counts["docs_published"] for k in range(-BURST_DAYS, BURST_DAYS + 1)
                if k and (n := (d + timedelta(days=k)).isoformat()) in stats]
        extra[g]["burst"] = stats[g].counts["docs_published"] / (1 + sum(near) / (2 * BURST_DAYS))
    for g, counts in extra.items():
        stats[g].counts.update(counts)


def held_out(stories: dict[str, Reading], names: tuple[str, ...], tmp: Path) -> dict[str, float]:
    """Topic -> date F1 of its days ranked by a model fitted on the other topics with features `names`."""
    tables = {t: timeline_model.table(story.stats, data.gold(t), names) for t, story in stories.items()}
    out = {}
    for t, story in stories.items():
        model = timeline_model.fit([tables[o] for o in stories if o != t], names)
        days = {g: st for g, st in story.stats.items() if level(g) == "day"}
        ranked = choose(rank(days, model), len(days), lambda g: True)
        entries = [{"date": g, "text": "", "score": p} for g, p in ranked.items()]
        out[t] = score(export(["x"], entries), data.DATA / t / "gold.json", tmp, f"{t}-features", False)["date_f1"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="analysed store per topic, '{topic}' filled in")
    ap.add_argument("--largest", action="store_true", help="each store's largest story only (with --store)")
    ap.add_argument("--times-only", action="store_true", help="stages 1-2 and the TIMEX3 tagger alone (fast)")
    ap.add_argument("--sets", default=",".join(SETS), help=f"feature sets to measure, of {', '.join(SETS)}")
    args = ap.parse_args(argv)
    if args.largest and not args.store:
        ap.error("--largest needs --store")
    stories = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for t in data.TOPICS:
            articles, analyses = data.load(t, args.store, args.times_only, tmp)
            if args.largest:
                members = set(data.largest_story(args.store.format(topic=t))[0])
                articles = [a for a in articles if a.id in members]
                analyses = [x for x in analyses if x.article_id in members]
            stories[t] = reading(articles, analyses)
            add_counts(stories[t])
        how = "store" if args.store else "times-only" if args.times_only else "pipeline"
        print(f"date features, held-out date F1 (leave one dev topic out; {how} readings"
              + (", largest story)" if args.largest else ", each topic as one story)"))
        print(f"{'set':10s} " + " ".join(f"{t:>7s}" for t in stories) + "    mean")
        for name in args.sets.split(","):
            figs = held_out(stories, FEATURES + SETS[name], tmp)
            print(f"{name:10s} " + " ".join(f"{figs[t]:7.4f}" for t in stories)
                  + f" {sum(figs.values()) / len(figs):7.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
