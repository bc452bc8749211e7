"""Property: whatever bytes a file holds, ingest answers with RawDocs or Refusals, never an exception."""
from __future__ import annotations

import gzip
import uuid

from hypothesis import HealthCheck, given, settings, strategies as st

from storyline.ingest import iter_inputs
from storyline.records import Article, RawDoc, Refusal

NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.rss", "a.xml",
                         "a.warc", "a.warc.gz", "a.jsonl.gz", "a.gz", "noext", "a.png"])

# Prefixes that steer random bytes into each parser rather than the binary check.
PREFIXES = st.sampled_from([
    b"", b"WARC/1.0\r\n", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
    b'{"text": "', b'[{"text": "a"}, ', b"<?xml version='1.0'?><rss><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>", b"<!doctype html><meta charset=",
    b"\xef\xbb\xbf", b"\xff\xfe",
])


def check(results, max_bytes):
    assert results, "every file answers with at least one record or refusal"
    for result in results:
        assert isinstance(result, (RawDoc, Refusal))
        if isinstance(result, RawDoc):
            assert isinstance(result.body, bytes) and result.body
            assert len(result.body) <= max_bytes
            assert result.kind in {"text", "markdown", "html", "jsonl"}
        else:
            assert result.reason and result.reason.isprintable()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, prefix=PREFIXES, data=st.binary(max_size=600), compress=st.booleans(),
       max_bytes=st.sampled_from([50, 20_000_000]))
def test_any_bytes_become_rawdocs_or_refusals(tmp_path, name, prefix, data, compress, max_bytes):
    content = prefix + data
    if compress:
        content = gzip.compress(content)
    path = tmp_path / uuid.uuid4().hex / name
    path.parent.mkdir()
    path.write_bytes(content)
    check(list(iter_inputs([path], max_bytes=max_bytes)), max_bytes)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=20, max_size=400), cut=st.integers(min_value=1, max_value=400))
def test_any_cut_of_a_gzip_stream_is_answered(tmp_path, data, cut):
    path = tmp_path / uuid.uuid4().hex / "cut.jsonl.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(b'{"text": "ok"}\n' + data)[:cut])
    check(list(iter_inputs([path])), 20_000_000)


# Digits of every kind: str.isdigit() is true for "¹" and "①", which int() refuses.
UNICODE_FIELD = st.text(alphabet=st.characters(categories=["Nd", "No", "Nl", "Lo", "P", "S", "Zs"]), max_size=30) | \
    st.text(max_size=30) | st.from_regex(r"[0-9¹²³①٣]{1,4}[-/.][0-9¹²³①٣]{1,2}[-/.][0-9¹²³①٣]{1,2}", fullmatch=True)


def _xml(text: str) -> str:
    """`text` as XML character data: escaped, and without the characters XML 1.0 forbids."""
    from xml.sax.saxutils import escape
    return escape("".join(c for c in text if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pub=UNICODE_FIELD, title=UNICODE_FIELD, body=UNICODE_FIELD)
def test_any_unicode_in_feed_dates_and_titles_is_ingested_and_cleaned(tmp_path, pub, title, body):
    from storyline.clean.stage import clean
    feed = (f"<rss><channel><title>{_xml(title)}</title><item><title>{_xml(title)}</title>"
            f"<pubDate>{_xml(pub)}</pubDate><description>{_xml(body)} and five more words here</description>"
            f"</item></channel></rss>")
    path = tmp_path / uuid.uuid4().hex / "f.rss"
    path.parent.mkdir()
    path.write_text(feed, encoding="utf-8")
    results = list(iter_inputs([path]))
    check(results, 20_000_000)
    for raw in results:
        if isinstance(raw, RawDoc):
            assert isinstance(clean(raw), (Article, Refusal))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(length=UNICODE_FIELD, encoding=UNICODE_FIELD)
def test_any_unicode_in_warc_numbers_and_codings_is_answered(tmp_path, length, encoding):
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n"
            f"Content-Length: {length}\r\n\r\n<p>page</p>").encode("utf-8", "replace")
    for warc_length in (length, str(len(http))):  # a wrong record length, then a right one
        path = tmp_path / uuid.uuid4().hex / "a.warc"
        path.parent.mkdir()
        path.write_bytes(f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n"
                         f"Content-Type: application/http;msgtype=response\r\nContent-Length: {warc_length}\r\n\r\n"
                         .encode("utf-8", "replace") + http + b"\r\n\r\n")
        check(list(iter_inputs([path])), 20_000_000)
