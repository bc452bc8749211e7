"""Where records live between runs: `open_store` picks the backend from the location."""
from __future__ import annotations

import re
from pathlib import Path

from storyline.errors import StoreError
from storyline.store.base import Store
from storyline.store.sqlite import SQLiteStore


def open_store(location: str | Path) -> SQLiteStore:
    """The store at `location`: a SQLite file path, created when missing.

    Raises StoreError for a location with a URL scheme (`postgresql://...`):
    no other backend exists yet, and a URL must never become a file name.
    """
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", str(location))
    if scheme:
        raise StoreError(f"{location}: no store backend for '{scheme.group(1)}://' locations "
                         f"(only SQLite file paths are supported)")
    return SQLiteStore(location)


__all__ = ["Store", "SQLiteStore", "open_store"]
