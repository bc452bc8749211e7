"""Stage 4's connect step over the store, recomputing only the stories that changed (connect/cached.py).

`connect(store)` gives the store the stage-4 records (`Connected`: people
across articles, merged events, compared facts, stage-4 dates) of the whole
store, exactly those `storyline.connect.connect` gives from every article and
analysis, while reading again only the stories whose articles changed: each
live story's `cached.Part` is kept in the store (`connect_parts`) under its
`cached.key`; a story whose key changed is recomputed from its articles and
whole analyses, read at most `MAX_ARTICLES` articles at a time; parts of
stories that are gone are dropped. Articles in no story are read each time
(they have no part). What crosses stories (`connect.assemble`: people linked
by name keys, event numbers, corpus ids) then runs over the parts, and
`set_connected` rewrites only the stored records that changed, naming what
they were computed from (a key over the parts' keys); when every part and
that name are as stored and no article is outside a story, the stored
records are left as they are and nothing is read. Python's cyclic garbage collector is paused
meanwhile: the records made are acyclic, and its full passes over millions of
live objects made the step superlinear.
"""
from __future__ import annotations

import gc
import json
from collections import defaultdict
from datetime import date
from typing import Iterator, Sequence

from storyline.connect import StoryConnected, assemble, cached, connect_story
from storyline.connect.entities import StoryEntity, clear_caches
from storyline.records import ArticleDate, ComparedFact, DateRange, MergedEvent
from storyline.store import codec
from storyline.run.memory import release

MAX_ARTICLES = 1_000         # whole articles and analyses in memory at a time while parts are recomputed
CONNECT_PARTS = ("entities", "quotes", "events", "facts")     # what connect reads of an analysis


def connect(store) -> dict[str, int]:
    """Stage 4's connect step over the whole store (module docstring); returns {"stories", "recomputed"}."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _connect(store)
    finally:
        clear_caches()      # the names a run remembered pin the freed heap (connect/entities.py)
        gc.collect()        # what the paused collector left: no full pass over live objects now
        if paused:
            gc.enable()
        release()           # the parts and records just freed leave the heap fragmented (run/memory.py)


def _connect(store) -> dict[str, int]:
    story_of = {aid: s.id for s in store.stories() if not s.merged_into for aid in s.article_ids}
    seq: dict[str, int] = {}
    members: dict[str, list[tuple]] = defaultdict(list)        # story id -> its members' source rows
    loose: list[str] = []                                       # analysed articles in no story
    for aid, n, content_hash, clean_version, duplicate_of, version in store.connect_sources():
        seq[aid] = n
        sid = story_of.get(aid)
        if sid is not None:
            members[sid].append((aid, content_hash, clean_version, duplicate_of, version))
        elif version is not None:
            loose.append(aid)
    keys = {sid: cached.key(sid, rows) for sid, rows in members.items()}
    known = store.connect_part_keys()
    # articles in no story are named too: records made with them never pass for records made without them
    source = cached.key("", list(keys.items()) + [(aid, seq[aid]) for aid in loose])
    if known == keys and not loose and store.connected_source() == source:
        return {"stories": len(keys), "recomputed": 0}           # stored records are those of these parts
    store.drop_connect_parts(sorted(set(known) - set(keys)))
    parts = {sid: loads(data) for sid, key, data in store.connect_parts(
        sorted(sid for sid in keys if known.get(sid) == keys[sid])) if key == keys[sid]}
    todo = [sid for sid in sorted(keys) if sid not in parts]
    for batch in _batches(todo, members, MAX_ARTICLES):
        ids = [m[0] for sid in batch for m in members[sid]]
        articles = store.articles_in(ids)                      # arrival order
        analyses = {an.article_id: an for an in store.analyses_in(ids)}
        of_story: dict[str, list] = defaultdict(list)
        for a in articles:
            of_story[story_of[a.id]].append(a)
        rows = []
        for sid in batch:
            parts[sid] = cached.compute(sid, of_story[sid], analyses)
            rows.append((sid, keys[sid], dumps(parts[sid])))
        del articles, analyses, of_story
        store.save_connect_parts(rows)
    stories = [(min(seq[m[0]] for m in members[sid]), part.connected) for sid, part in parts.items()]
    for i in range(0, len(loose), MAX_ARTICLES):
        stories += [(seq[an.article_id], connect_story([an], in_story=False))
                    for an in store.analyses_in(loose[i:i + MAX_ARTICLES], CONNECT_PARTS)]
    stories.sort(key=lambda s: s[0])
    dates = sorted((d for p in parts.values() for d in p.dates), key=lambda d: seq[d.article_id])
    store.set_connected(assemble([s for _, s in stories], dates, seq), source)
    return {"stories": len(keys), "recomputed": len(todo)}


def _batches(stories: Sequence[str], members: dict[str, list], limit: int) -> Iterator[list[str]]:
    """The stories in runs of at most `limit` articles (a larger story alone)."""
    batch, size = [], 0
    for sid in stories:
        n = len(members[sid])
        if batch and size + n > limit:
            yield batch
            batch, size = [], 0
        batch.append(sid)
        size += n
    if batch:
        yield batch


# A part is stored as JSON (`dumps`, `loads`), its story entities positional: written and read by direct
# constructors, they cost a fraction of the generic codec's time, and reading the parts is most of what an
# incremental connect reads; its events and facts go through the generic codec (store/codec.py).


def dumps(part: cached.Part) -> str:
    """A part as the JSON document the store keeps: {"dates": [[article id, interval], ...], "entities":
    [[keys, members, aliases, roles], ...], "events": [...], "facts": [...]}."""
    c = part.connected
    return json.dumps({"dates": [[d.article_id, _range(d.published)] for d in part.dates],
                       "entities": [[se.keys, se.members, se.aliases, se.roles] for se in c.entities],
                       "events": codec.to_plain(c.events), "facts": codec.to_plain(c.facts)},
                      ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> cached.Part:
    """The part `dumps` wrote."""
    plain = json.loads(text)
    entities = tuple(StoryEntity(tuple(map(tuple, keys)), tuple(map(tuple, members)), tuple(aliases), tuple(roles))
                     for keys, members, aliases, roles in plain["entities"])
    return cached.Part(dates=tuple(ArticleDate(aid, _unrange(r)) for aid, r in plain["dates"]),
                       connected=StoryConnected(entities, codec.from_plain(tuple[MergedEvent, ...], plain["events"]),
                                                codec.from_plain(tuple[ComparedFact, ...], plain["facts"])))


def _range(r: DateRange | None) -> list | None:
    if r is None:
        return None
    return [r.earliest and r.earliest.isoformat(), r.latest and r.latest.isoformat(), r.reason]


def _unrange(r: list | None) -> DateRange | None:
    if r is None:
        return None
    lo, hi, why = r
    return DateRange(lo and date.fromisoformat(lo), hi and date.fromisoformat(hi), why)
