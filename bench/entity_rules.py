"""How often each entity-linking rule fires on a dev set, with every firing shown for judging by hand.

usage: python bench/entity_rules.py INPUT.jsonl [--store SQLITE] [--stories gold:GOLD.json | one | none]
                                    [--analyses FILE.pkl] [--rules a,b] [--show N] [--limit N]

The articles of INPUT.jsonl are ingested and cleaned into a temporary store
(or taken from a copy of an analysed store given with --store, whose cleaned
articles are used; it is never written), then read by stage 3 with
`trace_entities`, which reports the rule that linked each description to a
referent (`same_office`, `office_ahead`, `named_ahead`, `same_family`,
`plain_description`, `appos`, `conj`). The per-article analyses then go
through stage 4's `resolve`, whose `trace` reports each cross-article join
that is not of two equal names: `description` (with its reason: an office,
an event detail, a fact, the same description) and `spelling`.

--stories gives stage 4 the grouping it may join descriptions within:
`gold:GOLD.json` reads the clustering gold ({id: {"event": ...}}) as an
oracle grouping, `one` puts every article in one story (the worst case: only
the rule's own conditions stop a wrong join), `none` gives no grouping.
--analyses FILE.pkl keeps what stage 3 read (and its firings) so that stage 4
can be measured again without reading again; delete it after a change to stage 3.

Prints a table (rule, firings) and then, for each rule in --rules (default:
named_ahead and the stage-4 joins), up to --show firings with the
description in its sentence and the referent it was joined to, named where it
is named. There is no gold for these links: a person judges each line.
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from storyline.connect.entities import resolve
from storyline.pipeline import ingest
from storyline.read import anchor
from storyline.read.entities.reader import trace_entities
from storyline.read.events import find_events, find_facts
from storyline.read.nlp import load_nlp
from storyline.read.quotes import find_quotes
from storyline.records import AnalysedArticle
from storyline.store import open_store
from storyline.timex import tag

READ_RULES = ("named_ahead",)
CONNECT = "stage4:"


def _articles(path: str, store: str | None, limit: int | None):
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.sqlite"
        if store:
            shutil.copy(store, db)
        else:
            ingest([path], db)
        with open_store(db) as s:
            arts = [a for a in s.articles() if a.duplicate_of is None]
    arts.sort(key=lambda a: a.id)
    return arts[:limit] if limit else arts


def _read(articles) -> tuple[list[AnalysedArticle], list[tuple]]:
    """Stage 3 as `storyline.read.analyse` runs it, with the entity reader traced."""
    nlp = load_nlp()
    analyses, firings = [], []
    for k, a in enumerate(articles, 1):
        times = tag(a.text, anchor(a))
        doc = nlp(a.text)
        entities, quotes, fired = trace_entities(doc, find_quotes(doc))
        events = find_events(doc, entities, times, a.published)
        facts = find_facts(doc, entities, events)
        analyses.append(AnalysedArticle(a.id, tuple(entities), tuple(times), tuple(quotes), tuple(events),
                                        tuple(facts)))
        firings += [(rule, a.id, m, eid) for rule, m, eid in fired]
        if k % 50 == 0:
            print(f"  read {k}/{len(articles)}", file=sys.stderr)
    return analyses, firings


def _stories(spec: str, ids: list[str]) -> dict[str, str] | None:
    if spec == "none":
        return None
    if spec == "one":
        return {i: "s" for i in ids}
    gold = json.loads(Path(spec.removeprefix("gold:")).read_text())
    return {i: gold[i]["event"] for i in ids if i in gold}


def _context(text: str, start: int, end: int, width: int = 110) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return re.sub(r"\s+", " ", f"...{left}[[{text[start:end]}]]{right}...")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("--store")
    ap.add_argument("--stories", default="none")
    ap.add_argument("--analyses")
    ap.add_argument("--rules", default=",".join(READ_RULES) + ",stage4")
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)

    articles = _articles(args.input, args.store, args.limit)
    texts = {a.id: a.text for a in articles}
    cache = Path(args.analyses) if args.analyses else None
    if cache and cache.exists():
        analyses, firings = pickle.loads(cache.read_bytes())
    else:
        analyses, firings = _read(articles)
        if cache:
            cache.write_bytes(pickle.dumps((analyses, firings)))
    local = {(an.article_id, e.id): e for an in analyses for e in an.entities}
    trace: list[tuple] = []
    resolve(analyses, story_of=_stories(args.stories, [a.id for a in articles]), trace=trace)

    counts = Counter(f[0] for f in firings) + Counter(CONNECT + t[0] for t in trace)
    print(f"{len(articles)} articles, {sum(len(an.entities) for an in analyses)} entities, stories: {args.stories}")
    print(f"{'rule':32} {'firings':>7}")
    for rule in sorted(set(counts) | set(READ_RULES)):
        print(f"{rule:32} {counts[rule]:7d}")

    wanted = set(args.rules.split(","))
    for rule in sorted(counts):
        if rule not in wanted and not (rule.startswith(CONNECT) and "stage4" in wanted):
            continue
        print(f"\n== {rule} ({counts[rule]})")
        shown = 0
        for f in firings:
            if f[0] == rule and shown < args.show:
                shown += 1
                _, aid, m, eid = f
                target = local.get((aid, eid)) if eid else None
                name = f"{target.name!r} {[x.text for x in target.mentions][:6]}" if target else "(not kept)"
                print(f"- {aid}: {_context(texts[aid], m.start, m.end)}\n    -> {name}")
        for t in trace:
            if CONNECT + t[0] == rule and shown < args.show:
                shown += 1
                _, a1, l1, a2, l2 = t[:5]
                e1, e2 = local[(a1, l1)], local[(a2, l2)]
                m1 = e1.mentions[0]
                m2 = next((m for m in e2.mentions if m.text in {e2.name, *e2.aliases}), e2.mentions[0])
                print(f"- {a1} {e1.name!r} roles={list(e1.roles)} {_context(texts[a1], m1.start, m1.end, 80)}\n"
                      f"    -> {a2} {e2.name!r} roles={list(e2.roles)} {_context(texts[a2], m2.start, m2.end, 80)}"
                      + (f"\n    because {t[5]}" if len(t) > 5 else ""))


if __name__ == "__main__":
    main()
