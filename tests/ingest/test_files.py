"""Single-article files: kinds, hints, gzip, and the hostile inputs that must become Refusals."""
from __future__ import annotations

import gzip
import os
import random
import tarfile

import pytest

from storyline.ingest import iter_inputs
from storyline.records import RawDoc, Refusal

from conftest import split

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.mark.parametrize("name, data, kind", [
    ("story.txt", "A plain story.\n", "text"),
    ("story", "No extension, still text.", "text"),
    ("story.md", "# Headline\n\nBody.", "markdown"),
    ("story.markdown", "# Headline", "markdown"),
    ("story.html", "<html><body><p>Body</p></body></html>", "html"),
    ("story.htm", "<p>Body</p>", "html"),
    ("story.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'/>", "html"),
    ("saved_page", "<!DOCTYPE html>\n<html><p>Body</p></html>", "html"),
    ("story.html.gz", "<html><p>Compressed</p></html>", "html"),
])
def test_single_article_kinds(ingest_one, tmp_path, name, data, kind):
    doc = ingest_one(name, data, gz=name.endswith(".gz"))
    assert isinstance(doc, RawDoc), doc
    assert doc.kind == kind
    assert doc.body == data.encode("utf-8")
    assert doc.source == str(tmp_path / name)
    assert doc.hints["path"] == doc.source


def test_gzip_is_recognised_by_magic_not_name(ingest_one):
    doc = ingest_one("archived_story", "<!doctype html><p>hi</p>", gz=True)
    assert (doc.kind, doc.body) == ("html", b"<!doctype html><p>hi</p>")


@pytest.mark.parametrize("name, data, encoding", [
    ("a.html", b'<html><head><meta charset="ISO-8859-1"></head><p>caf\xe9</p>', "cp1252"),
    ("a.html", b'<meta http-equiv="content-type" content="text/html; charset=windows-1251">', "cp1251"),
    ("a.txt", "\ufeffBOM text".encode("utf-8"), "utf-8-sig"),
    ("a.txt", "\ufeffwide text".encode("utf-16-le"), "utf-16"),
    ("a.txt", b"no declaration", None),
    ("a.txt", b'<meta charset="latin-1"> is only honoured in HTML', None),
])
def test_declared_encoding(ingest_one, name, data, encoding):
    assert ingest_one(name, data).encoding == encoding


def test_invalid_utf8_is_carried_not_refused(ingest_one):
    data = b"Caf\xe9 owner says \x93no\x94 \xff\xfe stray bytes."
    doc = ingest_one("latin.txt", data)
    assert isinstance(doc, RawDoc) and doc.body == data


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\r\n  ", "empty file (whitespace only)"),
    ("blank_bom.txt", " \n".encode("utf-16"), "empty file (whitespace only)"),
    ("image.png", PNG, "binary content (looks like PNG image), not an article"),
    ("image.txt", PNG, "binary content (looks like PNG image), not an article"),
    ("report.html", b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n",
     "binary content (looks like PDF document), not an article"),
    ("blob", bytes(range(256)) * 4, "binary content (looks like data with NUL bytes), not an article"),
    ("sitemap.xml", b"<?xml version='1.0'?><urlset><url/></urlset>",
     "XML that is neither an RSS/Atom feed nor HTML, not an article"),
])
def test_refused_files(ingest_one, name, data, reason):
    result = ingest_one(name, data)
    assert isinstance(result, Refusal)
    assert result.reason == reason


def test_random_bytes_are_refused_as_binary(ingest_one):
    data = random.Random(7).randbytes(64 * 1024)
    result = ingest_one("noise.dat", data)
    assert isinstance(result, Refusal) and result.reason.startswith("binary content")


def test_binary_inside_gzip_is_refused(ingest_one):
    result = ingest_one("image.gz", PNG, gz=True)
    assert result.reason == "binary content (looks like PNG image), not an article"


def test_tarball_is_refused_by_what_it_is(tmp_path):
    member = tmp_path / "story.txt"
    member.write_text("inside a tarball")
    with tarfile.open(tmp_path / "bundle.tar.gz", "w:gz") as tar:
        tar.add(member, arcname="story.txt")
    (result,) = list(iter_inputs([tmp_path / "bundle.tar.gz"]))
    assert result.reason == "binary content (looks like tar archive), not an article"


@pytest.mark.parametrize("cut", [5, 12, 30, -9, -1])
def test_truncated_or_corrupt_gzip(ingest_one, tmp_path, cut):
    data = gzip.compress(("<p>" + "news " * 20000 + "</p>").encode())
    result = ingest_one("page.html.gz", data[:cut])
    assert isinstance(result, Refusal), result
    assert "gzip stream" in result.reason


def test_gzip_with_bad_crc_is_refused(ingest_one):
    data = bytearray(gzip.compress(b"<p>hello</p>"))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    result = ingest_one("page.html.gz", bytes(data))
    assert isinstance(result, Refusal) and result.reason.startswith("corrupt gzip data: CRC check failed")


_PAGE = gzip.compress(b"<p>Officials said on Monday that the talks would resume.</p>" * 5, mtime=0)
_PICTURE = gzip.compress(PNG + bytes(range(256)) * 200, mtime=0)


def _scrambled(data: bytes) -> bytes:
    """The gzip header kept, every byte of the compressed data after it flipped: a corrupt download."""
    return data[:10] + bytes(b ^ 0x5A for b in data[10:-8]) + data[-8:]


# (compressed bytes, the refusal's reason): damaged data is refused by its damage, named with the decompressor's
# message, never as the binary garbage it decompresses to before the decompressor notices (a reason ending ': '
# is a prefix: zlib's message follows)
DAMAGED_GZIP = [
    # a valid header, then bytes that are no deflate data: garbage out, then the input ends (trial 8)
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH\xcd\xc9\xc9Wgarbage-truncated",
     "corrupt gzip data: Compressed file ended before the end-of-stream marker was reached "
     "(what comes before is no text: data made mostly of control bytes)"),
    (_scrambled(_PAGE), "corrupt gzip data: Error -3 while decompressing data: "),    # then zlib's own words
    (_PAGE[:40], "truncated gzip stream (the file ends before the compressed data does)"),    # text, then cut
    # a cut compressed picture: truncated, and what it holds said
    (_PICTURE[:200], "truncated gzip stream (the file ends before the compressed data does); what comes before "
                     "looks like PNG image"),
    (gzip.compress(PNG + bytes(range(256)) * 200), "binary content (looks like PNG image), not an article"),
]


@pytest.mark.parametrize("data, reason", DAMAGED_GZIP)
def test_damaged_gzip_is_refused_by_its_damage(ingest_one, data, reason):
    result = ingest_one("archived_page.html.gz", data)
    assert isinstance(result, Refusal)
    assert result.reason.startswith(reason) if reason.endswith(": ") else result.reason == reason


def test_size_limit_message(ingest_one):
    result = ingest_one("big.txt", b"x" * 2_500_000, max_bytes=1_000_000)
    assert result == Refusal(result.source, "file is 2.5 MB, over the 1 MB limit for one article")


def test_size_limit_exact_boundary(ingest):
    docs, refusals = split(ingest("exact.txt", b"y" * 1000, max_bytes=1000))
    assert len(docs) == 1 and not refusals
    (refusal,) = ingest("over.txt", b"y" * 1001, max_bytes=1000)
    assert refusal.reason == "file is 1,001 bytes, over the 1,000-byte limit for one article"


def test_gzip_bomb_is_capped(ingest_one):
    result = ingest_one("bomb.txt.gz", b"a" * 5_000_000, gz=True, max_bytes=1_000_000)
    assert result.reason == "decompresses to more than 1 MB, over the limit for one article"


def test_fifty_megabyte_text_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        line = b"All work and no play makes Jack a dull boy.\n" * 1000
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    (result,) = list(iter_inputs([path]))
    size_mb = os.path.getsize(path) / 1e6
    path.unlink()
    assert isinstance(result, Refusal)
    assert result.reason == f"file is {size_mb:.1f} MB, over the 20 MB limit for one article"


def test_unreadable_file_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    (result,) = list(iter_inputs([path]))
    assert isinstance(result, Refusal) and "Permission denied" in result.reason
