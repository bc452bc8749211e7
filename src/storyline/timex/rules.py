"""The shared reading/context types and the handlers for absolute dates.

One function per surface pattern: from a regex match to a TIMEX3 reading.

Each handler gets the match and the document context and returns a
`Reading` (type, value, mod, optionally a narrower span) or None to veto the
match (an ambiguous word that is not temporal here), in which case the tagger
tries the next candidate. Values follow the TimeBank conventions as the
TempEval-3 gold applies them, which are not always the TimeML guidelines':
a bare weekday takes the tense of its clause, "a year earlier" in an earnings
report is the same quarter a year before, ages ("44-year-old") are not times.

With no anchor nothing is guessed: relative values keep X placeholders
(XXXX-08-05, XXXX-WXX-5) and deictic ones fall back to PRESENT/PAST/FUTURE_REF.
Handlers for anchored and anaphoric expressions live in `deixis`,
seasons and holidays in `seasons`, durations and sets in
`durations`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.timex.patterns import MONTHS, NUMBERS, UNITS
from storyline.timex.resolve import value_date
from storyline.timex.tense import firm_past, tense_cue


@dataclass
class Reading:
    type: str
    value: str
    mod: str | None = None
    start: int | None = None   # narrower span than the match, when set
    end: int | None = None
    # valued from an earlier mention: never itself an antecedent, or "a year
    # earlier" after "a year earlier" would drift back a year each time
    anaphoric: bool = False


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
        v = self.last(r"^[0-9]{4}-[0-9][0-9]-[0-9][0-9]", window=6)
        return value_date(v) if v else self.anchor


# -- small helpers ----------------------------------------------------------------

def number(s: str | None) -> float | None:
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s.endswith(" and a half"):
        base = number(s[:-11])
        return None if base is None else base + 0.5
    if s.endswith(" 1/2"):
        base = number(s[:-4])
        return None if base is None else base + 0.5
    if re.fullmatch(r"[0-9]+(,[0-9]{3})*", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"[0-9]+\.[0-9]+", s):
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
    if letter == "Q" and n == int(n) and n > 1:
        return f"P{fmt_num(n * 3)}M"       # "the next three quarters": TimeBank counts months
    if n != int(n):
        # "2 1/2 years" is P2Y6M: whole units, then the rest in the next smaller unit
        whole, rest = int(n), n - int(n)
        sub = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False),
               "D": ("H", 24, True), "H": ("M", 60, True), "M_t": ("S", 60, True)}.get(
            "M_t" if (is_time and letter == "M") else letter)
        if sub:
            s_letter, k, s_time = sub
            head = (f"{whole}{letter}" if whole else "")
            tail = f"{fmt_num(round(rest * k, 3))}{s_letter}"
            if is_time:
                return f"PT{head}{tail}"
            return f"P{head}T{tail}" if s_time else f"P{head}{tail}"
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


def nearest_year(anchor: date, month: int, day: int | None, tense: str | None) -> int:
    """The year that puts month(/day) closest to the anchor, biased by tense.

    A bare "October" in a January article is last October; "in March" in a
    November one is next March. A tense (None: no cue, read as past) only
    settles the middle ground: TimeBank values "declared a dividend payable
    Dec. 7" as the coming December whatever the past verb, so even an explicit
    cue is a penalty, not a rule. "past!" (a past passive or perfect governing
    the expression in its own clause: "was detained at a Moscow airport in
    February") is a rule.
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
        wrong_side = (diff > 0 and tense in ("past", "past!", None)) or (diff < 0 and tense == "future")
        score = abs(diff) + ((1000 if tense == "past!" else 150) if wrong_side else 0)
        if best is None or score < best[0]:
            best = (score, y)
    return best[1]


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
                and not re.match(r"\s*[0-9]", ctx.text[m.end("mon"):]))


def h_month_day(m, ctx):
    if not _abbrev_ok(m, ctx):
        return None
    mo = month_num(m["mon"])
    d = int(re.match(r"[0-9]+", m["d"])[0])
    if d > 31:
        return None
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor:
        y = nearest_year(ctx.anchor, mo, d, firm_past(ctx.text, m.start()) or tense_cue(ctx.text, m.start(), m.end()))
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
    y = nearest_year(ctx.anchor, mo, None, firm_past(ctx.text, m.start()) or tense_cue(ctx.text, m.start(), m.end()))
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
        # "last February" written on March 1st is not the month just ended ("last month")
        y = a.year if mo < a.month - 1 else a.year - 1
    elif rel in ("next", "coming", "following"):
        y = a.year if mo > a.month else a.year + 1
    elif rel in ("this", "current"):
        y = a.year
    else:
        return None
    return Reading("DATE", f"{y}-{mo:02d}")


def h_decade(m, ctx):
    """"the 1990s" is 199: the TimeML guidelines write a decade as its first three digits."""
    if m["short"]:
        s = int(m["short"])
        v = f"19{s}" if s >= 2 else f"20{s}"
    else:
        v = f"{m['c']}{m['dec']}"
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


def h_fiscal_year(m, ctx):
    return Reading("DATE", m["y"])


def h_nine_months(m, ctx):
    return Reading("DURATION", f"P{NUMBERS[m['n'].lower()]}M")


def h_year(m, ctx):
    y = int(m["y"])
    pm = (m["pm"] or "").lower()
    if not pm:
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:No\.|#|Flight|Room|Route|Suite|page|Article|Resolution|number|Boeing)\s*$", before, re.I):
            return None
        if re.match(r"\s*(?:-|to)\s*[0-9]{4}\b", ctx.text[m.end():]) is None and y < 1700:
            return None
    return Reading("DATE", str(y), pos_mod(pm) if "year" not in pm else None)




def h_month_rel_year(m, ctx):
    if not _abbrev_ok(m, ctx):
        return None
    mo = month_num(m["mon"])
    if not ctx.anchor:
        return Reading("DATE", f"XXXX-{mo:02d}")
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return Reading("DATE", f"{y}-{mo:02d}")


_TENS_V = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}


def h_spoken_year(m, ctx):
    """Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    t = (m["t"] or "").lower()
    century = 1900 if m["c"].lower() == "nineteen" else 2000
    if century == 1900 and not t:
        return None
    if century == 2000 and not t and not m.group(0).lower().startswith("the year"):
        return None
    parts = re.split(r"[\s-]+", t) if t else []
    n = sum(_TENS_V.get(p, NUMBERS.get(p, 0)) for p in parts)
    if century == 1900 and n < 10:
        return None
    return Reading("DATE", str(century + n))


def h_spoken_decade(m, ctx):
    if re.search(r"\b(?:their|his|her|my|our|your|mid|early|late)[\s-]*$", ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return None
    if re.search(r"(?:their|his|her|my|our|your)\s+(?:early|late|mid)", m.group(0) + ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return None
    t = m["t"].lower()
    d = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
         "eighties": 8, "nineties": 9}[t]
    return Reading("DATE", f"19{d}", pos_mod(m["pm"]))
