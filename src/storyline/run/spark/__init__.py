"""The Spark runner: stages 1-3 as partition-wise maps on a Spark cluster, stage 4 as locally.

`ingest_and_read(store, inputs, settings, master)` is the Spark counterpart of
`local.ingest` followed by `local.analyse_all`, with the same Summary:

1. the driver splits the inputs into units (units.py: files, line ranges of big
   JSON Lines files, the WARC files of a Common Crawl listing), in the local
   runner's order, one Spark partition each;
2. each partition runs stages 1-3 on its unit (work.py) and hands back rows
   serialised with the store's codec; the rows are kept by Spark (memory, then
   disk) and brought to the driver one partition at a time, in order
   (`toLocalIterator`), so the driver holds one partition's results at most;
3. the driver writes them to the store in that order with the local runner's
   own steps (resume check, id clashes, duplicate detection), so ids,
   duplicates and the store's order are the local runner's.

Stage 4 (stories, connect, timelines) then runs on the driver over the store,
exactly as after a local run (`pipeline.run`). The executors need storyline
and its dependencies installed (see README, "Spark") and must see the input
paths at the same place as the driver (a shared or replicated file system).
"""
from __future__ import annotations

from typing import Callable, Iterable

from tqdm import tqdm

from storyline.clean import stage as clean_stage
from storyline.records import AnalysedArticle, Article, Refusal
from storyline.run import local
from storyline.run.local import Summary
from storyline.run.spark.session import spark_context
from storyline.run.spark.units import plan
from storyline.run.spark.work import process
from storyline.settings import Settings
from storyline.store import codec

__all__ = ["ingest_and_read", "spark_context", "store_rows"]

UNITS_PER_CORE = 4        # a big JSON Lines file is cut into this many parts per core


def ingest_and_read(store, inputs: Iterable[str], settings: Settings = Settings(), master: str | None = None,
                    progress: bool = False, on_refusal: Callable[[Refusal], None] | None = None,
                    on_warning: Callable[[str, str], None] | None = None) -> Summary:
    """Stages 1-3 of `inputs` on Spark (`master`: a Spark master URL; None: spark-submit's, else local[*])
    into `store`; returns the Summary local.ingest would, with `analysed` as local.analyse_all counts it.

    Raises StorylineError when Spark cannot start (no PySpark, no Java, master unreachable).
    """
    from storyline.read import VERSION
    inputs = list(inputs)
    known = _known(store, VERSION)
    with spark_context(master) as sc:
        from pyspark import StorageLevel
        units = plan(inputs, sc.defaultParallelism * UNITS_PER_CORE)
        max_bytes, shared = settings.max_bytes, sc.broadcast(known)
        rows = sc.parallelize(units, max(1, len(units))).mapPartitions(
            lambda part: (row for unit in part for row in process(unit, max_bytes, shared.value)))
        rows.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            rows.count()                               # every partition computed at once, in parallel
            return store_rows(store, rows.toLocalIterator(), settings, progress, on_refusal, on_warning)
        finally:
            rows.unpersist()
            shared.destroy()


def store_rows(store, rows: Iterable[tuple], settings: Settings = Settings(), progress: bool = False,
               on_refusal: Callable[[Refusal], None] | None = None,
               on_warning: Callable[[str, str], None] | None = None) -> Summary:
    """Write the rows of work.process, in input order, as local.ingest then local.analyse_all would;
    articles without a reading in the rows (stored earlier, or renamed on an id clash) are read here."""
    from storyline.read import VERSION
    summary, late = Summary(), []
    for row in tqdm(rows, desc="store", unit=" doc", disable=not progress, leave=False):
        _store(store, summary, row, settings, on_refusal, late, VERSION, on_warning)
    for refusal in late:                               # local.analyse_all records these after ingest
        store.add_refusal(refusal)
        if on_refusal:
            on_refusal(refusal)
    summary.analysed += local.analyse_all(store, settings.workers or None, progress, on_refusal)
    return summary


def _store(store, summary: Summary, row: tuple, settings: Settings, on_refusal, late: list, version: str,
           on_warning=None) -> None:
    """One row of work.process into the store, as local.ingest and local.analyse_all would store it."""
    if row[0] == "refused" and row[2] is None:         # stage 1
        local._refuse(store, summary, codec.loads(Refusal, row[1]), None, on_refusal)
        return
    if row[0] == "refused":                            # stage 2
        refusal, digest, article = codec.loads(Refusal, row[1]), row[2], None
    else:
        refusal, digest, article = None, row[1], codec.loads(Article, row[2])
    summary.read += 1
    stored = store.stored_input((refusal or article).source, digest)
    if stored and stored[1] == clean_stage.VERSION:
        summary.already += 1
        return
    if stored:                                         # made by an older clean stage: replaced
        store.remove_article(stored[0])
    if refusal:
        summary.read -= 1
        local._refuse(store, summary, refusal, digest, on_refusal)
        return
    local._store_article(store, summary, article, settings.near_duplicate, on_warning)
    reading = row[3]
    if reading is None or store.stored_input(article.source, digest)[0] != article.id:
        return                                         # renamed on an id clash: analyse_all reads it
    if reading[0] == "refusal":
        late.append(codec.loads(Refusal, reading[1]))
    else:
        store.add_analysis(codec.loads(AnalysedArticle, reading[1]), version)
        summary.analysed += 1


def _known(store, version: str) -> frozenset:
    """(source, content hash) of the inputs stored at the current clean version and read at `version`."""
    analysed = store.analysed_ids(version)
    return frozenset((a.source, a.content_hash) for a in store.articles()
                     if a.id in analysed and store.stored_input(a.source, a.content_hash) == (a.id, clean_stage.VERSION))

