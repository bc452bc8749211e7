"""Score find_quotes on the PolNeAR quotes set with the shared scorer.

usage: python bench/quotes.py [--data DIR] [--limit N] [--keep DIR] [--held-out]

--held-out adds the honest figure for the learned cue lexicon: the cues are
learned (bench/quote_cues.py's `learn`) on the odd-numbered documents and the
even ones are scored with them, then the other way round; the two exports
are scored together against the whole gold. The main figure uses
quote_cues.json, which was learned on all of the dev set.

When textacy is installed (`make bench` installs requirements-bench.lock),
the baseline of ../shared/data/README.md runs on the same documents in the
same run: textacy 0.13.0 `direct_quotations` on the bare spaCy model, one
paragraph at a time; the ratio of the two end-to-end F1s is printed last.

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

import functools  # noqa: E402

from storyline.read.nlp import load_nlp  # noqa: E402
from storyline.read.quotes import cues  # noqa: E402
from storyline.read.quotes.drafts import to_quote  # noqa: E402
from storyline.read.quotes.finder import _drafts, find_quotes  # noqa: E402

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


def textacy_quotes(rows: list[dict]) -> list[dict] | None:
    """The published baseline: textacy's direct quotations, paragraph by paragraph."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = load_nlp(fixes=False)
    quotes = []
    for row in rows:
        text, offset = row["text"], 0
        for para in text.split("\n"):
            try:   # textacy refuses a paragraph with an unclosed quotation mark: no quotes there
                found = list(direct_quotations(nlp(para))) if para.strip() else []
            except ValueError:
                found = []
            if found:
                for speaker, cue, content in found:
                    def span(tokens):
                        return (offset + min(t.idx for t in tokens), offset + max(t.idx + len(t) for t in tokens)) \
                            if tokens else (None, None)
                    s0, s1 = span(list(speaker))
                    c0, c1 = span(list(cue))
                    quotes.append({"id": f"{row['id']}#t{len(quotes)}", "article_id": row["id"], "kind": "direct",
                                   "text": content.text, "start": offset + content.start_char,
                                   "end": offset + content.end_char, "speaker_start": s0, "speaker_end": s1,
                                   "speaker_text": " ".join(t.text for t in speaker), "cue_start": c0, "cue_end": c1})
            offset += len(para) + 1
    return quotes


def held_out_quotes(rows: list[dict], docs: list, gold: dict) -> list[dict]:
    """Quotes of the even documents with cues learned on the odd ones, and the other way round."""
    sys.path.insert(0, str(ROOT / "bench"))
    from quote_cues import learn
    pairs = list(zip(rows, docs))
    quotes = []
    for scored, learned in ((pairs[0::2], pairs[1::2]), (pairs[1::2], pairs[0::2])):
        accept = functools.partial(cues.is_cue, weights=cues.weights_of(learn(learned, gold)))
        for row, doc in scored:
            drafts, regions = _drafts(doc, accept)
            quotes += [export_quote(row["id"], k, to_quote(doc, d, regions)) for k, d in enumerate(drafts)]
    return quotes


def score(out: Path, name: str, articles: list[dict], quotes: list[dict], gold_path: Path):
    (out / name).write_text(json.dumps({"articles": articles, "quotes": quotes}), encoding="utf-8")
    return subprocess.run([sys.executable, str(SCORER), str(out / name), str(gold_path)], capture_output=True, text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "quotes"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--keep", help="write export.json and gold.json here instead of a temporary folder")
    ap.add_argument("--held-out", action="store_true", help="also learn cues on one half, score the other")
    args = ap.parse_args()
    data = Path(args.data)
    rows = [json.loads(line) for line in open(data / "input.jsonl", encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    nlp = load_nlp()

    t0 = time.perf_counter()
    extract = 0.0
    articles, quotes, docs = [], [], []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16)):
        t1 = time.perf_counter()
        found = find_quotes(doc)
        extract += time.perf_counter() - t1
        articles.append({"id": row["id"], "title": row.get("title"), "outlet": row.get("outlet")})
        quotes += [export_quote(row["id"], k, q) for k, q in enumerate(found)]
        if args.held_out:
            docs.append(doc)
    total = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        gold_path = data / "gold.json"
        if args.limit:
            ids = {r["id"] for r in rows}
            gold_path = out / "gold.json"
            gold_path.write_text(json.dumps({k: v for k, v in gold.items() if k in ids}), encoding="utf-8")
            # the scorer reads the texts from input.jsonl beside the gold file
            (out / "input.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        res = score(out, "export.json", articles, quotes, gold_path)
        held = score(out, "held_out.json", articles, held_out_quotes(rows, docs, gold), gold_path) \
            if args.held_out else None
        baseline = textacy_quotes(rows)
        base = score(out, "textacy.json", articles, baseline, gold_path) if baseline is not None else None
    print(res.stdout, end="")
    if held is not None:
        print(f"held out (cues learned on the other half of the documents): {held.stdout.strip().splitlines()[-1]}")
    if res.returncode:
        print(res.stderr, file=sys.stderr)
        return res.returncode
    chars = sum(len(r["text"]) for r in rows)
    print(f"throughput         {len(rows) / total:.1f} docs/s parse+extract, "
          f"{len(rows) / max(extract, 1e-9):.1f} docs/s extract only "
          f"({len(rows)} docs, {chars / 1e6:.2f} M chars, {len(quotes)} quotes, {total:.1f} s)")
    if base is None:
        print("textacy baseline: not installed (make bench installs it)")
        return 0
    ours, theirs = _main_figure(res.stdout), _main_figure(base.stdout)
    print(f"textacy direct_quotations, same documents: {base.stdout.strip().splitlines()[-1]}")
    print(f"ratio storyline/textacy end-to-end F1: {ours / theirs:.2f}" if theirs else "textacy scored 0")
    return 0


def _main_figure(stdout: str) -> float:
    return float(stdout.strip().splitlines()[-1].split()[1])


if __name__ == "__main__":
    sys.exit(main())
