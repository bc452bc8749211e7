"""The join model: the probability that an article continues a candidate story.

A logistic regression over `signals.FEATURES` plus boosted regression trees
whose leaves add to its log-odds (shallow trees: each weighs a few signals
together, such as alike text about other people, which a weighted sum
cannot), fitted on development data by
`bench/stories_fit.py`, which writes `model.json` beside this module (feature
names, weights, intercept, trees as node lists and what it was fitted on), behind one gate: a
pair whose main names clash (`names_clash`: neither side's three main
people, places or organisations appear on the other side, and no person is
named on both) is never a
continuation, whatever the text says, since that is what a different story of
the same kind looks like (two earthquakes, two resignations). The
model is fitted on the pairs the gate lets through. An article joins its
most probable candidate when that probability is above `join`, else starts
a new story; two stories merge above `merge` (cluster.py). Both cut-offs are
chosen with the weights, by leave-topics-out cross-validation of the whole
clustering (bench/stories_fit.py): the model is fitted with balanced
classes on teacher-forced pairs, so its one-half point is not where the
clustering is best. The decision weighs who, when and what together instead
of putting one threshold on text similarity.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .signals import FEATURES, names_clash, row

if TYPE_CHECKING:
    from .profile import Profile
    from .state import StoryState

GATE = FEATURES.index("names_clash")

MODEL_FILE = Path(__file__).with_name("model.json")


Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


@dataclass(frozen=True)
class JoinModel:
    weights: tuple[float, ...]
    intercept: float
    join: float = 0.5            # an article joins its best candidate above this probability
    merge: float = 0.8           # two stories merge above this probability
    trees: tuple[Tree, ...] = ()  # boosted regression trees whose leaves add to the log-odds
    _leaves: Callable[[float, Sequence[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_leaves", compiled(self.trees))

    def __getstate__(self) -> dict:          # pickled without the compiled trees (a function made by exec)
        return {k: v for k, v in self.__dict__.items() if k != "_leaves"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def probability(self, x: Sequence[float]) -> float:
        """P(the article continues the story) for one row of `signals.row`; 0 when the gate closes."""
        if x[GATE]:
            return 0.0
        z = self.intercept + sum(w * v for w, v in zip(self.weights, x))
        z = self._leaves(z, x)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, p: "Profile", stories: Sequence["StoryState"]) -> list[float]:
        """`probability` of article `p` against each story: the gate is looked at first, so a pair it
        closes (most candidates) costs none of the other signals."""
        return [0.0 if names_clash(p, s) else self.probability(row(p, s)) for s in stories]

    def to_json(self, **about) -> str:
        data = {"features": list(FEATURES), "weights": list(self.weights), "intercept": self.intercept,
                "join": self.join, "merge": self.merge, **about}
        if self.trees:
            data["trees"] = [dict(zip(_TREE_FIELDS, map(list, t))) for t in self.trees]
        return json.dumps(data, indent=1)


_TREE_FIELDS = ("feature", "threshold", "left", "right", "value")    # per node; left -1 marks a leaf


def walk(trees: Sequence[Tree], z: float, x: Sequence[float]) -> float:
    """z plus the leaf each tree gives row x, added in tree order (node lists: left -1 marks a leaf)."""
    for feature, threshold, left, right, value in trees:
        i = 0
        while left[i] >= 0:
            i = left[i] if x[feature[i]] <= threshold[i] else right[i]
        z += value[i]
    return z


def compiled(trees: Sequence[Tree]) -> Callable[[float, Sequence[float]], float]:
    """`walk` for these trees as one function of nested conditionals, the constants written in (the same
    comparisons and additions in the same order, four times faster than walking the node lists); `walk`
    itself for trees too deep to write out."""
    def node(tree: Tree, i: int) -> str:
        feature, threshold, left, right, value = tree
        if left[i] < 0:
            return repr(float(value[i]))
        return (f"({node(tree, left[i])} if x[{int(feature[i])}] <= {float(threshold[i])!r} "
                f"else {node(tree, right[i])})")
    try:
        source = "\n".join(["def leaves(z, x):", *(f"    z += {node(t, 0)}" for t in trees), "    return z"])
        scope = {"inf": math.inf, "nan": math.nan}
        exec(compile(source, "<join model trees>", "exec"), scope)
    except (RecursionError, SyntaxError, MemoryError):
        return lambda z, x: walk(trees, z, x)
    return scope["leaves"]


def from_json(text: str) -> JoinModel:
    """Read a model; refuses one fitted on other features than `signals.FEATURES`."""
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"join model fitted on {data['features']}, not on the current features {list(FEATURES)}")
    trees = tuple((tuple(int(f) for f in t["feature"]), tuple(float(v) for v in t["threshold"]),
                   tuple(int(i) for i in t["left"]), tuple(int(i) for i in t["right"]),
                   tuple(float(v) for v in t["value"])) for t in data.get("trees", ()))
    return JoinModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                     float(data.get("join", 0.5)), float(data.get("merge", 0.8)), trees)


@lru_cache(maxsize=1)
def default() -> JoinModel:
    """The shipped model (model.json)."""
    return from_json(MODEL_FILE.read_text(encoding="utf-8"))
