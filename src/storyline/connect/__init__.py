"""Stage 4: what only many articles together tell.

`connect(articles, analyses) -> Connected` runs once after stage 3 over the
whole store's records: the same referent across articles (`entities`), the same event
across reports (`events`), where the outlets agree or conflict on a fact
(`facts`), and the publication intervals that only a story's other articles
give (`dating`: the year of dates an undated article writes without one; its
events dated by such a date follow). Typed records in, typed
records out: the runner stores the result and the exporter only writes it.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from storyline.connect.dating import date_articles, redated
from storyline.connect.entities import resolve
from storyline.connect.events import merge_events
from storyline.connect.facts import compare
from storyline.records import AnalysedArticle, Article, ArticleDate, Connected


def connect(articles: Sequence[Article | str], analyses: Mapping[str, AnalysedArticle],
            story_of: Mapping[str, str] | None = None, dates: Sequence[ArticleDate] | None = None) -> Connected:
    """Stage 4 over every stored article (an Article or its id: only ids and their order are read) and its
    analysis (article id -> AnalysedArticle; time expressions are read only for the articles in `dates`).

    `story_of` (article id -> story id) bounds event merging, and the joining of described people to
    named ones, to a story; stage-4 dating draws on the dated articles of the same story. `dates` are the
    stage-4 publication intervals (connect.dating.date_articles); None: dated here, from `articles`, which
    must then be Articles.
    Articles without an analysis (refused by stage 3) are left out.
    """
    if dates is None:
        dates = date_articles(articles, story_of or {})
    read = redated([analyses[i] for a in articles if (i := a if isinstance(a, str) else a.id) in analyses], dates)
    return connect_read(read, story_of, dates)


def connect_read(read: Sequence[AnalysedArticle], story_of: Mapping[str, str] | None,
                 dates: Sequence[ArticleDate], sources: Mapping[str, Sequence[str | None]] | None = None,
                 story_links=None) -> Connected:
    """`connect` from the analyses as stage 4 reads them: events already `redated` by `dates`, in article order.

    Only their entities, events and facts are read, and their quotes too unless `sources` gives, per article
    id, `fact_sources` of its analysis (connect/cached.py keeps those instead of the quotes). `story_links`:
    as `entities.resolve` takes it (connect/cached.py's `Links`).
    """
    entities = resolve(read, story_of, story_links=story_links)
    to_corpus = {member: e.id for e in entities for member in e.members}
    actors = [e.id for e in entities if e.type in ("PERSON", "ORG")]
    events = merge_events(read, to_corpus, story_of, actors)
    if sources is None:
        sources = {an.article_id: fact_sources(an) for an in read}
    facts = compare((an.article_id, to_corpus.get((an.article_id, f.subject)), f,
                     to_corpus.get((an.article_id, src)) if src else None)
                    for an in read for f, src in zip(an.facts, sources[an.article_id]))
    return Connected(entities=tuple(entities), events=tuple(events), facts=tuple(facts), dates=tuple(dates))


def fact_sources(an: AnalysedArticle) -> tuple[str | None, ...]:
    """Per fact of the analysis, the per-article speaker entity of the first quote with a speaker whose content
    holds the fact's evidence [start, end), else None (a fact read inside a quote keeps its speaker)."""
    return tuple(_source(an, f.evidence.start, f.evidence.end) for f in an.facts)


def _source(an: AnalysedArticle, start: int, end: int) -> str | None:
    for q in an.quotes:
        spans = q.content_spans or ((q.start, q.end),)
        if q.speaker_entity and any(s <= start < e or start <= s < end for s, e in spans):
            return q.speaker_entity
    return None


__all__ = ["connect", "connect_read", "fact_sources"]
