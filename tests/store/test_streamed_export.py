"""The export and the dossier written a record at a time from the store equal the ones made from the whole
export in memory; stage 3 pages through the unread articles."""
import json
from dataclasses import replace
from datetime import date

import pytest

from storyline.export import json_export, report, report_store
from storyline.records import AnalysedArticle, Article, ArticleDate, DateRange
from storyline.store import open_store
from tests.store.synthetic import fill


@pytest.mark.parametrize("stories", [True, False])
def test_streamed_export_and_dossier_equal_the_whole_ones(location, tmp_path, stories):
    with open_store(fill(location, stories=stories)) as store:
        store.add_article(Article("a4", "in/a4.txt", "Talks resumed on August 5.", "h4",
                                  published=DateRange(None, None, "no date found")))
        store.set_connected(replace(store.connected(), dates=(ArticleDate("a4", DateRange(
            date(2022, 7, 1), date(2022, 8, 4), "year 2022 of its story")),)))
        whole = json_export.build(store)
        assert whole["articles"][-1]["published"]["earliest"] == "2022-07-01"
        assert whole["quotes"] and whole["entities"][0]["mentions"] and whole["refusals"] == []
        written = json_export.write(json_export.sections(store), tmp_path / "out")
        assert written.read_text(encoding="utf-8") == json.dumps(whole, ensure_ascii=False, indent=1)
        dossier = report_store.write(store, tmp_path / "out" / "report.md")
        assert dossier.read_text(encoding="utf-8") == report.render(whole)
        assert ("## Harbour bridge closes" in report.render(whole)) is stories
        assert ("a4.txt — unknown outlet, 2022-07-01 .. 2022-08-04" in dossier.read_text()) is not stories


def test_export_writer_gives_json_dumps_layout(tmp_path):
    for export in ({}, {"a": []}, {"a": [{"x": "line\nbreak", "y": [1, {"z": []}], "w": {}}, 2], "b": ["é"]}):
        text = json_export.write(export, tmp_path).read_text(encoding="utf-8")
        assert text == json.dumps(export, ensure_ascii=False, indent=1)


def test_unread_pages_through_articles_lacking_the_current_analysis(location):
    with open_store(fill(location)) as store:
        store.add_analysis(AnalysedArticle("a2"), "w")         # a2 read at another version
        assert store.count_unread("v") == 1 and store.count_unread("w") == 2
        assert [a.id for _, a in store.unread("w", 0, 1)] == ["a1"]
        first = store.unread("w", 0, 1)[0][0]
        assert [a.id for _, a in store.unread("w", first, 10)] == ["a3"]
        assert [a.id for a in store.articles_in(["a3", "a1", "zz"])] == ["a1", "a3"]
        assert [an.article_id for an in store.analyses_in(["a3", "a1"], ("quotes",))] == ["a1", "a3"]
        assert store.analyses_in(["a1"], ("quotes",))[0].entities == ()
