"""Throughput of the whole read stage (stage 3) against bare spaCy en_core_web_sm parsing alone.

Both run on the same texts in the same process, one after the other, so the
ratio holds whatever the machine: `ratio` is how many times slower reading an
article like an analyst is than parsing it.

    .venv/bin/python bench/read.py [--data FILE.jsonl] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from storyline.clean.dating import parse_date
from storyline.read import analyse
from storyline.read.nlp import load_nlp
from storyline.records import Article, DateRange

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "quotes" / "input.jsonl"))
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")][:args.limit]
    articles = []
    for i, row in enumerate(rows):
        day = parse_date(row.get("published")) or date(2016, 1, 1)
        articles.append(Article(id=str(row.get("id", i)), source=args.data, text=row["text"], content_hash=str(i),
                                published=DateRange(day, day, "given")))
    chars = sum(len(a.text) for a in articles)
    nlp = load_nlp(fixes=False)     # the reference: the bare model, none of our components
    nlp("warm up")
    analyse(articles[0])

    start = time.perf_counter()
    for a in articles:
        nlp(a.text)
    parse = time.perf_counter() - start

    start = time.perf_counter()
    counts = {"entities": 0, "time_expressions": 0, "quotes": 0, "events": 0, "facts": 0}
    for a in articles:
        result = analyse(a)
        for key in counts:
            counts[key] += len(getattr(result, key))
    read = time.perf_counter() - start

    print(f"articles: {len(articles)} ({chars / 1000:.0f} kchars) from {args.data}")
    print(f"spaCy sm parse alone   {parse:7.2f} s  {len(articles) / parse:6.1f} articles/s")
    print(f"storyline read stage   {read:7.2f} s  {len(articles) / read:6.1f} articles/s")
    print("found: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"ratio read/parse time: {read / parse:.2f}")


if __name__ == "__main__":
    main()
