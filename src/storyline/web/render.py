"""Templates and the view logic shared by the web pages and the HTML dossier.

One Jinja2 environment with autoescape on for every template, so anything
from an article (title, text, name, URL, id) is escaped wherever it appears;
the templates mark nothing from the store as safe. A story section is one
macro (`_story.html`), drawn by the story page and by the dossier with their
own links (`web.links`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources
from typing import Any

import jinja2

from storyline.export.wording import counted
from storyline.records import DateRange
from storyline.web import chart
from storyline.web.links import outside_url

TEMPLATES = resources.files("storyline.web") / "templates"
STATIC = resources.files("storyline.web") / "static"
MAX_EVENT_ROWS = 80      # a timeline shows its best-scored rows: the widest reported events, the top stored dates
_QUOTED_PIECE = re.compile(r'\s*["\u201c]([^"\u201c\u201d]*)["\u201d]\s*')


def when(value: Any) -> str:
    """A date, DateRange or export date dict as text: `2022-12-09`, `2022-12-01 .. 2022-12-31`, `undated`."""
    if isinstance(value, DateRange):
        lo, hi = value.earliest, value.latest
    elif isinstance(value, dict):
        lo, hi = value.get("earliest"), value.get("latest")
    else:
        lo = hi = value
    lo, hi = (d.isoformat() if isinstance(d, date) else d for d in (lo, hi))
    if not lo and not hi:
        return "undated"
    return lo if lo == hi else f"{lo or '?'} .. {hi or '?'}"


def bare_quote(text: str | None) -> str:
    """A quote's words as shown inside one pair of quotation marks: the marks it was printed with taken off
    (and the comma before a closing one), the pieces of a quote split around its speaker joined by " … ".

    '"We are searching," Ortiz said. "It will rise."' is stored as '"We are searching," "It will rise."'
    and shown as 'We are searching … It will rise.'; a text that is not quoted pieces alone (an indirect
    quote, a mixed one: 'a "fair" deal') is shown as written.
    """
    t = (text or "").strip()
    pieces, at = [], 0
    while at < len(t):
        piece = _QUOTED_PIECE.match(t, at)
        if piece is None:
            return t
        pieces.append(piece.group(1).strip().rstrip(",").rstrip())
        at = piece.end()
    return " … ".join(pieces) if pieces else t


def timeline_rows(page: dict) -> tuple[list[chart.Row], str]:
    """The rows a story's timeline shows, and where they come from.

    The story's own timeline when stored (its `MAX_EVENT_ROWS` best-scored
    dates: a stored timeline keeps every date the story refers to); else its
    dated events (not bare statements), each by its first report's sentence,
    scored by the share of the story's articles reporting it.
    """
    if page["timeline"]:
        best = sorted(page["timeline"], key=lambda e: -e.score)[:MAX_EVENT_ROWS]
        return [chart.Row(e.date, e.text, e.article_id, e.start, e.end, e.score)
                for e in sorted(best, key=lambda e: e.date)], "timeline"
    size = max(len(page["story"].article_ids), 1)
    rows: dict[tuple[str, int, int], chart.Row] = {}
    for v in page["events"]:
        if v.type == "statement" or not v.reports:
            continue
        ev = v.reports[0].evidence
        row = chart.Row(coarse(v.time), ev.text, ev.article_id, ev.start, ev.end, min(1.0, len(v.article_ids) / size))
        rows.setdefault((ev.article_id, ev.start, ev.end), row)      # one line per sentence
    best = sorted(rows.values(), key=lambda r: -r.score)[:MAX_EVENT_ROWS]
    return sorted(best, key=lambda r: (r.date, r.article_id, r.start)), "events"


def coarse(span: DateRange) -> str:
    """An interval as the ISO date it spells: a day, a whole month (2022-02) or year (1999), else its first day."""
    lo, hi = span.earliest, span.latest
    if lo == hi or hi is None:
        return lo.isoformat()
    if lo.day == 1 and (hi + timedelta(days=1)).day == 1 and (lo.year, lo.month) == (hi.year, hi.month):
        return lo.isoformat()[:7]
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return str(lo.year)
    return lo.isoformat()


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = when
    env.filters["bare_quote"] = bare_quote
    env.filters["counted"] = counted      # {{ n|counted('story') }} -> "1 story", "2 stories"
    env.globals.update(outside_url=outside_url, layout=chart.layout, timeline_rows=timeline_rows)
    return env


def stylesheet() -> str:
    """The app's CSS, for a file that must carry its own (the dossier)."""
    return (STATIC / "style.css").read_text(encoding="utf-8")
