"""Calendar arithmetic for TIMEX3 values: shifting and intervals.

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
    r"^(?P<y>[0-9]{4})(?:-(?:(?P<m>[0-9][0-9])(?:-(?P<d>[0-9][0-9]))?|W(?P<w>[0-9][0-9]?)(?:-WE)?|Q(?P<q>[0-9])|H(?P<h>[0-9])"
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
        dm = re.match(r"^([0-9]{3})X?$", value) or re.match(r"^([0-9]{2})(?:XX)?$", value)
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
