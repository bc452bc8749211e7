"""warcio's record iterator, made to survive misframed records, and its brotli decoder.

A WARC record is its header, `Content-Length` bytes of content, then two
blank lines. Real archives break the framing: some writers leave the blank
lines out, some write a wrong length. warcio then takes the next record's
`WARC/1.0` line for a stray blank line, fails on the header lines after it,
and every record after the first fault is lost. `Records` reads what lies
between two records itself: blank lines are skipped, a `WARC/x.y` line (even
one glued to the end of a longer line) starts the next record, and anything
else is counted as bytes that belong to no record, so the reader can refuse
the record whose length was wrong and go on with the next one.

warcio decodes `Content-Encoding: br` only through the `brotlipy` binding;
`_Brotli` gives the maintained `brotli` binding the zlib-like face warcio's
readers use, and is registered in warcio's table of decoders on import.
"""
from __future__ import annotations

import re

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader

_RECORD_START = re.compile(rb"WARC/[01]\.[0-9]+[ \t]*\r?\n?$")


class Records(ArchiveIterator):
    """`ArchiveIterator` over a readable binary stream, resynchronising between records."""

    def __init__(self, stream):
        super().__init__(stream)
        self._gap = (0, False)

    def separate(self) -> tuple[int, bool]:
        """Consume what follows the current record, which must have been read to its end.

        Returns (bytes that were neither blank lines nor a record header,
        whether a record header follows them). (0, True) or (0, False) is a
        well-framed record, with or without its blank lines.
        """
        self.read_to_end()
        gap, self._gap = self._gap, (0, False)
        return gap

    def _consume_blanklines(self):
        """warcio's hook between records: returns (the next header line or None, bytes consumed)."""
        consumed = skipped = 0
        while True:
            line = self.reader.readline()
            if not line:
                self._gap = (skipped, False)
                return None, consumed
            start = line.find(b"WARC/")
            if start >= 0 and _RECORD_START.match(line, start):
                self._gap = (skipped + len(line[:start].strip()), True)
                return line[start:], consumed + start
            if line.strip():
                skipped += len(line)
            consumed += len(line)


class _Brotli:
    """brotli's streaming decompressor with the methods warcio calls on zlib's."""

    unused_data = b""

    def __init__(self):
        self._inner = brotli.Decompressor()

    def decompress(self, data: bytes) -> bytes:
        return self._inner.process(data)

    def flush(self) -> bytes:
        return b""


BufferedReader.DECOMPRESSORS["br"] = _Brotli
