"""Single-pass story clustering: each article joins its most probable candidate story or starts one.

Miranda et al. (2018) single-pass centroid clustering, with candidates from
the look-up index instead of all stories and a fitted join model instead of
a similarity threshold. A single pass splits a story whose first articles
looked unrelated; so a story that has just grown to 2, 4, 8, ... articles is
compared, as one long article, with its own candidate stories, and merged
with one the join model says it continues (the smaller into the larger, so
that fewer articles change story id; the younger into the older on a tie).
That is the only way an article ever changes story, and it costs each story
a logarithmic number of checks. A duplicate joins its original's story. The
join and merge cut-offs on the probability belong to the fitted model.
"""
from __future__ import annotations

from typing import Iterable

from .index import StoryIndex
from .model import JoinModel, default
from .profile import Profile
from .signals import row

def order(profiles: Iterable[Profile]) -> list[Profile]:
    """Publication order where known (undated articles after the dated ones), else arrival order;
    duplicates last, so that their originals are placed first."""
    return sorted(profiles, key=lambda p: (p.duplicate_of is not None, p.day is None, p.day or 0, p.seq))


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
        if not scored or scored[0][0] <= model.join:
            index.start(p)
            continue
        best = scored[0][2]
        index.join(best, p)
        if merge and best.size & (best.size - 1) == 0:        # 2, 4, 8, ...
            _merge_check(best, index, model)


def _merge_check(s, index: StoryIndex, model: JoinModel) -> None:
    """Merge story `s` with the candidate story it most probably continues, when that is above `model.merge`."""
    as_article = s.as_profile()
    scored = [(model.probability(row(as_article, t)), t.created, t) for t in index.candidates(as_article)
              if t.id != s.id]
    if not scored:
        return
    prob, _, other = max(scored, key=lambda t: (t[0], -t[1]))
    if prob > model.merge:
        keep, gone = sorted((s, other), key=lambda t: (-t.size, t.created))
        index.merge(keep, gone)
