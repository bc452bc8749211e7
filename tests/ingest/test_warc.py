"""WARC archives: pages out, everything else skipped, damage reported after what was readable."""
from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.records import RawDoc, Refusal

from conftest import split


def page(n: int) -> bytes:
    return f"<html><body><p>Article {n}. {'Text of the story. ' * 150}</p></body></html>".encode()


def build_warc(gz: bool, records=None) -> bytes:
    """A WARC written by warcio; `records` are (type, uri, status, content_type, body)."""
    if records is None:
        records = [("response", f"https://news.example/{n}", "200 OK", "text/html; charset=UTF-8", page(n))
                   for n in range(5)]
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for rec_type, uri, status, content_type, body in records:
        if rec_type == "resource":
            record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(body),
                                               warc_content_type=content_type)
        else:
            headers = [("Content-Type", content_type), ("Date", "Fri, 09 Dec 2022 10:00:00 GMT"),
                       ("Last-Modified", "Thu, 08 Dec 2022 09:00:00 GMT")]
            if rec_type == "response":
                http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            else:
                request_line = f"GET {uri} HTTP/1.1"
                http = StatusAndHeaders(request_line, [("Host", "news.example")], is_http_request=True)
            record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http)
        writer.write_record(record)
    return buffer.getvalue()


MIXED = [
    ("request", "https://news.example/a", None, None, b""),
    ("response", "https://news.example/a", "200 OK", "text/html; charset=ISO-8859-1", b"<p>caf\xe9</p>"),
    ("response", "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("response", "https://news.example/missing", "404 Not Found", "text/html", b"<p>Not found</p>"),
    ("response", "https://news.example/moved", "301 Moved Permanently", "text/html", b"<p>Moved</p>"),
    ("response", "https://news.example/b.txt", "200 OK", "text/plain", b"Plain wire copy."),
    ("response", "https://news.example/empty", "200 OK", "text/html", b""),
    ("resource", "file:///saved/c.html", None, "text/html", b"<p>Saved page</p>"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_pages_are_kept_and_other_records_skipped(ingest, tmp_path, gz):
    name = "crawl.warc.gz" if gz else "crawl.warc"
    results = ingest(name, build_warc(gz, MIXED))
    docs, refusals = split(results)
    assert [(d.hints["url"], d.kind, d.body) for d in docs] == [
        ("https://news.example/a", "html", b"<p>caf\xe9</p>"),
        ("https://news.example/b.txt", "text", b"Plain wire copy."),
        ("file:///saved/c.html", "html", b"<p>Saved page</p>"),
    ]
    first = docs[0]
    path = str(tmp_path / name)
    assert first.source == f"{path}#{first.hints['warc_record_id']}"
    assert first.hints["warc_record_id"].startswith("urn:uuid:")
    assert first.encoding == "iso-8859-1"
    assert first.hints["http_last_modified"] == "Thu, 08 Dec 2022 09:00:00 GMT"
    assert first.hints["http_date"] == "Fri, 09 Dec 2022 10:00:00 GMT"
    assert first.hints["warc_date"] and first.hints["path"] == path
    assert [r.reason for r in refusals] == ["archived page has an empty body"]


def test_warc_is_sniffed_without_its_extension(ingest):
    docs, refusals = split(ingest("crawl.dat", build_warc(gz=True)))
    assert len(docs) == 5 and not refusals


def test_page_over_the_limit_is_refused_and_the_rest_read(ingest):
    records = [("response", "https://x.example/big", "200 OK", "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
               ("response", "https://x.example/small", "200 OK", "text/html", b"<p>small</p>")]
    results = ingest("c.warc", build_warc(False, records), max_bytes=1000)
    assert results[0].reason == "archived page is 1,001 bytes, over the 1,000-byte limit for one article"
    assert results[1].body == b"<p>small</p>"


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("fraction", [0.003, 0.25, 0.5, 0.77, 0.999])
def test_truncated_warc_yields_whole_pages_then_one_refusal(ingest, gz, fraction):
    data = build_warc(gz)
    results = ingest("cut.warc.gz" if gz else "cut.warc", data[: int(len(data) * fraction)])
    docs, refusals = split(results)
    assert [d.body for d in docs] == [page(n) for n in range(len(docs))]  # never a partial page
    assert len(docs) < 5 or gz  # a cut gzip trailer can leave every page whole
    assert len(refusals) == 1 and results[-1] is refusals[0]
    assert refusals[0].reason.startswith("truncated")
    assert ("truncated gzip stream" in refusals[0].reason) == gz


def test_every_cut_of_a_small_warc_either_reads_whole_pages_or_says_so(ingest):
    """Cutting at any byte must never hand out a partial page silently."""
    data = build_warc(False, [("response", f"https://x.example/{n}", "200 OK", "text/html", page(n)[:300])
                              for n in range(2)])
    for cut in range(0, len(data), 7):
        docs, refusals = split(ingest("cut.warc", data[:cut]))
        assert all(d.body == page(i)[:300] for i, d in enumerate(docs)), cut
        at_boundary = data[cut:].lstrip(b"\r\n").startswith(b"WARC/") or not data[cut:].strip()
        assert refusals or at_boundary, cut


@pytest.mark.parametrize("content, reason_start", [
    (b"WARC/1.0\r\nnonsense header\r\n\r\n", "truncated or corrupt WARC"),
    (b"definitely not a warc", "not a WARC file"),
    (b"five words on a line\nsecond line\n", "not a WARC file"),  # warcio would take it for ARC
])
def test_corrupt_warc(ingest_one, content, reason_start):
    result = ingest_one("x.warc", content)
    assert isinstance(result, Refusal) and result.reason.startswith(reason_start), result


def test_gzip_member_boundary_truncation_reads_whole_records(ingest):
    data = build_warc(True)
    members, offset = [], 0
    decompressor_input = data
    # the first member is the warcinfo record; cut right after the third page's member
    while offset < len(decompressor_input):
        d = gzip.zlib.decompressobj(31)
        d.decompress(decompressor_input[offset:])
        offset = len(decompressor_input) - len(d.unused_data)
        members.append(offset)
    docs, refusals = split(ingest("cut.warc.gz", data[: members[3]]))
    assert [d.body for d in docs] == [page(0), page(1), page(2)] and not refusals
