"""Bylines: the people of a byline without what describes them ("By NAME, ROLE"), read the same from a page's
byline element, a byline given with the input and a "By ..." line on top of the text (clean/bylines.py)."""
from __future__ import annotations

import pytest

from storyline.clean.bylines import byline_line, byline_outlet, split_byline
from storyline.clean.html import extract_html
from storyline.clean.text import clean_lines

# (byline, the people in it): what follows a name after a comma is a job, a desk, the outlet or a city
BY_NAME_ROLE = [
    ("By Theo Leggett, Business correspondent", ["Theo Leggett"]),
    ("By Jane Doe, Health and science reporter", ["Jane Doe"]),          # "and" inside the job
    ("By Jane Doe, Economics and Business Editor", ["Jane Doe"]),
    ("By Sophie Long, BBC News, Los Angeles", ["Sophie Long"]),          # the outlet, then its city
    ("By Jane Doe, BBC Verify", ["Jane Doe"]),                           # a desk of the outlet
    ("By Jane Doe, Technology reporter, San Francisco", ["Jane Doe"]),
    ("By Jane Doe, Washington", ["Jane Doe"]),                           # one word after a name: a city
    ("By Jane Doe, Kyiv and John Roe, Moscow", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, in Kyiv", ["Jane Doe"]),
    ("By Lisa Lucas, The Harbour Gazette", ["Lisa Lucas"]),
    ("Jane Doe, Political Reporter, and John Roe, Staff Writer", ["Jane Doe", "John Roe"]),
    ("By Jane Doe and John Roe, Political reporters", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, John Roe, Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
    ("By María García y José López", ["María García", "José López"]),
    ("By Theresa May", ["Theresa May"]),
]


@pytest.mark.parametrize("raw, people", BY_NAME_ROLE)
def test_the_role_after_a_name_is_no_person(raw, people):
    assert split_byline(raw, site_name="BBC News") == people


@pytest.mark.parametrize("line, people", [
    ("By Theo Leggett, Business correspondent", ["Theo Leggett"]),
    ("By Jane Doe | Reuters", ["Jane Doe"]),
    ("By Jane Doe, 5 March 2026", ["Jane Doe"]),
    ("By Reuters Staff", []),                                            # a byline, but no person
    ("By the Associated Press", []),
    ("By Tuesday, officials had counted the votes.", None),              # sentences that start with "By"
    ("By Tuesday, officials had counted the votes", None),
    ("By then, the talks had collapsed", None),
    ("By 2030 the plant will close", None),
    ("By Monday evening the storm had passed", None),
    ("By continuing you agree to our terms", None),
    ("The minister, Jane Doe, said so", None),
])
def test_a_byline_line(line, people):
    assert byline_line(line) == people


BODY = ("<p>A major carmaker has warned that thousands of jobs could be lost across its European factories "
        "after sales fell sharply in the first months of the year.</p><p>The company said demand for electric "
        "vehicles had been weaker than expected, while competition from cheaper imports had grown.</p>"
        "<p>Unions said they would fight any compulsory redundancies and called for urgent talks.</p>")


@pytest.mark.parametrize("article, byline", [
    # a byline element
    ('<h1>Carmaker warns of job cuts as sales slump</h1><div class="byline">By Theo Leggett, Business '
     f"correspondent</div>{BODY}", ("Theo Leggett",)),
    # the first line of the body, not marked up as a byline
    (f"<h1>Carmaker warns of job cuts as sales slump</h1><p>By Theo Leggett, Business correspondent</p>{BODY}",
    ("Theo Leggett",)),
    (f"<h1>Carmaker warns of job cuts as sales slump</h1><p>By Jane Doe and John Roe, BBC News</p>{BODY}",
     ("Jane Doe", "John Roe")),
    (f"<h1>Carmaker warns of job cuts as sales slump</h1><p>By Tuesday, the talks had failed.</p>{BODY}", ()),
])
def test_a_pages_by_name_role_line_gives_its_byline(article, byline):
    page = extract_html(f'<html><head><meta property="og:site_name" content="BBC News"></head><body><article>'
                        f"{article}</article></body></html>")
    assert page.byline == byline and "Business correspondent" not in page.text


@pytest.mark.parametrize("text, byline", [
    ("Carmaker warns of job cuts\n\nBy Theo Leggett, Business correspondent\n\nThe company said so.",
     ["Theo Leggett"]),
    ("Carmaker warns of job cuts\n\nBy Jane Doe, Associated Press\n\nThe company said so.", ["Jane Doe"]),
    ("By Tuesday, the talks had failed.\n\nThe company said so.", []),
])
def test_a_texts_by_name_role_line_gives_its_byline(text, byline):
    cleaned = clean_lines(text)
    assert cleaned.byline == byline and "By Theo" not in cleaned.text


@pytest.mark.parametrize("line, outlet", [
    ("By Carlos Mendez, The Texas Tribune", "The Texas Tribune"),
    ("By Jane Doe | Reuters", "Reuters"),
    ("By Jane Doe, Associated Press", "AP"),
    ("By Jane Doe, Houston Chronicle", "Houston Chronicle"),
    ("By Jane Doe, Staff Writer, The Texas Tribune", "The Texas Tribune"),
    ("By Sophie Long, BBC News, Los Angeles", "BBC News"),
    ("By Jane Doe, Los Angeles", None),
    ("By Jane Doe, The Hague", None),
    ("By Theo Leggett, Business correspondent", None),
    ("By Jane Doe and John Roe", None),
])
def test_a_byline_may_name_its_outlet(line, outlet):
    assert byline_outlet(line) == outlet
