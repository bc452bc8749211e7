"""Property: whatever text an article holds, reading it gives an analysis, never an exception.

Random Unicode alone seldom reaches the number, date and name parsers, so the
text is random pieces mixed with fragments of news that do ("sentenced to N
years", "the N-year-old", dates, names), with digits of any script in them:
`str.isdigit` is true for "¹" and `\\d` matches "٣", and a real feed entry once
crashed the reading with int("¹").
"""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from storyline.read import analyse
from storyline.records import AnalysedArticle, Article, DateRange

DIGITS = st.sampled_from(["7", "25", "¹", "²³", "٣", "१२", "Ⅻ", "⁴⁵", "3¹", "1,2¹", "½", "𝟗"])
FRAGMENTS = st.sampled_from([
    "Jo Doe was sentenced to {} years in prison.", "The {}-year-old said she was innocent.",
    "More than {} people were arrested on {} March.", "Pieter van der Berg, {}, met Al-Khatib.",
    "Van der Berg said {} million dollars were paid.", "“We will not pay,” the spokeswoman said on {} May {}.",
    "He was freed after {} months, Reuters reported.", "In {} the president resigned.", "P{}Y", "{}:{} p.m.",
])
PIECES = st.one_of(st.text(max_size=40), st.builds(lambda f, d: f.replace("{}", d), FRAGMENTS, DIGITS))


@settings(max_examples=30, deadline=None)
@given(pieces=st.lists(PIECES, max_size=8), sep=st.sampled_from([" ", "\n\n", ". "]),
       published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
def test_any_text_is_read_without_an_exception(pieces, sep, published):
    text = sep.join(pieces)
    article = Article(id="a", source="a.txt", text=text, content_hash="h",
                      published=DateRange(published, published) if published else None)
    result = analyse(article)
    assert isinstance(result, AnalysedArticle)
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
