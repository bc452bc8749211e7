"""A read-only connection to a store, for readers that never write (web app, HTML dossier).

A SQLite file is opened with `mode=ro`, a PostgreSQL store in a read-only
session, so no query can change the store. Readers see the store as it is: a
run that writes meanwhile is picked up at the next query (SQLite's `PRAGMA
data_version` changes; on PostgreSQL the newest article, corpus record and
whether a live story exists).

A store without stories (stages 1-3 only, or stage 4 before stories were
made) is shown as one story holding every article, as the Markdown dossier
does: temporary tables named `stories` and `story_members` (the temp schema
comes first in both databases' name resolution) stand in for the empty ones,
so every query is written once (store/dialect.py translates it for
PostgreSQL). Full-text search differs: FTS5 tables on SQLite, tsvector
columns on PostgreSQL (SEARCH).
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from storyline.errors import StoreError
from storyline.records import DateRange, Story, TimelineEntry
from storyline.store import codec
from storyline.store.dialect import PostgreSQL, SQLite, is_postgresql

ALL_ID = "all"
CHUNK = 500        # values bound in one IN (...) clause
# full-text search per dialect: the best-matching article ids (query, limit), the seqs of every matching
# article (query), the best-matching corpus entities as (id, name, type) (query, limit)
SEARCH = {
    "sqlite": {
        "article_ids": "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                       "WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?",
        "article_seqs": "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
        "entities": "SELECT c.id, json_extract(c.data, '$.name'), json_extract(c.data, '$.type') "
                    "FROM entity_names JOIN connected c ON c.rowid = entity_names.rowid "
                    "WHERE entity_names MATCH ? ORDER BY entity_names.rank LIMIT ?"},
    "postgresql": {
        "article_ids": "SELECT a.id FROM articles a, to_tsquery('simple', ?) q WHERE a.fts @@ q "
                       "ORDER BY ts_rank(a.fts, q) DESC, a.seq LIMIT ?",
        "article_seqs": "SELECT seq FROM articles WHERE fts @@ to_tsquery('simple', ?)",
        "entities": "SELECT c.id, json_extract(c.data, '$.name'), json_extract(c.data, '$.type') "
                    "FROM connected c, to_tsquery('simple', ?) q WHERE c.names @@ q "
                    "ORDER BY ts_rank(c.names, q) DESC, c.rowid LIMIT ?"},
}
# the stand-in story's tables (see the module docstring)
STAND_IN = {
    "sqlite": """CREATE TEMP TABLE stories (id TEXT PRIMARY KEY, merged_into TEXT, active INTEGER, data TEXT,
                                            state BLOB);
                 CREATE TEMP TABLE story_members (article_id TEXT PRIMARY KEY, story_id TEXT);
                 CREATE INDEX temp.story_members_story ON story_members (story_id)""",
    "postgresql": """CREATE TEMP TABLE stories (id TEXT COLLATE "C" PRIMARY KEY, merged_into TEXT COLLATE "C",
                                                active BIGINT, data TEXT COLLATE "C", state BYTEA);
                     CREATE TEMP TABLE story_members (article_id TEXT COLLATE "C" PRIMARY KEY,
                                                      story_id TEXT COLLATE "C");
                     CREATE INDEX story_members_story ON pg_temp.story_members (story_id)""",
}


def fts_query(text: str, dialect: str = "sqlite") -> str | None:
    """A user's search text as a full-text query: every word required, the last one as a prefix.

    FTS5's syntax for "sqlite", to_tsquery's for "postgresql". Quoting each word
    makes any input a valid query (no syntax error from a stray quote or
    operator); None when the text holds no word.
    """
    words = re.findall(r"\w+", text or "")
    if not words:
        return None
    if dialect == "postgresql":
        return " & ".join(f"'{w}'" for w in words[:-1]) + (" & " if len(words) > 1 else "") + f"'{words[-1]}':*"
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


def spanned(story: Story, published: Iterable[DateRange | None]) -> Story:
    """`story` with `first`/`last` the earliest and latest ends of its articles' publication intervals
    (`published`: stage 4's, which bound articles that have no exact date too), where both ends of some
    interval are known; the Story record keeps the days of the articles dated when it was clustered. The
    report, the export and the web app all show this span.

    An interval open at one end says nothing of when the story ran: "since 2020" only bounds an article
    from below ("published after 2020-01-01"), and a story is not dated from 2020 because of it; nor does an
    end only the story's year sets (`DateRange.evidence`: an undated article placed in 2026 after "April 14"
    spans the story from 2026-04-14, not to 2026-12-31)."""
    days = [d for r in published if r is not None and r.earliest is not None and r.latest is not None
            for d in r.evidence if d is not None]
    return replace(story, first=min(days), last=max(days)) if days else story


class ReadOnlyStore:
    """A read-only, thread-safe connection to a store (a SQLite file or a postgresql:// URL); subclasses add
    the queries.

    Raises StoreError when the file is missing or the server unreachable, or the location holds no store or
    one that predates the reading indexes (open it once with `open_store` to upgrade it).
    """

    def __init__(self, location: str | Path):
        self.path = str(location) if is_postgresql(location) else Path(location)
        try:
            self.db = self._connect(location)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except (sqlite3.DatabaseError, *_pg_errors()) as err:
            raise StoreError(f"{_shown(location)}: cannot read the store ({str(err).strip().splitlines()[0]}); "
                             f"open it with storyline once to make or upgrade it") from err
        if not row or int(row[0]) < 4:
            self.close()
            raise StoreError(f"{_shown(location)}: the store predates the reading indexes; open it with storyline "
                             f"once to upgrade it")
        self._lock = threading.RLock()
        self._version: tuple | None = None

    def _connect(self, location):
        if not is_postgresql(location):
            if not Path(location).is_file():
                raise StoreError(f"{location}: no such store file")
            return SQLite(sqlite3.connect(f"{Path(location).resolve().as_uri()}?mode=ro", uri=True,
                                          check_same_thread=False,
                                          isolation_level=None))    # autocommit: every query sees the latest writes
        import psycopg
        raw = psycopg.connect(str(location), autocommit=True)
        raw.execute("SET default_transaction_read_only = on")
        return PostgreSQL(raw, raw.execute("SELECT current_schema()").fetchone()[0])

    @property
    def dialect(self) -> str:
        return self.db.name

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ plumbing
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            self._refresh()
            return self.db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _in(self, sql: str, ids: Iterable[str], params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of `sql` whose `{ids}` placeholder is bound to each chunk of `ids` in turn."""
        ids, rows = list(dict.fromkeys(ids)), []
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            rows += self._rows(sql.format(ids=",".join("?" * len(chunk))), (*params, *chunk))
        return rows

    def _data_version(self) -> tuple:
        if self.dialect == "sqlite":
            return tuple(self.db.execute("PRAGMA data_version").fetchone())
        return tuple(self.db.execute(
            "SELECT (SELECT max(seq) FROM articles), (SELECT max(rowid) FROM connected), "
            "(SELECT count(*) FROM connected), "
            "EXISTS (SELECT 1 FROM main.stories WHERE merged_into IS NULL)").fetchone())

    def _refresh(self) -> None:
        """Re-decide the stand-in story after any write by another connection."""
        version = self._data_version()
        if version == self._version:
            return
        self._version = version
        with self.db:
            if self.dialect == "postgresql":
                self.db.execute("SET TRANSACTION READ WRITE")      # temporary tables only
            self.db.execute("DROP TABLE IF EXISTS temp.stories")
            self.db.execute("DROP TABLE IF EXISTS temp.story_members")
            live = self.db.execute("SELECT 1 FROM main.stories WHERE merged_into IS NULL LIMIT 1").fetchone()
            if live or not self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
                return
            self.db.script(STAND_IN[self.dialect])
            self.db.execute("INSERT INTO temp.story_members SELECT id, CAST(? AS TEXT) FROM articles", (ALL_ID,))
            self.db.execute("INSERT INTO temp.stories VALUES (?, NULL, 0, ?, NULL)",
                            (ALL_ID, codec.dumps(self._all_articles_story())))

    def _all_articles_story(self) -> Story:
        """The stand-in story: every article, its outlets, dates and most widely named people, organisations, places."""
        outlets = [r[0] for r in self.db.execute(
            "SELECT json_extract(data, '$.outlet') FROM articles WHERE json_extract(data, '$.outlet') IS NOT NULL "
            "GROUP BY 1 ORDER BY 1")]
        first, last = self.db.execute("SELECT min(json_extract(data, '$.published.earliest')), "
                                      "max(json_extract(data, '$.published.latest')) FROM articles").fetchone()
        top: dict[str, list[str]] = {"PERSON": [], "ORG": [], "GPE": []}
        for entity_id, kind in self.db.execute(
                "SELECT ea.entity_id, MIN(json_extract(c.data, '$.type')) FROM entity_articles ea "
                "JOIN connected c ON c.kind = 'entity' AND c.id = ea.entity_id "
                "GROUP BY ea.entity_id ORDER BY COUNT(DISTINCT ea.article_id) DESC, ea.entity_id"):
            if kind in top and len(top[kind]) < 5:
                top[kind].append(entity_id)
        return codec.from_plain(Story, {"id": ALL_ID, "title": "All articles", "outlets": outlets, "first": first,
                                        "last": last, "people": top["PERSON"], "organisations": top["ORG"],
                                        "places": top["GPE"]})

    # ------------------------------------------------------------ shared look-ups
    def names(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Corpus entity id -> (name, type), for the ids that exist."""
        return {i: (n, t) for i, n, t in self._in(
            "SELECT id, json_extract(data, '$.name'), json_extract(data, '$.type') FROM connected "
            "WHERE kind = 'entity' AND id IN ({ids})", [e for e in entity_ids if e])}

    def article_heads(self, article_ids: Iterable[str]) -> dict[str, dict]:
        """Article id -> {id, title, outlet, url, published, source, duplicate_of}: the article without its text;
        `published` is the interval stage 4 gave it where the clean stage found none (connect/dating.py), as in
        export.json, else its own."""
        return {r[0]: {"id": r[0], "title": r[1], "outlet": r[2], "url": r[3],
                       "published": json.loads(r[7] or r[4] or "null"), "source": r[5], "duplicate_of": r[6]}
                for r in self._in(
            "SELECT a.id, json_extract(a.data, '$.title'), json_extract(a.data, '$.outlet'), "
            "json_extract(a.data, '$.url'), json_extract(a.data, '$.published'), a.source, a.duplicate_of, "
            "json_extract(c.data, '$.published') FROM articles a LEFT JOIN connected c ON c.kind = 'date' "
            "AND c.id = a.id WHERE a.id IN ({ids})", article_ids)}

    def with_spans(self, stories: Iterable[Story]) -> list[Story]:
        """The stories with their span from every article's publication interval, as `article_heads` gives
        it (`spanned` below), read in one query over their members."""
        stories = list(stories)
        published: dict[str, list[DateRange]] = defaultdict(list)
        for sid, data in self._in(
                "SELECT m.story_id, COALESCE(json_extract(c.data, '$.published'), json_extract(a.data, '$.published')) "
                "FROM story_members m JOIN articles a ON a.id = m.article_id LEFT JOIN connected c "
                "ON c.kind = 'date' AND c.id = m.article_id WHERE m.story_id IN ({ids})", [s.id for s in stories]):
            if data:
                published[sid].append(codec.from_plain(DateRange, json.loads(data)))
        return [spanned(s, published.get(s.id, ())) for s in stories]

    def load_story(self, story_id: str, schema: str = "") -> Story | None:
        """A live story with its article ids (arrival order); None for an unknown or merged id.

        `schema` "main." reads only stored stories, never the stand-in one.
        """
        row = self._one(f"SELECT data FROM {schema}stories WHERE id = ? AND merged_into IS NULL", (story_id,))
        if row is None:
            return None
        members = [r[0] for r in self._rows(f"SELECT m.article_id FROM {schema}story_members m JOIN articles a "
                                            f"ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.seq", (story_id,))]
        return codec.from_plain(Story, {**json.loads(row[0]), "article_ids": members})

    def timeline(self, story_id: str) -> tuple[TimelineEntry, ...]:
        """A story's timeline entries in date order (none for the stand-in story)."""
        row = self._one("SELECT data FROM timelines WHERE story_id = ?", (story_id,))
        return codec.from_plain(tuple[TimelineEntry, ...], json.loads(row[0])) if row else ()

    def live_story_id(self, story_id: str) -> str | None:
        """The id of the live story an id stands for, following merges; None if unknown."""
        seen = set()
        while story_id not in seen:
            seen.add(story_id)
            row = self._one("SELECT merged_into FROM stories WHERE id = ?", (story_id,))
            if row is None:
                return None
            if row[0] is None:
                return story_id
            story_id = row[0]
        return None



def _pg_errors() -> tuple:
    import psycopg           # imported only when needed: most readers open a SQLite file
    return (psycopg.Error,)


def _shown(location) -> str:
    from storyline.store.postgres import redact
    return redact(str(location))
