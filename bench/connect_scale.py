"""Stage 4 at scale: time and peak memory to cluster 1k, 10k and 100k stored articles, and one more.

usage: python bench/connect_scale.py [--sizes 1000,10000,100000] [--one-more 10000] [--keep DIR] [--name-pool]

The corpora are synthetic, made from the 220 analysed dev articles
(bench/stories_data.py): a synthetic story is one dev topic rewritten by
bench/stories_synth.py (every person, place and organisation replaced by
invented ones, years shifted) and given a publication day in a three-year
span; people's surnames are drawn by Zipf's law from 100,000 invented ones
(`Surnames`: a few recur across many stories, most belong to one; --name-pool
cycles the 50 surnames of the fit's twins instead, as this bench did before
s25: every surname then recurs in one story of 50, so that, at 100k articles,
2,500 full names stand for every person); its articles are that topic's dev articles so rewritten, published
within two weeks of that day. Stage-3 records are rewritten alongside, so no
article is read again. Embeddings are treated as what they are in a real
run, per-article features cached in the store: each synthetic article gets
its source article's cached vectors plus small noise (so no two are equal),
and stage 4 never encodes. Each size runs in its own process, timing
`run.stories.cluster_new` on a filled store (loading, profiles, clustering,
saving; not the filling), then `run.local.connect` (people, merged events,
facts and stage-4 dates over the whole store; --stories-only leaves it out),
and reading the peak resident memory of that process. The reference is the same code at 1k: the growth
exponent is the slope of log(time) against log(articles), for wall time and
for the process's CPU time (on a machine shared with other jobs, wall time
also measures their load). --one-more adds
one article to a store of that size, clustered and connected as a run leaves it, and times stage 4 for it alone,
then once more with nothing new. --keep DIR fills each store once, into DIR, and copies it on later runs. Each size also prints the B-cubed
score of the stories found against the synthetic ones, a check of quality
at scale and not a tuned figure: a harsh one, since the synthetic stories of
one topic are rewrites of the same few dev texts (the same words and nearly
the same embeddings, other names and years; names that occur in several dev
topics are kept), so only names and dates tell them apart. Each
figure is printed beside its acceptance bound (issue 12: 100k articles under
10 minutes and 4 GB on the 2-core machine, exponent at most 1.2, one new
article into a 10k store under 1 s).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from stories_data import Embeddings, bcubed, load_dev  # noqa: E402
from stories_synth import shared_names, Surnames, Twinner  # noqa: E402
from storyline.connect.stories.embed import BODY_MODEL, HEAD_MODEL  # noqa: E402
from storyline.read import VERSION  # noqa: E402
from storyline.records import DateRange  # noqa: E402
from storyline.run.local import connect  # noqa: E402
from storyline.run.stories import cluster_new  # noqa: E402
from storyline.store import open_store  # noqa: E402

START = date(2019, 1, 1)
MAX_SECONDS_100K = 600.0
MAX_MB = 4096.0
MAX_EXPONENT = 1.2
MAX_ONE_MORE_S = 1.0


def fill(db: Path, n: int, seed: int = 1, zipf: bool = True) -> dict[str, str]:
    """Write n synthetic analysed articles with cached embeddings into the store `db`, people's surnames drawn by
    Zipf's law (`zipf`) or cycled from 50; returns each article's synthetic story (the rewritten group it came
    from)."""
    rng = random.Random(seed)
    dev = load_dev()
    vectors = Embeddings().vectors([d.article for d in dev])
    topics: dict[str, list] = {}
    for d in dev:
        topics.setdefault(d.label, []).append(d)
    keep = shared_names([[(d.article, d.analysis) for d in g] for g in topics.values()])
    surnames = Surnames() if zipf else None
    labels = sorted(topics)
    made, story = 0, {}
    with open_store(db) as store:
        while made < n:
            group = topics[rng.choice(labels)]
            members = rng.sample(group, min(len(group), rng.randint(1, 12), n - made))
            twin = Twinner([(d.article, d.analysis) for d in members], rng, rng.randint(-8, 8), keep, surnames)
            day = START + timedelta(days=rng.randrange(3 * 365))
            body, head, gid = [], [], f"g{made}"
            for d in members:
                aid = f"x{made:07d}"
                when = day + timedelta(days=rng.randrange(14))
                article = twin.article(d.article, aid)
                article = replace(article, published=DateRange(when, when, "synthetic"))
                store.add_article(article)
                store.add_analysis(twin.analysis(d.analysis, aid), VERSION)
                b, h = vectors[d.article.id]
                noisy = [v + np.random.default_rng(made).normal(0, 0.02, v.shape).astype(np.float32) for v in (b, h)]
                body.append((aid, (noisy[0] / np.linalg.norm(noisy[0])).tobytes()))
                head.append((aid, (noisy[1] / np.linalg.norm(noisy[1])).tobytes()))
                story[aid] = gid
                made += 1
            store.add_embeddings(BODY_MODEL, body)
            store.add_embeddings(HEAD_MODEL, head)
    return story


def filled(db: Path, n: int, seed: int, keep: Path | None, zipf: bool = True) -> dict[str, str]:
    """`fill(db, n, seed)`, or, with `keep`, a copy of the store filled once into `keep` (filled there the first
    time: a store is the same for the same n, seed, surnames and stage-3 version)."""
    if keep is None:
        return fill(db, n, seed, zipf)
    name = f"fill-{n}-{seed}-{VERSION}" + ("" if zipf else "-pool")
    kept, truth = keep / f"{name}.sqlite", keep / f"{name}.json"
    if not truth.exists():
        keep.mkdir(parents=True, exist_ok=True)
        kept.unlink(missing_ok=True)
        truth.write_text(json.dumps(fill(kept, n, seed, zipf)))
    shutil.copyfile(kept, db)
    return json.loads(truth.read_text())


def one_size(n: int, with_connect: bool = True, keep: Path | None = None, zipf: bool = True) -> dict:
    """Fill a store of n articles (`filled`) and time stage 4 over it (stories, then, `with_connect`, the
    connect step: people, merged events, facts and stage-4 dates over the whole store); runs in a child
    process of its own."""
    db = Path(tempfile.mkdtemp(prefix=f"scale-{n}-")) / "s.sqlite"
    truth = filled(db, n, 1, keep, zipf)
    with open_store(db) as store:
        filled_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t, cpu = time.perf_counter(), time.process_time()
        cluster_new(store)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        stories = store.db.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL").fetchone()[0]
        found = dict(store.db.execute("SELECT article_id, story_id FROM story_members"))
        clustered_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t, connect_cpu = time.perf_counter(), time.process_time()
        if with_connect:
            connect(store)
        connect_s, connect_cpu = time.perf_counter() - t, time.process_time() - connect_cpu
    shutil.rmtree(db.parent, ignore_errors=True)
    p, r, f1 = bcubed(found, truth)
    return {"n": n, "seconds": seconds, "cpu": cpu, "stories": stories, "true_stories": len(set(truth.values())),
            "p": p, "r": r, "f1": f1, "fill_peak_mb": filled_mb, "clustered_mb": clustered_mb,
            "connect_s": connect_s if with_connect else None, "connect_cpu": connect_cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--one-more", type=int, default=10000, help="store size for the one-more-article timing (0: skip)")
    ap.add_argument("--stories-only", action="store_true", help="time the stories step alone, not connect")
    ap.add_argument("--keep", type=Path, help="folder keeping the filled stores for later runs (filled on first use)")
    ap.add_argument("--name-pool", action="store_true",
                    help="surnames cycled from the 50 of bench/stories_synth.py (the corpora before s25)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(one_size(args.child, not args.stories_only, args.keep, not args.name_pool)))
        return
    print("corpora: dev topics rewritten as synthetic stories (names, places, organisations replaced, years "
          "shifted, one day in 2019-2021 each; surnames " + ("cycled from 50" if args.name_pool else "by Zipf's law")
          + "), per-article embeddings with noise; stage 4 only, never encoding")
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(n)] + ["--stories-only"] * args.stories_only
                             + ["--keep", str(args.keep)] * bool(args.keep) + ["--name-pool"] * args.name_pool,
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['n']:>7} articles: stories {r['seconds']:7.1f} s ({1000 * r['seconds'] / r['n']:.2f} ms/article; "
              f"CPU {r['cpu']:.1f} s), peak RSS {r['clustered_mb']:.0f} MB (after filling: {r['fill_peak_mb']:.0f} MB), "
              f"{r['stories']} stories (synthetic: {r['true_stories']}; B-cubed P {r['p']:.3f} R {r['r']:.3f} "
              f"F1 {r['f1']:.3f})", flush=True)
        if r["connect_s"] is not None:
            print(f"{'':>17}connect {r['connect_s']:7.1f} s ({1000 * r['connect_s'] / r['n']:.2f} ms/article; "
                  f"CPU {r['connect_cpu']:.1f} s); "
                  f"stage 4 in all {r['seconds'] + r['connect_s']:.1f} s, peak RSS {r['peak_mb']:.0f} MB", flush=True)
        print(f"{'':>17}{_verdict(r)}", flush=True)
    if len(rows) > 1:
        x = np.log([r["n"] for r in rows])
        series = [("stories wall", [r["seconds"] for r in rows]), ("stories CPU", [r["cpu"] for r in rows])]
        if all(r["connect_s"] is not None for r in rows):
            series += [("connect wall", [r["connect_s"] for r in rows]),
                       ("stage 4 wall", [r["seconds"] + r["connect_s"] for r in rows])]
        for what, times in series:
            slope = float(np.polyfit(x, np.log(times), 1)[0])
            print(f"growth exponent of {what} time (slope of log time on log "
                  f"articles, {rows[0]['n']}..{rows[-1]['n']}): {slope:.2f} "
                  f"(acceptance <= {MAX_EXPONENT}: {'ok' if slope <= MAX_EXPONENT else 'FAILS'})")
    if args.one_more:
        print(one_more(args.one_more, not args.stories_only, args.keep, not args.name_pool))


def _verdict(r: dict) -> str:
    """The acceptance bounds for a row: peak memory at every size, time at 100k articles."""
    timed = r["n"] >= 100_000
    seconds = r["seconds"] + (r["connect_s"] or 0)
    ok = r["peak_mb"] <= MAX_MB and (not timed or seconds <= MAX_SECONDS_100K)
    bounds = f"{MAX_SECONDS_100K:.0f} s and {MAX_MB:.0f} MB" if timed else f"{MAX_MB:.0f} MB"
    what = "stories alone" if r["connect_s"] is None else "stage 4 in all"
    return f"acceptance for {what}, {bounds}: {'ok' if ok else 'FAILS'}"


def one_more(n: int, with_connect: bool = True, keep: Path | None = None, zipf: bool = True) -> str:
    """Stage 4 for one new article added to a store of n clustered articles."""
    work = Path(tempfile.mkdtemp(prefix=f"scale-one-{n}-"))
    db = work / "s.sqlite"
    filled(db, n + 1, 2, keep, zipf)
    with open_store(db) as store:
        (last,) = store.db.execute("SELECT id FROM articles ORDER BY seq DESC LIMIT 1").fetchone()
        row = store.db.execute("SELECT * FROM articles WHERE id = ?", (last,)).fetchone()
        cols = [c[1] for c in store.db.execute("PRAGMA table_info(articles)")]
        analysis = store.db.execute("SELECT version, data FROM analyses WHERE article_id = ?", (last,)).fetchone()
        vecs = store.db.execute("SELECT model, vector FROM embeddings WHERE article_id = ?", (last,)).fetchall()
        store.remove_article(last)          # set the last article aside, cluster and connect the n others, put it back
        cluster_new(store)
        first_s = 0.0
        if with_connect:
            t = time.perf_counter()
            connect(store)                  # the store as an earlier run left it: connected
            first_s = time.perf_counter() - t
        with store.db:
            store.db.execute(f"INSERT INTO articles ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", row)
            store.db.execute("INSERT INTO analyses (article_id, version, data) VALUES (?, ?, ?)", (last, *analysis))
            store.db.executemany("INSERT INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                                 [(last, m, v) for m, v in vecs])
        t = time.perf_counter()
        placed = cluster_new(store)
        seconds = time.perf_counter() - t
        t, cpu = time.perf_counter(), time.process_time()
        if with_connect:
            connect(store)
        connect_s, cpu = time.perf_counter() - t, time.process_time() - cpu
        t = time.perf_counter()             # and once more with nothing new: what a repeated run costs
        cluster_new(store)
        if with_connect:
            connect(store)
        again_s = time.perf_counter() - t
    shutil.rmtree(work, ignore_errors=True)
    line = f"one more article into a store of {n} clustered articles: stories {seconds:.3f} s (placed {placed})"
    if with_connect:
        line += (f", connect {connect_s:.3f} s, CPU {cpu:.3f} s (the parts of the stories whose articles changed recomputed; "
                 f"connecting the {n} before it took {first_s:.1f} s)")
    total = seconds + connect_s
    return line + (f"; acceptance < {MAX_ONE_MORE_S:.0f} s: {'ok' if total < MAX_ONE_MORE_S else 'FAILS'}\n"
                   f"stage 4 again on that store, nothing new: {again_s:.3f} s")


if __name__ == "__main__":
    main()
