"""The signals that decide whether an article continues a story, each in [0, 1].

One row per (article, candidate story) pair; `model.py` weighs them. Text
similarity alone cannot tell two stories of the same kind apart (two
earthquakes share every word of an earthquake report), so the row also says
whose story it is and when:

- what: TF-IDF cosine with the story's centroid; sentence-embedding cosine
  with the centroid and with its nearest kept member; headline cosine;
  the nearest kept member's names (a long story drifts: its latest articles
  share names the centroid has diluted);
- who and where: for people, places and other names, the cosine with the
  story's names and the share of the article's name weight that the story
  holds (`*_cover`, robust when a long story's centroid is diluted); the
  share of the story's three main people the article names; `people_clash`
  when neither side's two main people appear on the other side, and
  `names_clash` the same over the three main names of every kind (two
  earthquakes, each with its own towns, officials and agencies);
- when: overlap of the years and months the texts name, and `year_clash`
  when both name years and share none (publication dates act before any
  signal: a story outside the look-up's time window is no candidate);
- the story's size.
"""
from __future__ import annotations

import math

import numpy as np

from .profile import NAMES_KEPT, Profile
from .state import StoryState
from .terms import KINDS
from .vectors import EMPTY, Sparse, add, cosine, heaviest, shared

FEATURES = ("words", "dense", "dense_near", "names_near", "headline", "people", "people_cover", "story_people",
            "places", "places_cover", "names", "names_cover", "people_clash", "names_clash", "years", "year_clash",
            "months", "size")


def _dense(a: np.ndarray | None, s: np.ndarray | None) -> float:
    if a is None or s is None:
        return 0.0
    n = float(np.linalg.norm(s))
    return max(0.0, float(np.dot(a, s)) / n) if n else 0.0


def _near(p: Profile, near: list[tuple[np.ndarray | None, Sparse]]) -> tuple[float, float]:
    """Body cosine with the nearest kept member of the story, and names cosine with that member."""
    best, names = -1.0, EMPTY
    if p.dense is not None:
        for vec, member_names in near:
            if vec is not None and (sim := float(np.dot(p.dense, vec))) > best:
                best, names = sim, member_names
    return max(0.0, best), cosine(p.all_names, names)


def _cover(a: Sparse, s: Sparse) -> float:
    """Share of a's weight on keys that s holds."""
    total = float(a[1].sum())
    return float(a[1][shared(a, s)[0]].sum()) / total if total else 0.0


def _share(s: Sparse, a: Sparse, n: int = 3) -> float:
    """Share of s's n heaviest keys that a holds."""
    main = heaviest(s, n)
    return sum(1 for k in main if k in set(a[0].tolist())) / len(main) if main and len(a[0]) else 0.0


def _clash(a: Sparse, s: Sparse, n: int = 2) -> float:
    """1 when both have names and neither side's n main names appear on the other side at all."""
    if not len(a[0]) or not len(s[0]):
        return 0.0
    a_all, s_all = set(a[0].tolist()), set(s[0].tolist())
    return float(not (set(heaviest(a, n)) & s_all) and not (set(heaviest(s, n)) & a_all))


def _all_names(s: StoryState) -> Sparse:
    v = EMPTY
    for kind in KINDS:
        v = add(v, s.names[kind], 4 * NAMES_KEPT)
    return v


def row(p: Profile, s: StoryState) -> list[float]:
    """The FEATURES of article `p` against story `s`, in order."""
    people, places, names = (p.names.get(k, EMPTY) for k in ("people", "places", "names"))
    years = cosine(p.years, s.years)
    dense_near, names_near = _near(p, s.near)
    return [
        cosine(p.words, s.words),
        _dense(p.dense, s.dense),
        dense_near,
        names_near,
        _dense(p.head, s.head),
        cosine(people, s.names["people"]),
        _cover(people, s.names["people"]),
        _share(s.names["people"], people),
        cosine(places, s.names["places"]),
        _cover(places, s.names["places"]),
        cosine(names, s.names["names"]),
        _cover(names, s.names["names"]),
        _clash(people, s.names["people"]),
        _clash(p.all_names, _all_names(s), 3),
        years,
        float(len(p.years[0]) > 0 and len(s.years[0]) > 0 and years == 0.0),
        cosine(p.months, s.months),
        min(1.0, math.log1p(s.size) / math.log(100)),
    ]
