"""When an article was published, or the interval its text allows.

Evidence is tried from the most to the least direct: a date the container
gives (JSON Lines field, feed entry, page metadata), a date in the URL, a
dateline at the top of the text. Failing those, the text still bounds its own
date (`implied`): a time stamp at its top is the day, what it reports as past
happened before it was written, and a photo in it was taken before it. A date
read from a photo caption is never the publication date, only a lower bound.
Each rule is measured by bench/dating.py with the known dates of the dev sets
hidden; an article without such evidence gets no interval rather than a guess.
Every answer carries its reason.
"""
from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta
from email.utils import parsedate_tz
from functools import lru_cache
from typing import NamedTuple

from storyline.clean.credits import dateline_span
from storyline.timex import tag
from storyline.timex.resolve import interval
from storyline.records import DateRange, TimeExpression

_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
# What a clause says about a date it names, read from the cue word nearest before it (stage 2
# has no parser). Only a date in a clause about the past bounds the publication (from below); the
# future, a hypothetical, a forecast, a question, a page's own time stamp, a name ("Madden NFL
# 2006"), a year that qualifies a noun ("the 2016 race", "2008 results") or a date that only names
# a boundary ("until 2017", "from 2018 to 2020") bounds nothing. A modal's verb phrase is one cue
# ("would be spent"), so that its participle is not read as a past tense.
_CUE = re.compile(
    r"(?P<future>\b(?:(?:will|shall|'ll)(?:\s+(?:not|be|have|been|[a-z]+ly))*(?:\s+[a-z]+)?|is to|are to|set to|"
    r"scheduled|slated|expect\w*|upcoming|going to|due(?!\s+to\s+(?!be\b))|plans? to|planned)\b)"
    r"|(?P<hypothetical>\b(?:(?:would|could|might|should|must|can|cannot|can't|won't|wouldn't|couldn't|(?-i:may))"
    r"(?:\s+(?:not|be|have|been|[a-z]+ly))*(?:\s+[a-z]+)?|if|unless|whether|hop(?:e|es|ed|ing)|want\w*|aim\w*|"
    r"intend\w*|targets?|goals?|forecast\w*|project\w*|predict\w*|estimat\w*|anticipat\w*|propos\w*|likely|"
    r"to (?:be|have been) [a-z]+ed)\b)"
    r"|(?P<boundary>\b(?:until|till|through|between)\b)"
    r"|(?P<stamp>\b(?:posted|updated|published|modified|filed|edited|created)\b)"
    r"|(?P<past>\b(?:was|were|had|did|ago|earlier|previously|already|been|said|told|began|became|took|came|went|"
    r"made|left|won|lost|fell|rose|saw|gave|got|held|led|met|paid|ran|sent|sold|spent|stood|struck|wrote|brought|"
    r"bought|built|caught|chose|drew|drove|fought|found|flew|grew|kept|knew|meant|spoke|stole|threw|withdrew|"
    r"(?-i:[a-z]{2,}(?<!e)(?<!dr)ed))\b)", re.I)
_BOUNDARY = {"until", "till", "through", "by", "before", "after", "from", "to", "between", "than", "versus", "vs",
             "for", "or", "nor", "of"}
# "the 2016 Democratic contender", "his 1990 earnings projection": a year after a determiner qualifies what follows
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|your|this|that|these|those|whose|all|both|each|"
                         r"every)|['\u2019]s)\s+$", re.I)
HEAD = 400  # characters at the top of a text where a page's time stamp stands
_REACH = 60  # characters from a cue word to the date it governs
_FILLER = re.compile(r"(?:\b(?:at least|at most|at the latest|as (?:early|late|soon) as|even|(?:the )?(?:end|beginning|"
                     r"start|middle) of|early|late|mid|about|around|roughly|some ?time in|the)\W*)+$", re.I)
_FUNCTION = set("""the a an and or but nor to when as after before that which who while with for in on at by from of
until than is was were will would had has have are be been so if then where because since through during into
about against over under amid following alone only also even already respectively compared according ago
earlier later""".split())
_CLOCK_AFTER = re.compile(r"[,;]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\b")
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|GMT|BST|UTC|[ECMP][SD]?T)?\s*,?\s*$", re.I)
_NON_CALENDAR = re.compile(r"\b(?:fiscal|financial|FY|school|academic|season|model)\b", re.I)
_EXPLICIT_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CLAUSE = re.compile(r"[.!?;\n|\u2014]")
_SENTENCE_END = re.compile(r"[.!?\n]")
_NEXT_CLAUSE = re.compile(r"[,.!?;:\n(\u2014]|\b(?:and|but|while|whereas|as)\b")
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
    """A line above the body that is a full date and nothing else ("December 20, 2022"); not an update's
    ("Updated: 6 March 2025": `updated_line`)."""
    for line in lines:
        day = _line_day(line)
        if day and not _STAMP_LABEL.search(line):
            return DateRange(day, day, f"dateline {line.strip()!r}")
    return None


def updated_line(lines: list[str]) -> date | None:
    """The day of a line above the body that gives only when the page was updated ("Updated: 6 March 2025",
    "Last modified March 6, 2025"): the publication is no later."""
    for line in lines:
        label = _STAMP_LABEL.search(line)
        if label and (day := _line_day(_CLOCK_TAIL.sub("", line[label.end():]))):
            return day
    return None


_CLOCK_TAIL = re.compile(r"\s*(?:,|at)?\s*\d{1,2}[:.]\d{2}\b.*$", re.I)     # " at 14:05 GMT"


def _line_day(line: str) -> date | None:
    """The day of a line that is a full date and at most a short label."""
    for t in tag(line, None):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", t.value) and len(t.text) >= len(line.strip()) - 12:
            return date.fromisoformat(t.value)
    return None


_STAMP_LABEL = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)


def wire_day(text: str, year: int | None = None) -> tuple[date, str] | None:
    """(day, the dateline as written) for the date a wire dateline opening `text` writes between its place and
    its credit ("MARL, Germany, March 4, 2025 (Reuters) -" -> 2025-03-04), or alone after its dashes on a line
    of its own ("OSLO, Norway (AP) — March 6, 2025"), or None.

    A date without its year ("WASHINGTON, Dec 20 (AP) -") is completed only with `year` (stage 4, from the other
    articles of a story: `bounds`); without one it gives None rather than a guessed year. A dateline with no date,
    with more than one, or with an update's label ("Updated March 5") gives None too.
    """
    span = dateline_span(text)
    if not span:
        return None
    start, source, end = span
    head = text[start:source]
    days = [t for t in _tagged(head) if t.type == "DATE"]
    rest = text[end:].split("\n", 1)[0]
    if not days and (after := _line_day(rest)) is not None and not _STAMP_LABEL.search(rest):
        return after, f"{text[start:end]}{rest}".strip()      # "OSLO, Norway (AP) — March 6, 2025" on its own line
    if len(days) != 1 or _STAMP_LABEL.search(head):
        return None
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", days[0].value)
    if not m or m[1] == "XXXX" and year is None:
        return None
    try:
        day = date(int(m[1]) if m[1] != "XXXX" else year, int(m[2]), int(m[3]))
    except ValueError:
        return None
    return day, text[start:end].strip()


def from_wire_dateline(text: str) -> DateRange | None:
    """The publication day a wire dateline with its year gives (`wire_day`): wire copy is dated by its dateline."""
    found = wire_day(text)
    return DateRange(found[0], found[0], f"dateline {found[1]!r}") if found else None


def wire_day_within(text: str, r: DateRange | None) -> DateRange | None:
    """The day of a yearless wire dateline ("LONDON, March 4 (Reuters) -": `wire_day`) in the one year where it
    falls inside `r`, the closed interval the rest of the evidence allows ("March 4" within 2025-02-11..2025-06-30
    is 2025-03-04); None when `r` is open, the dateline writes no date or its year, or no year or several fit."""
    if r is None or r.earliest is None or r.latest is None or wire_day(text) is not None:
        return None
    found = [w for year in range(r.earliest.year, r.latest.year + 1)
             if (w := wire_day(text, year)) is not None and r.earliest <= w[0] <= r.latest]
    if len(found) != 1:
        return None
    day, written = found[0]
    return DateRange(day, day, f"dateline {written!r}, the one such day of {r.reason}")


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
    """Every bound the text's time stamp, tenses, durations and photo captions put on its publication day.

    `year` (stage 4 only, from the other articles of a story; None in the
    clean stage) completes the dates the text writes without a year ("in
    February", "on August 5"); without it such dates bound nothing.

    Rules, each measured by bench/dating.py on the dev sets with the true date hidden:
    - stamp: a full date with a clock time in the first `HEAD` characters
      ("Tuesday 4 January 2005 08.43 GMT", "By A. Writer | May 20, 2011; 1:46 PM")
      is the page's own time stamp: the publication day, or, labelled as an
      update, a day on or after it;
    - caption: a photo was taken on or before its publication, so a day a
      caption dates (a full date with its year) is a lower bound;
    - past: a date with its year that the nearest cue word before it reports as
      past is a lower bound (its first day: "in 2010" allows 2010-01-01);
    - scheduled: a day (not a month or year: "will rival 1932" compares) that
      the nearest cue before it reports as scheduled or expected ("is
      scheduled to testify on May 3, 2011", "a verdict is expected on August
      5") has not come yet: the day before it is an upper bound, unless the
      text names a later day with a clock time (a reader comment's stamp under
      a quoted old announcement);
    - ongoing: a state measured as lasting N months or years ("the five-month
      imprisonment", "its two-year war") began no earlier than the earliest
      past date of the text, so the text is at least that long after it;
    - weekday: "Earlier on Friday, the minister said" is written on that
      weekday or within two days after it (49 of 49 such mentions in the dev
      sets): the lower bound moves to the first such day on or after it. (A
      bare past weekday, "said on Friday", only says the news is of the last
      week, which bounds nothing without a day; moving the lower bound to the
      next such weekday measured 11 of 290 wrong.)
    - dateline: with `year`, a wire dateline's date written without a year ("MARL, Germany, March 4 (Reuters)
      -") is the publication day (`wire_day`), both bounds; other bounds that contradict it leave that year
      out (stage 4 tries each year of a story);
    Bounds right on the dev sets: scheduled 4 of 4, ongoing 6 of 6, weekday 12
    of 12 (all binding). A text with none of the above gets no interval.
    """
    found: list[Bound] = []
    expressions = _tagged(text)
    wired = wire_day(text, year) if year is not None else None
    if wired:
        found += [Bound(wired[0], side, "dateline", f"dateline {wired[1]!r}") for side in ("after", "before")]
    for t in expressions:
        if t.start >= HEAD:
            break
        if _explicit(t) and re.match(r"\d{4}-\d\d-\d\d", t.value) and (t.type == "TIME" or _clock_next_to(text, t)):
            day = date.fromisoformat(t.value[:10])
            updated = re.search(r"\b(?:updated|modified|edited|revised)\W+(?:\w+\W+){0,2}$",
                                text[max(0, t.start - 30):t.start], re.I)
            if not updated:
                found.append(Bound(day, "after", "stamp", f"time stamp {t.text!r}"))
            found.append(Bound(day, "before", "stamp", f"time stamp {t.text!r}"))
            break
    for caption in captions:
        for t in _tagged(caption):
            span = _interval(t) if t.type == "DATE" and _explicit(t) else None
            if span and span[0] == span[1]:
                found.append(Bound(span[0], "after", "caption", f"photo caption dated {t.text!r}"))
    starts: list[date] = []
    for t in expressions:
        span = _completed(t, year) if t.type == "DATE" and not _NON_CALENDAR.search(t.text) else None
        if span and _reported_as_past(text, t):
            found.append(Bound(span[0], "after", "past", f"{t.text!r} is reported as past"))
            starts.append(span[0])
        elif span and span[0] == span[1] and _reported_as_scheduled(text, t) and not _stamped_after(
                text, expressions, span[0]):
            found.append(Bound(span[0] - timedelta(days=1), "before", "scheduled", f"{t.text!r} is yet to come"))
    for t in expressions:
        months = _state_months(text, t) if starts else 0
        if months:
            day = add_months(min(starts).replace(day=1), months)
            found.append(Bound(day, "after", "ongoing", f"{t.text!r} {text[t.end:t.end + 20].split()[0]} since "
                                                        f"{min(starts):%B %Y} at the earliest"))
    lower = ends(found)[0]
    weekday = _same_day_weekday(text, expressions) if lower and lower.rule != "stamp" else None
    if weekday is not None:
        ahead = (weekday - lower.day.weekday()) % 7
        day = lower.day + timedelta(days=0 if ahead >= 5 else ahead)   # that weekday or the two days after it
        found.append(Bound(day, "after", "weekday", f"{lower.why}, then written on the first "
                                                    f"{_WEEKDAY_NAMES[weekday]} after it or the two days after that"))
    return found


def ends(found: list[Bound]) -> tuple[Bound | None, Bound | None]:
    """The bounds that make the interval's ends: the latest "after", the earliest "before".

    A time stamp is the page's own word on its day, so when there is one the
    other bounds, read from tenses, are not consulted (an update's stamp, only
    an upper bound, is combined with them).
    """
    if any(b.rule == "stamp" and b.side == "after" for b in found):
        found = [b for b in found if b.rule == "stamp"]
    return (max((b for b in found if b.side == "after"), default=None),
            min((b for b in found if b.side == "before"), default=None))


def combine(found: list[Bound]) -> DateRange | None:
    """The narrowest interval the bounds allow (`ends`): None when there are none or they contradict."""
    lower, upper = ends(found)
    if not lower and not upper:
        return None
    if lower and upper and lower.day > upper.day:
        return None
    reason = "; ".join(f"{side}: {b.why}" for side, b in (("after", lower), ("before", upper)) if b)
    return DateRange(lower.day if lower else None, upper.day if upper else None,
                     "implied by the text (" + reason + ")")


def implied(text: str, captions: list[str], year: int | None = None) -> DateRange | None:
    """The interval a text's own time stamp, tenses and dates allow for its publication (`bounds`, then `combine`).

    `year` completes dates written without one (see `bounds`).
    """
    return combine(bounds(text, captions, year))


@lru_cache(maxsize=8)
def _tagged(text: str) -> tuple[TimeExpression, ...]:
    """The text's expressions, tagged without an anchor: the same for every year tried."""
    return tuple(tag(text, None))


def _interval(t: TimeExpression) -> tuple[date, date] | None:
    """A year, month or day value as an interval."""
    value = t.value
    if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
        return None
    lo, hi = interval(value)
    return (lo, hi) if lo else None


def _completed(t: TimeExpression, year: int | None) -> tuple[date, date] | None:
    """A date's interval when it writes its year out, or when `year` completes "XXXX-02", "XXXX-08-05"."""
    if _explicit(t):
        return _interval(t)
    if year is None or not re.fullmatch(r"XXXX-\d\d(?:-\d\d)?", t.value) or re.search(r"\d{4}", t.text):
        return None
    lo, hi = interval(str(year) + t.value[4:])
    return (lo, hi) if lo else None


def add_months(day: date, months: int) -> date:
    """`day` (a first of the month) `months` later."""
    n = day.month - 1 + months
    return day.replace(year=day.year + n // 12, month=n % 12 + 1)


# states a text measures by how long they have lasted ("the five-month imprisonment", "a two-year war"),
# not by a length still to run ("a nine-year prison sentence", "a five-year plan", "a 10-year bond")
_ELAPSED_STATES = set("""imprisonment detention captivity incarceration custody confinement ordeal exile absence
hiatus war wars conflict insurgency occupation siege blockade strike strikes walkout lockout standoff stalemate
shutdown lockdown crisis investigation probe inquiry drought recession slump downturn feud dispute boycott
protest protests uprising revolt campaign manhunt search""".split())
_ENDED = re.compile(r"\b(?:after|following|before|ending|ended|end|ends)\W+(?:(?:a|an|the|its|his|her|their)\W+)?$",
                    re.I)   # "returned after a four-year absence": the state ended at the date, not began
_SCHEDULED = re.compile(r"\b(?:scheduled|slated|expected|due|set to|will|shall|is to|are to|upcoming)\b", re.I)
_ATTRIBUTION = re.compile(r"said|told|added|noted|stated|announced|reported|wrote", re.I)   # "..., officials said"
_STATE_DURATION = re.compile(r"\A[\w.]+[- ](month|year)\Z", re.I)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SAME_DAY = re.compile(r"\b(?:earlier|later)\s+(?:on\s+)?$", re.I)
_SAME_DAY_TEXT = re.compile(r"(?:earlier|later)\s+(?:on\s+)?\w+$", re.I)   # the tagger keeps "Earlier Tuesday" whole


def _reported_as_scheduled(text: str, t: TimeExpression) -> bool:
    """Whether the nearest cue word before the day, in its clause, says it is scheduled or expected."""
    window = max(0, t.start - 80)
    start = max((m.end() for m in _CLAUSE.finditer(text, window, t.start)), default=window)
    before = text[start:t.start]
    if _not_an_event_date(text, t, before) or re.search(r"\b(?:until|till|through|between|by|since)\W*$",
                                                         _FILLER.sub("", before), re.I):
        return False
    cues = list(_CUE.finditer(before))
    if not (cues and cues[-1].lastgroup == "future" and len(before) - cues[-1].end() <= _REACH
            and _SCHEDULED.search(cues[-1][0])):
        return False
    rest = re.sub(r"^[\s,]+", "", _SENTENCE_END.split(text[t.end:t.end + 60], 1)[0])
    after = _CUE.search(_NEXT_CLAUSE.split(rest, 1)[0])   # "the results, expected on May 3, were delayed"
    return not after or after.lastgroup != "past" or bool(_ATTRIBUTION.fullmatch(after[0]))


def _stamped_after(text: str, expressions: tuple[TimeExpression, ...], day: date) -> bool:
    """Whether the text names a later day with a clock time (a comment's or an update's stamp, "October 13,
    2008 4:35 PM"): a text quoting an old announcement then, not one written before the day it schedules."""
    return any(_explicit(t) and re.match(r"\d{4}-\d\d-\d\d", t.value) and date.fromisoformat(t.value[:10]) > day
               and (t.type == "TIME" or _clock_next_to(text, t)) for t in expressions)


def _state_months(text: str, t: TimeExpression) -> int:
    """N months for "a five-month imprisonment", "its 10-year war": a duration that qualifies a noun."""
    m = re.fullmatch(r"P(\d+)([MY])", t.value) if t.type == "DURATION" and t.mod is None else None
    if not m or not _STATE_DURATION.match(t.text) or "-" not in t.text or _ENDED.search(text, max(0, t.start - 30),
                                                                                          t.start):
        return 0
    after = re.match(r"\s+(?:long\s+|old\s+)?([a-z]+)", text[t.end:t.end + 30])
    if not after or after[1] not in _ELAPSED_STATES:
        return 0
    window = max(0, t.start - 80)
    start = max((c.end() for c in _CLAUSE.finditer(text, window, t.start)), default=window)
    cues = list(_CUE.finditer(text, start, t.start))
    if cues and cues[-1].lastgroup in ("future", "hypothetical"):     # "will launch a two-year investigation"
        return 0
    return int(m[1]) * (12 if m[2] == "Y" else 1)


def _same_day_weekday(text: str, expressions: tuple[TimeExpression, ...]) -> int | None:
    """The weekday (Monday 0) of "Earlier on Friday, the minister said": the day the text was written."""
    for t in expressions:
        m = re.fullmatch(r"XXXX-WXX-([1-7])", t.value)
        if m and (_SAME_DAY.search(text, max(0, t.start - 20), t.start) or _SAME_DAY_TEXT.match(t.text)):
            return int(m[1]) - 1
    return None


def _explicit(t: TimeExpression) -> bool:
    """The expression writes its year out: "May 2010", not "the next year" valued from another date."""
    return bool(_EXPLICIT_YEAR.search(t.text))


def _reported_as_past(text: str, t: TimeExpression) -> bool:
    """Whether the clause that names the date reports it as past.

    The word right before the date decides first ("since 2010" is past; "until
    2017", "for 2016", "of 2003" name a boundary or a noun's time), then the
    cue nearest before it within `_REACH` characters of its clause, unless the
    words right after it disagree ("fuel used in 2012 will come from").
    """
    window = max(0, t.start - 80)
    start = max((m.end() for m in _CLAUSE.finditer(text, window, t.start)), default=window)
    before = text[start:t.start]
    if _not_an_event_date(text, t, before) or re.match(r"\s*(next|coming)\b", t.text, re.I):
        return False
    words = re.findall(r"[\w']+", _FILLER.sub("", before).lower())
    if words and words[-1] == "since" or re.search(r"\bago$", t.text, re.I):
        return True
    if words and words[-1] in _BOUNDARY:
        return False
    if re.match(r"\s*last\b", t.text, re.I):
        return True
    cues = [c for c in _CUE.finditer(before) if not (c["future"] and re.search(  # "our will", "Hannity's plans"
        r"(?:\b(?:the|our|his|her|their|its|my|your|free|political|own)|['\u2019]s)\s+$", before[:c.start()], re.I))]
    if not cues or cues[-1].lastgroup != "past" or len(before) - cues[-1].end() > _REACH:
        return False
    after = _CUE.search(_NEXT_CLAUSE.split(text[t.end:t.end + 60], 1)[0])
    return not after or after.lastgroup in ("past", "stamp")


def _clock_next_to(text: str, t: TimeExpression) -> bool:
    """A clock time right before or after the date: "May 20, 2011 1:46 pm", "08.43 GMT, 4 January 2005"."""
    return bool(_CLOCK_AFTER.match(text, t.end) or _CLOCK_BEFORE.search(text, max(0, t.start - 20), t.start))


def _not_an_event_date(text: str, t: TimeExpression, before: str) -> bool:
    """A time stamp, a date in a question, a name with a year, or a year qualifying a noun."""
    if _clock_next_to(text, t):
        return True
    if text[t.start - 1:t.start] == "(" and text[t.end:t.end + 1] == ")":  # a citation's date
        return True
    end = _SENTENCE_END.search(text, t.end)
    if end and end[0] == "?":
        return True
    if re.fullmatch(r"\d{4}", t.text):
        name = re.search(r"\b([A-Z][\w&.-]*)\s+$", before)
        if name and name[1].lower() not in _FUNCTION and not re.match(_MONTH_NAME, name[1], re.I):
            return True
    if re.fullmatch(r"\d{4}", t.text) and _DETERMINER.search(before) and re.match(r"\s+\w", text[t.end:t.end + 2]):
        return True
    after = re.match(r"\s+([a-z][\w-]*)", text[t.end:t.end + 30])
    return bool(after and after[1] not in _FUNCTION)
