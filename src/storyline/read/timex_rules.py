"""One function per surface pattern: from a regex match to a TIMEX3 reading.

Each handler gets the match and the document context and returns a
`Reading` (type, value, mod, optionally a narrower span) or None to veto the
match (an ambiguous word that is not temporal here), in which case the tagger
tries the next candidate. Values follow the TimeBank conventions as the
TempEval-3 gold applies them, which are not always the TimeML guidelines':
a bare weekday takes the tense of its clause, "a year earlier" in an earnings
report is the same quarter a year before, ages ("44-year-old") are not times.

With no anchor nothing is guessed: relative values keep X placeholders
(XXXX-08-05, XXXX-WXX-5) and deictic ones fall back to PRESENT/PAST/FUTURE_REF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .timex_patterns import (MONTHS, NUMBERS, ORDINALS, PARTS_OF_DAY, SEASONS, UNITS,
                             WEEKDAYS)
from .timex_resolve import (add_months, iso_week, shift, shift_value, tense_of, value_date)


@dataclass
class Reading:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None   # narrower span than the match, when set
    end: int | None = None


@dataclass
class Context:
    """What a handler may look at: the text, the anchor, earlier readings."""

    text: str
    anchor: date | None
    refs: list[str] = field(default_factory=list)   # resolved DATE/TIME values so far

    def last(self, pattern: str, window: int = 0) -> str | None:
        """The most recent earlier value matching pattern (the anaphora's antecedent)."""
        refs = self.refs[-window:] if window else self.refs
        for v in reversed(refs):
            if re.match(pattern, v):
                return v
        return None

    def ref_day(self) -> date | None:
        v = self.last(r"^\d{4}-\d\d-\d\d", window=6)
        return value_date(v) if v else self.anchor


# -- small helpers ----------------------------------------------------------------

def number(s: str | None) -> float | None:
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s.endswith(" 1/2"):
        base = number(s[:-4])
        return None if base is None else base + 0.5
    if re.fullmatch(r"\d+(,\d{3})*", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", s):
        return float(s)
    if s in NUMBERS:
        return NUMBERS[s]
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in ("hundred", "thousand"):
        return NUMBERS[parts[0]] * NUMBERS[parts[1]]
    if all(p in NUMBERS for p in parts):
        return sum(NUMBERS[p] for p in parts)
    return None


def fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def unit_of(word: str) -> tuple[str, bool]:
    w = word.lower()
    w = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
    if w == "centuries":
        w = "century"
    return UNITS[w]


def duration_value(n: float | None, unit_word: str) -> str:
    """P<n><unit>, with decades and centuries in years as TimeBank mostly writes them."""
    letter, is_time = unit_of(unit_word)
    if n is None:
        return ("PTX" if is_time else "PX") + letter
    if letter == "E":
        return f"P{fmt_num(n * 10)}Y"
    if letter == "C":
        return f"P{fmt_num(n * 100)}Y"
    if letter == "L":
        return f"P{fmt_num(n * 1000)}Y"
    if letter == "WE":
        return f"P{fmt_num(n)}WE"
    if n != int(n) and not is_time:
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}.get(letter)
        if smaller:
            sub, k = smaller
            return (f"PT{fmt_num(n * k)}H" if sub == "H" else f"P{fmt_num(n * k)}{sub}")
    return ("PT" if is_time else "P") + fmt_num(n) + letter


def hedge_mod(h: str | None) -> str | None:
    if not h:
        return None
    h = re.sub(r"\s+", " ", h.lower())
    return {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
            "some": "APPROX", "nearly": "APPROX", "almost": "APPROX", "close to": "APPROX",
            "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
            "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
            "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
            "at least": "EQUAL_OR_MORE"}.get(h)


def pos_mod(p: str | None) -> str | None:
    if not p:
        return None
    p = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", p.lower()))
    if p.startswith(("early", "beginning", "start")):
        return "START"
    if p.startswith(("late", "end", "close", "latter")):
        return "END"
    if p.startswith(("mid", "middle")):
        return "MID"
    return None


def month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def nearest_year(anchor: date, month: int, day: int | None, tense: str) -> int:
    """The year that puts month(/day) closest to the anchor, biased by tense.

    A bare "October" in a January article is last October; "in March" in a
    November one is next March. The tense penalty settles the middle ground.
    """
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            d = date(y, month, 28)
        diff = (d - anchor).days
        if day is None and y == anchor.year and month == anchor.month:
            diff = 0
        score = abs(diff) + (75 if (diff > 0 and tense == "past") or (diff < 0 and tense == "future") else 0)
        if best is None or score < best[0]:
            best = (score, y)
    return best[1]


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
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*(a\.?\s?m|p\.?\s?m)?", s)
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


def day_value(d: date | None, pattern_if_none: str = "XXXX-XX-XX") -> str:
    return d.isoformat() if d else pattern_if_none


def word_before(ctx: Context, start: int) -> str:
    m = re.search(r"([A-Za-z']+)\W*$", ctx.text[max(0, start - 25):start])
    return m[1].lower() if m else ""


# -- handlers -----------------------------------------------------------------------

def h_iso_date(m, ctx):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Reading("DATE", d.isoformat())


def h_slash_date(m, ctx):
    y = int(m["y"])
    y = y + (1900 if y > 30 else 2000) if y < 100 else y
    try:
        return Reading("DATE", date(y, int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _abbrev_ok(m, ctx) -> bool:
    """A month abbreviation with no dot must be followed by a day number ("Jan" is a name)."""
    mon = m["mon"]
    return not (len(mon) <= 4 and not mon.endswith(".") and mon.lower() not in ("may", "june", "july")
                and not re.match(r"\s*\d", ctx.text[m.end("mon"):]))


def h_month_day(m, ctx):
    if not _abbrev_ok(m, ctx):
        return None
    mo = month_num(m["mon"])
    d = int(re.match(r"\d+", m["d"])[0])
    if d > 31:
        return None
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor:
        y = nearest_year(ctx.anchor, mo, d, tense_of(ctx.text, m.start(), m.end()))
    else:
        return Reading("DATE", f"XXXX-{mo:02d}-{d:02d}", pos_mod(m.groupdict().get("pm")))
    try:
        return Reading("DATE", date(y, mo, d).isoformat(), pos_mod(m.groupdict().get("pm")))
    except ValueError:
        return None


def h_month_year(m, ctx):
    if not _abbrev_ok(m, ctx) and not m["y"]:
        return None
    return Reading("DATE", f"{int(m['y'])}-{month_num(m['mon']):02d}", pos_mod(m["pm"]))


_MONTH_CUES = {"in", "since", "by", "until", "till", "through", "from", "to", "of", "during",
               "early", "late", "mid", "last", "next", "this", "before", "after", "between",
               "and", "or", "on", "for", "end", "beginning", "middle", "around", "that", "each",
               "every", "throughout", "except", "including"}


def h_month(m, ctx):
    mon = m["mon"]
    if not _abbrev_ok(m, ctx):
        return None
    if mon in ("May", "March") and not m["pm"] and word_before(ctx, m.start()) not in _MONTH_CUES:
        return None
    if re.match(r"\s+(?:Madness|Hare)", ctx.text[m.end():]) or re.match(r"-", ctx.text[m.end():]):
        return None
    mo = month_num(mon)
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-{mo:02d}", pos_mod(m["pm"]))
    y = nearest_year(ctx.anchor, mo, None, tense_of(ctx.text, m.start(), m.end()))
    return Reading("DATE", f"{y}-{mo:02d}", pos_mod(m["pm"]))


def h_rel_month(m, ctx):
    if not _abbrev_ok(m, ctx):
        return None
    mo = month_num(m["mon"])
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-{mo:02d}")
    a = ctx.anchor
    if rel in ("last", "past", "previous"):
        y = a.year if mo < a.month else a.year - 1
    elif rel in ("next", "coming", "following"):
        y = a.year if mo > a.month else a.year + 1
    elif rel in ("this", "current"):
        y = a.year
    else:
        return None
    return Reading("DATE", f"{y}-{mo:02d}")


def h_decade(m, ctx):
    if m["short"]:
        s = int(m["short"])
        v = f"19{s}X" if s >= 2 else f"20{s}X"
    else:
        v = f"{m['c']}{m['dec']}X"
    return Reading("DATE", v, pos_mod(m["pm"]))


def h_century(m, ctx):
    n = int(m["n"])
    return Reading("DATE", f"{n - 1:02d}") if 0 < n < 30 else None


def h_rel_century(m, ctx):
    rel = m["rel"].lower()
    if "the" in rel:
        return Reading("DURATION", "P100Y")
    if not ctx.anchor:
        return Reading("DATE", "XX")
    c = ctx.anchor.year // 100 + {"this": 0, "last": -1, "next": 1}[rel]
    return Reading("DATE", f"{c:02d}")


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
    ref = ctx.last(r"^\d{4}-Q\d$", window=4)
    if ref and ctx.anchor and int(ref[:4]) != ctx.anchor.year:
        return Reading("DATE", f"{ref[:4]}-Q{q}")
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-Q{q}")
    return Reading("DATE", f"{_year_for_quarter(ctx, q, m)}-Q{q}")


def h_half(m, ctx):
    h = 1 if m["ord"].lower() == "first" else 2
    rest = m["rest"] or ""
    ym = re.search(r"\d{4}", rest)
    if ym:
        return Reading("DATE", f"{ym[0]}-H{h}")
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-H{h}")
    return Reading("DATE", f"{ctx.anchor.year}-H{h}")


def _ref_quarter(ctx) -> str | None:
    ref = ctx.last(r"^\d{4}-Q\d$")
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
    if w in ("current",) or m.group(0).lower().startswith("this"):
        if not ctx.anchor:
            return Reading("DATE", "XXXX-QX")
        return Reading("DATE", shift(ctx.anchor, "Q", 0))
    ref = _ref_quarter(ctx)
    if ref is None:
        return Reading("DATE", "XXXX-QX")
    if w in ("year-ago", "year-earlier", "year-before", "comparable"):
        return Reading("DATE", shift_value(ref, years=-1))
    if w in ("previous", "preceding", "prior"):
        return Reading("DATE", shift_value(ref, unit="Q", n=-1) or ref)
    return Reading("DATE", ref)


def h_year_earlier(m, ctx):
    ref = ctx.last(r"^\d{4}(?:-Q\d|-\d\d(?:-\d\d)?)?$", window=8)
    if ref and (ref[5:6] == "Q" or m["u"] or "ago" not in m.group(0).lower()):
        v = shift_value(ref, years=-1)
        if v:
            return Reading("DATE", v)
    if not ctx.anchor:
        return Reading("DATE", "PAST_REF")
    return Reading("DATE", str(ctx.anchor.year - 1))


def h_fiscal_year(m, ctx):
    return Reading("DATE", m["y"])


def h_nine_months(m, ctx):
    return Reading("DURATION", f"P{NUMBERS[m['n'].lower()]}M")


def h_ago(m, ctx):
    d = m["dir"].lower()
    mod = hedge_mod(m["hedge"])
    letter, is_time = unit_of(m["u"])
    n = number(m["n"]) if m["n"] else None
    sign = -1 if d in ("ago", "earlier") else 1
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if d in ("earlier", "later"):
        base = ctx.ref_day() if letter in ("D", "W") else None
        if base is None:
            ref = ctx.last(r"^\d{4}", window=6)
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


def h_the_unit_after(m, ctx):
    base = ctx.ref_day()
    if m["that"]:
        u = m["u2"].lower()
        if u == "day":
            return Reading("DATE", day_value(base))
        part = PARTS_OF_DAY[u]
        return Reading("TIME", day_value(base) + "T" + part)
    d, u = m["dir"].lower(), m["u"].lower()
    k = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1, "same": 0}[d]
    if base is None:
        return Reading("DATE", "XXXX-XX-XX")
    if u in PARTS_OF_DAY:
        return Reading("TIME", (base + timedelta(days=k)).isoformat() + "T" + PARTS_OF_DAY[u])
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    return Reading("DATE", shift(base, letter, k))


_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


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
    return Reading("DATE", base, pos_mod(pm))


def h_this_part(m, ctx):
    rel, part = m["rel"].lower(), m["part"].lower()
    k = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "night":
        return None
    d = ctx.anchor + timedelta(days=k) if ctx.anchor else None
    return Reading("TIME", f"{day_value(d)}T{PARTS_OF_DAY[part]}")


def _season_occurrence(anchor: date, s: str, k: int) -> str:
    """Season s: k=0 the current/most recent, -1 the one before that, +1 the next."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
    # the latest occurrence that has started by the anchor
    y = anchor.year if anchor >= date(anchor.year, start, 1) else anchor.year - 1
    return f"{y + k}-{s}"


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
                "late", "mid", "of", "for", "before", "after", "throughout", "and", "or", "that"}


def h_season(m, ctx):
    s = SEASONS[m["s"].lower()]
    the = (m["the"] or "").lower()
    pm = m["pm"] or m["pm2"]
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+of\b(?!\s+\d)", after) or re.match(r"[\s-]+(?:season|semester|term|collection|offensive)\b", after):
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
        ref = ctx.last(r"^\d{4}")
        return Reading("DATE", f"{ref[:4] if ref else ctx.anchor.year}-{s}", mod)
    return Reading("DATE", _season_value(ctx.anchor, s, the, tense_of(ctx.text, m.start(), m.end())), mod)


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


def h_that_unit(m, ctx):
    u = m["u"].lower()
    pat = {"week": r"^\d{4}-(?:W\d|\d\d-\d\d)", "month": r"^\d{4}-\d\d", "year": r"^\d{4}"}[u]
    ref = ctx.last(pat)
    if not ref:
        return None
    if u == "year":
        return Reading("DATE", ref[:4])
    if u == "month":
        return Reading("DATE", ref[:7])
    d = value_date(ref)
    return Reading("DATE", iso_week(d) if d else ref[:8])


def h_weekday(m, ctx):
    wdtext = m["wd"]
    plural = wdtext.lower().endswith("s") and wdtext.lower().rstrip(".") not in WEEKDAYS
    wd = WEEKDAYS[wdtext.lower().rstrip(".").rstrip("s") if plural else wdtext.lower().rstrip(".")]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    part = (m["part"] or "").lower()
    clock = m["clock"] or m["clock2"]
    code = PARTS_OF_DAY.get(re.sub(r"\s+", " ", part)) if part else None
    if plural:
        return Reading("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""))
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
    if not c:
        return None
    if re.fullmatch(r"\d{1,2}:\d\d", m["clock"].strip()) and not re.search(
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


def h_year(m, ctx):
    y = int(m["y"])
    pm = (m["pm"] or "").lower()
    if not pm:
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:No\.|#|Flight|Room|Route|Suite|page|Article|Resolution|number|Boeing)\s*$", before, re.I):
            return None
        if re.match(r"\s*(?:-|to)\s*\d{4}\b", ctx.text[m.end():]) is None and y < 1700:
            return None
    return Reading("DATE", str(y), pos_mod(pm) if "year" not in pm else None)


def h_year_end(m, ctx):
    if not ctx.anchor:
        return Reading("DATE", "XXXX", "END")
    return Reading("DATE", str(ctx.anchor.year), "END")


def h_the_year(m, ctx):
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to\s+\w+\s+\d|through)\b", after):
        return Reading("DURATION", "P1Y")
    if re.match(r"\s+(?:before|after|of|in\s+which|when)\b", after):
        return None
    u = m["u"].lower()
    if not ctx.anchor:
        return Reading("DATE", "XXXX" if u == "year" else "XXXX-WXX")
    if u == "week":
        return Reading("DATE", f"{ctx.anchor.year}-WXX")
    return Reading("DATE", str(ctx.anchor.year))


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
