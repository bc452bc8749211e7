"""The store's table for story timelines (stage 4): one row per story.

A mixin of the SQL store (store/sql.py; it uses `self.db`). Each row keeps the story's
timeline entries and the key of what they were computed from, so a run
recomputes only the timelines of stories that changed.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from storyline.records import TimelineEntry
from storyline.store import codec


class TimelineTables:
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
