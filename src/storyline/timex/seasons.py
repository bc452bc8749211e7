"""Named periods: seasons and holidays, valued against the anchor.

Both name a recurring stretch of the calendar and need the same decision:
which occurrence does the text mean? "last fall" in April is the previous
autumn, "Thanksgiving" in a December story is the one just past. They also
share the same trap, ordinary words ("fall", "spring") and names ("Eastern
Airlines"), so the vetoes live next to the valuing.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.timex.patterns import SEASONS
from storyline.timex.resolve import add_months
from storyline.timex.tense import tense_of
from storyline.timex.rules import Reading, pos_mod, word_before


def _season_value(anchor: date, s: str, rel: str, tense: str) -> str:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
    started = anchor >= date(anchor.year, start, 1)
    y_started = anchor.year if started else anchor.year - 1
    in_progress = add_months(date(y_started, start, 1), 3) > anchor
    if rel == "last" or rel == "past":
        return f"{y_started - 1 if in_progress else y_started}-{s}"
    if rel == "next":
        return f"{y_started + 1}-{s}"
    if rel == "this":
        return f"{anchor.year}-{s}"
    if tense == "future" and not in_progress:
        return f"{y_started + 1}-{s}"
    return f"{y_started}-{s}"


_SEASON_CUES = {"in", "during", "by", "until", "since", "through", "this", "last", "next", "early",
                "late", "mid", "of", "for", "before", "after", "throughout", "and", "or", "that",
                "into", "over", "from"}


def h_season(m, ctx):
    s = SEASONS[m["s"].lower()]
    the = (m["the"] or "").lower()
    pm = m["pm"] or m["pm2"]
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+of\b(?!\s+[0-9])", after) or re.match(r"[\s-]+(?:season|semester|term|collection|offensive)\b", after):
        if not m["y"]:
            return None
    if m["s"][0].isupper() and m.start("s") > 0 and not re.search(r"[.\n]\s*$", ctx.text[:m.start("s")]):
        return None
    if not (m["y"] or pm or the or word_before(ctx, m.start()) in _SEASON_CUES):
        return None
    if the == "the" and not (m["y"] or word_before(ctx, m.start()) in _SEASON_CUES or pm):
        return None
    mod = pos_mod(pm)
    if m["y"]:
        return Reading("DATE", f"{m['y']}-{s}", mod)
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-{s}", mod)
    if the == "that":
        ref = ctx.last(r"^[0-9]{4}")
        return Reading("DATE", f"{ref[:4] if ref else ctx.anchor.year}-{s}", mod)
    return Reading("DATE", _season_value(ctx.anchor, s, the, tense_of(ctx.text, m.start(), m.end())), mod)


def _thanksgiving(y: int) -> date:
    first = date(y, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * mm + 114) // 31
    day = (h + l - 7 * mm + 114) % 31 + 1
    return date(y, month, day)


def _nth_weekday(y, month, weekday, n):
    first = date(y, month, 1)
    d = first + timedelta(days=(weekday - first.weekday()) % 7)
    if n < 0:
        nxt = add_months(first, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    return d + timedelta(weeks=n - 1)


HOLIDAYS = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's": lambda y: date(y, 1, 1),
    "new year's day": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "thanksgiving": _thanksgiving, "thanksgiving day": _thanksgiving,
    "independence day": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14), "easter": _easter,
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "veterans day": lambda y: date(y, 11, 11),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}


def h_holiday(m, ctx):
    name = re.sub(r"\s+", " ", m["h"].lower())
    fn = HOLIDAYS.get(name)
    if fn is None:
        return None
    if re.match(r"\s+(?:tree|card|gift|present|shopping|season|holidays|Island|Rising|Bunny)", ctx.text[m.end():], re.I):
        return None
    rel = (m["rel"] or "").lower()
    a = ctx.anchor
    if not a:
        d = fn(2000)
        return Reading("DATE", f"XXXX-{d.month:02d}-{d.day:02d}")
    cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
    if rel == "last":
        d = max(c for c in cands if c < a)
    elif rel == "next":
        d = min(c for c in cands if c > a)
    elif rel == "this":
        d = fn(a.year)
    else:
        t = tense_of(ctx.text, m.start(), m.end())
        d = min(cands, key=lambda c: abs((c - a).days) + (75 if (c > a and t == "past") or (c < a and t == "future") else 0))
    return Reading("DATE", d.isoformat())
