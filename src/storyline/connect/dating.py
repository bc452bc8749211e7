"""Publication dates that only the corpus can complete.

An article may bound its own date with month-and-day references ("arrested in
February", "a verdict expected on August 5") and yet never name a year. The
other articles of the same run are then the best evidence of the year: the
one most of them were published in, tried first, then the others, keeping the
first year under which the text's own constraints agree. The reason says so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from storyline.clean.dating import implied
from storyline.records import Article, DateRange


def _known(a: Article) -> bool:
    return a.published is not None and (a.published.earliest is not None or a.published.latest is not None)


def date_undated(articles: Iterable[Article]) -> list[Article]:
    """The undated articles that a corpus year lets the text date, with their new dates."""
    articles = list(articles)
    years = Counter((a.published.earliest or a.published.latest).year for a in articles if _known(a))
    if not years:
        return []
    dated = []
    for a in articles:
        if _known(a):
            continue
        for year, count in years.most_common():
            found = implied(a.text, list(a.captions), year)
            if found:
                why = f"{found.reason}; year {year} from {count} dated article{'s' * (count > 1)} of the corpus"
                dated.append(replace(a, published=DateRange(found.earliest, found.latest, why)))
                break
    return dated
