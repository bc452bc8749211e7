"""A date given with an input (JSON Lines `published`, a feed's date): read when unambiguous, else set aside
with a reason (clean/given_date.py), and the article kept with a warning (clean/stage.py)."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.clean.given_date import given_date
from storyline.clean.stage import clean
from storyline.records import RawDoc

TODAY = date(2026, 3, 5)
TEXT = "The city council voted on Tuesday to close the old harbour bridge to cars."


@pytest.mark.parametrize("value, day, problem", [
    ("2013-03-22", date(2013, 3, 22), None),
    ("Fri, 22 Mar 2013 10:00:00 -0500", date(2013, 3, 22), None),
    (1363910400, date(2013, 3, 22), None),                      # Unix seconds
    (1363910400.75, date(2013, 3, 22), None),
    (1363910400000, date(2013, 3, 22), None),                   # Unix milliseconds (JavaScript, Java)
    (631152000, date(1990, 1, 1), None),                        # the first day a timestamp may give
    ({"$date": "2013-03-22T00:00:00Z"}, date(2013, 3, 22), None),              # MongoDB extended JSON
    ({"$date": 1363910400000}, date(2013, 3, 22), None),
    ({"$date": {"$numberLong": "1363910400000"}}, date(2013, 3, 22), None),
    (None, None, None),                                         # no value: nothing to say
    ("  ", None, None),
    (True, None, "is a boolean (true), not a date"),
    ({"date": "2013-03-22"}, None, 'is an object ({"date": "2013-03-22"}), not a date'),
    (["2013-03-22"], None, 'is a list (["2013-03-22"]), not a date'),
    ("last Tuesday", None, 'is "last Tuesday", which holds no full date'),
    (50_000_000_000, None, "is 50000000000, neither Unix seconds nor milliseconds of a day in 1900-2100"),
    (9_000_000_000, None, "is 9000000000, read as Unix seconds: not a day in 1900-2100"),
    (float("nan"), None, "is NaN, not a date"),
    # a timestamp before 1990 is a missing time written as a number (0, -1), not a day
    (0, None, "is 0, read as Unix seconds: 1970-01-01, before 1990, as a missing time is often written"),
    (-5, None, "is -5, read as Unix seconds: 1969-12-31, before 1990, as a missing time is often written"),
    (-315619200, None, "is -315619200, read as Unix seconds: 1960-01-01, before 1990, as a missing time is "
                       "often written"),
    ({"$date": 0}, None, 'is {"$date": 0}, read as MongoDB $date, Unix milliseconds: 1970-01-01, before 1990, '
                         "as a missing time is often written"),
    ("1969-12-31", date(1969, 12, 31), None),                   # a string may give an archive's old date
    # nothing is published after tomorrow (TODAY is 2026-03-05 here)
    (1772755200, date(2026, 3, 6), None),                       # tomorrow: a time zone ahead of UTC
    (1772841600, None, "is 1772841600, read as Unix seconds: 2026-03-07, a day still to come"),
    (4102444800, None, "is 4102444800, read as Unix seconds: 2100-01-01, a day still to come"),
    (99999999999999, None, "is 99999999999999, read as Unix milliseconds: not a day in 1900-2100"),
    ("2090-01-01", None, 'is "2090-01-01": 2090-01-01, a day still to come'),
    ({"$date": "2027-01-01T00:00:00Z"}, None, 'is {"$date": "2027-01-01T00:00:00Z"}: 2027-01-01, a day still '
                                              "to come"),
    ({"text": "x" * 200}, None, 'is an object ({"text": "' + "x" * 49 + "…), not a date"),
])
def test_given_dates(value, day, problem):
    got = given_date(value, today=TODAY)
    assert (got.day, got.problem) == (day, problem)


def jsonl(**fields) -> RawDoc:
    return RawDoc("c.jsonl#L7", "jsonl", TEXT.encode(), {"id": "x", **fields}, "utf-8", TEXT)


@pytest.mark.parametrize("fields, published, reason, warnings", [
    ({"published": 1363910400}, date(2013, 3, 22), "'published' given with the input (Unix seconds, UTC)", ()),
    ({"published": "2013-03-22"}, date(2013, 3, 22), "'published' given with the input", ()),
    ({"published": {"when": 1}}, None, None, ("""'published' is an object ({"when": 1}), not a date; set aside""",)),
    ({"published": False, "date": "2013-03-22"}, date(2013, 3, 22), "'date' given with the input",
     ("'published' is a boolean (false), not a date; set aside",)),
    ({"published": "2013-03-22", "date": "Tuesday"}, date(2013, 3, 22), "'published' given with the input", ()),
    ({"published": [], "pubdate": 1363910400.5}, date(2013, 3, 22),
     "'pubdate' given with the input (Unix seconds, UTC)", ("'published' is a list ([]), not a date; set aside",)),
    ({"published": -5}, None, None,
     ("'published' is -5, read as Unix seconds: 1969-12-31, before 1990, as a missing time is often written; "
      "set aside",)),
    ({"published": 0, "date": "2013-03-22"}, date(2013, 3, 22), "'date' given with the input",
     ("'published' is 0, read as Unix seconds: 1970-01-01, before 1990, as a missing time is often written; "
      "set aside",)),
    ({"published": "2090-01-01"}, None, None, ("""'published' is "2090-01-01": 2090-01-01, a day still to come; """
                                               "set aside",)),
])
def test_a_given_date_set_aside_keeps_the_article_with_a_warning(fields, published, reason, warnings):
    article = clean(jsonl(**fields))
    assert article.text == TEXT and article.warnings == warnings
    if published:
        assert (article.published.earliest, article.published.latest, article.published.reason) == \
            (published, published, reason)
    else:
        assert article.published.earliest is None and "given with the input" not in article.published.reason
