"""What an executor does with one unit: stages 1-3, as the local runner does them, serialised.

`process(unit, max_bytes, known)` yields one row per item of the unit, in
order, every record written with the store's codec (`store.codec.dumps`):

- `("refused", refusal, None)`: stage 1 refused the input;
- `("refused", refusal, content_hash)`: stage 2 refused it (local.ingest stores that hash with it);
- `("article", content_hash, article, reading)`: cleaned, and `reading` is
  `("analysis", AnalysedArticle)`, `("refusal", Refusal)` when stage 3 failed,
  or None when `(source, content_hash)` is in `known` (already stored and read
  at the current versions, so stage 3 is not run again).

Stages 2 and 3 are the local runner's own functions (`clean_stage.clean` and
`local._analyse`); the spaCy model is loaded once per Python worker process
(`read.nlp.load_nlp` caches it, and Spark reuses its workers across tasks).
"""
from __future__ import annotations

from typing import Iterator

from storyline.clean import stage as clean_stage
from storyline.records import Refusal
from storyline.run.local import _analyse, _one_line
from storyline.run.spark.units import read_unit
from storyline.store import codec


def process(unit: tuple, max_bytes: int, known: frozenset = frozenset()) -> Iterator[tuple]:
    """Stages 1-3 on the items of `unit` (see units.py): one serialised row per item, in order."""
    for item in read_unit(unit, max_bytes):
        if isinstance(item, Refusal):
            yield ("refused", codec.dumps(item), None)
            continue
        digest = clean_stage.content_hash(item)
        try:
            result = clean_stage.clean(item)
        except Exception as err:  # as local.ingest: a bug on one article is recorded, not raised
            result = Refusal(item.source, f"could not be cleaned ({_one_line(err)})")
        if isinstance(result, Refusal):
            yield ("refused", codec.dumps(result), digest)
            continue
        reading = None
        if (result.source, digest) not in known:
            analysed = _analyse(result)
            reading = ("refusal" if isinstance(analysed, Refusal) else "analysis", codec.dumps(analysed))
        yield ("article", digest, codec.dumps(result), reading)
