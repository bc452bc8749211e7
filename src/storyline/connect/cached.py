"""Stage 4's connect parts per story: what connect computes from one story's articles alone, kept for reuse.

Connect (`storyline.connect`) runs over the whole store, but nearly all of
its work depends only on one story's articles: the stage-4 publication
intervals of its undated articles (`dating.date_articles`: the story's dated
years and the article's own text, with the time expressions they value) and the story's referents, merged events
and compared facts (`connect.connect_story`, over its analyses with events
`redated` by those intervals). A `Part` holds these for one story; `key`
names what it was computed from (the story id, each member's id, content
hash, clean-stage version, copy link and stage-3 version, and this package's
code version), so a later run reuses a stored part exactly when recomputing
it would give the same one, and reads neither the story's texts nor its
analyses again. What crosses stories (people linked by name keys, corpus
ids) is computed from the parts as `connect.assemble` computes it, per
changed story (run/connecting.py): the export is the same as that of a run
from scratch.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Mapping, Sequence

from storyline.connect import StoryConnected, connect_story, copies_of, outlets_of, publication_dates
from storyline.connect.dating import date_articles, redated
from storyline.records import AnalysedArticle, Article, ArticleDate
from storyline.versions import code_version

# everything a part is computed by (this package, the readers it calls, the records it is made of) and the
# codecs the runner stores it with
VERSION = code_version("connect", ("connect", "read", "clean", "timex", "datelines.py", "lexicon.py", "records.py",
                                   "store/codec.py", "run/connecting.py"))


@dataclass(frozen=True)
class Part:
    """What connect makes of one story alone: `dates` (stage-4 publication intervals of its articles, article
    order) and `connected` (`connect.connect_story` of its analysed articles)."""

    dates: tuple[ArticleDate, ...] = ()
    connected: StoryConnected = StoryConnected()


def key(story_id: str, members: Sequence[Sequence]) -> str:
    """The key of a story's part: SHA-1 over `VERSION`, the story id and its members' rows (article id,
    content hash, clean-stage version, duplicate_of, stage-3 version or None; any order)."""
    lines = [VERSION, story_id] + sorted("\t".join("" if x is None else str(x) for x in m) for m in members)
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()


def compute(story_id: str, articles: Sequence[Article], analyses: Mapping[str, AnalysedArticle],
            in_story: bool = True) -> Part:
    """The part of one story from its `articles` (article order) and the analyses of those that have one
    (whole: time expressions date their events, quotes give facts their sources); `in_story` False: of an
    article in no story (`connect.connect_story`; not dated by stage 4)."""
    read = [analyses[a.id] for a in articles if a.id in analyses]
    if not in_story:
        return Part(connected=connect_story(read, in_story=False))
    dates = date_articles(articles, {a.id: story_id for a in articles}, analyses=analyses)
    return Part(dates=tuple(dates), connected=connect_story(redated(read, dates), copies=copies_of(articles),
                                                            published=publication_dates(articles, dates),
                                                            outlets=outlets_of(articles)))
