"""The default store: one SQLite file (the queries are in store/sql.py)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.errors import StoreError
from storyline.store import links
from storyline.store.dialect import SQLite
from storyline.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """The store in the SQLite file `path` (created when missing; ":memory:" for none); StoreError when it
    is not a store or was written by a newer storyline."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            raw = sqlite3.connect(self.path, timeout=30)
            raw.execute("PRAGMA journal_mode=WAL")
            raw.execute("PRAGMA synchronous=NORMAL")
            raw.execute("PRAGMA foreign_keys=ON")
            self.db = SQLite(raw)
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open the store ({err})") from err

    def _relinked(self):
        """The link tables of `connected` filled once every record is in, not by the per-row triggers
        (store/links.py)."""
        return links.relinked(self.db)
