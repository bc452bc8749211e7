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
  earthquakes, each with its own towns, officials and agencies), unless the
  two sides name a person in common (a market follow-up led by an analyst
  still names the governor whose decision it reports); a surname
  key the two sides hold only for different people ("Thomas Whitfield",
  "Paul Whitfield": `state.namesakes`) is no shared name in either;
- when: overlap of the years and months the texts name, and `year_clash`
  when both name years and share none (publication dates act before any
  signal: a story outside the look-up's time window is no candidate; the
  dev data has too few publication days to fit a weight on their distance);
- the best headline cosine with the story's kept headlines (`headline_near`:
  a follow-up often repeats one earlier headline rather than the centroid);
- what without who: the body-embedding cosine when the main people clash
  (`dense_people_clash`) and the TF-IDF cosine times the share of the
  article's names the story lacks (`words_names_missing`), since a story of
  the same kind reads alike and names other people (a linear model cannot
  form these products itself);
- the story's size.
"""
from __future__ import annotations

import math

import numpy as np

from .profile import Profile
from .state import StoryState, Views, namesakes
from .vectors import EMPTY, Sparse, cosine, shared

FEATURES = ("words", "dense", "dense_near", "names_near", "headline", "people", "people_cover", "story_people",
            "places", "places_cover", "names", "names_cover", "people_clash", "names_clash", "years", "year_clash",
            "months", "headline_near", "dense_people_clash", "words_names_missing", "size")


def _cos(a: np.ndarray | None, s: np.ndarray | None) -> float:
    return max(0.0, float(np.dot(a, s))) if a is not None and s is not None else 0.0


def _near(p: Profile, near: list[tuple[np.ndarray | None, Sparse]]) -> tuple[float, float]:
    """Body cosine with the nearest kept member of the story, and names cosine with that member."""
    best, names = -1.0, EMPTY
    if (dense := p.dense) is not None:
        for vec, member_names in near:
            if vec is not None and (sim := float(np.dot(dense, vec))) > best:
                best, names = sim, member_names
    return max(0.0, best), cosine(p.all_names, names)


def _headline_near(p: Profile, s: StoryState) -> float:
    """Best cosine of p's headline vector with the story's kept headline vectors."""
    if (head := p.head) is None:
        return 0.0
    sims = [float(np.dot(head, v)) for _, v in s.headlines if v is not None]
    return max(0.0, max(sims)) if sims else 0.0


def _cosine(a: Views, s: Views, name: str) -> float:
    """Cosine of the two sides' vectors `name` (vectors.cosine, with the norms each side keeps)."""
    va, vs = a.vector(name), s.vector(name)
    ia, ib = shared(va, vs)
    if not len(ia) or not (na := a.norm(name)) or not (ns := s.norm(name)):
        return 0.0
    return float(np.dot(va[1][ia], vs[1][ib])) / (na * ns)


def _cosine_cover(a: Views, s: Views, name: str) -> tuple[float, float]:
    """Cosine of the two sides' vectors `name`, and the share of a's weight on keys that s holds."""
    if a.keys(name).isdisjoint(s.keys(name)):
        return 0.0, 0.0
    va, vs = a.vector(name), s.vector(name)
    ia, ib = shared(va, vs)
    wa = va[1][ia]
    return float(np.dot(wa, vs[1][ib])) / (a.norm(name) * s.norm(name)), float(wa.sum()) / a.total(name)


def _cover(a: Views, s: Views, name: str) -> float:
    """The share of a's weight (vector `name`) on keys that s holds."""
    if a.keys(name).isdisjoint(s.keys(name)):
        return 0.0
    va = a.vector(name)
    return float(va[1][shared(va, s.vector(name))[0]].sum()) / a.total(name)


def _clash(a_main, a_all, s_main, s_all, namesakes: frozenset[int] = frozenset()) -> float:
    """1 when both have names and neither side's main names appear on the other side at all; a surname key the
    two sides hold for different people (`state.namesakes`) is no shared name."""
    if namesakes:
        a_main, a_all, s_main, s_all = a_main - namesakes, a_all - namesakes, s_main - namesakes, s_all - namesakes
    return float(bool(a_all) and bool(s_all) and not (a_main & s_all) and not (s_main & a_all))


def names_clash(p: Profile, s: StoryState) -> float:
    """The signal `names_clash` of article `p` against story `s` (computed first: the join model's gate)."""
    pv, sv = p.views(), s.views()
    return _names_clash(pv, sv, namesakes(pv, sv))


def _names_clash(pv: Views, sv: Views, others: frozenset[int]) -> float:
    if (pv.keys("people") & sv.keys("people")) - others:
        return 0.0                                        # a person in common: not two stories of a kind
    return _clash(pv.main_names, pv.all_keys, sv.main_names, sv.all_keys, others)


def row(p: Profile, s: StoryState) -> list[float]:
    """The FEATURES of article `p` against story `s`, in order."""
    pv, sv = p.views(), s.views()
    people_keys, story_people = pv.keys("people"), sv.keys("people")
    years = _cosine(pv, sv, "years") if not pv.keys("years").isdisjoint(sv.keys("years")) else 0.0
    dense_near, names_near = _near(p, s.near)
    story_main = sv.main_people
    (people_cos, people_cover), (places_cos, places_cover), (names_cos, names_cover) = (
        _cosine_cover(pv, sv, kind) for kind in ("people", "places", "names"))
    words, dense = _cosine(pv, sv, "words"), _cos(p.dense, sv.dense)
    others = namesakes(pv, sv)
    people_clash = _clash(set(pv.main_people[:2]), people_keys, set(story_main[:2]), story_people, others)
    names_cover_all = _cover(pv, sv, "all_names") if pv.all_keys else 1.0
    return [
        words,
        dense,
        dense_near,
        names_near,
        _cos(p.head, sv.head),
        people_cos,
        people_cover,
        sum(1 for k in story_main if k in people_keys) / len(story_main) if story_main and people_keys else 0.0,
        places_cos,
        places_cover,
        names_cos,
        names_cover,
        people_clash,
        _names_clash(pv, sv, others),
        years,
        float(len(p.years[0]) > 0 and len(s.years[0]) > 0 and years == 0.0),
        _cosine(pv, sv, "months") if not pv.keys("months").isdisjoint(sv.keys("months")) else 0.0,
        _headline_near(p, s),
        dense * people_clash,
        words * (1.0 - names_cover_all),
        min(1.0, math.log1p(s.size) / math.log(100)),
    ]
