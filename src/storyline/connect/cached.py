"""Stage 4's connect parts per story: what connect computes from one story's articles alone, kept for reuse.

Connect (`storyline.connect`) runs over the whole store, but much of its work
depends only on one story's articles: the stage-4 publication intervals of
its undated articles (`dating.date_articles`: the story's dated years and the
article's own text), the events those intervals date (`dating.redated`), and
the part of each analysis connect reads (entities with only the mentions it
reads, events, facts, and the speaker each fact is quoted from, `fact_sources`,
in place of the quotes). A
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
import json
from dataclasses import dataclass, replace
from sys import intern
from typing import Mapping, Sequence

from storyline.connect import fact_sources
from storyline.connect.dating import date_articles, redated
from storyline.connect.descriptions import gendered, links
from storyline.records import AnalysedArticle, Article, ArticleDate
from storyline.versions import code_version

# everything a part is computed by (this package, the readers it calls, the records it is made of) and the
# codec the runner stores it with
VERSION = code_version("connect", ("connect", "read", "clean", "timex", "lexicon.py", "records.py", "store/codec.py"))


@dataclass(frozen=True)
class Part:
    """What connect reads of one story: `dates` (stage-4 publication intervals of its articles, article order),
    `readings` (the analyses of its analysed articles, article order, events redated, with only entities
    (`_read`), events and facts), `sources` (per reading, `fact_sources` of the whole analysis)."""

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
    return Part(dates=tuple(dates), readings=tuple(_read(an) for an in read),
                sources=tuple(fact_sources(an) for an in read))


def _read(an: AnalysedArticle) -> AnalysedArticle:
    """What connect reads of an analysis: its entities, with only their gendered mentions
    (`descriptions.gendered`: most mentions are read by nothing in stage 4) and their ids and types interned
    (they recur in every article), its events and its facts."""
    return replace(an, time_expressions=(), quotes=(),
                   entities=tuple(replace(e, id=intern(e.id), type=intern(e.type), mentions=gendered(e))
                                  for e in an.entities))


class Links:
    """`entities.resolve`'s `story_links` reusing each story's description joins (`descriptions.links`) while
    the story's groups after name joins are those they were computed for.

    The joins of one story depend only on its part (the analyses it reads) and on those groups: which of
    its person items each group holds and the order of the groups' roots. `signature` names these by
    (article id, entity id) and named-ness; `known` maps story id -> (signature, joins as (article id, entity
    id, article id, entity id, reason)), valid for the story's current part only; the joins computed afresh
    are left in `made`, in the same form, for the runner to store.
    """

    def __init__(self, known: Mapping[str, tuple[str, list]] | None = None):
        self.known, self.made = dict(known or {}), {}

    def __call__(self, story_id: str, members: dict, named) -> list[tuple[int, int, str]]:
        sig = signature(members, named)
        hit = self.known.get(story_id)
        if hit is not None and hit[0] == sig:
            index = {(an.article_id, e.id): i for group in members.values() for i, an, e in group}
            return [(index[(a, x)], index[(b, y)], why) for a, x, b, y, why in hit[1]]
        out = links(members, named)
        item = {i: (an.article_id, e.id) for group in members.values() for i, an, e in group}
        self.made[story_id] = (sig, [[*item[a], *item[b], why] for a, b, why in out])
        return out


def signature(members: dict, named) -> str:
    """SHA-1 over a story's groups in root order, each its items' (article id, entity id, named) in order."""
    text = json.dumps([[[an.article_id, e.id, bool(named(i))] for i, an, e in members[root]]
                       for root in sorted(members)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode()).hexdigest()

