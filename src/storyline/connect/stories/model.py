"""The join model: the probability that an article continues a candidate story.

A logistic regression over `signals.FEATURES`, fitted on development data by
`bench/stories_fit.py`, which writes `model.json` beside this module (feature
names, weights, intercept and what it was fitted on), behind one gate: a
pair whose main names clash (`names_clash`: neither side's three main
people, places or organisations appear on the other side) is never a
continuation, whatever the text says, since that is what a different story of
the same kind looks like (two earthquakes, two resignations). The
regression is fitted on the pairs the gate lets through. An article joins its
most probable candidate when that probability is above `join`, else starts
a new story; two stories merge above `merge` (cluster.py). Both cut-offs are
chosen with the weights, by leave-topics-out cross-validation of the whole
clustering (bench/stories_fit.py): the regression is fitted with balanced
classes on teacher-forced pairs, so its one-half point is not where the
clustering is best. The decision weighs who, when and what together instead
of putting one threshold on text similarity.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .signals import FEATURES

GATE = FEATURES.index("names_clash")

MODEL_FILE = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class JoinModel:
    weights: tuple[float, ...]
    intercept: float
    join: float = 0.5            # an article joins its best candidate above this probability
    merge: float = 0.8           # two stories merge above this probability

    def probability(self, x: Sequence[float]) -> float:
        """P(the article continues the story) for one row of `signals.row`; 0 when the gate closes."""
        if x[GATE]:
            return 0.0
        z = self.intercept + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self, **about) -> str:
        return json.dumps({"features": list(FEATURES), "weights": list(self.weights),
                           "intercept": self.intercept, "join": self.join, "merge": self.merge, **about}, indent=1)


def from_json(text: str) -> JoinModel:
    """Read a model; refuses one fitted on other features than `signals.FEATURES`."""
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"join model fitted on {data['features']}, not on the current features {list(FEATURES)}")
    return JoinModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                     float(data.get("join", 0.5)), float(data.get("merge", 0.8)))


@lru_cache(maxsize=1)
def default() -> JoinModel:
    """The shipped model (model.json)."""
    return from_json(MODEL_FILE.read_text(encoding="utf-8"))
