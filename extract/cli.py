"""``rapporteur extract``: records from files, folders or documents already in the store,
streamed to JSONL, CSV, Excel CSV or Parquet (one file, or a folder of shards that DuckDB,
pyarrow and Spark read as one dataset) and/or the store, one document at a time."""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import time
from pathlib import Path

import click

from corpus.cli import STORE
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
        """Write one document's records, formatted in full first, so that a failure leaves no
        half document in the output."""
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
        """The run completed: the output file is put in place (standard output is flushed)."""
        from corpus.output import finish

        if self.fmt == "parquet":
            self.writer.close()
            finish(self.temp, self.output)
        elif self.file:
            self.file.close()
            finish(self.temp, self.output)
        else:
            sys.stdout.flush()


SHARD_RECORDS = 20_000  # records per Parquet shard (a shard holds whole documents)


class Shards:
    """Parquet shards ``part-00000.parquet``… in a folder: each holds whole documents and
    about ``SHARD_RECORDS`` records. They are written in a hidden folder inside it and put
    in place (replacing the previous run's shards) only when the run completes."""

    def __init__(self, folder: str):
        self.folder = Path(folder)
        self.folder.mkdir(exist_ok=True)
        self.temp = self.folder / f".part-{os.getpid()}"
        self.temp.mkdir()
        self.count, self.rows, self.writer = 0, 0, None

    def write(self, records: list[dict]) -> None:
        """Write one document's records, starting the next shard once this one holds enough."""
        from extract.records import ParquetWriter

        if self.writer is None:
            self.writer = ParquetWriter(str(self.temp / f"part-{self.count:05d}.parquet"))
        self.writer.write(records)
        self.rows += len(records)
        if self.rows >= SHARD_RECORDS:
            self._next()

    def _next(self) -> None:
        self.writer.close()
        self.writer, self.rows, self.count = None, 0, self.count + 1

    def abort(self) -> None:
        """The run failed: the hidden folder goes; the previous run's shards stay as they were."""
        with contextlib.suppress(Exception):
            self.writer and self.writer.close()
        shutil.rmtree(self.temp, ignore_errors=True)

    def close(self) -> None:
        """The run completed: the new shards replace the previous run's (an empty one if none)."""
        if self.writer is None and self.count == 0:
            self.write([])  # no records: one empty shard, so that the dataset still reads
        if self.writer is not None:
            self._next()
        for old in self.folder.glob("part-*.parquet"):
            old.unlink()
        for shard in sorted(self.temp.iterdir()):
            os.replace(shard, self.folder / shard.name)
        self.temp.rmdir()


def _shards(fmt: str, output: str | None) -> bool:
    """Parquet to a folder (an existing one, or a name ending in /): shards."""
    return fmt == "parquet" and output is not None and (
        Path(output).is_dir() or output.endswith(("/", os.sep)))


def _check_output(output: str | None, fmt: str) -> None:
    if output is None:
        return
    path = Path(output)  # for shards: the folder, created if its parent exists
    if not _shards(fmt, output) and path.is_dir():
        raise click.UsageError(f"-o {output}: is a folder; give a file name (or --format "
                               "parquet, which writes shards into a folder)")
    if not path.parent.is_dir():
        from corpus.cli import fail

        fail(f"{output}: no such folder {str(path.parent)!r} (create it first)")


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--db", type=STORE,
              help="SQLite store made by 'rapporteur ingest': PATHs may be stored documents "
                   "(symbol, sha256 or source; none = all), and the records are saved in its "
                   "'records' table. A store that does not exist is an error (as for search), "
                   "not a new empty store.")
@click.option("--kinds", multiple=True, callback=_kinds, metavar="KIND[,KIND...]",
              help=f"Record kinds to extract (default: all of {','.join(KINDS)}).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True,
              help="excel-csv: CSV in UTF-8 with a byte-order mark, which Excel opens with "
                   "Chinese intact.")
@click.option("-o", "--output", type=click.Path(),
              help="Write here instead of standard output (required for parquet). Parquet to "
                   "a folder (existing, or a name ending in /) writes shards part-00000.parquet"
                   "… that DuckDB, pyarrow and Spark read as one dataset.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Read and extract in this many processes (with --executor dask and no "
                   "--scheduler: the local cluster's worker processes).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask: read and extract on a Dask cluster "
              "(pip install 'rapporteur[dask]'); this process writes the outputs.")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler (tcp://host:8786); "
              "its workers must see the files at the same paths. Default: a local cluster.")
def extract(paths, db, kinds, fmt, output, workers, executor, scheduler):
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
        raise click.UsageError("--format parquet needs -o FILE (or -o FOLDER/ for shards)")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    _check_output(output, fmt)
    store = None
    if db:
        from corpus.cli import open_store

        store = open_store(db)
    summary = Summary()
    jobs = (file_jobs(paths, store, summary) if paths
            else ((d.name, None, d) for d in store.documents()))
    sink = Shards(output) if _shards(fmt, output) else Sink(fmt, output)
    try:
        results = run_jobs(jobs, kinds, workers, executor=executor, scheduler=scheduler)
        for label, key, records, cause in _progress(results):
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
    except BaseException as exc:
        sink.abort()
        from corpus.executors import DaskError

        if isinstance(exc, DaskError):
            from corpus.cli import fail

            fail(str(exc))
        raise
    else:
        sink.close()
    finally:
        if store is not None:
            store.close()
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.failed else 0)


PROGRESS_SECONDS = 10  # a piped run's progress line, at most this often


def _progress(results):
    """A rich progress spinner on a terminal; in a pipe or a log, a line on standard error
    every ``PROGRESS_SECONDS`` (a long run is seen to be alive)."""
    if not sys.stderr.isatty():
        start = last = time.monotonic()
        for done, result in enumerate(results, 1):
            yield result
            now = time.monotonic()
            if now - last >= PROGRESS_SECONDS:
                last = now
                click.echo(f"extract: {done} document(s) done, {now - start:.0f} s", err=True)
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        for result in results:
            bar.update(task, description=Path(result[0]).name, advance=1)
            yield result
