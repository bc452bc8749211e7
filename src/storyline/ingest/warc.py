"""WARC web archives: one RawDoc per archived HTML (or plain text) page.

A crawl holds far more than articles (requests, metadata, images, redirects,
404 pages); those are skipped without a word, since refusing them would bury
the real problems. Records are judged one by one: a page is decoded by its
own HTTP headers (chunked transfer, `Content-Encoding` gzip, deflate or br,
undone by warcio; a body sent plain under a gzip header is taken as it is),
and a page that is still binary after that is refused alone.

What must not pass silently is damage: warcio stops quietly when an archive
is cut inside a record, and hands out the partial body of a record cut short.
So every record is read to its end and checked against its declared length,
and a damaged archive yields the pages before the damage and then one
Refusal. The file is decompressed by `GuardedStream`, not by warcio, so that
a truncated `.warc.gz` is reported instead of ending early. Between records
`Records` resynchronises at the next `WARC/1.x` header (see there), so one
record with a wrong length costs that record, not the rest of the file.
"""
from __future__ import annotations

import re
from typing import Iterator

from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.sniff import HEAD_BYTES, binary_label
from storyline.ingest.streams import GuardedStream, over_limit
from storyline.ingest.warc_records import Records
from storyline.records import RawDoc, Refusal

_PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^\s;"']+)""", re.I)
_LENGTH = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit also takes "¹"
_DRAIN = 1 << 16


def read_warc(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """Yield the pages of a WARC; a record with a wrong length is refused alone, a cut file ends it."""
    count = 0
    try:
        records = Records(stream)
        for count, record in enumerate(records, 1):
            problem = _header_problem(record, count)
            if problem is None:
                doc = _page(record, count, source, max_bytes)
                if not _read_to_end(record):
                    problem = "a record ends before its declared length"
            if problem:
                if not problem.startswith("not a WARC"):
                    problem = _damaged(count - 1, stream.error or problem)
                yield Refusal(source, problem)
                return
            skipped, resumed = records.separate()
            if skipped and resumed:
                yield Refusal(f"{source}#{_record_id(record, count)}", _misframed(skipped))
            elif doc is not None:
                yield doc
            if skipped and not resumed:
                yield Refusal(source, _damaged(count, f"{skipped} bytes after the last whole record"))
                return
        # warcio's offset is where the next record would start; bytes past it
        # were a record too damaged for warcio to report.
        leftover = stream.tell() - getattr(records, "offset", stream.tell())
    except ArchiveLoadFailed as exc:
        reason = f"not a WARC file ({exc})" if count == 0 else _damaged(count, str(exc))
        yield Refusal(source, reason)
        return
    except Exception as exc:  # warcio fails on cut headers with assorted errors
        yield Refusal(source, _damaged(count, stream.error or f"{type(exc).__name__}: {exc}"))
        return
    if stream.error:
        yield Refusal(source, _damaged(count, stream.error))
    elif leftover > 0:
        yield Refusal(source, _damaged(count, f"{leftover} bytes after the last whole record"))
    elif count == 0:
        yield Refusal(source, "WARC file holds no records")


def _misframed(skipped: int) -> str:
    return (f"record's Content-Length does not match its content ({skipped} bytes before the next "
            "WARC/1.x header belong to no record); record refused, the records after it read")


def _damaged(whole: int, what: str) -> str:
    return f"truncated or corrupt WARC: {what}; the {whole} records before it were read"


def _header_problem(record, count: int) -> str | None:
    if record.format != "warc":  # warcio takes some lines of text for the old ARC format
        if count == 1:
            return "not a WARC file (no WARC/1.x record header)"
        return "a record is not a WARC record"
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not record.rec_type or not _LENGTH.fullmatch(length):  # both mandatory: a header cut short
        return "a record header is incomplete"
    return None


def _page(record, index: int, source: str, max_bytes: int) -> RawDoc | Refusal | None:
    """The record as a page, a Refusal for a page that cannot be one, else None."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # wget and browsers archive pages this way
        http = None
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    kind = _PAGE_TYPES.get(content_type.split(";")[0].strip().lower())
    if kind is None:
        return None
    headers = record.rec_headers
    record_id = _record_id(record, index)
    where = f"{source}#{record_id}"
    try:  # chunked transfer and gzip/deflate/brotli content coding undone here
        body = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a lying Content-Encoding, broken chunking
        return Refusal(where, f"archived page cannot be decoded ({type(exc).__name__}: {exc})")
    if len(body) > max_bytes:
        return Refusal(where, over_limit(len(body), max_bytes, "archived page"))
    if not body.strip():
        return Refusal(where, "archived page has an empty body")
    label = binary_label(body[:HEAD_BYTES])
    if label:
        coding = (http.get_header("Content-Encoding") or "").strip() if http else ""
        how = f" (Content-Encoding {coding!r} not undone)" if coding else ""
        return Refusal(where, f"archived page is binary{how}: looks like {label}, not an article")
    hints = {
        "path": source,
        "url": headers.get_header("WARC-Target-URI"),
        "warc_date": headers.get_header("WARC-Date"),
        "warc_record_id": record_id,
        "content_type": content_type,
        "http_last_modified": http.get_header("Last-Modified") if http else None,
        "http_date": http.get_header("Date") if http else None,
    }
    charset = _CHARSET.search(content_type)
    return RawDoc(
        source=where,
        kind=kind,
        body=body,
        hints={key: value for key, value in hints.items() if value},
        encoding=charset.group(1).lower() if charset else None,
    )


def _record_id(record, index: int) -> str:
    return (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<> ") or str(index)


def _read_to_end(record) -> bool:
    """Consume the rest of the record; False when it is shorter than declared."""
    raw = record.raw_stream
    while raw.read(_DRAIN):
        pass
    return getattr(raw, "limit", 0) <= 0
