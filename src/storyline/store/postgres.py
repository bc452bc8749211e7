"""A store shared by several processes: one PostgreSQL database (the queries are in store/sql.py).

Several `storyline run` processes may write to one database at once and
lose or duplicate nothing:

- an article is one transaction, its input unique by (source, content hash)
  and its id unique; `add_article` re-checks both, and the duplicate mark,
  under a transaction-level advisory lock, so concurrent ingests give the
  store some serial order's result (an input stored meanwhile by another
  run is skipped, an id taken meanwhile by another input gets the runner's
  `~hash` suffix, a copy stored meanwhile becomes the original);
- stage 3 writes are upserts of the same reading;
- stage 4 (stories, corpus records, timelines), which rewrites stories from
  what it read, holds a session-level advisory lock from its first call
  until the store is closed, so one run's stage 4 and export see no other
  run's half-written stories, and the last run to reach stage 4 connects
  everything every run stored;
- a run storing or reading articles (stages 1-3) holds the reading lock
  shared, and stage 4 holds it exclusively, so stage 4 waits for articles
  another run stored and has not read yet instead of placing them unread;
- migrations take an advisory lock and re-read the schema version.
"""
from __future__ import annotations

import re
from dataclasses import replace

from storyline.errors import StoreError
from storyline.records import AnalysedArticle, Article, Connected, TimelineEntry
from storyline.store.dialect import PostgreSQL
from storyline.store.sql import SQLStore

# advisory lock keys (64-bit; one database per store)
LOCK_SCHEMA, LOCK_INGEST, LOCK_STAGE4, LOCK_READING = (0x5374_6f72_7901, 0x5374_6f72_7902, 0x5374_6f72_7903,
                                                      0x5374_6f72_7904)


def redact(url: str) -> str:
    """A connection URL without its password, for messages."""
    return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", str(url))


class PostgresStore(SQLStore):
    """The store in the PostgreSQL database at `url` (postgresql://user[:password]@host[:port]/dbname; libpq's
    environment variables fill what the URL leaves out); its tables go in the connection's current schema.

    Raises StoreError when the server cannot be reached, the database holds no store and cannot be given
    one, or a newer storyline wrote it.
    """

    def __init__(self, url: str):
        import psycopg
        self.path = str(url)
        self._stage4_held = self._reading_held = False
        self._threshold, self._last_seq = 0.8, -1
        try:
            raw = psycopg.connect(self.path, autocommit=True)
        except psycopg.Error as err:
            raise StoreError(f"{redact(url)}: cannot connect to the store ({_first_line(err)})") from err
        try:
            schema = raw.execute("SELECT current_schema()").fetchone()[0]
            if schema is None:
                raise StoreError(f"{redact(url)}: no schema to create the store in (search_path is empty)")
            self.db = PostgreSQL(raw, schema)
            self._migrate()
        except psycopg.Error as err:
            raw.close()
            raise StoreError(f"{redact(url)}: cannot open the store ({_first_line(err)})") from err

    def _lock_schema(self) -> None:
        self.db.execute("SELECT pg_advisory_xact_lock(?)", (LOCK_SCHEMA,))

    # ------------------------------------------------------------ stages 1-2
    def find_duplicate(self, text_hash: str, signature: list[int] | None, threshold: float = 0.8,
                       article: Article | None = None) -> str | None:
        self._threshold = threshold          # add_article checks again, with the same threshold, if articles
        self._last_seq = self._newest()      # arrived since
        return super().find_duplicate(text_hash, signature, threshold, article)

    def _newest(self) -> int | None:
        return self.db.execute("SELECT max(seq) FROM articles").fetchone()[0]

    def add_article(self, article: Article, signature: list[int] | None = None, text_hash: str = "",
                    version: str = "") -> Article | None:
        """Store one article as SQLStore does, after checking again, under the ingest lock, what other runs
        stored since the runner looked: its input (then nothing is written), its id, an earlier copy."""
        self._reading()
        with self.db:
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (LOCK_INGEST,))
            if self.stored_input(article.source, article.content_hash):
                return None
            article = self.unclash(article)              # its id, taken meanwhile: as the runner does
            if article.duplicate_of is None and text_hash and self._newest() != self._last_seq:
                article = replace(article, duplicate_of=self.find_duplicate(text_hash, signature, self._threshold,
                                                                              article))
            return super().add_article(article, signature, text_hash, version)

    def add_analysis(self, analysis: AnalysedArticle, version: str) -> None:
        self._reading()
        super().add_analysis(analysis, version)

    def _reading(self) -> None:
        """Hold the reading lock shared (until stage 4 or close): stage 4 elsewhere waits for this run's reads."""
        if not (self._reading_held or self._stage4_held):
            self.db.execute("SELECT pg_advisory_lock_shared(?)", (LOCK_READING,))
            self._reading_held = True

    # ------------------------------------------------------------ stage 4, one run at a time
    def _stage4(self) -> None:
        """Wait for, then hold until close, the store's stage-4 lock and, once every other run's articles are
        read, the reading lock."""
        if not self._stage4_held:
            if self._reading_held:
                self.db.execute("SELECT pg_advisory_unlock_shared(?)", (LOCK_READING,))
                self._reading_held = False
            self.db.execute("SELECT pg_advisory_lock(?)", (LOCK_STAGE4,))
            self.db.execute("SELECT pg_advisory_lock(?)", (LOCK_READING,))
            self._stage4_held = True

    def unstoried(self, limit: int, after: int = 0) -> list[tuple[int, Article]]:
        self._stage4()
        return super().unstoried(limit, after)

    def save_stories(self, rows, frequencies=None, docs: int = 0) -> None:
        self._stage4()
        super().save_stories(rows, frequencies, docs)

    def set_connected(self, connected: Connected, source: str | None = None) -> None:
        self._stage4()
        super().set_connected(connected, source)

    def save_connect_parts(self, rows) -> None:
        self._stage4()
        super().save_connect_parts(rows)

    def update_connected(self, *args, **kwargs) -> None:
        self._stage4()
        super().update_connected(*args, **kwargs)

    def drop_connect_parts(self, story_ids) -> None:
        self._stage4()
        super().drop_connect_parts(story_ids)

    def save_timeline(self, story_id: str, key: str, entries: list[TimelineEntry]) -> None:
        self._stage4()
        super().save_timeline(story_id, key, entries)

    def drop_timelines(self, story_ids) -> None:
        self._stage4()
        super().drop_timelines(story_ids)

    def close(self) -> None:
        self.db.close()                        # ends the session: its advisory locks go with it


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
