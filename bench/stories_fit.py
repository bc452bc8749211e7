"""Fit the story join model on the dev clustering set and measure it on topics it was not fitted on.

usage: python bench/stories_fit.py [--write] [--orders N] [--seed S] [--trees N] [--depth D] [--rate R]
                                   [--train-kind S1,S2,...] [--train-main S1,...]

Training pairs come from replaying the dev articles as a stream (several
random orders) with teacher forcing: each article is compared, through the
same candidate look-up as at run time, with the stories its predecessors
form under the gold labels; a pair is positive when the candidate is the
article's own event. WikiRef220 has one event per topic, so a same-kind
story years apart never occurs in it. Each topic is therefore also split in
two: a random half of its articles is rewritten as a synthetic twin
(bench/stories_synth.py: every specific name replaced, years shifted), a
different story of the same kind that shares no article with the other half.
Training replays the dev set and two such splits (seeds seed + 1 and seed + 2,
or --train-kind; --train-main adds splits whose twins keep the main name); the
scored splits use other seeds, so their twins are never trained on. The join model is a
logistic regression (scikit-learn, C=1) over `signals.FEATURES` plus
--trees gradient-boosted regression trees of depth --depth fitted from its
log-odds (default 100 of depth 2: each tree weighs a pair of signals
together, such as alike text with other people, which a sum of weights
cannot; --trees 0 gives the plain regression), fitted on
the pairs its names-clash gate lets through (model.py), with both classes
weighted equally: the stream offers up to CANDIDATES negatives per article,
an imbalance set by the look-up's width rather than by how often articles
continue stories. The join and merge cut-offs on its probability are chosen
from JOINS x MERGES by the mean leave-topics-out F1 (below) over the three
training sets (dev and both twin splits), so that a cut-off that lifts the
dev set's topic-level recall by merging same-kind stories is not chosen. `--write` saves the model as
src/storyline/connect/stories/model.json.

Printed: the weights; then B-cubed F1 (event = topic on dev) on
  dev:       the 220 dev articles
  same-kind: dev split as above, each twin half its own event (two same-kind stories per topic)
  same-kind2: another such split (seed + 4): the spread between the two is the noise of one split
  same-main: a split (seed + 8) whose twins keep their topic's main place or organisation, as two
             stories about one club or company do (`same_kind(keep_main=True)`); never trained on
for the TF-IDF average-link baseline, the model fitted on everything (in
sample), and leave-topics-out (5 folds: each holds out one large topic and
about a fifth of the small ones with their twins; the model fitted on the
pairs of the other topics (every pair whose article or story belongs to a
held-out topic is removed from the replays) clusters all articles, and only
the held-out articles are scored).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from stories_data import Doc, Embeddings, baseline, bcubed, cluster, load_dev, profiles  # noqa: E402
from stories_synth import shared_names, twin_group  # noqa: E402
from storyline.connect import stories  # noqa: E402
from storyline.connect.stories.model import MODEL_FILE, JoinModel  # noqa: E402
from storyline.connect.stories.signals import names_clash  # noqa: E402

JOINS = (0.05, 0.1, 0.2, 0.3, 0.5)          # join cut-offs tried
MERGES = (0.45, 0.6, 0.8, 0.9)             # merge cut-offs tried


def same_kind(docs: list[Doc], seed: int, keep_main: bool = False) -> list[Doc]:
    """The dev docs with each topic split in two stories of its kind: a random half of its articles is
    rewritten as a twin (other names, other years) and labelled as an event of its own. `keep_main`: the
    twin keeps its topic's main place or organisation (the one most of its articles name), as another
    story about the same club, company or country does (the same club fires another coach)."""
    rng = random.Random(seed)
    by_label = defaultdict(list)
    for d in docs:
        by_label[d.label].append(d)
    keep = shared_names([[(d.article, d.analysis) for d in g] for g in by_label.values()])
    out = []
    for label in sorted(by_label):
        group = rng.sample(by_label[label], len(by_label[label]))
        half = len(group) // 2
        out += group[half:]
        pairs_ = [(d.article, d.analysis) for d in group[:half]]
        kept = keep | ({_main_name(by_label[label])} - {None} if keep_main else set())
        out += [Doc(a, an, f"{label} ~twin") for a, an in twin_group(pairs_, rng, f"twin{seed}", keep=kept)]
    return out


def _main_name(docs: list[Doc]) -> str | None:
    """The place or organisation most of the docs name (None when none does; a nationality such as "Greek" is
    no name the twins replace)."""
    named = Counter(n for d in docs for n in {e.name for e in (d.analysis.entities if d.analysis else ())
                                              if e.type not in ("PERSON", "NORP")})
    return min(named, key=lambda n: (-named[n], n)) if named else None      # ties by name: not by set order


def pairs(profs: list[stories.Profile], label: dict[str, str], orders: int, seed: int,
          labels: list | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels from teacher-forced replays in `orders` random orders
    (`labels`, when given, receives the (article label, story label) of each row)."""
    rng = random.Random(seed)
    xs, ys = [], []
    for _ in range(orders):
        stream = rng.sample(profs, len(profs))
        index, gold = stories.StoryIndex(), {}
        for p in stream:
            for s in index.candidates(p):
                xs.append(stories.row(p, s))
                ys.append(int(s.id == getattr(gold.get(label[p.id]), "id", None)))
                if labels is not None:
                    labels.append((label[p.id], label[s.members[0]]))
            if label[p.id] in gold:
                index.join(gold[label[p.id]], p)
            else:
                gold[label[p.id]] = index.start(p)
    return np.array(xs), np.array(ys)


def on_policy(model: JoinModel, profs: list[stories.Profile], label: dict[str, str], orders: int, seed: int,
              labels: list) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels from replays where `model` itself places every article (merges
    included), as at run time (DAgger, Ross et al. 2011): teacher-forced replays never show a story that
    took in an article of another story, the state one wrong join leaves, from which the next articles of
    that other story must still be told apart. A pair is positive when the candidate's majority event is
    the article's. `labels` receives the (article label, story label) of each row."""
    xs, ys = [], []

    @dataclass(frozen=True)
    class Recording(JoinModel):
        def probabilities(self, p, candidates):
            if p.id in label:                       # an article placed, not a story checked for a merge
                for s in candidates:
                    if not names_clash(p, s):
                        major = Counter(label[m] for m in s.members).most_common(1)[0][0]
                        xs.append(stories.row(p, s))
                        ys.append(int(major == label[p.id]))
                        labels.append((label[p.id], major))
            return super().probabilities(p, candidates)

    rng = random.Random(seed)
    recording = Recording(model.weights, model.intercept, model.join, model.merge, model.trees)
    for _ in range(orders):
        stream = [replace(p, seq=n) for n, p in enumerate(rng.sample(profs, len(profs)))]
        stories.assign(stream, stories.StoryIndex(), recording)
    return np.array(xs).reshape(-1, len(stories.FEATURES)), np.array(ys)


C = float(os.environ.get("STORIES_FIT_C", "1.0"))     # inverse regularisation strength (scikit-learn)
BOOST = {"trees": 100, "depth": 2, "rate": 0.1}       # boosted trees on top of the logistic regression


def fit(x: np.ndarray, y: np.ndarray) -> JoinModel:
    """The join model on the pairs its gate lets through (no names clash), both classes weighted equally:
    a logistic regression, then (unless BOOST["trees"] is 0) gradient-boosted regression trees fitted
    from its log-odds (scikit-learn, deterministic), whose leaves add to them."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from storyline.connect.stories.model import GATE
    open_ = x[:, GATE] == 0
    x, y = x[open_], y[open_]
    if not BOOST["trees"]:
        lr = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(x, y)
        return JoinModel(tuple(float(w) for w in lr.coef_[0]), float(lr.intercept_[0]))
    weight = np.where(y == 1, len(y) / (2.0 * max(1, y.sum())), len(y) / (2.0 * max(1, len(y) - y.sum())))
    linear = LogisticRegression(C=C, max_iter=5000)          # fitted by the booster, with its sample weights
    gb = GradientBoostingClassifier(n_estimators=BOOST["trees"], max_depth=BOOST["depth"],
                                    learning_rate=BOOST["rate"], init=linear, random_state=0)
    gb.fit(x, y, sample_weight=weight)
    trees = tuple((tuple(int(f) for f in t.feature), tuple(float(v) for v in t.threshold),
                   tuple(int(i) for i in t.children_left), tuple(int(i) for i in t.children_right),
                   tuple(float(v) * BOOST["rate"] for v in t.value[:, 0, 0]))
                  for t in (est.tree_ for est in gb.estimators_[:, 0]))
    return JoinModel(tuple(float(w) for w in linear.coef_[0]), float(linear.intercept_[0]), trees=trees)


def folds(docs: list[Doc]) -> list[set[str]]:
    """Five sets of held-out labels: one large topic each, small topics dealt round-robin."""
    sizes = defaultdict(int)
    for d in docs:
        sizes[d.label] += 1
    ranked = sorted(sizes, key=lambda lab: (-sizes[lab], lab))
    out = [set() for _ in range(5)]
    for i, lab in enumerate(ranked):
        out[i % 5].add(lab)
    return out


def topics_out(fold_models: list[JoinModel], profs: list[stories.Profile], label: dict[str, str],
               held_out: list[set[str]], join: float, merge: float) -> tuple[float, float, float]:
    """B-cubed P, R, F1 of the held-out articles, each fold's model (with these cut-offs) clustering all."""
    base = lambda lab: lab.replace(" ~twin", "")  # noqa: E731
    ids = [p.id for p in profs]
    p_sum = r_sum = 0.0
    for model, held in zip(fold_models, held_out):
        assigned = cluster(profs, replace(model, join=join, merge=merge))
        sub = [a for a in ids if base(label[a]) in held]
        p, r, _ = bcubed(assigned, label, sub)
        p_sum, r_sum = p_sum + p * len(sub), r_sum + r * len(sub)
    p, r = p_sum / len(ids), r_sum / len(ids)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="save the model fitted on everything as model.json")
    ap.add_argument("--orders", type=int, default=6)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--trees", type=int, default=BOOST["trees"], help="boosted trees (0: logistic regression only)")
    ap.add_argument("--depth", type=int, default=BOOST["depth"], help="depth of each tree")
    ap.add_argument("--rate", type=float, default=BOOST["rate"], help="learning rate of the boosting")
    ap.add_argument("--train-kind", default="", help="seeds of the same-kind splits trained on (default: seed + 1, "
                    "seed + 2)")
    ap.add_argument("--train-main", default="", help="seeds of the same-main splits trained on (default: none)")
    ap.add_argument("--on-policy", type=int, default=0, help="replay orders placed by a first model, whose pairs "
                    "are added before the final fit (DAgger; default 0: teacher forcing only)")
    args = ap.parse_args()
    BOOST.update(trees=args.trees, depth=args.depth, rate=args.rate)

    dev = load_dev()
    sets = {"dev": dev, "same-kind": same_kind(dev, args.seed), "same-kind2": same_kind(dev, args.seed + 4),
            "same-main": same_kind(dev, args.seed + 8, keep_main=True)}
    kind_seeds = [int(s) for s in args.train_kind.split(",") if s] or [args.seed + 1, args.seed + 2]
    main_seeds = [int(s) for s in args.train_main.split(",") if s]
    train = [dev, *(same_kind(dev, s) for s in kind_seeds),                      # scored sets stay unseen
             *(same_kind(dev, s, keep_main=True) for s in main_seeds)]
    vectors = Embeddings().vectors([d.article for docs in [*sets.values(), *train] for d in docs])
    profs = {name: profiles(docs, vectors) for name, docs in sets.items()}
    train_profs = [profiles(docs, vectors) for docs in train]
    label = {d.article.id: d.label for docs in [*sets.values(), *train] for d in docs}
    base = lambda lab: lab.replace(" ~twin", "")  # noqa: E731

    rows = []
    xs, ys = zip(*(pairs(p, label, args.orders, args.seed, labels=rows) for p in train_profs))
    x, y = np.concatenate(xs), np.concatenate(ys)
    if args.on_policy:
        first = replace(fit(x, y), join=0.3, merge=0.9)         # the cut-offs the last fits chose
        xs, ys = zip(*(on_policy(first, p, label, args.on_policy, args.seed, rows) for p in train_profs))
        x, y = np.concatenate([x, *xs]), np.concatenate([y, *ys])
    held_out = folds(dev)
    fold_models = []
    for held in held_out:
        keep = np.array([base(a) not in held and base(b) not in held for a, b in rows])
        fold_models.append(fit(x[keep], y[keep]))

    # the cut-offs: best mean leave-topics-out F1 over the training sets (dev and two twin splits)
    grid = {(j, m): [topics_out(fold_models, tp, label, held_out, j, m)[2] for tp in train_profs]
            for j in JOINS for m in MERGES}
    chosen = max(grid, key=lambda jm: (float(np.mean(grid[jm])), jm))
    for jm in sorted(grid, key=lambda jm: -float(np.mean(grid[jm])))[:5]:
        print(f"cut-offs join {jm[0]} merge {jm[1]}: leave-topics-out F1 on dev and the two twin splits "
              f"{' '.join(f'{f:.4f}' for f in grid[jm])} (mean {np.mean(grid[jm]):.4f})")
    model = replace(fit(x, y), join=chosen[0], merge=chosen[1])
    print(f"pairs {len(y)} (positive {int(y.sum())}); cut-offs by leave-topics-out F1 on the training sets: "
          f"join {model.join}, merge {model.merge}; weights:")
    for name, w in zip(stories.FEATURES, model.weights):
        print(f"  {name:13s} {w:+.3f}")
    print(f"  {'intercept':13s} {model.intercept:+.3f}")
    if model.trees:
        print(f"  and {len(model.trees)} trees of depth {args.depth} (learning rate {args.rate})")

    results = {}
    for name, docs in sets.items():
        results[(name, "baseline")] = bcubed(baseline(docs), label)
        results[(name, "in-sample")] = bcubed(cluster(profs[name], model), label)
        results[(name, "topics-out")] = topics_out(fold_models, profs[name], label, held_out, model.join,
                                                   model.merge)
    print(f"{'set':10s} {'method':11s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for (name, method), (p, r, f) in results.items():
        print(f"{name:10s} {method:11s} {p:6.4f} {r:6.4f} {f:6.4f}")
    if args.write:
        MODEL_FILE.write_text(model.to_json(
            fitted_on=f"bench/stories_fit.py --orders {args.orders} --seed {args.seed} --trees {args.trees} "
                      f"--depth {args.depth} --rate {args.rate}: WikiRef220 dev "
                      f"(220 articles, 16 topics) and two splits with synthetic twins; {len(y)} pairs; cut-offs "
                      f"by mean leave-topics-out F1 over the three") + "\n",
            encoding="utf-8")
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
