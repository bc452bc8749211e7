from datetime import date

import pytest

from storyline.clean.dating import from_dateline, from_url, implied, parse_date
from storyline.connect.dating import date_undated
from storyline.records import Article, DateRange


@pytest.mark.parametrize("value,expected", [
    ("2022-12-20", date(2022, 12, 20)),
    ("2022-12-20T08:15:00Z", date(2022, 12, 20)),
    ("2022-12-20T23:15:00-05:00", date(2022, 12, 20)),
    ("Tue, 20 Dec 2022 08:00:00 GMT", date(2022, 12, 20)),
    ("December 20, 2022", date(2022, 12, 20)),
    ("20 December 2022", date(2022, 12, 20)),
    ("", None), ("not a date", None), (None, None), (42, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("url,earliest,latest", [
    ("https://www.themoscowtimes.com/2022/12/20/moscow-claims-a79751", date(2022, 12, 20), date(2022, 12, 20)),
    ("https://example.com/news/20221220/story.html", date(2022, 12, 20), date(2022, 12, 20)),
    ("https://example.com/2022-12-20-story", date(2022, 12, 20), date(2022, 12, 20)),
    ("https://example.com/2022/02/story", date(2022, 2, 1), date(2022, 2, 28)),
    ("https://example.com/story-2022", None, None),
    ("https://example.com/2022/13/45/x", None, None),
])
def test_date_in_url(url, earliest, latest):
    got = from_url(url)
    assert (got.earliest, got.latest) == (earliest, latest) if earliest else got is None


def test_dateline_is_a_line_that_is_only_a_date():
    assert from_dateline(["December 20, 2022"]).earliest == date(2022, 12, 20)
    assert from_dateline(["Talks on December 20, 2022 were about a swap of prisoners held"]) is None


# (text, captions, year, earliest, latest)
IMPLIED = [
    ("She was arrested in February. A verdict is expected on August 5. Her five-month detention angered fans.",
     [], 2022, date(2022, 7, 1), date(2022, 8, 4)),
    ("She was arrested in February. A verdict is expected on August 5.", [], None, None, None),
    ("The minister spoke at a briefing on Friday and said talks went on.",
     ["The minister speaks on November 7, 2022. © A Photographer / Agency"], None, date(2022, 11, 11), None),
    ("The treaty was signed in 1999 and a review is scheduled for March 3, 2024.", [], None,
     date(1999, 1, 1), date(2024, 3, 2)),
    ("Nothing here says when anything happened.", [], 2022, None, None),
]


@pytest.mark.parametrize("text,captions,year,earliest,latest", IMPLIED)
def test_interval_implied_by_the_text(text, captions, year, earliest, latest):
    got = implied(text, captions, year)
    if earliest is None and latest is None:
        assert got is None
    else:
        assert (got.earliest, got.latest) == (earliest, latest)
        assert got.reason.startswith("implied by the text")


def test_a_photo_date_is_never_the_publication_date():
    got = implied("Officials said the talks went on.", ["The minister on November 7, 2022. © Agency"])
    assert got.earliest == date(2022, 11, 7) and got.latest is None


def test_corpus_year_completes_undated_articles():
    dated = Article("d", "d.txt", "x", "h", published=DateRange(date(2022, 12, 20), date(2022, 12, 20), "url"))
    undated = Article("u", "u.txt", "She was arrested in February. A verdict is expected on August 5.", "h2",
                      published=DateRange(None, None, "no date"))
    [got] = date_undated([dated, undated])
    assert (got.published.earliest, got.published.latest) == (date(2022, 2, 1), date(2022, 8, 4))
    assert "year 2022 from 1 dated article" in got.published.reason
    assert date_undated([undated]) == []
