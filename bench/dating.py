"""Publication dates implied by the text, with the known date hidden.

usage: python bench/dating.py [--data DIR] [--limit N] [--wrong N]

The experiment: every dated document of the dev sets (quotes, timex, and the
three timelines topics; 2,475 documents) is cleaned as a run would clean it,
but without its `published` field, so the clean stage dates it from the text
alone (a dateline, or the interval the text's tenses and dates imply). The
interval is right when it contains the true day. Then, as a run's stage 4
does for an article the clean stage left undated, the corpus year completes
dates given without a year: the corpus is the document's own set less the
document, so the year is the one most of the OTHER documents were published in.

Reported for both conditions (without / with a corpus year) and for each half
of every set (even and odd positions in input order, so that a rule fitted to
one half shows on the other): intervals given, share containing the true day,
documents left undated, width in days of the closed intervals (median, mean)
and days from the lower bound to the true day (median). Then every rule, each
bound it gave counted right or wrong (a lower bound is right when the true day
is on or after it), "binding" when it became an end of the interval.

Reference, same documents, same run: htmldate's extensive search over the
text as a page (a single day; right when it is the true day), skipped when
htmldate is missing. Last line: the share of given intervals that contain the
true day, with a corpus year first.
"""
from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.clean import dating  # noqa: E402
from storyline.clean.stage import clean  # noqa: E402
from storyline.connect.dating import corpus_year, with_corpus_year  # noqa: E402
from storyline.records import DateRange, RawDoc  # noqa: E402

SETS = ("quotes", "timex", "timelines/finan", "timelines/iraq", "timelines/syria")
HIDDEN = ("text", "published", "date", "pubdate")


def load(data: Path, limit: int | None) -> dict[str, list[dict]]:
    """Each set's documents with a known day, in input order, `true` added."""
    out = {}
    for name in SETS:
        docs = []
        for line in (data / name / "input.jsonl").open(encoding="utf-8"):
            d = json.loads(line) if line.strip() else {}
            day = dating.parse_date(d.get("published"))
            if day:
                docs.append({**d, "true": day})
        out[name] = docs[:limit] if limit else docs
    return out


def contains(r: DateRange | None, day: date) -> bool:
    return r is not None and (r.earliest is None or r.earliest <= day) and (r.latest is None or day <= r.latest)


def rule_of(r: DateRange) -> str:
    return "dateline" if r.reason.startswith("dateline") else "implied" if r.reason.startswith("implied") else "other"


def judge(doc: dict) -> dict:
    """Clean the document with its date hidden; the two intervals and every rule's bounds."""
    raw = RawDoc(doc["id"], "jsonl", doc["text"].encode("utf-8"),
                 {k: v for k, v in doc.items() if k not in HIDDEN + ("true",)}, "utf-8")
    article = clean(raw)
    own = article.published if article.published and (article.published.earliest or article.published.latest) \
        else None
    captions = list(article.captions)
    years = doc["years"]
    year = None if own else corpus_year(article.text, captions, years)
    corpus = own or with_corpus_year(article.text, captions, years)
    majority = years.most_common(1)[0][0] if years else None
    return {"true": doc["true"], "without": own, "with": corpus, "rule": rule_of(own) if own else None,
            "bounds": {"without": dating.bounds(article.text, captions, None),
                       "with": dating.bounds(article.text, captions, year or majority)}}


def summary(rows: list[dict], key: str) -> str:
    given = [r for r in rows if r[key]]
    right = sum(contains(r[key], r["true"]) for r in given)
    closed = [(r[key].latest - r[key].earliest).days + 1 for r in given if r[key].earliest and r[key].latest]
    gaps = [(r["true"] - r[key].earliest).days for r in given if r[key].earliest and contains(r[key], r["true"])]
    share = right / len(given) if given else float("nan")
    width = f"{statistics.median(closed):7.0f} {statistics.fmean(closed):7.0f}" if closed else f"{'-':>7} {'-':>7}"
    gap = f"{statistics.median(gaps):6.0f}" if gaps else f"{'-':>6}"
    return (f"{len(rows):5d} {len(given):6d} {share:7.3f} {len(given) - right:6d} {len(rows) - len(given):8d} "
            f"{len(closed):6d} {width} {gap}")


def bound_right(b: dating.Bound, day: date) -> bool:
    return day >= b.day if b.side == "after" else day <= b.day


def rule_table(rows: list[dict]) -> list[str]:
    stats: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["rule"] == "dateline":
            stats["dateline"]["without fired"] += 1
            stats["dateline"]["without right"] += r["without"].earliest == r["true"]
        for key in ("without", "with"):
            found = r["bounds"][key]
            for b in found:
                stats[b.rule][f"{key} fired"] += 1
                stats[b.rule][f"{key} right"] += bound_right(b, r["true"])
            lower = max((b for b in found if b.side == "after"), default=None)
            upper = min((b for b in found if b.side == "before"), default=None)
            chosen = r[key]
            if chosen is None or (chosen.earliest, chosen.latest) != (lower and lower.day, upper and upper.day):
                continue  # the interval did not come from these bounds (a dateline, or another year)
            for b in (lower, upper):
                if b:
                    stats[b.rule][f"{key} binding"] += 1
                    stats[b.rule][f"{key} binding wrong"] += not bound_right(b, r["true"])
    lines = [f"{'rule':10} {'no year: fired':>14} {'right':>6} {'wrong':>6} {'bind':>5} {'bwrong':>6}"
             f" {'| corpus year: fired':>20} {'right':>6} {'wrong':>6} {'bind':>5} {'bwrong':>6}"]
    for rule in sorted(stats):
        s = stats[rule]
        cells = []
        for key in ("without", "with"):
            fired, right = s[f"{key} fired"], s[f"{key} right"]
            cells.append(f"{fired:6d} {right:6d} {fired - right:6d} {s[f'{key} binding']:5d} "
                         f"{s[f'{key} binding wrong']:6d}")
        lines.append(f"{rule:10} {cells[0]:>42} | {cells[1]:>19}")
    return lines


def htmldate_reference(docs: list[dict]) -> str | None:
    try:
        from htmldate import find_date
        from importlib.metadata import version
    except ImportError:
        return None
    given = right = 0
    for d in docs:
        page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in d["text"].split("\n")) + "</body></html>"
        got = find_date(page, extensive_search=True, original_date=True, min_date="1900-01-01")
        if got:
            given += 1
            right += got == d["true"].isoformat()
    share = right / given if given else float("nan")
    return (f"reference: htmldate {version('htmldate')} extensive search on the text (one day): "
            f"{given} given, {share:.3f} the true day ({given - right} wrong), {len(docs) - given} undated")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="first N dated documents of each set")
    ap.add_argument("--wrong", type=int, default=0, help="print up to N wrong intervals with their reasons")
    args = ap.parse_args(argv)
    sets = load(args.data, args.limit)
    t0 = time.perf_counter()
    rows: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for name, docs in sets.items():
        counts = Counter(d["true"].year for d in docs)
        for i, d in enumerate(docs):
            d["years"] = counts - Counter([d["true"].year])
            rows[name, i % 2].append({**judge(d), "id": d["id"], "set": name})
    elapsed = time.perf_counter() - t0
    every = [r for part in rows.values() for r in part]
    head = (f"{'':24} {'docs':>5} {'given':>6} {'contain':>7} {'wrong':>6} {'undated':>8} "
            f"{'closed':>6} {'w.med':>7} {'w.mean':>7} {'gap':>6}")
    for key, title in (("without", "without a corpus year (clean stage)"),
                       ("with", "with a corpus year (clean, then stage 4 for what it left undated)")):
        print(title)
        print(head)
        for name in SETS:
            for half in (0, 1):
                print(f"  {name + (' even' if half == 0 else ' odd'):22} {summary(rows[name, half], key)}")
        for half in (0, 1):
            part = [r for (name, h), rs in rows.items() if h == half for r in rs]
            print(f"  {'all ' + ('even' if half == 0 else 'odd'):22} {summary(part, key)}")
        print(f"  {'all':22} {summary(every, key)}")
        print()
    print("rules, all documents (a bound is right when the true day is on its side of it):")
    print("\n".join(rule_table(every)))
    if args.wrong:
        print()
        wrong = [r for r in every if r["with"] and not contains(r["with"], r["true"])]
        for r in wrong[:args.wrong]:
            print(f"{r['set']} {r['id']} true {r['true']} got {r['with'].earliest}..{r['with'].latest}: "
                  f"{r['with'].reason}")
    ref = htmldate_reference([d for docs in sets.values() for d in docs])
    if ref:
        print(ref)
    given = {k: [r for r in every if r[k]] for k in ("without", "with")}
    share = {k: sum(contains(r[k], r["true"]) for r in v) / max(1, len(v)) for k, v in given.items()}
    print(f"throughput {len(every) / elapsed:.1f} docs/s ({len(every)} docs)")
    print(f"score: {share['with']:.3f} of {len(given['with'])} intervals given with a corpus year contain the true "
          f"day ({share['without']:.3f} of {len(given['without'])} without; "
          f"{len(every) - len(given['with'])} of {len(every)} left undated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
