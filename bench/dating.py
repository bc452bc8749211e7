"""Publication dates implied by the text, with the known date hidden.

usage: python bench/dating.py [--data DIR] [--limit N] [--wrong N] [--no-reference]

The experiment: every dated document of the dev sets (quotes, timex, and the
three timelines topics; 2,475 documents) is cleaned as a run would clean it,
but without its `published` field, so the clean stage dates it from the text
alone (a dateline, or the interval `clean.dating.implied` reads from it). An
interval is right when it contains the true day. With a corpus year: as a run
would then date, in a build that has stage-4 corpus dating
(`storyline.connect.dating.with_corpus_year`), an article the clean stage left
undated, the corpus being the document's own set less the document.

Reported for each half of every set (even and odd positions in input order, so
that a rule fitted to one half shows on the other): documents, intervals given,
share containing the true day, wrong, left undated, closed intervals with their
width in days (median, mean), and the median days from the lower bound to the
true day. Then every rule of `clean.dating.bounds`, each bound it gave counted
right or wrong (a lower bound is right when the true day is on or after it),
and "binding" when it became an end of the interval given.

Reference, same documents, same run: htmldate's extensive search over the text
as a page (one day; right when it is the true day). Last line: the share of
given intervals that contain the true day.
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
from storyline.records import DateRange, RawDoc  # noqa: E402

try:  # stage 4's corpus-year dating, in the builds that have it
    from storyline.connect.dating import with_corpus_year  # noqa: E402
except ImportError:
    with_corpus_year = None

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
    """Clean the document with its date hidden: its interval without and with a corpus year, and the bounds."""
    raw = RawDoc(doc["id"], "jsonl", doc["text"].encode("utf-8"),
                 {k: v for k, v in doc.items() if k not in HIDDEN + ("true", "years")}, "utf-8")
    article = clean(raw)
    p = article.published
    own = p if p and (p.earliest or p.latest) else None
    corpus = own or (with_corpus_year(article.text, list(article.captions), doc["years"]) if with_corpus_year else None)
    return {"true": doc["true"], "without": own, "with": corpus, "rule": rule_of(own) if own else None,
            "bounds": dating.bounds(article.text, list(article.captions))}


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
    """Per rule: bounds given, right, wrong; binding = an end of the interval the clean stage gave."""
    stats: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["rule"] == "dateline":
            s = stats["dateline"]
            s["fired"] += 1
            s["binding"] += 1
            s["right"] += r["without"].earliest == r["true"]
            s["binding wrong"] += r["without"].earliest != r["true"]
        found = r["bounds"]
        for b in found:
            stats[b.rule]["fired"] += 1
            stats[b.rule]["right"] += bound_right(b, r["true"])
        chosen = r["without"]
        if chosen is None or rule_of(chosen) != "implied":
            continue
        for b in dating.ends(found):
            if b:
                stats[b.rule]["binding"] += 1
                stats[b.rule]["binding wrong"] += not bound_right(b, r["true"])
    lines = [f"{'rule':10} {'fired':>6} {'right':>6} {'wrong':>6} {'binding':>8} {'b.right':>8} {'b.wrong':>8}"]
    for rule in sorted(stats):
        s = stats[rule]
        lines.append(f"{rule:10} {s['fired']:6d} {s['right']:6d} {s['fired'] - s['right']:6d} {s['binding']:8d} "
                     f"{s['binding'] - s['binding wrong']:8d} {s['binding wrong']:8d}")
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
    ap.add_argument("--no-reference", action="store_true", help="skip the htmldate reference")
    ap.add_argument("--half", choices=("even", "odd"), help="judge one half only (the quality gate runs 'odd')")
    args = ap.parse_args(argv)
    sets = load(args.data, args.limit)
    t0 = time.perf_counter()
    rows: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for name, docs in sets.items():
        counts = Counter(d["true"].year for d in docs)
        for i, d in enumerate(docs):
            if args.half and i % 2 != ("even", "odd").index(args.half):
                continue
            d["years"] = counts - Counter([d["true"].year])
            rows[name, i % 2].append({**judge(d), "id": d["id"], "set": name, "half": i % 2})
    elapsed = time.perf_counter() - t0
    every = [r for part in rows.values() for r in part]
    head = (f"{'':24} {'docs':>5} {'given':>6} {'contain':>7} {'wrong':>6} {'undated':>8} "
            f"{'closed':>6} {'w.med':>7} {'w.mean':>7} {'gap':>6}")
    for key, title in (("without", "without a corpus year (clean stage)"),
                       ("with", "with a corpus year (clean, then stage 4 for what it left undated)")):
        print(title)
        if key == "with" and with_corpus_year is None:
            print("  this build has no corpus-year dating (storyline.connect.dating): the intervals are those above\n")
            continue
        print(head)
        for name in SETS:
            for half in (0, 1):
                print(f"  {name + (' even' if half == 0 else ' odd'):22} {summary(rows[name, half], key)}")
        for half in (0, 1):
            part = [r for (name, h), rs in rows.items() if h == half for r in rs]
            print(f"  {'all ' + ('even' if half == 0 else 'odd'):22} {summary(part, key)}")
        print(f"  {'all':22} {summary(every, key)}")
        print()
    print("rules, all documents, without a corpus year (a bound is right when the true day is on its side of it;")
    print("binding: it became an end of the interval given; dateline: the clean stage's dateline, right when exact):")
    print("\n".join(rule_table(every)))
    if args.wrong:
        print()
        wrong = [r for r in every if r["with"] and not contains(r["with"], r["true"])]
        for r in wrong[:args.wrong]:
            print(f"{r['set']} {('even', 'odd')[r['half']]} {r['id']} true {r['true']} "
                  f"got {r['with'].earliest}..{r['with'].latest}: {r['with'].reason}")
    ref = None if args.no_reference else htmldate_reference([d for docs in sets.values() for d in docs])
    if ref:
        days = [r for r in every if r["without"] and r["without"].earliest == r["without"].latest]
        exact = sum(r["without"].earliest == r["true"] for r in days)
        print(f"{ref}\nours on the same terms (intervals of one day): {len(days)} given, "
              f"{exact / max(1, len(days)):.3f} the true day ({len(days) - exact} wrong)")
    given = {k: [r for r in every if r[k]] for k in ("without", "with")}
    share = {k: sum(contains(r[k], r["true"]) for r in v) / max(1, len(v)) for k, v in given.items()}
    print(f"throughput {len(every) / elapsed:.1f} docs/s ({len(every)} docs)")
    corpus = (f"{share['with']:.3f} of {len(given['with'])} with a corpus year, "
              f"{len(every) - len(given['with'])} left undated" if with_corpus_year
              else "the same with a corpus year: no rule uses one")
    print(f"{share['without']:.3f} of {len(given['without'])} intervals given contain the true day, "
          f"{len(every) - len(given['without'])} of {len(every)} left undated ({corpus})")
    halves = {h: [r for r in every if r["without"] and r["half"] == i] for i, h in enumerate(("even", "odd"))}
    print(f"score: {share['without']:.4f} (" + " ".join(
        f"contain_{h} {sum(contains(r['without'], r['true']) for r in rs) / len(rs):.4f}"
        for h, rs in halves.items() if rs) + f" given {len(given['without'])} undated {len(every) - len(given['without'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
