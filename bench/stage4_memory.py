"""Peak memory and time of each stage-4 step on a store filled by an earlier run (e.g. `throughput.py --keep`).

    .venv/bin/python bench/stage4_memory.py STORE [--recompute]

The store is copied to a temporary folder first (it is migrated and written). Each step runs as
`storyline run` runs it (pipeline.run): stories for articles in none, connect, timelines, export. After
each step the process's peak RSS since the previous step (VmHWM, reset through /proc/self/clear_refs)
and its RSS are printed, in MiB. `--recompute` drops the stored connect parts and timelines first, so
that connect and timelines redo every story as on a first run. Linux only (/proc).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _memory() -> str:
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    Path("/proc/self/clear_refs").write_text("5")          # VmHWM starts again from the current RSS
    mib = {k: int(status[k].split()[0]) / 1024 for k in ("VmHWM", "VmRSS")}
    return f"peak {mib['VmHWM']:,.0f} MiB, after {mib['VmRSS']:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--recompute", action="store_true", help="drop connect parts and timelines first")
    args = parser.parse_args()
    from storyline import pipeline
    from storyline.run import local
    from storyline.store import open_store
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "storyline.sqlite"
        shutil.copyfile(args.store, copy)
        with open_store(copy) as store:
            if args.recompute:
                store.drop_connect_parts(sorted(store.connect_part_keys()))
                store.drop_timelines(set(store.timeline_keys()))
            print(f"opened {args.store}: {_memory()}", flush=True)
            steps = [("cluster_stories", lambda: local.cluster_stories(store)),
                     ("connect", lambda: local.connect(store)),
                     ("attach_timelines", lambda: local.attach_timelines(store, local.stored_stories(store))),
                     ("export", lambda: pipeline._write(store, Path(tmp) / "out"))]
            for name, step in steps:
                start = time.perf_counter()
                step()
                print(f"{name:<17} {time.perf_counter() - start:7.1f} s   {_memory()}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
