"""Main-text extraction: storyline's extract_html against plain trafilatura.

usage: python bench/extraction.py [--data DIR] [--ablate]

Both exports are scored in the same run by the shared scorer
(../shared/eval/extraction.py), because the reference is trafilatura as
installed here, not a number remembered from another machine or version.
The ratio ours/plain is the figure to watch: below 1.0 our strategies and
cleaning rules cost more story text than they remove furniture.

--ablate also scores extract_html with each cleaning rule switched off in
turn, to show what each rule is worth (a rule whose removal raises F1 should go).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO.parent / "shared" / "eval" / "extraction.py"


def decoder():
    """The pipeline's own decoder (charset detection) when it exists, so the
    bench reads pages as a run would; else the page's meta charset, UTF-8 with
    replacement otherwise."""
    try:
        from storyline.ingest.decode import decode as pipeline_decode

        return (lambda body: pipeline_decode(body, None)), "storyline.ingest.decode"
    except ImportError:
        pass

    def fallback(body: bytes) -> str:
        m = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", body[:4096], re.I)
        encoding = m.group(1).decode("ascii", "replace") if m else "utf-8"
        try:
            return body.decode(encoding, errors="replace")
        except LookupError:
            return body.decode("utf-8", errors="replace")

    return fallback, "meta charset / utf-8"


def score(export: dict, gold: Path, tmp: Path, name: str) -> dict[str, float]:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), str(path), str(gold)],
                         capture_output=True, text=True, check=False)
    figures = {}
    for line in run.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and re.fullmatch(r"[\d.]+", parts[1]):
            figures[parts[0]] = float(parts[1])
    if "f1" not in figures:
        raise SystemExit(f"scorer failed on {name}: {run.stdout}{run.stderr}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "extraction")
    parser.add_argument("--ablate", action="store_true", help="score each cleaning rule switched off")
    args = parser.parse_args(argv)

    import trafilatura

    from storyline.clean import html as ours
    from storyline.clean.html import extract_html

    gold = args.data / "gold.json"
    pages = sorted((args.data / "html").glob("*.html"))
    decode, decoded_by = decoder()
    docs = {p: decode(p.read_bytes()) for p in pages}

    def export(fn) -> tuple[dict, float]:
        start = time.perf_counter()
        arts = [{"id": p.stem, "path": str(p), "text": fn(h) or ""} for p, h in docs.items()]
        return {"articles": arts}, time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        plain_export, plain_s = export(lambda h: trafilatura.extract(h))
        ours_export, ours_s = export(lambda h: extract_html(h).text)
        plain = score(plain_export, gold, tmp, "plain")
        mine = score(ours_export, gold, tmp, "ours")
        print(f"pages: {len(pages)} ({args.data}), decoded by {decoded_by}")
        print(f"{'':22s} {'F1':>7s} {'prec':>7s} {'recall':>7s} {'seconds':>8s}")
        print(f"{'plain trafilatura':22s} {plain['f1']:7.4f} {plain['precision']:7.4f} {plain['recall']:7.4f} {plain_s:8.1f}")
        print(f"{'storyline extract_html':22s} {mine['f1']:7.4f} {mine['precision']:7.4f} {mine['recall']:7.4f} {ours_s:8.1f}")
        print(f"ratio ours/plain F1: {mine['f1'] / plain['f1']:.4f}")

        if args.ablate:
            names = list(ours.RULES)
            original = ours.clean_blocks
            for name in names:
                ours.clean_blocks = lambda b, m=None, d=frozenset(), headings=(), _n=name: original(
                    b, m, frozenset({_n}), headings)
                fig = score(export(lambda h: extract_html(h).text)[0], gold, tmp, "ablate")
                print(f"  without {name:14s} F1 {fig['f1']:.4f} ({fig['f1'] - mine['f1']:+.4f})"
                      f" P {fig['precision']:.4f} R {fig['recall']:.4f}")
            ours.clean_blocks = lambda b, m=None, d=frozenset(), headings=(): b
            fig = score(export(lambda h: extract_html(h).text)[0], gold, tmp, "ablate")
            print(f"  without any cleaning  F1 {fig['f1']:.4f} ({fig['f1'] - mine['f1']:+.4f})")
            ours.clean_blocks = original
    return 0


if __name__ == "__main__":
    sys.exit(main())
