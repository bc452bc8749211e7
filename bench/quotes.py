"""Score find_quotes on the PolNeAR quotes set with the shared scorer.

usage: python bench/quotes.py [--data DIR] [--limit N] [--keep DIR]

Parses with nlp.pipe (the way a runner would), writes a storyline export and,
for a --limit slice, a gold file trimmed to the same documents (so that the
unread documents do not count as misses), then runs
../shared/eval/quotes.py on them in a subprocess, so the figure printed is
the scorer's own. Throughput is the extraction alone and parse + extraction.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.read.nlp import load_nlp  # noqa: E402
from storyline.read.quotes import find_quotes  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "quotes.py"


def export_quote(doc_id: str, k: int, q) -> dict:
    return {
        "id": f"{doc_id}#q{k}", "article_id": doc_id, "kind": q.kind, "text": q.text,
        "start": q.start, "end": q.end, "content_spans": [list(p) for p in q.content_spans],
        "speaker": q.speaker_entity,
        "speaker_text": q.speaker.text if q.speaker else None,
        "speaker_start": q.speaker.start if q.speaker else None,
        "speaker_end": q.speaker.end if q.speaker else None,
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "quotes"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--keep", help="write export.json and gold.json here instead of a temporary folder")
    args = ap.parse_args()
    data = Path(args.data)
    rows = [json.loads(line) for line in open(data / "input.jsonl", encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    nlp = load_nlp()

    t0 = time.perf_counter()
    extract = 0.0
    articles, quotes = [], []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)):
        t1 = time.perf_counter()
        found = find_quotes(doc)
        extract += time.perf_counter() - t1
        articles.append({"id": row["id"], "title": row.get("title"), "outlet": row.get("outlet")})
        quotes += [export_quote(row["id"], k, q) for k, q in enumerate(found)]
    total = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        (out / "export.json").write_text(json.dumps({"articles": articles, "quotes": quotes}), encoding="utf-8")
        gold_path = data / "gold.json"
        if args.limit:
            ids = {r["id"] for r in rows}
            gold_path = out / "gold.json"
            gold_path.write_text(json.dumps({k: v for k, v in gold.items() if k in ids}), encoding="utf-8")
            # the scorer reads the texts from input.jsonl beside the gold file
            (out / "input.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        res = subprocess.run([sys.executable, str(SCORER), str(out / "export.json"), str(gold_path)],
                             capture_output=True, text=True)
    print(res.stdout, end="")
    if res.returncode:
        print(res.stderr, file=sys.stderr)
        return res.returncode
    chars = sum(len(r["text"]) for r in rows)
    print(f"throughput         {len(rows) / total:.1f} docs/s parse+extract, "
          f"{len(rows) / max(extract, 1e-9):.1f} docs/s extract only "
          f"({len(rows)} docs, {chars / 1e6:.2f} M chars, {len(quotes)} quotes, {total:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
