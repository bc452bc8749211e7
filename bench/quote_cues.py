"""Learn which (lemma, relation) pairs are attribution cues, from PolNeAR gold.

Why learned: PolNeAR's annotators marked far more than verbs of saying
("endorsed", "called for", "vowed to", "mocked"), and whether such a word
introduces an attribution depends on how often it does in news text, which a
count answers better than intuition. The extractor is run with every pair
accepted; each candidate it produces is checked against the gold (content
token Jaccard >= 0.5 with a gold quote and the speaker right, as the scorer
counts it); a pair's weight is its share of right candidates, smoothed
towards zero so that rare pairs need evidence. The result is written to
src/storyline/read/quote_cues.json; cues.THRESHOLD decides which pairs the
extractor uses.

usage: python bench/quote_cues.py [--data DIR] [--half even|odd] [--cache FILE.spacy] [--out FILE]
  --half   learn from every other document only, to measure on the other half
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import DocBin  # noqa: E402

from storyline.read.quotes import finder as Q  # noqa: E402
from storyline.read.quotes.cues import THRESHOLD  # noqa: E402
from storyline.read.nlp import load_nlp  # noqa: E402

WORD = re.compile(r"\w+")
PRIOR = 2.0          # pseudo-count of wrong candidates: a pair seen once right weighs 1/3


def word_starts(text: str, spans, starts: list[int], ends: list[int]) -> frozenset[int]:
    import bisect
    out: set[int] = set()
    for a, b in spans:
        lo = bisect.bisect_right(ends, a)
        hi = bisect.bisect_left(starts, b)
        out.update(range(lo, hi))
    return frozenset(out)


def parse(rows, cache: Path | None):
    nlp = load_nlp()
    if cache and cache.exists():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    if cache:
        db = DocBin()
        for d in docs:
            db.add(d)
        cache.write_bytes(db.to_bytes())
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "quotes"))
    ap.add_argument("--half", choices=("even", "odd"))
    ap.add_argument("--cache")
    ap.add_argument("--out", default=str(ROOT / "src" / "storyline" / "read" / "quote_cues.json"))
    args = ap.parse_args()
    data = Path(args.data)
    rows = [json.loads(line) for line in open(data / "input.jsonl", encoding="utf-8") if line.strip()]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    docs = parse(rows, Path(args.cache) if args.cache else None)
    pairs = list(zip(rows, docs))
    if args.half:
        pairs = pairs[0::2] if args.half == "even" else pairs[1::2]
    right: collections.Counter = collections.Counter()
    seen: collections.Counter = collections.Counter()
    for row, doc in pairs:
        text = row["text"]
        starts = [m.start() for m in WORD.finditer(text)]
        ends = [m.end() for m in WORD.finditer(text)]
        golds = []
        for g in gold.get(row["id"], []):
            sp = word_starts(text, [tuple(s) for s in g["content"]], starts, ends)
            spk = word_starts(text, [tuple(g["speaker"])], starts, ends) if g.get("speaker") else None
            golds.append((sp, spk))
        drafts, regions = Q._drafts(doc, lambda lemma, dep: True)
        for d in drafts:
            q = Q._to_quote(doc, d, regions)
            toks = word_starts(text, q.content_spans, starts, ends)
            spk = word_starts(text, [(q.speaker.start, q.speaker.end)], starts, ends) if q.speaker else None
            best, ok = 0.0, False
            for gt, gs in golds:
                inter = len(gt & toks)
                if not inter:
                    continue
                jac = inter / len(gt | toks)
                good = (gs is None and spk is None) or (gs is not None and spk is not None and bool(gs & spk))
                if (jac, good) > (best, ok):
                    best, ok = jac, good
            lemma, key = d.key.split(" ", 1)
            seen[(lemma, key)] += 1
            right[(lemma, key)] += best >= 0.5 and ok
    weights = {f"{lemma} {key}": round(right[(lemma, key)] / (n + PRIOR), 3)
               for (lemma, key), n in seen.items()
               if key not in ("region", "inverted") and (right[(lemma, key)] >= 2 or n >= 4)}
    weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])))
    Path(args.out).write_text(json.dumps(weights, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} pairs written to {args.out}; {sum(v >= THRESHOLD for v in weights.values())} at >= {THRESHOLD}")


if __name__ == "__main__":
    main()
