"""The `storyline` command: a thin layer over storyline.pipeline.

Every command calls one public function; errors the user can cause are printed
as one line naming the file and the reason, with exit status 1.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from storyline import pipeline, settings
from storyline.errors import StorylineError

_config = click.option("--config", type=click.Path(dir_okay=False, exists=True),
                       help="Settings file (TOML; default: ./storyline.toml when present). STORYLINE_* variables override it.")
_max_bytes = click.option("--max-bytes", type=int, help="Largest single article to ingest, in bytes (default 20000000).")
_near = click.option("--near-duplicate", type=float,
                     help="Word-shingle similarity (0-1] above which an article is a copy (default 0.8).")


def _refusal_printer(quiet: bool):
    if quiet:
        return None
    return lambda r: click.echo(f"refused: {r.source}: {r.reason}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles into sourced, dated, cross-checked stories."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for export.json, report.md and (by default) the store.")
@click.option("--db", type=click.Path(dir_okay=False), help="Store file (default: OUT/storyline.sqlite).")
@click.option("--workers", type=int, help="Processes for reading articles (default: by corpus size).")
@click.option("--timeline-length", type=int,
              help="Entries in each story's timeline (default 0: by story size, 2 x sqrt(articles), 5 to 40).")
@_config
@_max_bytes
@_near
@click.option("--quiet", is_flag=True, help="No progress bar and no line per refused input.")
def run(inputs, out_dir, db, workers, timeline_length, config, max_bytes, near_duplicate, quiet) -> None:
    """Ingest, clean, read and connect INPUTS (files, folders, JSONL, feeds, WARC), then export to OUT."""
    chosen = settings.load(config, workers=workers, max_bytes=max_bytes, near_duplicate=near_duplicate,
                           timeline_length=timeline_length)
    summary = pipeline.run(inputs, out_dir, db, chosen, progress=not quiet and sys.stderr.isatty(),
                           on_refusal=_refusal_printer(quiet))
    click.echo(summary.line() + f"; {summary.analysed} analysed; export: {Path(out_dir) / 'export.json'}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Store file to add the articles to.")
@_config
@_max_bytes
@_near
@click.option("--quiet", is_flag=True, help="No progress bar and no line per refused input.")
def ingest(inputs, db, config, max_bytes, near_duplicate, quiet) -> None:
    """Ingest and clean INPUTS into the store DB, without reading them (stages 1-2)."""
    chosen = settings.load(config, max_bytes=max_bytes, near_duplicate=near_duplicate)
    summary = pipeline.ingest(inputs, db, chosen, progress=not quiet and sys.stderr.isatty(),
                              on_refusal=_refusal_printer(quiet))
    click.echo(summary.line())


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, exists=True), help="Store file to export.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for export.json and report.md.")
def export(db, out_dir) -> None:
    """Write OUT/export.json and OUT/report.md from the store DB."""
    click.echo(f"export: {pipeline.export(db, out_dir)}")


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, exists=True), help="Store file to count.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db, as_json) -> None:
    """Count the articles, duplicates, refusals and analyses in the store DB."""
    counts = pipeline.stats(db)
    click.echo(json.dumps(counts) if as_json else ", ".join(f"{v} {k}" for k, v in counts.items()))


def entry() -> None:
    try:
        main(standalone_mode=True)
    except StorylineError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    entry()
