"""Sentence embeddings on a GPU beside the CPU: same vectors within tolerance, same stories, speed.

usage: python bench/embed_device.py [--store STORE] [--scale N]

Issue 15 asks that embeddings run on a GPU when one is present (the torch
device is chosen at run time by `connect.stories.embed.device`), with the
same results within a tolerance, and that nothing requires one. This bench
checks exactly that on one machine:

1. the (headline + lead, headline) texts of every article of an analysed
   store (default: ../shared/data/clustering analysed into a temporary
   folder by `storyline run`) are encoded on the CPU and on CUDA;
2. it prints the largest element difference and the smallest cosine between
   the two vectors of each text;
3. stage 4 (`run.stories.cluster_new`, the code `storyline run` calls)
   clusters the articles once with each set of vectors, each time into a
   fresh store; it prints how
   many articles' stories differ (B-cubed F1 of one grouping against the
   other: 1.0 is the same grouping);
4. it times encoding on each device (texts/s), the GPU also over `--scale`
   texts (the store's texts repeated, each numbered so that no two are the
   same string).

Without a CUDA device it prints the CPU figures and says so (exit 0).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT.parent / "shared" / "data" / "clustering" / "input.jsonl"


def analysed(store: str | None) -> Path:
    """An analysed store: `store` when given, else the dev clustering set run into a temp folder."""
    if store:
        return Path(store)
    out = Path(tempfile.mkdtemp(prefix="embed-device-")) / "run"
    subprocess.run([sys.executable, "-m", "storyline.cli", "run", str(INPUT), "--out", str(out), "--quiet"],
                   check=True)
    return out / "storyline.sqlite"


def timed_encode(texts: list[str], on: str) -> tuple[np.ndarray, float]:
    """(vectors, texts per second), after one warm-up batch so that model loading is not counted."""
    from storyline.connect.stories import embed
    embed.encode(texts[:64], on=on)
    if on.startswith("cuda"):
        import torch
        torch.cuda.synchronize()
    start = time.perf_counter()
    vectors = embed.encode(texts, batch_size=256 if on.startswith("cuda") else 32, on=on)
    return vectors, len(texts) / (time.perf_counter() - start)


def grouping(articles, analyses, vectors: dict[str, tuple[np.ndarray, np.ndarray]]) -> dict[str, str]:
    """Article id -> live story id after stage 4 as `storyline run` does it (`run.stories.cluster_new`)
    on a fresh store holding the same articles and analyses, with the given vectors."""
    from storyline.read import VERSION
    from storyline.run.stories import cluster_new
    from storyline.store import open_store
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "storyline.sqlite") as store:
        for a in articles:
            store.add_article(a)
            if a.id in analyses:
                store.add_analysis(analyses[a.id], VERSION)
        cluster_new(store, vectors=lambda _store, batch: {a.id: vectors[a.id] for a in batch})
        return {aid: s.id for s in store.stories() for aid in s.article_ids}


def bcubed_f1(a: dict[str, str], b: dict[str, str]) -> float:
    """B-cubed F1 (Bagga and Baldwin 1998) of grouping `a` against grouping `b` (1.0: identical)."""
    groups_a, groups_b = defaultdict(set), defaultdict(set)
    for k, v in a.items():
        groups_a[v].add(k)
    for k, v in b.items():
        groups_b[v].add(k)
    p = np.mean([len(groups_a[a[k]] & groups_b[b[k]]) / len(groups_a[a[k]]) for k in a])
    r = np.mean([len(groups_a[a[k]] & groups_b[b[k]]) / len(groups_b[b[k]]) for k in a])
    return float(2 * p * r / (p + r))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="an analysed storyline.sqlite (default: analyse the dev clustering set)")
    ap.add_argument("--scale", type=int, default=20000, help="texts for the GPU throughput figure")
    args = ap.parse_args(argv)

    import torch
    from storyline.connect.stories import embed
    from storyline.read import VERSION
    from storyline.store import open_store
    with open_store(analysed(args.store)) as store:
        articles = list(store.articles())          # arrival order, as stage 4 reads them
        analyses = store.analyses_of([a.id for a in articles], VERSION)
    pairs = [embed.article_texts(a) for a in articles]
    texts = [t for pair in pairs for t in pair]
    print(f"articles {len(articles)} ({len(analyses)} with a stage-3 analysis of this build), "
          f"texts {len(texts)}; torch {torch.__version__}")

    cpu, cpu_rate = timed_encode(texts, "cpu")
    print(f"cpu: {cpu_rate:.1f} texts/s ({torch.get_num_threads()} threads)")
    if not torch.cuda.is_available():
        print("no CUDA device here: GPU figures not measured (stage 4 runs on the CPU)")
        return 0
    print(f"device chosen at run time: {embed.device()} ({torch.cuda.get_device_name(0)})")
    gpu, gpu_rate = timed_encode(texts, "cuda")
    print(f"cuda: {gpu_rate:.1f} texts/s on the same texts ({gpu_rate / cpu_rate:.1f}x the CPU)")
    print(f"largest element difference {np.abs(cpu - gpu).max():.2e}; "
          f"smallest cosine cpu vs cuda {(cpu * gpu).sum(axis=1).min():.6f}")

    def by_article(v: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {a.id: (v[2 * i], v[2 * i + 1]) for i, a in enumerate(articles)}
    on_cpu, on_gpu = grouping(articles, analyses, by_article(cpu)), grouping(articles, analyses, by_article(gpu))
    moved = sum(1 for k in on_cpu if {j for j in on_cpu if on_cpu[j] == on_cpu[k]}
                != {j for j in on_gpu if on_gpu[j] == on_gpu[k]})
    print(f"stories: cpu {len(set(on_cpu.values()))}, cuda {len(set(on_gpu.values()))}; "
          f"articles whose story differs {moved}; B-cubed F1 of one grouping against the other "
          f"{bcubed_f1(on_gpu, on_cpu):.4f}")

    many = [f"{texts[i % len(texts)]} ({i})" for i in range(args.scale)]
    _, rate = timed_encode(many, "cuda")
    print(f"cuda at scale: {args.scale} texts at {rate:.1f} texts/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
