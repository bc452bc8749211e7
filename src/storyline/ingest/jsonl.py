"""JSON Lines (one article per line), pretty-printed JSON objects, and JSON files holding a list of articles.

JSON Lines is the format the evaluation corpora come in and the one meant for
big inputs, so it is streamed: one line in memory at a time, and a line over
the size limit is skipped without being held. Lines are split on b"\\n" only,
never with str.splitlines, because U+2028 or U+0085 may sit raw inside a JSON
string. The article text is passed on exactly as the record holds it (the
export's character offsets point into it); the other fields become hints for
stage 2, `id` above all.

A `.jsonl` file is often not one object a line: an editor or `json.dump(...,
indent=2)` spreads each object over several lines, or writes the whole list
as one JSON array. Those are read as what they are (`_Values`): a line that
opens a value it does not close starts a value spread over lines, and a
top-level `[` starts an array whose items are the articles, each still read
one at a time. Every article's source names the line its object starts on
(`FILE#L12`; a second object starting on the same line adds its column,
`FILE#L12C40`). A value that is broken is refused once, not once per line;
a file in which no line is JSON at all is refused once, as a whole.
"""
from __future__ import annotations

import codecs
import io
import json
import re
from typing import Any, Iterator

from storyline.ingest.streams import GuardedStream, human_size, over_limit
from storyline.records import RawDoc, Refusal

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
               int: "a number", float: "a number", type(None): "null"}
_DECODER = json.JSONDecoder()
# what changes the nesting depth: a bracket outside a string (a JSON string never spans lines)
_STRUCTURE = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[\[\]{}]')
_SPACE = re.compile(r"[ \t\r\n]*")
HELD_LINES = 100   # lines refused before any JSON value, after which the file is refused as a whole


def read_jsonl(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """One RawDoc per JSON object of the stream: one a line, spread over lines, or the items of a
    top-level array (see the module's docstring); a bad line or value is refused and the rest go on.

    Refusals of lines that are not JSON at all are held back until a JSON value is read: a file whose
    lines from line 1 on are all unreadable is refused once, as a whole (after `HELD_LINES` of them,
    without reading further).
    """
    values = _Values(source, max_bytes)
    held: list[Refusal] | None = []       # None once the file has given a JSON value
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            found = values.too_long(lineno)
        else:
            found = values.line(lineno, line.removeprefix(codecs.BOM_UTF8) if lineno == 1 else line)
        for item in found:
            if held is None or isinstance(item, RawDoc) or values.decoded:
                if held:
                    yield from held
                held = None
                yield item
            else:
                held.append(item)
        if held is not None and len(held) >= HELD_LINES and values.first_line == 1:
            yield _not_json(source, held, f"the first {len(held)} lines")
            return
    for item in values.end():
        if held is not None and isinstance(item, Refusal) and not values.decoded:
            held.append(item)
        else:
            yield from held or ()
            held = None
            yield item
    if held and len(held) > 1 and values.first_line == 1:
        yield _not_json(source, held, f"its {len(held)} lines")
    elif held:
        yield from held
    if stream.error:
        yield Refusal(source, f"{stream.error}; lines after line {lineno} are lost")


def _not_json(source: str, held: list[Refusal], what: str) -> Refusal:
    first = held[0]
    where = first.source.rpartition("#")[2] if "#" in first.source else "line 1"
    return Refusal(source, f"not JSON Lines: none of {what} is JSON ({where.replace('L', 'line ', 1)}: "
                           f"{first.reason})")


class _Values:
    """The JSON values of a stream fed one line at a time; `line`, `too_long` and `end` yield what they
    complete (RawDoc or Refusal).

    While nothing is open, a line is parsed on its own (JSON Lines: the fast path). A line that opens
    a value it does not close (the decoder stops at its end), or a `[`, starts buffered reading: the
    text is kept from the value's first line, its brackets outside strings are counted as lines come
    in, and the value is decoded once they balance. Inside a top-level array each item is a value of
    its own, so a large array never sits in memory whole. A value over `max_bytes`, or with a line
    that is not UTF-8, is dropped as it comes and refused once where it ends; a line at column 0 that
    is a whole JSON object while a value is open means that value was cut off: it is refused and the
    line read on its own.
    """

    def __init__(self, source: str, max_bytes: int):
        self.source, self.max_bytes = source, max_bytes
        self.buf = ""             # text not yet consumed, whole lines, starting at line `buf_line`
        self.buf_line = 0
        self.in_array = False     # inside a top-level array: values are its items
        self.open_at: int | None = None     # index in `buf` of the value being read, when one is open
        self.scanned = 0          # how far `buf` is scanned for brackets; `depth` is the nesting there
        self.depth = 0
        self.dropped: tuple[int, str | None] | None = None   # (first line, reason) of an open value dropped
        self.last_line = 0        # the line the last value started on, to tell two on one line apart
        self.first_line: int | None = None  # the first non-blank line
        self.decoded = False      # whether any JSON value was decoded (the file is JSON of some kind)

    # ------------------------------------------------------------ input
    def line(self, lineno: int, raw: bytes) -> Iterator[RawDoc | Refusal]:
        if not raw.strip():
            if self.buffering:
                self.buf += "\n"
            return
        if self.first_line is None:
            self.first_line = lineno
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = f"not valid UTF-8 (line {lineno}, byte {exc.start + 1}); JSON must be UTF-8"
            if self.open:            # the open value cannot be read; its brackets are still counted
                self.buf += raw.decode("utf-8", "replace").rstrip("\n") + "\n"
                self._drop(problem)
                yield from self._drain()
            else:
                yield Refusal(f"{self.source}#L{lineno}", problem.replace(f"line {lineno}, ", ""))
            return
        if self.open and self._cuts_off(text):
            yield self._cut_off(lineno)
        elif self.buffering:
            yield from self._feed(lineno, text)
            return
        yield from self._single(lineno, text)

    def too_long(self, lineno: int) -> Iterator[Refusal]:
        """A line over the size limit, skipped by the caller (its brackets go uncounted)."""
        if self.first_line is None:
            self.first_line = lineno
        if self.buffering:
            self.buf += "\n"
        if self.open:
            self._drop(None)
            return
        yield Refusal(f"{self.source}#L{lineno}", f"line is over the {human_size(self.max_bytes)} limit "
                                                  "for one article")

    def end(self) -> Iterator[Refusal]:
        """What is left open when the stream ends."""
        if self.open:
            start = self.dropped[0] if self.dropped else self._line_of(self.open_at)
            yield Refusal(self._where(start, 1), "invalid JSON: the value that starts here is not closed "
                                                 "when the file ends")
        elif self.in_array:
            yield Refusal(self.source, "invalid JSON: the file's array is not closed when the file ends")

    @property
    def open(self) -> bool:
        """Whether a value spread over lines is being read (or dropped)."""
        return self.open_at is not None or self.dropped is not None

    @property
    def buffering(self) -> bool:
        return self.in_array or self.open

    # ------------------------------------------------------------ one line, one value (JSON Lines)
    def _single(self, lineno: int, text: str) -> Iterator[RawDoc | Refusal]:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.pos >= len(text.rstrip()) or text.lstrip().startswith("[") or exc.msg == "Extra data":
                yield from self._feed(lineno, text)     # opens a value (or an array) it does not close,
                                                        # or holds more than one
            else:
                yield Refusal(self._where(lineno, 1), f"invalid JSON ({exc.msg} at column {exc.colno})")
            return
        except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
            yield Refusal(self._where(lineno, 1), f"unreadable JSON ({type(exc).__name__})")
            return
        self.decoded = True
        if isinstance(record, list) and record and all(isinstance(item, dict) for item in record):
            yield from self._feed(lineno, text)          # an array of articles on one line: item by item
            return
        yield record_to_doc(record, self._where(lineno, 1), None, self.source, self.max_bytes)

    # ------------------------------------------------------------ values spread over lines
    def _feed(self, lineno: int, text: str) -> Iterator[RawDoc | Refusal]:
        if not self.buffering:
            self.buf, self.buf_line, self.scanned = "", lineno, 0
        self.buf += text if text.endswith("\n") else text + "\n"
        yield from self._drain()
        if self.open_at is not None and self._bytes(self.buf[self.open_at:]) > self.max_bytes:
            self._drop(None)

    def _drain(self) -> Iterator[RawDoc | Refusal]:
        """Decode every value of `buf` that is complete; keep the open one, from its start."""
        pos = self.scanned if self.open else 0
        while True:
            if self.open:
                end = self._scan(pos)
                if end is None:
                    self._forget(len(self.buf) if self.open_at is None else self.open_at)
                    self.scanned = len(self.buf)
                    return
                if self.dropped:
                    (start, problem), self.dropped = self.dropped, None
                    yield Refusal(self._where(start, 1), problem or f"the JSON value that starts here is over "
                                                                    f"the {human_size(self.max_bytes)} limit for one article")
                else:
                    start, self.open_at = self.open_at, None
                    yield self._decode(start, end)[0]
                pos = end
                continue
            pos = _SPACE.match(self.buf, pos).end()
            if pos >= len(self.buf):
                self._forget(pos)
                return
            char = self.buf[pos]
            if self.in_array and char in ",]":
                self.in_array = char == ","
                pos += 1
            elif char == "[" and not self.in_array:
                self.in_array, self.depth = True, 1
                pos += 1
            elif char in "{[":
                self.open_at, self.depth = pos, (1 if self.in_array else 0)
            else:                                           # a string, number or literal: never spans lines
                found, stop = self._decode(pos, None)
                yield found
                pos = stop if stop is not None else self.buf.index("\n", pos)

    def _scan(self, pos: int) -> int | None:
        """The end of the open value (where its brackets balance), or None when it goes on past `buf`."""
        base = 1 if self.in_array else 0
        for match in _STRUCTURE.finditer(self.buf, pos):
            char = match.group()[0]
            if char in "{[":
                self.depth += 1
            elif char in "}]":
                self.depth -= 1
                if self.depth <= base:
                    self.depth = base
                    return match.end()
        return None

    def _decode(self, start: int, end: int | None) -> tuple[RawDoc | Refusal, int | None]:
        """The value at `start` of `buf` (which must end at `end`, when given) and where it stops (None:
        unreadable)."""
        where = self._where(self._line_of(start), start - self.buf.rfind("\n", 0, start))
        try:
            record, stop = _DECODER.raw_decode(self.buf, start)
        except json.JSONDecodeError as exc:
            return Refusal(where, f"invalid JSON ({exc.msg} at {self._place(exc.pos)})"), None
        except (ValueError, RecursionError) as exc:
            return Refusal(where, f"unreadable JSON ({type(exc).__name__})"), None
        if end is not None and self.buf[stop:end].strip():
            return Refusal(where, f"invalid JSON (extra data at {self._place(stop)})"), None
        self.decoded = True
        return record_to_doc(record, where, None, self.source, self.max_bytes), stop

    def _cuts_off(self, text: str) -> bool:
        """Whether `text`, read while a value is open, is a whole JSON object at column 0."""
        if not text.startswith("{"):
            return False
        try:
            return isinstance(json.loads(text), dict)
        except (ValueError, RecursionError):
            return False

    def _cut_off(self, lineno: int) -> Refusal:
        """The open value, cut off by a record line: refused, and reading starts again at that line."""
        start = self.dropped[0] if self.dropped else self._line_of(self.open_at)
        self.buf, self.open_at, self.dropped, self.in_array, self.depth = "", None, None, False, 0
        return Refusal(self._where(start, 1), f"invalid JSON: the value that starts here is not closed "
                                              f"before line {lineno}")

    def _drop(self, problem: str | None) -> None:
        """Stop keeping the open value (too large, or `problem`); it is refused once where it ends."""
        if self.open_at is not None:
            self.dropped = (self._line_of(self.open_at), problem)
            self._forget(self.scanned)
            self.open_at = None
        elif self.dropped and problem and not self.dropped[1]:
            self.dropped = (self.dropped[0], problem)

    def _forget(self, pos: int) -> None:
        """Drop `buf` up to `pos`, keeping line numbers."""
        self.buf_line += self.buf.count("\n", 0, pos)
        self.buf = self.buf[pos:]
        if self.open_at is not None:
            self.open_at -= pos
        self.scanned = max(0, self.scanned - pos)

    # ------------------------------------------------------------ where
    def _line_of(self, pos: int) -> int:
        return self.buf_line + self.buf.count("\n", 0, pos)

    def _place(self, pos: int) -> str:
        return f"line {self._line_of(pos)}, column {pos - self.buf.rfind(chr(10), 0, pos)}"

    def _where(self, line: int, column: int) -> str:
        """`FILE#L12` for the first value starting on line 12, `FILE#L12C40` for another one there."""
        first, self.last_line = self.last_line != line, line
        return f"{self.source}#L{line}" if first else f"{self.source}#L{line}C{column}"

    @staticmethod
    def _bytes(text: str) -> int:
        return len(text.encode("utf-8", "replace"))


def read_json(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """A `.json` file: one article object (named `FILE`), or a list of them (`FILE#/0`, `FILE#/1`, ...), read whole.

    An item is named by its index (a JSON Pointer), not its line: a `.json` file is the kind that tools
    re-indent, which moves every line but no index, and an article's id is made from its name when the
    record gives none. A list cannot be streamed with the standard library, hence the size cap;
    a file that holds several values (JSON Lines, or pretty-printed objects
    one after another, under a `.json` name) is read as `read_jsonl` reads it (`FILE#L12`).
    """
    data = stream.read(max_bytes + 1)
    if stream.error:
        yield Refusal(source, stream.error)
        return
    if len(data) > max_bytes:
        limit = human_size(max_bytes)
        yield Refusal(source, f"JSON file is over the {limit} limit for a .json file, which is read "
                              "whole; write it as JSON Lines (.jsonl), which is streamed")
        return
    try:
        document = json.loads(data.removeprefix(codecs.BOM_UTF8))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from read_jsonl(GuardedStream(io.BytesIO(data), gzipped=False), source, max_bytes)
        else:
            yield Refusal(source, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except (ValueError, RecursionError) as exc:
        yield Refusal(source, f"unreadable JSON ({type(exc).__name__}: {exc})")
        return
    if isinstance(document, dict) and "text" not in document and isinstance(document.get("articles"), list):
        document = document["articles"]  # a storyline export fed back in
    if isinstance(document, dict):
        yield record_to_doc(document, source, "the JSON object", source, max_bytes)
    elif isinstance(document, list) and document:
        for index, item in enumerate(document):
            yield record_to_doc(item, f"{source}#/{index}", None, source, max_bytes)
    elif isinstance(document, list):
        yield Refusal(source, "the JSON list is empty")
    else:
        yield Refusal(source, f"the JSON file holds {_json_type(document)}, not an article or a list of them")


def record_to_doc(record: Any, where: str, label: str | None, path: str, max_bytes: int) -> RawDoc | Refusal:
    """Check one decoded record and wrap its text; `label` names it in reasons when `where` does not."""
    prefix = f"{label}: " if label else ""
    if not isinstance(record, dict):
        return Refusal(where, f"{prefix}expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        return Refusal(where, f'{prefix}no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        return Refusal(where, f'{prefix}"text" is {_json_type(text)}, not a string')
    if not text or text.isspace():
        return Refusal(where, f'{prefix}"text" is empty')
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800") cannot be encoded; U+FFFD is one
        # character too, so every offset into the text still points right.
        body = _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
    if len(body) > max_bytes:
        return Refusal(where, prefix + over_limit(len(body), max_bytes, '"text"'))
    hints = {key: value for key, value in record.items() if key != "text"}
    if isinstance(hints.get("id"), int) and not isinstance(hints["id"], bool):
        hints["id"] = str(hints["id"])  # the export contract says ids are strings
    hints.setdefault("path", path)
    return RawDoc(source=where, kind="jsonl", body=body, hints=hints, encoding="utf-8")


def _skip_rest_of_line(stream: GuardedStream) -> None:
    while chunk := stream.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
