"""The ``rapporteur`` command. The root group lives here, in the package that depends on
nothing else; every package registers its sub-commands as ``rapporteur.commands`` entry
points (see pyproject.toml), loaded only when invoked so that ``rapporteur show`` never pays
for spaCy."""
from __future__ import annotations

import errno
import os
import shlex
import sys
from importlib.metadata import entry_points

import click

from corpus.errors import ReadError


BUG = 70  # exit code of an unexpected failure (sysexits' EX_SOFTWARE)


class PluginGroup(click.Group):
    """Sub-commands from entry points, and the top-level guard: whatever a command lets
    escape becomes one line on standard error, never a traceback (unless ``--debug``)."""

    def parse_args(self, ctx, args):
        """Keep the arguments as given, for the re-run hint of a failure."""
        ctx.meta["rapporteur.args"] = list(args)  # for the re-run hint
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Run the command; an unexpected exception becomes one line on standard error."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(_failure(exc, ctx.meta.get("rapporteur.args", [])), err=True)
            ctx.exit(BUG if _is_bug(exc) else 1)

    def _eps(self):
        return {ep.name: ep for ep in entry_points(group="rapporteur.commands")}

    def list_commands(self, ctx):
        """Built-in commands and those of the entry points, sorted."""
        return sorted(set(super().list_commands(ctx)) | set(self._eps()))

    def get_command(self, ctx, name):
        """The command ``name``, loading its entry point only now that it is invoked."""
        cmd = super().get_command(ctx, name)
        if cmd is None and name in self._eps():
            cmd = self._eps()[name].load()
        return cmd


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rapporteur")
@click.option("--debug", is_flag=True, help="On an unexpected failure, show the traceback.")
def main(debug):
    """Rapporteur: read, mine, check and draft United Nations reports (Chinese/English).

    Exit codes: 0 done; 1 an input could not be read or written (error: FILE: cause);
    2 wrong usage; 70 a bug in Rapporteur (re-run with --debug for the traceback)."""
    if debug:  # the readers, in this process and in ingest's workers, let bugs through
        ctx = click.get_current_context()
        before = os.environ.get("RAPPORTEUR_DEBUG")
        os.environ["RAPPORTEUR_DEBUG"] = "1"
        ctx.call_on_close(lambda: os.environ.pop("RAPPORTEUR_DEBUG") if before is None else None)


def _is_bug(exc: Exception) -> bool:
    return not isinstance(exc, (ReadError, OSError, MemoryError))


def _failure(exc: Exception, args: list[str]) -> str:
    """One line for a failure no command reported: the file and the cause when the
    exception names them, else a bug report with the command that shows the traceback."""
    if isinstance(exc, ReadError):
        return f"error: {exc}"
    if isinstance(exc, MemoryError):
        return "error: out of memory (the input is too large for this machine)"
    if isinstance(exc, OSError):
        cause = exc.strerror or errno.errorcode.get(exc.errno or 0) or str(exc)
        return f"error: {exc.filename}: {cause}" if exc.filename else f"error: {cause}"
    command = shlex.join(["rapporteur", "--debug", *args])
    return (f"error: unexpected failure, a bug in Rapporteur ({type(exc).__name__}: {exc}); "
            f"for the traceback, run: {command}")


def fail(message: str, code: int = 1):
    """Say ``message`` on standard error and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
              default="text", show_default=True,
              help="text: the structure; json: the whole document model; markdown or html: "
                   "the document as people read it.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--tables", "full_tables", is_flag=True, help="Print every table in full.")
def show(file, fmt, as_json, full_tables):
    """Read FILE (PDF, DOCX or text) and show its structure, its tables and its reading
    warnings (what looks misread: a researcher's cue to check the source)."""
    from corpus.reader import read

    try:
        doc = read(file)
    except ReadError as exc:
        fail(str(exc))
    if as_json or fmt == "json":
        click.echo(doc.to_json(indent=2))
        return
    if fmt in ("markdown", "html"):
        click.echo(doc.to_markdown() if fmt == "markdown" else _html(doc))
        return
    m = doc.metadata
    click.echo(f"{doc.source}  [{doc.format}, {doc.pages or '?'} pages, {m.lang}]")
    for key in ("symbol", "organ", "session", "agenda_item", "date", "job_number",
                "original_language", "title", "report_of"):
        value = getattr(m, key)
        if value:
            click.echo(f"  {key:18} {value}")
    numbered = [p.number for p in doc.paragraphs if p.number]
    span = f"{numbered[0]}–{numbered[-1]}" if numbered else "none"
    click.echo(f"  {len(doc.sections)} headings, {len(doc.paragraphs)} paragraphs "
               f"(numbered {span}), {len(doc.footnotes)} footnotes")
    for s in doc.sections:
        click.echo(f"  {'  ' * (s.level - 1)}{(s.number + '. ') if s.number else ''}{s.title}")
    for table in doc.tables:
        _show_table(table, full_tables)
    for box in doc.boxes:
        name = " ".join(x for x in (box.number, box.title) if x)
        click.echo(f"  ▭ p.{box.page}: {name} — {len(box.paragraphs)} paragraphs")
    for figure in doc.figures:
        name = " ".join(x for x in (figure.number, figure.caption) if x) or "(figure without caption)"
        click.echo(f"  ◩ p.{figure.page}: {name} — {len(figure.labels)} labels")
    if doc.warnings:
        click.echo(f"  {len(doc.warnings)} reading warning(s):")
        for w in doc.warnings:
            click.echo(f"    ! {w}")


def _html(doc) -> str:
    """The document's Markdown as a standalone HTML page (markdown-it, with tables)."""
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(doc.to_markdown())
    lang = doc.lang or "en"
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(doc.metadata.title or doc.name)}</title>"
            "<style>body{max-width:46em;margin:2em auto;font-family:serif;line-height:1.4}"
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
            "</style></head>\n<body>\n" + body + "</body></html>")


def _show_table(table, full: bool) -> None:
    """One line per table; with ``full``, the table itself, cells as printed."""
    width = max((len(r) for r in table.rows), default=0)
    name = " ".join(x for x in (table.number, table.caption) if x) or "(table without caption)"
    click.echo(f"  ▦ p.{table.page}: {name} — {len(table.rows)} rows × {width} columns")
    if not full:
        return
    for i, row in enumerate(table.rows):
        line = "    " + " │ ".join(row)
        click.echo(click.style(line, bold=True) if i < table.header_rows else line)
    for note in table.notes:
        click.echo(f"      {note}")


class StoreFile(click.Path):
    """``--db`` of a command that reads a store: it must exist. Opening a missing store
    would create an empty one; every command says the same instead (exit 2)."""

    name = "store"

    def __init__(self):
        super().__init__(dir_okay=False)

    def convert(self, value, param, ctx):
        """The path, or a usage error (exit 2) when no store is there."""
        path = os.fspath(super().convert(value, param, ctx))
        if not os.path.exists(path):
            self.fail(f"{path!r} does not exist (a store is made by "
                      f"'rapporteur ingest FILES --db {path}')", param, ctx)
        return path


STORE = StoreFile()


def open_store(db):
    """The store at ``db``, or a clear error (exit 1) when the file is no store."""
    from corpus.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        fail(str(exc))


EXECUTORS = ["local", "dask"]
NAMED = 20  # skipped or ignored files named one by one in the text summary; --json: all


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", default="rapporteur.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite store to add to; created if missing (and said so). A store inside "
                   "a folder being read is not read as an input.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Parse in this many processes (with --executor dask and no --scheduler: "
                   "the local cluster's worker processes).")
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help="local: worker processes on this machine; dask: tasks on a Dask cluster "
                   "(pip install 'rapporteur[dask]'); this process still writes the store.")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler to use "
              "(tcp://host:8786); its workers must see the files at the same paths. "
              "Default: a local cluster of --workers processes.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the summary as JSON: every file added, skipped, failed or ignored, "
                   "with the reason.")
def ingest(paths, db, workers, executor, scheduler, as_json):
    """Read PDF, DOCX and text files (folders: recursively) into the store.

    Files already stored (same content) are skipped; in folders, files of other types
    (.md, images...) are ignored; both are named in the summary with the reason. A file
    that cannot be read is reported (error: FILE: cause) and the others are stored. Progress
    goes to standard error: a bar on a terminal, a line every 10 s in a pipe or a log.
    Exit code 0 when every file was read, 1 when some failed."""
    import json
    from pathlib import Path

    from corpus.ingest import ingest as run

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    created = not Path(db).exists()
    with open_store(db) as store:
        if created:
            click.echo(f"{db}: new store created", err=True)
        try:
            report = run(store, paths, workers=workers, progress=True, executor=executor,
                         scheduler=scheduler)
        except Exception as exc:
            from corpus.executors import DaskError

            if isinstance(exc, DaskError):
                fail(str(exc))
            raise
    if as_json:
        click.echo(json.dumps({"store": str(db), **report.to_dict()}, ensure_ascii=False,
                              indent=2))
    else:
        click.echo(report.summary())
    for path, cause in report.failed:
        click.echo(f"error: {path}: {cause}", err=True)
    if not as_json:
        _name(report.skipped, "skipped", "already stored (same content)")
        _name(report.ignored, "ignored", "not a report type (in a folder)")
    for path, warnings in report.warned:
        more = f" (+{len(warnings) - 2} more: rapporteur show)" if len(warnings) > 2 else ""
        click.echo(f"{path}: read with {len(warnings)} warning(s): {'; '.join(warnings[:2])}{more}",
                   err=True)
    sys.exit(1 if report.failed else 0)


def _name(paths: list[str], what: str, why: str) -> None:
    """Name the files ``what`` (skipped, ignored) and why, on standard error."""
    for path in paths[:NAMED]:
        click.echo(f"{what} {path}: {why}", err=True)
    if len(paths) > NAMED:
        click.echo(f"{what} {len(paths) - NAMED} more (--json lists them all)", err=True)


SEARCH_HELP = """Full-text search of the stored paragraphs, footnotes, tables and figures,
best first (bm25), with the matches marked and the total ("20 of 154").

\b
Query language:
  women girls          both words, anywhere in the paragraph (same as: women AND girls)
  "gender parity"      a phrase
  women OR girls       either
  women NOT girls      the first without the second (also: women -girls)
  coordinat*           a prefix (finds coordination, coordinating)
  (women OR girls) AND violence
                       parentheses group

English is stemmed ('coordinating' finds 'coordination'). A query with Chinese finds every
unit that contains each Chinese term as a string, whole word or not (高级专员 inside
联合国人权事务高级专员办事处), case-insensitively; its other terms are then substrings too.
"""


@click.command(help=SEARCH_HELP)
@click.argument("query")
@click.option("--db", default="rapporteur.db", show_default=True,
              type=STORE, help="SQLite store to search.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Only documents in this language.")
@click.option("--symbol", metavar="PREFIX", help="Only documents whose symbol starts so (A/HRC/).")
@click.option("--organ", help="Only documents whose organ contains this (Human Rights Council).")
@click.option("--from", "year_from", type=int, metavar="YEAR", help="Only documents of this "
              "year or later.")
@click.option("--to", "year_to", type=int, metavar="YEAR", help="Only documents of this year "
              "or earlier.")
@click.option("--kind", "kinds", multiple=True, help="Only this kind of unit (repeatable): "
              "paragraph, footnote, table, figure, recommendation (paragraphs that "
              "'rapporteur extract --db' found to be recommendations). Default: all but "
              "recommendation.",
              type=click.Choice(["paragraph", "footnote", "table", "figure", "recommendation"]))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0),
              help="Skip this many hits (the next page).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table: for reading; json and csv: every field.")
def search(query, db, lang, symbol, organ, year_from, year_to, kinds, limit, offset, fmt):
    """Search the stored documents for QUERY."""
    from corpus.browse import write_hits
    from corpus.search import Filters, QueryError

    filters = Filters(lang=lang, symbol=symbol, organ=organ, year_from=year_from,
                      year_to=year_to, **({"kinds": kinds} if kinds else {}))
    # Matches in bold yellow on a terminal, in [brackets] elsewhere (pipes, files, JSON).
    tty = sys.stdout.isatty() and fmt == "table"
    marks = ("\x1b[1;33m", "\x1b[0m") if tty else ("[", "]")
    with open_store(db) as store:
        try:
            hits = store.search(query, limit=limit, offset=offset, marks=marks, filters=filters)
        except QueryError as exc:
            raise click.UsageError(str(exc)) from None
    write_hits(hits, query, fmt, offset)


@click.command("list")
@click.option("--db", default="rapporteur.db", show_default=True,
              type=STORE, help="SQLite store to list.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Only documents in this language.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def list_documents(db, lang, fmt):
    """The documents in the store, in the order stored: symbol (else file name), date,
    language, pages and how many reading warnings each has ('rapporteur show' names them)."""
    from corpus.browse import documents, write_documents

    with open_store(db) as store:
        write_documents(documents(store.conn, lang), fmt)


@click.command("export")
@click.option("--db", default="rapporteur.db", show_default=True,
              type=STORE, help="SQLite store to export.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]),
              default="parquet", show_default=True,
              help="parquet: native types (integers, floats); csv: UTF-8 with a header row; "
                   "jsonl: one JSON object per row.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Folder to write TABLE.FORMAT files into (created if missing).")
@click.option("--table", "only", multiple=True, metavar="NAME",
              help="Only this table (repeatable). Default: every table.")
def export(db, fmt, output, only):
    """Every table of the store (documents, sections, paragraphs, footnotes, tables, units,
    records and whatever else it holds; not the search indexes) as one file per table, for
    pandas, DuckDB, Spark or a spreadsheet. Each file is written whole or not at all; one
    line per table (rows written) goes to standard output."""
    from corpus.export import ExportError, export as run

    try:
        counts = run(db, fmt, output, list(only) or None)
    except ExportError as exc:
        fail(str(exc))
    for name, rows in counts.items():
        click.echo(f"{os.path.join(output, f'{name}.{fmt}')}: {rows} rows")
