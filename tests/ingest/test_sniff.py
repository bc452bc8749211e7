"""sniff: what a file holds, from its name and first bytes."""
from __future__ import annotations

import pytest

from storyline.ingest.sniff import binary_label, root_element, sniff_format, suffix


@pytest.mark.parametrize("head, expected", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
    (b"PK\x03\x04\x14\x00", "ZIP archive or Office/EPUB document"),
    (b"BZh91AY&SY\x00", "bzip2 archive"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
    (b"\x00\x00\x00\x18ftypmp42", "MP4/QuickTime media"),
    (b"text then a \x00 NUL", "data with NUL bytes"),
    (b"\x01\x02\x03\x04 mostly control bytes", "data made mostly of control bytes"),
    (b"Plain news text.\n\tIndented line.\f", None),
    (b"caf\xe9 in latin-1", None),
    ("UTF-16 with a BOM".encode("utf-16"), None),
    ("UTF-16 without a BOM".encode("utf-16-le"), None),
    (b"\x1b$B ISO-2022-JP escape sequences", None),
    (b"BZh is how a sentence could start", None),
])
def test_binary_label(head, expected):
    assert binary_label(head) == expected


@pytest.mark.parametrize("name, head, expected", [
    ("a.txt", b"Hello", "text"),
    ("a.TXT", b"<html><body>x", "text"),  # the extension wins over content for text
    ("notes", b"Just some words", "text"),
    ("a.md", b"# Title", "markdown"),
    ("a.markdown", b"# Title", "markdown"),
    ("a.html", b"Not really html", "html"),
    ("a.xhtml", b"<html/>", "html"),
    ("page", b"<!DOCTYPE html><html>", "html"),
    ("page", b"\n  <!-- saved --><HTML lang=en>", "html"),
    ("page.php", b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML"><html>', "html"),
    ("feed", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
    ("a.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("a.xml", b"<rdf:RDF xmlns:rdf='x'>", "feed"),
    ("a.xml", b"<html><body>", "html"),
    ("a.xml", b"<urlset>", "xml"),
    ("a.rss", b"anything", "feed"),
    ("a.jsonl", b"anything", "jsonl"),
    ("a.ndjson.gz", b"anything", "jsonl"),
    ("dump", b'{"id": "1", "text": "x"}\n{"id": "2"}', "jsonl"),
    ("dump", b'{"no": "text field"}\n', "text"),
    ("a.json", b"[]", "json"),
    ("crawl.dat", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
    ("a.warc.gz", b"junk", "warc"),
    ("a.txt", b"WARC/1.1\r\n", "warc"),  # content wins for containers
])
def test_sniff_format(name, head, expected):
    assert sniff_format(name, head) == expected


@pytest.mark.parametrize("name, expected", [
    ("a.html.gz", ".html"), ("A.JSONL.GZIP", ".jsonl"), ("x.warc.gz", ".warc"),
    ("README", ""), (".hidden", ""), ("a.tar.gz", ".tar"),
])
def test_suffix(name, expected):
    assert suffix(name) == expected


def test_root_element_reads_utf16():
    assert root_element('<?xml version="1.0"?><rss>'.encode("utf-16")) == "rss"
