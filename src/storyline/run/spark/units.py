"""Split the inputs into units of work for Spark, and read one unit back as stage 1 would.

A unit is a plain tuple, cheap to ship to an executor:

- `("refusal", source, reason)`: a path stage 1 refuses before opening it (walk's refusals);
- `("file", path)`: one file, read by `iter_inputs` exactly as the local runner reads it;
- `("lines", path, start, end, first_line)`: the whole lines in bytes [start, end) of a large,
  uncompressed JSON Lines file (one record a line from its first line on: a file of pretty-printed
  objects is one unit), line `first_line` first.

Units are listed in the local runner's order (`walk`), so their results, taken
in unit order, are the local runner's sequence of RawDocs and Refusals: ids,
duplicate detection and the store's order come out the same. A lines unit is
read through `jsonl.read_jsonl` behind `first_line - 1` empty lines, which that
reader counts and skips, so its sources (`FILE#L12`), reasons and BOM handling
are those of reading the whole file.

A WARC listing as Common Crawl publishes it (`warc.paths` or `warc.paths.gz`, one
WARC path a line, relative to the bucket root) is expanded into its WARC files,
relative paths taken from the listing's folder (a mirror keeps the bucket's
layout); remote locations (s3://, https://) are refused: nothing is downloaded.
"""
from __future__ import annotations

import gzip
import io
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from storyline.ingest import decode, iter_inputs
from storyline.ingest.files import _one_line
from storyline.ingest.jsonl import read_jsonl
from storyline.ingest.sniff import HEAD_BYTES, binary_label, is_warc, looks_like_jsonl, sniff_format
from storyline.ingest.streams import GZIP_MAGIC, GuardedStream
from storyline.ingest.walk import walk
from storyline.records import RawDoc, Refusal

LISTING_SUFFIXES = (".paths", ".paths.gz")
_WARC_LINE = re.compile(r"\S+\.warc(?:\.gz)?")
_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
MIN_SPLIT_BYTES = 1 << 16        # a JSON Lines file smaller than this is one unit


def plan(inputs: Iterable[str], parts: int) -> list[tuple]:
    """The units of `inputs` in the local runner's order; an uncompressed JSON Lines file is cut into
    about `parts` line ranges of at least MIN_SPLIT_BYTES each."""
    units: list[tuple] = []
    for found in walk(inputs):
        if isinstance(found, Refusal):
            units.append(("refusal", found.source, found.reason))
            continue
        listed = warc_listing(found)
        if listed is None:
            units += _file_units(found, parts)
            continue
        for line in listed:
            if _REMOTE.match(line):
                units.append(("refusal", line, f"remote WARC listed in {found}; not downloaded: "
                                               "fetch it and list its local path"))
                continue
            for item in walk([line]):
                units += [("refusal", item.source, item.reason)] if isinstance(item, Refusal) else \
                    _file_units(item, parts)
    return units


def warc_listing(path: Path) -> list[str] | None:
    """The WARC paths a Common Crawl listing names (relative ones joined to its folder, remote ones such
    as s3://... kept as given); None when `path` is not such a listing (named *.paths or *.paths.gz,
    every non-blank line a *.warc or *.warc.gz path)."""
    if not path.name.endswith(LISTING_SUFFIXES):
        return None
    try:
        with open(path, "rb") as raw:
            gzipped = raw.read(2) == GZIP_MAGIC
        opener = gzip.open if gzipped else open
        with opener(path, "rt", encoding="utf-8") as text:
            lines = [line.strip() for line in text if line.strip()]
    except (OSError, UnicodeDecodeError, EOFError):
        return None
    if not lines or not all(_WARC_LINE.fullmatch(line) for line in lines):
        return None
    return [line if _REMOTE.match(line) or os.path.isabs(line) else str(path.parent / line) for line in lines]


def _file_units(path: Path, parts: int) -> list[tuple]:
    """One unit for the file, or about `parts` line ranges when it is a large uncompressed JSON Lines file."""
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as raw:
            head = raw.read(HEAD_BYTES)
    except OSError:
        return [("file", str(path))]           # read_path words the refusal
    split_bytes = max(MIN_SPLIT_BYTES, size // max(1, parts))
    splittable = (size > split_bytes and not head.startswith(GZIP_MAGIC) and head.strip()
                  and not is_warc(head) and binary_label(head) is None and sniff_format(path.name, head) == "jsonl"
                  and looks_like_jsonl(head))          # pretty-printed objects span lines: never cut between lines
    if not splittable:
        return [("file", str(path))]
    units, start, first, line_no, pos = [], 0, 1, 0, 0
    with open(path, "rb") as raw:
        for line in raw:
            line_no += 1
            pos += len(line)
            if pos - start >= split_bytes:
                units.append(("lines", str(path), start, pos, first))
                start, first = pos, line_no + 1
    if pos > start:
        units.append(("lines", str(path), start, pos, first))
    return units


def read_unit(unit: tuple, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """Stage 1 on one unit: what `iter_inputs` yields for that part of the inputs, in its order."""
    kind = unit[0]
    if kind == "refusal":
        yield Refusal(unit[1], unit[2])
    elif kind == "file":
        yield from iter_inputs([unit[1]], max_bytes)
    elif kind == "lines":
        _, path, start, end, first = unit
        with open(path, "rb") as raw:
            window = io.BufferedReader(_Window(raw, start, end, first - 1))
            for item in read_jsonl(GuardedStream(window, gzipped=False), path, max_bytes):
                if isinstance(item, RawDoc):                       # finished as iter_inputs finishes them
                    yield replace(item, text=decode(item.body, item.encoding))
                else:
                    yield item if item.reason.isprintable() else Refusal(item.source, _one_line(item.reason))
    else:
        raise ValueError(f"unknown unit kind {kind!r}")


class _Window(io.RawIOBase):
    """`pad` newlines, then bytes [start, end) of the open file `raw`."""

    def __init__(self, raw, start: int, end: int, pad: int):
        self._raw, self._left, self._pad = raw, end - start, pad
        raw.seek(start)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        view = memoryview(buffer)
        if self._pad:
            n = min(self._pad, len(view))
            view[:n] = b"\n" * n
            self._pad -= n
            return n
        if self._left <= 0:
            return 0
        data = self._raw.read(min(self._left, len(view)))
        self._left -= len(data)
        view[:len(data)] = data
        return len(data)
