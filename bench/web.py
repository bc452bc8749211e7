"""Server time of the web app on a synthetic store: the story page of a 1,000-article story (target < 1 s)
and the home page of a 10,000-article store (target < 0.5 s).

    .venv/bin/python bench/web.py [--articles 10000] [--big 1000] [--runs 7]

The store is filled through the store interface (add_article, add_analysis,
set_connected, save_stories, save_timeline) with generated records: every
article has entities with mentions, time expressions, quotes and events;
stage 4 has corpus entities, merged events and compared facts; the articles
form one story of `--big` articles and stories of about ten. No spaCy is
needed. `storyline serve` runs on a free loopback port and each page is
fetched `--runs` times after one warm-up; the figure is the median time to
the last byte. The reference, measured in the same run, is what a page
would cost if it built the whole export per request (export.json's build).
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from storyline.export import json_export
from storyline.records import (AnalysedArticle, Article, ComparedFact, Connected, CorpusEntity, DateRange, Entity,
                               Event, EventReport, Evidence, MergedEvent, Mention, Quote, Story, TimeExpression,
                               TimelineEntry)
from storyline.store import open_store

WORDS = ("minister council harbour bridge vote budget court ruling strike union talks ceasefire election "
         "protest inflation bank rate company merger police arrest trial witness report flood storm drought "
         "summit treaty border sanctions exports energy prices hospital school mayor governor").split()
OUTLETS = [f"Outlet {i}" for i in range(30)]


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def fill(path: Path, articles: int, big: int, seed: int = 7) -> str:
    """Fill a store with `articles` generated articles, stage 3 and 4 records and stories; the big story's id."""
    rng = random.Random(seed)
    people = [CorpusEntity(f"person:p{i}", f"Person {i} Name{i % 97}", "PERSON", roles=("minister",))
              for i in range(3000)]
    orgs = [CorpusEntity(f"org:o{i}", f"Organisation {i}", "ORG") for i in range(800)]
    members: dict[str, list] = {e.id: [] for e in people + orgs}
    events, facts = [], []
    start = date(2020, 1, 1)
    with open_store(path) as store:
        for n in range(articles):
            day = start + timedelta(days=n * 1500 // articles)
            sentences = [_sentence(rng) for _ in range(12)]
            text = " ".join(sentences)
            aid = f"a{n:05d}"
            store.add_article(Article(aid, f"gen/{aid}.txt", text, f"h{n}", title=_sentence(rng, 8),
                                      url=f"https://example.org/{aid}", outlet=OUTLETS[n % len(OUTLETS)],
                                      published=DateRange(day, day, "generated")), text_hash=f"t{n}")
            cast = rng.sample(people, 4) + rng.sample(orgs, 2)
            entities, offsets = [], [0]
            for s in sentences:
                offsets.append(offsets[-1] + len(s) + 1)
            for k, e in enumerate(cast):
                spans = [(offsets[j], offsets[j] + 6) for j in rng.sample(range(12), 3)]
                entities.append(Entity(f"e{k}", e.name, e.type, tuple(Mention(a, b, text[a:b]) for a, b in spans)))
                members[e.id].append((aid, f"e{k}"))
            sentence = lambda j: Mention(offsets[j], offsets[j + 1] - 1, sentences[j])  # noqa: E731
            quotes = tuple(Quote(offsets[j], offsets[j + 1] - 1, sentences[j], "direct",
                                 speaker=Mention(0, 6, "Person"), speaker_entity=f"e{j % 4}") for j in (2, 7))
            times = tuple(TimeExpression(offsets[j], offsets[j] + 5, text[offsets[j]:offsets[j] + 5], "DATE",
                                         day.isoformat(), day, day) for j in (1, 5, 9))
            found = tuple(Event("vote", sentence(j), sentence(j)) for j in (3, 8))
            store.add_analysis(AnalysedArticle(aid, tuple(entities), times, quotes, found), "bench")
            for j in (3, 8):
                ev = Evidence(aid, offsets[j], offsets[j + 1] - 1, sentences[j])
                events.append(MergedEvent(f"v{len(events):06d}", "vote", (("agent", cast[0].id),),
                                          time=DateRange(day, day), reports=(EventReport(ev, "vote", "actual"),)))
            if n % 2 == 0:
                facts.append(ComparedFact(cast[0].id, "age", str(40 + n % 30), "agree" if n % 3 else "conflict",
                                          (Evidence(aid, offsets[4], offsets[5] - 1, sentences[4]),)))
        entities = tuple(CorpusEntity(e.id, e.name, e.type, roles=e.roles, members=tuple(members[e.id]))
                         for e in people + orgs)
        store.set_connected(Connected(entities, tuple(events), tuple(facts)))
        ids = [f"a{n:05d}" for n in range(articles)]
        groups = [ids[:big]] + [ids[i:i + 10] for i in range(big, articles, 10)]
        rows = []
        for k, group in enumerate(groups):
            first = start + timedelta(days=int(group[0][1:]) * 1500 // articles)
            last = start + timedelta(days=int(group[-1][1:]) * 1500 // articles)
            rows.append((Story(f"s{k}", f"Story {k}: {_sentence(rng, 6)}", tuple(group), (OUTLETS[k % 30],),
                               first, last, people=(people[k % 3000].id,)), None, (), len(group)))
        store.save_stories(rows)
        for k, group in enumerate(groups):
            entries = [TimelineEntry((start + timedelta(days=int(a[1:]) * 1500 // articles)).isoformat(),
                                     f"Entry {a}", a, 0, 20, rng.random()) for a in group[:: max(1, len(group) // 20)]]
            store.save_timeline(f"s{k}", "bench", entries)
    return "s0"


def timed(url: str, runs: int) -> tuple[float, float, int]:
    """(median, max) seconds to fetch `url` and its size in bytes, after one warm-up."""
    with httpx.Client(timeout=60) as client:
        size = len(client.get(url).content)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            response = client.get(url)
            response.raise_for_status()
            times.append(time.perf_counter() - t)
    return statistics.median(times), max(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "storyline.sqlite"
        t = time.perf_counter()
        big = fill(db, args.articles, args.big)
        print(f"store: {args.articles} articles, one story of {args.big}, filled in {time.perf_counter() - t:.1f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port",
                                   str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    httpx.get(base + "/favicon.ico")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            story = timed(f"{base}/stories/{big}", args.runs)
            home = timed(f"{base}/", args.runs)
            search = timed(f"{base}/?q=harbour+bridge&sort=size", args.runs)
        finally:
            server.terminate()
            server.wait()
        with open_store(db) as store:
            t = time.perf_counter()
            json_export.build(store)
            reference = time.perf_counter() - t
    print(f"story page ({args.big} articles): median {story[0]:.3f} s, max {story[1]:.3f} s, {story[2] // 1024} KiB "
          f"(target < 1 s) {'PASS' if story[0] < 1 else 'FAIL'}")
    print(f"home page ({args.articles} articles): median {home[0]:.3f} s, max {home[1]:.3f} s, {home[2] // 1024} KiB "
          f"(target < 0.5 s) {'PASS' if home[0] < 0.5 else 'FAIL'}")
    print(f"home page with words, by size: median {search[0]:.3f} s, max {search[1]:.3f} s")
    print(f"reference: building the whole export once (what a page would cost without indexes): {reference:.2f} s")


if __name__ == "__main__":
    main()
