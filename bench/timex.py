"""Benchmark the TIMEX3 tagger on the TempEval-3 dev set with the shared scorer.

usage: python bench/timex.py [--data DIR] [--limit N] [--verbose] [--keep PATH]

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


def anchor_of(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def build_export(docs: list[dict]) -> dict:
    exprs = []
    for d in docs:
        for t in tag(d["text"], anchor_of(d.get("published"))):
            exprs.append({"article_id": d["id"], "start": t.start, "end": t.end, "text": t.text,
                          "type": t.type, "value": t.value, "mod": t.mod})
    return {"articles": [{"id": d["id"], "text": d["text"]} for d in docs], "time_expressions": exprs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "timex")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--verbose", action="store_true", help="pass --verbose to the scorer (error lists)")
    ap.add_argument("--keep", type=Path, default=None, help="also write the export here")
    args = ap.parse_args(argv)
    scorer = args.data.parent.parent / "eval" / "timex.py"
    docs = [json.loads(line) for line in (args.data / "input.jsonl").open(encoding="utf-8") if line.strip()]
    docs = docs[: args.limit] if args.limit else docs
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    export = build_export(docs)
    elapsed = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        ex_path = Path(tmp) / "export.json"
        gold_path = Path(tmp) / "gold.json"
        ex_path.write_text(json.dumps(export), encoding="utf-8")
        ids = {d["id"] for d in docs}
        gold_path.write_text(json.dumps({k: v for k, v in gold.items() if k in ids}), encoding="utf-8")
        if args.keep:
            args.keep.write_text(json.dumps(export), encoding="utf-8")
        cmd = [sys.executable, str(scorer), str(ex_path), str(gold_path)] + (["--verbose"] if args.verbose else [])
        res = subprocess.run(cmd, capture_output=True, text=True)
    print(res.stdout, end="")
    if res.returncode:
        print(res.stderr, end="", file=sys.stderr)
    print(f"throughput        {len(docs) / elapsed:.1f} docs/s ({len(docs)} docs, "
          f"{sum(len(d['text']) for d in docs) / elapsed / 1000:.0f} kchars/s)")
    return res.returncode


if __name__ == "__main__":
    sys.exit(main())
