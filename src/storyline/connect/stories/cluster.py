"""Single-pass story clustering: each article joins its most probable candidate story or starts one.

Miranda et al. (2018) single-pass centroid clustering, with candidates from
the look-up index instead of all stories and a fitted join model instead of
a similarity threshold. An article that is a likely continuation of two
stories at once (both above MERGE_PROBABILITY) bridges them: the younger
story is merged into the older one, which is the only way an article ever
changes story. A duplicate joins its original's story.
"""
from __future__ import annotations

from typing import Iterable

from .index import StoryIndex
from .model import JoinModel, default
from .profile import Profile
from .signals import row

JOIN_PROBABILITY = 0.5
MERGE_PROBABILITY = 0.9


def order(profiles: Iterable[Profile]) -> list[Profile]:
    """Publication order where known (undated articles after the dated ones), else arrival order."""
    return sorted(profiles, key=lambda p: (p.day is None, p.day or 0, p.seq))


def assign(profiles: Iterable[Profile], index: StoryIndex, model: JoinModel | None = None,
           merge: bool = True) -> None:
    """Put every profile in a story of `index` (in `order`); the index records what changed."""
    model = model or default()
    for p in order(profiles):
        if p.duplicate_of and (s := index.resolve(index.story_of.get(p.duplicate_of, ""))) is not None:
            index.join(s, p)
            continue
        scored = sorted(((model.probability(row(p, s)), s.created, s) for s in index.candidates(p)),
                        key=lambda t: (-t[0], t[1]))
        if not scored or scored[0][0] <= JOIN_PROBABILITY:
            index.start(p)
            continue
        best = scored[0][2]
        index.join(best, p)
        if merge:
            for prob, _, other in scored[1:]:
                if prob > MERGE_PROBABILITY and scored[0][0] > MERGE_PROBABILITY and other.merged_into is None:
                    keep, gone = (best, other) if best.created <= other.created else (other, best)
                    index.merge(keep, gone)
                    best = keep
