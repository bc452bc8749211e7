"""The PostgreSQL store on a real server (tests/store/conftest.py): the dialect layer, concurrent writers, and
the same export as SQLite. The backend-independent round trips run on both stores in test_sqlite.py,
test_stories.py, test_timeline_table.py and test_browse.py (the `location` fixture)."""
from __future__ import annotations

import json
import multiprocessing
import random
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from storyline.errors import StoreError
from storyline.records import Article
from storyline.store import open_store
from storyline.store.dialect import ddl, translate
from storyline.store.migrations import MIGRATIONS
from storyline.store.postgres import redact

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def storyline(*args: str) -> subprocess.Popen:
    quiet = ["--quiet"] if args[0] in ("run", "ingest") else []
    return subprocess.Popen([sys.executable, "-m", "storyline.cli", *args, *quiet], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish(*processes: subprocess.Popen) -> None:
    for p in processes:
        out, _ = p.communicate(timeout=600)
        assert p.returncode == 0, out


def rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.parametrize("sqlite, postgresql", [
    ("SELECT 1 FROM articles WHERE id = ? AND seq > ?", "SELECT 1 FROM articles WHERE id = %s AND seq > %s"),
    ("SELECT x FROM t WHERE y LIKE 'a%'", "SELECT x FROM t WHERE y LIKE 'a%%'"),
    ("INSERT OR REPLACE INTO refusals (source, content_hash, reason) VALUES (?, ?, ?)",
     "INSERT INTO refusals (source, content_hash, reason) VALUES (%s, %s, %s) ON CONFLICT (source) DO UPDATE "
     "SET content_hash = excluded.content_hash, reason = excluded.reason"),
    ("INSERT OR REPLACE INTO stories (id, data) VALUES (?, ?)",            # a replaced story is the newest
     "INSERT INTO stories (id, data) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET data = excluded.data, "
     "rowid = excluded.rowid"),
    ("INSERT OR REPLACE INTO embeddings (article_id, model) VALUES (?, ?)",
     "INSERT INTO embeddings (article_id, model) VALUES (%s, %s) ON CONFLICT (article_id, model) DO NOTHING"),
    ("SELECT data FROM main.stories; DROP TABLE temp.stories",
     "SELECT data FROM news.stories; DROP TABLE pg_temp.stories"),
])
def test_queries_are_written_once_and_translated(sqlite, postgresql):
    assert translate(sqlite, "news") == postgresql


def test_schema_types_are_translated():
    assert ddl("seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, n INTEGER, state BLOB") == \
        'seq BIGSERIAL PRIMARY KEY, id TEXT COLLATE "C" NOT NULL, n BIGINT, state BYTEA'


def test_urls_lose_their_password_in_messages():
    assert redact("postgresql://ann:s3cret@db:5432/news") == "postgresql://ann:***@db:5432/news"
    assert redact("postgresql://ann@db/news") == "postgresql://ann@db/news"


def test_unreachable_server_and_newer_schema_are_clear_errors(postgres_url, postgres_server):
    with pytest.raises(StoreError, match=r"127.0.0.1:1/x: cannot connect to the store"):
        open_store("postgresql://storyline:pw@127.0.0.1:1/x")
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer storyline"):
        open_store(postgres_url)


def test_processes_opening_a_new_store_at_once_migrate_it_once(postgres_url):
    code = f"from storyline.store import open_store; open_store({postgres_url!r}).close()"
    processes = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(4)]
    for p in processes:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    assert rows(postgres_url, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(len(MIGRATIONS)),)]


def _texts(n: int, seed: int = 7) -> list[str]:
    words = [f"{a}{b}" for a in ("har", "bor", "cit", "vot", "ral", "mon", "sto", "fle") for b in
             ("ly", "en", "ow", "ard", "ist", "ure", "ing", "ed", "ous", "ive")]
    rng = random.Random(seed)
    return [" ".join(rng.choice(words) for _ in range(90)) + "." for _ in range(n)]


def _ingest(url: str, files: list[str], start, results) -> None:
    """One runner's stages 1-2 (run/local.py) into the store at `url`, begun when every runner is ready."""
    from storyline.run import local
    from storyline.settings import Settings
    with open_store(url) as store:
        start.wait()
        results.put(local.ingest(store, files, Settings()).stored)


def test_concurrent_ingests_store_each_input_once_and_mark_copies_in_arrival_order(tmp_path, postgres_url):
    """Four runners at once on overlapping JSON Lines files (each file read by three): 150 originals, 40 near
    copies. Without the store's constraints and ingest lock, inputs are stored twice or copies go unmarked."""
    texts = _texts(150)
    records = [{"id": f"o{i}", "text": t, "title": f"Original {i}"} for i, t in enumerate(texts)]
    records += [{"id": f"c{i}", "text": texts[i].replace(".", " today."), "title": f"Copy {i}"} for i in range(40)]
    random.Random(1).shuffle(records)
    files = [tmp_path / f"part{k}.jsonl" for k in range(4)]
    for k, f in enumerate(files):
        f.write_text("".join(json.dumps(r) + "\n" for r in records[k::4]))
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(4), context.Queue()
    runners = [context.Process(target=_ingest, args=(postgres_url, [str(files[(k + j) % 4]) for j in range(3)],
                                                     start, results)) for k in range(4)]
    for r in runners:
        r.start()
    for r in runners:
        r.join(timeout=300)
        assert r.exitcode == 0
    assert sum(results.get(timeout=5) for _ in runners) >= len(records)
    found = rows(postgres_url, "SELECT id, seq, duplicate_of FROM articles")
    assert sorted(i for i, *_ in found) == sorted(r["id"] for r in records)             # each input once
    seq = {i: s for i, s, _ in found}
    copies = {i: d for i, _, d in found if d}
    for n in range(40):                             # the later of each pair is the copy of the earlier
        first, later = sorted((f"o{n}", f"c{n}"), key=seq.get)
        assert copies.get(later) == first and first not in copies
    assert len(copies) == 40


def _no_vectors(store, articles) -> dict:
    return {a.id: (None, None) for a in articles}


def _cluster(url: str, start, results) -> None:
    """One runner's stage-4 stories (run/stories.py, without sentence embeddings), begun when all are ready."""
    from storyline.run.stories import cluster_new
    with open_store(url) as store:
        start.wait()
        results.put(cluster_new(store, vectors=_no_vectors))


def _partition(store) -> list[list[str]]:
    return sorted(sorted(s.article_ids) for s in store.stories() if s.article_ids and not s.merged_into)


def test_concurrent_stage4_runs_place_each_article_once_and_count_nothing_twice(tmp_path, postgres_url):
    """Three runners cluster the same 60 articles at once: one does, under the stage-4 lock, what a lone
    run does on SQLite; the others find nothing left. Without the lock, term counts double."""
    words = [f"{a}{b}" for a in ("har", "bor", "cit", "vot", "ral") for b in ("ly", "en", "ow", "ard")]
    rng = random.Random(3)
    articles = [Article(f"a{i}", f"in/{i}", t, f"h{i}", title=t[:30])
                for i, t in enumerate(" ".join(rng.choice(words) for _ in range(60)) for _ in range(60))]
    for location in (postgres_url, tmp_path / "s.sqlite"):
        with open_store(location) as store:
            for a in articles:
                store.add_article(a)
    with open_store(tmp_path / "s.sqlite") as store:
        from storyline.run.stories import cluster_new
        cluster_new(store, vectors=_no_vectors)
        expected = _partition(store)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(3), context.Queue()
    runners = [context.Process(target=_cluster, args=(postgres_url, start, results)) for _ in range(3)]
    for r in runners:
        r.start()
    for r in runners:
        r.join(timeout=300)
        assert r.exitcode == 0
    assert sorted(results.get(timeout=5) for _ in runners) == [0, 0, 60]
    with open_store(postgres_url) as store:
        assert store.term_frequencies([])[1] == 60
        assert _partition(store) == expected


def test_stage4_waits_for_articles_another_run_stored_and_has_not_read(postgres_url):
    """A run that stored an article and is still reading it holds stage 4 elsewhere back: placed unread, the
    article would start a story of its own that its reading would have joined to another."""
    import threading

    from storyline.run.stories import cluster_new
    placed = []
    with open_store(postgres_url) as reader:
        reader.add_article(Article("a1", "in/1", "harbour bridge closes for repairs", "h1", title="Bridge"))
        other = threading.Thread(target=lambda: placed.append(cluster_new(open_store(postgres_url),
                                                                          vectors=_no_vectors)))
        other.start()
        other.join(timeout=3)
        assert other.is_alive() and not placed          # waiting while the article is unread
    other.join(timeout=60)
    assert placed == [1]


def _export(out: Path) -> dict:
    return json.loads((out / "export.json").read_text())


def _stories(export: dict) -> list[list[str]]:
    return sorted(sorted(s["article_ids"]) for s in export["stories"] if s["article_ids"] and not s["merged_into"])


def test_seeds_on_sqlite_and_on_postgresql_give_the_same_export_and_dossier(tmp_path, postgres_server):
    """One `storyline run` per store, and two runs at once on overlapping seeds into one more PostgreSQL store
    (four runs in parallel: each loads its models, so this is the suite's slowest store test)."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS}: seeds not found")
    shared = postgres_server.new_database()
    alone = postgres_server.new_database()
    seeds = sorted(str(p) for p in SEEDS.iterdir())
    finish(storyline("run", str(SEEDS), "--out", str(tmp_path / "sqlite")),
           storyline("run", str(SEEDS), "--out", str(tmp_path / "pg"), "--db", alone),
           *(storyline("run", seeds[k], seeds[k + 1], "--out", str(tmp_path / f"shared{k}"), "--db", shared)
             for k in range(2)))
    sqlite, pg = _export(tmp_path / "sqlite"), _export(tmp_path / "pg")
    assert pg == sqlite
    assert (tmp_path / "pg" / "report.html").read_text() == (tmp_path / "sqlite" / "report.html").read_text()
    # the shared store: every input once, every article in one live story, the stories those of one run
    assert rows(shared, "SELECT count(*), count(DISTINCT source) FROM articles") == [(3, 3)]
    assert rows(shared, "SELECT count(*) FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
                        "LEFT JOIN stories s ON s.id = m.story_id WHERE s.merged_into IS NOT NULL OR s.id IS NULL") \
        == [(0,)]
    finish(storyline("export", "--db", shared, "--out", str(tmp_path / "shared")))
    together = _export(tmp_path / "shared")
    assert _stories(together) == _stories(sqlite)
    for name in ("articles", "time_expressions", "quotes", "entities"):
        assert len(together[name]) == len(sqlite[name]), name


def test_the_web_app_serves_a_postgresql_store(postgres_url):
    from starlette.testclient import TestClient

    from storyline.web.app import create_app
    from tests.store.synthetic import fill
    client = TestClient(create_app(fill(postgres_url)))
    home, story, search = client.get("/"), client.get("/stories/s1"), client.get("/search", params={"q": "counc"})
    assert home.status_code == story.status_code == search.status_code == 200
    assert "Harbour bridge closes" in home.text and "Jane Doe" in story.text and "/articles/a2" in search.text
    api = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["id"] for a in api["items"]] == ["a1", "a2"]
