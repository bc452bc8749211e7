"""The public entry points: what the CLI, the web app and user code call.

Each opens the store, hands work to the local runner and closes the store;
none holds state between calls, so any of them can be interrupted and called
again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from storyline.export import json_export, report
from storyline.records import Refusal
from storyline.run import local
from storyline.run.local import Summary
from storyline.settings import Settings
from storyline.store import open_store

STORE_NAME = "storyline.sqlite"


def default_store(out_dir: str | Path) -> Path:
    return Path(out_dir) / STORE_NAME


def ingest(inputs: Iterable[str], db: str | Path, settings: Settings | None = None, progress: bool = False,
           on_refusal: Callable[[Refusal], None] | None = None) -> Summary:
    """Stages 1-2: store every article of the inputs, cleaned, dated and de-duplicated.

    The corpus-level dating of stage 4 runs too: it is cheap, and an article
    whose year only the corpus gives would otherwise stay undated until a `run`.
    """
    with open_store(db) as store:
        summary = local.ingest(store, inputs, settings or Settings(), progress, on_refusal)
        local.connect(store)
        return summary


def run(inputs: Iterable[str], out_dir: str | Path, db: str | Path | None = None, settings: Settings | None = None,
        progress: bool = False, on_refusal: Callable[[Refusal], None] | None = None) -> Summary:
    """The whole pipeline: ingest, read, connect, then DIR/export.json and DIR/report.md."""
    settings = settings or Settings()
    with open_store(db or default_store(out_dir)) as store:
        summary = local.ingest(store, inputs, settings, progress, on_refusal)
        local.connect(store)
        summary.analysed = local.analyse_all(store, settings.workers or None, progress, on_refusal)
        local.cluster_stories(store, progress)
        _write(store, out_dir)
    return summary


def export(db: str | Path, out_dir: str | Path) -> Path:
    """Write DIR/export.json and DIR/report.md from a store filled by earlier runs."""
    with open_store(db) as store:
        return _write(store, out_dir)


def stats(db: str | Path) -> dict[str, int]:
    with open_store(db) as store:
        return store.counts()


def _write(store, out_dir) -> Path:
    data = json_export.build(store)
    report.write(data, Path(out_dir) / "report.md")
    return json_export.write(data, out_dir)
