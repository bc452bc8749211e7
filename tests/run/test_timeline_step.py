"""The runner's timeline step: one timeline per story, recomputed only when the story changed."""
from datetime import date

from storyline.records import AnalysedArticle, Article, DateRange
from storyline.run import local
from storyline.store import open_store

TEXTS = {
    "a1": ("2022-02-18", "Customs officers arrested the basketball player on Thursday at the airport."),
    "a2": ("2022-03-05", "She has been held in Russia since she was detained on February 17."),
    "a3": ("2022-08-04", "A court sentenced her to nine years in prison on Thursday in Khimki."),
}


def _store(path):
    from storyline.read import VERSION
    from storyline.timex import tag
    store = open_store(path)
    for aid, (day, text) in TEXTS.items():
        d = date.fromisoformat(day)
        store.add_article(Article(aid, f"in/{aid}.txt", text, f"h{aid}", published=DateRange(d, d)))
        store.add_analysis(AnalysedArticle(aid, time_expressions=tuple(tag(text, d))), VERSION)
    return store


def test_each_story_gets_its_timeline_once(tmp_path):
    with _store(tmp_path / "s.sqlite") as store:
        assert local.stored_stories(store) == []                 # no story tables yet: nothing to do
        assert local.attach_timelines(store, [("s1", ["a1", "a2"]), ("s2", ["a3"]), ("s3", [])], 5) == 2
        got = dict(store.timelines())
        assert [e.date for e in got["s1"]] == ["2022-02-17"]            # both articles name the day
        assert [e.date for e in got["s2"]] == ["2022-08-04"]
        assert local.attach_timelines(store, [("s1", ["a2", "a1"]), ("s2", ["a3"])], 5) == 0   # unchanged
        assert local.attach_timelines(store, [("s1", ["a1", "a2", "a3"])], 5) == 1             # s2 merged in
        got = dict(store.timelines())
        assert list(got) == ["s1"] and "2022-08-04" in [e.date for e in got["s1"]]
        assert local.attach_timelines(store, [("s1", ["a1", "a2", "a3"])], 1) == 1             # new length
        assert len(dict(store.timelines())["s1"]) == 1


def test_a_recleaned_article_redoes_its_story(tmp_path):
    from dataclasses import replace
    with _store(tmp_path / "s.sqlite") as store:
        assert local.attach_timelines(store, [("s1", ["a1", "a2"])]) == 1
        a2 = next(a for a in store.articles() if a.id == "a2")
        store.remove_article(a2.id)                                       # its input changed: cleaned again
        store.add_article(replace(a2, published=DateRange(date(2022, 3, 6), date(2022, 3, 6))))
        assert local.attach_timelines(store, [("s1", ["a1", "a2"])]) == 1      # redated, and not read yet
        assert local.attach_timelines(store, [("s1", ["a1", "a2"])]) == 0
        from storyline.read import VERSION
        from storyline.timex import tag
        a2 = next(a for a in store.articles() if a.id == "a2")
        store.add_analysis(AnalysedArticle("a2", time_expressions=tuple(tag(a2.text, date(2022, 3, 6)))), VERSION)
        assert local.attach_timelines(store, [("s1", ["a1", "a2"])]) == 1      # read again


def test_only_analyses_at_the_reader_version_date_a_timeline(tmp_path):
    from storyline.read import VERSION
    from storyline.timex import tag
    with _store(tmp_path / "s.sqlite") as store:
        text = TEXTS["a1"][1]
        store.add_analysis(AnalysedArticle("a1", time_expressions=tuple(tag(text, date(2022, 2, 18)))), "read-0")
        assert local.attach_timelines(store, [("s1", ["a1"])], 5) == 1
        assert [e.date for e in dict(store.timelines())["s1"]] == ["2022-02-18"]     # unread: its publication day
        store.add_analysis(AnalysedArticle("a1", time_expressions=tuple(tag(text, date(2022, 2, 18)))), VERSION)
        assert local.attach_timelines(store, [("s1", ["a1"])], 5) == 1
        assert [e.date for e in dict(store.timelines())["s1"]] == ["2022-02-17"]     # "on Thursday"


def test_an_article_stage4_dated_counts_with_its_valued_expressions_and_redoes_its_story(tmp_path):
    from dataclasses import replace
    from storyline.read import VERSION
    from storyline.records import ArticleDate, Connected
    from storyline.timex import tag
    text = "Her trial opened in Khimki. A verdict is expected on August 5."
    with _store(tmp_path / "s.sqlite") as store:
        store.add_article(Article("u1", "in/u1.txt", text, "hu1"))
        stored = tuple(tag(text, None))
        store.add_analysis(AnalysedArticle("u1", time_expressions=stored), VERSION)
        assert local.attach_timelines(store, [("s1", ["a3", "u1"])], 5) == 1
        assert "2022-08-05" not in [e.date for e in dict(store.timelines())["s1"]]      # XXXX-08-05: no date
        (aug,) = stored
        valued = replace(aug, value="2022-08-05", earliest=date(2022, 8, 5), latest=date(2022, 8, 5))
        store.set_connected(Connected(dates=(ArticleDate("u1", DateRange(date(2022, 7, 1), date(2022, 8, 4)),
                                                         (valued,)),)))
        assert local.attach_timelines(store, [("s1", ["a3", "u1"])], 5) == 1          # its stage-4 date came
        assert "2022-08-05" in [e.date for e in dict(store.timelines())["s1"]]
        assert local.attach_timelines(store, [("s1", ["a3", "u1"])], 5) == 0
