"""What a store does, in SQL written once for SQLite and PostgreSQL (store/dialect.py translates).

Each article is written in its own transaction, keyed by (source, content
hash), so a run killed at any point leaves only whole articles behind and a
second run skips exactly what the first one finished. Near-duplicate lookup
goes through MinHash LSH band buckets kept in an indexed table, so finding the
copies of a new article never compares it with the whole corpus.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Iterator, Sequence

from storyline.clean.dedup import VERSION_FLOOR, band_keys, is_version, similarity
from storyline.errors import StoreError
from storyline.records import AnalysedArticle, Article, ArticleDate, ComparedFact, Connected, CorpusEntity, MergedEvent, Refusal
from storyline.store import codec
from storyline.store.connect_tables import ConnectTables
from storyline.store.migrations import AFTER, MIGRATIONS, script
from storyline.store.order import order_key
from storyline.store.stories import StoryTables
from storyline.store.story_tables import TimelineTables

CHUNK = 500     # values bound in one IN (...) clause


class SQLStore(StoryTables, TimelineTables, ConnectTables):
    """The store over one connection `self.db` (a dialect.SQLite or dialect.PostgreSQL); subclasses connect.

    `path` is the location the store was opened at (a file path or a URL), for readers opening it again.
    """

    path: str

    # ------------------------------------------------------------ schema
    def _migrate(self) -> None:
        """Apply the migrations this store lacks, each in one transaction (StoreError for a newer store)."""
        with self.db:
            self._lock_schema()
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > len(MIGRATIONS):
            raise StoreError(f"{self.path}: written by a newer storyline (schema {current}); upgrade storyline")
        for version in range(current + 1, len(MIGRATIONS) + 1):
            with self.db:
                self._lock_schema()
                if self.schema_version >= version:       # another process applied it meanwhile
                    continue
                self.db.script(script(version, self.db.name))
                if version in AFTER:
                    AFTER[version](self.db)
                self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                                (str(version),))

    def _lock_schema(self) -> None:
        """Keep other processes from migrating at the same time (inside a transaction); SQLite: nothing to do."""

    @property
    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    # ------------------------------------------------------------ articles
    def stored_input(self, source: str, content_hash: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT id, clean_version FROM articles WHERE source = ? AND content_hash = ?",
                              (source, content_hash)).fetchone()
        return (row[0], row[1]) if row else None

    def source_of(self, article_id: str) -> str | None:
        """The input (source) of the article stored under this id, or None when the id is free."""
        row = self.db.execute("SELECT source FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def unclash(self, article: Article) -> Article:
        """`article` with an id no other input's article holds (ids are unique in the export, EXPORT.md):
        its own, or `ID~HASH` (the first 8 hex digits of its content hash; then `-2`, `-3` ... when that
        is taken too) with a warning (Article.warnings) naming the id, the input holding it and the new
        id. An article stored under the id from the same input (which changed since) is removed: the new
        one replaces it."""
        holder = self.source_of(article.id)
        if holder == article.source:
            self.remove_article(article.id)
        if holder is None or holder == article.source:
            return article
        stem = new = f"{article.id}~{article.content_hash[:8]}"
        n = 1
        while self.source_of(new) is not None:
            n += 1
            new = f"{stem}-{n}"
        quoted = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
        return replace(article, id=new, warnings=article.warnings + (
            f"id {quoted(article.id)} is already used by {holder}; stored as {quoted(new)}",))

    def remove_article(self, article_id: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM warnings WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
            # its copies become originals, in the column and in the stored record alike (loading reads the record)
            for copy_id, data in self.db.execute("SELECT id, data FROM articles WHERE duplicate_of = ?",
                                                 (article_id,)).fetchall():
                self.db.execute("UPDATE articles SET duplicate_of = NULL, data = ? WHERE id = ?",
                                (codec.dumps(replace(codec.loads(Article, data), duplicate_of=None)), copy_id))
            self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def add_article(self, article: Article, signature: list[int] | None = None, text_hash: str = "",
                    version: str = "") -> Article | None:
        """Store one cleaned article, atomically, with its duplicate keys and its warnings; returns it as
        stored (its id must be free: `unclash`)."""
        with self.db:
            self.db.execute(
                "INSERT INTO articles (id, source, content_hash, text_hash, duplicate_of, data, signature, "
                "clean_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.source, article.content_hash, text_hash, article.duplicate_of,
                 codec.dumps(article), ",".join(map(str, signature)) if signature else None, version))
            if signature:
                self.db.executemany("INSERT INTO lsh (band, bucket, article_id) VALUES (?, ?, ?)",
                                    [(b, key, article.id) for b, key in enumerate(band_keys(signature))])
            self.db.execute("DELETE FROM refusals WHERE source = ?", (article.source,))
            self.db.executemany("INSERT INTO warnings (article_id, position, source, sort_key, message) "
                                "VALUES (?, ?, ?, ?, ?)", [(article.id, n, article.source, order_key(article.source),
                                                            message) for n, message in enumerate(article.warnings)])
        return article

    def find_duplicate(self, text_hash: str, signature: list[int] | None, threshold: float = 0.8,
                       article: Article | None = None) -> str | None:
        """The id of the earliest stored article this one copies (same words, or estimated Jaccard >=
        threshold) or, given the `article`, is a version of (dedup.is_version: its outlet's update of one
        story); None when none is."""
        row = self.db.execute("SELECT id FROM articles WHERE text_hash = ? ORDER BY seq LIMIT 1",
                              (text_hash,)).fetchone()
        if row:
            return row[0]
        if not signature:
            return None
        candidates: set[str] = set()
        for band, key in enumerate(band_keys(signature)):     # one indexed look-up per band
            candidates.update(r[0] for r in self.db.execute(
                "SELECT article_id FROM lsh WHERE band = ? AND bucket = ?", (band, key)))
        best = None
        for article_id in candidates:
            seq, other = self.db.execute("SELECT seq, signature FROM articles WHERE id = ?", (article_id,)).fetchone()
            near = similarity(signature, [int(x) for x in other.split(",")]) if other else 0.0
            if near >= threshold or (article is not None and near >= VERSION_FLOOR
                                     and is_version(article, self.articles_in([article_id])[0])):
                best = min(best or (seq, article_id), (seq, article_id))
        return best[1] if best else None

    def articles(self) -> Iterator[Article]:
        for (data,) in self.db.stream("SELECT data FROM articles ORDER BY seq"):
            yield codec.loads(Article, data)

    def unread(self, version: str, after: int = 0, limit: int = 100) -> list[tuple[int, Article]]:
        """(arrival number, article) for the first `limit` articles after arrival number `after` that lack
        an analysis at `version`, in arrival order: stage 3 pages through the store with it."""
        rows = self.db.execute("SELECT a.seq, a.data FROM articles a LEFT JOIN analyses an ON an.article_id = a.id "
                               "AND an.version = ? WHERE an.article_id IS NULL AND a.seq > ? ORDER BY a.seq LIMIT ?",
                               (version, after, limit)).fetchall()
        return [(seq, codec.loads(Article, data)) for seq, data in rows]

    def count_unread(self, version: str) -> int:
        """How many articles lack an analysis at `version`."""
        return self.db.execute("SELECT COUNT(*) FROM articles a LEFT JOIN analyses an ON an.article_id = a.id "
                               "AND an.version = ? WHERE an.article_id IS NULL", (version,)).fetchone()[0]

    def articles_in(self, article_ids: Sequence[str]) -> list[Article]:
        """The stored articles among these ids, in arrival order."""
        return [codec.loads(Article, data) for _, data in sorted(self._rows_in(
            "SELECT seq, data FROM articles WHERE id IN ({})", article_ids))]

    def _rows_in(self, sql: str, ids: Sequence[str]) -> list[tuple]:
        """The rows of `sql` (one `IN ({})` slot) over `ids`, bound CHUNK values at a time."""
        ids, rows = list(ids), []
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            rows += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    # ------------------------------------------------------------ refusals
    def add_refusal(self, refusal: Refusal, content_hash: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO refusals (source, content_hash, reason, sort_key) "
                            "VALUES (?, ?, ?, ?)", (refusal.source, content_hash, refusal.reason,
                                                    order_key(refusal.source)))

    def refusals(self) -> Iterator[Refusal]:
        """The refusals by file, then by place in the file, numerically (store/order.py)."""
        for source, reason in self.db.execute("SELECT source, reason FROM refusals ORDER BY sort_key, source"):
            yield Refusal(source, reason)

    def warnings(self) -> Iterator[tuple[str, str, str]]:
        """(source, article id, message) of every warning about a stored article (Article.warnings), by
        file, then by place in the file, numerically, then in the article's order."""
        yield from self.db.execute("SELECT source, article_id, message FROM warnings "
                                   "ORDER BY sort_key, source, position").fetchall()

    # ------------------------------------------------------------ analyses (stage 3)
    def add_analysis(self, analysis: AnalysedArticle, version: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO analyses (article_id, version, data) VALUES (?, ?, ?)",
                            (analysis.article_id, version, codec.dumps(analysis)))

    def analysis(self, article_id: str, version: str) -> AnalysedArticle | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ? AND version = ?",
                              (article_id, version)).fetchone()
        return codec.loads(AnalysedArticle, row[0]) if row else None

    def analyses(self, parts: Sequence[str] | None = None) -> Iterator[AnalysedArticle]:
        """Every stored analysis, in article order, whatever its version, one at a time; with `parts`
        (names of AnalysedArticle fields) only those are decoded and the others left empty."""
        for (data,) in self.db.stream("SELECT an.data FROM analyses an JOIN articles a ON a.id = an.article_id "
                                      "ORDER BY a.seq"):
            if parts is None:
                yield codec.loads(AnalysedArticle, data)
            else:
                yield codec.partial(AnalysedArticle, json.loads(data), ("article_id", *parts))

    def analyses_in(self, article_ids: Sequence[str], parts: Sequence[str] | None = None) -> list[AnalysedArticle]:
        """The stored analyses (whatever their version) of these articles, in article order; with `parts`
        only those fields are decoded, as `analyses` does."""
        rows = sorted(self._rows_in("SELECT a.seq, an.data FROM analyses an JOIN articles a ON a.id = an.article_id "
                                    "WHERE an.article_id IN ({})", article_ids))
        if parts is None:
            return [codec.loads(AnalysedArticle, data) for _, data in rows]
        return [codec.partial(AnalysedArticle, json.loads(data), ("article_id", *parts)) for _, data in rows]

    # ------------------------------------------------------------ stage 4
    def set_connected(self, connected: Connected, source: str | None = None) -> None:
        """Make the stored stage-4 records those of `connected`, in one transaction, rewriting only the rows
        whose (kind, id) is new or gone or whose document changed (a changed row is deleted and inserted
        again, so the link tables' triggers see it); the rows left alone are what a full rewrite would write.
        `source` names what they were computed from (run/connecting.py), kept in the same transaction and
        given back by `connected_source` (None: unknown)."""
        rows = {("entity", e.id): codec.dumps(e) for e in connected.entities}
        rows.update((("event", e.id), codec.dumps(e)) for e in connected.events)
        rows.update((("fact", f.id or f"{i:08d}"), codec.dumps(f)) for i, f in enumerate(connected.facts))
        rows.update((("date", d.article_id), codec.dumps(d)) for d in connected.dates)
        with self.db:
            stale = []
            for kind, rid, data in self.db.execute("SELECT kind, id, data FROM connected").fetchall():
                if rows.get((kind, rid)) == data:
                    del rows[(kind, rid)]          # stored as it is: left alone
                else:
                    stale.append((kind, rid))
            self.db.executemany("DELETE FROM connected WHERE kind = ? AND id = ?", stale)
            self.db.executemany("INSERT INTO connected (kind, id, data) VALUES (?, ?, ?)",
                                [(kind, rid, data) for (kind, rid), data in rows.items()])
            for table in ("connected_stories", "story_entities", "entity_keys"):   # what they were made of: unknown
                self.db.execute(f"DELETE FROM {table}")
            self._set_source(source)

    def _set_source(self, source: str | None) -> None:
        self.db.execute("DELETE FROM meta WHERE key = 'connected_source'")
        if source is not None:
            self.db.execute("INSERT INTO meta (key, value) VALUES ('connected_source', ?)", (source,))

    def connected_source(self) -> str | None:
        """What the stored stage-4 records were computed from, as the last `set_connected` named it."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'connected_source'").fetchone()
        return row[0] if row else None

    def connected(self) -> Connected:
        kinds = {"entity": [], "event": [], "fact": [], "date": []}
        for kind, data in self.db.execute("SELECT kind, data FROM connected ORDER BY kind, id"):
            kinds[kind].append(data)
        return Connected(entities=tuple(codec.loads(CorpusEntity, d) for d in kinds["entity"]),
                         events=tuple(codec.loads(MergedEvent, d) for d in kinds["event"]),
                         facts=tuple(codec.loads(ComparedFact, d) for d in kinds["fact"]),
                         dates=tuple(codec.loads(ArticleDate, d) for d in kinds["date"]))

    def dates_in(self, article_ids: Sequence[str]) -> list[ArticleDate]:
        """The stage-4 dates (`Connected.dates`) of those of these articles stage 4 dated, by article id."""
        rows = self._rows_in("SELECT id, data FROM connected WHERE kind = 'date' AND id IN ({})", article_ids)
        return [codec.loads(ArticleDate, data) for _, data in sorted(rows)]

    # ------------------------------------------------------------ summary
    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"),
                "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                "refused": one("SELECT COUNT(*) FROM refusals"),
                "analysed": one("SELECT COUNT(*) FROM analyses")}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SQLStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
