"""The readers of the web app and the dossier: stories, filters, a story's parts, an entity, an article, API pages."""
from dataclasses import replace
from datetime import date

import pytest

from storyline.export import json_export
from storyline.store import open_store
from storyline.store.browse import Browser, StoryFilter
from storyline.store.pages import COLLECTIONS, Pages
from storyline.store.readonly import fts_query
from tests.store.synthetic import fill


@pytest.fixture
def db(location):
    return fill(location)


@pytest.mark.parametrize("text, dialect, query", [
    ("Griner", "sqlite", '"Griner"*'),
    ("prisoner swap", "sqlite", '"prisoner" "swap"*'),
    ('Doe\'s "plan" OR (NEAR', "sqlite", '"Doe" "s" "plan" "OR" "NEAR"*'),
    ("  ", "sqlite", None),
    ('"(*)', "sqlite", None),
    ("Griner", "postgresql", "'Griner':*"),
    ("prisoner swap", "postgresql", "'prisoner' & 'swap':*"),
    ("Doe's & !plan | (NEAR", "postgresql", "'Doe' & 's' & 'plan' & 'NEAR':*"),
    ('"(*)', "postgresql", None),
])
def test_search_text_becomes_a_safe_fts_query(text, dialect, query):
    assert fts_query(text, dialect) == query


@pytest.mark.parametrize("f, ids", [
    (StoryFilter(), ["s2", "s1"]),                                   # most recent first
    (StoryFilter(sort="size"), ["s1", "s2"]),
    (StoryFilter(q="harbour"), ["s1"]),
    (StoryFilter(q="coa"), ["s2"]),                                  # the last word is a prefix
    (StoryFilter(q="nothing here"), []),
    (StoryFilter(outlet="City Daily"), ["s1"]),
    (StoryFilter(person="jane"), ["s1"]),
    (StoryFilter(person="Red Cross"), []),                           # an organisation is no person
    (StoryFilter(since=date(2023, 3, 1)), ["s2"]),
    (StoryFilter(until=date(2023, 2, 1)), ["s1"]),
    (StoryFilter(limit=1, offset=1), ["s1"]),
])
def test_story_list_filters_and_orders(db, f, ids):
    with Browser(db) as b:
        total, stories = b.story_list(f)
    assert [s["id"] for s in stories] == ids
    assert total == (len(ids) if f.limit > 1 else 2)


def test_story_page_has_every_part(db):
    with Browser(db) as b:
        page = b.story_page("s1")
        assert b.story_page("s0") is None and b.live_story_id("s0") == "s1" and b.live_story_id("zz") is None
    assert page["story"].article_ids == ("a1", "a2")
    assert [a["id"] for a in page["articles"]] == ["a1", "a2"]
    assert [t.text for t in page["timeline"]] == ["The council voted on Monday"] and page["events"] == []
    assert page["cast"] == [{"id": "person:jane-doe", "name": "Jane Doe", "type": "PERSON", "roles": ["Mayor"],
                             "articles": 2}]
    (speaker, name, count, quotes), = page["quotes"]
    assert (speaker, name, count) == ("person:jane-doe", "Jane Doe", 2)
    assert [f.status for f, _ in page["claims"]] == ["conflict", "single"]          # conflicts first
    assert [outlet for _, evidence in page["claims"] for _, outlet in evidence] == ["City Daily", "Harbour News"]


def test_a_store_without_stories_is_one_story_of_every_article_until_stories_arrive(location):
    db = fill(location, stories=False)
    with Browser(db) as b:
        total, (story,) = b.story_list()
        assert (total, story["id"], story["size"], story["title"]) == (1, "all", 3, "All articles")
        assert story["outlets"] == ("City Daily", "Harbour News") and story["people"] == [("person:jane-doe", "Jane Doe")]
        page = b.story_page("all")
        assert [v.id for v in page["events"]] == ["v1"]                  # no timeline: dated events stand in
        with open_store(db) as store:                                     # a run writes stories meanwhile
            from storyline.records import Story
            store.save_stories([(Story("s9", "Everything", ("a1", "a2", "a3")), None, (), 3)])
        assert [s["id"] for s in b.story_list()[1]] == ["s9"]
    with Pages(db) as p:
        assert [s.id for s, _, _ in p.page("stories", 0, 10)[1]] == ["s9"]


def test_a_connect_that_only_deletes_rows_is_seen_by_an_open_reader(location):
    """The stand-in story is re-decided when another connection writes; a rewrite that only deletes
    rows (set_connected keeps unchanged rows) must count as a write too."""
    db = fill(location, stories=False)
    with Browser(db) as b:
        before = b._data_version()
        with open_store(db) as store:
            old = store.connected()
            store.set_connected(replace(old, entities=tuple(e for e in old.entities if e.type != "PERSON")))
        assert b._data_version() != before


def test_entity_page_gives_stories_roles_over_time_and_quotes(db):
    with Browser(db) as b:
        page = b.entity_page("person:jane-doe")
        assert b.entity_page("person:nobody") is None
        assert [e["id"] for e in b.entities_named("doe")] == ["person:jane-doe"]
    assert page["stories"] == [{"id": "s1", "title": "Harbour bridge closes", "articles": 2}]
    assert page["roles"] == [("Mayor", "2023-02-01", "2023-02-01", 1), ("council member", "2023-02-03", "2023-02-03", 1)]
    assert [(q["date"], q["kind"]) for q in page["quotes"]] == [("2023-02-01", "indirect"), ("2023-02-03", "direct")]


def test_article_page_maps_its_entities_to_the_corpus(db):
    with Browser(db) as b:
        page = b.article_page("a2")
        assert b.article_page("nope") is None
        assert [a["id"] for a in b.search_articles("council")] == ["a2"]
    assert page["corpus"] == {"e1": "person:jane-doe"} and page["names"] == {"person:jane-doe": ("Jane Doe", "PERSON")}
    assert page["stories"] == [{"id": "s1", "title": "Harbour bridge closes"}]
    assert page["analysis"].quotes[0].text == "We act now."


def test_an_undated_article_shows_the_interval_stage4_gave_it_as_the_export_does(location):
    from storyline.records import AnalysedArticle, Article, ArticleDate, Connected, DateRange, TimeExpression
    dated = DateRange(date(2022, 7, 1), date(2022, 8, 4), "year 2022 of its story")
    friday = TimeExpression(17, 23, "Friday", "DATE", "XXXX-WXX-5")
    feb = TimeExpression(27, 35, "February", "DATE", "XXXX-02")
    valued = replace(feb, value="2022-02", earliest=date(2022, 2, 1), latest=date(2022, 2, 28))
    with open_store(location) as store:
        store.add_article(Article("u1", "in/u1.txt", "Talks resumed on Friday, in February.", "hu1",
                                  published=DateRange(None, None, "no date found")))
        store.add_article(Article("d1", "in/d1.txt", "Talks resumed.", "hd1",
                                  published=DateRange(date(2022, 8, 5), date(2022, 8, 5), "given")))
        store.add_analysis(AnalysedArticle("u1", time_expressions=(friday, feb)), "v")
        store.set_connected(Connected(dates=(ArticleDate("u1", dated, (valued,)),)))
        exported = json_export.build(store)["time_expressions"]
    with Browser(location) as b:
        heads = b.article_heads(["u1", "d1"])
        assert b.article_page("u1")["article"].published == dated
        assert b.article_page("u1")["analysis"].time_expressions == (friday, valued)   # stage 4's value shown
        assert b.article_page("d1")["article"].published.earliest == date(2022, 8, 5)
    with Pages(location) as p:
        assert [json_export.time_expression(*i) for i in p.page("time_expressions", 0, 5)[1]] == exported
    assert [t["value"] for t in exported] == ["XXXX-WXX-5", "2022-02"]
    assert heads["u1"]["published"] == {"earliest": "2022-07-01", "latest": "2022-08-04",
                                        "reason": "year 2022 of its story"}
    assert heads["d1"]["published"]["earliest"] == "2022-08-05"

@pytest.mark.parametrize("size", [1, 2, 50])
def test_api_pages_end_to_end_are_the_export(db, size):
    with open_store(db) as store:
        export = json_export.build(store)
    shapes = {"articles": lambda i: json_export.article(*i), "entities": lambda i: json_export.entity(*i),
              "time_expressions": lambda i: json_export.time_expression(*i), "quotes": lambda i: json_export.quote(*i),
              "events": json_export.event, "facts": json_export.fact, "stories": lambda i: json_export.story(*i),
              "refusals": json_export.refusal, "warnings": lambda i: json_export.warning(*i)}
    with Pages(db) as p:
        for name in COLLECTIONS:
            items, offset = [], 0
            while True:
                total, page = p.page(name, offset, size)
                items += [shapes[name](i) for i in page]
                offset += size
                if offset >= total:
                    break
            assert items == export[name], name


def test_readers_never_write(db):
    with Browser(db) as b:
        with pytest.raises(Exception, match="readonly|read-only"):
            b.db.execute("DELETE FROM articles")


def test_a_copy_in_a_story_page_quotes_and_claims_nothing_again(location):
    """A copy (`duplicate_of` another article of the story) is listed among the articles, but its quotes and
    its claim evidence are its original's: the page shows them once."""
    from dataclasses import replace as with_
    from storyline.records import Article, DateRange, Story
    from tests.store.synthetic import DAYS, TEXTS, analysis
    db = fill(location)
    with open_store(db) as store:
        title, text = TEXTS["a2"]
        store.add_article(Article("a4", "in/a4.txt", text, "ha4", title=title, outlet="Wire Copy",
                                  published=DateRange(DAYS["a2"], DAYS["a2"], "given"), duplicate_of="a2"),
                          text_hash="a4")
        store.add_analysis(with_(analysis("a2"), article_id="a4"), "v")
        connected = store.connected()
        conflict = connected.facts[1]
        copied = with_(conflict, evidence=conflict.evidence + (with_(conflict.evidence[0], article_id="a4"),))
        named = tuple(with_(e, members=e.members + (("a4", "e1"),)) if e.id == "person:jane-doe" else e
                      for e in connected.entities)                     # the copy names Jane Doe as a2 does
        store.set_connected(with_(connected, facts=(connected.facts[0], copied), entities=named))
        store.save_stories([(Story("s1", "Harbour bridge closes", ("a1", "a2", "a4"), ("City Daily",), DAYS["a1"],
                                   DAYS["a2"]), None, (), 3)])
    with Browser(db) as b:
        page = b.story_page("s1")
        person = b.entity_page("person:jane-doe")
    assert [a["id"] for a in page["articles"]] == ["a1", "a2", "a4"]
    (_, _, count, _), = page["quotes"]
    assert count == 2
    # the copy names Jane Doe again: she is named in 2 articles, as a council member in 1, quoted twice
    assert [(c["id"], c["articles"]) for c in page["cast"]] == [("person:jane-doe", 2)]
    assert [s["articles"] for s in person["stories"]] == [2]
    assert [(role, n) for role, _, _, n in person["roles"]] == [("Mayor", 1), ("council member", 1)]
    assert sorted(q["article_id"] for q in person["quotes"]) == ["a1", "a2"]
    assert [outlet for _, evidence in page["claims"] for _, outlet in evidence] == ["City Daily", "Harbour News"]


def test_an_update_in_a_story_page_shows_what_it_adds(location):
    """A version (`duplicate_of` its outlet's first version) quotes nothing its first version quotes, but a
    quote it adds is on the page."""
    from dataclasses import replace as with_
    from storyline.records import Article, DateRange, Story
    from tests.store.synthetic import DAYS, TEXTS, analysis
    db = fill(location)
    title, text = TEXTS["a2"]
    text += " Doe said the vote was \"the first of many\"."
    first = analysis("a2")
    start = text.index("the first of many")
    added = with_(first.quotes[0], start=start, end=start + 17, text="the first of many")
    with open_store(db) as store:
        store.add_article(Article("a4", "in/a4.txt", text, "ha4", title=title, outlet="City Daily",
                                  published=DateRange(DAYS["a2"], DAYS["a2"], "given"), duplicate_of="a2"),
                          text_hash="a4")
        store.add_analysis(with_(first, article_id="a4", quotes=first.quotes + (added,)), "v")
        store.save_stories([(Story("s1", "Harbour bridge closes", ("a1", "a2", "a4"), ("City Daily",), DAYS["a1"],
                                   DAYS["a2"]), None, (), 3)])
    with Browser(db) as b:
        page = b.story_page("s1")
    said = sorted((q["article_id"], q["text"]) for _, _, _, group in page["quotes"] for q in group)
    assert said == [("a1", "the harbour bridge will close in March"), ("a2", "We act now."),
                    ("a4", "the first of many")]


def Q(text: str | None) -> dict:
    return {"speaker_text": text, "text": "..."}


@pytest.mark.parametrize("quoted, groups", [
    # unresolved speakers are told apart by the words naming them, not lumped under the first one's words
    ({None: [Q("Workers"), Q("federal records"), Q("Workers")]}, [(None, "Workers", 2), (None, "federal records", 1)]),
    # the same words in another case or spacing are one speaker, named as first written
    ({None: [Q("the company"), Q("The  company"), Q("The company")]}, [(None, "the company", 3)]),
    # a resolved speaker by its entity, whatever words name it; first, with as many quotes
    ({"org:acme": [Q("Acme"), Q("the company")], None: [Q("the company"), Q("Officials")]},
     [("org:acme", "Acme Corp", 2), (None, "Officials", 1), (None, "the company", 1)]),
    # no words at all: unattributed, after the named ones
    ({None: [Q(None), Q(""), Q("Police")]}, [(None, "unattributed", 2), (None, "Police", 1)]),
    ({None: [Q(None), Q("Police")]}, [(None, "Police", 1), (None, "unattributed", 1)]),
    # a resolved speaker without a known name is named as its first quote writes it
    ({"person:x": [Q("Doe")]}, [("person:x", "Doe", 1)]),
])
def test_quotes_are_grouped_by_who_said_them(quoted, groups):
    from storyline.store.browse import speaker_groups
    got = speaker_groups(quoted, {"org:acme": "Acme Corp"})
    assert [(sid, name, len(qs)) for sid, name, qs in got] == groups


def test_a_story_page_keeps_unresolved_speakers_apart(location):
    """Quotes whose speaker stage 4 did not resolve ("Workers described ...", "according to federal records")
    are each shown under their own speaker's words, never under the first unresolved speaker's."""
    from dataclasses import replace as with_
    from storyline.records import Mention, Quote
    from tests.store.synthetic import TEXTS, analysis
    db = fill(location)
    text = TEXTS["a1"][1]
    said = [Quote(0, 10, text[0:10], "indirect", speaker=Mention(11, 16, "Staff")),
            Quote(20, 30, text[20:30], "indirect", speaker=Mention(31, 39, "Officials")),
            Quote(40, 50, text[40:50], "indirect", speaker=Mention(51, 60, "officials"))]
    with open_store(db) as store:
        store.add_analysis(with_(analysis("a1"), quotes=analysis("a1").quotes + tuple(said)), "v")
    with Browser(db) as b:
        page = b.story_page("s1")
    assert [(sid, name, count) for sid, name, count, _ in page["quotes"]] == [
        ("person:jane-doe", "Jane Doe", 2), (None, "Officials", 2), (None, "Staff", 1)]
