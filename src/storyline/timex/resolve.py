"""Calendar arithmetic for TIMEX3 values: shifting, tense, intervals.

A TIMEX3 value string already carries its granularity (2022, 2022-Q3,
2022-W50, 2022-12-09TMO), so this module works on those strings rather than on
a richer object: shifting "a year earlier" from a quarter must give a quarter,
and an interval must be derivable from any value the tagger emits, including
ones it took from an earlier expression of the same article. Only the standard
library is used so the tagger runs anywhere the pipeline does.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_FUTURE = re.compile(
    r"\b(?:will|won't|wo\s+n't|'ll|shall|going\s+to|is\s+to|are\s+to|plans?\s+to|planned\s+for"
    r"|scheduled|set\s+for|expected\s+to|(?<!was\s)(?<!were\s)(?:expected|due|slated)(?=\s+(?:on|in|by|at|around|before|early|late|this|next)\b)|expects?\s+to|intends?\s+to|due\s+to|would|could|might|set\s+to"
    r"|upcoming|next|coming|hopes?\s+to|tomorrow|planned|planning|as\s+soon\s+as|as\s+early\s+as"
    r"|likely\s+to|postponed\s+until|delayed\s+until)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:said|was|were|had|did|told|announced|reported|added|(?-i:[a-z]{2,}ed)|ago|last|yesterday"
    r"|earlier|began|became|came|went|made|took|gave|met|left|held|fell|rose|sold|won|lost|got|since"
    r"|has\s+been|have\s+been|previously)\b",
    re.IGNORECASE)
# A future cue in the pluperfect ("had been scheduled to", "had been due to") is a
# plan that was already due when the article was written: a past cue.
_REPORTING = re.compile(r"said|told|announced|reported|added", re.IGNORECASE)
_PAST_AUX = re.compile(r"\bhad(?:\s+been)?\s+(?:\w+\s+)?$", re.IGNORECASE)


def tense_cue(text: str, start: int, end: int) -> str | None:
    """'future', 'past', or None when the clause around an expression has no cue.

    Cue words are looked for before the expression within its sentence, and
    just after it. A past-tense -ed word only counts when lower-case, or every
    "United States" would make a clause past; a past form that is part of a
    future cue ("expected to", "scheduled") counts as the future cue only.
    """
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start))
    lo = max(left + 1, start - 90)
    before = text[lo:start]
    after = text[end:end + 40]
    stop = re.search(r"[.;\n]", after)
    if stop:
        after = after[:stop.start()]
    if re.search(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", before, re.I):
        return "past"
    fut = [f for f in _FUTURE.finditer(before) if not _PAST_AUX.search(before[:f.start()])]
    spans = [(f.start(), f.end()) for f in _FUTURE.finditer(before)]
    past = [p for p in _PAST.finditer(before)
            if not any(a < p.end() and p.start() < b for a, b in spans)]
    past += [p for p in _FUTURE.finditer(before) if _PAST_AUX.search(before[:p.start()])]
    past.sort(key=lambda p: p.start())
    if past and all(_REPORTING.fullmatch(p.group(0)) for p in past) and not fut:
        return None     # "He said the hearing is on ...": the report is past, the clause it reports may not be
    if fut and (not past or fut[-1].start() > past[-1].start() or
                re.search(r"\b(?:will|'ll|going\s+to|is\s+to|are\s+to)\b", before, re.I)):
        return "future"
    if past:
        return "past"
    if _FUTURE.search(after):
        return "future"
    if _PAST.search(after):
        return "past"
    return None


_FIRM_PAST = re.compile(r"\b(?:was|were|had(?:\s+been)?)\s+(?:\w+ly\s+)?(?!(?:been|due|set|expected|scheduled|planned|extended|postponed|delayed|moved|pushed|slated)\b)"
                        r"[a-z]+(?:ed|en|wn|ught|lt)\b[^,;:.\n()]*$")


def firm_past(text: str, start: int) -> str | None:
    """'past!' when a past passive or perfect governs the expression in its own clause.

    "She was detained at a Moscow airport in February": read in December,
    that February is the past one, not the one two months ahead.
    """
    before = text[max(0, start - 70):start]
    if re.search(r"\b(?:by|until|till|through|before|to\s+be|will|would)\s+(?:\w+\s+)?$|\bto\s+be\b", before, re.I):
        return None     # deadlines and plans: "ordered to be returned by Jan. 14"
    return "past!" if _FIRM_PAST.search(before) else None


def tense_of(text: str, start: int, end: int) -> str:
    """'future' or 'past' for the clause around an expression.

    TimeBank values a bare weekday or month by the tense of its clause:
    news is mostly past, so a clause counts as future only when a future cue
    sits near the expression (before it within the sentence, or just after).
    Without a parser this is the cheapest signal that holds up.
    """
    return tense_cue(text, start, end) or "past"


# -- granularity-preserving shifts -------------------------------------------

def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift(anchor: date, unit: str, n: int) -> str:
    """The value n units from anchor, at the unit's granularity.

    "two years ago" is a year, "six weeks ago" a week, "10 days ago" a day:
    TimeBank keeps the granularity of the unit rather than the exact day.
    """
    if unit == "D":
        return (anchor + timedelta(days=n)).isoformat()
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=n))
    if unit == "WE":
        return iso_week(anchor + timedelta(weeks=n)) + "-WE"
    if unit == "M":
        return add_months(anchor, n).strftime("%Y-%m")
    if unit == "Q":
        q = (anchor.month - 1) // 3 + n
        return f"{anchor.year + q // 4}-Q{q % 4 + 1}"
    if unit == "H":
        h = (anchor.month - 1) // 6 + n
        return f"{anchor.year + h // 2}-H{h % 2 + 1}"
    if unit == "Y":
        return str(anchor.year + n)
    if unit == "E":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "C":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit in ("h", "min", "S"):
        return anchor.isoformat()
    raise ValueError(unit)


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)(?:-WE)?|Q(?P<q>\d)|H(?P<h>\d)"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$")


def shift_value(value: str, years: int = 0, unit: str | None = None, n: int = 0) -> str | None:
    """Shift a value string by whole years, or by n units when it is a day.

    Used for anaphora ("a year earlier" after "the third quarter" is the
    same quarter a year before); returns None when the value cannot be shifted
    at its own granularity, so the caller can fall back to the anchor date.
    """
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if years:
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            try:
                return d.replace(year=y + years).isoformat()
            except ValueError:
                return date(y + years, 2, 28).isoformat()
        tail = value[4:]
        if m["w"]:
            return f"{y + years}{tail}"
        return f"{y + years}{tail}"
    if unit and m["d"]:
        d = date(y, int(m["m"]), int(m["d"]))
        return shift(d, unit, n)
    if unit == "M" and m["m"] and not m["d"]:
        return add_months(date(y, int(m["m"]), 1), n).strftime("%Y-%m")
    if unit == "Q" and m["q"]:
        q = int(m["q"]) - 1 + n
        return f"{y + q // 4}-Q{q % 4 + 1}"
    return None


def value_date(value: str) -> date | None:
    """The day a day-granular value names (time of day dropped), else None."""
    m = _VALUE.match(value)
    if m and m["d"]:
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    return None


def interval(value: str, mod: str | None = None) -> tuple[date | None, date | None]:
    """The calendar interval a DATE/TIME value denotes, narrowed by its mod.

    Everything downstream (timelines, event dating) compares intervals, not
    strings, so every value shape the tagger emits is mapped here once.
    START/MID/END keep the first, middle or last third of a month or longer
    period: "late April" is the 21st to the 30th, not the whole month.
    """
    lo = hi = None
    m = _VALUE.match(value)
    if m:
        y = int(m["y"])
        try:
            if m["d"]:
                lo = hi = date(y, int(m["m"]), int(m["d"]))
            elif m["m"]:
                mo = int(m["m"])
                lo, hi = date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
            elif m["w"]:
                lo = date.fromisocalendar(y, int(m["w"]), 1)
                hi = lo + timedelta(days=6)
                if value.endswith("-WE"):
                    lo = lo + timedelta(days=5)
            elif m["q"]:
                q = int(m["q"])
                lo = date(y, 3 * q - 2, 1)
                hi = add_months(lo, 3) - timedelta(days=1)
            elif m["h"]:
                h = int(m["h"])
                lo = date(y, 6 * h - 5, 1)
                hi = add_months(lo, 6) - timedelta(days=1)
            elif m["s"]:
                a, b = SEASON_MONTHS[m["s"]]
                lo = date(y, a, 1)
                by = y + 1 if b < a else y
                hi = date(by, b, calendar.monthrange(by, b)[1])
            else:
                lo, hi = date(y, 1, 1), date(y, 12, 31)
        except ValueError:
            return None, None
    else:
        dm = re.match(r"^(\d{3})X?$", value) or re.match(r"^(\d{2})(?:XX)?$", value)
        if not dm:
            return None, None
        if len(dm[1]) == 3:
            lo, hi = date(int(dm[1]) * 10, 1, 1), date(int(dm[1]) * 10 + 9, 12, 31)
        else:
            lo, hi = date(int(dm[1]) * 100, 1, 1), date(int(dm[1]) * 100 + 99, 12, 31)
    if mod in ("START", "MID", "END") and lo and hi and (hi - lo).days >= 6:
        third = ((hi - lo).days + 1) / 3
        if mod == "START":
            hi = lo + timedelta(days=round(third) - 1)
        elif mod == "MID":
            lo, hi = lo + timedelta(days=round(third)), lo + timedelta(days=round(2 * third) - 1)
        else:
            lo = hi - timedelta(days=round(third) - 1)
    return lo, hi
