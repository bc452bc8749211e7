"""Comparing the facts of strikes, bans, rate decisions and queues (connect.facts): sources, tallies, moving
figures."""
from datetime import date

import pytest

from storyline.connect import fact_sources
from storyline.connect.facts import compare
from storyline.records import AnalysedArticle, DateRange, Fact, Mention, Quote


def _fact(attr, value, source=None):
    return Fact("x", attr, value, Mention(0, 5, "text."), source=source)


def verdicts(*stated, days=None):
    """stated: (article id, attribute, value, credited source or None); days: article id -> day of Feb 2026."""
    published = {a: DateRange(date(2026, 2, d), date(2026, 2, d)) for a, d in (days or {}).items()}
    got = compare([(aid, "place:x", _fact(attr, value, src), src) for aid, attr, value, src in stated],
                  published=published)
    return sorted((f.attribute, f.value, f.status) for f in got)


S = "number of strikers"


@pytest.mark.parametrize("stated,days,expected", [
    # one article crediting two figures to two sources: their claims conflict, not a change it reports
    ([("a1", S, "about 6000", "union"), ("a1", S, "3500", "employers")], {"a1": 9},
     [(S, "3500", "conflict"), (S, "about 6000", "conflict")]),
    ([("a1", S, "6200", None), ("a1", S, "fewer than 4000", "employers")], {"a1": 11},
     [(S, "6200", "conflict"), (S, "fewer than 4000", "conflict")]),
    # ... while one source's two figures are still a change
    ([("a1", S, "about 6000", "union"), ("a1", S, "3500", "union")], {"a1": 9},
     [(S, "3500", "single"), (S, "about 6000", "single")]),
    # strikers join and leave from day to day: no conflict across days, agreement within bounds
    ([("a1", S, "about 6000", "union"), ("a2", S, "some 5000", None), ("a3", S, "6200", "union")],
     {"a1": 9, "a2": 10, "a3": 11},
     [(S, "6200", "agree"), (S, "about 6000", "agree"), (S, "some 5000", "agree")]),
    # a policy rate moves at each meeting: last month's level is no conflict, the same day's is
    ([("a1", "policy rate", "4.75%", None), ("a2", "policy rate", "4.25%", None)], {"a1": 9, "a2": 10},
     [("policy rate", "4.25%", "single"), ("policy rate", "4.75%", "single")]),
    ([("a1", "policy rate", "4.5%", None), ("a2", "policy rate", "4.25%", None)], {"a1": 10, "a2": 10},
     [("policy rate", "4.25%", "conflict"), ("policy rate", "4.5%", "conflict")]),
    # ships waiting: a running count that rises without conflict
    ([("a1", "count of ships waiting", "38", None), ("a2", "count of ships waiting", "47", None),
      ("a3", "count of ships waiting", "61", None), ("a4", "count of ships waiting", "63", None)],
     {"a1": 9, "a2": 10, "a3": 11, "a4": 13},
     [("count of ships waiting", v, "single") for v in ("38", "47", "61", "63")]),
    # ... and eases once the strike ends: a lower count later is no conflict either
    ([("a1", "count of ships waiting", "63", None), ("a2", "count of ships waiting", "40", None)],
     {"a1": 13, "a2": 16}, [("count of ships waiting", v, "single") for v in ("40", "63")]),
    # a vote tally: unanimous agrees with none against, conflicts with a split, whatever the day
    ([("a1", "vote", "unanimous", None), ("a2", "vote", "4-1", None)], {"a1": 9, "a2": 10},
     [("vote", "4-1", "conflict"), ("vote", "unanimous", "conflict")]),
    ([("a1", "vote", "unanimous", None), ("a2", "vote", "5-0", None)], {"a1": 9, "a2": 10},
     [("vote", "5-0", "agree"), ("vote", "unanimous", "agree")]),
    # a ban sought or faced never conflicts with the ban imposed
    ([("a1", "ban", "2 years", None), ("a2", "sought ban", "4 years", None),
      ("a3", "possible ban", "up to 4 years", None), ("a4", "ban", "two years", None)], {},
     [("ban", "2 years", "agree"), ("possible ban", "up to 4 years", "single"), ("sought ban", "4 years", "single")]),
], ids=["two sources one article", "writer and a source", "one source's change", "strikers move",
        "rate moves", "rate same day", "queue grows", "queue eases", "unanimous vs split", "unanimous vs 5-0", "ban kinds"])
def test_news_fact_verdicts(stated, days, expected):
    assert verdicts(*stated, days=days) == expected


def test_a_credited_source_comes_before_a_quote_speaker():
    text = "The union said 6,200 workers were on strike; ABTP said fewer than 4,000 had stopped work."
    sentence = Mention(0, len(text), text)
    q = text.index("fewer")
    quote = Quote(q, len(text) - 1, text[q:-1], "indirect", speaker_entity="abtp")
    an = AnalysedArticle("a1", quotes=(quote,), facts=(Fact("port", S, "6200", sentence),
                                                       Fact("port", S, "fewer than 4000", sentence, source="abtp2")))
    # "6200" is written "6,200": found outside ABTP's quote, the writer's; the credited source wins over a quote
    assert fact_sources(an) == (None, "abtp2")
