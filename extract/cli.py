"""``rapporteur extract``: records from files, folders or documents already in the store,
streamed to JSONL, CSV, Excel CSV or Parquet and/or the store, one document at a time."""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import click

from extract import KINDS

FORMATS = ["jsonl", "csv", "excel-csv", "parquet"]


def _kinds(ctx, param, value):
    if not value:
        return list(KINDS)
    kinds = [k.strip() for part in value for k in part.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise click.BadParameter(f"unknown kind(s) {', '.join(bad)}; "
                                 f"choose from {', '.join(KINDS)}")
    return kinds


class Sink:
    """The chosen output (a file or standard output) in the chosen format."""

    def __init__(self, fmt: str, output: str | None):
        from extract.records import CsvWriter, ParquetWriter

        from corpus.output import temporary

        self.fmt, self.file, self.output = fmt, None, output
        self.temp = temporary(output) if output else None  # renamed into place when done
        if fmt == "parquet":
            self.writer = ParquetWriter(self.temp)
            return
        if output:
            # utf-8-sig writes the byte-order mark Excel needs to read UTF-8 (Chinese) text
            self.file = open(self.temp, "w", encoding="utf-8-sig" if fmt == "excel-csv"
                             else "utf-8", newline="")
        out = self.file or sys.stdout
        if fmt == "excel-csv" and not self.file:
            out.write("\ufeff")
        self.writer = CsvWriter(out) if fmt != "jsonl" else None
        self.out = out

    def write(self, records: list[dict]) -> None:
        if self.writer is not None:
            self.writer.write(records)
            return
        from extract.records import write_jsonl

        buffer = io.StringIO()  # the whole document or nothing
        write_jsonl(records, buffer)
        self.out.write(buffer.getvalue())

    def abort(self) -> None:
        """The run failed: the output file is left as it was (or not made)."""
        from corpus.output import discard

        with contextlib.suppress(Exception):
            self.writer.close() if self.fmt == "parquet" else self.file and self.file.close()
        if self.temp is not None:
            discard(self.temp)

    def close(self) -> None:
        from corpus.output import finish

        if self.fmt == "parquet":
            self.writer.close()
            finish(self.temp, self.output)
        elif self.file:
            self.file.close()
            finish(self.temp, self.output)
        else:
            sys.stdout.flush()


def _check_output(output: str | None) -> None:
    if output is None:
        return
    path = Path(output)
    if path.is_dir():
        raise click.UsageError(f"-o {output}: is a folder; give a file name")
    if not path.parent.is_dir():
        from corpus.cli import fail

        fail(f"{output}: no such folder {str(path.parent)!r} (create it first)")


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False),
              help="SQLite store: PATHs may be stored documents (symbol, sha256 or source; "
                   "none = all), and the records are saved in its 'records' table.")
@click.option("--kinds", multiple=True, callback=_kinds, metavar="KIND[,KIND...]",
              help=f"Record kinds to extract (default: all of {','.join(KINDS)}).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True,
              help="excel-csv: CSV in UTF-8 with a byte-order mark, which Excel opens with "
                   "Chinese intact.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of standard output (required for parquet).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Read and extract in this many processes.")
def extract(paths, db, kinds, fmt, output, workers):
    """Extract figures, indicators, references, abbreviations and recommendations from UN
    reports (PDF, DOCX, text; Chinese or English; folders are searched like ingest does) as
    one record per line.

    Records are written document by document as they are found. A document that cannot be
    read or extracted is reported (error: DOCUMENT: cause) and the others are still written;
    the exit code is then 1. A summary per kind goes to standard error."""
    from extract.batch import Summary, file_jobs, run_jobs
    from extract.records import store_records

    if not paths and not db:
        raise click.UsageError("give at least one PATH (or --db to use every stored document)")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    _check_output(output)
    store = None
    if db:
        from corpus.cli import open_store

        store = open_store(db)
    summary = Summary()
    jobs = (file_jobs(paths, store, summary) if paths
            else ((d.name, None, d) for d in store.documents()))
    sink = Sink(fmt, output)
    try:
        for label, key, records, cause in run_jobs(_progress(jobs), kinds, workers):
            if records is not None:
                try:
                    sink.write(records)
                    if store is not None:
                        store_records(store.conn, key, records)
                except Exception as exc:  # the document's transaction is rolled back
                    cause = f"cannot write its records ({type(exc).__name__}: {exc})"
            if cause is not None:
                summary.fail(label, cause)
                continue
            summary.documents += 1
            summary.kinds.update(r["kind"] for r in records)
    except BaseException:
        sink.abort()
        raise
    else:
        sink.close()
    finally:
        if store is not None:
            store.close()
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.failed else 0)


def _progress(jobs):
    """A rich progress spinner on a terminal; plain iteration otherwise (pipes, tests)."""
    if not sys.stderr.isatty():
        yield from jobs
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        for job in jobs:
            bar.update(task, description=Path(job[0]).name)
            yield job
            bar.advance(task)
