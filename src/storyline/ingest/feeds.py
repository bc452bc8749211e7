"""RSS and Atom feeds: one RawDoc per entry, with what the feed says about it.

A feed entry often carries the full article (`content:encoded`, Atom
`content`) and, more valuable still, metadata that is hard to recover from the
page: the publication time with its time zone, the author, the outlet. Those
go into `hints`; stage 2 decides how far to trust them. feedparser has no
streaming interface, so a feed is read whole, up to `FEED_LIMIT_FACTOR` times
the per-article limit.

Two things feedparser hands over are not taken as they are. Titles, authors
and bodies may still be escaped HTML after its XML decoding (see `markup`).
And its parsed dates: for a string it cannot read strictly it guesses, filling
a month and day it did not find from the current date ("2016/6/29" becomes
the 1st of the month the program runs in), so only a strict RFC 822 or ISO
8601 reading is converted here; any other date string is handed on as
written, for stage 2's date parser, which refuses to invent a missing part.
"""
from __future__ import annotations

import email.utils
import io
import re
from datetime import datetime
from typing import Any, Iterator

import feedparser

from storyline.ingest.markup import looks_like_markup, plain_text, unescape_html
from storyline.ingest.streams import GuardedStream, over_limit
from storyline.records import RawDoc, Refusal

FEED_LIMIT_FACTOR = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# what the strict readers may see: email.utils alone would also take "June 29, 2016 3:07 PM" (as 03:07)
_RFC822 = re.compile(r"(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d\d(?::\d\d)?(?:\s+[\w+-]+)?",
                     re.ASCII)
_EMAIL = re.compile(r"[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]?")
_BY = re.compile(r"^by[:\s]+", re.I)      # 'By Jane Roe': one author's own byline, joined with the others
_ISO_DAY = re.compile(r"\d{4}-?\d\d-?\d\d(?:[T ]|$)", re.ASCII)  # a calendar date, not a week or ordinal date


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
    outlet = plain_text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_doc(entry, f"{source}#entry{number}", source, outlet, max_bytes)


def _entry_doc(entry: Any, where: str, path: str, outlet: str | None, max_bytes: int) -> RawDoc | Refusal:
    content, content_type = _content(entry)
    if not content.strip():
        return Refusal(where, "feed entry has no content (no content:encoded, content or summary)")
    html = content_type != "text/plain" or looks_like_markup(content)
    body = (unescape_html(content) if html else content).encode("utf-8", "replace")
    if len(body) > max_bytes:
        return Refusal(where, over_limit(len(body), max_bytes, "feed entry"))
    # keys(), not get(): feedparser answers a missing "updated" with "published", and warns
    raw_date = entry.get("published") or (entry["updated"] if "updated" in entry.keys() else None)
    hints = {
        "path": path,
        "title": plain_text(entry.get("title")),
        "url": entry.get("link"),
        "published": _published(raw_date),
        "published_raw": raw_date,
        "byline": _authors(entry),
        "outlet": outlet,
        "guid": entry.get("id"),
    }
    hints = {key: value for key, value in hints.items() if value}
    return RawDoc(source=where, kind="html" if html else "text", body=body, hints=hints, encoding="utf-8")


def _authors(entry: Any) -> str | None:
    """The entry's authors as one byline, 'Jane Roe, John Doe', without e-mail addresses (nor each one's 'By').

    RSS `author` ('jroe@x.example (Jane Roe)'), `dc:creator` and Atom `<author><name>`. feedparser's
    `author` holds only the last of several (Atom, repeated dc:creator), so their `authors` names are
    joined; a single one is taken from `author` as written, since feedparser's reading of an RSS
    'EMAIL (NAME)' cuts the name when the address's domain is not two to four letters long."""
    authors = [a for a in entry.get("authors") or [] if isinstance(a, dict)]
    written = [_written(a) for a in authors] if len(authors) > 1 else [entry.get("author")]
    names = [_EMAIL.sub("", plain_text(name) or "").strip(" ()<>") for name in written]
    names = [_BY.sub("", name) for name in names] if len(names) > 1 else names
    return ", ".join(n for n in names if n) or None


def _written(author: dict) -> str | None:
    """One of feedparser's `authors` as the feed wrote it, as far as it can be told.

    feedparser reads an RSS 'EMAIL (NAME)' with an address pattern whose last label has two to four
    letters, so 'news@harbour.example (Jane Roe)' becomes email 'news@harbour.exam' and name 'ple (Jane
    Roe' (and 'news@harbour.example' alone, name 'ple'): when the name starts with the lower-case rest of a
    label cut after four letters, the two are joined again for `_EMAIL` to take the whole address out."""
    name, email = author.get("name") or "", author.get("email") or ""
    if re.search(r"\.[A-Za-z]{4}$", email) and re.match(r"[a-z]+(?:$|[\s(<)])", name):
        return email + name
    return name or None


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


def _published(raw: str | None) -> str | None:
    """The entry's date: ISO 8601 when the string is strict RFC 822 or ISO 8601, else the string itself.

    The feed's own UTC offset is kept ("Fri, 09 Dec 2022 23:30 -0500" ->
    "2022-12-09T23:30:00-05:00"): converting to UTC, as feedparser's
    `*_parsed` fields do, can move the calendar day a news timeline is built
    from. A string in any other form ("2016/6/29 15:07:41") is returned
    stripped, for `storyline.clean.dating.parse_date` in stage 2.
    """
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip()
    if _RFC822.fullmatch(raw):
        try:
            return email.utils.parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    if _ISO_DAY.match(raw):
        try:
            return datetime.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    return raw
