"""JSON Lines (one article per line) and JSON files holding a list of articles.

JSON Lines is the format the evaluation corpora come in and the one meant for
big inputs, so it is streamed: one line in memory at a time, and a line over
the size limit is skipped without being held. Lines are split on b"\\n" only,
never with str.splitlines, because U+2028 or U+0085 may sit raw inside a JSON
string. The article text is passed on exactly as the record
holds it (the export's character offsets point into it); the other fields
become hints for stage 2, `id` above all.
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


def read_jsonl(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """One RawDoc per non-blank line; a bad line is refused and the rest go on."""
    lineno = 0
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        where = f"{source}#L{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Refusal(where, f"line {lineno} is over the {human_size(max_bytes)} limit for one article")
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"line {lineno}: not valid UTF-8 (byte {exc.start + 1}); JSON Lines must be UTF-8"
            yield Refusal(where, reason)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Refusal(where, f"line {lineno}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
            yield Refusal(where, f"line {lineno}: unreadable JSON ({type(exc).__name__})")
            continue
        yield record_to_doc(record, where, f"line {lineno}", source, max_bytes)
    if stream.error:
        yield Refusal(source, f"{stream.error}; lines after line {lineno} are lost")


def read_json(stream: GuardedStream, source: str, max_bytes: int) -> Iterator[RawDoc | Refusal]:
    """A `.json` file: one article object, or a list of them, read whole.

    A list cannot be streamed with the standard library, hence the size cap;
    a file that is really JSON Lines under a `.json` name is read as such.
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
            yield record_to_doc(item, f"{source}#/{index}", f"item {index}", source, max_bytes)
    elif isinstance(document, list):
        yield Refusal(source, "the JSON list is empty")
    else:
        yield Refusal(source, f"the JSON file holds {_json_type(document)}, not an article or a list of them")


def record_to_doc(record: Any, where: str, label: str, path: str, max_bytes: int) -> RawDoc | Refusal:
    """Check one decoded record and wrap its text; `label` names it in reasons."""
    if not isinstance(record, dict):
        return Refusal(where, f"{label}: expected a JSON object, got {_json_type(record)}")
    if "text" not in record:
        return Refusal(where, f'{label}: no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        return Refusal(where, f'{label}: "text" is {_json_type(text)}, not a string')
    if not text or text.isspace():
        return Refusal(where, f'{label}: "text" is empty')
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate ("\ud800") cannot be encoded; U+FFFD is one
        # character too, so every offset into the text still points right.
        body = _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
    if len(body) > max_bytes:
        return Refusal(where, f"{label}: " + over_limit(len(body), max_bytes, '"text"'))
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
