"""The field cases of stage 1 (../shared/cases/field, issue 11), their right values as tests.

Each fixture under tests/fixtures/field/ is the case's input, copied; ingest
and clean run on it and the values the case's expected.json decided before
any run are checked. The kinds behind the cases are tested more widely in
test_feeds.py, test_markup.py and test_warc.py.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.clean.stage import clean
from storyline.ingest import iter_inputs
from storyline.timex import tag
from storyline.records import Article

FIELD = Path(__file__).resolve().parents[1] / "fixtures" / "field"


def articles(relative: str) -> dict[str, Article]:
    """Every input of the fixture ingested and cleaned, by URL; any refusal fails the test."""
    found = {}
    for raw in iter_inputs([FIELD / relative]):
        article = clean(raw) if not hasattr(raw, "reason") else raw
        assert isinstance(article, Article), article
        found[article.url] = article
    return found


def day(article: Article) -> date | None:
    p = article.published
    assert p is not None and p.earliest == p.latest, p
    return p.earliest


def test_10_feed_date_neither_rfc822_nor_iso():
    (article,) = articles("10-feed-pubdate-slash-format/feed.xml").values()
    assert article.url == "https://valley-gazette.example/local/water-main-station-road"
    assert article.title == "Water main bursts under Station Road"
    assert day(article) == date(2016, 6, 29)  # feedparser alone gives the 1st of the current month
    values = {t.text: t.value for t in tag(article.text, day(article))}
    assert values["Wednesday morning"] == "2016-06-29TMO"


def test_10_the_weekend_after_a_future_clause():
    (article,) = articles("10-feed-pubdate-slash-format/feed.xml").values()
    values = {t.text: t.value for t in tag(article.text, day(article))}
    assert values["the weekend"] == "2016-W26-WE"


CASE_12 = [
    ("https://northfield-daily.example/council-pauses-stadium-vote", 'Council "pauses" stadium vote',
     date(2020, 12, 8), "Northfield council put off a vote on the new stadium until January"),
    ("https://northfield-daily.example/mayors-budget-passes", "Mayor\u2019s budget passes after late-night session",
     date(2020, 12, 9), "The mayor\u2019s budget for next year"),
    ("https://northfield-daily.example/library-hours-cut", "Library hours cut at three branches",
     date(2020, 12, 10), "Three branch libraries will close on Mondays from February, the council confirmed.\n\n"
                         "Union representatives said twelve part-time posts would go."),
]


@pytest.mark.parametrize("url, title, published, text_start", CASE_12)
def test_12_feed_entities_and_double_encoding(url, title, published, text_start):
    found = articles("12-feed-escaped-entities/feed.xml")
    assert len(found) == 3
    article = found[url]
    assert (article.title, day(article)) == (title, published)
    assert article.text.startswith(text_start)
    for left in ("&quot;", "&#8217;", "&lt;", "<p>", "</p>"):
        assert left not in article.title and left not in article.text


CASE_21 = [
    ("https://railnews.example/2021/09/13/strike-called-off", "Rail strike called off after late pay offer",
     date(2021, 9, 13), "A national rail strike planned for Thursday was called off after the operators made a "
                        "late pay offer, the union said.\n\nMembers will vote on the offer over the next two weeks."),
    ("https://kellan-county.example/news/bridge-repairs-early", "Bridge repairs to finish early",
     date(2021, 9, 14), "Repairs to the Kellan river bridge will finish three weeks early, the county council said."
                        "\n\nThe bridge has been closed to lorries since March."),
]


@pytest.mark.parametrize("url, title, published, text", CASE_21)
def test_21_warc_gzip_content_encoding(url, title, published, text):
    found = articles("21-warc-gzip-content-encoding/archive.warc")
    assert len(found) == 2
    article = found[url]
    assert (article.title, day(article), article.text) == (title, published, text)


CASE_22 = [
    ("https://county-news.example/2019/03/04/cancer-wing", "Hospital opens new cancer wing", date(2019, 3, 4)),
    ("https://county-news.example/2019/03/05/free-school-meals", "School meals to be free for all pupils",
     date(2019, 3, 5)),
]


@pytest.mark.parametrize("url, title, published", CASE_22)
def test_22_warc_record_without_its_blank_lines(url, title, published):
    found = articles("22-warc-missing-record-separator/archive.warc")
    assert len(found) == 2
    assert (found[url].title, day(found[url])) == (title, published)
