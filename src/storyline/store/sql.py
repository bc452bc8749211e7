"""What a store does, in SQL written once for SQLite and PostgreSQL (store/dialect.py translates).

Each article is written in its own transaction, keyed by (source, content
hash), so a run killed at any point leaves only whole articles behind and a
second run skips exactly what the first one finished. Near-duplicate lookup
goes through MinHash LSH band buckets kept in an indexed table, so finding the
copies of a new article never compares it with the whole corpus.
"""
from __future__ import annotations

from typing import Iterator

from storyline.clean.dedup import band_keys, similarity
from storyline.errors import StoreError
from storyline.records import AnalysedArticle, Article, ArticleDate, ComparedFact, Connected, CorpusEntity, MergedEvent, Refusal
from storyline.store import codec
from storyline.store.migrations import MIGRATIONS, script
from storyline.store.stories import StoryTables
from storyline.store.story_tables import TimelineTables


class SQLStore(StoryTables, TimelineTables):
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

    def has_id(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def has_source(self, source: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE source = ?", (source,)).fetchone() is not None

    def remove_article(self, article_id: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
            self.db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?", (article_id,))
            self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def add_article(self, article: Article, signature: list[int] | None = None, text_hash: str = "",
                    version: str = "") -> None:
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

    def find_duplicate(self, text_hash: str, signature: list[int] | None, threshold: float = 0.8) -> str | None:
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
            if other and similarity(signature, [int(x) for x in other.split(",")]) >= threshold:
                best = min(best or (seq, article_id), (seq, article_id))
        return best[1] if best else None

    def articles(self) -> Iterator[Article]:
        for (data,) in self.db.stream("SELECT data FROM articles ORDER BY seq"):
            yield codec.loads(Article, data)

    # ------------------------------------------------------------ refusals
    def add_refusal(self, refusal: Refusal, content_hash: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO refusals (source, content_hash, reason) VALUES (?, ?, ?)",
                            (refusal.source, content_hash, refusal.reason))

    def refusals(self) -> Iterator[Refusal]:
        for source, reason in self.db.execute("SELECT source, reason FROM refusals ORDER BY source"):
            yield Refusal(source, reason)

    # ------------------------------------------------------------ analyses (stage 3)
    def add_analysis(self, analysis: AnalysedArticle, version: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO analyses (article_id, version, data) VALUES (?, ?, ?)",
                            (analysis.article_id, version, codec.dumps(analysis)))

    def analysis(self, article_id: str, version: str) -> AnalysedArticle | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id = ? AND version = ?",
                              (article_id, version)).fetchone()
        return codec.loads(AnalysedArticle, row[0]) if row else None

    def analyses(self) -> Iterator[AnalysedArticle]:
        for (data,) in self.db.stream("SELECT an.data FROM analyses an JOIN articles a ON a.id = an.article_id "
                                      "ORDER BY a.seq"):
            yield codec.loads(AnalysedArticle, data)

    # ------------------------------------------------------------ stage 4
    def set_connected(self, connected: Connected) -> None:
        with self.db:
            self.db.execute("DELETE FROM connected")
            rows = [("entity", e.id, codec.dumps(e)) for e in connected.entities]
            rows += [("event", f"{i:08d}", codec.dumps(e)) for i, e in enumerate(connected.events)]
            rows += [("fact", f"{i:08d}", codec.dumps(f)) for i, f in enumerate(connected.facts)]
            rows += [("date", d.article_id, codec.dumps(d)) for d in connected.dates]
            self.db.executemany("INSERT INTO connected (kind, id, data) VALUES (?, ?, ?)", rows)

    def connected(self) -> Connected:
        kinds = {"entity": [], "event": [], "fact": [], "date": []}
        for kind, data in self.db.execute("SELECT kind, data FROM connected ORDER BY kind, id"):
            kinds[kind].append(data)
        return Connected(entities=tuple(codec.loads(CorpusEntity, d) for d in kinds["entity"]),
                         events=tuple(codec.loads(MergedEvent, d) for d in kinds["event"]),
                         facts=tuple(codec.loads(ComparedFact, d) for d in kinds["fact"]),
                         dates=tuple(codec.loads(ArticleDate, d) for d in kinds["date"]))

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
