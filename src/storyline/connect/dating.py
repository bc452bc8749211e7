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
    dated = []
    for a in articles:
        found = None if _known(a) else with_corpus_year(a.text, list(a.captions), years)
        if found:
            dated.append(replace(a, published=found))
    return dated


def corpus_year(text: str, captions: list[str], years: Counter) -> int | None:
    """The first corpus year, from the most to the least common, under which the text implies an interval.

    `years` counts the publication years of the corpus's dated articles.
    """
    for year, count in years.most_common():
        if count > 0 and implied(text, captions, year):
            return year
    return None


def with_corpus_year(text: str, captions: list[str], years: Counter) -> DateRange | None:
    """The interval the text implies under `corpus_year`, its reason naming the year; None without one."""
    year = corpus_year(text, captions, years)
    if year is None:
        return None
    found = implied(text, captions, year)
    count = years[year]
    why = f"{found.reason}; year {year} from {count} dated article{'s' * (count > 1)} of the corpus"
    return DateRange(found.earliest, found.latest, why)
