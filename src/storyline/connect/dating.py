"""Publication dates that only a story can give, and the event dates they complete.

An article may bound its own date only with dates it writes without a year
("arrested at a Moscow airport in February", "a verdict and sentence are
expected on August 5", "the five-month imprisonment", a wire dateline's
"LONDON, March 4 (Reuters) -"): the clean stage, which sees one article,
leaves it undated, or bounded at one end only (after 2019-01-01 from "had led
the company since 2019"), and stage 4 narrows that, never widens it. The other articles of its story are the
best evidence of the year: each year they were published in is tried, and
when exactly one of them lets the text's own bounds
(`storyline.clean.dating.bounds` with that year: past, scheduled, ongoing,
weekday) close an interval (a lower and an upper bound, consistent), that
interval is kept; the reason names the year and how many articles of the
story gave it. An article whose story has no dated article, or whose story's
years (several) fit it equally or not at all, stays undated: no guess. An
article the clean stage left with no interval at all, in a story whose dated
articles were all published in one year, is placed in that year
(`in_story_year`): within it, the interval its text implies under that year
("collected on April 14": 2026-04-14 to 2026-12-31), unless its text
contradicts that year; an end only the year sets ("before: the end of 2026")
says nothing of when its story ran (`store.readonly.spanned` leaves it out).

Then `redate_times`: the article's time expressions that stage 3 valued
without a publication day ("February" XXXX-02, "August 5" XXXX-08-05, "Friday"
XXXX-WXX-5) are valued again by the TIMEX3 tagger under each day the new
interval allows (`storyline.timex.tag_each`; an interval of a day or two: the
day stage 3 anchors an article dated so on, `storyline.read.anchor`), and an
expression takes the value all those days give it, else keeps its own: past
"in February" of an article published in July 2022 is 2022-02 under every day
of 2022-07-01..2022-08-04, "expected on August 5" 2022-08-05, while "Friday"
names another day under each and stays XXXX-WXX-5; a month the interval's
days read in two years (untensed "December" of an article of March to
October) stays yearless: no guess. The values are those stage 3 gives an
article dated in stage 2 (the tense of the clause puts a yearless date
before or after the day, as `timex.rules.nearest_year` says).

Then `redate_events`: the events of such an article that stage 3 left
undated for want of a year ("expected on August 5") take the one date their
sentence writes without a year, completed with the year that puts it on the
side of the new interval that their modality says (expected: after it; actual:
before it); words stage 3 dated as news of the article ("said") take the new
interval.

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
from datetime import date, timedelta
from typing import Iterable, Mapping, Sequence

from storyline.clean.dating import bounds, combine, implied
from storyline.read import anchor
from storyline.read.events.timing import NEWS_OF_THE_ARTICLE, range_of
from storyline.records import (YEAR_OF_STORY, AnalysedArticle, Article, ArticleDate, DateRange, Event,
                               TimeExpression)
from storyline.timex import tag_each
from storyline.timex.resolve import interval

_YEARLESS = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?")
_AFTER_PUBLICATION = {"expected", "possible"}
# the longest publication interval whose days are each tried as the anchor of its time expressions: over a
# year, no yearless date reads the same under all of them
MAX_DAYS = 366


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


def in_story_year(text: str, captions: list[str], years: Counter) -> DateRange | None:
    """An undated article in the one year of its story's dated articles: the interval the text implies under that
    year (its yearless dates completed with it) within that year, its ends the year's first and last day where
    the text sets none (so bounded, whatever its text says of the day); the reason says which ends the year
    alone sets (`records.story_year_ends`). None when the story's dated articles span several years (`corpus_year`
    decides there), or when the text contradicts the year: its bounds under it disagree with each other ("was
    held on September 9" and "expected on August 5") or lie outside it ("the five-month detention" since an
    "October" of that year puts the text in the next).
    """
    present = [year for year, count in years.items() if count > 0]
    if len(present) != 1:
        return None
    year, count = present[0], years[present[0]]
    start, end = date(year, 1, 1), date(year, 12, 31)
    found = bounds(text, captions, year)
    own = combine(found)
    if found and own is None:
        return None
    lo, hi = (own.earliest, own.latest) if own else (None, None)
    if (lo and lo > end) or (hi and hi < start):
        return None
    tail = f"{YEAR_OF_STORY} ({count})"
    if lo is None and hi is None:
        return DateRange(start, end, f"within {year}, {tail}")
    if hi is None:
        return DateRange(max(lo, start), end, f"{own.reason}; before: the end of {year}, {tail}")
    return DateRange(start, min(hi, end), f"{own.reason}; after: the start of {year}, {tail}") if lo is None \
        else DateRange(max(lo, start), min(hi, end), f"{own.reason}; year {year} from {count} dated "
                                                       f"article{'s' * (count > 1)} of its story")


def story_years(articles: Iterable[Article], story_of: Mapping[str, str]) -> dict[str, Counter]:
    """Story id -> Counter of the publication years of its dated articles: those whose interval lies within one
    year (an article only known to be after 2019-01-01, from a background "since 2019", gives no year)."""
    years: dict[str, Counter] = {}
    for a in articles:
        sid = story_of.get(a.id)
        if sid is not None and (year := _one_year(a.published)) is not None:
            years.setdefault(sid, Counter())[year] += 1
    return years


def _one_year(r: DateRange | None) -> int | None:
    return r.earliest.year if _closed(r) and r.earliest.year == r.latest.year else None


def narrowed(published: DateRange | None, found: DateRange | None) -> DateRange | None:
    """`found` (stage 4's interval) within stage 2's `published` (None, or open at one end): their intersection,
    its reason naming stage 2's where that bound an end; None when they do not meet or `found` is not closed.
    Stage 4 never widens nor contradicts the clean stage."""
    if not _closed(found):
        return None
    if not known(published):
        return found
    lo, hi = max(found.earliest, published.earliest or date.min), min(found.latest, published.latest or date.max)
    if lo > hi:
        return None
    if (lo, hi) == (found.earliest, found.latest):
        return found
    return DateRange(lo, hi, f"{found.reason}; within the text's own interval ({published.reason})")


def date_articles(articles: Iterable[Article], story_of: Mapping[str, str],
                  years: Mapping[str, Counter] | None = None,
                  analyses: Mapping[str, AnalysedArticle] | None = None) -> tuple[ArticleDate, ...]:
    """Stage-4 publication intervals for the articles without a closed one, from the years of their story's dated
    articles: an undated article, or one the clean stage bounds at one end only (`narrowed`: "after 2019-01-01"
    from "had led the company since 2019", then "LONDON, March 4 (Reuters) -" in the story's year 2025); an
    undated article the story's years do not close this way is placed in its story's one year
    (`in_story_year`), one bounded at one end keeps its other end open.

    `story_of`: article id -> story id; an article in no story gets nothing. `years`: `story_years` of the
    same articles, given when `articles` is a stream read once (else it is computed from them).
    `analyses` (article id -> its stage-3 reading): each date carries the article's time expressions its
    interval values further (`redate_times`); without them, or for an article not read, none.
    Copies (`duplicate_of`) are left as they are.
    """
    if years is None:
        articles = list(articles)
        years = story_years(articles, story_of)
    out = []
    for a in articles:
        sid = story_of.get(a.id)
        if _closed(a.published) or a.duplicate_of or sid not in years:
            continue
        found = narrowed(a.published, with_corpus_year(a.text, list(a.captions), years[sid]))
        if found is None and not known(a.published):
            found = in_story_year(a.text, list(a.captions), years[sid])
        if found:
            reading = analyses.get(a.id) if analyses else None
            out.append(timed(ArticleDate(a.id, found), a, reading) if reading else ArticleDate(a.id, found))
    return tuple(out)


def timed(dated: ArticleDate, article: Article, analysis: AnalysedArticle) -> ArticleDate:
    """`dated` (of `article`) with the time expressions of its stage-3 `analysis` that it values further
    (`redate_times`)."""
    return replace(dated, times=redate_times(article, analysis.time_expressions, dated.published))


def redate_times(article: Article, times: Sequence[TimeExpression],
                 published: DateRange) -> tuple[TimeExpression, ...]:
    """Those of `times` (the article's stage-3 expressions, read with no publication day) that `published`
    values further, with the value and interval the tagger gives them under every day `published` allows
    (`anchors`), where those days all give the same one; each keeps its span, type, text and mod (an
    expression the tagger reads otherwise under some day is left out). In article order; () when the
    interval allows no day or more than `MAX_DAYS`."""
    days = anchors(article, published)
    stored = {(t.start, t.end): t for t in times}
    agreed: dict[tuple[int, int], TimeExpression] | None = None
    for found in tag_each(article.text, days) if stored else ():
        here = {(t.start, t.end): t for t in found if (s := stored.get((t.start, t.end))) is not None
                and (t.text, t.type, t.mod) == (s.text, s.type, s.mod) and t.value != s.value}
        agreed = here if agreed is None else {k: t for k, t in agreed.items() if here.get(k) == t}
        if not agreed:
            return ()
    return tuple(replace(stored[k], value=t.value, earliest=t.earliest, latest=t.latest)
                 for k, t in sorted((agreed or {}).items()))


def anchors(article: Article, published: DateRange) -> list[date]:
    """The days the article's relative expressions may count from under `published`: the one stage 3 counts
    from for an article so dated (`storyline.read.anchor`: an interval of at most `read.ANCHOR_DAYS` days),
    else each day of a closed interval of at most `MAX_DAYS` days; none for a longer or open one."""
    day = anchor(replace(article, published=published))
    if day is not None:
        return [day]
    lo, hi = published.earliest, published.latest
    if lo is None or hi is None or not 0 <= (hi - lo).days < MAX_DAYS:
        return []
    return [lo + timedelta(days=n) for n in range((hi - lo).days + 1)]


def retimed(analysis: AnalysedArticle, dated: ArticleDate) -> AnalysedArticle:
    """The analysis with `dated.times` in place of its time expressions of the same span."""
    if not dated.times:
        return analysis
    new = {(t.start, t.end): t for t in dated.times}
    return replace(analysis, time_expressions=tuple(new.get((t.start, t.end), t) for t in analysis.time_expressions))


def redate_events(analysis: AnalysedArticle, published: DateRange) -> AnalysedArticle:
    """The analysis with its undated events dated by the one yearless date of their sentence (see module doc)."""
    events = tuple(_redated(e, analysis.time_expressions, published) for e in analysis.events)
    return analysis if events == analysis.events else replace(analysis, events=events)


def redated(analyses: Iterable[AnalysedArticle], dates: Iterable[ArticleDate]) -> list[AnalysedArticle]:
    """The analyses of the articles stage 4 dated with their events dated (`redate_events`, from stage 3's time
    expressions), then their time expressions valued (`retimed`) and the events those expressions dated in
    stage 3 dated again (`retime_events`); the others unchanged."""
    by_id = {d.article_id: d for d in dates}
    return [retime_events(retimed(redate_events(an, by_id[an.article_id].published), by_id[an.article_id]),
                          by_id[an.article_id]) if an.article_id in by_id else an for an in analyses]


def retime_events(analysis: AnalysedArticle, dated: ArticleDate) -> AnalysedArticle:
    """The analysis with each event that stage 3 dated by a time expression of its sentence ("began an
    eight-day strike on Sunday", read under the bound "after 1989-01-01" that "the first strike since 1989"
    gave the undated article) dated again by that expression as `dated.times` values it."""
    if not dated.times:
        return analysis
    events = tuple(_retimed(e, dated) for e in analysis.events)
    return analysis if events == analysis.events else replace(analysis, events=events)


def _retimed(e: Event, dated: ArticleDate) -> Event:
    if e.time is None:
        return e
    for t in dated.times:
        if e.sentence.start <= t.start and t.end <= e.sentence.end \
                and e.time.reason.startswith(f"time expression {t.text!r}"):
            return replace(e, time=range_of(t, dated.published) or e.time)
    return e


def _redated(e: Event, times: Sequence[TimeExpression], published: DateRange) -> Event:
    if e.time is not None and e.time.reason == NEWS_OF_THE_ARTICLE:     # told as news: the article's new interval
        return replace(e, time=DateRange(published.earliest, published.latest, NEWS_OF_THE_ARTICLE))
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
