"""Stage 4 stories: expected groupings of small article sets, stable ids, merges, incremental runs.

The article sets (story_sets.py) carry hand-written stage-3 entities, so the
grouping is tested apart from the reader; embeddings come from the real
model, loaded once per test session and cached in each test's store.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyline.read import VERSION
from storyline.connect.stories.model import JoinModel
from storyline.connect.stories.signals import FEATURES
from storyline.records import AnalysedArticle, Article, DateRange, Entity, Mention, TimeExpression
from storyline.run.stories import cluster_new
from storyline.store import open_store

from .story_sets import COURTS, QUAKES, RESIGNATIONS, SWAP


def _records(row) -> tuple[Article, AnalysedArticle]:
    aid, day, outlet, title, text, names, dates = row
    d = date.fromisoformat(day)
    article = Article(id=aid, source=f"in/{aid}.txt", text=text, content_hash=f"h-{aid}", title=title,
                      outlet=outlet, published=DateRange(d, d, "given"))
    entities = []
    for i, (name, kind) in enumerate(names.items(), 1):
        at = [k for k in range(len(text)) if text.startswith(name, k)]
        entities.append(Entity(f"e{i}", name, kind, tuple(Mention(k, k + len(name), name) for k in at)))
    times = tuple(TimeExpression(text.find(s), text.find(s) + len(s), s, "DATE", v, date(int(v[:4]), 1, 1),
                                 date(int(v[:4]), 12, 31)) for s, v in dates.items())
    return article, AnalysedArticle(aid, entities=tuple(entities), time_expressions=times)


def _fill(store, rows) -> None:
    for row in rows:
        article, analysis = _records(row)
        store.add_article(article)
        store.add_analysis(analysis, VERSION)


def _groups(store) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories() if not s.merged_into}


GROUPINGS = [
    # two earthquakes six weeks apart: same kind, other places and people -> two stories
    (QUAKES, [{"q1", "q2"}, {"q3", "q4"}]),
    # two chief executives resigning a month apart: same kind, other companies and people -> two stories
    (RESIGNATIONS, [{"r1", "r2"}, {"r3", "r4"}]),
    # one prisoner swap over five months and four outlets, names varying (Sergei/Sergey, Griner/Brittney Griner)
    (SWAP, [{"s1", "s2", "s3", "s4"}]),
    # two trials whose people share surnames, not first names (Thomas / Paul Whitfield, Rachel / Helen Stein)
    (COURTS, [{"c1", "c2"}, {"d1", "d2"}]),
    # all of them arriving in one batch, in an order that interleaves the stories
    ([*QUAKES[::2], *RESIGNATIONS, *SWAP[:2], *QUAKES[1::2], *SWAP[2:]],
     [{"q1", "q2"}, {"q3", "q4"}, {"r1", "r2"}, {"r3", "r4"}, {"s1", "s2", "s3", "s4"}]),
]


@pytest.mark.parametrize("rows, expected", GROUPINGS)
def test_grouping(tmp_path, rows, expected):
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, rows)
        assert cluster_new(store) == len(rows)
        assert _groups(store) == {frozenset(g) for g in expected}


def test_story_record_names_the_story(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, SWAP)
        cluster_new(store)
        (story,) = [s for s in store.stories() if not s.merged_into]
        assert story.first == date(2022, 7, 28) and story.last == date(2022, 12, 20)
        assert set(story.outlets) == {"The Washington Post", "The Moscow Times", "BBC", "Reuters"}
        assert {"Brittney Griner", "Viktor Bout"} <= set(story.people)
        assert story.title in {row[3] for row in SWAP}


def test_the_main_people_are_those_most_articles_name():
    """A name one article's headline carries outweighs, in a small corpus, the one every article names; the
    story's main people go by the number of articles first, and survive the stored blob."""
    import numpy as np
    from storyline.connect.stories.state import StoryState
    from storyline.connect.stories.vectors import EMPTY
    people = (np.array([1, 2, 3], np.int64), np.array([9.0, 2.0, 1.0], np.float32))
    s = StoryState("s1", 0, 0, names={"people": people, "places": EMPTY, "names": EMPTY},
                   display={1: "Karine Jean-Pierre", 2: "Griner", 3: "Brittney Griner"}, named={1: 1, 2: 3, 3: 3})
    assert s.main_names("people") == ("Brittney Griner", "Karine Jean-Pierre")
    assert StoryState.from_bytes(s.to_bytes()).main_names("people") == ("Brittney Griner", "Karine Jean-Pierre")


def test_a_surname_is_shown_in_its_full_form_across_a_particle():
    """'Assad' is shown as the story's 'Bashar al-Assad' (the surname as spelled under fold), not alone."""
    import numpy as np
    from storyline.connect.stories.state import StoryState
    from storyline.connect.stories.vectors import EMPTY
    people = (np.array([1, 2], np.int64), np.array([5.0, 3.0], np.float32))
    s = StoryState("s1", 0, 0, names={"people": people, "places": EMPTY, "names": EMPTY},
                   display={1: "Assad", 2: "Bashar al-Assad"}, named={1: 4, 2: 2})
    assert s.main_names("people") == ("Bashar al-Assad",)


@pytest.mark.parametrize("display, shown", [
    ({1: "Bob Iger", 2: "Bob Chapek", 3: "Robert Iger"}, ("Bob Iger", "Bob Chapek")),
    ({1: "Andrew Bailey", 2: "Andy Bailey"}, ("Andrew Bailey",)),
    ({1: "Andrew Bailey", 2: "Andy Murray"}, ("Andrew Bailey", "Andy Murray")),     # another surname
    ({1: "Robert Iger", 2: "Bill Iger"}, ("Robert Iger", "Bill Iger")),             # not a short form of it
])
def test_a_person_under_a_short_form_of_the_first_name_is_one_main_person(display, shown):
    """The story's main people list a person once, though articles name him 'Bob Iger' and 'Robert Iger'."""
    import numpy as np
    from storyline.connect.stories.state import StoryState
    from storyline.connect.stories.vectors import EMPTY
    keys = sorted(display)
    people = (np.array(keys, np.int64), np.array([10.0 - k for k in keys], np.float32))
    s = StoryState("s1", 0, 0, names={"people": people, "places": EMPTY, "names": EMPTY}, display=display,
                   named={k: 1 for k in keys})
    assert s.main_names("people") == shown


@pytest.mark.parametrize("alias", ["U.S.", "US", "USA", "the United States", "America"])
def test_a_country_and_its_abbreviations_are_one_place(alias):
    """A place is keyed by its canonical name, so a story's main places never list 'United States' and 'U.S.'
    as two places, and an article writing 'U.S.' shares the key of one writing 'United States'."""
    from storyline.connect.stories.terms import name_keys
    assert [k for k, _ in name_keys("places", alias)] == [k for k, _ in name_keys("places", "United States")]
    assert name_keys("places", "Georgia") != name_keys("places", "United States")


@pytest.mark.parametrize("top, end", [
    ("MOSCOW (Reuters) - ", 18),
    ("TOKYO | Tue Mar 15, 2011 11:40 pm GMT TOKYO (Reuters) - ", 55),
    ("WASHINGTON, Dec 20 (AP) \u2014 ", 25),
    ("Nov. 11 (Bloomberg) -- ", 22),
    ("New York (CNN Business) \u2014 ", 25),
    ("", 0),
])
def test_a_wire_dateline_is_found_with_a_page_stamp_before_it(top, end):
    from storyline.connect.stories.terms import dateline_end
    assert dateline_end(top + "Japan raced to avert a catastrophe, an official told (Reuters) - later.") == end


def test_what_only_the_dateline_names_is_no_name_of_the_story():
    """Every wire story carries its agency and stamp; they are not what the story is about. A place the
    dateline writes in capitals is shown as the body writes it."""
    from storyline.connect.stories.terms import count
    text = "MOSCOW | Tue Mar 15, 2011 GMT MOSCOW (Reuters) - Sergei Lavrov spoke in Moscow on Tuesday."
    article = Article(id="w", source="in/w.txt", text=text, content_hash="h-w")
    names = [("Reuters", "ORG", ["Reuters"]), ("GMT MOSCOW", "FAC", ["GMT MOSCOW"]),
             ("MOSCOW", "GPE", ["MOSCOW |", "MOSCOW (", "Moscow"]), ("Sergei Lavrov", "PERSON", ["Sergei Lavrov"])]
    entities = tuple(Entity(f"e{i}", name, kind, tuple(Mention(k, k + len(name), text[k:k + len(name)])
                                                      for k in map(text.find, at)))
                     for i, (name, kind, at) in enumerate(names))
    counts = count(article, AnalysedArticle("w", entities=entities))
    assert not counts.names["names"]
    assert sorted(counts.display[k] for k in counts.names["places"]) == ["Moscow"]
    assert len(counts.names["people"]) == 2                    # the full name and the surname


@pytest.mark.parametrize("title, text, expected", [
    (None, "LONDON | Fri Aug 12, 2011 3:42 pm BST LONDON Aug 12 (Reuters) - Markets fell. More follows.",
     "Markets fell."),
    (None, "WASHINGTON (AP) \u2014 The Senate voted on Tuesday.\nSecond line.", "The Senate voted on Tuesday."),
    (None, "Talks resumed in Geneva on Monday. Both sides attended.", "Talks resumed in Geneva on Monday."),
    ("Boeing (BA) - shares fall", "NEW YORK (Reuters) - Boeing shares fell.", "Boeing (BA) - shares fall"),
])
def test_an_untitled_article_is_headed_by_its_first_sentence_after_the_dateline(title, text, expected):
    from storyline.connect.stories.profile import headline
    assert headline(Article(id="h", source="in/h.txt", text=text, content_hash="h", title=title)) == expected


def test_a_second_run_changes_nothing_and_new_articles_keep_old_ids(tmp_path):
    first, later = [*QUAKES[:1], *QUAKES[2:3], *SWAP[:2]], [*QUAKES[1:2], *QUAKES[3:], *SWAP[2:]]
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, first)
        cluster_new(store)
        before = {aid: store.story_of(aid) for aid in ("q1", "q3", "s1", "s2")}
        assert cluster_new(store) == 0
        assert {aid: store.story_of(aid) for aid in before} == before
        _fill(store, later)
        assert cluster_new(store) == len(later)
        assert {aid: store.story_of(aid) for aid in before} == before
        assert _groups(store) == {frozenset({"q1", "q2"}), frozenset({"q3", "q4"}),
                                  frozenset({"s1", "s2", "s3", "s4"})}


def test_a_duplicate_joins_its_originals_story(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, QUAKES)
        article, analysis = _records(RESIGNATIONS[0])          # other words: only `duplicate_of` can place it
        store.add_article(replace(article, id="copy", source="in/copy.txt", content_hash="h-copy",
                                  duplicate_of="q3"))
        store.add_analysis(AnalysedArticle("copy", entities=analysis.entities), VERSION)
        cluster_new(store)
        assert store.story_of("copy") == store.story_of("q3")


# never joins an article to a story (p = 0.5 <= 0.9), merges any two candidate stories (0.5 > 0.1)
MERGING = JoinModel((0.0,) * len(FEATURES), 0.0, join=0.9, merge=0.1)


def test_stories_started_and_merged_before_anything_is_stored_are_not_kept(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, SWAP)
        cluster_new(store, model=MERGING)
        (story,) = store.stories()
        assert story.merged_into is None and set(story.article_ids) == {"s1", "s2", "s3", "s4"}


def test_a_story_stored_by_an_earlier_run_and_merged_stays_resolvable(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        _fill(store, SWAP[:2])
        cluster_new(store, model=replace(MERGING, merge=0.9))       # neither joins nor merges: two stories
        first, second = store.story(store.story_of("s1")), store.story(store.story_of("s2"))
        assert first.id != second.id
        _fill(store, SWAP[2:3])
        cluster_new(store, model=MERGING)   # s3's new story goes into the oldest, which then takes the other in
        (live,) = [s for s in store.stories() if not s.merged_into]
        assert live.id == first.id and set(live.article_ids) == {"s1", "s2", "s3"}
        assert [(s.id, s.merged_into) for s in store.stories() if s.merged_into] == [(second.id, first.id)]
        assert store.story(second.id).id == first.id
