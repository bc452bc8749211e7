"""Where records live between runs: `open_store` picks the backend from the location."""
from __future__ import annotations

from pathlib import Path

from storyline.store.base import Store
from storyline.store.sqlite import SQLiteStore


def open_store(location: str | Path) -> SQLiteStore:
    """A SQLite file path (PostgreSQL URLs arrive with a later backend)."""
    return SQLiteStore(location)


__all__ = ["Store", "SQLiteStore", "open_store"]
