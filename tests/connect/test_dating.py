"""Stage-4 dating: the year a story gives to an undated article's yearless dates, and the events they date."""
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from storyline.connect import connect
from storyline.connect.dating import corpus_year, date_articles, redate_events, redate_times, redated, with_corpus_year
from storyline.records import (AnalysedArticle, Article, ArticleDate, DateRange, Event, Mention, TimeExpression,
                               story_year_ends)
from storyline.timex import tag

UNDATED = ("She was arrested at an airport in February. Fans criticised her five-month detention. "
           "A verdict is expected on August 5.")
DAY = DateRange(date(2022, 12, 20), date(2022, 12, 20), "date in the URL")


def article(aid, text, published=None, duplicate_of=None):
    return Article(aid, aid + ".txt", text, "h" + aid, published=published, duplicate_of=duplicate_of)


# (text, years of the story's dated articles, year chosen, interval): the one year of the story under which the text
# closes an interval (a lower and an upper bound); none when no year or several do
YEARS = [
    (UNDATED, Counter({2022: 2}), 2022, (date(2022, 7, 1), date(2022, 8, 4))),
    (UNDATED, Counter({2021: 1, 2022: 3}), None, None),                           # both years fit: no guess
    (UNDATED + " The trial opened on July 1, 2022.", Counter({2021: 1, 2022: 3}), 2022,
     (date(2022, 7, 1), date(2022, 8, 4))),                                       # a written year rules 2021 out
    ("The rally was held in March.", Counter({2022: 2}), None, None),            # an open interval: no year
    ("Nothing here says when anything happened.", Counter({2022: 2}), None, None),
    (UNDATED, Counter(), None, None),                                             # no dated article to draw on
    # a past day after the scheduled one contradicts under every year
    ("The hearing was held on September 9. A verdict is expected on August 5.", Counter({2022: 1}), None, None),
]


@pytest.mark.parametrize("text,years,year,span", YEARS)
def test_the_year_is_the_first_of_the_story_under_which_the_text_closes_an_interval(text, years, year, span):
    assert corpus_year(text, [], years) == year
    got = with_corpus_year(text, [], years)
    assert (got.earliest, got.latest) == span if span else got is None
    if got:
        assert f"year {year} from" in got.reason


def test_only_undated_originals_in_a_story_with_dated_articles_are_dated():
    articles = [article("a1", "Officials spoke.", DAY), article("a2", UNDATED), article("a3", UNDATED),
                article("a4", UNDATED, duplicate_of="a2"), article("a5", UNDATED, DAY)]
    story_of = {"a1": "s1", "a2": "s1", "a4": "s1", "a5": "s1"}           # a3 is in no story
    dates = date_articles(articles, story_of)
    assert [d.article_id for d in dates] == ["a2"]
    assert (dates[0].published.earliest, dates[0].published.latest) == (date(2022, 7, 1), date(2022, 8, 4))
    assert date_articles(articles, {"a2": "s1", "a3": "s2"}) == ()       # no dated article in their stories


def event(start, end, modality="expected", time=None, kind="verdict"):
    return Event(kind, Mention(start + 2, start + 9, "verdict"), Mention(start, end, UNDATED[start:end]),
                 (("patient", "e1"),), None, time, modality)


def times(*spans):
    return tuple(TimeExpression(s, e, UNDATED[s:e], "DATE", v) for s, e, v in spans)


AUG = UNDATED.index("August 5")
FEB = UNDATED.index("February")
SENTENCE = UNDATED.index("A verdict")
P = DateRange(date(2022, 7, 1), date(2022, 8, 4), "implied")
# (event, the article's time expressions, its new publication interval, the event's interval after)
REDATED = [
    (event(SENTENCE, len(UNDATED)), times((AUG, AUG + 8, "XXXX-08-05")), P, (date(2022, 8, 5), date(2022, 8, 5))),
    # expected in a month already begun: the same year, not the next
    (event(SENTENCE, len(UNDATED)), times((AUG, AUG + 8, "XXXX-07")), P, (date(2022, 7, 1), date(2022, 7, 31))),
    # a past report takes the last such date on or before the interval's end
    (event(0, 44, "actual", kind="arrest"), times((FEB, FEB + 8, "XXXX-02")), P, (date(2022, 2, 1), date(2022, 2, 28))),
    (event(0, 44, "actual", kind="arrest"), times((FEB, FEB + 8, "XXXX-09")), P, (date(2021, 9, 1), date(2021, 9, 30))),
    # an event already dated, a sentence with no yearless date or two dates, an interval too wide: unchanged
    (event(SENTENCE, len(UNDATED), time=DAY), times((AUG, AUG + 8, "XXXX-08-05")), P, (DAY.earliest, DAY.latest)),
    (event(SENTENCE, len(UNDATED)), times((FEB, FEB + 8, "XXXX-02")), P, None),
    (event(SENTENCE, len(UNDATED)), times((AUG, AUG + 8, "XXXX-08-05"), (AUG + 1, AUG + 2, "XXXX-08")), P, None),
    (event(SENTENCE, len(UNDATED)), times((AUG, AUG + 8, "XXXX-08-05")),
     DateRange(date(2021, 1, 1), date(2022, 8, 4)), None),
]


@pytest.mark.parametrize("ev,tx,published,span", REDATED)
def test_undated_events_take_the_year_their_modality_puts_beside_the_new_interval(ev, tx, published, span):
    got = redate_events(AnalysedArticle("a2", time_expressions=tx, events=(ev,)), published).events[0]
    assert ((got.time.earliest, got.time.latest) if got.time else None) == span


def test_connect_returns_the_dates_and_dates_the_events_with_them():
    articles = [article("a1", "Officials spoke.", DAY), article("a2", UNDATED)]
    reading = AnalysedArticle("a2", time_expressions=times((AUG, AUG + 8, "XXXX-08-05")),
                              events=(event(SENTENCE, len(UNDATED)),))
    out = connect(articles, {"a2": reading}, {"a1": "s1", "a2": "s1"})
    assert [(d.article_id, d.published.latest) for d in out.dates] == [("a2", date(2022, 8, 4))]
    assert [(v.type, v.time and v.time.earliest) for v in out.events] == [("verdict", date(2022, 8, 5))]


def days(first, last=None):
    return DateRange(date.fromisoformat(first), date.fromisoformat(last or first), "stage 4")


# (text, the article's stage-4 interval, (expression, value) of those the interval values; the others keep their
# XXXX values): each is valued as the TIMEX3 tagger values it under every day the interval allows, and changed only
# where all those days agree; the tense of its clause puts a yearless date before or after the publication
TIMES = [
    ("She was arrested at an airport in February.", P, [("February", "2022-02")]),           # past: before
    ("A verdict is expected on August 5.", P, [("August 5", "2022-08-05")]),                 # expected: after
    ("The hearing was held on March 3.", P, [("March 3", "2022-03-03")]),
    ("She was arrested in September.", P, [("September", "2021-09")]),                       # the last September past
    ("The talks will resume in January.", P, [("January", "2023-01")]),                      # the next January
    ("He left in late March.", P, [("late March", "2022-03")]),
    # relative to the publication day: a day names it (as does an interval of two days, as stage 3 reads one)
    ("She was detained on Friday, and last month she appealed. Yesterday she spoke.", days("2022-07-06"),
     [("Friday", "2022-07-01"), ("last month", "2022-06"), ("Yesterday", "2022-07-05")]),
    ("Yesterday she spoke.", days("2022-07-06", "2022-07-07"), [("Yesterday", "2022-07-05")]),
    # ... a longer interval names no one day: unchanged
    ("She was detained on Friday. Yesterday she spoke.", P, []),
    # the interval's days read an untensed month in two years (December 2021 from March, 2022 from October): no guess
    ("The plant closes in December.", days("2022-03-01", "2022-10-31"), []),
    # an interval over a year long, or open: unchanged
    ("She was arrested in February.", days("2021-07-01", "2022-08-04"), []),
    ("She was arrested in February.", DateRange(date(2022, 7, 1), None), []),
    ("She was arrested in February 2021.", P, []),                                          # a year written out
]


@pytest.mark.parametrize("text,published,expected", TIMES)
def test_yearless_time_expressions_take_the_value_every_day_of_the_new_interval_gives(text, published, expected):
    stored = tuple(tag(text, None))
    got = redate_times(article("a2", text), stored, published)
    assert [(t.text, t.value) for t in got] == expected
    spans = {(t.start, t.end): t for t in stored}
    for t in got:                                           # only the value and its interval change
        assert (t.text, t.type, t.mod) == (spans[(t.start, t.end)].text, spans[(t.start, t.end)].type,
                                           spans[(t.start, t.end)].mod)
        assert (t.earliest, t.latest) != (None, None)
    if published.exact:                                     # a day: what stage 3 gives an article dated so
        assert set(got) <= set(tag(text, published.earliest))


def test_date_articles_carry_the_valued_expressions_and_redated_puts_them_in_the_analysis():
    articles = [article("a1", "Officials spoke.", DAY), article("a2", UNDATED)]
    reading = AnalysedArticle("a2", time_expressions=tuple(tag(UNDATED, None)), events=(event(SENTENCE, len(UNDATED)),))
    (dated,) = date_articles(articles, {"a1": "s1", "a2": "s1"}, analyses={"a2": reading})
    assert [(t.text, t.value) for t in dated.times] == [("February", "2022-02"), ("August 5", "2022-08-05")]
    assert date_articles(articles, {"a1": "s1", "a2": "s1"})[0] == ArticleDate("a2", dated.published)  # no analyses
    (after,) = redated([reading], [dated])
    assert [t.value for t in after.time_expressions] == ["2022-02", "P5M", "2022-08-05"]
    assert after.events[0].time.earliest == date(2022, 8, 5)              # events dated as before
    out = connect(articles, {"a2": reading}, {"a1": "s1", "a2": "s1"})
    assert out.dates == (dated,)


WIRE = ("Corvane boss quits (UPDATE 2)\n\nLONDON, March 4 (Reuters) - Corvane Telecom boss Martin Ashby quit on "
        "Tuesday. Ashby, 53, who had led the company since 2019, said he was stepping down.")
SINCE = DateRange(date(2019, 1, 1), None, "implied by the text (after: '2019' is reported as past)")
D25 = DateRange(date(2025, 2, 11), date(2025, 2, 11), "'published' given with the input")
D24 = DateRange(date(2024, 5, 2), date(2024, 5, 2), "'published' given with the input")


# (the wire article's stage-2 interval, the dated articles of its story, its stage-4 interval): a yearless wire
# dateline is the publication day in the story's one year, within (never beyond) what the clean stage found
WIRE_CASES = [
    (SINCE, [D25], (date(2025, 3, 4), date(2025, 3, 4))),            # open at one end: narrowed to the day
    (None, [D25, D25], (date(2025, 3, 4), date(2025, 3, 4))),        # undated
    (SINCE, [], None),                                               # no story year: as stage 2 left it
    (SINCE, [D24, D25], None),                                       # two years fit: no guess
    (DateRange(date(2025, 3, 10), None, "after"), [D25], None),      # the day contradicts stage 2: left alone
    (DateRange(date(2025, 1, 1), date(2025, 12, 31), "closed"), [D25], None),   # a closed interval is stage 2's
    # the story's other article known only after 2019-01-01 gives no year
    (SINCE, [DateRange(date(2025, 1, 1), None, "after")], None),
]


@pytest.mark.parametrize("own,others,span", WIRE_CASES)
def test_a_yearless_wire_dateline_dates_its_copy_with_the_storys_year(own, others, span):
    articles = [article(f"d{n}", "Officials spoke.", p) for n, p in enumerate(others)] + [article("w", WIRE, own)]
    dates = date_articles(articles, {a.id: "s1" for a in articles})
    got = [(d.published.earliest, d.published.latest) for d in dates if d.article_id == "w"]
    assert got == ([span] if span else [])


def test_end_to_end_the_wire_copy_takes_the_day_and_its_weekday_and_said_are_that_day():
    said = WIRE.index("said")
    reading = AnalysedArticle("w", time_expressions=tuple(tag(WIRE, None)), events=(
        Event("statement", Mention(said, said + 4, "said"), Mention(0, len(WIRE), WIRE), (), None,
              DateRange(SINCE.earliest, None, "reported as news of the article"), "actual"),))
    articles = [article("d1", "Officials spoke.", D25), article("w", WIRE, SINCE)]
    out = connect(articles, {"w": reading}, {"d1": "s1", "w": "s1"})
    (dated,) = out.dates
    assert (dated.published.earliest, dated.published.latest) == (date(2025, 3, 4), date(2025, 3, 4))
    assert "dateline 'LONDON, March 4 (Reuters) -'" in dated.published.reason and "year 2025" in dated.published.reason
    assert {(t.text, t.value) for t in dated.times} >= {("March 4", "2025-03-04"), ("Tuesday", "2025-03-04")}
    assert [(v.time.earliest, v.time.latest) for v in out.events] == [(date(2025, 3, 4), date(2025, 3, 4))]


def test_events_stage_3_dated_by_an_expression_under_a_loose_bound_are_dated_again_by_its_new_value():
    """Read under "after 1989-01-01" (from "the first strike since 1989"), "began a strike on Sunday" was dated
    within a week of 1989's first day; once the story dates the article 2022-08-21, Sunday is that day."""
    from storyline.connect.dating import retime_events
    text = "Dockers began an eight-day strike on Sunday. It is the first strike at the port since 1989."
    sunday = TimeExpression(37, 43, "Sunday", "DATE", "XXXX-WXX-7")
    old = DateRange(date(1988, 12, 26), None, "time expression 'Sunday', within a week of the publication")
    ev = Event("strike", Mention(14, 20, "strike"), Mention(0, 44, text[:44]), time=old)
    said = Event("statement", Mention(0, 2, "It"), Mention(45, len(text), text[45:]), time=old)   # other sentence
    new = replace(sunday, value="2022-08-21", earliest=date(2022, 8, 21), latest=date(2022, 8, 21))
    dated = ArticleDate("a1", DateRange(date(2022, 8, 21), date(2022, 8, 21), "story"), (new,))
    got = retime_events(AnalysedArticle("a1", time_expressions=(sunday,), events=(ev, said)), dated).events
    assert (got[0].time.earliest, got[0].time.latest) == (date(2022, 8, 21), date(2022, 8, 21))
    assert got[1] == said


IN_YEAR = "The sample was collected in Madrid on April 14. The federation said it would not comment."
D26 = DateRange(date(2026, 9, 15), date(2026, 9, 15), "'published' given with the input")


# (the undated article's text, the dated articles of its story, its stage-4 interval, the ends only the story's
# year sets): an article the clean stage leaves undated is placed in the one year of its story's dated articles,
# within what its text implies under that year; its text contradicting that year, or several years, leave it alone
IN_STORY_YEAR = [
    (IN_YEAR, [D26, D26], (date(2026, 4, 14), date(2026, 12, 31)), (False, True)),     # past: from that day on
    ("A verdict is expected on August 5.", [D26], (date(2026, 1, 1), date(2026, 8, 4)), (True, False)),
    ("Officials spoke.", [D26], (date(2026, 1, 1), date(2026, 12, 31)), (True, True)),  # no date: the year
    (UNDATED, [D26], (date(2026, 7, 1), date(2026, 8, 4)), (False, False)),            # closed: as before
    (IN_YEAR, [D26, D24], None, None),                                                  # two years: no guess
    ("She was arrested in March 2027.", [D26], None, None),                              # its text says later
    ("The hearing was held on September 9. A verdict is expected on August 5.", [D26], None, None),
    ("She was arrested in October. Fans criticised her five-month detention.", [D26], None, None),  # the next year
]


@pytest.mark.parametrize("text,others,span,year_only", IN_STORY_YEAR)
def test_an_undated_article_takes_the_one_year_of_its_storys_dated_articles(text, others, span, year_only):
    articles = [article(f"d{n}", "Officials spoke.", p) for n, p in enumerate(others)] + [article("u", text)]
    dates = [d.published for d in date_articles(articles, {a.id: "s1" for a in articles}) if d.article_id == "u"]
    assert [(d.earliest, d.latest) for d in dates] == ([span] if span else [])
    if span:
        assert story_year_ends(dates[0].reason) == year_only
        assert dates[0].evidence == tuple(None if only else end for end, only in zip(span, year_only))


def test_an_article_bounded_at_one_end_keeps_its_other_end_open_and_its_yearless_dates_take_the_year():
    one_end = DateRange(date(2026, 5, 1), None, "implied by the text")
    assert date_articles([article("d", "Officials spoke.", D26), article("u", "Officials spoke.", one_end)],
                         {"d": "s1", "u": "s1"}) == ()
    articles = [article("d", "Officials spoke.", D26), article("u", IN_YEAR)]
    reading = AnalysedArticle("u", time_expressions=tuple(tag(IN_YEAR, None)))
    (dated,) = date_articles(articles, {"d": "s1", "u": "s1"}, analyses={"u": reading})
    assert [(t.text, t.value) for t in dated.times] == [("April 14", "2026-04-14")]
