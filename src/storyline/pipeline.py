"""The public entry points: what the CLI, the web app and user code call.

Each opens the store, hands work to the local runner and closes the store;
none holds state between calls, so any of them can be interrupted and called
again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from storyline.export import html_report, json_export, report_store
from storyline.records import Refusal
from storyline.run import local
from storyline.run.local import Summary
from storyline.settings import Settings
from storyline.store import open_store

STORE_NAME = "storyline.sqlite"


def default_store(out_dir: str | Path) -> Path:
    return Path(out_dir) / STORE_NAME


def ingest(inputs: Iterable[str], db: str | Path, settings: Settings | None = None, progress: bool = False,
           on_refusal: Callable[[Refusal], None] | None = None,
           on_warning: Callable[[str, str], None] | None = None) -> Summary:
    """Stages 1-2: store every article of the inputs, cleaned, dated and de-duplicated.

    `on_refusal(refusal)` is called for each input refused, `on_warning(source, message)` for each warning
    about an article stored (an id another input holds, a given date set aside)."""
    with open_store(db) as store:
        return local.ingest(store, inputs, settings or Settings(), progress, on_refusal, on_warning)


def run(inputs: Iterable[str], out_dir: str | Path, db: str | Path | None = None, settings: Settings | None = None,
        progress: bool = False, on_refusal: Callable[[Refusal], None] | None = None, runner: str = "local",
        spark_master: str | None = None, on_warning: Callable[[str, str], None] | None = None) -> Summary:
    """The whole pipeline: ingest, read, connect, then DIR/export.json, DIR/report.md and DIR/report.html.

    `on_refusal` and `on_warning` are called as `ingest` calls them (refusals of stage 3 too).
    Stages 1-3 run in local processes (`runner` "local") or on Spark ("spark", run/spark: `spark_master`
    a master URL, None for spark-submit's or local[*]); stage 4 runs once, after stage 3, over the whole store.
    """
    settings = settings or Settings()
    with open_store(db or default_store(out_dir)) as store:
        if runner == "spark":
            from storyline.run import spark
            summary = spark.ingest_and_read(store, inputs, settings, spark_master, progress, on_refusal,
                                            on_warning)
        else:
            summary = local.ingest(store, inputs, settings, progress, on_refusal, on_warning)
            summary.analysed = local.analyse_all(store, settings.workers or None, progress, on_refusal)
        local.cluster_stories(store, progress)
        local.connect(store)
        local.attach_timelines(store, local.stored_stories(store), settings.timeline_length)
        _write(store, out_dir)
    return summary


def export(db: str | Path, out_dir: str | Path) -> Path:
    """Write DIR/export.json, DIR/report.md and DIR/report.html from a store filled by earlier runs."""
    with open_store(db) as store:
        return _write(store, out_dir)


def stats(db: str | Path) -> dict[str, int]:
    """Counts of what a store holds: {"articles", "duplicates", "refused", "analysed"} -> int."""
    with open_store(db) as store:
        return store.counts()


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store file `db` as a read-only web app and JSON API at http://host:port/ until interrupted.

    A store written by an older storyline is upgraded first (the app itself never writes).
    """
    open_store(db).close()
    from storyline.web import serve as serve_web
    serve_web(db, host, port)


def _write(store, out_dir) -> Path:
    """The report and the export, each written as it is read from the store (never the whole export in memory)."""
    report_store.write(store, Path(out_dir) / "report.md")
    html_report.write(store.path, Path(out_dir) / "report.html")
    return json_export.write(json_export.sections(store), out_dir)
