"""Where records live between runs: `open_store` picks the backend from the location."""
from __future__ import annotations

from pathlib import Path

from storyline.errors import StoreError
from storyline.store.base import Store
from storyline.store.dialect import is_postgresql, is_url
from storyline.store.sql import SQLStore
from storyline.store.sqlite import SQLiteStore


def open_store(location: str | Path) -> SQLStore:
    """The store at `location`: a SQLite file path (created when missing) or a PostgreSQL URL
    (`postgresql://user@host:port/dbname`; the database must exist, its tables are created when missing).

    Raises StoreError for a URL of any other scheme (a URL must never become a file name), and when
    the store cannot be opened (store/sqlite.py, store/postgres.py).
    """
    if is_postgresql(location):
        from storyline.store.postgres import PostgresStore
        return PostgresStore(str(location))
    if is_url(location):
        raise StoreError(f"{location}: no store backend for '{str(location).split('://')[0]}://' locations "
                         f"(a SQLite file path or a postgresql:// URL)")
    return SQLiteStore(location)


__all__ = ["Store", "SQLStore", "SQLiteStore", "open_store"]
