"""A story's dated timeline: which dates matter, and one sentence for each (stage 4).

DATEWISE (Gholipour Ghalandari and Ifrim 2020; news-tls): rank the dates the
story's articles refer to (`dates`), then summarise each chosen date by the
most central sentence about it (`summary`). Dates come from the stage-3
TIMEX3 values (`AnalysedArticle.time_expressions`) and the publication days;
an entry is dated to the day where the sources allow, else to a month or a
year: a month or a year is a candidate only when no finer date of the story
falls in it and at least `COARSE_ARTICLES` articles, and `COARSE_SHARE` of
the story's articles, name it (a background year a few articles recall, as
1929 in a story on a financial crisis, is no event of the story).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from storyline.connect.timeline.dates import DateStats, choose, score, statistics
from storyline.connect.timeline.sentences import Sentence, bounds, level, split
from storyline.connect.timeline.summary import Pool
from storyline.records import AnalysedArticle, Article, Event, TimelineEntry

__all__ = ["VERSION", "Reading", "default_length", "reading", "timeline"]

COARSE_ARTICLES, COARSE_SHARE = 2, 0.1
VERSION = "timeline-8"       # bump when the method or the shipped date model changes: stored timelines are redone


def default_length(n_articles: int) -> int:
    """Entries for a story of `n_articles` when the user sets none: two per article, within 5..2000.

    Generous on purpose: entries are ranked by `score`, so a reader (or a
    timeline scorer, which keeps a reference's number of dates inside the
    reference's span) cuts the timeline where it likes, while dates left out
    are lost; the dossier shows the best of them (export/report.py). In
    practice a story refers to about one candidate date per article, so this
    keeps nearly every date. Measured on the Timeline17 dev topics with each
    topic's largest stage-4 story: 2 sqrt(n) entries (capped at 40, the
    former default) scored date F1 0.31 on finan, one per article 0.54, two
    per article 0.68 (the whole topic read as one story: 0.72). A fixed length
    the size of a journalist's timeline loses dates the same way: 65 entries
    (finan's reference) gave a mean largest-story date F1 of 0.36 over the three
    topics, 155 (iraq's) 0.46, two per article 0.50 (bench/timelines.py --length).
    """
    return max(5, min(2000, 2 * n_articles))


@dataclass(frozen=True)
class Reading:
    """What the timeline reads from one story: its sentences, publication days and date counts."""

    sentences: dict[str, list[Sentence]]          # article id -> its sentences
    published: dict[str, date | None]             # article id -> its publication day, when known to the day
    stats: dict[str, DateStats]                   # granule -> how the story refers to it
    analyses: dict[str, AnalysedArticle]


def reading(articles: Sequence[Article], analyses: Sequence[AnalysedArticle]) -> Reading:
    """Split the story's articles into sentences and count how they refer to each date.

    A copy (`duplicate_of` another article of the story: a wire story printed
    twice, or an outlet's update of its own story) keeps only the sentences its
    original does not tell (same words), without a publication day of its own,
    so that what both tell is counted once and what an update adds is still
    read; an article without an analysis still counts by its publication day.
    """
    ids = {a.id for a in articles}
    readings = {an.article_id: an for an in analyses}
    every = {a.id: split(a, readings[a.id].time_expressions if a.id in readings else ()) for a in articles}
    sentences, published = {}, {}
    for a in articles:
        if a.duplicate_of is None or a.duplicate_of not in ids:
            sentences[a.id] = every[a.id]
            published[a.id] = a.published.earliest if a.published is not None and a.published.exact else None
            continue
        told = {_said(t) for t in every[a.duplicate_of]}
        if new := [s for s in every[a.id] if _said(s) not in told]:
            sentences[a.id], published[a.id] = new, None
    return Reading(sentences, published, statistics(sentences, published), readings)


def _said(s: Sentence) -> str:
    """A sentence's words, casefolded: what two versions of one article tell alike however they punctuate."""
    return " ".join(re.findall(r"\w+", s.text.casefold()))


def timeline(articles: Sequence[Article], analyses: Sequence[AnalysedArticle], length: int | None = None,
             model: Mapping | None = None) -> tuple[TimelineEntry, ...]:
    """The timeline of ONE story, in date order.

    `articles` are the story's articles and `analyses` their stage-3 readings.
    `length`: at most that many entries, the highest scored; None or 0 picks
    `default_length`. `model`: the date ranker (`dates.load_model()`, the
    shipped one, by default). Each entry's `score` is the ranker's probability
    that a journalist's timeline of the story has the date, discounted for
    dates taken close to it (`dates.choose`). Raises ValueError for a negative
    length.
    """
    if length is not None and length < 0:
        raise ValueError(f"timeline length must be 0 (automatic) or more, not {length}")
    story = reading(articles, analyses)
    if not story.stats:
        return ()
    scores = score(story.stats, model)
    covered = {g[:n] for g in scores for n in (4, 7) if len(g) > n}     # months and years holding a finer date
    want = length or default_length(len(story.sentences))
    coarse_floor = max(COARSE_ARTICLES, COARSE_SHARE * len(story.sentences))
    pool = Pool(story.sentences, story.published)
    chosen: dict[str, Sentence] = {}
    used: set[tuple[str, int]] = set()               # a sentence sums up one date, unless it is the only one

    def keep(g: str) -> bool:
        if level(g) != "day" and (g in covered or story.stats[g].counts["docs_total"] < coarse_floor):
            return False
        sentence = pool.summary(g, used)
        if sentence is not None:
            chosen[g] = sentence
            used.add((sentence.article_id, sentence.index))
        return sentence is not None

    taken = choose(scores, want, keep)
    return tuple(_entry(g, chosen[g], taken[g], sorted(story.stats[g].article_ids), story.analyses)
                 for g in sorted(taken))


def _entry(g: str, s: Sentence, p: float, article_ids: list[str],
           readings: dict[str, AnalysedArticle]) -> TimelineEntry:
    events = []
    for aid in sorted(set(article_ids) | {s.article_id}):
        reading = readings.get(aid)
        for k, v in enumerate(reading.events if reading else ()):
            if (aid == s.article_id and v.sentence.start < s.end and s.start < v.sentence.end) or _dated(v, g):
                events.append((aid, k))
    return TimelineEntry(date=g, text=s.text, article_id=s.article_id, start=s.start, end=s.end,
                         score=round(p, 6), article_ids=tuple(article_ids), events=tuple(events))


def _dated(v: Event, g: str) -> bool:
    """True when the event's time is exactly granule g (an actual event of that day, month or year)."""
    t = v.time
    return t is not None and v.modality == "actual" and (t.earliest, t.latest) == bounds(g)
