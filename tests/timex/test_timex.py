"""Tests for the TIMEX3 tagger: sentence tables plus a quality gate on TempEval-3.

The tables say what TimeBank would annotate for short news sentences; a new
failure found in the wild becomes a new row. The gate runs the shared scorer
on the first documents of the dev set so a regression in the rules shows up
as a number, not only as a changed row.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from storyline.timex.tagger import tag

FRI = date(1998, 8, 7)      # a Friday
WED = date(2022, 12, 14)    # a Wednesday
NOV89 = date(1989, 11, 2)   # a Thursday, WSJ earnings season

# (sentence, anchor, [(text, type, value), ...]) -- the complete expected output
ROWS = [
    # explicit dates
    ("The deal closed on Dec. 9, 2022.", WED, [("Dec. 9, 2022", "DATE", "2022-12-09")]),
    ("The talks resumed on Dec. 9.", WED, [("Dec. 9", "DATE", "2022-12-09")]),
    ("Prices peaked in 2012.", WED, [("2012", "DATE", "2012")]),
    ("It opened in July 1997.", FRI, [("July 1997", "DATE", "1997-07")]),
    ("Figures are due 2022-12-09.", None, [("2022-12-09", "DATE", "2022-12-09")]),
    ("The rally was held in October.", date(1998, 1, 8), [("October", "DATE", "1997-10")]),
    ("Elections are planned in March.", date(1998, 11, 20), [("March", "DATE", "1999-03")]),
    ("Sales rose in late April.", date(2022, 6, 1), [("late April", "DATE", "2022-04")]),
    # a past passive governing the month settles its year; a deadline or a plan does not
    ("She was detained at a Moscow airport in February.", date(2022, 12, 20), [("February", "DATE", "2022-02")]),
    ("The board declared a dividend, payable Feb. 7.", date(2022, 12, 20), [("Feb. 7", "DATE", "2023-02-07")]),
    ("He was ordered to be returned to his father by Jan. 14.", date(2022, 12, 20), [("Jan. 14", "DATE", "2023-01-14")]),
    ("The offer had been set to expire Feb. 6.", date(2022, 12, 20), [("Feb. 6", "DATE", "2023-02-06")]),
    ("The treaty was signed last May.", date(1998, 2, 27), [("last May", "DATE", "1997-05")]),
    ("Inflation fell in January this year.", date(1998, 2, 19), [("January this year", "DATE", "1998-01")]),
    # a verb of planning with its object before the infinitive, and "clearing the way for", look ahead:
    # the coming September, not the past one nearer in days; a plain past verb keeps the past one
    ("The judge set jury selection to begin Sept. 8.", date(2025, 5, 21), [("Sept. 8", "DATE", "2025-09-08")]),
    # a deadline ahead, unless its sentence is in the past
    ("The Commission has 90 working days, until July 30, to rule on the deal.", date(2025, 3, 14),
     [("July 30", "DATE", "2025-07-30")]),
    ("The plant stayed closed until July 30.", date(2025, 12, 1), [("July 30", "DATE", "2025-07-30")]),
    ("He stayed in office until July 30.", date(2025, 3, 14), [("July 30", "DATE", "2024-07-30")]),
    # a deadline takes the direction of its own verb: a modal's, not a participle's describing a noun, nor the
    # report's; a past perfect or passive keeps it in the past (2025-02-11 is a Tuesday)
    ("Corvane said it would write to everyone affected by Friday.", date(2025, 2, 11),
     [("Friday", "DATE", "2025-02-14")]),
    ("The company said customers must respond by Friday.", date(2025, 2, 11), [("Friday", "DATE", "2025-02-14")]),
    ("Repairs should be finished by Friday, the council said.", date(2025, 2, 11),
     [("Friday", "DATE", "2025-02-14")]),
    ("The regulator said it gave the company until Friday to respond.", date(2025, 2, 11),
     [("Friday", "DATE", "2025-02-14")]),
    ("The flaw had been fixed by Friday, the company said.", date(2025, 2, 11), [("Friday", "DATE", "2025-02-07")]),
    ("The company said it fixed the flaw by Friday.", date(2025, 2, 11), [("Friday", "DATE", "2025-02-07")]),
    ("He said it should have been finished by Friday.", date(2025, 2, 11), [("Friday", "DATE", "2025-02-07")]),
    ("Officials said it would compensate those affected by Friday's outage.", date(2025, 2, 11),
     [("Friday", "DATE", "2025-02-07")]),
    ("The board scheduled the vote to take place in September.", date(2025, 5, 21),
     [("September", "DATE", "2025-09")]),
    ("She expected the company to report results in September.", date(2025, 5, 21),
     [("September", "DATE", "2025-09")]),
    ("The judge refused to dismiss the case, clearing the way for a jury trial in September.", date(2025, 5, 21),
     [("September", "DATE", "2025-09")]),
    ("The ruling paved the way for a vote in September.", date(2025, 5, 21), [("September", "DATE", "2025-09")]),
    ("Rioters set fire to the building in September.", date(2025, 5, 21), [("September", "DATE", "2024-09")]),
    # an apposition or a comparison after its clause is no part of it: its time is untensed, read in the past,
    # whatever the clause's verb; an elliptical clause ("the first on Sunday") or a time of its own ("the day
    # before the vote") keeps the clause's (2025-03-03 is a Monday)
    ("Kestrel said it would pay 310 crowns a share, a premium of 34% to Halvorsen's closing price on Friday.",
     date(2025, 3, 3), [("Friday", "DATE", "2025-02-28")]),
    ("The shares will list at 5 crowns, up from 4 crowns on Friday.", date(2025, 3, 3),
     [("Friday", "DATE", "2025-02-28")]),
    ("The group will buy the stake, its second purchase in April.", date(2025, 3, 3),
     [("April", "DATE", "2025-04")]),
    ("Voters will elect a president in two rounds, the first on Sunday.", date(2025, 3, 3),
     [("Sunday", "DATE", "2025-03-09")]),
    ("Ministers will meet on Thursday, the day before the vote on Friday.", date(2025, 3, 3),
     [("Thursday", "DATE", "2025-03-06"), ("Friday", "DATE", "2025-03-07")]),
    ("The judge set bail for the suspect in September.", date(2025, 5, 21), [("September", "DATE", "2024-09")]),
    # decades, centuries, quarters, seasons
    # TimeML writes a decade as its first three digits
    ("It was popular in the 1990s.", WED, [("the 1990s", "DATE", "199")]),
    ("The group held power in the late 1970s.", FRI, [("the late 1970s", "DATE", "197")]),
    ("Prices soared through the nineties.", FRI, [("the nineties", "DATE", "199")]),
    ("a 20th century democrat", FRI, [("20th century", "DATE", "19")]),
    ("Net income rose in the third quarter.", NOV89, [("the third quarter", "DATE", "1989-Q3")]),
    ("Third-quarter profit fell 5%.", NOV89, [("Third-quarter", "DATE", "1989-Q3")]),
    ("Profit fell 5% in the quarter.", NOV89, [("the quarter", "DATE", "1989-Q3")]),
    ("He was killed last fall.", date(1999, 4, 10), [("last fall", "DATE", "1998-FA")]),
    ("Sales will recover this summer.", date(2022, 5, 2), [("this summer", "DATE", "2022-SU")]),
    # a temporal preposition before "the <season>" makes it the calendar season
    ("Shortages will last well into the summer.", date(1989, 11, 2), [("the summer", "DATE", "1990-SU")]),
    ("Over the summer, rivals cut prices.", date(1989, 11, 2), [("the summer", "DATE", "1989-SU")]),
    # a weekday before its calendar date is one expression
    ("The paper ran an editorial on Saturday, April 25: the court erred.", date(1998, 4, 24),
     [("Saturday, April 25", "DATE", "1998-04-25")]),
    ("Funds may have to sell junk bonds in the weeks ahead.", NOV89, [("the weeks ahead", "DURATION", "PXW")]),
    ("The ruling will be felt for the years to come.", NOV89, [("the years to come", "DURATION", "PXY")]),
    # deictic relative to the anchor
    ("The minister resigned yesterday.", FRI, [("yesterday", "DATE", "1998-08-06")]),
    ("He will testify tomorrow.", FRI, [("tomorrow", "DATE", "1998-08-08")]),
    ("The economy added jobs last month.", date(1998, 2, 6), [("last month", "DATE", "1998-01")]),
    ("They met this week.", WED, [("this week", "DATE", "2022-W50")]),
    ("The vote is next year.", WED, [("next year", "DATE", "2023")]),
    ("Last year, exports fell.", WED, [("Last year", "DATE", "2021")]),
    ("He left two years ago.", date(1998, 4, 24), [("two years ago", "DATE", "1996")]),
    ("It happened 10 days ago.", date(1998, 3, 22), [("10 days ago", "DATE", "1998-03-12")]),
    ("Rebels attacked last night.", date(1998, 1, 20), [("last night", "TIME", "1998-01-19TNI")]),
    ("Officials met this morning.", date(1998, 2, 6), [("this morning", "TIME", "1998-02-06TMO")]),
    # weekdays: tense decides the direction
    ("The bomb exploded on Friday.", date(1998, 8, 10), [("Friday", "DATE", "1998-08-07")]),
    ("Earlier on Friday, police said three men were held.", date(1998, 8, 10), [("Friday", "DATE", "1998-08-07")]),
    ("He will meet Bush on Thursday.", date(1990, 8, 15), [("Thursday", "DATE", "1990-08-16")]),
    ("Troops moved in Monday morning.", date(1998, 8, 12), [("Monday morning", "TIME", "1998-08-10TMO")]),
    ("The offer expires at 5 p.m. EST Nov. 9.", NOV89, [("5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00")]),
    # anaphora: anchored to the last mentioned time, not the DCT
    ("Profit rose in the third quarter from $5 million a year earlier.", NOV89,
     [("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]),
    ("Net was $2 million, up from $1 million in the year-ago quarter.", NOV89,
     [("the year-ago quarter", "DATE", "1988-Q3")]),
    ("He said the hearing is set for the week of March 6.", date(2000, 2, 24),
     [("the week of March 6", "DATE", "2000-W10")]),
    ("The summit will be held on April 24 and 25.", date(1999, 2, 10),
     [("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]),
    ("Police arrived on Oct. 23. In the morning, the street was closed.", date(1998, 10, 26),
     [("Oct. 23", "DATE", "1998-10-23"), ("the morning", "TIME", "1998-10-23TMO")]),
    ("Shares closed on Oct. 27, down from the previous Friday.", date(1989, 10, 30),
     [("Oct. 27", "DATE", "1989-10-27"), ("the previous Friday", "DATE", "1989-10-20")]),
    ("He quit in March. The following month, the company was sold.", date(1989, 10, 27),
     [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]),
    ("Net rose for the quarter ended Sept. 30.", NOV89,
     [("the quarter", "DATE", "1989-Q3"), ("Sept. 30", "DATE", "1989-09-30")]),
    # tense cues: "United" is no past verb, "expected" in "expected to" is no past cue,
    # "since" is always past, a pluperfect plan is past
    ("The father would be traveling to the United States Thursday.", date(2000, 4, 5),
     [("Thursday", "DATE", "2000-04-06")]),
    ("The three are expected to join in April.", date(1998, 12, 5), [("April", "DATE", "1999-04")]),
    ("The carrier has been on patrol since March and was scheduled to return.", date(1990, 8, 13),
     [("March", "DATE", "1990-03")]),
    ("The offer had been due to expire Friday evening.", date(1989, 10, 30),
     [("Friday evening", "TIME", "1989-10-27TEV")]),
    # the tense of the expression's own clause decides, not a verb elsewhere in the sentence
    ("The new curfew rules will take effect next week, the health ministry said on Monday.", date(2020, 12, 30),
     [("next week", "DATE", "2021-W01"), ("Monday", "DATE", "2020-12-28")]),
    ("The rules take effect on Monday, officials said on Friday.", date(2021, 1, 2),
     [("Monday", "DATE", "2021-01-04"), ("Friday", "DATE", "2021-01-01")]),
    ("He said on Monday the vote will be held on Friday.", WED,
     [("Monday", "DATE", "2022-12-12"), ("Friday", "DATE", "2022-12-16")]),
    ("The court will rule on Thursday whether the law, which took effect on Monday, stands.", WED,
     [("Thursday", "DATE", "2022-12-15"), ("Monday", "DATE", "2022-12-12")]),
    # news writes scheduled events in the present tense: forwards
    ("Dozens of new state laws take effect on Wednesday.", date(2013, 12, 30), [("Wednesday", "DATE", "2014-01-01")]),
    ("Talks begin on Thursday in Geneva.", WED, [("Thursday", "DATE", "2022-12-15")]),
    ("He met the minister on Thursday.", WED, [("Thursday", "DATE", "2022-12-08")]),
    ("Investigators are examining Sunday's crash.", WED, [("Sunday", "DATE", "2022-12-11")]),
    # a fronted adjunct takes the verb of the clause after it
    ("On Tuesday, the league plans to hold a news conference.", date(1998, 10, 26), [("Tuesday", "DATE", "1998-10-27")]),
    ("The peace process, set to resume Monday in Belfast, is fragile.", date(1998, 3, 22),
     [("Monday", "DATE", "1998-03-23")]),
    ("A bomb ripped through a building next to the embassy on Friday.", date(1998, 8, 8),
     [("Friday", "DATE", "1998-08-07")]),
    # ISO weeks across the new year: 2020 has a week 53 (Dec 28 - Jan 3)
    ("The health ministry said on Monday that the rules will take effect next week.", date(2021, 1, 3),
     [("Monday", "DATE", "2020-12-28"), ("next week", "DATE", "2021-W01")]),
    ("Prices fell last week and will fall again this week.", date(2021, 1, 2),
     [("last week", "DATE", "2020-W52"), ("this week", "DATE", "2020-W53")]),
    ("The week was busy.", date(2021, 1, 2), [("The week", "DATE", "2020-WXX")]),
    # digits int() does not take (superscripts, other scripts) are no numbers
    ("Sales rose ²⁰²⁰ and ٢٠٢٠ and １２:３０ p.m. and ²³ years ago.", WED, []),
    # durations
    ("Stocks have plunged in the past three months.", FRI, [("the past three months", "DURATION", "P3M")]),
    ("It struck nearly two weeks after the attack.", FRI, [("nearly two weeks", "DURATION", "P2W")]),
    ("The siege lasted 24 hours.", FRI, [("24 hours", "DURATION", "PT24H")]),
    ("He served five years in prison.", FRI, [("five years", "DURATION", "P5Y")]),
    ("It took 2 1/2 years.", FRI, [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("a five-year plan", FRI, [("five-year", "DURATION", "P5Y")]),
    ("The dispute has dragged on for years.", FRI, [("years", "DURATION", "PXY")]),
    ("a 44-year-old protester", FRI, []),
    # sets
    ("The rallies are held daily.", FRI, [("daily", "SET", "P1D")]),
    ("Members meet each Thursday.", FRI, [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("It costs $5 a year.", FRI, [("a year", "SET", "P1Y")]),
    # PRESENT/PAST/FUTURE_REF
    ("Prices are now far higher.", FRI, [("now", "DATE", "PRESENT_REF")]),
    ("He is currently in Paris.", FRI, [("currently", "DATE", "PRESENT_REF")]),
    ("She recently moved to Boston.", FRI, [("recently", "DATE", "PAST_REF")]),
    ("Talks may resume in the future.", FRI, [("the future", "DATE", "FUTURE_REF")]),
    ("Aqaba is Iraq's only outlet now that the noose has tightened.", FRI, [("now", "DATE", "PRESENT_REF")]),
    ("It will be a theme of our campaign from now to Election Day.", FRI,
     [("Election Day", "DATE", "1998-11-03")]),
    ("The budget will soon move into surplus.", FRI, [("soon", "DATE", "FUTURE_REF")]),
    ("He was soon released from the hospital.", FRI, []),
    ("Forces could be in the region for some time.", FRI, [("some time", "DURATION", "PXX")]),
    ("They will have to live without power for a while.", FRI, [("a while", "DURATION", "PXX")]),
    ("The case is for today's youth what the blockade was.", FRI, []),
    ("The poster showed Gary Cooper from the film High Noon.", FRI, []),
    # no anchor: never guess a year
    ("The strike began on August 5.", None, [("August 5", "DATE", "XXXX-08-05")]),
    ("The bomb exploded on Friday.", None, [("Friday", "DATE", "XXXX-WXX-5")]),
    ("He arrived yesterday.", None, [("yesterday", "DATE", "XXXX-XX-XX")]),
    ("The vote is next year.", None, [("next year", "DATE", "XXXX")]),
    ("Shares rose in the third quarter.", None, [("the third quarter", "DATE", "XXXX-Q3")]),
    ("It lasted three days.", None, [("three days", "DURATION", "P3D")]),
    # words that look temporal but are not
    ("The Eastern bloc and 12 Americans.", FRI, []),
    # "march" is no month; "may" is a modal of the future, so the coming Monday
    ("He may march on Monday.", date(1998, 8, 12), [("Monday", "DATE", "1998-08-17")]),
    ("Prices fall each year as stocks rise.", FRI, [("each year", "SET", "P1Y")]),
    ("Exports grew in the spring.", FRI, [("the spring", "DATE", "1998-SP")]),
    # "overnight" naming a loan or a rate is no night; naming when something happened, it is
    ("The board voted to lower the overnight rate to 4.25%.", WED, []),
    ("Overnight index swaps price a further cut.", WED, []),
    ("Rebels attacked overnight, killing five.", WED, [("overnight", "TIME", "2022-12-13TNI")]),
]


@pytest.mark.parametrize("sentence,anchor,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_table(sentence, anchor, expected):
    got = [(t.text, t.type, t.value) for t in tag(sentence, anchor)]
    assert got == expected
    for t in tag(sentence, anchor):
        assert sentence[t.start:t.end] == t.text


# Field cases (../shared/cases/field/NN-*): each case's right values, decided before running.
FIELD = [
    # 18: an article of Wednesday 2020-12-30, in ISO week 2020-W53
    ("The new curfew rules will take effect next week, the health ministry said on Monday. Shops were "
     "crowded on Dec. 28 as people stocked up before the holiday. Officials will meet again on Jan. 5 to "
     "review the figures. Last year, similar measures cut infections by half.", date(2020, 12, 30),
     [("next week", "DATE", "2021-W01", date(2021, 1, 4), date(2021, 1, 10)),
      ("Monday", "DATE", "2020-12-28", date(2020, 12, 28), date(2020, 12, 28)),
      ("Dec. 28", "DATE", "2020-12-28", date(2020, 12, 28), date(2020, 12, 28)),
      ("Jan. 5", "DATE", "2021-01-05", date(2021, 1, 5), date(2021, 1, 5)),
      ("Last year", "DATE", "2019", date(2019, 1, 1), date(2019, 12, 31))]),
    # 10: a feed entry of Wednesday 2016-06-29 (its feed date read right is the dating's part)
    ("A water main burst under Station Road on Wednesday morning, flooding two shops and closing the road "
     "to traffic. Engineers from the water company said supplies to about 300 homes would be restored by "
     "the evening. The road is expected to stay closed until the weekend.", date(2016, 6, 29),
     [("Wednesday morning", "TIME", "2016-06-29TMO", date(2016, 6, 29), date(2016, 6, 29)),
      ("the weekend", "DATE", "2016-W26-WE", date(2016, 7, 2), date(2016, 7, 3))]),
    # 25: a wire story of Monday 2013-12-30; the laws "take effect" on the coming Wednesday
    ("WASHINGTON (Reuters) - Dozens of new state laws take effect on Wednesday, from higher minimum wages "
     "in eight states to new limits on the use of drones by police.", date(2013, 12, 30),
     [("Wednesday", "DATE", "2014-01-01", date(2014, 1, 1), date(2014, 1, 1))]),
]


@pytest.mark.parametrize("text,anchor,expected", FIELD, ids=["case18", "case10", "case25"])
def test_field_cases(text, anchor, expected):
    got = [(t.text, t.type, t.value, t.earliest, t.latest) for t in tag(text, anchor)]
    assert got == expected


_WORDS = ["Monday", "on", "Jan.", "5", "2020", "next", "week", "said", "will", "\u00b9", "\u0663", "\u017funday",
          "\u0130", "a.m.", "10:30", "-", ",", ".", "\n", "year", "ago", "the", "third", "quarter", "'90s",
          "April", "24", "and", "25", "nineteen", "ninety-six", "Christmas", "spring", "since", "\uff11\uff12",
          "\u00a0", "Sept.", "tonight", "noon", "Friday's", "o'clock", "earlier", "century", "21st", "12/31/99"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
                 st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), max_size=30).map("".join)),
       st.one_of(st.none(), st.dates()))
def test_any_text_tags_without_error(text, anchor):
    """Random Unicode text and any anchor (year 1 to 9999): expressions, never an exception."""
    for t in tag(text, anchor):
        assert text[t.start:t.end] == t.text and t.start < t.end


@pytest.mark.parametrize("sentence,anchor,earliest,latest,mod", [
    ("Prices peaked in 2012.", WED, date(2012, 1, 1), date(2012, 12, 31), None),
    ("The economy added jobs last month.", date(2022, 3, 9), date(2022, 2, 1), date(2022, 2, 28), None),
    ("Sales rose in late April.", date(2022, 6, 1), date(2022, 4, 21), date(2022, 4, 30), "END"),
    ("They met this week.", WED, date(2022, 12, 12), date(2022, 12, 18), None),
    ("Net rose in the third quarter.", NOV89, date(1989, 7, 1), date(1989, 9, 30), None),
    ("It lasted three days.", WED, None, None, None),
    ("The strike began on August 5.", None, None, None, None),
    ("It was popular in the 1990s.", WED, date(1990, 1, 1), date(1999, 12, 31), None),
])
def test_intervals(sentence, anchor, earliest, latest, mod):
    (t,) = tag(sentence, anchor)
    assert (t.earliest, t.latest, t.mod) == (earliest, latest, mod)


def test_mod_on_hedged_duration():
    (t,) = tag("It struck nearly two weeks after the attack.", FRI)
    assert (t.value, t.mod) == ("P2W", "APPROX")


def test_tag_each_gives_what_tag_gives_under_each_anchor():
    from storyline.timex import tag_each
    text = "She was detained on Friday, in February. A verdict is expected on August 5, a year later."
    anchors = [None, date(2022, 7, 1), date(2022, 7, 4), date(2023, 1, 2)]
    assert list(tag_each(text, anchors)) == [tag(text, a) for a in anchors]
    assert list(tag_each(text, [])) == []


# -- quality gate -----------------------------------------------------------------
