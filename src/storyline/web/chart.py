"""A story's timeline as the geometry of an inline SVG chart: a date axis and one dot per entry.

Dates are ISO days, months or years (a month or year stands for its first
day). Dots are placed left to right by date and stacked into lanes so that
two never overlap; a dot's radius grows with the entry's score. The
template draws the geometry; each dot links to the entry's source sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, MARGIN, LANE, TOP = 960, 24, 22, 34


@dataclass(frozen=True)
class Row:
    """One timeline line as the chart and the list below it show it."""

    date: str
    text: str
    article_id: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    row: Row
    number: int


def day(text: str) -> date | None:
    """An ISO day, month (first day) or year (1 January); None when it is none of these."""
    parts = (text or "").split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, IndexError):
        return None


def layout(rows: list[Row]) -> dict:
    """{width, height, dots [Dot], ticks [(x, label)], axis_y} for the dated rows (undated ones are left out)."""
    dated = sorted(((day(r.date), r) for r in rows if day(r.date)), key=lambda dr: (dr[0], dr[1].date))
    if not dated:
        return {"width": WIDTH, "height": 0, "dots": [], "ticks": [], "axis_y": 0}
    lo, hi = dated[0][0].toordinal(), dated[-1][0].toordinal()
    span = max(hi - lo, 1)
    x_of = lambda d: MARGIN + (WIDTH - 2 * MARGIN) * (d.toordinal() - lo) / span  # noqa: E731
    lanes: list[float] = []            # the right edge of the last dot in each lane
    dots = []
    for number, (d, row) in enumerate(dated, start=1):
        r = 4 + 5 * max(0.0, min(1.0, row.score or 0.0))
        x = x_of(d)
        lane = next((i for i, right in enumerate(lanes) if right + 2 < x - r), None)
        if lane is None:
            lanes.append(0.0)
            lane = len(lanes) - 1
        lanes[lane] = x + r
        dots.append(Dot(round(x, 1), TOP + LANE * lane + LANE / 2, round(r, 1), row, number))
    return {"width": WIDTH, "height": TOP + LANE * len(lanes) + 8, "dots": dots, "ticks": _ticks(lo, hi, x_of),
            "axis_y": TOP - 8}


def _ticks(lo: int, hi: int, x_of) -> list[tuple[float, str]]:
    """Labels at years, or at months when the span is under two years, at most about ten."""
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    months = (last.year - first.year) * 12 + last.month - first.month
    if months < 24:
        step = max(1, months // 8 or 1)
        marks = [date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1)
                 for k in range(0, months + 1, step)]
        label = lambda d: d.strftime("%b %Y")  # noqa: E731
    else:
        step = max(1, (last.year - first.year) // 8 or 1)
        marks = [date(y, 1, 1) for y in range(first.year, last.year + 1, step)]
        label = lambda d: str(d.year)  # noqa: E731
    marks = [max(m, first) for m in marks]
    return [(round(x_of(m), 1), label(m)) for m in dict.fromkeys(marks)]
