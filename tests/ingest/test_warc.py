"""WARC archives: pages out, everything else skipped, damage reported after what was readable."""
from __future__ import annotations

import gzip
import io
import zlib

import brotli
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


# -- records judged one by one: content coding, binary payloads, broken framing (issue 11) --------------

HTML = b"<html><head><title>Story</title></head><body><p>" + b"The council met on Monday. " * 40 + b"</p></body></html>"


def http_response(body: bytes, *headers: str, content_type: str = "text/html; charset=utf-8") -> bytes:
    head = "".join(f"{h}\r\n" for h in (f"Content-Type: {content_type}", *headers))
    return f"HTTP/1.1 200 OK\r\n{head}\r\n".encode() + body


def raw_record(n: int, block: bytes, sep: bytes = b"\r\n\r\n", length: int | None = None) -> bytes:
    """A WARC response record written by hand, so that its framing can be got wrong on purpose."""
    length = len(block) if length is None else length
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:08d}-0000-0000-0000-000000000000>\r\n"
            f"WARC-Date: 2021-09-14T08:00:00Z\r\nWARC-Target-URI: https://x.example/{n}\r\n"
            f"Content-Type: application/http;msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode() + block + sep


def chunked(data: bytes, size: int = 100) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def example_warc(gz: bool) -> bytes:
    """Built like warcio's own test/data/example.warc(.gz): warcinfo, a gzip-coded response, request, revisit, request."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("temp-20170306040353.warc.gz", {"software": "Webrecorder"}))
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                       ("Content-Length", str(len(gzip.compress(HTML))))], protocol="HTTP/1.1")
    response = writer.create_warc_record("http://example.com/", "response", payload=io.BytesIO(gzip.compress(HTML)),
                                         http_headers=http)
    writer.write_record(response)
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record("http://example.com/", "request", http_headers=request))
    digest = response.rec_headers.get_header("WARC-Payload-Digest")
    revisit = writer.create_revisit_record("http://example.com/", digest, "http://example.com/", "2017-03-06T04:02:06Z",
                                           http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                         protocol="HTTP/1.1"))
    writer.write_record(revisit)
    writer.write_record(writer.create_warc_record("http://example.com/", "request", http_headers=request))
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["example.warc", "example.warc.gz"])
def test_warcio_example_archives_are_read(ingest, name):
    docs, refusals = split(ingest(name, example_warc(gz=name.endswith(".gz"))))
    assert not refusals
    assert [(d.hints["url"], d.body) for d in docs] == [("http://example.com/", HTML)]


@pytest.mark.parametrize("block", [
    http_response(gzip.compress(HTML), "Content-Encoding: gzip"),
    http_response(zlib.compress(HTML), "Content-Encoding: deflate"),
    http_response(zlib.compress(HTML)[2:-4], "Content-Encoding: deflate"),         # raw deflate, no zlib header
    http_response(brotli.compress(HTML), "Content-Encoding: br"),
    http_response(HTML, "Content-Encoding: gzip"),                                 # decoded by the crawler, header kept
    http_response(chunked(gzip.compress(HTML)), "Content-Encoding: gzip", "Transfer-Encoding: chunked"),
    http_response(chunked(HTML), "Transfer-Encoding: chunked"),
], ids=["gzip", "deflate", "raw-deflate", "br", "plain-under-gzip", "chunked-gzip", "chunked"])
def test_page_is_decoded_by_its_own_http_headers(ingest, block):
    docs, refusals = split(ingest("a.warc", raw_record(1, http_response(HTML)) + raw_record(2, block)))
    assert not refusals and [d.body for d in docs] == [HTML, HTML]


@pytest.mark.parametrize("block, reason", [
    (http_response(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4), "looks like JPEG image"),
    (http_response(b"\x28\xb5\x2f\xfd" + bytes(200), "Content-Encoding: zstd"), "Content-Encoding 'zstd' not undone"),
])
def test_a_binary_page_is_refused_alone(ingest, block, reason):
    data = raw_record(1, http_response(HTML)) + raw_record(2, block) + raw_record(3, http_response(HTML))
    docs, refusals = split(ingest("a.warc", data))
    assert [d.hints["url"] for d in docs] == ["https://x.example/1", "https://x.example/3"]
    assert len(refusals) == 1 and refusals[0].source.endswith("#urn:uuid:00000002-0000-0000-0000-000000000000")
    assert reason in refusals[0].reason


def test_images_and_other_non_pages_are_skipped_without_refusal(ingest):
    png = http_response(b"\x89PNG\r\n\x1a\n" + bytes(300), content_type="image/png")
    docs, refusals = split(ingest("a.warc", raw_record(1, png) + raw_record(2, http_response(HTML))))
    assert not refusals and [d.hints["url"] for d in docs] == ["https://x.example/2"]


@pytest.mark.parametrize("separators", [
    (b"", b"", b"\r\n\r\n"),          # no blank lines after a record (ArchiveSpark)
    (b"\r\n", b"\n", b""),             # one line feed, or nothing at the end of the file
    (b"\r\n\r\n\r\n\r\n", b"\r\n", b"\n\n"),
])
def test_records_without_their_blank_lines_are_all_read(ingest, separators):
    data = b"".join(raw_record(n, http_response(HTML), sep) for n, sep in enumerate(separators, 1))
    docs, refusals = split(ingest("a.warc", data))
    assert not refusals and len(docs) == 3


@pytest.mark.parametrize("short_by", [10, len(HTML) // 2])
def test_a_record_with_a_wrong_length_is_refused_alone(ingest, short_by):
    block = http_response(HTML)
    data = (raw_record(1, http_response(HTML)) + raw_record(2, block, length=len(block) - short_by)
            + raw_record(3, http_response(HTML)))
    results = ingest("a.warc", data)
    docs, refusals = split(results)
    assert [d.hints["url"] for d in docs] == ["https://x.example/1", "https://x.example/3"]
    assert len(refusals) == 1 and results[1] is refusals[0]
    assert "Content-Length does not match" in refusals[0].reason and f"({short_by + 2} bytes" in refusals[0].reason  # the rest, with its CRLF


def test_a_header_glued_to_the_end_of_a_record_is_found(ingest):
    block = http_response(HTML)
    data = raw_record(1, block + b"</html>", sep=b"", length=len(block)) + raw_record(2, http_response(HTML))
    docs, refusals = split(ingest("a.warc", data))
    assert [d.hints["url"] for d in docs] == ["https://x.example/2"]
    assert len(refusals) == 1 and "7 bytes" in refusals[0].reason


def test_bytes_after_the_last_record_are_reported_after_its_page(ingest):
    data = raw_record(1, http_response(HTML)) + b"stray text\r\nmore\r\n"
    results = ingest("a.warc", data)
    assert results[0].body == HTML
    assert len(results) == 2 and results[1].reason.startswith("truncated or corrupt WARC: 18 bytes after")
