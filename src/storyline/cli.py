"""The `storyline` command: a thin layer over storyline.pipeline.

Every command calls one public function; errors the user can cause are printed
as one line, `error: WHAT: why`. Exit statuses (also in `storyline --help`):
0 every input read; 1 some inputs refused (one `refused:` line each) or the
store could not be opened or written; 2 a usage error: an unknown option, a
bad setting, a path that does not exist. A warning (one `warning:` line: an
article stored, but something in its input set aside or changed, such as an
id another input holds) leaves the status as it is.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from storyline import pipeline, settings
from storyline.errors import SettingsError, StorylineError
from storyline.store.dialect import is_postgresql

EXIT_REFUSED = 1
EXIT_USAGE = 2

_config = click.option("--config", type=click.Path(dir_okay=False),
                       help="Settings file (TOML; default: ./storyline.toml when present). STORYLINE_* variables override it.")
_max_bytes = click.option("--max-bytes", type=int, help="Largest single article to ingest, in bytes (default 20000000).")
_near = click.option("--near-duplicate", type=float,
                     help="Word-shingle similarity (0-1] above which an article is a copy (default 0.8).")


class _StoreLocation(click.ParamType):
    """--db: a store file (as click.Path, dir_okay=False) or a PostgreSQL URL (postgresql://user@host:port/db),
    passed on unchanged."""

    name = "store"

    def __init__(self, exists: bool = False):
        self.path = click.Path(dir_okay=False, exists=exists)

    def convert(self, value, param, ctx):
        if is_postgresql(value):
            return str(value)
        return self.path.convert(value, param, ctx)


class _Refusals:
    """The `on_refusal` callback of a run: counts refusals, and prints each unless quiet (`warn`: the
    `on_warning` callback, printing each warning about a stored article unless quiet)."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.count = 0

    def __call__(self, refusal) -> None:
        self.count += 1
        if not self.quiet:
            click.echo(f"refused: {refusal.source}: {refusal.reason}", err=True)

    def warn(self, source: str, message: str) -> None:
        if not self.quiet:
            click.echo(f"warning: {source}: {message}", err=True)


def _require_paths(inputs) -> None:
    """A path that does not exist is a mistake in the command, not an input to refuse."""
    for given in inputs:
        try:
            os.stat(given)
        except (FileNotFoundError, NotADirectoryError):
            why = "broken symbolic link (its target does not exist)" if os.path.islink(given) \
                else "no such file or directory"
            click.echo(f"error: {given}: {why}", err=True)
            raise click.exceptions.Exit(EXIT_USAGE)
        except (OSError, ValueError):
            pass  # exists but cannot be read: ingest refuses it with the reason


def _settings(config, quiet: bool, **flags) -> settings.Settings:
    """`settings.load`, with one `warning:` line per STORYLINE_* variable that names no setting (unless quiet)."""
    chosen = settings.load(config, **flags)
    if not quiet:
        for line in settings.unknown_variables():
            click.echo(f"warning: {line}", err=True)
    return chosen


def _finish(summary, refusals: _Refusals, more: str = "") -> None:
    click.echo(summary.line() + more)
    if not summary.read and not refusals.count:
        click.echo("warning: the inputs hold no article", err=True)
    if refusals.count:
        raise click.exceptions.Exit(EXIT_REFUSED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles into sourced, dated, cross-checked stories.

    \b
    Exit status:
      0  every input read
      1  some inputs refused (one 'refused:' line each), or the store could not be opened or written
      2  usage error: an unknown option, a bad setting, a path that does not exist
    """


@main.command(short_help="Read INPUTS into stories and export them (stages 1-4).")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for export.json, report.md, report.html and (by default) the store.")
@click.option("--db", type=_StoreLocation(),
              help="Store file (default: OUT/storyline.sqlite) or shared store postgresql://USER@HOST:PORT/DB.")
@click.option("--workers", type=int, help="Processes for reading articles, at most one per core (default: by corpus size).")
@click.option("--runner", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Where stages 1-3 run: local processes, or Spark (PySpark and Java needed; README, 'Spark').")
@click.option("--spark-master", metavar="URL",
              help="Spark master for --runner spark (default: spark-submit's --master, else local[*]).")
@click.option("--timeline-length", type=int,
              help="Most entries in each story's timeline (default 0: by story size, two per article, 5 to 2000; "
                   "ranked by score; fewer when fewer dates qualify).")
@_config
@_max_bytes
@_near
@click.option("--quiet", is_flag=True, help="No progress bar and no line per refused input or warning.")
def run(inputs, out_dir, db, workers, runner, spark_master, timeline_length, config, max_bytes, near_duplicate,
        quiet) -> None:
    """Ingest, clean, read and connect INPUTS (files, folders, JSONL, feeds, WARC), then export to OUT.

    Exit status 0 when every input was read, 1 when some were refused, 2 on a usage error.
    """
    _require_paths(inputs)
    if spark_master and runner != "spark":
        raise click.UsageError("--spark-master needs --runner spark")
    chosen = _settings(config, quiet, workers=workers, max_bytes=max_bytes, near_duplicate=near_duplicate,
                       timeline_length=timeline_length)
    refusals = _Refusals(quiet)
    summary = pipeline.run(inputs, out_dir, db, chosen, progress=not quiet and sys.stderr.isatty(),
                           on_refusal=refusals, runner=runner, spark_master=spark_master, on_warning=refusals.warn)
    _finish(summary, refusals, f"; {summary.analysed} analysed; export: {Path(out_dir) / 'export.json'}")


@main.command(short_help="Ingest and clean INPUTS into a store (stages 1-2).")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, type=_StoreLocation(),
              help="Store file or postgresql:// URL to add the articles to.")
@_config
@_max_bytes
@_near
@click.option("--quiet", is_flag=True, help="No progress bar and no line per refused input or warning.")
def ingest(inputs, db, config, max_bytes, near_duplicate, quiet) -> None:
    """Ingest and clean INPUTS into the store DB, without reading them (stages 1-2).

    Exit status 0 when every input was read, 1 when some were refused, 2 on a usage error.
    """
    _require_paths(inputs)
    chosen = _settings(config, quiet, max_bytes=max_bytes, near_duplicate=near_duplicate)
    refusals = _Refusals(quiet)
    summary = pipeline.ingest(inputs, db, chosen, progress=not quiet and sys.stderr.isatty(), on_refusal=refusals,
                              on_warning=refusals.warn)
    _finish(summary, refusals)


@main.command(short_help="Write the export and the reports of a store.")
@click.option("--db", required=True, type=_StoreLocation(exists=True),
              help="Store file or postgresql:// URL to export.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for export.json, report.md and report.html.")
def export(db, out_dir) -> None:
    """Write OUT/export.json, OUT/report.md and OUT/report.html from the store DB."""
    click.echo(f"export: {pipeline.export(db, out_dir)}")


@main.command(short_help="Serve a store's stories, people and articles (read-only).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder of a run: serve its storyline.sqlite.")
@click.option("--db", type=_StoreLocation(), help="Store file or postgresql:// URL to serve (instead of --out).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on: loopback unless you name another (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve(out_dir, db, host, port) -> None:
    """Serve a store read-only: stories, people, articles, search, and the JSON API under /api/ (OpenAPI at
    /openapi.json), at http://HOST:PORT/ until interrupted. Give --out DIR or --db FILE (or a postgresql:// URL).
    """
    if bool(out_dir) == bool(db):
        raise click.UsageError("give either --out DIR or --db FILE")
    store = db or pipeline.default_store(out_dir)
    if not is_postgresql(store) and not Path(store).is_file():
        click.echo(f"error: {store}: no such file or directory", err=True)
        raise click.exceptions.Exit(EXIT_USAGE)
    pipeline.serve(store, host, port)


@main.command(short_help="Count what a store holds.")
@click.option("--db", required=True, type=_StoreLocation(exists=True),
              help="Store file or postgresql:// URL to count.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db, as_json) -> None:
    """Count the articles, duplicates, refusals and analyses in the store DB."""
    counts = pipeline.stats(db)
    click.echo(json.dumps(counts) if as_json else ", ".join(
        f"{v} {k[:-1] if v == 1 and k.endswith('s') else k}" for k, v in counts.items()))


def entry() -> None:
    try:
        main(standalone_mode=True)
    except StorylineError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE if isinstance(err, SettingsError) else 1)
    except OSError as err:          # an output path that cannot be made or written: under a file, no permission
        what = f"{err.filename}: {(err.strerror or type(err).__name__).lower()}" if err.filename else str(err)
        click.echo(f"error: {what}", err=True)
        sys.exit(1)
    except Exception as err:
        if not type(err).__module__.startswith("psycopg"):
            raise
        lines = str(err).strip().splitlines() or [type(err).__name__]  # a shared store failed mid-run
        click.echo(f"error: PostgreSQL store: {lines[0]}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    entry()
