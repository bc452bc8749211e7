"""Stage 4's connect step over the store, rewriting only what the stories that changed touch (connect/cached.py).

`connect(store)` gives the store the stage-4 records (`Connected`: people
across articles, merged events, compared facts, stage-4 dates) of the whole
store, exactly those `storyline.connect.connect` gives from every article and
analysis, while reading again only the stories whose articles changed:

- each live story's `cached.Part` (and one per analysed article in no story,
  as a group of its own, `LOOSE`) is kept in the store (`connect_parts`)
  under its `cached.key`; a story whose key changed is recomputed from its
  articles and whole analyses, read at most `MAX_ARTICLES` articles at a
  time; parts of stories that are gone are dropped;
- the store also keeps, per story, the key of the part its stored records
  were made from, and its story entities with their corpus ids and the keys
  that link them across stories. A story made again (`_apply`) replaces its
  own records, and the corpus entities of the keys it holds or held are made
  again from every story entity reachable through shared keys
  (`entities.linked`), read from the store; a story that
  did not change is rewritten only when one of its entities thereby changed
  corpus id. One transaction (`update_connected`) writes it all, with a key
  over every part's key; when every story's records are those of its
  current part, nothing is read.

So a new article costs its story's part and the corpus entities its names
touch, not the store's size. Python's cyclic garbage collector is paused
meanwhile: the records made are acyclic, and its full passes over millions
of live objects made the step superlinear.
"""
from __future__ import annotations

import gc
import json
from collections import defaultdict
from datetime import date
from typing import Iterator, Sequence

from storyline.connect import StoryConnected, cached, story_records
from storyline.connect.entities import Ref, StoryEntity, clear_caches, key_text, linked, story_local
from storyline.records import ArticleDate, ComparedFact, DateRange, MergedEvent, TimeExpression
from storyline.store import codec
from storyline.run.memory import collector_paused, release

MAX_ARTICLES = 1_000         # whole articles and analyses in memory at a time while parts are recomputed


def connect(store) -> dict[str, int]:
    """Stage 4's connect step over the whole store (module docstring); returns {"stories", "recomputed"}."""
    try:
        with collector_paused():
            try:
                return _connect(store)
            finally:
                clear_caches()      # the names a run remembered pin the freed heap (connect/entities.py)
                gc.collect(0)       # what the paused collector left, all still in the youngest generation
    finally:
        release()                   # the parts and records just freed leave the heap fragmented


def _connect(store) -> dict[str, int]:
    story_of = {aid: s.id for s in store.stories() if not s.merged_into for aid in s.article_ids}
    members: dict[str, list[tuple]] = defaultdict(list)        # story or group id -> its members' source rows
    for aid, _, content_hash, clean_version, duplicate_of, version in store.connect_sources():
        sid = story_of.get(aid)
        if sid is not None or version is not None:             # an analysed article in no story: a group alone
            members[sid if sid is not None else LOOSE + aid].append(
                (aid, content_hash, clean_version, duplicate_of, version))
    keys = {g: cached.key(g, rows) for g, rows in members.items()}
    source = cached.key("", sorted(keys.items()))
    applied = store.connected_story_keys()
    if applied == keys and store.connected_source() == source:
        return {"stories": len(keys), "recomputed": 0}           # stored records are those of these parts
    known = store.connect_part_keys()
    store.drop_connect_parts(sorted(set(known) - set(keys)))
    changed = sorted(g for g in keys if applied.get(g) != keys[g])
    parts = {g: loads(data) for g, key, data in store.connect_parts([g for g in changed if known.get(g) == keys[g]])
             if key == keys[g]}
    todo = [g for g in changed if g not in parts]
    for batch in _batches(todo, members, MAX_ARTICLES):
        ids = [m[0] for g in batch for m in members[g]]
        articles = store.articles_in(ids)                      # arrival order
        analyses = {an.article_id: an for an in store.analyses_in(ids)}
        of_group: dict[str, list] = defaultdict(list)
        for a in articles:
            of_group[story_of.get(a.id, LOOSE + a.id)].append(a)
        rows = []
        for g in batch:
            parts[g] = cached.compute(g, of_group[g], analyses, in_story=not g.startswith(LOOSE))
            rows.append((g, keys[g], dumps(parts[g])))
        del articles, analyses, of_group
        store.save_connect_parts(rows)
    _apply(store, {g: (keys[g], parts.pop(g)) for g in changed}, sorted(set(applied) - set(keys)), source, not applied)
    return {"stories": len(keys), "recomputed": len(todo)}


LOOSE = "article:"          # the group of an analysed article in no story: this and its id (entities.groups)


def _apply(store, made: dict[str, tuple[str, cached.Part]], dropped: list[str], source: str,
           everything: bool) -> None:
    """Give the store the stage-4 records of the stories `made` again (id -> (part key, part)) and of none of
    the `dropped` ones, rewriting only what they touch: the corpus entities that hold one of the keys their
    story entities held or hold (found by walking shared keys through the stored story entities), and the
    events and facts of other stories whose entities thereby changed corpus id. `everything`: no stored
    record is known to be made of any story (a first run, or records written by `set_connected`): all go.
    `made` is emptied before the write, so that the parts it held are freed (at 100k stories, a gigabyte)."""
    old = [(g, i, cid, _unentity(json.loads(data))) for g, i, cid, data in store.story_entities(list(made) + dropped)]
    new = {(g, i): se for g, (_, part) in made.items() for i, se in enumerate(part.connected.entities)}
    by_key: dict[str, list] = defaultdict(list)
    for ref, se in new.items():
        for k in se.keys:
            by_key[key_text(k)].append(ref)
    keyed: dict[Ref, StoryEntity] = {}
    stored: dict[Ref, str] = {}                 # corpus id of a linked story entity of another story, as stored
    frontier = {key_text(k) for *_, se in old for k in se.keys} | set(by_key)
    seen: set[str] = set()
    again = set(made) | set(dropped)
    while frontier:
        seen |= frontier
        found = []
        for g, i, cid, data in store.story_entities_with_keys(sorted(frontier)):
            if g not in again and (g, i) not in keyed:
                keyed[(g, i)] = _unentity(json.loads(data))
                stored[(g, i)] = cid
                found.append(keyed[(g, i)])
        for ref in (ref for k in frontier for ref in by_key.get(k, ()) if ref not in keyed):
            keyed[ref] = new[ref]
            found.append(new[ref])
        frontier = {key_text(k) for se in found for k in se.keys} - seen
    corpus = linked(keyed)
    for g, (_, part) in made.items():
        local = {i: se for i, se in enumerate(part.connected.entities) if not se.keys}
        corpus.update(((g, i), e) for i, e in story_local(g, local).items())
    moved = [(g, i, corpus[(g, i)].id) for (g, i), cid in stored.items() if corpus[(g, i)].id != cid]
    rewritten = sorted({g for g, _, _ in moved})
    records = [("entity", e.id, codec.dumps(e)) for e in {e.id: e for e in corpus.values()}.values()]
    for g, (_, part) in made.items():
        records += _story_rows(g, part.connected, [corpus[(g, i)].id for i in range(len(part.connected.entities))])
        records += [("date", d.article_id, codec.dumps(d)) for d in part.dates]
    if rewritten:
        ids: dict[str, dict[int, str]] = defaultdict(dict)
        for g, i, cid, _ in store.story_entities(rewritten):
            ids[g][i] = corpus[(g, i)].id if (g, i) in corpus else cid
        for g, _, data in store.connect_parts(rewritten):
            c = loads(data).connected
            records += _story_rows(g, c, [ids[g][i] for i in range(len(c.entities))])
    stories = [(g, key, [d.article_id for d in part.dates]) for g, (key, part) in made.items()]
    entities = [(g, i, corpus[(g, i)].id, _COMPACT.encode(_entity(se)), [key_text(k) for k in se.keys])
                for (g, i), se in new.items()]
    gone = {("entity", cid) for *_, cid, _ in old} | {("entity", cid) for cid in stored.values()}
    made.clear()                # what is written is text now: the records it was made of go before the write
    del new, keyed, corpus, old
    store.update_connected(stories, dropped, entities, moved, rewritten, gone, records, source, everything)


def _story_rows(story_id: str, c: StoryConnected, ids: list[str]) -> list[tuple[str, str, str]]:
    events, facts = story_records(story_id, c, ids)
    return [("event", e.id, codec.dumps(e)) for e in events] + [("fact", f.id, codec.dumps(f)) for f in facts]


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


# A part is stored as JSON (`dumps`, `loads`), its story entities positional (`_entity`, as the store's
# story_entities rows keep them: written and read by direct constructors, they cost a fraction of the generic
# codec's time, and a corpus entity that many stories name is made again from all of them); its events and
# facts go through the generic codec (store/codec.py).


# what json.dumps(..., ensure_ascii=False, separators=(",", ":")) writes, without making an encoder per call
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(part: cached.Part) -> str:
    """A part as the JSON document the store keeps: {"dates": [[article id, interval, time expressions], ...],
    "entities":
    [[keys, members, aliases, roles], ...], "events": [...], "facts": [...]}."""
    c = part.connected
    return _COMPACT.encode({"dates": [[d.article_id, _range(d.published), codec.to_plain(d.times)] for d in part.dates],
                            "entities": [_entity(se) for se in c.entities],
                            "events": codec.to_plain(c.events), "facts": codec.to_plain(c.facts)})


def loads(text: str) -> cached.Part:
    """The part `dumps` wrote."""
    plain = json.loads(text)
    entities = tuple(_unentity(e) for e in plain["entities"])
    return cached.Part(dates=tuple(ArticleDate(aid, _unrange(r), codec.from_plain(tuple[TimeExpression, ...], times))
                                   for aid, r, times in plain["dates"]),
                       connected=StoryConnected(entities, codec.from_plain(tuple[MergedEvent, ...], plain["events"]),
                                                codec.from_plain(tuple[ComparedFact, ...], plain["facts"])))


def _entity(se: StoryEntity) -> list:
    return [se.keys, se.members, se.aliases, se.roles]


def _unentity(plain: list) -> StoryEntity:
    keys, members, aliases, roles = plain
    return StoryEntity(tuple(map(tuple, keys)), tuple(map(tuple, members)), tuple(aliases), tuple(roles))


def _range(r: DateRange | None) -> list | None:
    if r is None:
        return None
    return [r.earliest and r.earliest.isoformat(), r.latest and r.latest.isoformat(), r.reason]


def _unrange(r: list | None) -> DateRange | None:
    if r is None:
        return None
    lo, hi, why = r
    return DateRange(lo and date.fromisoformat(lo), hi and date.fromisoformat(hi), why)
