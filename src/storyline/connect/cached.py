"""Stage 4's connect parts per story: what connect computes from one story's articles alone, kept for reuse.

Connect (`storyline.connect`) runs over the whole store, but much of its work
depends only on one story's articles: the stage-4 publication intervals of
its undated articles (`dating.date_articles`: the story's dated years and the
article's own text), the events those intervals date (`dating.redated`), and
the part of each analysis connect reads (entities, events, facts, and the
speaker each fact is quoted from, `fact_sources`, in place of the quotes). A
`Part` holds these for one story; `key` names what it was computed from (the
story id, each member's id, content hash, clean-stage version, copy link and
stage-3 version, and this package's code version), so a later run reuses a
stored part exactly when recomputing it would give the same one, and reads
neither the story's texts nor its whole analyses again. What crosses stories
(people across the corpus, event ids, facts compared by corpus entity) is
computed from the parts by `connect.connect_read`, as from the analyses:
the export is the same as that of a run from scratch.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from storyline.connect import fact_sources
from storyline.connect.dating import date_articles, redated
from storyline.records import AnalysedArticle, Article, ArticleDate
from storyline.versions import code_version

# everything a part is computed by (this package, the readers it calls, the records it is made of) and the
# codec the runner stores it with
VERSION = code_version("connect", ("connect", "read", "clean", "timex", "lexicon.py", "records.py", "store/codec.py"))


@dataclass(frozen=True)
class Part:
    """What connect reads of one story: `dates` (stage-4 publication intervals of its articles, article order),
    `readings` (the analyses of its analysed articles, article order, events redated, with only entities,
    events and facts), `sources` (per reading, `fact_sources` of the whole analysis)."""

    dates: tuple[ArticleDate, ...] = ()
    readings: tuple[AnalysedArticle, ...] = ()
    sources: tuple[tuple[str | None, ...], ...] = ()


def key(story_id: str, members: Sequence[Sequence]) -> str:
    """The key of a story's part: SHA-1 over `VERSION`, the story id and its members' rows (article id,
    content hash, clean-stage version, duplicate_of, stage-3 version or None; any order)."""
    lines = [VERSION, story_id] + sorted("\t".join("" if x is None else str(x) for x in m) for m in members)
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


def compute(story_id: str, articles: Sequence[Article], analyses: Mapping[str, AnalysedArticle]) -> Part:
    """The part of one story from its `articles` (article order) and the analyses of those that have one
    (whole: time expressions date their events)."""
    dates = date_articles(articles, {a.id: story_id for a in articles})
    read = redated([analyses[a.id] for a in articles if a.id in analyses], dates)
    return Part(dates=tuple(dates), readings=tuple(replace(an, time_expressions=(), quotes=()) for an in read),
                sources=tuple(fact_sources(an) for an in read))
