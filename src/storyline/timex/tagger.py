"""TIMEX3 time expressions: find them, type them, value them. Pure Python.

Why not HeidelTime or SUTime: both need a JVM and a tagger, which a stage
that must run in a process pool or on Spark cannot assume. This module is a
rule cascade in the same spirit (HeidelTime's English resources and the
TimeML guidelines were the guide; no code was taken): surface patterns in
`patterns`, one valuing handler per pattern in `rules` / `anaphora` /
`durations`, calendar arithmetic in `resolve`.

The cascade, step by step:

1. every pattern is run over the whole text; each match is a candidate;
2. candidates are taken leftmost-longest (on equal spans the earlier rule in
   `RULES` wins), and a handler may veto its candidate, which lets a shorter
   or later one through;
3. handlers run in text order, so an anaphoric expression ("a year earlier",
   "the next day", a bare "10:35 a.m.") can look back at the values already
   given in the same article: TimeBank values those against the last
   mentioned time, not against the publication date;
4. each value is turned into a calendar interval (earliest/latest) when it
   denotes one.
"""
from __future__ import annotations

import datetime as _dt
from typing import Iterable, Iterator

from storyline.records import TimeExpression
from storyline.timex import anaphora as _ana
from storyline.timex import durations as _dur
from storyline.timex import deixis as _deix
from storyline.timex import rules as _rules
from storyline.timex import seasons as _seas
from storyline.timex.patterns import RULES
from storyline.timex.resolve import interval

_HANDLERS = {
    "iso_date": _rules.h_iso_date, "slash_date": _rules.h_slash_date,
    "month_day_year": _rules.h_month_day, "day_month_year": _rules.h_month_day,
    "month_year": _rules.h_month_year, "rel_month": _rules.h_rel_month,
    "month_rel_year": _rules.h_month_rel_year, "spoken_year": _rules.h_spoken_year,
    "spoken_decade": _rules.h_spoken_decade, "month": _rules.h_month,
    "decade": _rules.h_decade, "century": _rules.h_century, "rel_century": _rules.h_rel_century,
    "quarter": _deix.h_quarter, "half": _deix.h_half,
    "anaphoric_quarter": _deix.h_anaphoric_quarter, "year_earlier": _deix.h_year_earlier,
    "fiscal_year": _rules.h_fiscal_year, "nine_months": _rules.h_nine_months,
    "ago": _deix.h_ago, "the_unit_after": _ana.h_the_unit_after,
    "part_rel_day": _deix.h_part_rel_day, "this_part": _deix.h_this_part,
    "rel_unit": _deix.h_rel_unit, "that_unit": _ana.h_that_unit,
    "weekday": _deix.h_weekday, "clock": _deix.h_clock, "clock_part": _deix.h_clock_part,
    "season": _seas.h_season, "year": _rules.h_year, "the_year": _deix.h_the_year,
    "year_end": _deix.h_year_end, "posmod_the_unit": _deix.h_posmod_the_unit, "holiday": _seas.h_holiday,
    "past_n": _dur.h_past_n, "past_unit": _dur.h_past_unit, "duration": _dur.h_duration,
    "bare_units": _dur.h_bare_units, "set": _dur.h_set, "deictic": _dur.h_deictic,
    "week_of": _ana.h_week_of, "second_day": _ana.h_second_day, "in_the_part": _ana.h_in_the_part,
    "vague_span": _ana.h_vague_span,
}
_PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
_VALUE_TYPES = ("DATE", "TIME")
# rules valued from an earlier mention; their values never serve as antecedents
_ANAPHORIC = {"year_earlier", "anaphoric_quarter", "the_unit_after", "that_unit", "in_the_part"}


def _candidates(text: str):
    out = []
    for name, rx in RULES:
        for m in rx.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), -m.end(), _PRIORITY[name], name, m))
    out.sort(key=lambda c: c[:3])
    return out


def tag(text: str, anchor: _dt.date | None) -> list[TimeExpression]:
    """Every TIMEX3 expression in `text`, valued against `anchor` (the DCT).

    `anchor` may be a datetime (its date is used) or None, in which case no
    year is guessed and relative values stay underspecified.
    """
    return _valued(text, _candidates(text), anchor)


def tag_each(text: str, anchors: Iterable[_dt.date | None]) -> Iterator[list[TimeExpression]]:
    """`tag(text, anchor)` for each anchor in turn, the patterns run over the text once (step 1 of the
    cascade does not depend on the anchor and is most of its cost): what a publication day known only to
    an interval gives under each of its days (connect/dating.py)."""
    candidates = _candidates(text)
    for anchor in anchors:
        yield _valued(text, candidates, anchor)


def _valued(text: str, candidates: list, anchor: _dt.date | None) -> list[TimeExpression]:
    """Steps 2-4 of the cascade over the text's `_candidates`."""
    if isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    ctx = _rules.Context(text=text, anchor=anchor)
    found: list[TimeExpression] = []
    pos = 0
    for start, neg_end, _, name, m in candidates:
        if start < pos:
            continue
        try:
            reading = _HANDLERS[name](m, ctx)
        except (ValueError, OverflowError, KeyError, IndexError):
            # calendar arithmetic off the end of the calendar (an anchor in year 1
            # or 9999) or a form no handler foresaw: the candidate is vetoed, the
            # tagger never raises on text
            reading = None
        if reading is None or not reading.value:
            continue
        if name in _ANAPHORIC or (name == "ago" and m["dir"].lower() in ("earlier", "later")):
            reading.anaphoric = True
        s = reading.start if reading.start is not None else start
        e = reading.end if reading.end is not None else -neg_end
        while e > s and text[e - 1] in " ,-\n":
            e -= 1
        while s < e and text[s] in " \n\t":
            s += 1
        if e <= s:
            continue
        earliest = latest = None
        if reading.type in _VALUE_TYPES:
            try:
                earliest, latest = interval(reading.value, reading.mod)
            except (ValueError, OverflowError):
                earliest = latest = None
            if reading.value[:1] in "0123456789" and not reading.anaphoric:
                ctx.refs.append(reading.value)
        found.append(TimeExpression(start=s, end=e, text=text[s:e], type=reading.type,
                                    value=reading.value, earliest=earliest, latest=latest,
                                    mod=reading.mod))
        pos = -neg_end
    return found


__all__ = ["tag", "tag_each"]
