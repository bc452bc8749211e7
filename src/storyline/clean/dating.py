"""When an article was published, or the interval its text allows.

Evidence is tried from the most to the least direct: a date the container
gives (JSON Lines field, feed entry, page metadata), a date in the URL, a
dateline at the top of the text. Failing those, the text still bounds its own
date: what it reports as past happened before it was written, what it calls
expected comes after, a photo in it was taken before it, and "the five-month
imprisonment" of someone arrested in February puts it five months after
February. A date read from a photo caption is never the publication date,
only a lower bound. Every answer carries its reason.
"""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta
from email.utils import parsedate_tz
from functools import lru_cache
from typing import NamedTuple

from storyline.read.timex import tag
from storyline.read.timex_resolve import add_months, interval
from storyline.records import DateRange, TimeExpression

_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_FUTURE = re.compile(r"\b(will|shall|expected|scheduled|due|set to|plans? to|planned|slated|upcoming|"
                     r"is to|are to|next|later this|going to|would be held|to be held)\b", re.I)
_PAST = re.compile(r"\b(was|were|had|did|ago|last|earlier|since|previously|already|been|\w{3,}ed)\b", re.I)
_ONGOING = re.compile(r"^[-\s]*(long\s+)?(imprisonment|detention|captivity|custody|incarceration|jailing|ordeal|war|"
                      r"conflict|siege|occupation|blockade|strike|standoff|stand-off|shutdown|lockdown|absence|"
                      r"exile|investigation|campaign|crisis|hostage|stay)\b", re.I)
_CLAUSE = re.compile(r"[.!?;\n]")
_MONTH_NAME = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"


def parse_date(value) -> date | None:
    """A date from a metadata string, keeping the calendar day the publisher wrote.

    No timezone conversion: "23:30-05:00" is still that day where the story
    was filed. ISO 8601 and compact forms, RFC 2822 (feeds, HTTP), then a
    written date with month, day and year (dateutil would invent a missing
    day, so all three must be there), then any full date the timex tagger reads.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    found: tuple[int, int, int] | None = None
    if m := re.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value):
        found = (int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T?\d*)?", value):
        found = (int(m[1]), int(m[2]), int(m[3]))
    elif parsed := parsedate_tz(value):
        found = parsed[:3]
    elif re.search(_MONTH_NAME, value, re.I) and re.search(r"\b(19|20)\d\d\b", value) \
            and re.search(r"(?<!\d)\d{1,2}(st|nd|rd|th)?\b(?!:)", value):
        try:
            from dateutil import parser as du  # shipped with htmldate
            with warnings.catch_warnings():  # unknown zone names ("IST") are irrelevant to the day
                warnings.simplefilter("ignore")
                d = du.parse(value, fuzzy=True)
            found = (d.year, d.month, d.day)
        except (ValueError, OverflowError, TypeError, ImportError):
            found = None
    if found is None:
        full = [t.value for t in tag(value, None) if re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)]
        found = tuple(int(x) for x in full[0].split("-")) if full else None
    try:
        day = date(*found) if found else None
    except ValueError:
        return None
    return day if day and 1900 <= day.year <= 2100 else None


def from_url(url: str | None) -> DateRange | None:
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return DateRange(day, day, "date in the URL")
        except ValueError:
            return None
    m = _URL_MONTH.search(url)
    if m:
        first, last = interval(f"{m[1]}-{m[2]}")
        return DateRange(first, last, "month in the URL")
    return None


def from_dateline(lines: list[str]) -> DateRange | None:
    """A line above the body that is a full date and nothing else ("December 20, 2022")."""
    for line in lines:
        for t in tag(line, None):
            if re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) and len(t.text) >= len(line.strip()) - 12:
                day = date.fromisoformat(t.value)
                return DateRange(day, day, f"dateline {line.strip()!r}")
    return None


class Bound(NamedTuple):
    """One bound the text puts on its publication day, and the rule that gave it.

    `side` is "after" (published on or after `day`) or "before" (on or before).
    `rule` names the rule for measurement (bench/dating.py); `why` quotes the evidence.
    """

    day: date
    side: str
    rule: str
    why: str


def bounds(text: str, captions: list[str], year: int | None = None) -> list[Bound]:
    """Every bound the text's tenses, durations and photo captions put on its publication day.

    `year` completes dates the text gives without one ("in February"); without
    it such dates bound nothing, since a guessed year is worse than no date.
    """
    found: list[Bound] = []
    for caption in captions:
        for t in _tagged(caption):
            span = _interval(t, year)
            if span and t.type == "DATE":
                found.append(Bound(span[0], "after", "caption", f"photo caption dated {t.text!r}"))
    expressions = _tagged(text)
    past_starts: list[date] = []
    for t in expressions:
        if t.type != "DATE":
            continue
        span = _interval(t, year)
        if not span:
            continue
        tense = _tense(text, t)
        if tense == "future":
            found.append(Bound(span[0] - timedelta(days=1), "before", "future", f"{t.text!r} is expected"))
        elif tense == "past":
            found.append(Bound(span[0], "after", "past", f"{t.text!r} is reported as past"))
            past_starts.append(span[0])
    for t in expressions:
        months = _months(t)
        ongoing = _ONGOING.match(text[t.end:t.end + 40]) if months and past_starts else None
        if ongoing:
            start = min(past_starts).replace(day=1)
            found.append(Bound(add_months(start, months), "after", "ongoing",
                               f"{t.text!r} {ongoing.group(2)} since {start:%B %Y}"))
    lower = max((b for b in found if b.side == "after"), default=None)
    weekday = _news_weekday(text, expressions) if lower else None
    if weekday is not None:
        day = lower.day + timedelta(days=(weekday - lower.day.weekday()) % 7)
        found.append(Bound(day, "after", "weekday",
                           f"{lower.why}, then the first {day:%A} the text reports news from"))
    return found


def combine(found: list[Bound]) -> DateRange | None:
    """The narrowest interval the bounds allow: None when there are none or they contradict."""
    lower = max((b for b in found if b.side == "after"), default=None)
    upper = min((b for b in found if b.side == "before"), default=None)
    if not lower and not upper:
        return None
    if lower and upper and lower.day > upper.day:
        return None
    reason = "; ".join(f"{side}: {b.why}" for side, b in (("after", lower), ("before", upper)) if b)
    return DateRange(lower.day if lower else None, upper.day if upper else None,
                     "implied by the text (" + reason + ")")


def implied(text: str, captions: list[str], year: int | None = None) -> DateRange | None:
    """The interval a text's own tenses and dates allow for its publication (`bounds`, then `combine`)."""
    return combine(bounds(text, captions, year))


@lru_cache(maxsize=8)
def _tagged(text: str) -> tuple[TimeExpression, ...]:
    """The text's expressions, tagged without an anchor: the same for every year tried."""
    return tuple(tag(text, None))


def _interval(t: TimeExpression, year: int | None) -> tuple[date, date] | None:
    """A year, month or day value as an interval; `year` completes "XXXX-02"."""
    value = t.value
    if year is not None:
        value = re.sub(r"^XXXX(?=-\d\d)", str(year), value)
    if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
        return None
    lo, hi = interval(value)
    return (lo, hi) if lo else None


def _tense(text: str, t: TimeExpression) -> str | None:
    """Past or future, from the words of the clause before the expression."""
    window = max(0, t.start - 80)
    start = max((m.end() for m in _CLAUSE.finditer(text, window, t.start)), default=window)
    before = text[start:t.start]
    if _FUTURE.search(before) or re.match(r"\s*(next|coming)\b", t.text, re.I):
        return "future"
    if _PAST.search(before) or re.match(r"\s*(last|since)\b", t.text, re.I) or t.text.lower().endswith("ago"):
        return "past"
    return None


def _news_weekday(text: str, expressions: list[TimeExpression]) -> int | None:
    """The weekday of the news itself: a bare "on Friday" in the past tense, not "last/next Friday"."""
    for t in expressions:
        m = re.fullmatch(r"XXXX-WXX-([1-7])", t.value)
        if m and not re.search(r"\b(last|next|this|coming|previous)\b", text[max(0, t.start - 12):t.end], re.I):
            return int(m[1]) - 1
    return None


def _months(t: TimeExpression) -> int:
    m = re.fullmatch(r"P(\d+)([MY])", t.value) if t.type == "DURATION" else None
    return int(m[1]) * (12 if m[2] == "Y" else 1) if m else 0
