"""Stored timelines: entries round-trip, keys say what they were computed from, dropped ones go."""
from storyline.records import AnalysedArticle, Article, TimelineEntry
from storyline.store import open_store

E1 = TimelineEntry("2022-02-17", "She was arrested on February 17.", "a1", 0, 33, 0.93, ("a1", "a2"), (("a1", 0),))
E2 = TimelineEntry("2022-08", "The trial began in August.", "a2", 10, 37, 0.41, ("a2",))


def test_timelines_round_trip_and_drop(location):
    with open_store(location) as store:
        assert store.timeline_keys() == {} and list(store.timelines()) == [] and store.analysed_ids("v1") == set()
        store.save_timeline("s1", "k1", [E1, E2])
        store.save_timeline("s2", "k2", [])
        store.save_timeline("s1", "k3", [E1])                  # recomputed: replaces
    with open_store(location) as store:
        assert store.timeline_keys() == {"s1": "k3", "s2": "k2"}
        assert list(store.timelines()) == [("s1", (E1,)), ("s2", ())]
        store.drop_timelines(["s2", "unknown"])
        assert list(store.timelines()) == [("s1", (E1,))]


def test_analysed_ids_are_those_read_at_the_version(location):
    with open_store(location) as store:
        for i in (1, 2):
            store.add_article(Article(f"a{i}", f"in/{i}.txt", "Some text long enough to keep here.", f"h{i}"))
        store.add_analysis(AnalysedArticle("a1"), "v1")
        store.add_analysis(AnalysedArticle("a2"), "v0")
        assert store.analysed_ids("v1") == {"a1"} and store.analysed_ids("v2") == set()
