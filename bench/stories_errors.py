"""Where story clustering goes wrong on the dev clustering set, article by article.

usage: python bench/stories_errors.py

Clusters the 220 dev articles in memory with the shipped join model (as
bench/stories_fit.py's in-sample row does) and prints every article that is
not where its gold event is: in a story whose majority is another event, or
alone while its event has other articles. For each: its headline, and the
candidate stories the look-up gave it when it was placed (the gold event of
each story's first article, its size then, the join probability, and whether
the names-clash gate closed). Last, per event with misplaced articles, the
B-cubed F1 that gathering that event alone (every other article where it is)
would give: which error costs most. A diagnosis tool, not a benchmark.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_data import Embeddings, bcubed, cluster, load_dev, profiles  # noqa: E402
from storyline.connect.stories.model import JoinModel, default  # noqa: E402
from storyline.connect.stories.signals import names_clash  # noqa: E402


@dataclass(frozen=True)
class Tracing(JoinModel):
    """The join model, recording each article's candidates and probabilities when it is placed."""

    def probabilities(self, p, stories):
        out = super().probabilities(p, stories)
        if p.id in SEEN and p.id not in TRACE:
            TRACE[p.id] = [(s.members[0] if s.members else "", s.size, prob, bool(names_clash(p, s)))
                           for s, prob in zip(stories, out)]
        return out


SEEN: set[str] = set()
TRACE: dict[str, list] = {}


def main() -> None:
    docs = load_dev()
    label = {d.article.id: d.label for d in docs}
    title = {d.article.id: d.article.title or "" for d in docs}
    SEEN.update(label)
    profs = profiles(docs, Embeddings().vectors([d.article for d in docs]))
    m = default()
    assigned = cluster(profs, Tracing(m.weights, m.intercept, m.join, m.merge, m.trees))
    p, r, f1 = bcubed(assigned, label)
    print(f"dev B-cubed P {p:.4f} R {r:.4f} F1 {f1:.4f}")
    members = defaultdict(list)
    for aid, sid in assigned.items():
        members[sid].append(aid)
    majority = {sid: Counter(label[a] for a in ids).most_common(1)[0][0] for sid, ids in members.items()}
    sizes = Counter(label.values())
    wrong = defaultdict(list)
    for aid, sid in assigned.items():
        alone = len(members[sid]) == 1 and sizes[label[aid]] > 1
        if majority[sid] != label[aid] or alone:
            wrong[label[aid]].append(aid)
            where = "alone" if alone else f"in a story of {majority[sid]!r} ({len(members[sid])} articles)"
            print(f"\n{label[aid]!r} {where}: {title[aid]!r}")
            for first, size, prob, gate in TRACE.get(aid, []):
                print(f"    candidate {label.get(first, '?')!r} ({size}): p {prob:.3f}{'  gate closed' if gate else ''}")
    print()
    for event, ids in sorted(wrong.items()):
        fixed = dict(assigned) | {aid: f"gathered {event}" for aid in assigned if label[aid] == event}
        print(f"gathering {event!r} ({len(ids)} misplaced of {sizes[event]}): F1 {bcubed(fixed, label)[2]:.4f}")


if __name__ == "__main__":
    main()
