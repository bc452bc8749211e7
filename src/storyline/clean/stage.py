"""Stage 2 as one pure function: from a document's bytes to a clean, dated article.

`clean(raw)` is pure: the same RawDoc always gives the same Article (or the
same Refusal), which is what lets the runner cache it and run it anywhere.
JSON Lines text is kept exactly as given, since benchmark offsets point into
it; metadata (credits, dates) is still read from it.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

from storyline.clean import dating
from storyline.clean.given_date import given_date
from storyline.clean.bylines import byline_agencies, split_byline
from storyline.clean.credits import dateline_agency
from storyline.clean.front_matter import FrontMatter, split_front_matter
from storyline.clean.outlets import outlet_from_url
from storyline.clean.text import clean_lines, looks_like_markdown
from storyline.records import Article, DateRange, RawDoc, Refusal
from storyline.versions import code_version

MIN_WORDS = 5
# the cache key of stage 2: the code that turns bytes into articles (ingest hands it the bytes)
VERSION = code_version("clean", ("ingest", "clean", "timex", "datelines.py", "lexicon.py", "records.py"))


def article_id(raw: RawDoc) -> str:
    given = raw.hints.get("id")
    if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip():
        return str(given).strip()
    return "a" + hashlib.sha1(raw.source.encode()).hexdigest()[:12]


def content_hash(raw: RawDoc) -> str:
    return hashlib.sha256(raw.body).hexdigest()


def _hint(raw: RawDoc, key: str) -> str | None:
    value = raw.hints.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def clean(raw: RawDoc) -> Article | Refusal:
    """Stage 2: one RawDoc -> its Article (text, title, outlet, credits, publication DateRange, and
    `warnings`: one line for each given field set aside, such as a `published` that is no date), or a
    Refusal with a one-line reason (no text, too few words). Pure: never raises for bad input."""
    # ingest decodes; a RawDoc made by hand without text is read as UTF-8
    text = raw.text if raw.text is not None else raw.body.decode("utf-8", errors="replace")
    html_meta, page, front = None, text, None
    if raw.kind in ("markdown", "text"):
        front, text = split_front_matter(text)
    if raw.kind == "html":
        from storyline.clean.html import extract_html   # trafilatura is slow to import; only HTML needs it
        html_meta = extract_html(text, _hint(raw, "url"))
        text = html_meta.text
    if raw.kind == "jsonl":
        lines = clean_lines(text)
        body = text
    else:
        markdown = raw.kind == "markdown" or raw.kind == "text" and looks_like_markdown(text)
        lines = clean_lines(text, markdown=markdown, head=raw.kind != "html")
        body = lines.text
    if len(body.split()) < MIN_WORDS:
        cut = "; the HTML is cut off" if raw.kind == "html" and not re.search(r"</(?:html|body)\s*>", page, re.I) \
            else ""
        n = len(body.split())
        return Refusal(raw.source, f"no article text found ({n} word{'s' * (n != 1)} after cleaning, "
                                   f"at least {MIN_WORDS} needed{cut})")
    front = front or FrontMatter()
    url = _hint(raw, "url") or (html_meta.url if html_meta else None) or front.url or lines.url
    title = _hint(raw, "title") or (html_meta.title if html_meta else None) or front.title or lines.title
    outlet = _hint(raw, "outlet") or (html_meta.site_name if html_meta else None) or front.outlet \
        or outlet_from_url(url) or lines.outlet or dateline_agency(_head_and_body(lines, body))
    byline = _given_byline(raw, outlet) or (tuple(html_meta.byline) if html_meta and html_meta.byline
                                            else _front_byline(front, outlet) or tuple(lines.byline))
    given, warnings = _given(raw)
    warnings += (front.problem,) if front.problem else ()
    if not given:
        given, more = _front_dates(front)
        warnings += more
    updated, more = _front_updated(front)
    return Article(
        id=article_id(raw), source=raw.source, text=body, content_hash=content_hash(raw),
        title=title, url=url, outlet=outlet, byline=byline, credits=_credits(raw, lines.credits),
        published=given or _published(raw, html_meta, url, lines, body, updated), kind=raw.kind,
        captions=tuple(lines.captions), warnings=warnings + more)


def _front_byline(front: FrontMatter, outlet: str | None) -> tuple[str, ...]:
    """The people a page's front matter names as its authors, each read as a byline (no outlet, agency or job)."""
    return tuple(dict.fromkeys(name for author in front.authors for name in split_byline(author, outlet)))


def _front_dates(front: FrontMatter) -> tuple[DateRange | None, tuple[str, ...]]:
    """The publication day a page's front matter gives (`date`, `published`, `pubDate` ...: front_matter.py), and
    a warning when its field holds no day (given_date.py)."""
    if front.published is None:
        return None, ()
    day, how, problem = given_date(front.published)
    if problem:
        return None, (f"front matter '{front.published_key}' {problem}; set aside",)
    reason = f"front matter '{front.published_key}'" + (f" ({how})" if how else "")
    return DateRange(day, day, reason), ()


def _front_updated(front: FrontMatter) -> tuple[date | None, tuple[str, ...]]:
    """The day a page's front matter says it was last updated (`lastmod`, `updated` ...): publication is no later."""
    if front.updated is None:
        return None, ()
    day, _, problem = given_date(front.updated)
    return day, (f"front matter '{front.updated_key}' {problem}; set aside",) if problem else ()


def _given_byline(raw: RawDoc, outlet: str | None) -> tuple[str, ...]:
    """The people of the byline given with the input (a feed entry's dc:creator or author, a JSON Lines
    `byline`), read as a page's byline is (html_meta.split_byline: no outlet, agency or job title)."""
    given = _hint(raw, "byline")
    return tuple(split_byline(given, outlet)) if given else ()


def _credits(raw: RawDoc, found: list[str]) -> tuple[str, ...]:
    """The agencies the text credits (`found`), then those a byline given with the input names as its authors
    (a feed entry's 'Reuters Staff'), each once."""
    given = _hint(raw, "byline")
    return tuple(dict.fromkeys([*found, *(byline_agencies(given) if given else ())]))


def _given(raw: RawDoc) -> tuple[DateRange | None, tuple[str, ...]]:
    """The date the input gives (`published`, else `date`, else `pubdate`), and a warning for each of
    those fields consulted before it (all, when none is read) that holds something unreadable (given_date.py)."""
    warnings = []
    for key in ("published", "date", "pubdate"):
        day, how, problem = given_date(raw.hints.get(key))
        if problem:
            warnings.append(f"'{key}' {problem}; set aside")
        elif day:
            return DateRange(day, day, f"'{key}' given with the input" + (f" ({how})" if how else "")), tuple(warnings)
    return None, tuple(warnings)


def _head_and_body(lines, body: str) -> str:
    """The lines set apart above the body, then the body: a wire dateline may stand on a line of its own there."""
    return "\n".join([*lines.top_lines, body])


def _published(raw: RawDoc, html_meta, url, lines, body, updated: date | None = None) -> DateRange | None:
    """The publication interval from what the page, URL, dateline (or a date the page shows on top of its text)
    and text say (none given with the input); `updated`: the day its metadata says it was last updated.
    A closed interval longer than a day is narrowed to the day of a yearless wire dateline in the one year of
    it that holds that day (`dating.wire_day_within`: "LONDON, March 4 (Reuters) -" with a URL's 2025/03)."""
    found = _evidence(raw, html_meta, url, lines, body, updated)
    if found is None or found.exact:
        return found
    return dating.wire_day_within(_head_and_body(lines, body), found) or found


def _evidence(raw: RawDoc, html_meta, url, lines, body, updated: date | None = None) -> DateRange | None:
    """`_published` before a yearless wire dateline is read."""
    if html_meta and html_meta.published:
        day = dating.parse_date(html_meta.published)
        if day:
            return DateRange(day, day, html_meta.published_source or "page metadata")
    shown = html_meta.shown_dates if html_meta else ()
    found = dating.from_url(url) or dating.from_dateline([*lines.top_lines, *shown]) or \
        dating.from_wire_dateline(_head_and_body(lines, body))
    if found:
        return found
    implied = dating.implied(body, lines.captions)
    updated = updated or (dating.parse_date(html_meta.updated) if html_meta else None) or \
        dating.updated_line([*lines.top_lines, *shown])
    if updated and implied and (implied.earliest or updated) <= updated < (implied.latest or date.max):
        return DateRange(implied.earliest, updated, f"{implied.reason}; not later than the page's last update")
    if updated and not (implied and (implied.earliest or updated) <= updated):
        return DateRange(None, updated, "not later than the page's last update")
    if implied:
        return implied
    crawled = dating.parse_date(raw.hints.get("warc_date"))
    if crawled:
        return DateRange(None, crawled, "not later than the archive's capture date")
    return DateRange(None, None, "no date in the input's metadata, URL, dateline or text")
