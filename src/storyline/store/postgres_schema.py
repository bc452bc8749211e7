"""PostgreSQL's own version of the migrations SQLite's built-ins make impossible to translate (store/migrations.py).

Migration 4 adds the reading indexes. On SQLite they are FTS5 tables kept by
triggers; here they are `tsvector` columns generated from the documents,
with GIN indexes (the 'simple' configuration: words lower-cased, not
stemmed, as FTS5's unicode61 tokenizer; diacritics are kept), plus
PL/pgSQL triggers linking each stage-4 record to the articles it rests on.
It also gives PostgreSQL the pieces of SQLite that the shared queries use:
`json_extract`, `json_each` and `json_array_length` over JSON text with
SQLite's '$.a.b[0]' paths, and a `rowid` column where a query orders by
insertion (a replaced story gets a new one, as SQLite's INSERT OR REPLACE
does).
"""

FTS_CHARS = 500_000      # text indexed per article (a tsvector holds at most 1 MB)

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p = '' THEN '{}'::text[] ELSE string_to_array(p, '.') END
    FROM (SELECT regexp_replace(regexp_replace(path, '\[(\d+)\]', '.\1', 'g'), '^\$\.?', '') AS p) x
$$;
-- JSON text as json; an escaped NUL (which PostgreSQL's text cannot hold) is dropped
CREATE OR REPLACE FUNCTION json_doc(doc text) RETURNS json LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN strpos(doc, '\u0000') > 0 THEN replace(doc, '\u0000', '') ELSE doc END)::json
$$;
CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT json_doc(doc) #>> json_path(path)
$$;
CREATE OR REPLACE FUNCTION json_array_length(doc text, path text) RETURNS integer LANGUAGE sql IMMUTABLE
PARALLEL SAFE AS $$
    SELECT CASE WHEN j IS NULL THEN NULL WHEN json_typeof(j) = 'array' THEN json_array_length(j) ELSE 0 END
    FROM (SELECT json_doc(doc) #> json_path(path) AS j) x
$$;
CREATE OR REPLACE FUNCTION json_each(doc text, path text) RETURNS TABLE (key integer, value text) LANGUAGE sql
IMMUTABLE PARALLEL SAFE AS $$
    SELECT (e.n - 1)::integer, e.v FROM (SELECT json_doc(doc) #> json_path(path) AS j) x,
        json_array_elements_text(CASE WHEN json_typeof(x.j) = 'array' THEN x.j ELSE '[]'::json END)
        WITH ORDINALITY AS e (v, n)
$$;
"""

_READING = f"""
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(
    coalesce(json_extract(data, '$.title'), '') || ' ' || coalesce(json_extract(data, '$.text'), ''),
    {FTS_CHARS}))) STORED;
CREATE INDEX articles_fts ON articles USING GIN (fts);
CREATE INDEX articles_outlet ON articles (json_extract(data, '$.outlet'));
CREATE TABLE entity_articles (rowid BIGSERIAL PRIMARY KEY, entity_id TEXT COLLATE "C" NOT NULL,
                              article_id TEXT COLLATE "C" NOT NULL, local_id TEXT COLLATE "C" NOT NULL);
CREATE INDEX entity_articles_entity ON entity_articles (entity_id, article_id);
CREATE INDEX entity_articles_article ON entity_articles (article_id, local_id);
CREATE TABLE connected_articles (kind TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL,
                                 article_id TEXT COLLATE "C" NOT NULL);
CREATE INDEX connected_articles_article ON connected_articles (article_id, kind);
CREATE INDEX connected_articles_record ON connected_articles (kind, id);
ALTER TABLE connected ADD COLUMN rowid BIGSERIAL UNIQUE;
ALTER TABLE connected ADD COLUMN names tsvector GENERATED ALWAYS AS (CASE WHEN kind = 'entity' THEN
    to_tsvector('simple', coalesce(json_extract(data, '$.name'), '') || ' ' || coalesce(json_extract(data,
    '$.aliases'), '')) END) STORED;
CREATE INDEX connected_names ON connected USING GIN (names);
ALTER TABLE stories ADD COLUMN rowid BIGSERIAL UNIQUE;
CREATE OR REPLACE FUNCTION connected_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'entity' THEN
        INSERT INTO entity_articles (entity_id, article_id, local_id)
            SELECT NEW.id, m.value ->> 0, m.value ->> 1
            FROM json_array_elements(json_doc(NEW.data) -> 'members') WITH ORDINALITY AS m (value, n) ORDER BY m.n;
    ELSIF NEW.kind = 'event' THEN
        INSERT INTO connected_articles (kind, id, article_id)
            SELECT DISTINCT NEW.kind, NEW.id, r.value -> 'evidence' ->> 'article_id'
            FROM json_array_elements(json_doc(NEW.data) -> 'reports') AS r (value);
    ELSIF NEW.kind = 'fact' THEN
        INSERT INTO connected_articles (kind, id, article_id)
            SELECT DISTINCT NEW.kind, NEW.id, e.value ->> 'article_id'
            FROM json_array_elements(json_doc(NEW.data) -> 'evidence') AS e (value);
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION connected_unlink() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entity_articles WHERE OLD.kind = 'entity' AND entity_id = OLD.id;
    DELETE FROM connected_articles WHERE kind = OLD.kind AND id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER connected_link AFTER INSERT ON connected FOR EACH ROW EXECUTE FUNCTION connected_link();
CREATE TRIGGER connected_unlink AFTER DELETE ON connected FOR EACH ROW EXECUTE FUNCTION connected_unlink();
"""

# migration number -> PostgreSQL's script, where a translated SQLite script will not do
OWN: dict[int, str] = {4: _FUNCTIONS + _READING}

