"""Stage 4's connect parts and per-story records (store/connect_tables.py, migrations 6 to 8) and
`set_connected` rewriting only changed rows, on SQLite and PostgreSQL (the `location` fixture)."""
from storyline.records import (AnalysedArticle, Article, ArticleDate, ComparedFact, Connected, CorpusEntity, DateRange,
                               Evidence, EventReport, MergedEvent)
from storyline.store import open_store
from storyline.store.migrations import MIGRATIONS
from tests.store.old_schema import store_at


def _articles(store, n: int = 3) -> None:
    for i in range(1, n + 1):
        store.add_article(Article(f"a{i}", f"in/{i}.txt", f"Some text number {i} long enough to keep.", f"h{i}"))


def test_migrations_6_and_7_add_the_parts_table_and_its_joins(location):
    with open_store(location) as store:
        assert store.schema_version == len(MIGRATIONS) >= 7
        assert store.connect_part_keys() == {}


def test_a_store_made_at_schema_6_gains_the_joins_column(tmp_path):
    path = tmp_path / "six.sqlite"
    db = store_at(path, 6)
    db.execute("INSERT INTO connect_parts VALUES ('s1', 'k1', '{}')")
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert list(store.connect_parts(["s1"])) == [("s1", "k1", "{}")]


def test_parts_round_trip_replace_and_drop(location):
    with open_store(location) as store:
        store.save_connect_parts([("s1", "k1", '{"x":1}'), ("s2", "k2", '{"é":"ü"}')])
        store.save_connect_parts([("s1", "k3", '{"x":2}')])             # recomputed: replaces
    with open_store(location) as store:
        assert store.connect_part_keys() == {"s1": "k3", "s2": "k2"}
        assert sorted(store.connect_parts(["s2", "s1", "unknown"])) == [("s1", "k3", '{"x":2}'),
                                                                       ("s2", "k2", '{"é":"ü"}')]
        store.drop_connect_parts(["s2", "unknown"])
        assert store.connect_part_keys() == {"s1": "k3"}


def test_parts_are_read_many_ids_at_a_time(location):
    with open_store(location) as store:
        store.save_connect_parts([(f"s{i}", f"k{i}", "{}") for i in range(1203)])
        assert len(list(store.connect_parts([f"s{i}" for i in range(1203)]))) == 1203


def test_connect_sources_say_what_a_part_depends_on(location):
    with open_store(location) as store:
        _articles(store)
        store.add_analysis(AnalysedArticle("a1"), "read-1")
        rows = list(store.connect_sources())
        assert [(r[0], r[2], r[4], r[5]) for r in rows] == [("a1", "h1", None, "read-1"), ("a2", "h2", None, None),
                                                            ("a3", "h3", None, None)]
        assert [r[1] for r in rows] == sorted(r[1] for r in rows)


def _connected(name: str = "Ann Lee", facts: int = 2) -> Connected:
    e1 = CorpusEntity("person:ann-lee", name, "PERSON", members=(("a1", "e1"), ("a2", "e1")))
    e2 = CorpusEntity("place:paris", "Paris", "GPE", members=(("a1", "e2"),))
    report = EventReport(Evidence("a1", 0, 10, "She left."), "left", "actual", 0)
    events = (MergedEvent("v1", "movement", (("agent", "person:ann-lee"),), reports=(report,)),)
    fs = tuple(ComparedFact("person:ann-lee", "age", str(30 + i), "single", (Evidence("a2", 0, 5, "31"),))
               for i in range(facts))
    return Connected((e1, e2), events, fs, (ArticleDate("a3", DateRange(None, None, "x")),))


def _rows(store) -> list[tuple]:
    return store.db.execute("SELECT rowid, kind, id, data FROM connected ORDER BY kind, id").fetchall()


def _links(store) -> list[tuple]:
    return sorted(store.db.execute("SELECT entity_id, article_id, local_id FROM entity_articles").fetchall()) + \
        sorted(store.db.execute("SELECT kind, id, article_id FROM connected_articles").fetchall())


def test_set_connected_rewrites_only_changed_rows_and_keeps_the_links(location, tmp_path):
    with open_store(location) as store:
        _articles(store)
        store.set_connected(_connected())
        before = {(k, i): (r, d) for r, k, i, d in _rows(store)}
        store.set_connected(_connected())                          # the same records: nothing rewritten
        assert {(k, i): (r, d) for r, k, i, d in _rows(store)} == before
        store.set_connected(_connected("Ann Lee-Smith", facts=1))  # one entity changed, one fact gone
        after = {(k, i): (r, d) for r, k, i, d in _rows(store)}
        assert set(after) == set(before) - {("fact", "00000001")}
        assert after[("entity", "place:paris")] == before[("entity", "place:paris")]
        assert after[("event", "v1")] == before[("event", "v1")]
        assert after[("entity", "person:ann-lee")][0] != before[("entity", "person:ann-lee")][0]
        assert store.connected() == Connected(*[tuple(sorted(x, key=lambda r: getattr(r, "id", "")))
                                                if i == 0 else x for i, x in
                                                enumerate(_astuple(_connected("Ann Lee-Smith", facts=1)))])
        links = _links(store)
    with open_store(tmp_path / "fresh.sqlite") as fresh:              # the links of one full write
        _articles(fresh)
        fresh.set_connected(_connected("Ann Lee-Smith", facts=1))
        assert _links(fresh) == links


def _astuple(c: Connected) -> tuple:
    return c.entities, c.events, c.facts, c.dates


def test_set_connected_to_nothing_empties_the_links(location):
    with open_store(location) as store:
        _articles(store)
        store.set_connected(_connected())
        store.set_connected(Connected())
        assert _rows(store) == [] and _links(store) == []


def test_update_connected_replaces_a_story_s_records_and_keeps_the_others(location):
    def doc(kind, rid):
        return kind, rid, '{"x": "%s"}' % rid
    with open_store(location) as store:
        assert store.connected_story_keys() == {}
        store.update_connected([("s1", "k1", ["a1"]), ("s2", "k2", [])], [],
                               [("s1", 0, "person:ann~1", "[1]", ["lee\tann"]), ("s2", 0, "person:ann~1", "[2]", ["lee\tann"]),
                                ("s2", 1, "place:x~2", "[3]", ["PLACE\tx"])], [], [], [],
                               [doc("entity", "person:ann~1"), doc("entity", "place:x~2"), doc("event", "s1:v1"),
                                doc("fact", "s2:f1"), doc("date", "a1")], "src-1", everything=True)
        assert store.connected_story_keys() == {"s1": "k1", "s2": "k2"} and store.connected_source() == "src-1"
        assert sorted(store.story_entities_with_keys(["lee\tann", "PLACE\tx", "PLACE\tx"])) == [
            ("s1", 0, "person:ann~1", "[1]"), ("s2", 0, "person:ann~1", "[2]"), ("s2", 1, "place:x~2", "[3]")]
        # s1 made again without its person (whose corpus entity s2 keeps, under a new id), s2 rewritten
        store.update_connected([("s1", "k1b", [])], [], [("s1", 0, "place:x~2", "[4]", ["PLACE\tx"])],
                               [("s2", 0, "person:ann~9")], ["s2"], [("entity", "person:ann~1")],
                               [doc("entity", "person:ann~9"), doc("entity", "place:x~2"), doc("event", "s1:v1")],
                               "src-2")
        rows = {(k, i) for _, k, i, _ in _rows(store)}
        assert rows == {("entity", "person:ann~9"), ("entity", "place:x~2"), ("event", "s1:v1")}   # s2:f1, a1 gone
        assert sorted(store.story_entities(["s1", "s2"])) == [("s1", 0, "place:x~2", "[4]"), ("s2", 0, "person:ann~9", "[2]"),
                                                              ("s2", 1, "place:x~2", "[3]")]
        assert store.story_entities_with_keys(["lee\tann"]) == [("s2", 0, "person:ann~9", "[2]")]
        store.update_connected([], ["s1", "s2"], [], [], [], [("entity", "person:ann~9"), ("entity", "place:x~2")],
                               [], "src-3")
        assert _rows(store) == [] and store.connected_story_keys() == {} and store.story_entities(["s1", "s2"]) == []
        store.update_connected([("s1", "k1", [])], [], [], [], [], [], [doc("entity", "e~1")], "src-4")
        store.set_connected(Connected())                # a whole write: what the records were made of is unknown
        assert store.connected_story_keys() == {} and store.story_entities(["s1"]) == []


def _every_record() -> list[tuple[str, str, str]]:
    """Rows of two stories, interleaved as connect writes them: entities, then per story events, facts and dates;
    reports and evidence name an article more than once, out of order."""
    from storyline.store import codec
    ev = lambda a: Evidence(a, 0, 4, "Text")  # noqa: E731
    entities = [CorpusEntity("person:ann", "Ann Lee", "PERSON", ("Ann", "Lee"), members=(("a2", "e1"), ("a1", "e3"))),
                CorpusEntity("place:x", "Xville", "GPE", members=(("a3", "e1"),)),
                CorpusEntity("org:y", "Y Corp", "ORG", ("Y",))]
    rows = [("entity", e.id, codec.dumps(e)) for e in entities]
    for s in ("s1", "s2"):
        reports = tuple(EventReport(ev(a), "left", "actual") for a in ("a3", "a1", "a3", "a2"))
        rows.append(("event", f"{s}:v1", codec.dumps(MergedEvent(f"{s}:v1", "movement", reports=reports))))
        rows.append(("event", f"{s}:v2", codec.dumps(MergedEvent(f"{s}:v2", "movement"))))
        fact = ComparedFact("person:ann", "age", "31", "agree", (ev("a2"), ev("a1"), ev("a2")), f"{s}:f1")
        rows.append(("fact", fact.id, codec.dumps(fact)))
        rows.append(("date", f"a{s[1]}", codec.dumps(ArticleDate(f"a{s[1]}", None))))
    return rows


def _link_rows(store) -> list[list[tuple]]:
    return [store.db.execute(sql).fetchall() for sql in (
        "SELECT rowid, entity_id, article_id, local_id FROM entity_articles ORDER BY rowid",
        "SELECT rowid, kind, id, article_id FROM connected_articles ORDER BY rowid",
        "SELECT rowid, name, aliases FROM entity_names ORDER BY rowid",
        "SELECT rowid FROM entity_names WHERE entity_names MATCH 'lee OR y' ORDER BY rowid",
        "SELECT type, name, sql FROM sqlite_master ORDER BY name")]


def test_a_whole_write_links_the_records_as_the_triggers_do(tmp_path):
    """SQLite fills the link tables of a whole write at once (store/links.py): the same rows, rowids and
    schema as the per-row triggers give, and the triggers still link what is written next."""
    args = ([("s1", "k1", ["a1"]), ("s2", "k2", ["a2"])], [], [("s1", 0, "person:ann", "[1]", ["lee\tann"])], [], [],
            [], _every_record(), "src")
    from contextlib import nullcontext
    with open_store(tmp_path / "old.sqlite") as old, open_store(tmp_path / "bulk.sqlite") as bulk:
        old._relinked = nullcontext                         # the per-row triggers link every row
        for store in (old, bulk):
            _articles(store)
            store.update_connected(*args[:-2], [("entity", "stale", '{"members": [["a1", "e9"]]}')], "src-0")
            cache = store.db.execute("PRAGMA cache_size").fetchone()
            store.update_connected(*args, everything=True)  # the stale row goes too
            assert store.db.execute("PRAGMA cache_size").fetchone() == cache
        linked = _link_rows(old)
        assert linked[0] and linked[1] and linked[2] and linked[3]
        assert _link_rows(bulk) == linked
        assert [r[1:] for r in linked[1][:3]] == [("event", "s1:v1", "a3"), ("event", "s1:v1", "a1"),
                                                   ("event", "s1:v1", "a2")]
        assert _rows(bulk) == _rows(old)
        more = [("s3", "k3", [])], [], [], [], [], [], [("entity", "person:bo", '{"members": [["a3", "e2"]], '
                                                          '"name": "Bo"}')], "src-2"
        old.update_connected(*more)
        bulk.update_connected(*more)
        assert _link_rows(bulk) == _link_rows(old)


def test_a_whole_write_that_fails_leaves_the_records_and_their_links(tmp_path, monkeypatch):
    import pytest
    with open_store(tmp_path / "s.sqlite") as store:
        _articles(store)
        store.set_connected(_connected())
        before, links = _rows(store), _link_rows(store)

        def fail(*args):
            raise RuntimeError("killed")
        monkeypatch.setattr(store.db, "executemany", fail)
        with pytest.raises(RuntimeError):
            store.update_connected([("s1", "k1", [])], [], [], [], [], [], _every_record(), "src", everything=True)
        assert _rows(store) == before and _link_rows(store) == links
