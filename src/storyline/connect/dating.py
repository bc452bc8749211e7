"""Publication dates that only a story can give, and the event dates they complete.

An article may bound its own date only with dates it writes without a year
("arrested at a Moscow airport in February", "a verdict and sentence are
expected on August 5", "the five-month imprisonment"): the clean stage, which
sees one article, leaves it undated. The other articles of its story are the
best evidence of the year: each year they were published in is tried, and
when exactly one of them lets the text's own bounds
(`storyline.clean.dating.bounds` with that year: past, scheduled, ongoing,
weekday) close an interval (a lower and an upper bound, consistent), that
interval is kept; the reason names the year and how many articles of the
story gave it. An article whose story has no dated article, whose text has no
such dates, or whose story's years fit it equally, stays undated: no guess.

Then `redate_events`: the events of such an article that stage 3 left
undated for want of a year ("expected on August 5") take the one date their
sentence writes without a year, completed with the year that puts it on the
side of the new interval that their modality says (expected: after it; actual:
before it).

Measured by bench/dating.py (its "with a corpus year" table: the dev sets'
documents the clean stage leaves undated, the corpus being the document's own
set less the document): each set spans several years, so no document gets one
year there (0 of 1,374 dated, none wrong; taking the most common year instead
dated 2, 1 wrong: "late November ... Dec. 15" in a 2015 text read as 2016).
With a story stood in for by the set's documents within 30 days of the true
day, 1 of the 1,374 is dated, containing the true day.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from storyline.clean.dating import implied
from storyline.records import AnalysedArticle, Article, ArticleDate, DateRange, Event, TimeExpression
from storyline.timex.resolve import interval

_YEARLESS = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?")
_AFTER_PUBLICATION = {"expected", "possible"}


def known(r: DateRange | None) -> bool:
    """Whether a publication interval has at least one end."""
    return r is not None and (r.earliest is not None or r.latest is not None)


def corpus_year(text: str, captions: list[str], years: Counter) -> int | None:
    """The one year of `years` under which the text closes an interval (a lower and an upper bound); None when
    none does or several do (a story across New Year: no guess).

    `years` counts the publication years of the dated articles to draw on (a story's).
    """
    fitting = [year for year, count in years.items() if count > 0 and _closed(implied(text, captions, year))]
    return fitting[0] if len(fitting) == 1 else None


def _closed(r: DateRange | None) -> bool:
    return r is not None and r.earliest is not None and r.latest is not None


def with_corpus_year(text: str, captions: list[str], years: Counter) -> DateRange | None:
    """The interval the text implies under `corpus_year`, its reason naming the year; None without one."""
    year = corpus_year(text, captions, years)
    if year is None:
        return None
    found = implied(text, captions, year)
    count = years[year]
    return DateRange(found.earliest, found.latest,
                     f"{found.reason}; year {year} from {count} dated article{'s' * (count > 1)} of its story")


def story_years(articles: Iterable[Article], story_of: Mapping[str, str]) -> dict[str, Counter]:
    """Story id -> Counter of the publication years of its dated articles."""
    years: dict[str, Counter] = {}
    for a in articles:
        sid = story_of.get(a.id)
        if sid is not None and known(a.published):
            years.setdefault(sid, Counter())[(a.published.earliest or a.published.latest).year] += 1
    return years


def date_articles(articles: Iterable[Article], story_of: Mapping[str, str],
                  years: Mapping[str, Counter] | None = None) -> tuple[ArticleDate, ...]:
    """Stage-4 publication intervals for the articles without one, from the years of their story's dated articles.

    `story_of`: article id -> story id; an article in no story gets nothing. `years`: `story_years` of the
    same articles, given when `articles` is a stream read once (else it is computed from them).
    Copies (`duplicate_of`) are left as they are.
    """
    if years is None:
        articles = list(articles)
        years = story_years(articles, story_of)
    out = []
    for a in articles:
        sid = story_of.get(a.id)
        if known(a.published) or a.duplicate_of or sid not in years:
            continue
        found = with_corpus_year(a.text, list(a.captions), years[sid])
        if found:
            out.append(ArticleDate(a.id, found))
    return tuple(out)


def redate_events(analysis: AnalysedArticle, published: DateRange) -> AnalysedArticle:
    """The analysis with its undated events dated by the one yearless date of their sentence (see module doc)."""
    events = tuple(_redated(e, analysis.time_expressions, published) for e in analysis.events)
    return analysis if events == analysis.events else replace(analysis, events=events)


def redated(analyses: Iterable[AnalysedArticle], dates: Iterable[ArticleDate]) -> list[AnalysedArticle]:
    """`redate_events` applied to the analyses of the articles stage 4 dated; the others unchanged."""
    by_id = {d.article_id: d.published for d in dates}
    return [redate_events(an, by_id[an.article_id]) if an.article_id in by_id else an for an in analyses]


def _redated(e: Event, times: Sequence[TimeExpression], published: DateRange) -> Event:
    if e.time is not None:
        return e
    inside = [t for t in times if t.type in ("DATE", "TIME") and e.sentence.start <= t.start and
              t.end <= e.sentence.end]
    if len(inside) != 1 or not (m := _YEARLESS.fullmatch(inside[0].value)):
        return e
    t = inside[0]
    later = e.modality in _AFTER_PUBLICATION
    edge = published.earliest if later else published.latest
    if edge is None or (published.earliest and published.latest
                        and (published.latest - published.earliest).days > 300):
        return e
    for year in ((edge.year, edge.year + 1) if later else (edge.year, edge.year - 1)):
        lo, hi = interval(f"{year}-{m[1]}" + (f"-{m[2]}" if m[2] else ""))
        if lo is None:
            return e
        if (later and hi >= edge) or (not later and lo <= edge):
            why = f"time expression {t.text!r}, year {year} from the article's date ({published.reason})"
            return replace(e, time=DateRange(lo, hi, why))
    return e
