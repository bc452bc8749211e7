"""Schema migrations, applied in order; never edit one that has shipped.

A store records how many of these it has applied (meta.schema_version), so a
newer storyline upgrades an older file in place and an older one refuses a
newer file instead of corrupting it. The scripts are SQLite's; PostgreSQL
runs the same steps, translated by `dialect.ddl`, except where SQLite's
built-ins have no translation (migration 4's full-text search and triggers:
store/postgres_schema.py).
"""
from storyline.store import dialect, postgres_schema
from storyline.store.order import order_key

MIGRATIONS: list[str] = [
    # 1: articles keyed by input, refusals, LSH buckets, stage-3 analyses
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        duplicate_of TEXT,
        signature TEXT,
        data TEXT NOT NULL,
        UNIQUE (source, content_hash)
    );
    CREATE INDEX articles_text_hash ON articles (text_hash);
    CREATE TABLE refusals (
        source TEXT PRIMARY KEY,
        content_hash TEXT,
        reason TEXT NOT NULL
    );
    CREATE TABLE lsh (
        band INTEGER NOT NULL,
        bucket TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    );
    CREATE INDEX lsh_bucket ON lsh (band, bucket);
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        data TEXT NOT NULL
    )
    """,
    # 2: the clean-stage version each article was made by; stage-4 records as documents
    """
    ALTER TABLE articles ADD COLUMN clean_version TEXT NOT NULL DEFAULT '';
    CREATE TABLE connected (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    )
    """,
    # 3: stories and their timelines (stage 4, store/stories.py, store/story_tables.py): a story row holds the Story record
    #    without its articles, membership is one story_members row per article
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        merged_into TEXT,
        active INTEGER NOT NULL,
        data TEXT NOT NULL,
        state BLOB
    );
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members (story_id);
    CREATE TABLE timelines (
        story_id TEXT PRIMARY KEY,
        source_key TEXT NOT NULL,
        data TEXT NOT NULL
    )
    """,
    # 4: indexes for reading (web app, HTML dossier), kept up to date by triggers whoever writes:
    #    full text of articles (FTS5 over their title and text) and of entity names; each corpus
    #    entity, merged event and compared fact linked to the articles it rests on.
    """
    CREATE VIEW article_fields AS
        SELECT seq, json_extract(data, '$.title') AS title, json_extract(data, '$.text') AS text FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content='article_fields', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text)
        VALUES (new.seq, json_extract(new.data, '$.title'), json_extract(new.data, '$.text'));
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, json_extract(old.data, '$.title'), json_extract(old.data, '$.text'));
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF data ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, json_extract(old.data, '$.title'), json_extract(old.data, '$.text'));
        INSERT INTO articles_fts (rowid, title, text)
        VALUES (new.seq, json_extract(new.data, '$.title'), json_extract(new.data, '$.text'));
    END;
    CREATE INDEX articles_outlet ON articles (json_extract(data, '$.outlet'));
    CREATE TABLE entity_articles (entity_id TEXT NOT NULL, article_id TEXT NOT NULL, local_id TEXT NOT NULL);
    CREATE INDEX entity_articles_entity ON entity_articles (entity_id, article_id);
    CREATE INDEX entity_articles_article ON entity_articles (article_id, local_id);
    CREATE TABLE connected_articles (kind TEXT NOT NULL, id TEXT NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX connected_articles_article ON connected_articles (article_id, kind);
    CREATE INDEX connected_articles_record ON connected_articles (kind, id);
    CREATE VIRTUAL TABLE entity_names USING fts5 (name, aliases, tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER connected_link AFTER INSERT ON connected BEGIN
        INSERT INTO entity_articles (entity_id, article_id, local_id)
            SELECT new.id, json_extract(value, '$[0]'), json_extract(value, '$[1]')
            FROM json_each(new.data, '$.members') WHERE new.kind = 'entity';
        INSERT INTO entity_names (rowid, name, aliases)
            SELECT new.rowid, json_extract(new.data, '$.name'),
                   (SELECT group_concat(value, ' ') FROM json_each(new.data, '$.aliases'))
            WHERE new.kind = 'entity';
        INSERT INTO connected_articles (kind, id, article_id)
            SELECT DISTINCT new.kind, new.id, json_extract(value, '$.evidence.article_id')
            FROM json_each(new.data, '$.reports') WHERE new.kind = 'event';
        INSERT INTO connected_articles (kind, id, article_id)
            SELECT DISTINCT new.kind, new.id, json_extract(value, '$.article_id')
            FROM json_each(new.data, '$.evidence') WHERE new.kind = 'fact';
    END;
    CREATE TRIGGER connected_unlink AFTER DELETE ON connected BEGIN
        DELETE FROM entity_articles WHERE old.kind = 'entity' AND entity_id = old.id;
        DELETE FROM entity_names WHERE old.kind = 'entity' AND rowid = old.rowid;
        DELETE FROM connected_articles WHERE kind = old.kind AND id = old.id;
    END;
    CREATE TEMP TABLE relink AS SELECT rowid AS r, kind, id, data FROM connected;
    DELETE FROM connected;
    INSERT INTO connected (rowid, kind, id, data) SELECT r, kind, id, data FROM temp.relink;
    DROP TABLE temp.relink
    """,
    # 5: story clustering (stage 4, store/stories.py): look-up keys of active stories, corpus term counts,
    #    sentence embeddings per article and model
    """
    CREATE TABLE story_keys (
        key INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        active INTEGER NOT NULL
    );
    CREATE INDEX story_keys_key ON story_keys (key, active);
    CREATE INDEX story_keys_story ON story_keys (story_id);
    CREATE TABLE term_frequencies (
        term INTEGER PRIMARY KEY,
        docs INTEGER NOT NULL
    );
    CREATE TABLE embeddings (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (article_id, model)
    )
    """,
    # 6: stage 4's connect parts per story (store/connect_tables.py): what connect computes from one story's
    #    articles alone, kept with the key of what it was computed from, so a run recomputes only changed stories
    """
    CREATE TABLE connect_parts (
        story_id TEXT PRIMARY KEY,
        source_key TEXT NOT NULL,
        data TEXT NOT NULL
    )
    """,
    # 7: beside each story's connect part, its description joins with the signature of the groups they were
    #    computed for (connect/cached.py `Links`)
    """
    ALTER TABLE connect_parts ADD COLUMN links TEXT
    """,
    # 8: what the stored stage-4 records were made of, per story (store/connect_tables.py): the part key
    #    each story's records reflect and the articles it dated, its story entities with their corpus ids,
    #    and the keys that link them across stories, so a run rewrites only what a changed story touches
    """
    CREATE TABLE connected_stories (
        story_id TEXT PRIMARY KEY,
        source_key TEXT NOT NULL,
        dated TEXT NOT NULL
    );
    CREATE TABLE story_entities (
        story_id TEXT NOT NULL,
        entity INTEGER NOT NULL,
        corpus_id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (story_id, entity)
    );
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        story_id TEXT NOT NULL,
        entity INTEGER NOT NULL,
        PRIMARY KEY (key, story_id, entity)
    );
    CREATE INDEX entity_keys_story ON entity_keys (story_id)
    """,
    # 9: refusals listed by file, then by line (or other place) numerically (store/order.py): the key
    #    they are ordered by; rows stored before it are keyed by `AFTER[9]`
    """
    ALTER TABLE refusals ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX refusals_order ON refusals (sort_key)
    """,
    # 10: warnings about stored articles (Article.warnings: an id taken by another input, a given date set
    #     aside), one row each, listed in the order of refusals
    """
    CREATE TABLE warnings (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE INDEX warnings_order ON warnings (sort_key)
    """,
]


def _key_refusals(db) -> None:
    """Give the refusals stored before migration 9 their `order_key`."""
    rows = db.execute("SELECT source FROM refusals").fetchall()
    db.executemany("UPDATE refusals SET sort_key = ? WHERE source = ?", [(order_key(s), s) for s, in rows])


# what a migration needs done in Python, in the same transaction, after its script
AFTER = {9: _key_refusals}


def script(version: int, dialect_name: str) -> str:
    """The script of migration `version` (1-based) in a dialect ("sqlite" or "postgresql")."""
    if dialect_name == "sqlite":
        return MIGRATIONS[version - 1]
    return postgres_schema.OWN.get(version) or dialect.ddl(MIGRATIONS[version - 1])
