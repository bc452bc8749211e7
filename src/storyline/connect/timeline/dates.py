"""Rank a story's dates by how its articles refer to them (DATEWISE date ranking).

Method: Gholipour Ghalandari and Ifrim (2020), "Examining the State-of-the-Art
in News Timeline Summarization", ACL, section 4 (news-tls `SupervisedDateRanker`):
each candidate date is described by counts of how the corpus refers to it,
every count column is scaled to unit L2 norm over the story's candidate days
(so that a story of 5 articles and one of 5,000 look alike), and a logistic
regression fitted on dev topics (bench/timeline_model.py, weights in
`date_model.json`) gives the probability that a journalist's timeline has the
date. The counts, for a granule g (see `sentences.granule`):

  sents_total / _before / _after   sentences mentioning g; before / after: g
                                   ends before / starts after the sentence's
                                   article was published
  docs_total / _before / _after    the same, counting each article once
  docs_published                   articles published on g (days only)
  docs_published_next              articles published on the day after g (a report of the day before)
  docs_weekday                     the story's articles published on g's weekday, whatever their day
                                   (days only): the story's weekly rhythm; events a timeline keeps fall
                                   on the weekdays the news is made (the fitted weight is positive:
                                   a weekend day is a timeline date less often)

A candidate is a granule that some article mentions or was published on.
Months and years are counted the same way (their publication counts are 0):
they become entries only where the sources give nothing finer.

Measured and not kept (bench/timeline_features.py, held-out date F1 by leave
one dev topic out, times-only readings; shipped counts 0.5044): adding the
articles that lead with the date (0.4954), that recall it a week or more later
(0.5001), that name it with its month (0.5001), a publication burst against the
week either side (0.4934), or (store readings, largest story; shipped 0.4846)
the articles reporting a non-statement event dated that day (0.4773). Nor, a
date or two either way at best (times-only, held-out 0.5044 before timestamps
were left out): log-scaled counts (0.4843), one date per sentence, its first
(0.4955) or its first day (0.5067), topics weighted alike in the fit (0.5104),
C 0.1 / 10 / 100 (0.4792 / 0.5079 / 0.5066), reader comments left out (0.5018),
gradient boosting or a random forest for the regression (0.4344, 0.4553). What
does limit the figure (bench/timeline_errors.py): a perfect ranking of our
candidate days would score 0.86 / 0.90 / 0.49 on finan / iraq / syria, syria's
four reference timelines agreeing with each other at 0.18.

Variants fitted and scored side by side by bench/timeline_variants.py (times-only
readings, real timelines at the default length; date F1 in-sample / held-out
by leave one dev topic out; one date is 0.015 on finan, 0.006 on iraq):
the counts before docs_weekday, refitted 0.5138 / 0.5165; with docs_weekday
(shipped) 0.5387 / 0.5314. Not kept, none raising both figures: a weekend flag
instead of docs_weekday 0.5382 / 0.5327, or beside it 0.5459 / 0.5306; C 0.3 or
3 0.5139 / 0.4985, 0.5143 / 0.5217; adding the articles published the day before
(0.5139 / 0.5144) or within 3 days either side (0.5212 / 0.5186), the articles
mentioning any day of the weekday (0.5314 / 0.5314), the days between the first
and last article mentioning the date (0.5306 / 0.5336), its mentions against its
neighbours' (0.5263 / 0.5293), its place in the story's span (0.5261 / 0.5216),
the articles mentioning it published on it or within 2 days after (0.5194 /
0.5084), their share of that coverage (0.5238 / 0.5187), the day's publications
against its weekday's mean (0.5121 / 0.5054), or the articles mentioning its
month (0.5236 / 0.5216); leaving out the _after counts (0.5360 / 0.5216), the
sentence counts (0.5212 / 0.5190) or docs_published_next (0.5070 / 0.5096);
one training row per reference timeline and day in its span, labelled by that
reference (0.5268 / 0.5285); the largest or mean cosine of the date's sentences
to the story's TF-IDF centroid (0.5255 / 0.5160, 0.5309 / 0.5113); the weekday's
publications within 4 weeks of the date instead of the whole story's, in place
of docs_weekday or beside it (0.4977 / 0.5083, 0.5003 / 0.5156); each count's
percentile among the story's days in place of the counts (0.5011 / 0.4927), or
that of docs_total beside them (0.5161 / 0.5092); the day's PageRank in the date
reference graph (Tran et al. 2015: an edge from each article's publication day
to each day it mentions) beside them (0.5330 / 0.5234; on the largest stage-4
story, 0.5053 / 0.5051 against 0.4933 / 0.5030, too little to carry the loss on
whole topics), or with the edges reversed (largest story 0.5006 / 0.4958). With
docs_weekday the nested choice of the spreading constants (below) is unchanged:
discount 0.95, 2 to 3 days (bench/timeline_spread.py, nested figure 0.5212).

`choose` then takes dates best first, spreading them over time: each date
taken discounts the days within `SPREAD_DAYS` of it by `SPREAD_DISCOUNT`
(a greedy, maximal-marginal-relevance-like pass: an event's reports fill the
days around it, a journalist's timeline keeps one of them). The two constants
were picked on the dev topics by nested leave-one-topic-out
(bench/timeline_spread.py): every fold chose the discount 0.95 on its two
training topics, and 2 to 4 days; 3 is shipped.
"""
from __future__ import annotations

import heapq
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping

from storyline.connect.timeline.sentences import Sentence, bounds, level

FEATURES = ("sents_total", "sents_before", "sents_after", "docs_total", "docs_before", "docs_after",
            "docs_published", "docs_published_next", "docs_weekday")
MODEL_FILE = Path(__file__).with_name("date_model.json")
SPREAD_DAYS, SPREAD_DISCOUNT = 3, 0.95


@dataclass
class DateStats:
    """The counts of one granule, and the articles behind them."""

    counts: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FEATURES, 0.0))
    article_ids: set[str] = field(default_factory=set)


def _side(g: str, published: date | None) -> str | None:
    """'before' / 'after' when g lies wholly before / after the publication day, else None."""
    if published is None:
        return None
    first, last = bounds(g)
    return "before" if last < published else "after" if first > published else None


def statistics(sentences: Mapping[str, Iterable[Sentence]],
               published: Mapping[str, date | None]) -> dict[str, DateStats]:
    """Granule -> its counts, over the story's articles.

    `sentences`: article id -> its sentences; `published`: article id -> its
    publication day (None when not known to the day).
    """
    stats: dict[str, DateStats] = defaultdict(DateStats)
    weekdays = [0] * 7                                    # articles published on each weekday (Monday 0)
    for aid, sents in sentences.items():
        pub = published.get(aid)
        in_article: set[str] = set()
        for s in sents:
            for g in s.granules:
                st, side = stats[g], _side(g, pub)
                st.counts["sents_total"] += 1
                if side:
                    st.counts[f"sents_{side}"] += 1
                in_article.add(g)
        for g in in_article:
            st, side = stats[g], _side(g, pub)
            st.counts["docs_total"] += 1
            if side:
                st.counts[f"docs_{side}"] += 1
            st.article_ids.add(aid)
        if pub is not None:
            for g, key in ((pub.isoformat(), "docs_published"),
                           ((pub - timedelta(days=1)).isoformat(), "docs_published_next")):
                stats[g].counts[key] += 1
                stats[g].article_ids.add(aid)
            weekdays[pub.weekday()] += 1
    # a day only published before (never mentioned, nothing published on it) is no candidate
    kept = {g: st for g, st in stats.items() if st.counts["docs_total"] or st.counts["docs_published"]}
    for g, st in kept.items():
        if level(g) == "day":
            st.counts["docs_weekday"] = float(weekdays[date.fromisoformat(g).weekday()])
    return kept


def features(stats: Mapping[str, DateStats], names: tuple[str, ...] = FEATURES) -> dict[str, list[float]]:
    """Granule -> its feature vector: each count over that count's L2 norm across the story's days."""
    norms = {n: math.sqrt(sum(st.counts[n] ** 2 for g, st in stats.items() if level(g) == "day")) or 1.0
             for n in names}
    return {g: [st.counts[n] / norms[n] for n in names] for g, st in stats.items()}


@lru_cache(maxsize=1)
def load_model(path: str | Path = MODEL_FILE) -> dict:
    """The fitted ranker: {"features": [...], "weights": [...], "bias": b, ...} (bench/timeline_model.py)."""
    model = json.loads(Path(path).read_text(encoding="utf-8"))
    if len(model["features"]) != len(model["weights"]) or not set(model["features"]) <= set(FEATURES):
        raise ValueError(f"{path}: features and weights do not match")
    return model


def score(stats: Mapping[str, DateStats], model: Mapping | None = None) -> dict[str, float]:
    """Granule -> probability in (0, 1) that a timeline of the story has it (logistic regression)."""
    model = model or load_model()
    vectors = features(stats, tuple(model["features"]))
    out = {}
    for g, x in vectors.items():
        z = model["bias"] + sum(w * v for w, v in zip(model["weights"], x))
        out[g] = 1.0 / (1.0 + math.exp(-z))
    return out


def choose(scores: Mapping[str, float], want: int, keep: Callable[[str], bool],
           days: int = SPREAD_DAYS, discount: float = SPREAD_DISCOUNT) -> dict[str, float]:
    """Up to `want` granules that `keep` accepts, best first, with their scores as discounted when taken.

    `keep(g)` is asked once per granule, in order, and says whether g becomes an
    entry; only a granule kept discounts the days within `days` of it, by the
    factor `discount`. Ties go to the earlier granule. The discounted scores
    never increase along the order.
    """
    current = dict(scores)
    heap = [(-p, g) for g, p in current.items()]
    heapq.heapify(heap)
    seen: set[str] = set()
    out: dict[str, float] = {}
    while heap and len(out) < want:
        neg, g = heapq.heappop(heap)
        if g in seen or -neg != current[g]:
            continue                                      # taken already, or discounted since it was queued
        seen.add(g)
        if not keep(g):
            continue
        out[g] = current[g]
        if level(g) == "day":
            day = date.fromisoformat(g)
            for k in range(-days, days + 1):
                near = (day + timedelta(days=k)).isoformat()
                if k and near in current and near not in seen:
                    current[near] *= discount
                    heapq.heappush(heap, (-current[near], near))
    return out
