"""The order problems (refusals, warnings) are listed in: by file, then by their place in it, numerically.

A problem's source is a path, or a path and a fragment naming a place inside
the file (`corpus.jsonl#L14`, `feed.xml#entry3`, `list.json#/12`). Sorted as
strings, `#L14` comes before `#L2`; `order_key` pads every number of the
fragment so that a plain string comparison (the store's ORDER BY, SQLite's
and PostgreSQL's "C" collation alike) gives line 2 before line 14, while the
paths keep their string order.
"""
from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+")
WIDTH = 20      # digits a number of a fragment is padded to (more than any line or byte offset has)


def order_key(source: str) -> str:
    """'c.jsonl#L14' -> 'c.jsonl\\x01L00000000000000000014': the path, a separator that sorts before any
    character of a path (so a file comes before its places and before 'c.jsonl.gz'), and the fragment
    with its numbers padded to `WIDTH` digits."""
    path, hash_, fragment = source.partition("#")
    if not hash_:
        return path
    return f"{path}\x01{_NUMBER.sub(lambda m: m.group().rjust(WIDTH, '0'), fragment)}"
