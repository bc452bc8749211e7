"""The store's stage-4 tables: stories and members, merges that stay resolvable, term counts, embeddings."""
from datetime import date

from storyline.records import Article, Story
from storyline.store import open_store


def _article(i: int) -> Article:
    return Article(id=f"a{i}", source=f"in/{i}.txt", text=f"text {i}", content_hash=f"h{i}")


def _story(sid, *aids, **kw) -> Story:
    return Story(id=sid, title=f"title of {sid}", article_ids=tuple(aids), **kw)


def test_stories_members_and_unstoried(location):
    with open_store(location) as store:
        for i in range(4):
            store.add_article(_article(i))
        assert [a.id for _, a in store.unstoried(10)] == ["a0", "a1", "a2", "a3"]
        store.save_stories([(_story("s1", "a0", "a2", first=date(2022, 1, 2), people=("Ann Lee",)), b"state", [7, 8], 3)])
        assert [a.id for _, a in store.unstoried(10)] == ["a1", "a3"]
        assert [a.id for _, a in store.unstoried(1)] == ["a1"]
        seq = {a.id: n for n, a in store.unstoried(10)}
        assert [a.id for _, a in store.unstoried(10, after=seq["a1"])] == ["a3"]
        assert store.story_of("a2") == "s1" and store.story_of("a1") is None
        story = store.story("s1")
        assert story.article_ids == ("a0", "a2") and story.first == date(2022, 1, 2) and story.people == ("Ann Lee",)
        # a later save adds members without dropping the earlier ones
        store.save_stories([(_story("s1", "a3"), b"state2", [8], 4)])
        assert store.story("s1").article_ids == ("a0", "a2", "a3")


def test_a_merged_id_resolves_to_the_story_it_went_into(location):
    with open_store(location) as store:
        for i in range(4):
            store.add_article(_article(i))
        store.save_stories([(_story("s1", "a0"), b"x", [1], 1), (_story("s2", "a1", "a2"), b"y", [1], 2)])
        store.save_stories([(_story("s2", merged_into="s1"), None, [], 3), (_story("s1", "a3"), b"z", [1], 3)])
        assert store.story("s2").id == "s1"
        assert store.story("s1").article_ids == ("a0", "a1", "a2", "a3")
        assert store.story_of("a1") == "s1"
        assert [s.id for s in store.stories() if not s.merged_into] == ["s1"]
        assert store.story("nope") is None


def test_members_of_a_chain_of_merges_saved_together_end_in_the_live_story(location):
    """A (stored earlier) went into B and B into C in one batch, B's row first: A's members go to C, not to B."""
    with open_store(location) as store:
        for i in range(5):
            store.add_article(_article(i))
        store.save_stories([(_story("sA", "a0", "a1"), b"x", [1], 1), (_story("sB", "a2"), b"y", [1], 1)])
        store.save_stories([(_story("sB", merged_into="sC"), None, [], 2),
                            (_story("sA", merged_into="sB"), None, [], 2), (_story("sC", "a3", "a4"), b"z", [1], 2)])
        live = [s for s in store.stories() if not s.merged_into]
        assert [(s.id, s.article_ids) for s in live] == [("sC", ("a0", "a1", "a2", "a3", "a4"))]
        assert {s.id: s.article_ids for s in store.stories() if s.merged_into} == {"sA": (), "sB": ()}
        assert {store.story_of(f"a{i}") for i in range(5)} == {"sC"}


def test_candidate_states_by_key_keep_the_most_active(location):
    with open_store(location) as store:
        store.save_stories([(_story(f"s{i}"), f"state{i}".encode(), [5, 100 + i], i) for i in range(5)])
        assert sorted(store.story_states([5], per_key=2)) == [b"state3", b"state4"]
        assert store.story_states([5], per_key=2, known={"s4": None}) == [b"state3"]   # known: not read again
        assert store.story_states([101, 999], per_key=2) == [b"state1"]
        store.save_stories([(_story("s4", merged_into="s3"), None, [], 9)])
        assert store.story_states([104], per_key=2) == []
        assert store.story_ids_with_state() == {"s0", "s1", "s2", "s3"}     # every one story_states can give


def test_term_frequencies_add_up(location):
    with open_store(location) as store:
        assert store.term_frequencies([1, 2]) == ({}, 0)
        store.save_stories([], {1: 2, 2: 1}, 2)
        store.save_stories([], {1: 1, -5: 1}, 1)
        assert store.term_frequencies([1, 2, -5, 9]) == ({1: 3, 2: 1, -5: 1}, 3)


def test_embeddings_are_cached_per_model(location):
    with open_store(location) as store:
        store.add_article(_article(1))
        store.add_embeddings("m", [("a1", b"\x00\x01")])
        assert store.embeddings(["a1", "a2"], "m") == {"a1": b"\x00\x01"}
        assert store.embeddings(["a1"], "other") == {}
        store.remove_article("a1")
        assert store.embeddings(["a1"], "m") == {}
