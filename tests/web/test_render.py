"""Links, article highlighting and the timeline chart: tables of small inputs and the expected output."""
from datetime import date

import pytest
from markupsafe import Markup

from storyline.records import DateRange
from storyline.web.chart import Row, day, layout
from storyline.web.highlight import MENTION, QUOTE, SENTENCE, TARGET, Mark, render
from storyline.web.links import DossierLinks, WebLinks, outside_url
from storyline.web.render import bare_quote, coarse, when


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1&c=2", True),
    ("http://example.org", True),
    ("HTTPS://EXAMPLE.ORG/x", True),
    ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("javascript\x00:alert(1)", False),
    ("data:text/html;base64,PHNjcmlwdD4=", False),
    ("vbscript:msgbox(1)", False),
    ("&#106;avascript:alert(1)", False),
    ("//evil.example/x", False),                 # scheme-relative: not plainly http(s)
    ("http:\\\\evil.example", False),
    ("https://", False),
    ("http://[::1", False),                      # unparsable
    ("", False),
    (None, False),
])
def test_only_plain_http_urls_become_links(url, linked):
    assert outside_url(url) == (url if linked else None)


@pytest.mark.parametrize("call, address", [
    (lambda l: l.story("s1"), "/stories/s1"),
    (lambda l: l.entity("person:jane-doe"), "/entities/person%3Ajane-doe"),
    (lambda l: l.entity(None), None),
    (lambda l: l.article("a/b?<x>"), "/articles/a%2Fb%3F%3Cx%3E"),
    (lambda l: l.article("a1", 3, 9), "/articles/a1?span=3-9#c3-9"),
    (lambda l: l.article("javascript:alert(1)"), "/articles/javascript%3Aalert%281%29"),
])
def test_web_links_keep_every_id_inside_one_path_segment(call, address):
    assert call(WebLinks()) == address


def test_dossier_links_stay_in_the_file():
    links = DossierLinks("s1")
    assert (links.story("s 2"), links.entity("person:x"), links.article("a1", 3, 9)) == ("#story-s%202", None,
                                                                                          "#src-s1-a1")


def mark(start, end, priority, name):
    return Mark(start, end, priority, Markup(f"<{name}>"), Markup(f"</{name}>"))


@pytest.mark.parametrize("text, marks, html", [
    ("plain <b>text</b>", [], "plain &lt;b&gt;text&lt;/b&gt;"),
    ("Jane said hi", [mark(0, 4, MENTION, "a")], "<a>Jane</a> said hi"),
    ("Jane said hi", [mark(0, 12, SENTENCE, "s"), mark(0, 4, MENTION, "a"), mark(10, 12, QUOTE, "q")],
     "<s><a>Jane</a> said <q>hi</q></s>"),
    ("abcdef", [mark(0, 4, QUOTE, "q"), mark(2, 6, MENTION, "a")], "<q>abcd</q>ef"),   # crossing: the weaker goes
    ("abcdef", [mark(2, 6, TARGET, "t"), mark(0, 4, QUOTE, "q")], "ab<t>cdef</t>"),
    ("abc", [mark(0, 3, QUOTE, "q"), mark(0, 3, TARGET, "t")], "<t><q>abc</q></t>"),     # same span: nested
    ("abc", [mark(2, 9, MENTION, "a"), mark(-1, 2, MENTION, "b"), mark(2, 2, MENTION, "c")], "abc"),  # outside
    ("<x>&y", [mark(0, 3, MENTION, "a")], "<a>&lt;x&gt;</a>&amp;y"),
])
def test_highlighting_nests_marks_and_escapes_every_character(text, marks, html):
    assert str(render(text, marks)) == html


@pytest.mark.parametrize("text, parsed", [
    ("2022-12-09", date(2022, 12, 9)), ("2022-12", date(2022, 12, 1)), ("2022", date(2022, 1, 1)),
    ("2022-13", None), ("XXXX-08-05", None), ("", None), ("PRESENT_REF", None),
])
def test_timeline_dates_of_any_granularity(text, parsed):
    assert day(text) == parsed


@pytest.mark.parametrize("span, text", [
    (DateRange(date(2022, 2, 1), date(2022, 2, 28)), "2022-02"),
    (DateRange(date(2024, 2, 1), date(2024, 2, 29)), "2024-02"),
    (DateRange(date(1999, 1, 1), date(1999, 12, 31)), "1999"),
    (DateRange(date(2022, 12, 9), date(2022, 12, 9)), "2022-12-09"),
    (DateRange(date(2022, 12, 6), date(2022, 12, 10)), "2022-12-06"),
    (DateRange(date(2022, 12, 6), None), "2022-12-06"),
])
def test_event_intervals_are_shown_at_their_granularity(span, text):
    assert coarse(span) == text


@pytest.mark.parametrize("value, text", [
    ({"earliest": "2022-07-01", "latest": "2022-08-04"}, "2022-07-01 .. 2022-08-04"),
    ({"earliest": "2022-07-01", "latest": "2022-07-01"}, "2022-07-01"), (None, "undated"),
    (date(2022, 1, 2), "2022-01-02"), (DateRange(None, date(2022, 1, 2)), "? .. 2022-01-02"),
])
def test_when(value, text):
    assert when(value) == text


def test_chart_puts_dots_in_date_order_without_overlap():
    rows = [Row(d, f"t{i}", "a", 0, 1, s) for i, (d, s) in enumerate(
        [("2022-12-09", 1.0), ("2022-12-09", 0.2), ("2022-01", 0.5), ("2022-12-10", 0.0), ("undated", 1.0)])]
    chart = layout(rows)
    dots = chart["dots"]
    assert [d.row.text for d in dots] == ["t2", "t0", "t1", "t3"] and [d.number for d in dots] == [1, 2, 3, 4]
    assert dots[0].x < dots[1].x == dots[2].x
    for a in dots:
        for b in dots:
            if a is not b and a.y == b.y:
                assert abs(a.x - b.x) >= a.r + b.r        # same lane: apart
    assert chart["ticks"][0][1] == "Jan 2022" and chart["height"] > 0
    assert layout([Row("undated", "x", "a", 0, 1, 1.0)])["dots"] == []


def test_a_long_stored_timeline_shows_its_best_scored_dates_in_date_order():
    from storyline.records import TimelineEntry
    from storyline.web.render import MAX_EVENT_ROWS, timeline_rows
    days = [date.fromordinal(date(2020, 1, 1).toordinal() + k).isoformat() for k in range(MAX_EVENT_ROWS + 10)]
    entries = [TimelineEntry(date=d, text=f"Entry {k}.", article_id="a1", start=0, end=5, score=k / 1000)
               for k, d in enumerate(days)]
    rows, source = timeline_rows({"timeline": tuple(reversed(entries))})
    assert source == "timeline" and [r.date for r in rows] == days[10:]


@pytest.mark.parametrize("text, shown", [
    ('"We will win,"', "We will win"),
    ("\u201cWe will win,\u201d", "We will win"),
    # a quote split around its speaker: its pieces, not two quotations inside one
    ('"We are still searching," "I fear that number will rise."', "We are still searching … I fear that number will rise."),
    ('\u201cOur hearts are with the families,\u201d \u201cand we will do everything we can.\u201d',
     "Our hearts are with the families … and we will do everything we can."),
    ('"Is it over?" "No."', "Is it over? … No."),
    # not quoted pieces alone: as written
    ('a "fair" deal', 'a "fair" deal'),
    ('the fire "the darkest day"', 'the fire "the darkest day"'),
    ("the company was cooperating", "the company was cooperating"),
    ('"open only', '"open only'),
    ("", ""),
    (None, ""),
])
def test_a_quote_is_shown_in_one_pair_of_quotation_marks(text, shown):
    assert bare_quote(text) == shown
