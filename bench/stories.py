"""Story clustering on the dev clustering set: our stage 4 beside the TF-IDF average-link baseline.

usage: python bench/stories.py [--halves] [--full]

Default: stage 4 (run/stories.py, the code `storyline run` calls) over an
analysed store of ../shared/data/clustering/input.jsonl (a copy, stories
removed, of bench/.cache/clustering, made by bench/stories_data.py), then
the exporter, then ../shared/eval/clustering.py; the baseline (TF-IDF with
English stop words and sublinear tf over title + text, average-link cosine
agglomerative clustering cut at 0.95, ../shared/data/README.md) is clustered
in the same run and scored by the same scorer.

--halves: the incremental check. The first half of the input (input order)
is clustered into one store, then the second half is added and clustered
into the same store, as `storyline run half1 --out D; storyline run half2
--out D` does; prints how many first-half articles changed story (and
whether only by merges: the old story id resolves to the new one) and the
final score beside the one-run score, each with the acceptance bound
(issue 12: at most 5% moved, only by merges; final F1 within 0.02 of one run).

--full: run the whole pipeline (`storyline run`, stages 1-4) instead of
reusing the analysed store (minutes: stage 3 reads every article).

Leave-topics-out and same-kind figures: bench/stories_fit.py; the misplaced articles one by one, with
the candidates each was given: bench/stories_errors.py.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_data import DATA, ROOT, analysed_store, baseline, load_dev  # noqa: E402
from storyline import pipeline  # noqa: E402
from storyline.read import VERSION  # noqa: E402
from storyline.run.stories import cluster_new  # noqa: E402
from storyline.store import open_store  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "clustering.py"
GOLD = DATA / "gold.json"
MAX_MOVED = 0.05          # issue 12: share of first-half articles that may change story in --halves
MAX_F1_DROP = 0.02        # issue 12: halves F1 within this of one run
TARGET_F1 = 0.95          # issue 12: event B-cubed F1 on ../shared/data/clustering


def score(export: Path) -> str:
    out = subprocess.run([sys.executable, str(SCORER), str(export), str(GOLD)], capture_output=True, text=True,
                         check=True).stdout
    return out.strip().splitlines()[-1]


def f1_of(line: str) -> float:
    return float(line.split()[1])


def ours(work: Path, full: bool) -> tuple[Path, float]:
    """Stage 4 over the analysed store (or the whole pipeline); returns the store and stage-4 seconds."""
    if full:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "storyline.cli", "run", str(DATA / "input.jsonl"), "--out",
                        str(work), "--quiet"], check=True)
        return work / "storyline.sqlite", time.perf_counter() - t
    db = analysed_store(work)
    with open_store(db) as store:
        t = time.perf_counter()
        cluster_new(store)
        return db, time.perf_counter() - t


def baseline_export(work: Path) -> Path:
    docs = load_dev(work / "base")
    groups: dict[str, list[str]] = {}
    for aid, k in baseline(docs).items():
        groups.setdefault(k, []).append(aid)
    export = {"articles": [{"id": d.article.id} for d in docs],
              "stories": [{"id": k, "article_ids": v} for k, v in groups.items()]}
    path = work / "baseline.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    return path


def halves(work: Path, full_db: Path) -> float:
    """Feed the dev set as two halves into one store; report moved articles and the final score."""
    order = [json.loads(line)["id"] for line in (DATA / "input.jsonl").open(encoding="utf-8")]
    first = set(order[: len(order) // 2])
    db = work / "halves.sqlite"
    from storyline.connect.stories.embed import BODY_MODEL, HEAD_MODEL
    with open_store(full_db) as src, open_store(db) as store:
        rank = {aid: i for i, aid in enumerate(order)}
        articles = sorted(src.articles(), key=lambda a: rank[a.id])
        for part in ([a for a in articles if a.id in first], [a for a in articles if a.id not in first]):
            ids = [a.id for a in part]
            for a in part:
                store.add_article(a)
                store.add_analysis(src.analysis(a.id, VERSION), VERSION)
            for model in (BODY_MODEL, HEAD_MODEL):      # embeddings are cached per article: reuse them
                store.add_embeddings(model, src.embeddings(ids, model).items())
            cluster_new(store)
            if part[0].id in first:
                before = {aid: store.story_of(aid) for aid in ids}
        after = {aid: store.story_of(aid) for aid in before}
        moved = [aid for aid in before if after[aid] != before[aid]]
        by_merge = sum(1 for aid in moved if store.story(before[aid]).id == after[aid])
    pipeline.export(db, work / "halves")
    line = score(work / "halves" / "export.json")
    share = len(moved) / len(before)
    verdict = "ok" if share <= MAX_MOVED and by_merge == len(moved) else "FAILS"
    print(f"halves: {len(moved)}/{len(before)} first-half articles changed story "
          f"({100 * share:.1f}%; {by_merge} of them by a merge; acceptance <= {100 * MAX_MOVED:.0f}%, "
          f"merges only: {verdict})")
    print(f"halves:   {line}")
    return f1_of(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--halves", action="store_true", help="also feed the set as two halves into one store")
    ap.add_argument("--full", action="store_true", help="run stages 1-4 instead of reusing an analysed store")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-clustering-"))
    try:
        db, seconds = ours(work, args.full)
        pipeline.export(db, work / "ours")
        ours_line = score(work / "ours" / "export.json")
        base_line = score(baseline_export(work))
        print(f"stage 4: {seconds:.1f} s for 220 articles (embeddings included)")
        print(f"baseline: {base_line}")
        print(f"ours:     {ours_line}")
        print(f"event F1: ours {f1_of(ours_line):.4f} vs baseline {f1_of(base_line):.4f} "
              f"(acceptance >= {TARGET_F1})")
        if args.halves:
            f1 = halves(work, db)
            print(f"one run:  {ours_line}")
            gap = f1_of(ours_line) - f1
            print(f"halves F1 {f1:.4f} vs one run {f1_of(ours_line):.4f}: {gap:+.4f} "
                  f"({'ok' if abs(gap) <= MAX_F1_DROP else 'FAILS'}: within {MAX_F1_DROP})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
