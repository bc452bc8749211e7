from datetime import date

import pytest

from storyline.clean.dating import (bounds, combine, from_dateline, from_url, from_wire_dateline, implied, parse_date,
                                    wire_day_within)
from storyline.records import DateRange


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
    ("The treaty was signed in 1999 and a review is scheduled for March 3, 2024.", [], date(1999, 1, 1),
     date(2024, 3, 2)),
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
    # a day reported as scheduled or expected has not come yet; a month or a year compares, a question asks
    ("The treaty was signed in 1999. He is scheduled to testify on May 3, 2011.", [], date(1999, 1, 1),
     date(2011, 5, 2)),
    ("A verdict is expected on August 5, 2022.", [], None, date(2022, 8, 4)),
    ("The hearing will resume on Monday, March 7, 2016, officials said.", [], None, date(2016, 3, 6)),
    ("Sales will rival 1932.", [], None, None),
    ("The plant is expected to open in March 2024.", [], None, None),
    ("Will the vote be held on May 3, 2011?", [], None, None),
    ("The vote was delayed until May 3, 2011.", [], None, None),
    ("The results, expected on May 3, 2011, were delayed.", [], None, None),
    # ... unless a later day with its clock time (a comment's stamp) shows an old announcement quoted
    ("Leaders will hold a rally on February 23, 2006. " + "Comments. " * 45 + "October 13, 2008 4:35 PM | Report abuse",
     [], None, None),
    # a state that has lasted N months began no earlier than the earliest past date
    ("She was arrested in March 2010. Fans criticised her five-month detention.", [], date(2010, 8, 1), None),
    ("The conflict began in 2011. The two-year war has killed thousands.", [], date(2013, 1, 1), None),
    ("He was jailed in March 2010 and is serving a nine-year prison sentence.", [], date(2010, 3, 1), None),
    ("Blix returned in December 2002 after a four-year absence.", [], date(2002, 12, 1), None),
    ("The five-month detention angered fans.", [], None, None),
    ("The firm was founded in 2010. The board will launch a two-year investigation.", [], date(2010, 1, 1), None),
    # "Earlier on Friday": written that weekday or the two days after; a bare weekday moves nothing
    ("Ministers met on Friday. Earlier on Friday, the envoy said talks went on.",
     ["The minister speaks on November 7, 2022. \u00a9 A Photographer / Agency"], date(2022, 11, 11), None),
    ("Earlier Tuesday, the bank said it had raised rates.", ["Traders on Sunday, March 6, 2016. \u00a9 Agency"],
     date(2016, 3, 8), None),
    ("Later on Monday the minister said talks went on.", ["The minister on Friday, March 4, 2016. \u00a9 Agency"],
     date(2016, 3, 7), None),
    ("Earlier on Friday, the envoy said talks went on.", [], None, None),
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


# (text, year, earliest, latest): dates written without a year, completed with a year stage 4 gives
YEARLESS = [
    ("She was arrested in February. A verdict is expected on August 5. Her five-month detention angered fans.",
     2022, date(2022, 7, 1), date(2022, 8, 4)),
    ("She was arrested in February. A verdict is expected on August 5.", 2022, date(2022, 2, 1), date(2022, 8, 4)),
    ("The rally was held on March 3.", 2016, date(2016, 3, 3), None),
    ("The rally was held on March 3, 2015.", 2016, date(2015, 3, 3), None),
    ("Nothing here says when anything happened.", 2016, None, None),
]


@pytest.mark.parametrize("text,year,earliest,latest", YEARLESS)
def test_a_year_completes_the_dates_written_without_one(text, year, earliest, latest):
    got = implied(text, [], year)
    assert (got.earliest, got.latest) == (earliest, latest) if earliest or latest else got is None
    assert implied(text, [], None) is None or "2015" in text


def test_the_new_rules_name_themselves():
    found = bounds("She was arrested in March 2010. Her five-month detention angered fans. "
                   "Earlier on Friday, her lawyer said a verdict is expected on August 5, 2010.",
                   ["Fans on July 27, 2010. \u00a9 Agency"])
    assert {b.rule for b in found} == {"past", "ongoing", "scheduled", "caption", "weekday"}
    assert (combine(found).earliest, combine(found).latest) == (date(2010, 8, 1), date(2010, 8, 4))


# (text, year stage 4 gives or None, the day a wire dateline gives or None)
WIRE_DATELINES = [
    ("MARL, Germany, March 4, 2025 (Reuters) - An explosion ripped through a plant.", None, date(2025, 3, 4)),
    ("LONDON, 4 March 2025 (Reuters) \u2014 Shares fell.", None, date(2025, 3, 4)),
    ("Headline here\n\nMOSCOW, Sept. 3, 2019 (Xinhua) -- Talks began.", None, date(2019, 9, 3)),
    ("MARL, Germany, March 4 (Reuters) - An explosion ripped through a plant.", None, None),   # no year: no guess
    ("MARL, Germany, March 4 (Reuters) - An explosion ripped through a plant.", 2025, date(2025, 3, 4)),
    ("WASHINGTON, Dec 20 (AP) \u2014 The Senate voted.", 2018, date(2018, 12, 20)),
    ("PASADENA, Texas (AP) \u2014 A fire broke out.", 2025, None),                            # no date in it
    ("The minister said on March 4, 2025 (Reuters) - nothing.", None, None),                  # running text
    # every wire style: "CITY, Month Day (Agency) -", "CITY, Mon. Day (Agency) —", day first, a newspaper's "--"
    ("LONDON, March 4 (Reuters) - Corvane's boss quit on Tuesday.", None, None),
    ("LONDON, March 4 (Reuters) - Corvane's boss quit on Tuesday.", 2025, date(2025, 3, 4)),
    ("WASHINGTON, Dec. 20 (AP) \u2014 The Senate voted.", 2024, date(2024, 12, 20)),
    ("PARIS, Sept. 5 (AFP) - Police said.", 2023, date(2023, 9, 5)),
    ("PARIS, Sept 5 (AFP) - Police said.", 2023, date(2023, 9, 5)),
    ("GENEVA, 4 March (Reuters) - Talks resumed.", 2025, date(2025, 3, 4)),
    ("TOKYO, Jan. 31 (Kyodo) - Shares rose.", 2025, date(2025, 1, 31)),
    ("NEW YORK, Nov. 19 -- The market fell.", 2025, date(2025, 11, 19)),
    ("Corvane boss quits (UPDATE 2)\n\nLONDON, March 4 (Reuters) - He quit.", 2025, date(2025, 3, 4)),
    ("BELO HORIZONTE, Brazil, March 4, 2025 (AFP) - Floods killed 12.", None, date(2025, 3, 4)),
    ("LONDON, Feb. 30 (Reuters) - No such day.", 2025, None),
    # a dateline that does not open one of the first lines is none, with or without a year
    ("Officials said on Tuesday that LONDON, March 4 (Reuters) - was wrong.", 2025, None),
    ("WASHINGTON (AP) \u2014 The Senate voted on March 4.", 2025, None),
    # a yearless dateline never takes the year another date writes: stage 2 leaves it undated
    ("LONDON, March 4 (Reuters) - Ashby, who had led the company since 2019, quit.", None, None),
]


@pytest.mark.parametrize("text,year,day", WIRE_DATELINES)
def test_a_wire_dateline_dates_its_copy(text, year, day):
    found = bounds(text, [], year) if year else None
    got = [b.day for b in found if b.rule == "dateline"] if found else []
    if year is None:
        got = [r.earliest] if (r := from_wire_dateline(text)) else []
        assert r is None or (r.earliest, r.latest) == (day, day) and "dateline" in r.reason
    assert got == ([day] * (2 if year else 1) if day else [])


def test_a_year_is_kept_for_a_yearless_dateline_only_when_the_text_agrees():
    text = "PARIS, March 4 (Reuters) - The strike began on March 9, 2025, officials said."
    assert implied(text, [], 2025) is None                      # the past date after the dateline: not 2025
    assert (implied(text, [], 2026).earliest, implied(text, [], 2026).latest) == (date(2026, 3, 4), date(2026, 3, 4))


def test_a_yearless_dateline_is_no_day_of_a_year_the_text_writes_elsewhere():
    text = "LONDON, March 4 (Reuters) - Ashby, who had led the company since 2019, quit on Tuesday."
    got = implied(text, [])
    assert (got.earliest, got.latest) == (date(2019, 1, 1), None)          # only the background's lower bound
    assert not any(b.rule == "dateline" for b in bounds(text, []))


W = DateRange(date(2025, 2, 11), date(2025, 6, 30), "month in the URL")
# (text, the interval the rest of the evidence allows, the day): a yearless dateline's day in the one year where it
# falls inside a closed interval; none in an open interval, in one it misses, or where two years hold it
WITHIN = [
    ("LONDON, March 4 (Reuters) - Shares fell.", W, date(2025, 3, 4)),
    ("WASHINGTON, Dec. 20 (AP) \u2014 The Senate voted.", W, None),                        # outside it
    ("LONDON, March 4 (Reuters) - Shares fell.", DateRange(date(2019, 1, 1), None), None),  # open
    ("LONDON, March 4 (Reuters) - Shares fell.", DateRange(date(2024, 1, 1), date(2025, 12, 31)), None),  # two years
    ("LONDON, March 4 (Reuters) - Shares fell.", DateRange(date(2024, 6, 1), date(2025, 5, 31)), date(2025, 3, 4)),
    ("LONDON, March 4, 2024 (Reuters) - Shares fell.", W, None),                      # with its year: the dateline's
    ("Shares fell on March 4, officials said.", W, None),                                    # no dateline
]


@pytest.mark.parametrize("text,within,day", WITHIN)
def test_a_yearless_dateline_takes_the_one_year_of_a_closed_interval_that_holds_its_day(text, within, day):
    got = wire_day_within(text, within)
    assert (got.earliest, got.latest) == (day, day) if day else got is None
    if got:
        assert "dateline" in got.reason and within.reason in got.reason
