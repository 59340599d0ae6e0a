"""``rapporteur extract``: records from files or from documents already in the store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extract import KINDS


def _kinds(ctx, param, value):
    if not value:
        return list(KINDS)
    kinds = [k.strip() for part in value for k in part.split(",") if k.strip()]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise click.BadParameter(f"unknown kind(s) {', '.join(bad)}; "
                                 f"choose from {', '.join(KINDS)}")
    return kinds


def _documents(paths, store, failures):
    """(label, Document) for each PATH: a stored document when --db knows the key, else the
    file read with corpus.read. Unreadable files are reported and skipped."""
    from corpus.errors import ReadError
    from corpus.reader import read

    if store is not None and not paths:
        for doc in store.documents():
            yield doc.name, doc
        return
    for path in paths:
        doc = store.get(path) if store is not None else None
        if doc is None:
            if not Path(path).exists():
                failures.append((path, "no such file" + (" and no such document in the store"
                                                         if store is not None else "")))
                continue
            try:
                doc = read(path)
            except ReadError as exc:
                failures.append((path, exc.cause))
                continue
            except Exception as exc:  # a reader bug must not hide the other files' records
                failures.append((path, f"cannot read ({type(exc).__name__}: {exc})"))
                continue
        yield path, doc


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False),
              help="SQLite store: PATHs may be stored documents (symbol, sha256 or source; "
                   "none = all), and the records are saved in its 'records' table.")
@click.option("--kinds", multiple=True, callback=_kinds, metavar="KIND[,KIND...]",
              help=f"Record kinds to extract (default: all of {','.join(KINDS)}).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of standard output (required for parquet).")
def extract(paths, db, kinds, fmt, output):
    """Extract figures, indicators, references, abbreviations and recommendations from UN
    reports (PDF, DOCX, text; Chinese or English) as one record per line.

    Exit code 0 when every input was read, 1 when some failed (the others are written)."""
    from extract import extract as run_extract
    from extract.records import store_records, write_csv, write_jsonl, write_parquet

    if not paths and not db:
        raise click.UsageError("give at least one PATH (or --db to use every stored document)")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    store = None
    if db:
        from corpus.cli import open_store

        store = open_store(db)
    failures: list[tuple[str, str]] = []
    records: list[dict] = []
    try:
        for _, doc in _progress(_documents(paths, store, failures), len(paths)):
            found = run_extract(doc, kinds)
            records.extend(found)
            if store is not None:
                store_records(store.conn, doc.name, found)
    finally:
        if store is not None:
            store.close()
    if fmt == "parquet":
        write_parquet(records, output)
    else:
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            (write_jsonl if fmt == "jsonl" else write_csv)(records, out)
        finally:
            if output:
                out.close()
    for path, cause in failures:
        click.echo(f"{path}: {cause}", err=True)
    if output or store is not None:
        click.echo(f"{len(records)} records from {_count(records)} document(s)"
                   + (f", {len(failures)} failed" if failures else ""), err=True)
    sys.exit(1 if failures else 0)


def _count(records: list[dict]) -> int:
    return len({r["doc"] for r in records})


def _progress(items, total: int):
    """A rich progress bar on a terminal; plain iteration otherwise (pipes, tests)."""
    if not sys.stderr.isatty() or total < 2:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("extracting", total=total)
        for item in items:
            yield item
            bar.advance(task)
