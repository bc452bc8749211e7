"""RSS and Atom feeds: one RawDoc per entry, with what the feed says about it.

A feed entry often carries the full article (`content:encoded`, Atom
`content`) and, more valuable still, metadata that is hard to recover from the
page: the publication time with its time zone, the author, the outlet. Those
go into `hints`; stage 2 decides how far to trust them. feedparser has no
streaming interface, so a feed is read whole, up to `FEED_LIMIT_FACTOR` times
the per-article limit.
"""
from __future__ import annotations

import email.utils
import io
from datetime import datetime, timezone
from typing import Any, Iterator

import feedparser

from storyline.ingest.streams import GuardedStream, over_limit
from storyline.records import RawDoc, Refusal

FEED_LIMIT_FACTOR = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """Yield each entry with content, and a Refusal for each entry without."""
    limit = FEED_LIMIT_FACTOR * max_bytes
    data = stream.read(limit + 1)
    if stream.error:
        yield Refusal(source, stream.error)
        return
    if len(data) > limit:
        yield Refusal(source, over_limit(len(data), limit, "feed", "one feed"))
        return
    # BytesIO, never bytes or str: feedparser treats a string that looks
    # like a URL or a path as something to fetch or open.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Refusal(source, f"not a readable RSS/Atom feed ({problem})")
        else:
            yield Refusal(source, "feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_doc(entry, f"{source}#entry{number}", source, outlet, max_bytes)


def _entry_doc(entry: Any, where: str, path: str, outlet: str | None, max_bytes: int) -> RawDoc | Refusal:
    content, content_type = _content(entry)
    if not content.strip():
        return Refusal(where, "feed entry has no content (no content:encoded, content or summary)")
    body = content.encode("utf-8", "replace")
    if len(body) > max_bytes:
        return Refusal(where, over_limit(len(body), max_bytes, "feed entry"))
    raw_date = entry.get("published") or entry.get("updated")
    hints = {
        "path": path,
        "title": entry.get("title"),
        "url": entry.get("link"),
        "published": _iso_date(raw_date, entry.get("published_parsed") or entry.get("updated_parsed")),
        "published_raw": raw_date,
        "byline": entry.get("author"),
        "outlet": outlet,
        "guid": entry.get("id"),
    }
    hints = {key: value for key, value in hints.items() if value}
    kind = "text" if content_type == "text/plain" else "html"
    return RawDoc(source=where, kind=kind, body=body, hints=hints, encoding="utf-8")


def _content(entry: Any) -> tuple[str, str]:
    """The fullest text the entry has: HTML content first, then the summary.

    RSS puts the full article in content:encoded and a teaser in description;
    feedparser exposes them as `content` and `summary`.
    """
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    candidates.sort(key=lambda c: (c[1] in _HTML_TYPES, len(c[0])), reverse=True)
    for value, content_type in candidates:
        if value.strip():
            return value, content_type
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def _iso_date(raw: str | None, parsed: Any) -> str | None:
    """ISO 8601 keeping the feed's own UTC offset when it has one.

    feedparser's `*_parsed` fields are converted to UTC, which can move the
    calendar day ("Fri, 09 Dec 2022 23:30 -0500" is the 10th in UTC), and the
    day is what a news timeline is built from; so the raw string is parsed
    first and the UTC value is only the fallback.
    """
    if raw:
        try:
            return email.utils.parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip()).isoformat()
        except ValueError:
            pass
    if parsed:
        try:
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
        except (TypeError, ValueError):
            return None
    return None
