"""The shipped story model on synthetic same-kind splits of the dev set, over several seeds, beside the baseline.

usage: python bench/stories_twins.py [--kind-seeds 7,11,19,23,31,43] [--main-seeds 15,27,35]

Each split is bench/stories_fit.py's `same_kind`: the dev set with a random
half of each topic rewritten as a synthetic twin (every specific name
replaced, years shifted), a different story of the same kind; a "main" split
lets the twins keep their topic's main place or organisation. Printed per
split: B-cubed P, R, F1 (event = topic or twin) of the shipped model
(connect/stories/model.json, no refit) and of the TF-IDF average-link
baseline, then the means. The stand-in for issue 12's held-out same-kind
set.

Why several seeds: one split's figure moves by up to 0.09 F1 with the
split. s31 measured it: a change to stage-3 entity types that altered 9
mentions of the 220 dev articles turned seed 11's split into one whose
Samsung and Paris twins kept their main names (the twin maker keeps names
shared by several dev topics, and the retyping made those names shared).
That split fell 0.9283 -> 0.84 while four of the five other seeds moved by at
most 0.005. Judge a change by the means. The training seeds of
stories_fit.py (seed + 1, seed + 2: 8 and 9 for the shipped model) are left
out of the defaults.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_data import Embeddings, baseline, bcubed, cluster, load_dev, profiles  # noqa: E402
from stories_fit import same_kind  # noqa: E402
from storyline.connect.stories.model import default  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind-seeds", default="7,11,19,23,31,43", help="seeds of the same-kind splits")
    ap.add_argument("--main-seeds", default="15,27,35", help="seeds of the splits whose twins keep the main name")
    args = ap.parse_args()
    dev = load_dev()
    splits = {f"same-kind {s}": same_kind(dev, int(s)) for s in args.kind_seeds.split(",") if s} | \
             {f"same-main {s}": same_kind(dev, int(s), keep_main=True) for s in args.main_seeds.split(",") if s}
    vectors = Embeddings().vectors([d.article for docs in splits.values() for d in docs])
    model = default()
    print(f"{'split':14s} | {'ours':^22s} | {'baseline':^22s}\n{'':14s} |   P      R      F1    |   P      R      F1")
    means: dict[str, list[tuple[float, float]]] = {}
    for name, docs in splits.items():
        label = {d.article.id: d.label for d in docs}
        ours = bcubed(cluster(profiles(docs, vectors), model), label)
        base = bcubed(baseline(docs), label)
        means.setdefault(name.split()[0], []).append((ours[2], base[2]))
        print(f"{name:14s} | {ours[0]:.4f} {ours[1]:.4f} {ours[2]:.4f} | {base[0]:.4f} {base[1]:.4f} {base[2]:.4f}",
              flush=True)
    for kind, fs in means.items():
        print(f"mean {kind} F1 over {len(fs)} splits: ours {sum(o for o, _ in fs) / len(fs):.4f}, "
              f"baseline {sum(b for _, b in fs) / len(fs):.4f} (issue 12's held-out target: 0.90)")


if __name__ == "__main__":
    main()
