"""A story's span (first, last) from its articles' publication intervals: only intervals with both ends count
(store/readonly.spanned); one open at an end, as 'since 2020' leaves it, says nothing of when the story ran."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.records import DateRange, Story
from storyline.store.readonly import spanned

D = date.fromisoformat


@pytest.mark.parametrize("intervals, first, last", [
    ([("2022-07-01", "2022-08-04"), ("2022-12-20", "2022-12-20")], D("2022-07-01"), D("2022-12-20")),
    ([("2020-01-01", None), ("2022-12-20", "2022-12-20")], D("2022-12-20"), D("2022-12-20")),   # since 2020
    ([(None, "2026-03-06"), ("2022-12-20", "2022-12-20")], D("2022-12-20"), D("2022-12-20")),   # not after
    ([("2020-01-01", None)], None, None),                                                        # undated
    ([(None, None)], None, None),
    ([], None, None),
    # an end only the story's year sets (connect/dating.in_story_year) says nothing of when the story ran
    ([("2026-04-14", "2026-12-31", "implied by the text (after: 'April 14' is reported as past); before: the end of"
      " 2026, the year of all the dated articles of its story (3)"), ("2026-09-15", "2026-09-15")],
     D("2026-04-14"), D("2026-09-15")),
    ([("2026-01-01", "2026-12-31", "within 2026, the year of all the dated articles of its story (1)"),
      ("2026-09-15", "2026-09-15")], D("2026-09-15"), D("2026-09-15")),
    ([("2026-01-01", "2026-12-31", "within 2026, the year of all the dated articles of its story (1)")], None, None),
])
def test_a_story_spans_its_articles_closed_intervals(intervals, first, last):
    published = [DateRange(lo and D(lo), hi and D(hi), why[0] if why else "test") for lo, hi, *why in intervals] \
        + [None]
    story = spanned(Story("s1", "A story"), published)
    assert (story.first, story.last) == (first, last)
