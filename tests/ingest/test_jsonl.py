"""JSON Lines and JSON files: one record per article, bad lines refused one by one, streaming; objects
spread over lines (pretty-printed, or a JSON array) read as what they are."""
from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from storyline.ingest import iter_inputs
from storyline.records import RawDoc, Refusal

from conftest import split

GOOD = {"id": "AP_20130322", "text": "The flu season is winding down.", "published": "2013-03-22",
        "title": "105 U.S. Kids Died From Flu", "url": None, "outlet": "AP", "section": "health"}


def lines(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_a_record_becomes_a_rawdoc_with_its_fields_as_hints(ingest_one, tmp_path):
    doc = ingest_one("corpus.jsonl", lines(GOOD))
    path = str(tmp_path / "corpus.jsonl")
    assert doc == RawDoc(
        source=f"{path}#L1", kind="jsonl", body=GOOD["text"].encode("utf-8"), encoding="utf-8", text=GOOD["text"],
        hints={"id": "AP_20130322", "published": "2013-03-22", "title": "105 U.S. Kids Died From Flu",
               "url": None, "outlet": "AP", "section": "health", "path": path},
    )


def test_text_is_kept_exactly_so_offsets_hold(ingest_one):
    text = "Line one\r\nline two\u2028still the same record \u00e9\U0001F600 \ud800 end"
    doc = ingest_one("t.jsonl", lines({"text": text}))
    decoded = doc.body.decode("utf-8")
    assert len(decoded) == len(text)
    assert decoded == text.replace("\ud800", "\ufffd")  # a lone surrogate cannot be UTF-8


@pytest.mark.parametrize("line, reason", [
    ("{not json", "invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
    ('{"id": "x"}', 'no "text" field'),
    ('{"text": ""}', '"text" is empty'),
    ('{"text": "  \\n "}', '"text" is empty'),
    ('{"text": 42}', '"text" is a number, not a string'),
    ('{"text": null}', '"text" is null, not a string'),
    ('{"text": ["a"]}', '"text" is a list, not a string'),
    ('["text", "x"]', "expected a JSON object, got a list"),
    ('"just a string"', "expected a JSON object, got a string"),
    ("[" * 100_000 + "]" * 100_000, "unreadable JSON (RecursionError)"),
    ('{"text": "x", "n": ' + "9" * 5000 + "}", "unreadable JSON (ValueError)"),
])
def test_bad_lines_are_refused_and_the_others_go_on(ingest, tmp_path, line, reason):
    results = ingest("c.jsonl", lines({"id": "a", "text": "first"}, line, {"id": "c", "text": "third"}))
    path = str(tmp_path / "c.jsonl")
    assert [type(r) for r in results] == [RawDoc, Refusal, RawDoc]
    assert results[1] == Refusal(f"{path}#L2", reason)
    assert [r.hints["id"] for r in (results[0], results[2])] == ["a", "c"]
    assert results[2].source == f"{path}#L3"


def test_invalid_utf8_line_is_refused(ingest):
    data = b'{"text": "ok"}\n{"text": "caf\xe9"}\n'
    docs, refusals = split(ingest("c.jsonl", data))
    assert len(docs) == 1
    assert refusals[0].reason == "not valid UTF-8 (byte 14); JSON must be UTF-8"


def test_blank_lines_bom_crlf_and_numeric_ids(ingest):
    data = b"\xef\xbb\xbf" + b'{"id": 7, "text": "a"}\r\n\r\n   \n{"text": "b"}'
    docs, refusals = split(ingest("c.ndjson", data))
    assert not refusals
    assert [(d.source.rsplit("#", 1)[1], d.body) for d in docs] == [("L1", b"a"), ("L4", b"b")]
    assert docs[0].hints["id"] == "7"
    assert "id" not in docs[1].hints


def test_line_over_the_limit_is_skipped_without_losing_the_next(ingest):
    data = lines({"text": "x" * 5000}, {"text": "small"})
    results = ingest("c.jsonl", data, max_bytes=1000)
    assert results[0].reason == "line is over the 1 kB limit for one article"
    assert results[1].body == b"small"


def test_gzipped_jsonl(ingest):
    docs, refusals = split(ingest("c.jsonl.gz", lines(GOOD, GOOD), gz=True))
    assert len(docs) == 2 and not refusals


def test_truncated_gzip_yields_the_lines_before_the_damage_then_one_refusal(ingest):
    records = ({"id": str(i), "text": f"article {i} " + "w" * 200} for i in range(2000))
    data = gzip.compress(lines(*records).encode())
    results = ingest("c.jsonl.gz", data[: len(data) // 2])
    docs, refusals = split(results)
    assert 0 < len(docs) < 2000
    assert [d.hints["id"] for d in docs] == [str(i) for i in range(len(docs))]
    assert results[-1] is refusals[0] and len(refusals) == 1
    assert refusals[0].reason.startswith("truncated gzip stream")
    assert refusals[0].reason.endswith(f"lines after line {len(docs)} are lost")


def test_fifty_megabyte_jsonl_streams_every_record(tmp_path):
    path = tmp_path / "big.jsonl"
    record = '{"id": "%07d", "text": "' + "Reporters said the council met on Tuesday. " * 4 + '"}\n'
    count = 0
    with open(path, "w") as out:
        while out.tell() < 50 * 1024 * 1024:
            out.write(record % count)
            count += 1
    start = time.perf_counter()
    seen = 0
    for result in iter_inputs([path], max_bytes=1_000_000):
        assert isinstance(result, RawDoc)
        seen += 1
    path.unlink()
    assert seen == count
    assert time.perf_counter() - start < 15


@pytest.mark.parametrize("content, expected", [
    (json.dumps([GOOD, {"text": "second"}]), ["#/0", "#/1"]),
    (json.dumps(GOOD), [""]),
    (json.dumps({"articles": [{"id": "a1", "text": "exported"}]}), ["#/0"]),
    (lines(GOOD, GOOD), ["#L1", "#L2"]),  # JSON Lines under a .json name
])
def test_json_files(ingest, tmp_path, content, expected):
    docs, refusals = split(ingest("c.json", content))
    assert not refusals
    assert [d.source.removeprefix(str(tmp_path / "c.json")) for d in docs] == expected


README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("name, content, suffix, documented", [
    ("c.jsonl", lines(GOOD, GOOD), "#L2", "`FILE#L12`"),                                   # a line
    ("c.jsonl", json.dumps([GOOD, GOOD], indent=1), "#L11", "`FILE#L12`"),                 # an array's item
    ("c.json", json.dumps(GOOD), "", "named `FILE`"),                                      # one object
    ("c.json", json.dumps([GOOD, GOOD], indent=1), "#/1", "`FILE#/1`"),                    # an array's item
])
def test_each_name_a_json_record_is_given_is_documented(ingest, tmp_path, name, content, suffix, documented):
    """The README says how each record of a JSON input is named: by its line in JSON Lines (a .jsonl file), by
    its index in a .json file's array (a JSON Pointer, which reformatting the file does not change)."""
    docs, _ = split(ingest(name, content))
    assert docs[-1].source == f"{tmp_path / name}{suffix}"
    assert documented in " ".join(README.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("content, reason", [
    ("[]", "the JSON list is empty"),
    ("42", "the JSON file holds a number, not an article or a list of them"),
    ('{"id": 1}', 'the JSON object: no "text" field'),
    ("[1, 2", "invalid JSON (Expecting ',' delimiter at line 1, column 6)"),
])
def test_bad_json_files(ingest_one, content, reason):
    assert ingest_one("c.json", content).reason == reason


def test_json_list_item_errors_name_the_item(ingest, tmp_path):
    results = ingest("c.json", json.dumps([{"text": "ok"}, {"text": 3}]))
    assert results[1] == Refusal(f"{tmp_path / 'c.json'}#/1", '"text" is a number, not a string')


def test_json_file_over_the_limit_points_to_jsonl(ingest_one):
    result = ingest_one("c.json", json.dumps([{"text": "x" * 3000}]), max_bytes=1000)
    assert result.reason.startswith("JSON file is over the 1 kB limit")
    assert "JSON Lines" in result.reason


def where(results, tmp_path, name):
    """(fragment of each source, id or refusal reason) of one file's results."""
    return [(r.source.removeprefix(str(tmp_path / name)), r.hints.get("id") if isinstance(r, RawDoc) else r.reason)
            for r in results]


PRETTY_TWO = json.dumps({"id": "p1", "text": "one"}, indent=2) + "\n" + json.dumps({"id": "p2", "text": "two"}, indent=2)


@pytest.mark.parametrize("content, expected", [
    # pretty-printed objects one after another: each object's first line
    (PRETTY_TWO + "\n", [("#L1", "p1"), ("#L5", "p2")]),
    # a JSON array of articles, pretty-printed or on one line, then more JSON Lines
    (json.dumps([{"id": "a", "text": "x"}, {"id": "b", "text": "y"}], indent=1) + "\n",
     [("#L2", "a"), ("#L6", "b")]),
    ('[{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]\n{"id": "c", "text": "z"}\n',
     [("#L1", "a"), ("#L1C28", "b"), ("#L2", "c")]),
    # two objects on one line, each read; a broken one after a good one is refused alone
    ('{"id": "a", "text": "x"}{"id": "b", "text": "y"}\n{"id": "c", "text": "z"} {"id": "d", "text": oops}\n',
     [("#L1", "a"), ("#L1C25", "b"), ("#L2", "c"),
      ("#L2C26", "invalid JSON (Expecting value at line 2, column 46)")]),
    # an object closed on the line the next one opens on; nested brackets and brackets inside strings
    ('{"id": "a",\n "text": "x [ { y"\n}{"id": "b",\n "tags": [["t"]], "text": "z ]"}\n', [("#L1", "a"), ("#L3", "b")]),
    # one broken object is refused once, at its first line, and the next one is read
    ('{\n "id": "a"\n "text": "x"\n}\n{\n "id": "b", "text": "y"\n}\n',
     [("#L1", "invalid JSON (Expecting ',' delimiter at line 3, column 2)"), ("#L5", "b")]),
    # a JSON Lines record cut off (a trailing comma) does not swallow the records after it
    ('{"id": "a", "text": "x",\n{"id": "b", "text": "y"}\n',
     [("#L1", "invalid JSON: the value that starts here is not closed before line 2"), ("#L2", "b")]),
    ('{\n "id": "a",\n', [("#L1", "invalid JSON: the value that starts here is not closed when the file ends")]),
    ('[\n {"id": "a", "text": "x"}\n', [("#L2", "a"), ("", "invalid JSON: the file's array is not closed when the "
                                                          "file ends")]),
    # a file that is not JSON at all: one refusal, not one per line
    ("Dear editor,\nplease find the articles below.\nThanks\n",
     [("", "not JSON Lines: none of its 3 lines is JSON (line 1: invalid JSON (Expecting value at column 1))")]),
    ("# exported by hand\n" + lines({"id": "a", "text": "x"}),
     [("#L1", "invalid JSON (Expecting value at column 1)"), ("#L2", "a")]),
])
def test_objects_spread_over_lines_are_read_as_what_they_are(ingest, tmp_path, content, expected):
    assert where(ingest("c.jsonl", content), tmp_path, "c.jsonl") == expected


def test_a_pretty_printed_record_keeps_its_text_exactly(ingest):
    text = "First line\nsecond \u2028 line with \"quotes\" and \\ backslash \U0001F600"
    content = json.dumps({"id": "x", "text": text, "title": "T"}, indent=4, ensure_ascii=False)
    [doc] = ingest("c.jsonl", content)
    assert doc.body.decode("utf-8") == text and doc.hints["title"] == "T"


def test_concatenated_pretty_objects_in_a_json_file(ingest, tmp_path):
    assert where(ingest("c.json", PRETTY_TWO), tmp_path, "c.json") == [("#L1", "p1"), ("#L5", "p2")]


def test_a_value_spread_over_lines_is_held_only_up_to_the_limit(ingest, tmp_path):
    big = json.dumps({"id": "big", "text": "w " * 2000}, indent=1)
    results = ingest("c.jsonl", big + "\n" + json.dumps({"id": "small", "text": "ok"}, indent=1), max_bytes=1000)
    assert where(results, tmp_path, "c.jsonl") == [
        ("#L1", "the JSON value that starts here is over the 1 kB limit for one article"), ("#L5", "small")]


def test_a_large_pretty_array_is_streamed_item_by_item(tmp_path):
    path = tmp_path / "big.jsonl"
    items = [{"id": str(i), "text": f"article {i} " + "w" * 200} for i in range(3000)]
    path.write_text(json.dumps(items, indent=2))
    start = time.perf_counter()
    results = list(iter_inputs([path], max_bytes=10_000))          # far less than the file: never held whole
    assert [r.hints["id"] for r in results] == [str(i) for i in range(3000)]
    assert results[1].source == f"{path}#L6"
    assert time.perf_counter() - start < 10
