from datetime import date

import pytest

from storyline.clean.dating import bounds, combine, from_dateline, from_url, implied, parse_date


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


# (text, captions, earliest, latest): the interval the text allows, None for none
IMPLIED = [
    # a time stamp at the top is the day; labelled as an update, only an upper bound
    ("Fri May 20, 2011 1:46 pm EDT (Reuters) - The council met in 2009.", [], date(2011, 5, 20), date(2011, 5, 20)),
    ("Bank chiefs meet. Tuesday 4 January 2005 08.43 GMT Ministers said in 2003 that", [],
     date(2005, 1, 4), date(2005, 1, 4)),
    ("Updated: March 3, 2010 10:15 AM. The plant was closed in 2008.", [], date(2008, 1, 1), date(2010, 3, 3)),
    # a date reported as past is a lower bound: its first day
    ("The treaty was signed in 1999 and a review is scheduled for March 3, 2024.", [], date(1999, 1, 1), None),
    ("Prices have risen since 2005, officials said.", [], date(2005, 1, 1), None),
    ("The company said on March 3, 2010 that profits fell.", [], date(2010, 3, 3), None),
    ("Dodd-Frank, which was passed in 2010, will be repealed.", [], date(2010, 1, 1), None),
    ("He left Cuba in 1962 when he was four.", [], date(1962, 1, 1), None),
    # not reported as past: future, hypothetical, forecast, boundary, question
    ("The plant will close in 2030.", [], None, None),
    ("Officials said the vote would be held in 2017.", [], None, None),
    ("Analysts predicted a rebound in 2010.", [], None, None),
    ("The rate would remain elevated through at least 2011, the Fed said.", [], None, None),
    ("Congress voted for a delay from 2018 to 2020.", [], None, None),
    ("The bank reported losses for 2012.", [], None, None),
    ("Was the withdrawal announced in 2006 real?", [], None, None),
    ("About 11 percent of the fuel used in 2012 will come from biofuels.", [], None, None),
    ("Planners wanted to see the stadium re-open in 2014.", [], None, None),
    # a year that names or qualifies something is not the time of the clause
    ("Republicans were eyeing 2020 campaigns.", [], None, None),
    ("Smith, who trimmed his 1990 Anheuser earnings projection, spoke.", [], None, None),
    ("EA released Madden NFL 2006 and others.", [], None, None),
    ("Sales fell after the conflict of 2003 ended.", [], None, None),
    ("The memo was quoted in full (Sept. 24, 2008) by the paper.", [], None, None),
    ("Mr. Alfred on April 3, 2005 wrote the note.", [], None, None),
    # a date without its year bounds nothing, whatever the tense
    ("She was arrested in February. A verdict is expected on August 5. Her five-month detention angered fans.",
     [], None, None),
    # a photo is taken on or before the day it is published; a bare weekday moves nothing
    ("The minister spoke at a briefing on Friday and said talks went on.",
     ["The minister speaks on November 7, 2022. \u00a9 A Photographer / Agency"], date(2022, 11, 7), None),
    ("Officials said the talks went on.", ["A rally in 2006. \u00a9 Agency"], None, None),
    ("Nothing here says when anything happened.", [], None, None),
]


@pytest.mark.parametrize("text,captions,earliest,latest", IMPLIED)
def test_interval_implied_by_the_text(text, captions, earliest, latest):
    got = implied(text, captions)
    if earliest is None and latest is None:
        assert got is None
    else:
        assert (got.earliest, got.latest) == (earliest, latest)
        assert got.reason.startswith("implied by the text")


def test_each_bound_names_its_rule():
    found = bounds("Fri May 20, 2011 1:46 pm EDT - It was founded in 1990.", ["Taken on May 1, 2011."])
    assert {(b.rule, b.side) for b in found} == {("stamp", "after"), ("stamp", "before"), ("caption", "after"),
                                                 ("past", "after")}
    assert combine(found).earliest == date(2011, 5, 20), "a time stamp is not overruled by tenses"


def test_a_photo_date_is_never_the_publication_date():
    got = implied("Officials said the talks went on.", ["The minister on November 7, 2022. \u00a9 Agency"])
    assert got.earliest == date(2022, 11, 7) and got.latest is None
