"""A SQLite store left at an older schema version, for the tests of the migrations after it."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.store.migrations import script


def store_at(path: Path, version: int) -> sqlite3.Connection:
    """A new SQLite file at `path` with migrations 1 to `version` applied and that schema version recorded,
    as a store of that version left it; the connection stays open for the rows the test adds (it commits
    and closes it)."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for v in range(1, version + 1):
        db.executescript(script(v, "sqlite"))
    db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(version),))
    return db
