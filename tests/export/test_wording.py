"""Counts in words (export.wording), as every summary line of the report and the web pages shows them."""
from __future__ import annotations

import pytest

from storyline.export.report import document
from storyline.export.wording import counted


@pytest.mark.parametrize("n, noun, words", [
    (1, "article", "1 article"), (0, "article", "0 articles"), (2, "article", "2 articles"),
    (1, "story", "1 story"), (3, "story", "3 stories"), (1, "entity", "1 entity"), (5, "entity", "5 entities"),
    (2, "copy", "2 copies"), (2, "outlet", "2 outlets"), (1, "input", "1 input"), (4, "day", "4 days"),
])
def test_a_count_is_worded_by_its_number(n, noun, words):
    assert counted(n, noun) == words


def test_the_reports_summary_line_is_worded_by_count():
    counts = {"articles": 1, "entities": 1, "events": 1, "quotes": 1, "refusals": 1}
    line = list(document({}, [], counts, lambda s: ({}, {}), []))[2]
    assert line.startswith("0 stories from 1 article; 1 entity, 1 event, 1 quote, 1 input refused.")
