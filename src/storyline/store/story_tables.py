"""The store's tables for stories and their timelines (stage 4).

A mixin of SQLiteStore (it uses `self.db`). A story row holds the Story
record without its article ids: membership lives in `story_members`, one row
per article. Each timeline row keeps the story's entries and the key of what
they were computed from, so a run recomputes only the timelines of stories
that changed.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from storyline.records import Story, TimelineEntry
from storyline.store import codec


class StoryTables:
    def save_stories(self, rows: Iterable[tuple[Story, bytes | None, Sequence[int], int]]) -> None:
        """Write (story, clustering state, look-up keys, activity) rows in one transaction.

        The story's `article_ids` become its members; a story with `merged_into`
        set hands its members to that story. (The look-up keys belong to the
        clustering, which this stand-in does not hold.)
        """
        with self.db:
            for story, state, _keys, active in rows:
                self.db.execute("INSERT OR REPLACE INTO stories (id, merged_into, active, data, state) "
                                "VALUES (?, ?, ?, ?, ?)",
                                (story.id, story.merged_into, active, codec.dumps(replace(story, article_ids=())),
                                 state))
                if story.merged_into:
                    self.db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?",
                                    (story.merged_into, story.id))
                self.db.executemany("INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)",
                                    [(aid, story.id) for aid in story.article_ids])

    def story(self, story_id: str) -> Story | None:
        """The live story an id stands for, following merges; None if unknown."""
        seen = set()
        while story_id not in seen:
            seen.add(story_id)
            row = self.db.execute("SELECT merged_into, data FROM stories WHERE id = ?", (story_id,)).fetchone()
            if row is None:
                return None
            if row[0] is None:
                members = tuple(r[0] for r in self.db.execute(
                    "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id "
                    "WHERE m.story_id = ? ORDER BY a.seq", (story_id,)))
                return replace(codec.loads(Story, row[1]), article_ids=members)
            story_id = row[0]
        return None

    def stories(self) -> Iterator[Story]:
        """Every story in creation order, live ones with their article ids (arrival order), merged ones empty."""
        members: dict[str, list[str]] = {}
        for sid, aid in self.db.execute("SELECT m.story_id, m.article_id FROM story_members m "
                                        "JOIN articles a ON a.id = m.article_id ORDER BY a.seq"):
            members.setdefault(sid, []).append(aid)
        for sid, data in self.db.execute("SELECT id, data FROM stories ORDER BY rowid"):
            yield replace(codec.loads(Story, data), article_ids=tuple(members.get(sid, ())))

    def timeline_keys(self) -> dict[str, str]:
        """Story id -> the key its stored timeline was computed from."""
        return dict(self.db.execute("SELECT story_id, source_key FROM timelines"))

    def drop_timelines(self, story_ids: Iterable[str]) -> None:
        """Forget the timelines of stories that no longer exist (merged into others, emptied)."""
        with self.db:
            self.db.executemany("DELETE FROM timelines WHERE story_id = ?", [(s,) for s in story_ids])

    def analysed_ids(self, version: str) -> set[str]:
        """Ids of the articles read at `version`: a timeline computed before one was read is redone."""
        return {r[0] for r in self.db.execute("SELECT article_id FROM analyses WHERE version = ?", (version,))}

    def save_timeline(self, story_id: str, key: str, entries: Iterable[TimelineEntry]) -> None:
        """Replace a story's timeline; `key` names what it was computed from."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO timelines (story_id, source_key, data) VALUES (?, ?, ?)",
                            (story_id, key, codec.dumps(list(entries))))

    def timeline(self, story_id: str) -> tuple[TimelineEntry, ...]:
        """One story's timeline entries in date order (empty when none is stored)."""
        row = self.db.execute("SELECT data FROM timelines WHERE story_id = ?", (story_id,)).fetchone()
        return codec.from_plain(tuple[TimelineEntry, ...], json.loads(row[0])) if row else ()

    def timelines(self) -> Iterator[tuple[str, tuple[TimelineEntry, ...]]]:
        """(story id, its timeline entries in date order) for every stored timeline."""
        for story_id, data in self.db.execute("SELECT story_id, data FROM timelines ORDER BY story_id"):
            yield story_id, codec.from_plain(tuple[TimelineEntry, ...], json.loads(data))
