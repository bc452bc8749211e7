"""Schema migrations, applied in order; never edit one that has shipped.

A store records how many of these it has applied (meta.schema_version), so a
newer storyline upgrades an older file in place and an older one refuses a
newer file instead of corrupting it.
"""

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
    # 2: stories (stage 4): records, clustering state, look-up keys, members; term frequencies; embeddings
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
]
