"""Stage 4's connect step over the store, recomputing only the stories that changed (connect/cached.py).

`connect(store)` gives the store the stage-4 records (`Connected`: people
across articles, merged events, compared facts, stage-4 dates) of the whole
store, exactly those `storyline.connect.connect` gives from every article and
analysis, while reading again only the stories whose articles changed: each
live story's `cached.Part` is kept in the store (`connect_parts`) under its
`cached.key`; a story whose key changed is recomputed from its articles and
whole analyses, read at most `MAX_ARTICLES` articles at a time; parts of
stories that are gone are dropped. Articles in no story are read each time
(they have no part). The corpus-wide steps (`connect.connect_read`) then run
over the parts, in arrival order, reusing a story's description joins while
its groups of names are unchanged (`cached.Links`, kept beside the part), and
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
from sys import intern
from typing import Iterator, Sequence

from storyline.connect import cached, connect_read, fact_sources
from storyline.connect.entities import clear_caches
from storyline.records import AnalysedArticle, ArticleDate, DateRange, Entity, Event, Fact, Mention
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
    parts: dict[str, cached.Part] = {}
    joins: dict[str, tuple[str, list]] = {}
    for sid, key, data, made in store.connect_parts(sorted(sid for sid in keys if known.get(sid) == keys[sid])):
        if key == keys[sid]:
            parts[sid] = loads(data)
            if made:
                joins[sid] = tuple(json.loads(made))
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
    readings: list[tuple[int, AnalysedArticle, tuple]] = []
    for part in parts.values():
        readings += [(seq[an.article_id], an, src) for an, src in zip(part.readings, part.sources)]
    for i in range(0, len(loose), MAX_ARTICLES):
        readings += [(seq[an.article_id], an, fact_sources(an))
                     for an in store.analyses_in(loose[i:i + MAX_ARTICLES], CONNECT_PARTS)]
    readings.sort(key=lambda r: r[0])
    dates = sorted((d for p in parts.values() for d in p.dates), key=lambda d: seq[d.article_id])
    story_links = cached.Links(joins)
    store.set_connected(connect_read([an for _, an, _ in readings], story_of, dates,
                                     {an.article_id: src for _, an, src in readings}, story_links), source)
    store.save_connect_links([(sid, keys[sid], json.dumps(made, ensure_ascii=False, separators=(",", ":")))
                              for sid, made in story_links.made.items() if sid in keys])
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


# A part is stored as positional JSON (`dumps`, `loads`): written and read by direct constructors, it costs a
# fraction of the generic codec's time, and reading the parts is most of what an incremental connect reads.
# The fields each record type is written with; tests/connect/test_cached.py fails when a record gains one.
FIELDS = {"ArticleDate": ("article_id", "published"), "DateRange": ("earliest", "latest", "reason"),
          "Entity": ("id", "name", "type", "mentions", "aliases", "roles"), "Mention": ("start", "end", "text"),
          "Event": ("type", "trigger", "sentence", "participants", "place", "time", "modality"),
          "Fact": ("subject", "attribute", "value", "evidence", "status")}


def dumps(part: cached.Part) -> str:
    """A part as the JSON document the store keeps: {"dates": [...], "readings": [[article id, entities,
    events, facts, fact sources], ...]}, each record a list of its fields in `FIELDS` order."""
    return json.dumps({"dates": [[d.article_id, _range(d.published)] for d in part.dates],
                       "readings": [[an.article_id, [_entity(e) for e in an.entities], [_event(e) for e in an.events],
                                     [[f.subject, f.attribute, f.value, _mention(f.evidence), f.status]
                                      for f in an.facts], list(src)]
                                    for an, src in zip(part.readings, part.sources)]},
                      ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> cached.Part:
    """The part `dumps` wrote, entity ids and types interned as `cached.compute` leaves them."""
    plain = json.loads(text)
    readings = [AnalysedArticle(aid, entities=tuple(Entity(intern(i), n, intern(t), tuple(Mention(*m) for m in ms),
                                                           tuple(al), tuple(ro)) for i, n, t, ms, al, ro in entities),
                                events=tuple(Event(t, Mention(*tr), Mention(*se), tuple(tuple(p) for p in ps), pl,
                                                   _unrange(tm), mo) for t, tr, se, ps, pl, tm, mo in events),
                                facts=tuple(Fact(su, at, va, Mention(*ev), st) for su, at, va, ev, st in facts))
                for aid, entities, events, facts, _ in plain["readings"]]
    return cached.Part(dates=tuple(ArticleDate(aid, _unrange(r)) for aid, r in plain["dates"]),
                       readings=tuple(readings), sources=tuple(tuple(r[4]) for r in plain["readings"]))


def _mention(m: Mention) -> list:
    return [m.start, m.end, m.text]


def _entity(e: Entity) -> list:
    return [e.id, e.name, e.type, [_mention(m) for m in e.mentions], list(e.aliases), list(e.roles)]


def _event(e: Event) -> list:
    return [e.type, _mention(e.trigger), _mention(e.sentence), [list(p) for p in e.participants], e.place,
            _range(e.time), e.modality]


def _range(r: DateRange | None) -> list | None:
    if r is None:
        return None
    return [r.earliest and r.earliest.isoformat(), r.latest and r.latest.isoformat(), r.reason]


def _unrange(r: list | None) -> DateRange | None:
    if r is None:
        return None
    lo, hi, why = r
    return DateRange(lo and date.fromisoformat(lo), hi and date.fromisoformat(hi), why)
