"""Datelines and staff credits as `clean.credits` finds them in a text (stages 3 and 4 use these too)."""
from __future__ import annotations

import pytest

from storyline.clean.credits import dateline_credit, dateline_end, dateline_span, staff_credits

BODY = "Japan raced to avert a catastrophe, an official told (Reuters) - later."


@pytest.mark.parametrize("top, end", [
    ("MOSCOW (Reuters) - ", 18),
    ("TOKYO | Tue Mar 15, 2011 11:40 pm GMT TOKYO (Reuters) - ", 55),
    ("WASHINGTON, Dec 20 (AP) \u2014 ", 25),
    ("WASHINGTON (AP) \u2014 ", 17),
    ("Nov. 11 (Bloomberg) -- ", 22),
    ("New York (CNN Business) \u2014 ", 25),
    ("ARLINGTON, Virginia (Reuters) - ", 31),
    ("", 0),
    ("Clinton calls for unity.\n\nNEW YORK (AP) \u2014 ", 0),      # not at the text's start: stage 4's reading
])
def test_the_dateline_opening_a_text_ends_after_its_dashes(top, end):
    assert dateline_end(top + BODY) == end


@pytest.mark.parametrize("text, parts", [
    ("ARLINGTON, Virginia (Reuters) - Boeing said on Tuesday ...", ("ARLINGTON, Virginia ", "(Reuters) -")),
    ("New York (CNN Business) \u2014 Stocks rallied.", ("New York ", "(CNN Business) \u2014")),
    ("Clinton calls for unity.\n\nNEW YORK, Nov. 19 (UPI) \u2014 Former Secretary ...",
     ("NEW YORK, Nov. 19 ", "(UPI) \u2014")),
    ("Compiled by Sam Lee\nMOSCOW, March 5 (Reuters) - Talks are possible.", ("MOSCOW, March 5 ", "(Reuters) -")),
    (BODY, None),                                   # running text before the mark: no dateline
    ("The senator (R-Texas) - who spoke first - left.", None),
    ("x" * 300 + "\nMOSCOW (Reuters) - Talks.", None),  # too far down to be the story's dateline
    # a newspaper's dateline: a place in capitals, maybe its region and a date, and a dash
    ("PASADENA, Texas \u2014 Federal investigators said ...", ("PASADENA, Texas ", "\u2014")),
    ("Plant restarts.\n\nFRANKFURT \u2014 Velmar Chemie said ...", ("FRANKFURT ", "\u2014")),
    ("NEW YORK, March 4, 2025 -- Stocks fell.", ("NEW YORK, March 4, 2025 ", "--")),
    ("BREAKING \u2014 Stocks fell.", None),                # a label in capitals is no place
    ("Officials said \u2014 after a pause \u2014 that it was over.", None),
    ("The CEO \u2014 who left \u2014 said so.", None),
])
def test_a_dateline_is_found_at_the_start_of_one_of_the_first_lines(text, parts):
    found = dateline_span(text)
    if parts is None:
        assert found is None
    else:
        start, source, end = found
        assert (text[start:source], text[source:end]) == parts


@pytest.mark.parametrize("text, credits", [
    ("Boeing slowed output.\n\n(Reporting by Jane Doe in Moscow; Additional reporting by Allison Lampert in "
     "Montreal; Editing by John Roe)",
     ["(Reporting by Jane Doe in Moscow; Additional reporting by Allison Lampert in Montreal; Editing by John Roe)"]),
    ("Reporting by Jane Doe; Editing by John Roe", ["Reporting by Jane Doe; Editing by John Roe"]),
    ("(Reporting by Jane Doe; Writing by Mark Trevelyan)\nLONDON (Reuters) - Britain will raise taxes.",
     ["(Reporting by Jane Doe; Writing by Mark Trevelyan)"]),
    ('"It is needed," he said. (Reporting by Jane Doe in Paris, Writing by Michel Rose, editing by Alex Richardson)',
     ["(Reporting by Jane Doe in Paris, Writing by Michel Rose, editing by Alex Richardson)"]),
    ("Compiled by Sam Lee\n\nBEIJING (Reuters) - China objected.\n\nWriting by Anna Kent and Tom Balmforth",
     ["Compiled by Sam Lee", "Writing by Anna Kent and Tom Balmforth"]),
    ("(Reporting by Jason Lange and Dustin Volz; Additional reporting by Jim Finkle in Boston, and Ben Blanchard in "
     "BEIJING; Editing by Grant McCool.)",
     ["(Reporting by Jason Lange and Dustin Volz; Additional reporting by Jim Finkle in Boston, and Ben Blanchard in "
      "BEIJING; Editing by Grant McCool.)"]),
    ("he said.\n\n--additional reporting by Linh Tat.", ["--additional reporting by Linh Tat."]),
    ("Reporting by Pieter van der Berg for Reuters", ["Reporting by Pieter van der Berg for Reuters"]),
    # contributor lines: names, maybe after an outlet's job title, then "contributed"
    ("The fire burned on.\n\nAssociated Press writer Juan Lozano contributed to this report.",
     ["Associated Press writer Juan Lozano contributed to this report."]),
    ("Jane Doe in Houston and John Roe in Austin contributed reporting.",
     ["Jane Doe in Houston and John Roe in Austin contributed reporting."]),
    ("New York Times reporters Jane Doe and John Roe contributed reporting from Washington.",
     ["New York Times reporters Jane Doe and John Roe contributed reporting from Washington."]),
    ("The fire burned for hours, he said. Juan Lozano contributed to this report.",
     ["Juan Lozano contributed to this report."]),
    ("Additional reporting by Jane Doe in Paris.", ["Additional reporting by Jane Doe in Paris."]),
    ("The company contributed $5 million to the fund.", []),
    ("Residents contributed to the cleanup. Smith contributed too.", []),
    # running text is no credit
    ("Now I see that I was the victim of shoddy reporting by the Washington Post.", []),
    ("Written by Paul McCartney, the song topped the charts.", []),
    ("The song (written by Paul McCartney) topped the charts.", []),
    ("It was a hit (written by Paul McCartney).", []),
    ("A list compiled by Reuters shows the cost.", []),
])
def test_staff_credits_are_whole_lines_or_brackets_at_a_line_edge(text, credits):
    assert [text[a:b] for a, b in staff_credits(text)] == credits


@pytest.mark.parametrize("line, credits", [
    ("MARL, Germany, March 4 (Reuters) - An explosion", ["Reuters"]),
    ("MARL, Germany, March 4, 2025 (Reuters) \u2014 An explosion", ["Reuters"]),
    ("Z\u00dcRICH, 4 March (Reuters) - Shares", ["Reuters"]),
    ("PASADENA, Texas (AP) \u2014 An explosion", ["AP"]),
    ("He said 4 workers (Reuters) - died", []),
])
def test_a_dateline_with_a_date_credits_its_agency(line, credits):
    assert dateline_credit(line) == credits
