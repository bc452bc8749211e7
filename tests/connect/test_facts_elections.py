"""Stage 4 on election results (read.events.elections): which stated values agree, conflict or stand alone.

A share of the vote, a turnout and a seat projection move either way from day to day while votes are
counted: values of different days never conflict, two of the same day do. The seats won are final: any two
different values conflict, and a projection never conflicts with them (another attribute).
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.connect.facts import compare
from storyline.records import DateRange, Fact, Mention


def verdicts(stated, days):
    facts = [(aid, "s1", Fact("e1", attribute, value, Mention(0, 1, "x")), None) for aid, attribute, value in stated]
    published = {aid: DateRange(date(2026, 2, d), date(2026, 2, d), "test") for aid, d in days.items()}
    return sorted((f.attribute, f.value, f.status) for f in compare(facts, published=published))


SHARE, TURN, SEATS, PROJ = "share of vote", "turnout", "seats", "projected seats"


@pytest.mark.parametrize("stated,days,expected", [
    # the same share on two days agrees; two shares of the same day conflict
    ([("a1", SHARE, "41.2%"), ("a2", SHARE, "41.2%")], {"a1": 3, "a2": 3},
     [(SHARE, "41.2%", "agree")]),
    ([("a1", SHARE, "41.2%"), ("a2", SHARE, "40.4%")], {"a1": 3, "a2": 3},
     [(SHARE, "40.4%", "conflict"), (SHARE, "41.2%", "conflict")]),
    # as counting goes on a share rises or falls from day to day without conflict
    ([("a1", SHARE, "38.4%"), ("a2", SHARE, "41.2%"), ("a3", SHARE, "42.1%"), ("a4", SHARE, "42.1%")],
     {"a1": 2, "a2": 3, "a3": 4, "a4": 5},
     [(SHARE, "38.4%", "single"), (SHARE, "41.2%", "single"), (SHARE, "42.1%", "agree")]),
    ([("a1", SHARE, "31.2%"), ("a2", SHARE, "30.6%")], {"a1": 2, "a2": 3},
     [(SHARE, "30.6%", "single"), (SHARE, "31.2%", "single")]),
    # so does turnout; not the same day
    ([("a1", TURN, "58%"), ("a2", TURN, "63.5%"), ("a3", TURN, "64%")], {"a1": 2, "a2": 3, "a3": 4},
     [(TURN, "58%", "single"), (TURN, "63.5%", "single"), (TURN, "64%", "single")]),
    ([("a1", TURN, "58%"), ("a2", TURN, "63.5%")], {"a1": 3, "a2": 3},
     [(TURN, "58%", "conflict"), (TURN, "63.5%", "conflict")]),
    # projected seats move from day to day too
    ([("a1", PROJ, "24"), ("a2", PROJ, "29")], {"a1": 2, "a2": 3},
     [(PROJ, "24", "single"), (PROJ, "29", "single")]),
    # the seats won are final: a different number conflicts, whatever the day ...
    ([("a1", SEATS, "30"), ("a2", SEATS, "31")], {"a1": 4, "a2": 5},
     [(SEATS, "30", "conflict"), (SEATS, "31", "conflict")]),
    ([("a1", SEATS, "30"), ("a2", SEATS, "30")], {"a1": 4, "a2": 5},
     [(SEATS, "30", "agree")]),
    # ... and a projection, another attribute, never conflicts with them
    ([("a1", PROJ, "29"), ("a2", SEATS, "30")], {"a1": 3, "a2": 3},
     [(PROJ, "29", "single"), (SEATS, "30", "single")]),
], ids=["same share agrees", "same day conflict", "share moves over days", "runner-up falls", "turnout moves",
        "turnout same day", "projection moves", "seats differ", "seats agree", "projection vs seats won"])
def test_election_results_compare(stated, days, expected):
    assert verdicts(stated, days) == expected
