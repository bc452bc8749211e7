"""A date a page shows on top of its text ('5 March 2026', 'Published: 5 March 2026'), with nothing marked up for
machines, is its publication date (page_dates.date_line, html.top_dates, text.clean_lines, stage._published);
an open-ended "since 2020" in the text only bounds an article without one from below."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.clean.page_dates import date_line
from storyline.clean.stage import clean
from storyline.clean.text import clean_lines
from storyline.records import RawDoc


@pytest.mark.parametrize("line, shown", [
    ("5 March 2026", "5 March 2026"),
    ("Thursday, 5 March 2026", "Thursday, 5 March 2026"),
    ("March 5, 2026", "March 5, 2026"),
    ("Published: 5 March 2026", "5 March 2026"),
    ("First published on Thu 5 Mar 2026", "Thu 5 Mar 2026"),
    ("**Published: 5 March 2026**", "5 March 2026"),     # Markdown emphasis around the line, read as text
    ("_5 March 2026_", "5 March 2026"),
    ("Updated: 6 March 2026", None),                     # an update's date is no publication date
    ("March 2026", None),                                # no day
    ("5 March", None),                                   # no year
    ("The bridge has carried more traffic every year since 2020.", None),
    ("Harbour bridge to close for repairs", None),
])
def test_a_line_that_shows_a_date_alone(line, shown):
    assert date_line(line) == shown


BODY = ("<p>The harbour bridge will close to cars for six months from next week, the city council said on Thursday,"
        " after engineers found cracks in two of its supports.</p><p>The bridge has carried more traffic every year"
        " since 2020, when the new ring road opened, and the council has spent two million pounds on repairs.</p>"
        "<p>Residents of the hill district said the closure would double their journey times.</p>")


def page(top: str) -> RawDoc:
    html = (f'<html lang="en"><head><title>Harbour bridge to close</title></head><body><main><article>'
            f"<h1>Harbour bridge to close for repairs</h1>{top}{BODY}</article></main></body></html>")
    return RawDoc("p.html", "html", html.encode(), {"path": "p.html"}, "utf-8", html)


@pytest.mark.parametrize("top, day", [
    ("<p>5 March 2026</p>", date(2026, 3, 5)),
    ("<p>Thursday, 5 March 2026</p>", date(2026, 3, 5)),         # four words: no standfirst either
    ("<p>Published: 5 March 2026</p>", date(2026, 3, 5)),        # a time stamp's label
    ("<p>By Jane Doe</p><p>5 March 2026</p>", date(2026, 3, 5)),
])
def test_a_date_shown_on_top_of_a_page_is_its_publication_date(top, day):
    article = clean(page(top))
    assert (article.published.earliest, article.published.latest) == (day, day)
    assert "5 March 2026" not in article.text and "since 2020" in article.text


def test_without_a_shown_date_since_2020_only_bounds_the_article_from_below():
    """Published on or after 2020-01-01, no later end: a bound, which no story span takes (store.readonly.spanned)."""
    article = clean(page(""))
    assert (article.published.earliest, article.published.latest) == (date(2020, 1, 1), None)


@pytest.mark.parametrize("text, title, top", [
    ("5 March 2026\n\nHarbour bridge to close for repairs\n\nThe council said so on Thursday.",
     "Harbour bridge to close for repairs", ["5 March 2026"]),
    ("Harbour bridge to close for repairs\n\nPublished: 5 March 2026\n\nThe council said so on Thursday.",
     "Harbour bridge to close for repairs", ["5 March 2026"]),
])
def test_a_texts_date_line_is_no_title(text, title, top):
    cleaned = clean_lines(text)
    assert (cleaned.title, cleaned.top_lines) == (title, top)


@pytest.mark.parametrize("stamp", ["Updated: 6 March 2025", "Last updated 6 March 2025 at 14:05"])
def test_an_update_line_on_top_of_a_text_bounds_its_publication_from_above(stamp):
    """Not the publication day (the text was published before it was updated), but no later."""
    text = ("Plant restarts units\n" + stamp + "\n\nVelmar Chemie said on Tuesday it had restarted four production "
            "units at its chemical site in Marl that were shut down after an explosion last week.\n")
    article = clean(RawDoc("a.txt", "text", text.encode(), {"path": "a.txt"}, "utf-8", text))
    assert (article.published.earliest, article.published.latest) == (None, date(2025, 3, 6))
