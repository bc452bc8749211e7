"""The two SQL dialects a store speaks: SQLite and PostgreSQL, behind one small connection type.

Every query is written once, in SQLite's words with `?` placeholders, and
the PostgreSQL connection translates the few forms that differ:
placeholders (`?` -> `%s`), `INSERT OR REPLACE` (-> `ON CONFLICT (key) DO
UPDATE`, the key from UPSERT_KEYS), `main.` (-> the store's schema) and
`temp.` (-> `pg_temp.`). Schema scripts are translated by `ddl`
(AUTOINCREMENT -> BIGSERIAL, INTEGER -> BIGINT, BLOB -> BYTEA, TEXT compared
byte-wise like SQLite). What cannot be translated (full-text search: FTS5
there, tsvector/GIN here; triggers) is written per dialect where it is used.
`insert_many` writes many plain rows into one table: an INSERT per row on
SQLite, one COPY stream on PostgreSQL.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from itertools import count
from typing import Any, Iterable, Iterator, Sequence

# table -> the unique key an `INSERT OR REPLACE` into it replaces on
UPSERT_KEYS = {"refusals": ("source",), "analyses": ("article_id",), "stories": ("id",),
               "story_members": ("article_id",), "embeddings": ("article_id", "model"), "timelines": ("story_id",),
               "connect_parts": ("story_id",), "connected_stories": ("story_id",),
               "meta": ("key",)}
# tables given an explicit `rowid` column on PostgreSQL (SQLite has one implicitly): a replaced row gets a new one
ROWID_TABLES = {"stories", "connected", "entity_articles"}

_REPLACE = re.compile(r"INSERT OR REPLACE INTO (\w+) \(([^)]*)\)")


def is_url(location: Any) -> bool:
    """Whether a store location is a URL (`postgresql://...`) rather than a file path."""
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", str(location)) is not None


def is_postgresql(location: Any) -> bool:
    return re.match(r"postgres(ql)?://", str(location)) is not None


class SQLite:
    """A sqlite3 connection with the interface both dialects share."""

    name = "sqlite"

    def __init__(self, raw: sqlite3.Connection):
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.raw.executemany(sql, rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows of values for these columns (an `executemany` of one INSERT)."""
        self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)

    def script(self, sql: str) -> None:
        """Run a schema script (several statements; a trigger's body holds semicolons of its own)."""
        statement = ""
        for piece in sql.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                if statement.strip().strip(";").strip():
                    self.raw.execute(statement)
                statement = ""

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """Rows of a long query, fetched as they are read."""
        return self.raw.execute(sql, params)

    def __enter__(self):
        return self.raw.__enter__()

    def __exit__(self, *exc):
        return self.raw.__exit__(*exc)

    def close(self) -> None:
        self.raw.close()


class PostgreSQL:
    """A psycopg 3 connection (autocommit; `with conn:` is one transaction, nested ones savepoints) that
    translates SQLite's query forms (module docstring)."""

    name = "postgresql"

    def __init__(self, raw, schema: str = "public"):
        self.raw, self.schema = raw, schema
        self._transactions: list = []
        self._names = count()

    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.raw.execute(translate(sql, self.schema), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(translate(sql, self.schema), rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert rows of values for these columns, in order, as one COPY stream rather than a statement per row
        (a tenth of the time for a few hundred thousand rows); triggers, defaults and constraints apply as they
        do to INSERT."""
        with self.raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def script(self, sql: str) -> None:
        self.raw.execute(sql)            # no parameters: several statements in one round trip

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """Rows of a long query through a server-side cursor, a few hundred at a time (bounded memory)."""
        with self.raw.cursor(name=f"storyline_{next(self._names)}", withhold=True) as cur:
            cur.itersize = 200
            cur.execute(translate(sql, self.schema), tuple(params))
            yield from cur

    def __enter__(self):
        tx = self.raw.transaction()
        tx.__enter__()
        self._transactions.append(tx)
        return self

    def __exit__(self, *exc):
        return self._transactions.pop().__exit__(*exc)

    def close(self) -> None:
        self.raw.close()


@lru_cache(maxsize=1024)
def translate(sql: str, schema: str = "public") -> str:
    """One query in SQLite's words as PostgreSQL's (module docstring); `%` is escaped for psycopg."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    sql = re.sub(r"\bmain\.", f"{schema}.", sql)
    sql = re.sub(r"\btemp\.", "pg_temp.", sql)
    match = _REPLACE.search(sql)
    if match:
        table, columns = match.group(1), [c.strip() for c in match.group(2).split(",")]
        keys = UPSERT_KEYS[table]
        sets = [f"{c} = excluded.{c}" for c in columns if c not in keys]
        sets += ["rowid = excluded.rowid"] if table in ROWID_TABLES else []
        sql = (sql.replace(match.group(0), f"INSERT INTO {table} ({match.group(2)})")
               + f" ON CONFLICT ({', '.join(keys)}) DO " + (f"UPDATE SET {', '.join(sets)}" if sets else "NOTHING"))
    return sql


def ddl(script: str) -> str:
    """A SQLite schema script in PostgreSQL's types: AUTOINCREMENT keys, 64-bit integers, bytes, and text
    ordered by code point as SQLite does (whatever the database's locale)."""
    script = re.sub(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", script)
    script = re.sub(r"\bINTEGER\b", "BIGINT", script)
    script = re.sub(r"\bBLOB\b", "BYTEA", script)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', script)
