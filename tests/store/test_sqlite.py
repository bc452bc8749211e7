import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from storyline.errors import StoreError
from storyline.records import (AnalysedArticle, Article, ArticleDate, ComparedFact, Connected, CorpusEntity, DateRange,
                               Entity, Evidence, Mention, Quote, Refusal, TimeExpression)
from storyline.store import open_store
from storyline.store.codec import dumps, loads
from storyline.store.migrations import MIGRATIONS
from tests.store.old_schema import store_at


def article(i=1, text="Some story text that is long enough to keep.", **kw):
    return Article(id=f"a{i}", source=f"in/{i}.txt", text=text, content_hash=f"h{i}", **kw)


def test_article_round_trip(location):
    a = article(published=DateRange(date(2022, 12, 20), date(2022, 12, 20), "dateline"), credits=("AFP",),
                captions=("a caption",))
    with open_store(location) as store:
        store.add_article(a, [1, 2, 3] * 0 or None, "t1")
        assert list(store.articles()) == [a]
        assert store.stored_input("in/1.txt", "h1") == ("a1", "") and store.stored_input("in/1.txt", "other") is None


def test_analysis_round_trip_and_versions(location):
    an = AnalysedArticle("a1", entities=(Entity("e1", "Jane Doe", "PERSON", (Mention(0, 8, "Jane Doe"),),
                                                ("Doe",), ("minister",)),),
                         time_expressions=(TimeExpression(10, 16, "Friday", "DATE", "2022-11-11",
                                                          date(2022, 11, 11), date(2022, 11, 11)),),
                         quotes=(Quote(20, 30, "we will", "direct", ((20, 30),), Mention(0, 8, "Jane Doe"), "e1"),))
    with open_store(location) as store:
        store.add_article(article())
        store.add_analysis(an, "v1")
        assert store.analysis("a1", "v1") == an
        assert store.analysis("a1", "v2") is None


def test_reopening_keeps_everything_and_migrates_once(location):
    path = location
    with open_store(path) as store:
        store.add_article(article())
        store.add_refusal(Refusal("bad.bin", "binary content"))
    with open_store(path) as store:
        assert store.counts() == {"articles": 1, "duplicates": 0, "refused": 1, "analysed": 0}
        assert store.schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.sqlite"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer storyline"):
        open_store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(path)


def test_exact_and_near_duplicates_are_found(location):
    from storyline.clean.dedup import signature, text_hash
    text = ("The central bank raised its main interest rate by half a point on Thursday, the largest increase "
            "in two decades, as it tried to cool inflation at its highest level since the 1980s. Officials said "
            "further increases were likely in the coming months, and markets fell sharply after the decision "
            "as investors weighed the risk of a recession later in the year.")
    with open_store(location) as store:
        store.add_article(article(1, text), signature(text), text_hash(text))
        assert store.find_duplicate(text_hash(text.upper()), None) == "a1"
        edited = text.replace("the largest", "its largest") + " AFP contributed."
        assert store.find_duplicate(text_hash(edited), signature(edited)) == "a1"
        other = "Heavy rain flooded parts of the city overnight, closing schools, roads and the main airport for hours."
        assert store.find_duplicate(text_hash(other), signature(other)) is None


def test_an_outlets_update_is_found_as_a_version_of_its_first_version(location):
    from storyline.clean.dedup import signature, text_hash
    from tests.clean.test_dedup import UPDATE, WIRE
    with open_store(location) as store:
        store.add_article(article(1, WIRE, outlet="Reuters"), signature(WIRE), text_hash(WIRE))
        for outlet, found in (("Reuters", "a1"), ("AP", None), (None, None)):
            update = article(2, UPDATE, outlet=outlet)
            assert store.find_duplicate(text_hash(UPDATE), signature(UPDATE), 0.8, update) == found
        assert store.find_duplicate(text_hash(UPDATE), signature(UPDATE)) is None     # no copy


def test_refusal_is_replaced_not_repeated(location):
    with open_store(location) as store:
        store.add_refusal(Refusal("x.txt", "empty file"))
        store.add_refusal(Refusal("x.txt", "binary content"))
        assert list(store.refusals()) == [Refusal("x.txt", "binary content")]


# (sources as stored, in any order; the order they are listed in: by file, then line numerically)
LISTED = ["b.txt", "c.jsonl", "c.jsonl#L2", "c.jsonl#L2C30", "c.jsonl#L14", "c.jsonl#L100", "c.jsonl.gz#L1",
          "feed.xml#entry2", "feed.xml#entry10", "list.json#/9", "list.json#/10"]


def test_refusals_are_listed_by_file_then_line_numerically(location):
    from storyline.store.pages import Pages
    with open_store(location) as store:
        for source in sorted(LISTED, reverse=True):
            store.add_refusal(Refusal(source, "invalid JSON"))
        assert [r.source for r in store.refusals()] == LISTED
    with Pages(location) as pages:                     # the API's pages: the same order
        assert [r.source for r in pages.page("refusals", 2, 5)[1]] == LISTED[2:7]


def test_refusals_stored_before_migration_9_are_keyed_for_the_order(tmp_path):
    path = tmp_path / "eight.sqlite"
    db = store_at(path, 8)
    db.executemany("INSERT INTO refusals (source, reason) VALUES (?, 'bad')", [(s,) for s in reversed(LISTED)])
    db.commit()
    db.close()
    with open_store(path) as store:
        assert [r.source for r in store.refusals()] == LISTED


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
texts = st.text(max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.builds(Article, id=texts, source=texts, text=texts, content_hash=texts, title=st.none() | texts,
                 credits=st.lists(texts, max_size=3).map(tuple),
                 published=st.none() | st.builds(DateRange, st.none() | dates, st.none() | dates, texts)))
def test_any_article_round_trips_through_the_codec(a):
    assert loads(Article, dumps(a)) == a


def test_a_url_location_is_a_clear_error_not_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="no store backend for 'mysql://' locations"):
        open_store("mysql://user@localhost/news")
    assert not any(tmp_path.iterdir())


def test_stage4_records_round_trip_and_are_replaced_whole(location):
    ev = Evidence("a1", 0, 12, "Jane Doe ran.")
    first = Connected(entities=(CorpusEntity("person:jane-doe", "Jane Doe", "PERSON", ("Doe",), ("minister",),
                                             (("a1", "e1"), ("a2", "e3"))),),
                      facts=(ComparedFact("person:jane-doe", "age", "52", "single", (ev,)),),
                      dates=(ArticleDate("a2", DateRange(date(2022, 7, 1), date(2022, 8, 4), "year 2022 of its story")),))
    with open_store(location) as store:
        store.set_connected(first)
        assert store.connected() == first
        store.set_connected(Connected())
        assert store.connected() == Connected()


def test_removing_an_original_makes_its_copies_originals_in_the_record_too(location):
    """A re-cleaned original is removed and stored again; its copy, read back, must not still point at it (the
    record and the column disagreed, and the original stored again as the copy's copy made a cycle)."""
    with open_store(location) as store:
        store.add_article(article(1), None, "t")
        store.add_article(article(2, duplicate_of="a1"), None, "t")
        store.remove_article("a1")
        assert [(a.id, a.duplicate_of) for a in store.articles()] == [("a2", None)]
        store.add_article(article(1, duplicate_of="a2"), None, "t")
        assert {a.id: a.duplicate_of for a in store.articles()} == {"a1": "a2", "a2": None}
