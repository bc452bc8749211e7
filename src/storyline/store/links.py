"""SQLite's link tables of the stage-4 records filled at once, for a write of every record (store/connect_tables.py).

Migration 4 keeps `entity_articles`, `entity_names` and `connected_articles`
up to date with triggers on `connected`, one row at a time; a first connect
writes hundreds of thousands of rows, and the per-row triggers and index
inserts cost most of its write. `relinked(db)`, inside the caller's
transaction, drops the two triggers and the link tables' indexes, empties
`connected` and the link tables, lets the caller insert every record, then
fills the link tables with one INSERT ... SELECT each and creates the indexes
and triggers again from the text SQLite kept of them (sqlite_master), so the
schema is left as it was; the connection's page cache is larger meanwhile.
`FILL` says in bulk what the `connected_link` trigger says per row, with the
same rows in the same order (entity links by record rowid, then member
position; one event or fact link per distinct article, in the order of its
first mention), so the tables hold what the triggers would have written. A
transaction rolled back leaves triggers, indexes and rows as they were. A
migration that changes the trigger must change `FILL` with it:
tests/store/test_connect_parts.py compares the two.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

TRIGGERS = ("connected_link", "connected_unlink")
CACHE_KIB = 131_072     # page cache meanwhile (SQLite's default: 2 MiB): the indexes take millions of rows
TABLES = ("entity_articles", "entity_names", "connected_articles")

FILL = (
    """INSERT INTO entity_articles (entity_id, article_id, local_id)
       SELECT c.id, json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]')
       FROM connected c, json_each(c.data, '$.members') m WHERE c.kind = 'entity' ORDER BY c.rowid, m.key""",
    """INSERT INTO entity_names (rowid, name, aliases)
       SELECT c.rowid, json_extract(c.data, '$.name'),
              (SELECT group_concat(value, ' ') FROM json_each(c.data, '$.aliases'))
       FROM connected c WHERE c.kind = 'entity' ORDER BY c.rowid""",
    """INSERT INTO connected_articles (kind, id, article_id)
       SELECT kind, id, article_id FROM (
           SELECT c.rowid AS r, c.kind AS kind, c.id AS id,
                  json_extract(e.value, '$.evidence.article_id') AS article_id, min(e.key) AS first
           FROM connected c, json_each(c.data, '$.reports') e WHERE c.kind = 'event' GROUP BY c.rowid, 4
           UNION ALL
           SELECT c.rowid, c.kind, c.id, json_extract(e.value, '$.article_id'), min(e.key)
           FROM connected c, json_each(c.data, '$.evidence') e WHERE c.kind = 'fact' GROUP BY c.rowid, 4)
       ORDER BY r, first""",
)


@contextmanager
def relinked(db) -> Iterator[None]:
    """Inside a transaction on `db` (a dialect.SQLite; begun here if none is open): `connected` and its link
    tables emptied, the caller's inserts into `connected` made without the triggers, then the link tables filled
    from every row (module docstring); the connection's page cache is `CACHE_KIB` meanwhile. An exception leaves
    the triggers and indexes dropped: the caller's transaction rolls back."""
    if not db.raw.in_transaction:       # Python's sqlite3 begins one by itself only before INSERT, UPDATE, DELETE:
        db.execute("BEGIN")             # a DROP would otherwise be committed at once
    names = ", ".join("?" * len(TABLES))
    schema = [sql for (sql,) in db.execute(f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                           f"({', '.join('?' * len(TRIGGERS))}) ORDER BY name", TRIGGERS)]
    indexes = db.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         f"AND tbl_name IN ({names}) ORDER BY name", TABLES).fetchall()
    for name in TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, _ in indexes:
        db.execute(f"DROP INDEX {name}")
    for table in ("connected", *TABLES):
        db.execute(f"DELETE FROM {table}")
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
        for sql in FILL:
            db.execute(sql)
        for _, sql in indexes:
            db.execute(sql)
        for sql in schema:
            db.execute(sql)
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
