"""Helpers shared by the ingest tests: write a fixture file, ingest it, split the results."""
from __future__ import annotations

import gzip

import pytest

from storyline.ingest import iter_inputs
from storyline.records import RawDoc, Refusal


def split(results):
    """(docs, refusals) from an iter_inputs result list, checking nothing else slipped in."""
    docs = [r for r in results if isinstance(r, RawDoc)]
    refusals = [r for r in results if isinstance(r, Refusal)]
    assert len(docs) + len(refusals) == len(results)
    return docs, refusals


@pytest.fixture
def ingest(tmp_path):
    """ingest(name, data, gz=False, **kw) -> list of results for that one file."""

    def run(name: str, data: bytes | str, gz: bool = False, **kwargs):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if gz:
            data = gzip.compress(data)
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return list(iter_inputs([path], **kwargs))

    return run


@pytest.fixture
def ingest_one(ingest):
    """ingest_one(name, data, ...) -> the single result, asserting there is exactly one."""

    def run(name, data, **kwargs):
        results = ingest(name, data, **kwargs)
        assert len(results) == 1, results
        return results[0]

    return run
