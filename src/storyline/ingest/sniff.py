"""Decide what a file holds from its name and its first few kilobytes.

File names on a news dump are unreliable (`.xml` feeds and non-feeds,
extension-less pages, `.txt` files that are really PDFs), so the content
decides wherever it can, in this order: a WARC header wins over any name
and any binary bytes after it (an archive holds images and compressed pages:
its records are judged one by one); binary signatures and control bytes
refuse any other file whatever its name; the extension then names the format;
an unknown extension falls back to the first tag (feed or HTML), a JSON Lines
first line, and finally plain text.
"""
from __future__ import annotations

import json
import re

from storyline.ingest.decode import bom_encoding, utf16_guess

HEAD_BYTES = 8192

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office/EPUB document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data inside gzip"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00asm", "WebAssembly module"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

# C0 control bytes that no text encoding in use for news produces; tab, line
# feeds, form feed and ESC (ISO-2022 escapes) are left out.
_CONTROL = [bytes([b]) for b in [*range(32), 127] if b not in b"\t\n\v\f\r\x1b"]

_EXTENSIONS = {
    ".warc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".json": "json",
    ".rss": "feed", ".atom": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text",
}
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")
_DOCTYPE_HTML = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<!doctype\s+html", re.S | re.I)
_FEED_ROOTS = {"rss", "feed", "rdf"}
_HTML_ROOTS = {"html", "head", "body", "article", "div", "p", "meta", "title", "main", "section"}


# the labels of `binary_label` that name no format, only bytes no text has: what damaged compressed data
# decompresses to
SHAPELESS = ("data with NUL bytes", "data made mostly of control bytes")


def binary_label(head: bytes) -> str | None:
    """What binary thing `head` looks like, or None when it looks like text."""
    for magic, label in _SIGNATURES:
        if head.startswith(magic):
            return label
    if _BZIP2.match(head):
        return "bzip2 archive"
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[257:262] == b"ustar":
        return "tar archive"
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if bom_encoding(head) or utf16_guess(head):
        return None  # UTF-16/32 text is full of NULs
    if b"\x00" in head:
        return "data with NUL bytes"
    controls = sum(head.count(c) for c in _CONTROL)
    if head and controls > 0.05 * len(head):
        return "data made mostly of control bytes"
    return None


def is_warc(head: bytes) -> bool:
    """True when `head` starts with a WARC record header ("WARC/1.0")."""
    return head.lstrip().startswith(b"WARC/")


def suffix(name: str) -> str:
    """The lower-cased last extension, after any `.gz`/`.gzip` is stripped."""
    lowered = name.lower()
    for gz in (".gz", ".gzip"):
        if lowered.endswith(gz):
            lowered = lowered[: -len(gz)]
            break
    dot = lowered.rfind(".")
    return lowered[dot:] if dot > 0 else ""


def sniff_format(name: str, head: bytes) -> str:
    """One of warc, jsonl, json, feed, html, markdown, text, or xml (refused)."""
    if is_warc(head):
        return "warc"
    ext = suffix(name)
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    root = root_element(head)
    if root in _FEED_ROOTS:
        return "feed"
    if root in _HTML_ROOTS or _DOCTYPE_HTML.match(_ascii_view(head)):
        return "html"
    if ext == ".xml":
        return "xml"
    if looks_like_jsonl(head):
        return "jsonl"
    return "text"


def root_element(head: bytes) -> str | None:
    """The local name of the first element, lower-cased, skipping the prolog."""
    view = _ascii_view(head)
    pos = 0
    while (match := _PROLOG.match(view, pos)) and match.end() > pos:
        pos = match.end()
    view = view[pos:].lstrip()
    match = _ROOT.match(view)
    if not match:
        return None
    return match.group(1).decode("ascii", "replace").lower().rpartition(":")[2]


def _ascii_view(head: bytes) -> bytes:
    """`head` re-encoded so ASCII markup can be matched even in UTF-16."""
    codec = bom_encoding(head) or utf16_guess(head)
    if codec:
        return head.decode(codec, "replace").encode("ascii", "replace")
    return head


def looks_like_jsonl(head: bytes) -> bool:
    """Whether `head` starts with a line that is a whole JSON object with "text": JSON Lines, one record a
    line (not pretty-printed objects, whose first line is a lone "{")."""
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not stripped.startswith(b"{"):
        return False
    first, newline, _ = stripped.partition(b"\n")
    if not newline and len(head) >= HEAD_BYTES:
        return b'"text"' in first  # one long first line: cannot parse a prefix
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "text" in record
