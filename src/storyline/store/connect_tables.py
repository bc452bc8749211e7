"""The store's table of stage 4's connect parts (connect/cached.py): one row per story.

A mixin of the SQL store (store/sql.py; it uses `self.db` and `self._rows_in`). A row keeps, as an
opaque document, what connect computes from one story's articles alone, with
the key of what it was computed from (the story's articles and the code's
versions), so a run recomputes only the parts of stories that changed. The
store neither reads nor checks the documents: run/connecting.py writes them. (The `links` column, where
schema 7 kept a story's description joins apart from its part, is no longer written: the part holds them.)
"""
from __future__ import annotations

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

    def connect_sources(self) -> Iterator[tuple[str, int, str, str, str | None, str | None]]:
        """(article id, arrival number, content hash, clean-stage version, duplicate_of, stage-3 version or None)
        of every stored article, in arrival order: what a story's connect part depends on."""
        return self.db.stream("SELECT a.id, a.seq, a.content_hash, a.clean_version, a.duplicate_of, an.version "
                              "FROM articles a LEFT JOIN analyses an ON an.article_id = a.id ORDER BY a.seq")
