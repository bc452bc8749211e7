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
])
def test_a_story_spans_its_articles_closed_intervals(intervals, first, last):
    published = [DateRange(lo and D(lo), hi and D(hi), "test") for lo, hi in intervals] + [None]
    story = spanned(Story("s1", "A story"), published)
    assert (story.first, story.last) == (first, last)
