"""Handlers for expressions valued from an earlier mention in the same article.

"The next day", "that week", "later in the day", "the week of March 6",
"April 24 and 25": none of these can be valued from the publication date
alone. TimeBank values them against the last time the article mentioned
(`Context.refs`), at the granularity the expression itself names: "the
following month" after "in March" is April, not the month after the DCT.
Kept apart from `deixis` (valued against the DCT) so each file stays
small and the two resolution strategies do not blur.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.timex.patterns import MONTH, MONTHS, PARTS_OF_DAY
from storyline.timex.resolve import iso_week, shift, shift_value, value_date
from storyline.timex.tense import tense_cue
from storyline.timex.rules import Reading, day_value, nearest_year

_UNIT_REF = {"month": (r"^[0-9]{4}-[0-9][0-9]", "M"), "year": (r"^[0-9]{4}", "Y")}


def h_the_unit_after(m, ctx):
    """"the next day", "the following month", "that same day": one unit from the antecedent."""
    base = ctx.ref_day()
    if m["that"]:
        u = m["u2"].lower()
        if u == "day":
            return Reading("DATE", day_value(base))
        return Reading("TIME", day_value(base) + "T" + PARTS_OF_DAY[u])
    d, u = m["dir"].lower(), m["u"].lower()
    k = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}[d]
    if u in _UNIT_REF:
        # a month or year antecedent is shifted at its own granularity
        pat, letter = _UNIT_REF[u]
        ref = ctx.last(pat, window=4)
        if ref and value_date(ref) is None:
            if letter == "Y":
                return Reading("DATE", str(int(ref[:4]) + k))
            v = shift_value(ref[:7], unit="M", n=k)
            if v:
                return Reading("DATE", v)
    if base is None:
        return Reading("DATE", "XXXX-XX-XX")
    if u in PARTS_OF_DAY:
        return Reading("TIME", (base + timedelta(days=k)).isoformat() + "T" + PARTS_OF_DAY[u])
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    return Reading("DATE", shift(base, letter, k))


def h_that_unit(m, ctx):
    u = m["u"].lower()
    pat = {"week": r"^[0-9]{4}-(?:W[0-9]|[0-9][0-9]-[0-9][0-9])", "month": r"^[0-9]{4}-[0-9][0-9]", "year": r"^[0-9]{4}"}[u]
    ref = ctx.last(pat)
    if not ref:
        return None
    if u == "year":
        return Reading("DATE", ref[:4])
    if u == "month":
        return Reading("DATE", ref[:7])
    d = value_date(ref)
    return Reading("DATE", iso_week(d) if d else ref[:8])


def h_in_the_part(m, ctx):
    """"in the morning", "later in the evening": that part of the day last mentioned.

    Only after a preposition that makes it a time of the narrated day. "Later
    in the day" is left out: TimeBank tags it in only one case of three.
    """
    part = m["part"].lower()
    if re.match(r"\s*(?:of\b|'s|\u2019s|-)", ctx.text[m.end():]):
        return None          # "the morning of the attack": the attack's day, unknown here
    base = ctx.ref_day()
    return Reading("TIME", f"{day_value(base)}T{PARTS_OF_DAY[part]}", start=m.start("the"))


def h_week_of(m, ctx):
    """"the week of March 6": TimeML values it as the ISO week holding that day."""
    mo = MONTHS[m["mon"].lower().rstrip(".")]
    d = int(re.match(r"[0-9]+", m["d"])[0])
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor:
        y = nearest_year(ctx.anchor, mo, d, tense_cue(ctx.text, m.start(), m.end()))
    else:
        return Reading("DATE", "XXXX-WXX")
    try:
        return Reading("DATE", iso_week(date(y, mo, d)))
    except ValueError:
        return None


_PREV_DAY = re.compile(r"(?P<mon>" + MONTH + r")\s*(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?:and|or|to|through|-)\s+$")


def h_second_day(m, ctx):
    """The bare day number in "April 24 and 25": same month and year as the first day."""
    before = ctx.text[max(0, m.start("d") - 30):m.start("d")]
    pm = _PREV_DAY.search(before)
    if not pm:
        return None
    d = int(m["d"])
    if d <= int(pm["d"]) or d > 31:
        return None
    ref = ctx.refs[-1] if ctx.refs else None
    mo = MONTHS[pm["mon"].lower().rstrip(".")]
    if ref and re.match(rf"^[0-9]{{4}}-{mo:02d}-[0-9][0-9]$", ref):
        y = ref[:4]
    elif not ctx.anchor:
        return Reading("DATE", f"XXXX-{mo:02d}-{d:02d}", start=m.start("d"))
    else:
        return None
    try:
        return Reading("DATE", date(int(y), mo, d).isoformat(), start=m.start("d"))
    except ValueError:
        return None


def h_vague_span(m, ctx):
    """"for a while", "for some time": a duration of unknown length, PXX in TimeML."""
    return Reading("DURATION", "PXX", start=m.start("w"))
