"""Stage 4: what only many articles together tell.

`connect(articles, analyses) -> Connected` runs once after stage 3 over the
whole store's records. Most of it is done within each story alone
(`connect_story`): the same referent across its articles
(`entities.resolve_story`), the same event across its reports (`events`),
where its outlets agree or conflict on a fact (`facts`). Only then are the
stories' referents linked across stories by exact name keys and the records
given corpus ids (`assemble`), so a story's own work can be kept and reused
while the story is unchanged (connect/cached.py). The publication intervals
that only a story's other articles give (`dating`: the year of dates an
undated article writes without one; its time expressions valued again and its
events dated by such a date follow) come first. Typed records in, typed records out: the runner stores the
result and the exporter only writes it.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Mapping, Sequence

from storyline.connect.dating import date_articles, redated
from storyline.connect.entities import StoryEntity, entity_name, entity_type, groups, link, resolve_story
from storyline.connect.events import merge_events
from storyline.connect.facts import compare, objects_named
from storyline.records import (AnalysedArticle, Article, ArticleDate, ComparedFact, Connected, DateRange, Fact,
                               MergedEvent, TimeExpression)


@dataclass(frozen=True)
class StoryConnected:
    """Stage 4 within one story, or one article in no story: its referents (`entities`), its events with
    reports of one event merged (numbered "v1", "v2", ... in order of first report), and its facts compared
    across its articles. Events and facts name entities by their position in `entities` ("0", "1", ...);
    `story_records` gives them corpus ids."""

    entities: tuple[StoryEntity, ...] = ()
    events: tuple[MergedEvent, ...] = ()
    facts: tuple[ComparedFact, ...] = ()


def connect(articles: Sequence[Article | str], analyses: Mapping[str, AnalysedArticle],
            story_of: Mapping[str, str] | None = None, dates: Sequence[ArticleDate] | None = None,
            copies: Mapping[str, str] | None = None) -> Connected:
    """Stage 4 over every stored article (an Article or its id: only ids and their order are read) and its
    analysis (article id -> AnalysedArticle; time expressions are read only for the articles in `dates`).

    `story_of` (article id -> story id) bounds people resolution, event merging and fact comparison to a
    story (an article in no story alone); without it the corpus is one group outside any story (events
    merged only within an article). Stage-4 dating draws on the dated articles of the same story. `dates`
    are the stage-4 publication intervals (connect.dating.date_articles); None: dated here, from `articles`,
    which must then be Articles. Articles without an analysis (refused by stage 3) are left out. `copies`
    (article id -> the article it duplicates; None: from `articles` where they are Articles) makes a copy no
    second source of a fact.
    """
    if dates is None:
        dates = date_articles(articles, story_of or {}, analyses=analyses)
    read = redated([analyses[i] for a in articles if (i := a if isinstance(a, str) else a.id) in analyses], dates)
    if copies is None:
        copies = copies_of(a for a in articles if not isinstance(a, str))
    published = publication_dates([a for a in articles if not isinstance(a, str)], dates)
    outlets = outlets_of(a for a in articles if not isinstance(a, str))
    return assemble({g: connect_story(group, in_story, copies, published, outlets)
                     for g, in_story, group in groups(read, story_of)}, dates)


def copies_of(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> the article it duplicates (stage 2's `duplicate_of`), for those of `articles` that are
    copies: a copy is no second source of a fact (`facts.compare`)."""
    return {a.id: a.duplicate_of for a in articles if a.duplicate_of}


def outlets_of(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> its outlet, folded ("Reuters", "reuters"), for those of `articles` that name one: two
    articles of one outlet are one source of a fact (`facts.compare`)."""
    return {a.id: a.outlet.casefold() for a in articles if a.outlet}


def publication_dates(articles: Iterable[Article], dates: Iterable[ArticleDate]) -> dict[str, DateRange]:
    """Article id -> publication interval: the clean stage's, else stage 4's (`dates`)."""
    return {a.id: a.published for a in articles if a.published} | {d.article_id: d.published for d in dates}


def connect_story(read: Sequence[AnalysedArticle], in_story: bool = True,
                  copies: Mapping[str, str] | None = None,
                  published: Mapping[str, DateRange] | None = None,
                  outlets: Mapping[str, str] | None = None) -> StoryConnected:
    """`StoryConnected` of one story's analyses (`in_story`), events already `redated`, in article order;
    `in_story` False: analyses in no story (events merged only within an article). `copies`: article id ->
    the article it duplicates, for the events (`events.merge_events`) and facts (`facts.compare`).
    `published` (article id -> publication interval) lets a running total rise without conflict, and
    `outlets` (article id -> outlet) makes one outlet's articles one source (`facts.compare`)."""
    entities = resolve_story(read, in_story)
    local = {(aid, eid): str(n) for n, se in enumerate(entities) for aid, eid, *_ in se.members}
    actors = [str(n) for n, se in enumerate(entities) if entity_type(se) in ("PERSON", "ORG")]
    events = merge_events(read, local, {an.article_id: "" for an in read} if in_story else None, actors, copies,
                          published)
    names = [entity_name(se) for se in entities]

    def named(an: AnalysedArticle) -> tuple[Fact, ...]:      # "stake in Halvorsen": the story's name of Halvorsen
        return objects_named(an, lambda eid: None if (n := local.get((an.article_id, eid))) is None else names[int(n)])
    facts = compare(((an.article_id, local.get((an.article_id, f.subject)), f,
                      local.get((an.article_id, src)) if src else None)
                     for an in read for f, src in zip(named(an), fact_sources(an))), copies, published, outlets)
    return StoryConnected(tuple(entities), tuple(events), tuple(facts))


def assemble(stories: Mapping[str, StoryConnected], dates: Sequence[ArticleDate]) -> Connected:
    """The corpus's stage-4 records from its stories' (story or group id -> `StoryConnected`): people linked
    across stories (`entities.link`), and each story's events and facts with corpus ids
    (`story_records`); records sorted by id, dates by article id."""
    linked = link({g: s.entities for g, s in stories.items()})
    events: list[MergedEvent] = []
    facts: list[ComparedFact] = []
    for g, s in stories.items():
        more_events, more_facts = story_records(g, s, [linked[(g, i)].id for i in range(len(s.entities))])
        events += more_events
        facts += more_facts
    return Connected(entities=tuple(sorted({e.id: e for e in linked.values()}.values(), key=lambda e: e.id)),
                     events=tuple(sorted(events, key=lambda e: e.id)), facts=tuple(sorted(facts, key=lambda f: f.id)),
                     dates=tuple(sorted(dates, key=lambda d: d.article_id)))


def story_records(story_id: str, s: StoryConnected, ids: Sequence[str]) \
        -> tuple[list[MergedEvent], list[ComparedFact]]:
    """A story's events and facts with corpus ids (`ids`: the corpus id of each of its entities, by
    position) and ids of their own: "<story id>:v1", "<story id>:f1", ..."""
    def corpus(local: str | None) -> str | None:
        return local and ids[int(local)]
    events = [replace(ev, id=f"{story_id}:{ev.id}", place=corpus(ev.place),
                      participants=tuple(dict.fromkeys((role, ids[int(c)]) for role, c in ev.participants)))
              for ev in s.events]
    facts = [replace(f, id=f"{story_id}:f{n}", subject=corpus(f.subject),
                     evidence=tuple(replace(e, source=corpus(e.source)) for e in f.evidence))
             for n, f in enumerate(s.facts, start=1)]
    return events, facts


def fact_sources(an: AnalysedArticle) -> tuple[str | None, ...]:
    """Per fact of the analysis, the entity stage 3 credits its value to (`Fact.source`: "according to Unite",
    "the port said"), else the per-article speaker entity of the first quote with a speaker whose content
    holds the fact's value (where the value is found in its evidence sentence, as written or as the time
    expression that spells a date value: "pleaded guilty last month" holds "2024-05"; else whose content
    meets the sentence), else None: a fact read inside a quote keeps its speaker, one read beside it ("The
    31-year-old pleaded guilty but said she had no criminal intent") is the writer's."""
    return tuple(_source(an, f) for f in an.facts)


def _source(an: AnalysedArticle, f: Fact) -> str | None:
    if f.source:
        return f.source                                   # credited by stage 3: "according to Unite"
    at = _value_at(f, an.time_expressions)
    start, end = (at, at + 1) if at is not None else (f.evidence.start, f.evidence.end)
    for q in an.quotes:
        spans = q.content_spans or ((q.start, q.end),)
        if q.speaker_entity and any(s <= start < e or start <= s < end for s, e in spans):
            return q.speaker_entity
    return None


def _value_at(f: Fact, times: Sequence[TimeExpression] = ()) -> int | None:
    """The article offset of the fact's value in its evidence sentence: the value as written, else the first
    time expression of the sentence whose interval the value spells (a date fact: "2024-05" is "last month",
    "2024-03-08" "on Friday"), else its first number standing alone; None when none is there (a value stage 3
    spelled otherwise)."""
    text = f.evidence.text
    i = text.lower().find(f.value.lower())
    if i >= 0:
        return f.evidence.start + i
    for t in sorted(times, key=lambda t: t.start):
        if f.evidence.start <= t.start < f.evidence.end and f.value in (t.value, _spelled(t)):
            return t.start
    if number := re.search(r"\d+", f.value):
        for m in re.finditer(r"(?<![\d.,])\d[\d,]*(?<!,)", text):      # "6200" written "6,200"
            if m.group().replace(",", "") == number.group():
                return f.evidence.start + m.start()
    return None


def _spelled(t: TimeExpression) -> str | None:
    """A time expression's interval as stage 3 spells a date fact's value: a day, a month, a year, else
    "first/last" (read.events.facts)."""
    lo, hi = t.earliest, t.latest
    if lo is None or hi is None:
        return None
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == date(lo.year, lo.month, calendar.monthrange(lo.year, lo.month)[1]):
        return lo.isoformat()[:7]
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return str(lo.year)
    return f"{lo.isoformat()}/{hi.isoformat()}"


__all__ = ["StoryConnected", "assemble", "connect", "connect_story", "copies_of", "fact_sources", "story_records"]
