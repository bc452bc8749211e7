"""The store's tables of stage 4's connect step (connect/cached.py, run/connecting.py).

`connect_parts`: one row per story (or article in no story), what connect computes from its articles alone.

A mixin of the SQL store (store/sql.py; it uses `self.db` and `self._rows_in`). A row keeps, as an
opaque document, what connect computes from one story's articles alone, with
the key of what it was computed from (the story's articles and the code's
versions), so a run recomputes only the parts of stories that changed. The
store neither reads nor checks the documents: run/connecting.py writes them. (The `links` column, where
schema 7 kept a story's description joins apart from its part, is no longer written: the part holds them.)
"""
from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from typing import Iterable, Iterator, Sequence


class ConnectTables:
    def connect_part_keys(self) -> dict[str, str]:
        """Story id -> the key its stored connect part was computed from."""
        return dict(self.db.execute("SELECT story_id, source_key FROM connect_parts"))

    def connect_parts(self, story_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(story id, key, document) of the stored parts of these stories (those stored)."""
        return self._rows_in("SELECT story_id, source_key, data FROM connect_parts WHERE story_id IN ({})",
                             story_ids)

    def save_connect_parts(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Store (story id, key, document) rows in one transaction, replacing the stories' older parts."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO connect_parts (story_id, source_key, data) VALUES (?, ?, ?)",
                                list(rows))

    def drop_connect_parts(self, story_ids: Iterable[str]) -> None:
        """Forget the parts of stories that no longer exist (merged into others, emptied)."""
        with self.db:
            self.db.executemany("DELETE FROM connect_parts WHERE story_id = ?", [(s,) for s in story_ids])

    def connected_story_keys(self) -> dict[str, str]:
        """Story id -> the key of the part its stored stage-4 records were made from."""
        return dict(self.db.execute("SELECT story_id, source_key FROM connected_stories"))

    def _dated(self, story_ids: Sequence[str]) -> list[str]:
        """The ids of the articles these stories' stored records give a stage-4 date."""
        return [aid for (dated,) in self._rows_in("SELECT dated FROM connected_stories WHERE story_id IN ({})",
                                                  story_ids) for aid in json.loads(dated)]

    def story_entities(self, story_ids: Sequence[str]) -> list[tuple[str, int, str, str]]:
        """(story id, position, corpus id, document) of the stored story entities of these stories."""
        return self._rows_in("SELECT story_id, entity, corpus_id, data FROM story_entities WHERE story_id IN ({})",
                             story_ids)

    def story_entities_with_keys(self, keys: Sequence[str]) -> list[tuple[str, int, str, str]]:
        """(story id, position, corpus id, document) of the stored story entities holding any of these keys,
        each once."""
        rows = self._rows_in("SELECT s.story_id, s.entity, s.corpus_id, s.data FROM entity_keys k JOIN story_entities s "
                             "ON s.story_id = k.story_id AND s.entity = k.entity WHERE k.key IN ({})", keys)
        return list({r[:2]: r for r in rows}.values())

    def update_connected(self, stories: Iterable[tuple[str, str, list[str]]], dropped: Iterable[str],
                         entities: Iterable[tuple[str, int, str, str, Sequence[str]]],
                         moved: Iterable[tuple[str, int, str]], rewritten: Iterable[str],
                         gone: Iterable[tuple[str, str]], records: Iterable[tuple[str, str, str]],
                         source: str, everything: bool = False) -> None:
        """Rewrite, in one transaction, the stage-4 records of some stories and what they touch.

        `stories`: (story id, part key, ids of the articles it dates) of the stories made again: their story
        entities, keys, events, facts and dates are replaced; `dropped`: stories whose records go;
        `entities`: (story id, position, corpus id, document, keys) of the made stories' story entities;
        `moved`: (story id, position, corpus id) of stored story entities whose corpus entity changed id;
        `rewritten`: stories whose events and facts are replaced (their records are in `records`); `gone`:
        (kind, id) of other records to delete; `records`: (kind, id, document) rows to write; `source`: as
        `set_connected` takes it; `everything`: the stored records are not known to be those of any story
        (`connected_story_keys` is empty): all of them go first, and the link tables of `connected` may be
        filled once all rows are in rather than row by row (`_relinked`). Events and facts are stored under ids
        "<story id>:..." (connect/__init__.py).
        """
        stories = list(stories)
        again = [sid for sid, _, _ in stories] + list(dropped)
        with self.db, (self._relinked() if everything else nullcontext()):
            if everything:
                self.db.execute("DELETE FROM connected")
            dated = self._dated(again)
            for table in ("story_entities", "entity_keys", "connected_stories"):
                self.db.executemany(f"DELETE FROM {table} WHERE story_id = ?", [(sid,) for sid in again])
            for sid in set(again) | set(rewritten):
                self.db.execute("DELETE FROM connected WHERE kind IN ('event', 'fact') AND id >= ? AND id < ?",
                                (sid + ":", sid + ";"))
            self.db.executemany("DELETE FROM connected WHERE kind = ? AND id = ?",
                                [("date", aid) for aid in dated] + list(gone))
            self.db.insert_many("connected_stories", ("story_id", "source_key", "dated"),
                                [(sid, key, json.dumps(ids)) for sid, key, ids in stories])
            entities = list(entities)
            self.db.insert_many("story_entities", ("story_id", "entity", "corpus_id", "data"),
                                [e[:4] for e in entities])
            self.db.insert_many("entity_keys", ("key", "story_id", "entity"),
                                [(k, sid, i) for sid, i, _, _, keys in entities for k in keys])
            self.db.executemany("UPDATE story_entities SET corpus_id = ? WHERE story_id = ? AND entity = ?",
                                [(cid, sid, i) for sid, i, cid in moved])
            records = list(records)
            if not everything:                      # else the table was emptied above
                self.db.executemany("DELETE FROM connected WHERE kind = ? AND id = ?", [r[:2] for r in records])
            self.db.insert_many("connected", ("kind", "id", "data"), records)
            self._set_source(source)

    def _relinked(self) -> AbstractContextManager:
        """Around a write of every stage-4 record inside a transaction: what fills the link tables of `connected`
        (migration 4). Here the tables' triggers do, row by row; SQLite's store fills them at once
        (store/links.py)."""
        return nullcontext()

    def connect_sources(self) -> Iterator[tuple[str, int, str, str, str | None, str | None]]:
        """(article id, arrival number, content hash, clean-stage version, duplicate_of, stage-3 version or None)
        of every stored article, in arrival order: what a story's connect part depends on."""
        return self.db.stream("SELECT a.id, a.seq, a.content_hash, a.clean_version, a.duplicate_of, an.version "
                              "FROM articles a LEFT JOIN analyses an ON an.article_id = a.id ORDER BY a.seq")
