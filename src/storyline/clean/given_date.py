"""The publication date an input gives in a field of its own (a JSON Lines record's `published`, a feed
entry's date), and why one that cannot be read is set aside.

Exports and APIs write a date in more ways than a string: a Unix timestamp
(seconds, or milliseconds in JavaScript and Java exports), or MongoDB's
extended JSON ({"$date": ...}). Those are read when the reading is
unambiguous; anything else (a boolean, a list, another object, a number that
is neither seconds nor milliseconds of a plausible day, a string with no full
date) is set aside with a one-line reason, so that the user learns why the
article is dated from other evidence instead.

A date no article can have is set aside the same way: one later than
tomorrow (what the clock says, in UTC, plus a day for the time zones ahead of
it: a feed may stamp an entry a few hours ahead), and a timestamp before
`FIRST_TIMESTAMP` (1990). Exports write 0, -1 or a few seconds for a missing
time, which read as 1969 or 1970; a news archive older than the web gives its
dates as strings, which may go back to 1900. The clock is the one thing stage
2 reads besides its input: it only decides whether a date has come yet.
"""
from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta, timezone
from typing import Any, NamedTuple

from storyline.clean.dating import parse_date

FIRST_YEAR, LAST_YEAR = 1900, 2100          # the years parse_date accepts
FIRST_TIMESTAMP = date(1990, 1, 1)          # a timestamp before it is a default value (0, -1), not a day
MAX_SECONDS = 1e10                          # below: Unix seconds (up to the year 2286)
MILLISECONDS = (1e11, 1e14)                 # in between: Unix milliseconds (1973 to 5138); 1e10-1e11 is neither


class Given(NamedTuple):
    """A given date read: `day` (None when not read), `how` it was read (for the DateRange's reason),
    and `problem`, one line, when a value was given but set aside."""

    day: date | None
    how: str = ""
    problem: str | None = None


def given_date(value: Any, today: date | None = None) -> Given:
    """Read a date given with an input.

    Accepted: a string with a full date (`dating.parse_date`: ISO 8601, RFC 2822,
    "March 22, 2013" ...); a number (not a boolean) as a Unix timestamp in
    UTC, in seconds when its absolute value is below 1e10, in milliseconds
    from 1e11 to 1e14; {"$date": a string, milliseconds, or {"$numberLong":
    "milliseconds"}} (MongoDB extended JSON); a `date` or `datetime`. The day
    must fall in 1900-2100, not after the day after `today` (None: today's date
    in UTC), and a timestamp's not before `FIRST_TIMESTAMP`. None and blank
    strings are no value: Given(None). Anything else gives Given(None,
    problem=reason), e.g. 'is a boolean (true), not a date'.
    """
    latest = (today or datetime.now(timezone.utc).date()) + timedelta(days=1)
    if value is None or isinstance(value, str) and not value.strip():
        return Given(None)
    if isinstance(value, (date, datetime)):
        return _checked(parse_date(value), "", value, latest)
    if isinstance(value, str):
        day = parse_date(value)
        return _checked(day, "", value, latest) if day else Given(None, problem=f"is {_shown(value)}, "
                                                                                 "which holds no full date")
    if isinstance(value, bool):
        return Given(None, problem=f"is a boolean ({_shown(value)}), not a date")
    if isinstance(value, (int, float)):
        return _timestamp(value, latest)
    if isinstance(value, dict) and set(value) == {"$date"}:
        inner = value["$date"]
        if isinstance(inner, dict) and set(inner) == {"$numberLong"} and isinstance(inner["$numberLong"], str):
            try:
                inner = int(inner["$numberLong"])
            except ValueError:
                pass
        if isinstance(inner, str):
            day = parse_date(inner)
            return _checked(day, "MongoDB $date", value, latest) if day else Given(
                None, problem=f"is {_shown(value)}, which holds no full date")
        if isinstance(inner, (int, float)) and not isinstance(inner, bool):
            return _at(inner / 1000, "MongoDB $date, Unix milliseconds", value, latest)
    kind = "an object" if isinstance(value, dict) else "a list" if isinstance(value, list) else type(value).__name__
    return Given(None, problem=f"is {kind} ({_shown(value)}), not a date")


def _timestamp(number: float, latest: date) -> Given:
    size = abs(number)
    if math.isnan(size) or math.isinf(size):
        return Given(None, problem=f"is {_shown(number)}, not a date")
    if size < MAX_SECONDS:
        return _at(number, "Unix seconds", number, latest)
    if MILLISECONDS[0] <= size < MILLISECONDS[1]:
        return _at(number / 1000, "Unix milliseconds", number, latest)
    return Given(None, problem=f"is {_shown(number)}, neither Unix seconds nor milliseconds of a day in "
                               f"{FIRST_YEAR}-{LAST_YEAR}")


def _at(seconds: float, how: str, given: Any, latest: date) -> Given:
    """The UTC day of a timestamp, set aside when before `FIRST_TIMESTAMP` or after `latest`."""
    try:
        day = datetime.fromtimestamp(seconds, timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        day = None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        return Given(None, problem=f"is {_shown(given)}, read as {how}: not a day in {FIRST_YEAR}-{LAST_YEAR}")
    if day < FIRST_TIMESTAMP:
        return Given(None, problem=f"is {_shown(given)}, read as {how}: {day}, before {FIRST_TIMESTAMP.year}, "
                                   "as a missing time is often written")
    return _checked(day, f"{how}, UTC", given, latest, f", read as {how}")


def _checked(day: date | None, how: str, given: Any, latest: date, read: str = "") -> Given:
    """`day` read from `given`, set aside when outside 1900-2100 or after `latest` (no article is dated
    later than tomorrow)."""
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        return Given(None, problem=f"is {_shown(given)}{read}: not a day in {FIRST_YEAR}-{LAST_YEAR}")
    if day > latest:
        return Given(None, problem=f"is {_shown(given)}{read}: {day}, a day still to come")
    return Given(day, how)


def _shown(value: Any, limit: int = 60) -> str:
    """The value as JSON writes it, on one line, cut to `limit` characters."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (ValueError, RecursionError):
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
