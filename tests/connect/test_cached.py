"""Stage 4's connect step with per-story parts kept in the store (connect/cached.py, run/connecting.py).

Exactness is the rule: whatever the store held before, the stage-4 records and
the export after an incremental connect are those of a connect from scratch
(`scratch` below: the whole-store step as it was before parts were kept).
Measured on the seeds and on the first articles of the clustering dev set
(`../shared/data/clustering`), as they are, after one article is added, after
one is removed or changed, and when the code's version changes.
"""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from storyline.connect import cached, connect as connect_stage, entities
from storyline.connect.dating import date_articles, story_years, timed
from storyline.export import json as json_export
from storyline.records import (AnalysedArticle, Article, ArticleDate, Connected, DateRange, Entity, Fact, Mention,
                               TimeExpression)
from storyline.run import connecting, local
from storyline.store import codec, open_store

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CLUSTERING = SHARED / "data" / "clustering" / "input.jsonl"
SLICE = 30                  # articles of the dev set in the base store (several stories of several articles)
needs_corpora = pytest.mark.skipif(not (SEEDS.is_dir() and CLUSTERING.is_file()),
                                   reason="../shared corpora are not beside the repo")


def scratch(store) -> Connected:
    """Stage 4's connect over the whole store from scratch: every article and analysis read again."""
    story_of = {aid: s.id for s in store.stories() if not s.merged_into for aid in s.article_ids}
    dates = date_articles(store.articles(), story_of, story_years(store.articles(), story_of))
    readings = {an.article_id: an for an in store.analyses(("entities", "quotes", "events", "facts"))}
    readings.update((an.article_id, an) for an in store.analyses_in([d.article_id for d in dates]))
    dated = {a.id: a for a in store.articles_in([d.article_id for d in dates])}
    dates = [timed(d, dated[d.article_id], readings[d.article_id]) if d.article_id in readings else d for d in dates]
    copies = {a.id: a.duplicate_of for a in store.articles() if a.duplicate_of}
    return connect_stage(list(readings), readings, story_of, dates, copies)


def plain(c: Connected) -> dict:
    """Stage-4 records as the store keeps them: entities by id, events and facts in order, dates by article."""
    return {"entities": sorted(codec.dumps(e) for e in c.entities), "events": [codec.dumps(e) for e in c.events],
            "facts": [codec.dumps(f) for f in c.facts], "dates": sorted(codec.dumps(d) for d in c.dates)}


def assert_exact(store) -> None:
    """The stored records and the export are those of a connect from scratch."""
    incremental_records, incremental_export = plain(store.connected()), json_export.build(store)
    expected = scratch(store)
    assert incremental_records == plain(expected)
    store.set_connected(Connected())                 # the export of a from-scratch connect
    store.set_connected(expected)
    assert json_export.build(store) == incremental_export


def _add(store, lines: list[str], tmp_path: Path) -> None:
    """Stages 1-3 and the stories step for JSON Lines articles added to the store."""
    path = tmp_path / f"more-{len(list(tmp_path.iterdir()))}.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    local.ingest(store, [str(path)])
    local.analyse_all(store, workers=1)
    local.cluster_stories(store)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store of the seeds and the first SLICE dev articles, read and grouped into stories, not connected."""
    if not (SEEDS.is_dir() and CLUSTERING.is_file()):
        pytest.skip("../shared corpora are not beside the repo")
    work = tmp_path_factory.mktemp("cached")
    with open(CLUSTERING, encoding="utf-8") as src:
        lines = src.readlines()
    (work / "slice.jsonl").write_text("".join(lines[:SLICE]), encoding="utf-8")
    with open_store(work / "s.sqlite") as store:
        local.ingest(store, [str(SEEDS), str(work / "slice.jsonl")])
        local.analyse_all(store, workers=1)
        local.cluster_stories(store)
    return work / "s.sqlite"


@pytest.fixture
def db(base, tmp_path) -> Path:
    shutil.copy(base, tmp_path / "s.sqlite")
    return tmp_path / "s.sqlite"


def _more(n: int) -> list[str]:
    with open(CLUSTERING, encoding="utf-8") as src:
        return src.readlines()[SLICE:SLICE + n]


@needs_corpora
def test_a_first_connect_equals_one_from_scratch(db):
    with open_store(db) as store:
        done = connecting.connect(store)
        assert done["recomputed"] == done["stories"] > 3
        assert gc.isenabled() and entities.clean_name.cache_info().currsize == 0    # nothing kept to pin the heap
        assert store.connected().entities and store.connected().events
        assert_exact(store)


@needs_corpora
def test_a_second_connect_recomputes_nothing_and_changes_nothing(db):
    with open_store(db) as store:
        connecting.connect(store)
        rows = store.db.execute("SELECT rowid, kind, id, data FROM connected ORDER BY rowid").fetchall()
        assert connecting.connect(store)["recomputed"] == 0
        assert store.db.execute("SELECT rowid, kind, id, data FROM connected ORDER BY rowid").fetchall() == rows
        assert_exact(store)


@needs_corpora
def test_a_connect_with_every_part_and_its_records_as_stored_reads_nothing(db, monkeypatch):
    with open_store(db) as store:
        connecting.connect(store)
        for name in ("_apply", "loads"):
            monkeypatch.setattr(connecting, name, lambda *a, **k: pytest.fail("read again"))
        monkeypatch.setattr(store, "connect_parts", lambda *a: pytest.fail("read again"))
        assert connecting.connect(store)["recomputed"] == 0
        monkeypatch.undo()
        assert_exact(store)


@needs_corpora
def test_a_connect_stopped_after_saving_its_parts_is_done_again_by_the_next(db, monkeypatch):
    with open_store(db) as store:
        def stop(*a, **k):
            raise KeyboardInterrupt
        monkeypatch.setattr(store, "update_connected", stop)
        with pytest.raises(KeyboardInterrupt):
            connecting.connect(store)
        monkeypatch.undo()
        assert store.connect_part_keys() and store.connected_source() is None
        assert connecting.connect(store)["recomputed"] == 0           # every part kept, the records made now
        assert store.connected().entities and store.connected_source()
        assert_exact(store)


@needs_corpora
def test_one_added_article_recomputes_its_story_alone_and_equals_from_scratch(db, tmp_path):
    with open_store(db) as store:
        connecting.connect(store)
        before = store.connect_part_keys()
        _add(store, _more(1), tmp_path)
        done = connecting.connect(store)
        after = store.connect_part_keys()
        changed = {sid for sid in after if before.get(sid) != after[sid]}
        assert done["recomputed"] == len(changed) == 1
        assert_exact(store)


@needs_corpora
def test_several_added_articles_equal_from_scratch(db, tmp_path):
    with open_store(db) as store:
        connecting.connect(store)
        _add(store, _more(6), tmp_path)
        assert connecting.connect(store)["recomputed"] <= 6
        assert_exact(store)


@needs_corpora
def test_a_removed_article_recomputes_its_story_and_drops_emptied_ones(db):
    with open_store(db) as store:
        connecting.connect(store)
        stories = {s.id: s.article_ids for s in store.stories() if not s.merged_into and s.article_ids}
        big = next(sid for sid, ids in sorted(stories.items()) if len(ids) >= 2)
        alone = next(sid for sid, ids in sorted(stories.items()) if len(ids) == 1)
        store.remove_article(stories[big][-1])
        store.remove_article(stories[alone][0])
        done = connecting.connect(store)
        assert done["recomputed"] == 1
        assert alone not in store.connect_part_keys()
        assert_exact(store)


@needs_corpora
@pytest.mark.parametrize("member, change", [
    ("SELECT article_id FROM analyses LIMIT 1", "UPDATE analyses SET version = 'read-older' WHERE article_id = ?"),
    ("SELECT article_id FROM story_members ORDER BY article_id LIMIT 1",
     "UPDATE articles SET content_hash = 'changed' WHERE id = ?"),
], ids=["analysis version", "article content"])
def test_a_changed_member_recomputes_its_story(db, member, change):
    with open_store(db) as store:
        connecting.connect(store)
        (aid,) = store.db.execute(member).fetchone()
        store.db.execute(change, (aid,))
        store.db.raw.commit()
        assert connecting.connect(store)["recomputed"] == 1
        assert_exact(store)


@needs_corpora
def test_a_new_code_version_recomputes_every_story(db, monkeypatch):
    with open_store(db) as store:
        first = connecting.connect(store)
        monkeypatch.setattr(cached, "VERSION", cached.VERSION + "-next")
        assert connecting.connect(store)["recomputed"] == first["stories"]
        assert_exact(store)


@needs_corpora
def test_a_stored_part_is_used_as_it_is(db):
    """A part whose key matches is read, not recomputed: a part changed in the store changes the result."""
    with open_store(db) as store:
        connecting.connect(store)
        sid, key, data = next(iter(store.connect_parts(sorted(store.connect_part_keys()))))
        part = connecting.loads(data)
        store.save_connect_parts([(sid, key, connecting.dumps(cached.Part(part.dates)))])
        store.set_connected(store.connected())      # records naming no source: connect reads the parts again
        assert connecting.connect(store)["recomputed"] == 0
        member_articles = {m[0] for se in part.connected.entities for m in se.members}
        assert member_articles
        assert not any(aid in member_articles for e in store.connected().entities for aid, _ in e.members)


@needs_corpora
def test_articles_in_no_story_are_read_every_time(db):
    with open_store(db) as store:
        (aid,) = store.db.execute("SELECT article_id FROM story_members ORDER BY article_id LIMIT 1").fetchone()
        store.db.execute("DELETE FROM story_members WHERE article_id = ?", (aid,))
        store.db.raw.commit()
        connecting.connect(store)
        assert any(a == aid for e in store.connected().entities for a, _ in e.members)
        assert_exact(store)


@needs_corpora
def test_parts_recomputed_a_few_articles_at_a_time_are_the_same(db, monkeypatch):
    monkeypatch.setattr(connecting, "MAX_ARTICLES", 3)
    with open_store(db) as store:
        sizes = {s.id: len(s.article_ids) for s in store.stories() if not s.merged_into}
        loaded = []
        real = store.analyses_in
        store.analyses_in = lambda ids, parts=None: loaded.append(len(ids)) or real(ids, parts)
        connecting.connect(store)
        assert len(loaded) > 1 and max(loaded) <= max(3, max(sizes.values()))
        del store.analyses_in
        assert_exact(store)


def test_the_key_names_every_member_field_and_not_their_order():
    rows = [("a1", "h1", "clean-1", None, "read-1"), ("a2", "h2", "clean-1", "a1", None)]
    assert cached.key("s1", rows) == cached.key("s1", rows[::-1])
    assert cached.key("s1", rows) != cached.key("s2", rows)
    for i in range(5):
        changed = [tuple("x" if j == i else v for j, v in enumerate(rows[0])), rows[1]]
        assert cached.key("s1", changed) != cached.key("s1", rows)
    assert cached.key("s1", rows) != cached.key("s1", rows[:1])


def test_a_part_is_computed_from_its_story_alone_and_survives_the_store():
    e = Entity("e1", "Ann Lee", "PERSON")
    fact = Fact("e1", "age", "31", Mention(0, 10, "Ann Lee, 31"))
    articles = [Article(id="a1", source="1", text="Published on 3 March 2021.", content_hash="h1",
                        published=DateRange(None, None, "")),
                Article(id="a2", source="2", text="On Monday, March 1, she was arrested.", content_hash="h2")]
    part = cached.compute("s1", articles, {"a2": AnalysedArticle("a2", entities=(e,), facts=(fact,))})
    (ann,) = part.connected.entities
    assert ann.members == (("a2", "e1", "PERSON", "Ann Lee", entities.NAMED),) and ann.keys == (entities.name_key("Ann Lee"),)
    assert [(f.subject, f.value) for f in part.connected.facts] == [("0", "31")]
    assert all(isinstance(d, ArticleDate) for d in part.dates)
    assert connecting.loads(connecting.dumps(part)) == part


def test_a_part_reads_a_rising_toll_by_its_articles_publication_days():
    from datetime import date
    place = Entity("e1", "Marl", "GPE")
    day = lambda d: DateRange(date(2025, 3, d), date(2025, 3, d), "given")  # noqa: E731
    analyses = {a: AnalysedArticle(a, entities=(place,), facts=(
        Fact("e1", "count of dead", n, Mention(0, 16, "A blast in Marl.")),)) for a, n in (("a1", "two"), ("a2", "5"))}

    def verdicts(*days):
        articles = [Article(id=f"a{n}", source=str(n), text="A blast in Marl.", content_hash=f"h{n}",
                            published=day(d)) for n, d in enumerate(days, start=1)]
        return [(f.value, f.status) for f in cached.compute("s1", articles, analyses).connected.facts]
    assert verdicts(4, 5) == [("two", "single"), ("5", "single")]          # two dead on the 4th, five on the 5th
    assert verdicts(4, 4) == [("two", "conflict"), ("5", "conflict")]      # both on the 4th


def test_a_part_with_every_field_set_survives_the_store():
    import dataclasses
    from datetime import date
    assert [f.name for f in dataclasses.fields(entities.StoryEntity)] == ["keys", "members", "aliases", "roles"]
    assert [f.name for f in dataclasses.fields(ArticleDate)] == ["article_id", "published", "times"]  # positionally
    from storyline.connect import StoryConnected
    from storyline.records import ComparedFact, EventReport, Evidence, MergedEvent
    ann = entities.StoryEntity((("lé", "ann"),), (("a1", "e1", "PERSON", "Ann Lé", 0), ("a2", "e3", "PERSON", "the mayor", 1)),
                               ("Ann Lé", "Ms Lé"), ("mayor",))
    town = entities.StoryEntity((("PLACE", "town"),), (("a1", "e2", "GPE", "Town", 0),), ("Town",))
    ev = MergedEvent("1", "arrest", (("patient", "0"),), "1", DateRange(date(2021, 3, 1), None, "why"), "expected",
                     (EventReport(Evidence("a1", 0, 30, "She was held."), "held", "expected", 0),))
    fact = ComparedFact("0", "age", "31", "agree", (Evidence("a1", 3, 9, "Ann Lé", "0"), Evidence("a2", 1, 2, "x")))
    feb = TimeExpression(3, 11, "February", "DATE", "2020-02", date(2020, 2, 1), date(2020, 2, 29), "START")
    part = cached.Part((ArticleDate("a1", DateRange(None, date(2020, 1, 2), "r"), (feb,)),),
                       StoryConnected((ann, town), (ev,), (fact,)))
    assert connecting.loads(connecting.dumps(part)) == part


def test_gc_is_paused_during_connect_and_restored_after(monkeypatch):
    states = []
    monkeypatch.setattr(connecting, "_connect", lambda store: states.append(gc.isenabled()) or {})
    assert gc.isenabled()
    connecting.connect(None)
    assert states == [False] and gc.isenabled()

    def boom(store):
        raise RuntimeError("x")
    monkeypatch.setattr(connecting, "_connect", boom)
    with pytest.raises(RuntimeError):
        connecting.connect(None)
    assert gc.isenabled()


def _person(keys, *members) -> entities.StoryEntity:
    return entities.StoryEntity(tuple(keys), tuple((aid, eid, "PERSON", name, entities.NAMED) for aid, eid, name in members),
                                tuple(dict.fromkeys(name for _, _, name in members)))


def _story(aid: str, *people: entities.StoryEntity, fact: str = "31") -> cached.Part:
    from storyline.connect import StoryConnected
    from storyline.records import ComparedFact, EventReport, Evidence, MergedEvent
    report = EventReport(Evidence(aid, 0, 9, "He left."), "left", "actual", 0)
    return cached.Part((ArticleDate(aid, DateRange(None, None, "story year")),), StoryConnected(
        people, (MergedEvent("v1", "movement", (("agent", "0"),), reports=(report,)),),
        (ComparedFact("0", "age", fact, "single", (Evidence(aid, 0, 9, "He left.", "0"),)),)))


GADDAFI, QADDAFI = ("gadafi", "muamar"), ("kadafi", "moamar")


def test_records_rewritten_per_story_are_those_of_all_stories_assembled_as_stories_come_and_go(tmp_path):
    """`run/connecting._apply` (what an incremental connect writes) against `connect.assemble` over every
    story: a story whose person holds two spellings links two others' people into one corpus entity, whose
    id then changes in a story that did not change (its events and facts are rewritten), and apart again
    when that story goes; a surname alone stays in its story."""
    from storyline.connect import assemble
    parts = {"s1": _story("a1", _person([GADDAFI], ("a1", "e1", "Muammar Gaddafi"))),
             "s2": _story("a2", _person([QADDAFI], ("a2", "e1", "Moammar Qaddafi")), _person([], ("a2", "e2", "Doe"))),
             "s3": _story("a3", _person([GADDAFI, QADDAFI], ("a3", "e1", "Muammar Gaddafi"),
                                        ("a3", "e2", "Moammar Qaddafi")), fact="32")}

    def apply(made, dropped=(), everything=False):
        store.save_connect_parts([(g, "k-" + g, connecting.dumps(parts[g])) for g in made])
        connecting._apply(store, {g: ("k-" + g, parts[g]) for g in made}, list(dropped), "src", everything)
        live = {g: p for g, p in parts.items() if g in store.connected_story_keys()}
        assert plain(store.connected()) == plain(assemble({g: p.connected for g, p in live.items()},
                                                          [d for p in live.values() for d in p.dates]))
        return {f.id: f.subject for f in store.connected().facts}

    with open_store(tmp_path / "s.sqlite") as store:
        before = apply(["s1", "s2"], everything=True)
        assert before["s1:f1"] != before["s2:f1"]
        assert any(e.id.startswith("person:doe@s2") for e in store.connected().entities)
        linked = apply(["s3"])
        assert linked["s1:f1"] == linked["s2:f1"] == linked["s3:f1"]
        assert {before["s1:f1"], before["s2:f1"]} - {linked["s1:f1"]}           # one of them changed id
        assert apply([], dropped=["s3"]) == before
