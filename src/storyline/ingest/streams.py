"""Byte streams that end cleanly when the input is damaged, and size messages.

A truncated `.jsonl.gz` or `.warc.gz` still holds good records before the
damage. `gzip` raises as soon as it reaches the cut, and libraries reading
through it (warcio) either lose what they had buffered or swallow the error
and stop silently. `GuardedStream` turns the damage into an ordinary end of
file, so every reader yields what came before it, and keeps the reason in
`error` so the reader can then add one Refusal for the rest: "truncated gzip
stream (...)" where the compressed data stops short, "corrupt gzip data:
<the decompressor's message>" where it cannot be decompressed (a bad block, a
CRC that does not match). Damaged data often decompresses to garbage before
the decompressor notices: `damage_reason` then names the damage, not the
garbage.
"""
from __future__ import annotations

import gzip
import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


class GuardedStream:
    """A read-only binary stream over a file, decompressing gzip if asked."""

    def __init__(self, raw: BinaryIO, gzipped: bool):
        self._stream = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        self.gzipped = gzipped
        self.error: str | None = None
        self.truncated = False          # the damage is an end before the end-of-stream marker
        self.message: str | None = None  # the decompressor's own words on the damage
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        """Read like a file; bytes decompressed before any damage are kept.

        It goes through `read1`, one underlying read at a time, because a
        buffered `read(n)` that fails part-way discards what it had gathered.
        """
        want = None if size is None or size < 0 else size
        chunks, got = [], 0
        while want is None or got < want:
            chunk = self._guard(self._stream.read1, _CHUNK if want is None else min(_CHUNK, want - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def readline(self, size: int | None = -1) -> bytes:
        return self._guard(self._stream.readline, -1 if size is None else size)

    def tell(self) -> int:
        """Bytes handed out so far (warcio measures record offsets with it)."""
        return self._pos

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        """The caller owns the underlying file; closing it is theirs to do."""

    def _guard(self, method, size: int) -> bytes:
        if self.error:
            return b""
        try:
            data = method(size)
        except EOFError as exc:
            self.error = "truncated gzip stream (the file ends before the compressed data does)"
            self.truncated, self.message = True, str(exc)
            return b""
        except (gzip.BadGzipFile, zlib.error) as exc:
            self.message = str(exc)
            self.error = f"corrupt gzip data: {exc}"
            return b""
        except OSError as exc:
            self.error = f"read error ({exc.strerror or exc})"
            return b""
        self._pos += len(data)
        return data


def damage_reason(stream: GuardedStream, label: str, shapeless: bool) -> str:
    """Why a damaged compressed file (`stream.error` set) is refused when what it decompressed to before the
    damage looks binary (`label`, from `sniff.binary_label`; `shapeless`: a label that names no format, only
    bytes no text has, "data made mostly of control bytes").

    The damage is named first: corrupt data is "corrupt gzip data: <message>"; data that only ends early is
    corrupt too when what came before is shapeless (garbage the decompressor made of bad input, where a cut
    file gives the text before the cut), else truncated, its content's format named after ("looks like PNG
    image": a cut compressed image)."""
    if stream.truncated and shapeless:
        return f"corrupt gzip data: {stream.message} (what comes before is no text: {label})"
    return f"{stream.error}; what comes before looks like {label}"


def human_size(n: int) -> str:
    """52428800 -> '52.4 MB'; whole numbers lose the '.0' ('20 MB')."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def over_limit(size: int, limit: int, what: str = "file", per: str = "one article") -> str:
    """The reason for refusing `size` bytes, exact when rounding would hide it."""
    shown, cap = human_size(size), human_size(limit)
    if shown == cap:
        shown, cap = f"{size:,} bytes", f"{limit:,}-byte"
    return f"{what} is {shown}, over the {cap} limit for {per}"
