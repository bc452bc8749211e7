"""Handlers for expressions valued against the anchor or an earlier mention.

Weekdays, "last week", "this morning", "a year earlier", "the quarter",
holidays, clock times: all need a reference point, which is either the DCT
(TimeBank's rule for deictic expressions) or the last time the article
mentioned (its rule for anaphoric ones). Keeping them apart from the absolute
dates in `rules` keeps each file readable on its own.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.timex.patterns import MONTH, MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from storyline.timex.resolve import iso_week, shift, shift_value
from storyline.timex.tense import tense_cue, tense_of
from storyline.timex.seasons import _season_value
from storyline.timex.rules import (Reading, day_value, duration_value, hedge_mod, nearest_year, number,
                          pos_mod, unit_of)


def weekday_date(anchor: date, wd: int, tense: str, rel: str | None) -> date:
    a = anchor.isoweekday()
    if rel in ("last", "this past"):
        back = (a - wd) % 7 or 7
        return anchor - timedelta(days=back)
    if rel in ("next", "this coming"):
        fwd = (wd - a) % 7 or 7
        return anchor + timedelta(days=fwd)
    if tense == "future":
        return anchor + timedelta(days=(wd - a) % 7)
    return anchor - timedelta(days=(a - wd) % 7)


def clock_value(s: str) -> str | None:
    s = s.lower()
    if "noon" in s or "midday" in s:
        return "12:00"
    if "midnight" in s:
        return "24:00"
    m = re.match(r"([0-9]{1,2})(?::([0-9][0-9]))?\s*(a\.?\s?m|p\.?\s?m)?", s)
    if not m:
        return None
    h, mi = int(m[1]), int(m[2] or 0)
    if m[3] and m[3].startswith("p") and h < 12:
        h += 12
    if m[3] and m[3].startswith("a") and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _year_for_quarter(ctx, q, m):
    a = ctx.anchor
    cq = (a.month - 1) // 3 + 1
    if q > cq and tense_of(ctx.text, m.start(), m.end()) == "past":
        return a.year - 1
    return a.year


def h_quarter(m, ctx):
    q = ORDINALS[m["ord"].lower()]
    y = m["y1"] or m["fy"] or m["y2"] or m["y3"]
    if y:
        return Reading("DATE", f"{y}-Q{q}")
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-Q{q}")
    return Reading("DATE", f"{_year_for_quarter(ctx, q, m)}-Q{q}")


def h_half(m, ctx):
    h = 1 if m["ord"].lower() == "first" else 2
    rest = m["rest"] or ""
    ym = re.search(r"[0-9]{4}", rest)
    if ym:
        return Reading("DATE", f"{ym[0]}-H{h}")
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-H{h}")
    return Reading("DATE", f"{ctx.anchor.year}-H{h}")


def _ref_quarter(ctx) -> str | None:
    ref = ctx.last(r"^[0-9]{4}-Q[0-9]$")
    if ref:
        return ref
    if ctx.anchor:
        return shift(ctx.anchor, "Q", -1)
    return None


def h_anaphoric_quarter(m, ctx):
    w = re.sub(r"\s+", " ", (m["w"] or "").lower())
    u = m["u"].lower()
    if u == "period" and not w:
        return None
    if re.match(r"\s+of\b", ctx.text[m.end():]) and u == "period":
        return None
    ended = re.match(r"\s+end(?:ed|ing)\s+(?P<mon>" + MONTH + r")\s*[0-9]{1,2}\b(?:,?\s+(?P<y>[0-9]{4}))?",
                     ctx.text[m.end():])
    if ended and u != "period" and not m["y"] and w in ("", "latest", "most recent", "current"):
        # "the quarter ended Sept. 30": the calendar quarter its last month falls in
        mo = MONTHS[ended["mon"].lower().rstrip(".")]
        if ended["y"]:
            y = int(ended["y"])
        elif ctx.anchor:
            y = nearest_year(ctx.anchor, mo, 28, "past")
        else:
            return Reading("DATE", f"XXXX-Q{(mo - 1) // 3 + 1}")
        return Reading("DATE", f"{y}-Q{(mo - 1) // 3 + 1}")
    if w in ("current",) or m.group(0).lower().startswith("this"):
        if not ctx.anchor:
            return Reading("DATE", "XXXX-QX")
        return Reading("DATE", shift(ctx.anchor, "Q", 0))
    if m["y"]:
        ref = ctx.last(r"^[0-9]{4}-Q[0-9]$")
        return Reading("DATE", f"{m['y']}-Q{ref[-1]}" if ref else m["y"])
    if w in ("latest", "most recent", "recent", "just-ended", "just ended", "latest fiscal") and ctx.anchor:
        return Reading("DATE", shift(ctx.anchor, "Q", -1))
    ref = _ref_quarter(ctx)
    if ref is None:
        return Reading("DATE", "XXXX-QX")
    if w in ("year-ago", "year-earlier", "year-before", "comparable"):
        return Reading("DATE", shift_value(ref, years=-1))
    if w in ("previous", "preceding", "prior"):
        return Reading("DATE", shift_value(ref, unit="Q", n=-1) or ref)
    return Reading("DATE", ref)


def h_year_earlier(m, ctx):
    """"a year earlier", "the year-ago quarter": the antecedent a year back, at its granularity.

    An earnings report compares the quarter it just named with the same
    quarter a year before; TimeBank values "a year ago" there as that quarter.
    """
    det = (m["det"] or "").lower()
    u = (m["u"] or "").lower()
    start = m.start() if (det == "a" or u) else m.start("y")
    if u.endswith("months"):
        return Reading("DURATION", f"P{6 if u.startswith('six') else 9}M", start=start, anaphoric=True)
    if det != "a" and not u and re.match(r"\s+(?:results?|figures?|levels?|sales|earnings|net|profit)", ctx.text[m.end():]):
        start = m.start("y")
    ref = ctx.last(r"^[0-9]{4}(?:-Q[0-9]|-[0-9][0-9])?$", window=8)
    if ref and (ref[5:6] == "Q" or u or "ago" not in m.group(0).lower()):
        v = shift_value(ref, years=-1)
        if v:
            return Reading("DATE", v, start=start, anaphoric=True)
    if not ctx.anchor:
        return Reading("DATE", "PAST_REF", start=start)
    return Reading("DATE", str(ctx.anchor.year - 1), start=start)


def h_ago(m, ctx):
    """"two years ago", "a year earlier": hedges without a mod ("just") stay outside the span."""
    r = _ago(m, ctx)
    if r is not None and not r.mod:
        r.start = m.start("num")
    return r


def _ago(m, ctx):
    d = m["dir"].lower()
    mod = hedge_mod(m["hedge"])
    letter, is_time = unit_of(m["u"])
    n = number(m["n"]) if m["n"] else None
    sign = -1 if d in ("ago", "earlier") else 1
    if d in ("earlier", "later") and letter != "Y":
        # "three days later" is an offset from an event, not a date TimeBank can place
        return Reading("DURATION", duration_value(n, m["u"]), mod, end=m.end("num"))
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if d in ("earlier", "later"):
        base = ctx.ref_day() if letter in ("D", "W") else None
        if base is None:
            ref = ctx.last(r"^[0-9]{4}", window=6)
            if ref and letter == "Y" and n == int(n):
                v = shift_value(ref, years=int(sign * n))
                if v:
                    return Reading("DATE", v, mod)
            base = ctx.anchor
        if base is None:
            return Reading("DURATION", duration_value(n, m["u"]), mod)
    else:
        base = ctx.anchor
    if base is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if is_time:
        return Reading("DATE", base.isoformat(), mod)
    k = int(round(sign * n))
    if letter == "E":
        return Reading("DATE", str(base.year + 10 * k), mod)
    if letter == "C":
        return Reading("DATE", str(base.year + 100 * k), mod)
    if letter in ("L", "WE"):
        return None
    return Reading("DATE", shift(base, letter, k), mod)


_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_GENERIC_POSS = re.compile(
    r"['\u2019]s\s+(?:\w+\s+)?(?:world|society|youth|children|kids|generation|economy|computers?"
    r"|technology|families|workers|women|men|students|consumers|standards|America|Europe)\b"
    r"|,?\s*(?:I|we|you|they)\s+would\b", re.IGNORECASE)


def h_part_rel_day(m, ctx):
    rel = m["rel"].lower()
    a = ctx.anchor
    d = a + timedelta(days=_REL_DAY[rel]) if a else None
    base = day_value(d)
    pm = (m["pm"] or "").lower()
    part = (m["part"] or m["part2"] or "").lower().replace("this ", "")
    if rel == "tonight":
        part = part or "night"
    if m["clock"]:
        c = clock_value(m["clock"])
        if c:
            return Reading("TIME", f"{base}T{c}")
    if part:
        code = PARTS_OF_DAY.get(re.sub(r"\s+", " ", part).replace("mid afternoon", "mid-afternoon"), "")
        if code:
            return Reading("TIME", f"{base}T{code}", pos_mod(pm))
    if rel == "today" and not a:
        return Reading("DATE", "PRESENT_REF")
    if rel in ("today", "tomorrow") and not pm and re.match(_GENERIC_POSS, ctx.text[m.end("rel"):]):
        return None          # "today's youth", "the people of tomorrow": the era, not the day
    if re.match(r"(?-i:[A-Z])", m["rel"]) and re.search(r"(?-i:[A-Z])\w*\s+$", ctx.text[max(0, m.start() - 15):m.start("rel")]):
        return None          # a name: "VOA Today", "USA Today"
    return Reading("DATE", base, pos_mod(pm), start=m.start() if pm else m.start("rel"))


def h_this_part(m, ctx):
    rel, part = m["rel"].lower(), m["part"].lower()
    k = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "night":
        return None
    d = ctx.anchor + timedelta(days=k) if ctx.anchor else None
    return Reading("TIME", f"{day_value(d)}T{PARTS_OF_DAY[part]}")


_REL_K = {"this": 0, "current": 0, "the current": 0, "the latest": 0, "last": -1, "previous": -1,
          "the previous": -1, "next": 1, "coming": 1, "the coming": 1, "the following": 1}


def h_rel_unit(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    u = m["u"].lower()
    pm = (m["pm"] or "").lower()
    mod = pos_mod(pm) if pm not in ("earlier", "later") else None
    k = _REL_K.get(rel)
    if k is None:
        return None
    a = ctx.anchor
    if u in SEASONS:
        s = SEASONS[u]
        if not a:
            return Reading("DATE", f"XXXX-{s}", mod)
        return Reading("DATE", _season_value(a, s, {0: "this", -1: "last", 1: "next"}[k], "past"), mod)
    if u == "season":
        return None
    letter = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "E"}[u]
    if not a:
        return Reading("DATE", {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX",
                                "E": "XXX"}[letter], mod)
    if letter == "WE":
        sat = a + timedelta(days=(6 - a.isoweekday()) % 7)       # the coming or current Saturday
        if k < 0 or (k == 0 and a.isoweekday() == 1):
            sat = a - timedelta(days=(a.isoweekday() - 6) % 7 or 7)
            if k < 0 and a.isoweekday() in (6, 7):
                sat -= timedelta(days=7)
        elif k > 0:
            sat += timedelta(days=7) if a.isoweekday() in (6, 7) else timedelta(0)
        return Reading("DATE", iso_week(sat) + "-WE", mod)
    if letter == "E":
        return Reading("DATE", shift(a, "E", k), mod)
    return Reading("DATE", shift(a, letter, k), mod)


def h_weekday(m, ctx):
    wdtext = m["wd"]
    plural = wdtext.lower().endswith("s") and wdtext.lower().rstrip(".") not in WEEKDAYS
    wd = WEEKDAYS[wdtext.lower().rstrip(".").rstrip("s") if plural else wdtext.lower().rstrip(".")]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = (m["part"] or "").lower()
    if part.endswith("s"):
        plural, part = True, part[:-1]       # "Tuesday nights": a set
    clock = m["clock"] or m["clock2"]
    code = PARTS_OF_DAY.get(re.sub(r"\s+", " ", part)) if part else None
    if plural:
        return Reading("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""))
    if m["wd"][0].islower():
        return None
    follow = re.match(r",?\s+(?P<mon>" + MONTH + r")\s*(?P<d>[0-9][0-9]?)\b", ctx.text[m.end():])
    if follow and ctx.anchor and not clock and not code:
        # "Thursday, Jan. 6": TimeBank tags the two apart; the date fixes the weekday's week
        mo, dd = MONTHS[follow["mon"].lower().rstrip(".")], int(follow["d"])
        try:
            d = date(nearest_year(ctx.anchor, mo, dd, None), mo, dd)
            if d.isoweekday() == wd:
                return Reading("DATE", d.isoformat())
        except ValueError:
            pass
    if rel.startswith("the ") and "before" not in rel and "after" not in rel:
        # "the previous Friday", "the following Monday": counted from the narrated day
        base = ctx.ref_day()
        if base is None:
            return Reading("DATE", f"XXXX-WXX-{wd}")
        back = rel.endswith(("previous", "preceding"))
        return Reading("DATE", weekday_date(base, wd, "past", "last" if back else "next").isoformat())
    if ctx.anchor:
        if "before" in rel or "after" in rel:
            base = weekday_date(ctx.anchor, wd, "past", "last" if "last" in rel else None)
            base += timedelta(days=-1 if "before" in rel else 1)
        else:
            base = weekday_date(ctx.anchor, wd, tense_of(ctx.text, m.start(), m.end()), rel or None)
        val = base.isoformat()
    else:
        val = f"XXXX-WXX-{wd}"
    pm = (m["pm"] or "").lower()
    mod = pos_mod(pm)
    if clock:
        c = clock_value(clock)
        if c:
            return Reading("TIME", f"{val}T{c}")
    if code:
        return Reading("TIME", f"{val}T{code}", mod)
    return Reading("DATE", val, mod)


def h_clock(m, ctx):
    c = clock_value(m["clock"])
    if not c or re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6):m.start()], re.I):
        return None          # "High Noon", the film and the idiom
    if m["mon"]:
        dd = int(re.match(r"[0-9]+", m["d"])[0])
        mo = MONTHS[m["mon"].lower().rstrip(".")]
        try:
            y = nearest_year(ctx.anchor, mo, dd, tense_cue(ctx.text, m.start(), m.end())) if ctx.anchor else None
            day = date(y, mo, dd).isoformat() if y else f"XXXX-{mo:02d}-{dd:02d}"
        except ValueError:
            return None
        return Reading("TIME", f"{day}T{c}", start=m.start("clock"))
    if re.fullmatch(r"[0-9]{1,2}:[0-9][0-9]", m["clock"].strip()) and not re.search(
            r"\b(?:at|by|until|before|after|around|about|from)\s+$", ctx.text[max(0, m.start() - 12):m.start()]):
        return None
    d = ctx.ref_day()
    mod = "APPROX" if m["hedge"] and re.search(r"about|around|approx", m["hedge"], re.I) else None
    start = m.start() if mod else m.start("clock")
    return Reading("TIME", f"{day_value(d)}T{c}", mod, start=start)


def h_clock_part(m, ctx):
    n = number(m["n"])
    if n is None or n > 12 or n != int(n):
        return None
    h = int(n)
    if "afternoon" in m["part"] or "evening" in m["part"]:
        h = h + 12 if h < 12 else h
    d = ctx.ref_day()
    return Reading("TIME", f"{day_value(d)}T{h:02d}:00")


def h_posmod_the_unit(m, ctx):
    """"the end of the month", "early this week": the current unit, narrowed by the mod."""
    u = m["u"].lower()
    mod = pos_mod(m["pm"])
    a = ctx.anchor
    if not a:
        return Reading("DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
                                "decade": "XXX", "century": "XX"}[u], mod)
    v = {"year": str(a.year), "month": a.strftime("%Y-%m"), "week": iso_week(a),
         "decade": f"{a.year // 10}", "century": f"{a.year // 100:02d}"}[u]
    return Reading("DATE", v, mod)


def h_year_end(m, ctx):
    if not ctx.anchor:
        return Reading("DATE", "XXXX", "END")
    return Reading("DATE", str(ctx.anchor.year), "END")


def h_the_year(m, ctx):
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to\s+\w+\s+[0-9]|through)\b", after):
        return Reading("DURATION", "P1Y")
    if re.match(r"\s+(?:before|after|of|in\s+which|when)\b", after):
        return None
    u = m["u"].lower()
    if not ctx.anchor:
        return Reading("DATE", "XXXX" if u == "year" else "XXXX-WXX")
    if u == "week":
        return Reading("DATE", f"{ctx.anchor.isocalendar()[0]}-WXX")   # ISO year: 2021-01-02 is in 2020-W53
    return Reading("DATE", str(ctx.anchor.year))


