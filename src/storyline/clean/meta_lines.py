"""A line on top of a page's text that is its metadata: date, outlet and byline in one line.

Pages saved as text or Markdown, newsletters and blogs often put the facts a news page marks up for machines in
one line under the headline, their parts separated by a middle dot, a bar, a bullet or a dash:

    **Published: October 24, 2025** · Southeast Asia Weekly · by Lorenzo Dizon
    Colorado Courts Watch — Friday, November 14, 2025
    March 5, 2025 | 10:30 AM | By Jane Doe | Updated March 6, 2025

Such a line is read part by part; it is a metadata line when every part is one of: a date, maybe after a
publication label (`page_dates.date_line`); an update's stamp ('Updated March 6, 2025'); a byline ('by Jane
Doe': `bylines.byline_line`); a clock time or a reading time; an outlet (`bylines.outlet_name`) or another short
capitalised name (a section, a place) - and at least one part is a date or a byline. A part with a word in lower
case that is none of those ('The Senate voted on Tuesday') makes the line story text. Emphasis around a part
(`**Published: ...**`) is no part of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.clean.bylines import byline_line, outlet_name
from storyline.clean.dating import updated_line
from storyline.clean.page_dates import date_line

__all__ = ["MetaLine", "meta_line"]

MAX_LENGTH = 200          # characters: a longer line is a paragraph
_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022\u2219]\s*|\s+[-\u2013\u2014]\s+")
_CLOCK = re.compile(r"(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?", re.I)
_READING = re.compile(r"\d{1,3}[-\s]?(?:min(?:ute)?s?|mins?)\.?(?:\s+read(?:ing)?(?:\s+time)?)?", re.I)
_NAME = re.compile(r"[A-Z][\w'\u2019.&-]*(?:\s+(?:[A-Z][\w'\u2019.&-]*|of|the|and|&|de|la|del|du|for|on|in))*")


@dataclass
class MetaLine:
    """What a metadata line gives: `dates` as top lines for stage 2 (a publication date without its label, an
    update's stamp as written), the people of its byline and the outlet it names."""

    dates: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    outlet: str | None = None


def meta_line(line: str) -> MetaLine | None:
    """The metadata a line of two or more parts gives (see the module's docstring), None for any other line."""
    text = " ".join(line.split())
    parts = [p.strip(" *_") for p in _SEPARATOR.split(text)] if len(text) <= MAX_LENGTH else []
    if len(parts) < 2 or not all(parts):
        return None
    found, bylined = MetaLine(), False
    for part in parts:
        if shown := date_line(part):
            found.dates.append(shown)
        elif updated_line([part]):
            found.dates.append(part)
        elif (names := byline_line(part)) is not None:
            found.byline += [n for n in names if n not in found.byline]
            bylined = True
        elif _CLOCK.fullmatch(part) or _READING.fullmatch(part):
            continue
        elif outlet := outlet_name(part):
            found.outlet = found.outlet or outlet
        elif not (_NAME.fullmatch(part) and len(part.split()) <= 6 and not re.search(r"\d", part)):
            return None
    return found if found.dates or bylined else None
