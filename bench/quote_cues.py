"""Learn which (lemma, relation) pairs are attribution cues, from PolNeAR gold.

Why learned: PolNeAR's annotators marked far more than verbs of saying
("vowed to", "called for", "cited"), and whether such a word introduces an
attribution depends on how often it does in news text, which a count answers
better than intuition. Each candidate the extractor produces is checked
against the gold (content token Jaccard >= 0.5 with a gold quote and the
speaker right, as the scorer counts it); a pair's weight is its share of
right candidates, smoothed towards zero so that rare pairs need evidence.

Round 0 runs the extractor with every pair accepted, so that every pair is
seen. A pair's share there is not its share in use: with every pair on, a
junk cue's content swallows a good one nested in it (only the outermost
attribution is kept) and the other way round. So each further round runs the
extractor with the pairs the weights so far accept and re-weighs those pairs
from what they produce in that company; pairs left out keep their round-0
weight. The judging verbs of `cues.STANCE` are never cues of a noun-phrase
object, whatever their weight.

The result is written to src/storyline/read/quotes/quote_cues.json;
cues.THRESHOLD decides which pairs the extractor uses. `bench/quotes.py
--held-out` learns on one half of the documents and scores the other.

usage: python bench/quote_cues.py [--data DIR] [--half even|odd] [--cache FILE.spacy] [--rounds N] [--out FILE]
  --half   learn from every other document only, to measure on the other half
"""
from __future__ import annotations

import argparse
import bisect
import collections
import functools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import DocBin  # noqa: E402

from storyline.read.nlp import load_nlp  # noqa: E402
from storyline.read.quotes import cues  # noqa: E402
from storyline.read.quotes import drafts as D  # noqa: E402
from storyline.read.quotes import finder as Q  # noqa: E402

WORD = re.compile(r"\w+")
PRIOR = 2.0          # pseudo-count of wrong candidates: a pair seen once right weighs 1/3
ROUNDS = 1           # in-context rounds after round 0
IN_CONTEXT = 10      # candidates in use a pair needs to be re-weighed in a round
OUT = ROOT / "src" / "storyline" / "read" / "quotes" / "quote_cues.json"


def word_starts(spans, starts: list[int], ends: list[int]) -> frozenset[int]:
    """The indices of the \\w+ words that [start, end) character spans touch."""
    out: set[int] = set()
    for a, b in spans:
        out.update(range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)))
    return frozenset(out)


def parse(rows, cache: Path | None):
    """The parsed documents of `rows`, read from / written to a DocBin `cache` when given."""
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


def judge(pairs, gold: dict, accept) -> tuple[collections.Counter, collections.Counter]:
    """Per (lemma, key): how many candidates the extractor made with `accept`, how many were right."""
    seen: collections.Counter = collections.Counter()
    right: collections.Counter = collections.Counter()
    for row, doc in pairs:
        text = row["text"]
        starts = [m.start() for m in WORD.finditer(text)]
        ends = [m.end() for m in WORD.finditer(text)]
        golds = []
        for g in gold.get(row["id"], []):
            sp = word_starts([tuple(s) for s in g["content"]], starts, ends)
            spk = word_starts([tuple(g["speaker"])], starts, ends) if g.get("speaker") else None
            golds.append((sp, spk))
        drafts, regions = Q._drafts(doc, accept)
        for d in drafts:
            q = D.to_quote(doc, d, regions)
            toks = word_starts(q.content_spans, starts, ends)
            spk = word_starts([(q.speaker.start, q.speaker.end)], starts, ends) if q.speaker else None
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
    return seen, right


def shares(seen, right, least: int = 0) -> dict[str, float]:
    """Smoothed share of right candidates per pair, for pairs with enough evidence ({"lemma key": w});
    `least`: the candidates a pair needs to be weighed at all."""
    return {f"{lemma} {key}": round(right[(lemma, key)] / (n + PRIOR), 3)
            for (lemma, key), n in seen.items()
            if key not in ("region", "inverted", "signed") and (right[(lemma, key)] >= 2 or n >= 4) and n >= least}


def learn(pairs, gold: dict, rounds: int = ROUNDS) -> dict[str, float]:
    """Weights {"lemma key": share} learned from (row, doc) `pairs` against `gold`; see the module docstring."""
    weights = shares(*judge(pairs, gold, lambda *_: True))
    for _ in range(rounds):
        accept = functools.partial(cues.is_cue, weights=cues.weights_of(weights))
        weights.update(shares(*judge(pairs, gold, accept), least=IN_CONTEXT))
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "quotes"))
    ap.add_argument("--half", choices=("even", "odd"))
    ap.add_argument("--cache")
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    data = Path(args.data)
    rows = [json.loads(line) for line in open(data / "input.jsonl", encoding="utf-8") if line.strip()]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    pairs = list(zip(rows, parse(rows, Path(args.cache) if args.cache else None)))
    if args.half:
        pairs = pairs[0::2] if args.half == "even" else pairs[1::2]
    weights = learn(pairs, gold, args.rounds)
    Path(args.out).write_text(json.dumps(weights, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} pairs written to {args.out}; "
          f"{sum(v >= cues.THRESHOLD for v in weights.values())} at >= {cues.THRESHOLD}")


if __name__ == "__main__":
    main()
