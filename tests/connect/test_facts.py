"""Fact comparison across outlets: tables of stated values and the verdict each must get."""
import pytest

from storyline.connect.facts import bounds, compare
from storyline.records import Fact, Mention


def facts(*stated):
    """stated: (article id, attribute, value) on one subject."""
    return [(aid, "person:x", Fact("x", attr, value, Mention(0, 5, "text.")), None) for aid, attr, value in stated]


def verdicts(*stated, published=None):
    return sorted((f.attribute, f.value, f.status) for f in compare(facts(*stated), published=published))


@pytest.mark.parametrize("value,expected", [
    ("9 years", (9, 9, "years")),
    ("nine years", (9, 9, "years")),
    ("more than 60", (60, float("inf"), "")),
    ("about 60 people", (54, 66, "people")),
    ("up to 10 years", (0, 10, "years")),
    ("2022-04-21/2022-04-30", None),
])
def test_values_read_as_intervals(value, expected):
    got = bounds(value)
    assert got == expected if expected is None else (got[2] == expected[2] and got[:2] == pytest.approx(expected[:2]))


@pytest.mark.parametrize("stated,expected", [
    ([("a1", "sentence", "nine years"), ("a2", "sentence", "9 years")],
     [("sentence", "nine years", "agree")]),
    ([("a1", "sentence", "9 years"), ("a2", "sentence", "10 years")],
     [("sentence", "10 years", "conflict"), ("sentence", "9 years", "conflict")]),
    ([("a1", "possible sentence", "up to 10 years"), ("a2", "sentence", "9 years")],
     [("possible sentence", "up to 10 years", "single"), ("sentence", "9 years", "single")]),
    ([("a1", "count of dead", "more than 60"), ("a2", "count of dead", "62")],
     [("count of dead", "62", "agree"), ("count of dead", "more than 60", "agree")]),
    ([("a1", "count of dead", "more than 60"), ("a2", "count of dead", "45")],
     [("count of dead", "45", "conflict"), ("count of dead", "more than 60", "conflict")]),
    ([("a1", "count of dead", "about 60"), ("a2", "count of dead", "58")],
     [("count of dead", "58", "agree"), ("count of dead", "about 60", "agree")]),
    ([("a1", "age", "31"), ("a1", "age", "31")], [("age", "31", "single")]),
    # a maximum read under the imposed term's own attribute still never conflicts with a term inside it ...
    ([("a1", "sentence", "up to 10 years"), ("a2", "sentence", "nine years")],
     [("sentence", "nine years", "agree"), ("sentence", "up to 10 years", "agree")]),
    # ... but one beyond it does
    ([("a1", "sentence", "up to 10 years"), ("a2", "sentence", "12 years")],
     [("sentence", "12 years", "conflict"), ("sentence", "up to 10 years", "conflict")]),
    ([("a1", "count of dead", "at least 60"), ("a2", "count of dead", "sixty")],
     [("count of dead", "at least 60", "agree"), ("count of dead", "sixty", "agree")]),
    ([("a1", "count of dead", "nearly 60"), ("a2", "count of dead", "70")],
     [("count of dead", "70", "conflict"), ("count of dead", "nearly 60", "conflict")]),
], ids=["spelling", "two terms", "possible vs imposed", "bound holds exact", "bound excludes", "approximate",
        "one article twice", "maximum holds term", "maximum exceeded", "at least", "nearly excludes"])
def test_verdicts(stated, expected):
    assert verdicts(*stated) == expected


def test_a_value_read_in_a_quote_keeps_its_source():
    [f] = compare([("a1", "person:x", Fact("x", "age", "31", Mention(0, 5, "text.")), "person:spokesman")])
    assert f.evidence[0].source == "person:spokesman"


# (what articles a1, its copy a2 and another outlet's a3 state, (value, status, evidence) of each value): a copy
# is no second source, and its sentence counts once: left out where its original states the value too
COPIES = [
    ([("a1", "31"), ("a2", "31")], [("31", "single", ["a1"])]),
    ([("a1", "31"), ("a2", "31"), ("a3", "31")], [("31", "agree", ["a1", "a3"])]),
    ([("a2", "31"), ("a1", "31")], [("31", "single", ["a1"])]),                    # in any order
    # a copy that states another value is still read as stated, and is that value's evidence
    ([("a1", "31"), ("a2", "32")], [("31", "conflict", ["a1"]), ("32", "conflict", ["a2"])]),
    # the copy states both (a change it reports): no conflict, and its 31 counts once
    ([("a1", "31"), ("a2", "31"), ("a2", "32")], [("31", "single", ["a1"]), ("32", "single", ["a2"])]),
]


@pytest.mark.parametrize("stated, expected", COPIES)
def test_a_copy_is_no_second_source_and_counts_once(stated, expected):
    got = compare(facts(*((a, "age", v) for a, v in stated)), copies={"a2": "a1"})
    assert [(f.value, f.status, [e.article_id for e in f.evidence]) for f in got] == expected


def test_a_later_article_adds_facts_after_the_others():
    """Fact ids are numbered by position (connect.story_records): a new value from a later article comes
    last, even for an attribute stated earlier, so the earlier facts keep their ids."""
    before = facts(("a1", "age", "31"), ("a1", "sentence", "9 years"))
    after = compare(before + facts(("a2", "age", "32")))
    assert [(f.attribute, f.value) for f in after] == [("age", "31"), ("sentence", "9 years"), ("age", "32")]


def test_a_value_beside_a_quote_is_the_writers():
    from storyline.connect import fact_sources
    from storyline.records import AnalysedArticle, Quote
    text = "The 31-year-old pleaded guilty but said she had no criminal intent in bringing 2 cartridges."
    content = text.index("she had")
    quote = Quote(content, len(text) - 1, text[content:-1], "indirect", speaker=Mention(0, 15, text[:15]),
                  speaker_entity="e1")
    sentence = Mention(0, len(text), text)
    an = AnalysedArticle("a1", quotes=(quote,), facts=(Fact("e1", "age", "31", sentence),
                                                       Fact("e1", "count of cartridges", "two", sentence),
                                                       Fact("e1", "count of items", "2", sentence)))
    # the age beside the quote, a value not found in the sentence (the quote meets it), one inside it
    assert fact_sources(an) == (None, "e1", "e1")


@pytest.mark.parametrize("text, quoted, timex, value, source", [
    # the date a time expression beside the quote gives is the writer's, though the quote meets the sentence
    ("Voss, 61, pleaded guilty last month to 12 counts of manslaughter.", "to 12 counts of manslaughter",
     ("last month", "2024-05", "2024-05-01", "2024-05-31"), "2024-05", None),
    ("Voss was arrested on Friday, police said, and charged with arson.", "and charged with arson",
     ("Friday", "2024-03-08", "2024-03-08", "2024-03-08"), "2024-03-08", None),
    # inside the quote it is the speaker's
    ("\"I was arrested in March and held for a week,\" Doe said.", "I was arrested in March and held for a week,",
     ("March", "2024-03", "2024-03-01", "2024-03-31"), "2024-03", "e1"),
    # a value no time expression spells: the quote meeting the sentence still gives it
    ("Voss, 61, pleaded guilty last month to 12 counts of manslaughter.", "to 12 counts of manslaughter",
     ("last month", "2024-05", "2024-05-01", "2024-05-31"), "2023-01-02/2023-01-09", "e1"),
])
def test_a_date_value_is_found_by_its_time_expression(text, quoted, timex, value, source):
    from datetime import date
    from storyline.connect import fact_sources
    from storyline.records import AnalysedArticle, Quote, TimeExpression
    start = text.index(quoted)
    quote = Quote(start, start + len(quoted), quoted, "indirect", speaker=Mention(0, 4, text[:4]), speaker_entity="e1")
    words, tvalue, lo, hi = timex
    at = text.index(words)
    t = TimeExpression(at, at + len(words), words, "DATE", tvalue, date.fromisoformat(lo), date.fromisoformat(hi))
    an = AnalysedArticle("a1", time_expressions=(t,), quotes=(quote,),
                         facts=(Fact("e1", "date of plea", value, Mention(0, len(text), text)),))
    assert fact_sources(an) == (source,)


NEWS = "count of injured"


@pytest.mark.parametrize("stated,expected", [
    # injured 11 / 12 / 11 across three outlets: a conflict, with 11 backed by two
    ([("a1", NEWS, "11"), ("a2", NEWS, "Twelve"), ("a3", NEWS, "eleven")],
     [(NEWS, "11", "conflict"), (NEWS, "Twelve", "conflict")]),
    ([("a1", NEWS, "seven"), ("a2", NEWS, "8"), ("a3", NEWS, "Nine")],
     [(NEWS, "8", "conflict"), (NEWS, "Nine", "conflict"), (NEWS, "seven", "conflict")]),
    ([("a1", "count of dead", "at least 40"), ("a2", "count of dead", "42")],
     [("count of dead", "42", "agree"), ("count of dead", "at least 40", "agree")]),
    ([("a1", "years in office", "6 years"), ("a2", "years in office", "seven years")],
     [("years in office", "6 years", "conflict"), ("years in office", "seven years", "conflict")]),
    ([("a1", "in office since", "2019"), ("a2", "in office since", "2018")],
     [("in office since", "2018", "conflict"), ("in office since", "2019", "conflict")]),
    ([("a1", "share price change on 2025-03-10", "4.2% lower"),
      ("a2", "share price change on 2025-03-10", "4.2% lower")],
     [("share price change on 2025-03-10", "4.2% lower", "agree")]),
    ([("a1", "share price change on 2025-03-10", "4.2% lower"),
      ("a2", "share price change on 2025-03-10", "4.2% higher")],
     [("share price change on 2025-03-10", "4.2% higher", "conflict"),
      ("share price change on 2025-03-10", "4.2% lower", "conflict")]),
    # moves of different days are different facts
    ([("a1", "share price change on 2025-03-10", "4.2% lower"),
      ("a2", "share price change on 2025-03-24", "3.5% higher")],
     [("share price change on 2025-03-10", "4.2% lower", "single"),
      ("share price change on 2025-03-24", "3.5% higher", "single")]),
])
def test_news_verdicts(stated, expected):
    assert verdicts(*stated) == expected


def _day(d):
    from datetime import date
    from storyline.records import DateRange
    return DateRange(date(2025, 3, d), date(2025, 3, d), "test")


@pytest.mark.parametrize("stated,days,expected", [
    # a toll that rises in later reports is no disagreement ...
    ([("a1", "count of dead", "two"), ("a2", "count of dead", "5"), ("a3", "count of dead", "seven")],
     {"a1": 4, "a2": 5, "a3": 6},
     [("count of dead", "5", "single"), ("count of dead", "seven", "single"), ("count of dead", "two", "single")]),
    # ... one that falls later, or two counts of the same day, are
    ([("a1", "count of dead", "7"), ("a2", "count of dead", "5")], {"a1": 4, "a2": 5},
     [("count of dead", "5", "conflict"), ("count of dead", "7", "conflict")]),
    ([("a1", "count of injured", "11"), ("a2", "count of injured", "12")], {"a1": 4, "a2": 4},
     [("count of injured", "11", "conflict"), ("count of injured", "12", "conflict")]),
    # the earlier count backed by a second outlet agrees; the later one the same day as it conflicts
    ([("a1", "count of dead", "2"), ("a2", "count of dead", "two"), ("a3", "count of dead", "5"),
      ("a4", "count of dead", "4")], {"a1": 4, "a2": 4, "a3": 5, "a4": 5},
     [("count of dead", "2", "agree"), ("count of dead", "4", "conflict"), ("count of dead", "5", "conflict")]),
    # an undated report decides nothing: the conflict stands
    ([("a1", "count of dead", "2"), ("a2", "count of dead", "5")], {"a2": 5},
     [("count of dead", "2", "conflict"), ("count of dead", "5", "conflict")]),
    # a bound ("more than 40", "at least 41") agrees with the exact counts inside it, however they rise
    ([("a1", "count of dead", "more than 40"), ("a2", "count of dead", "at least 41"), ("a3", "count of dead", "43"),
      ("a4", "count of dead", "43"), ("a5", "count of dead", "47")], {"a1": 22, "a2": 22, "a3": 23, "a4": 24, "a5": 27},
     [("count of dead", "43", "agree"), ("count of dead", "47", "agree"), ("count of dead", "at least 41", "agree"),
      ("count of dead", "more than 40", "agree")]),
    # the missing are found: their count falls, or rises, from day to day without conflict; not the same day
    ([("a1", "count of missing", "17"), ("a2", "count of missing", "11"), ("a3", "count of missing", "7")],
     {"a1": 22, "a2": 23, "a3": 24},
     [("count of missing", "11", "single"), ("count of missing", "17", "single"), ("count of missing", "7", "single")]),
    ([("a1", "count of missing", "17"), ("a2", "count of missing", "11")], {"a1": 22, "a2": 22},
     [("count of missing", "11", "conflict"), ("count of missing", "17", "conflict")]),
    # only running totals rise: a sentence stated differently a day later is still a conflict
    ([("a1", "sentence", "9 years"), ("a2", "sentence", "10 years")], {"a1": 4, "a2": 5},
     [("sentence", "10 years", "conflict"), ("sentence", "9 years", "conflict")]),
], ids=["toll rises", "toll falls", "same day", "backed earlier count", "undated", "bounds then exact counts",
        "missing found", "missing same day", "not a running total"])
def test_a_running_total_rises_without_conflict(stated, days, expected):
    assert verdicts(*stated, published={aid: _day(d) for aid, d in days.items()}) == expected


@pytest.mark.parametrize("value,expected", [
    ("$4.2 billion", (4.2e9, 4.2e9, "$")),
    ("$4200 million", (4.2e9, 4.2e9, "$")),
    ("about $4.6 billion", (4.14e9, 5.06e9, "$")),
    ("more than £20 million", (2e7, float("inf"), "£")),
    ("NOK 310 per share", (310, 310, "nok per share")),
    ("310 crowns", (310, 310, "crowns")),
])
def test_sums_read_in_their_currency(value, expected):
    got = bounds(value)
    assert got[2] == expected[2] and got[:2] == pytest.approx(expected[:2])


@pytest.mark.parametrize("stated,expected", [
    ([("a1", "amount paid", "$4.2 billion"), ("a2", "amount paid", "$4200 million")],
     [("amount paid", "$4.2 billion", "agree"), ("amount paid", "$4200 million", "agree")]),
    ([("a1", "amount paid", "about $4.2 billion"), ("a2", "amount paid", "$4.1 billion")],
     [("amount paid", "$4.1 billion", "agree"), ("amount paid", "about $4.2 billion", "agree")]),
    ([("a1", "amount paid", "$4.2 billion"), ("a2", "amount paid", "$5 billion")],
     [("amount paid", "$4.2 billion", "conflict"), ("amount paid", "$5 billion", "conflict")]),
    # the same number in two currencies is two sums, and neither agrees nor conflicts
    ([("a1", "amount paid", "$4.2 billion"), ("a2", "amount paid", "€4.2 billion")],
     [("amount paid", "$4.2 billion", "single"), ("amount paid", "€4.2 billion", "single")]),
    ([("a1", "amount paid", "NOK 310 per share"), ("a2", "amount paid", "NOK 41 billion")],
     [("amount paid", "NOK 310 per share", "single"), ("amount paid", "NOK 41 billion", "single")]),
], ids=["scale", "approximate", "different sums", "two currencies", "per share vs total"])
def test_sum_verdicts(stated, expected):
    assert verdicts(*stated) == expected


def test_an_offer_raised_later_is_no_conflict_but_two_offers_the_same_day_are():
    from datetime import date
    from storyline.records import DateRange
    day = lambda d: DateRange(date(2025, 3, d), date(2025, 3, d))  # noqa: E731
    stated = [("a1", "amount offered", "$4.2 billion"), ("a2", "amount offered", "$4.6 billion")]
    assert {s for _, _, s in verdicts(*stated, published={"a1": day(3), "a2": day(10)})} == {"single"}
    assert {s for _, _, s in verdicts(*stated, published={"a1": day(3), "a2": day(3)})} == {"conflict"}


def test_two_values_one_article_states_are_a_change_it_reports():
    stated = [("a1", "count of dead", "45"), ("a1", "count of dead", "60"), ("a2", "count of dead", "45")]
    assert {s for _, _, s in verdicts(*stated)} <= {"single", "agree"}
    # ... while an article stating one value without the other still meets a conflict
    stated = [("a1", "count of dead", "45"), ("a2", "count of dead", "60")]
    assert {s for _, _, s in verdicts(*stated)} == {"conflict"}


@pytest.mark.parametrize("a,b,status", [
    ("2025-02-19", "2025-02", "agree"),                  # a day and the month that holds it
    ("2025-02-19", "2025-02-20", "conflict"),
    ("2025", "2025-03-04", "agree"),
    ("2022-04-21/2022-04-30", "2022-04-25", "agree"),
    ("2022-04-21/2022-04-30", "2022-05", "conflict"),
])
def test_dates_of_different_precision(a, b, status):
    assert {s for _, _, s in verdicts(("a1", "date of conviction", a), ("a2", "date of conviction", b))} == {status}


def test_agreement_is_between_outlets():
    stated = facts(("r1", "age", "53"), ("r2", "age", "53"))
    assert {f.status for f in compare(stated, outlets={"r1": "reuters", "r2": "reuters"})} == {"single"}
    assert {f.status for f in compare(stated, outlets={"r1": "reuters", "r2": "ap"})} == {"agree"}
    assert {f.status for f in compare(stated)} == {"agree"}              # outlets unknown: two articles


def test_a_toll_whose_order_is_not_known_is_no_conflict():
    from datetime import date
    from storyline.records import DateRange
    span = lambda a, b: DateRange(date(2025, 3, a), date(2025, 3, b))  # noqa: E731
    stated = [("a1", "count of dead", "27"), ("a2", "count of dead", "49")]
    # a2 came out some day from March 3 to 21: before or after a1's March 5 is not known
    assert {s for _, _, s in verdicts(*stated, published={"a1": span(5, 5), "a2": span(3, 21)})} == {"single"}
    # the same day, or the toll lower later, is a conflict
    assert {s for _, _, s in verdicts(*stated, published={"a1": span(5, 5), "a2": span(5, 5)})} == {"conflict"}
    assert {s for _, _, s in verdicts(*stated, published={"a1": span(9, 9), "a2": span(5, 5)})} == {"conflict"}


S = "stake in Halvorsen Maritime"


@pytest.mark.parametrize("stated,days,expected", [
    # two outlets giving one owner's stake in one company agree ...
    ([("a1", S, "22%"), ("a2", S, "22%")], {"a1": 3, "a2": 12}, [(S, "22%", "agree")]),
    ([("a1", S, "about 22%"), ("a2", S, "21.8%")], {"a1": 3, "a2": 3}, [(S, "21.8%", "agree"), (S, "about 22%", "agree")]),
    # ... two stakes the same day (or undated) conflict ...
    ([("a1", S, "22%"), ("a2", S, "25%")], {"a1": 12, "a2": 12}, [(S, "22%", "conflict"), (S, "25%", "conflict")]),
    ([("a1", S, "22%"), ("a2", S, "25%")], {}, [(S, "22%", "conflict"), (S, "25%", "conflict")]),
    # ... a stake that moves over time (raised, sold down) does not, up or down
    ([("a1", S, "22%"), ("a2", S, "25%"), ("a3", S, "19%")], {"a1": 3, "a2": 12, "a3": 20},
     [(S, "19%", "single"), (S, "22%", "single"), (S, "25%", "single")]),
    # stakes in two companies are never compared
    ([("a1", S, "22%"), ("a2", "stake in Kestrel Logistics", "5%")], {"a1": 3, "a2": 3},
     [(S, "22%", "single"), ("stake in Kestrel Logistics", "5%", "single")]),
], ids=["agree", "approximate", "same day", "undated", "moves over time", "two companies"])
def test_stake_verdicts(stated, days, expected):
    assert verdicts(*stated, published={aid: _day(d) for aid, d in days.items()}) == expected


@pytest.mark.parametrize("names,attribute", [
    # the company as the article names it -> as the story names it, so that two spellings compare
    ({"e2": "Halvorsen Maritime"}, "stake in Halvorsen Maritime"),
    # a company the story does not know, or a name no entity of the article has, stays as written
    ({}, "stake in Halvorsen"),
])
def test_a_stakes_company_is_named_as_the_story_names_it(names, attribute):
    from storyline.connect.facts import objects_named
    from storyline.records import AnalysedArticle, Entity
    an = AnalysedArticle("a1", entities=(Entity("e1", "Brekke family", "ORG", ()), Entity("e2", "Halvorsen", "ORG", ())),
                         facts=(Fact("e1", "stake in Halvorsen", "22%", Mention(0, 5, "text.")),
                                Fact("e1", "age", "52", Mention(0, 5, "text."))))
    got = objects_named(an, names.get)
    assert [f.attribute for f in got] == [attribute, "age"]


def test_stakes_of_one_owner_in_one_company_named_two_ways_agree():
    from datetime import date
    from storyline.connect import connect_story
    from storyline.records import AnalysedArticle, DateRange, Entity
    def said(aid, company, value):
        text = f"The Brekke family owns {value} of {company}."
        owner = Entity("e1", "Brekke family", "ORG", (Mention(4, 17, "Brekke family"),))
        firm = Entity("e2", company, "ORG", (Mention(text.index(company), text.index(company) + len(company), company),))
        return AnalysedArticle(aid, entities=(owner, firm), facts=(
            Fact("e1", f"stake in {company}", value, Mention(0, len(text), text)),))
    read = [said("a1", "Halvorsen Maritime", "22%"), said("a2", "Halvorsen Maritime", "22%"),
            said("a3", "Halvorsen", "22%")]
    day = DateRange(date(2025, 3, 12), date(2025, 3, 12))
    got = connect_story(read, published={a.article_id: day for a in read},
                        outlets={"a1": "Reuters", "a2": "AFP", "a3": "AP"}).facts
    assert [(f.attribute, f.value, f.status, len(f.evidence)) for f in got] == [
        ("stake in Halvorsen Maritime", "22%", "agree", 3)]
