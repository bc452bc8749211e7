"""Stage 1's entry point: from paths to RawDocs, one file at a time.

Ingest runs over folders nobody has cleaned, so it must survive anything:
every file ends as RawDocs or Refusals, never as an exception that would stop
the run, and one bad file never hides the ones after it. It only carries
bytes; decoding them is stage 2's job (`decode`), though the same heuristics
tell text from binary here.

For each regular file: gzip is recognised by its magic bytes, whatever the
name; the first few kilobytes (decompressed) decide the format and whether
the file is binary (see `sniff`; a WARC is judged record by record instead);
containers (JSON Lines, JSON, feeds, WARC) hand out one record at a time;
anything else is one article, subject to `max_bytes`.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from storyline.ingest import feeds, jsonl, warc
from storyline.ingest.decode import bom_encoding, declared_in_document, decode, normalize_label
from storyline.ingest.sniff import HEAD_BYTES, SHAPELESS, binary_label, is_warc, sniff_format
from storyline.ingest.streams import GZIP_MAGIC, GuardedStream, damage_reason, human_size, over_limit
from storyline.ingest.walk import walk
from storyline.records import RawDoc, Refusal

DEFAULT_MAX_BYTES = 20_000_000

_CONTAINERS = {
    "jsonl": jsonl.read_jsonl,
    "json": jsonl.read_json,
    "feed": feeds.read_feed,
    "warc": warc.read_warc,
}


def iter_inputs(
    paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDoc | Refusal]:
    """Yield one RawDoc per article found under `paths` (bytes and decoded text), or a Refusal saying why not.

    Folders are walked recursively in sorted order, hidden entries skipped;
    `max_bytes` caps one article (a single-article file, a JSON Lines line, a
    WARC record), never a whole container, which is streamed.
    """
    for found in walk(paths):
        for result in [found] if isinstance(found, Refusal) else read_path(found, max_bytes):
            if isinstance(result, Refusal) and not result.reason.isprintable():
                result = Refusal(result.source, _one_line(result.reason))
            elif isinstance(result, RawDoc) and result.text is None:
                result = replace(result, text=decode(result.body, result.encoding))
            yield result


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDoc | Refusal]:
    """All the articles in one file; whatever goes wrong becomes a Refusal."""
    source = str(path)
    try:
        yield from _read(path, source, max_bytes)
    except OSError as exc:
        yield Refusal(source, f"cannot read file: {exc.strerror or exc}")
    except MemoryError:
        yield Refusal(source, "not enough memory to read this file")
    except Exception as exc:  # a bug or a library surprise must not end the run
        yield Refusal(source, f"unexpected error while reading ({type(exc).__name__}: {exc})")


def _read(path: Path, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    size = os.stat(path).st_size
    if size == 0:
        yield Refusal(source, "empty file")
        return
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        head_stream = GuardedStream(raw, gzipped)
        head = head_stream.read(HEAD_BYTES)
        if not head:
            yield Refusal(source, head_stream.error or "empty file")
            return
        if len(head) < HEAD_BYTES and not head_stream.error and _blank(head):
            yield Refusal(source, "empty file (whitespace only)")
            return
        label = None if is_warc(head) else binary_label(head)
        if label and head_stream.error:   # damaged compressed data: the damage is the reason, not its garbage
            yield Refusal(source, damage_reason(head_stream, label, label in SHAPELESS))
            return
        if label:
            yield Refusal(source, f"binary content (looks like {label}), not an article")
            return
        kind = sniff_format(path.name, head)
        if kind == "xml":
            yield Refusal(source, "XML that is neither an RSS/Atom feed nor HTML, not an article")
            return
        raw.seek(0)
        stream = GuardedStream(raw, gzipped)
        if kind in _CONTAINERS:
            yield from _CONTAINERS[kind](stream, source, max_bytes)
        else:
            yield _single(stream, source, kind, size, max_bytes)


def _single(stream: GuardedStream, source: str, kind: str, size: int, max_bytes: int) -> RawDoc | Refusal:
    """A file that holds one article: text, Markdown or HTML."""
    if not stream.gzipped and size > max_bytes:
        return Refusal(source, over_limit(size, max_bytes))
    body = stream.read(max_bytes + 1)
    if stream.error:
        return Refusal(source, stream.error)
    if len(body) > max_bytes:
        return Refusal(source, f"decompresses to more than {human_size(max_bytes)}, "
                               "over the limit for one article")
    if _blank(body):
        return Refusal(source, "empty file (whitespace only)")
    declared = bom_encoding(body)
    if declared is None and kind == "html":
        declared = normalize_label(declared_in_document(body), in_document=True)
    return RawDoc(source=source, kind=kind, body=body, hints={"path": source}, encoding=declared)


def _one_line(reason: str) -> str:
    """Reasons quote library messages and file bytes; the CLI prints one clean line."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in " ".join(reason.split()))


def _blank(body: bytes) -> bool:
    """Whitespace only, in whatever Unicode encoding a BOM announces."""
    codec = bom_encoding(body)
    if codec:
        return not body.decode(codec, "replace").strip()
    return not body.strip()
