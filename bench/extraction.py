"""Main-text extraction: storyline's extract_html against plain trafilatura.

usage: python bench/extraction.py [--data DIR] [--ablate]

Both exports are scored in the same run by the shared scorer
(../shared/eval/extraction.py), because the reference is trafilatura as
installed here, not a number remembered from another machine or version.
The ratio ours/plain is the figure to watch: below 1.0 our strategies and
cleaning rules cost more story text than they remove furniture.

The dev pages are split in two by their position in sorted id order: even
positions are the `tune` half (new rules are written looking at these
pages), odd positions the `check` half (read only as figures: no page of it
is looked at). Every figure is printed for all pages and for each half.

--ablate scores extract_html with each strategy step and each cleaning rule
(storyline.clean.html.STRATEGIES, RULES) switched off in turn. A rule is kept only when switching it off lowers F1,
or leaves it unchanged, on the check half: a rule that only helps on the
tune half fits those pages, not news.
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
HALVES = ("all", "tune", "check")


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


def split(ids: list[str]) -> dict[str, set[str]]:
    """'all', 'tune' (even positions in sorted order) and 'check' (odd positions) page ids."""
    ordered = sorted(ids)
    return {"all": set(ordered), "tune": set(ordered[0::2]), "check": set(ordered[1::2])}


def score(texts: dict[str, str], golds: dict[str, Path], tmp: Path) -> dict[str, dict[str, float]]:
    """{half: {figure: value}} for page id -> text, each half scored against its own gold file."""
    out = {}
    for half, gold in golds.items():
        path = tmp / f"export-{half}.json"
        path.write_text(json.dumps({"articles": [{"id": pid, "text": t} for pid, t in texts.items()]}),
                        encoding="utf-8")
        run = subprocess.run([sys.executable, str(SCORER), str(path), str(gold)],
                             capture_output=True, text=True, check=False)
        figures = {}
        for line in run.stdout.splitlines():
            parts = line.split()
            if len(parts) == 2 and re.fullmatch(r"[\d.]+", parts[1]):
                figures[parts[0]] = float(parts[1])
        if "f1" not in figures:
            raise SystemExit(f"scorer failed on {half}: {run.stdout}{run.stderr}")
        out[half] = figures
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "extraction")
    parser.add_argument("--ablate", action="store_true", help="score each cleaning rule switched off")
    args = parser.parse_args(argv)

    import trafilatura

    from storyline.clean.html import RULES, STRATEGIES, extract_html

    gold_all = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    pages = {p.stem: p for p in sorted((args.data / "html").glob("*.html"))}
    halves = split(list(gold_all))
    decode, decoded_by = decoder()
    docs = {pid: decode(p.read_bytes()) for pid, p in pages.items()}

    def texts(fn) -> tuple[dict[str, str], float]:
        start = time.perf_counter()
        got = {pid: fn(h) or "" for pid, h in docs.items()}
        return got, time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        golds = {}
        for half, ids in halves.items():
            golds[half] = tmp / f"gold-{half}.json"
            golds[half].write_text(json.dumps({k: v for k, v in gold_all.items() if k in ids}), encoding="utf-8")
        plain_texts, plain_s = texts(lambda h: trafilatura.extract(h))
        our_texts, ours_s = texts(lambda h: extract_html(h).text)
        plain, mine = score(plain_texts, golds, tmp), score(our_texts, golds, tmp)
        print(f"pages: {len(pages)} ({args.data}), decoded by {decoded_by}; "
              f"tune half {len(halves['tune'])} (even sorted positions), check half {len(halves['check'])} (odd)")
        print(f"{'':22s} " + " ".join(f"{h + ' F1':>9s}" for h in HALVES) + f" {'prec':>7s} {'recall':>7s} {'seconds':>8s}")
        for name, fig, secs in (("plain trafilatura", plain, plain_s), ("storyline extract_html", mine, ours_s)):
            print(f"{name:22s} " + " ".join(f"{fig[h]['f1']:9.4f}" for h in HALVES)
                  + f" {fig['all']['precision']:7.4f} {fig['all']['recall']:7.4f} {secs:8.1f}")
        print("ratio ours/plain F1: " + " ".join(f"{h} {mine[h]['f1'] / plain[h]['f1']:.4f}" for h in HALVES))
        print(f"score: {mine['check']['f1']:.4f} (check_f1 {mine['check']['f1']:.4f} tune_f1 {mine['tune']['f1']:.4f} "
              f"all_f1 {mine['all']['f1']:.4f} plain_check_f1 {plain['check']['f1']:.4f})")

        if args.ablate:
            print("each step or rule switched off (F1 change; keep a rule only when 'check' is <= 0):")
            for name in (*STRATEGIES, *RULES, "*"):
                off = frozenset(RULES) if name == "*" else frozenset({name})
                got = texts(lambda h: extract_html(h, disabled=off).text)[0]
                fig = score(got, golds, tmp)
                changed = {h: sum(got[p] != our_texts[p] for p in halves[h]) for h in HALVES}
                label = "every rule" if name == "*" else name
                print(f"  without {label:16s} " + " ".join(
                    f"{h} {fig[h]['f1']:.4f} ({fig[h]['f1'] - mine[h]['f1']:+.4f}, {changed[h]:2d} pages)"
                    for h in HALVES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
