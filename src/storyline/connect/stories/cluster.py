"""Single-pass story clustering: each article joins its most probable candidate story or starts one.

Miranda et al. (2018) single-pass centroid clustering, with candidates from
the look-up index instead of all stories and a fitted join model instead of
a similarity threshold. A single pass splits a story whose first articles
looked unrelated; so a story that has just grown to 2, 4, 8, ... articles is
compared, as one long article, with its own candidate stories, and merged
with one the join model says it continues (the smaller into the larger, so
that fewer articles change story id; the younger into the older on a tie).
That is the only way an article ever changes story, and it costs each story
a logarithmic number of checks, plus one at the end of each batch with the
centroids the batch left (two parts of a story that first met at sizes the
doubling schedule had already passed). A duplicate joins its original's story. The
join and merge cut-offs on the probability belong to the fitted model.
"""
from __future__ import annotations

from typing import Iterable

from .index import StoryIndex
from .model import JoinModel, default
from .profile import Profile
from .state import StoryState

def order(profiles: Iterable[Profile]) -> list[Profile]:
    """Publication order where known (undated articles after the dated ones), else arrival order;
    duplicates last, so that their originals are placed first."""
    return sorted(profiles, key=lambda p: (p.duplicate_of is not None, p.day is None, p.day or 0, p.seq))


def assign(profiles: Iterable[Profile], index: StoryIndex, model: JoinModel | None = None,
           merge: bool = True) -> None:
    """Put every profile in a story of `index` (in `order`); the index records what changed."""
    model = model or default()
    touched: dict[str, None] = {}
    for p in order(profiles):
        if p.duplicate_of and (s := index.resolve(index.story_of.get(p.duplicate_of, ""))) is not None:
            index.join(s, p)
            continue
        candidates = index.candidates(p)
        scored = sorted(zip(model.probabilities(p, candidates), (s.created for s in candidates), candidates),
                        key=lambda t: (-t[0], t[1]))
        if not scored or scored[0][0] <= model.join:
            touched[index.start(p).id] = None
            continue
        best = scored[0][2]
        index.join(best, p)
        touched[best.id] = None
        if merge and best.size & (best.size - 1) == 0:        # 2, 4, 8, ...
            _merge_check(best, index, model)
    if merge:
        _consolidate(touched, index, model)


def _consolidate(touched: dict[str, None], index: StoryIndex, model: JoinModel) -> None:
    """End of a batch: every story the batch started or grew (in the order it first did) gets one more
    merge check with its final centroids, since its last check was at its last power-of-two size,
    before its later articles; a story a merge grew is checked again. Each merge removes a story, so
    this ends, and it costs one candidate look-up per story the batch touched."""
    todo = list(touched)
    while todo:
        s = index.resolve(todo.pop(0))
        if s is None:
            continue
        keep = _merge_check(s, index, model)
        if keep is not None:
            todo.append(keep.id)


def _merge_check(s, index: StoryIndex, model: JoinModel) -> StoryState | None:
    """Merge story `s` with the candidate story it most probably continues, when that is above `model.merge`;
    returns the story kept (None when nothing merged)."""
    as_article = s.as_profile()
    others = [t for t in index.candidates(as_article) if t.id != s.id]
    scored = list(zip(model.probabilities(as_article, others), (t.created for t in others), others))
    if not scored:
        return None
    prob, _, other = max(scored, key=lambda t: (t[0], -t[1]))
    if prob > model.merge:
        keep, gone = sorted((s, other), key=lambda t: (-t.size, t.created))
        index.merge(keep, gone)
        return keep
    return None
