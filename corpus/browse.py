"""What ``rapporteur search`` and ``rapporteur list`` print: the same rows as an aligned
table for people, JSON for programs, CSV for spreadsheets."""
from __future__ import annotations

import csv
import json
import sqlite3
import sys

import click

HIT_FIELDS = ["kind", "name", "symbol", "lang", "date", "number", "footnote", "label", "page",
              "rank", "snippet", "sha256"]
DOC_FIELDS = ["name", "symbol", "date", "lang", "pages", "warnings", "format", "source"]


def where(hit) -> str:
    """'¶12', 'footnote 3', 'Table 2'… — where in its document a hit is."""
    if hit.footnote:
        return f"footnote {hit.footnote}"
    if hit.kind in ("table", "figure"):
        return hit.label or f"({hit.kind} without label)"
    return f"¶{hit.number}" if hit.number else "(unnumbered)"


def write_hits(hits, query: str, fmt: str, offset: int = 0) -> None:
    """Print search hits as a table for reading, or as JSON or CSV with every field; the
    count goes to standard error."""
    if fmt == "json":
        click.echo(json.dumps({"query": query, "total": hits.total, "offset": offset,
                               "hits": [h.to_dict() for h in hits]},
                              ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, HIT_FIELDS, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(h.to_dict() for h in hits)
    else:
        for hit in hits:
            page = f" p.{hit.page}" if hit.page else ""
            click.echo(click.style(f"{hit.name} {where(hit)}{page}", bold=True))
            # a table's cells and lines, kept on the snippet's one line
            click.echo(f"  {hit.snippet.replace(chr(9), ' │ ').replace(chr(10), ' / ')}")
        shown = f"{offset + 1}–{offset + len(hits)}" if offset and hits else str(len(hits))
        click.echo(f"{shown} of {hits.total} for {query!r}" if hits else
                   f"nothing matches {query!r}", err=True)


def documents(conn: sqlite3.Connection, lang: str | None = None) -> list[dict]:
    """The stored documents in the order stored, with their number of reading warnings."""
    rows = conn.execute(
        "SELECT name, symbol, date, lang, pages, json_array_length(coalesce(warnings, '[]')), "
        "format, source FROM documents WHERE ?1 IS NULL OR lang = ?1 ORDER BY id", (lang,))
    return [dict(zip(DOC_FIELDS, row)) for row in rows]


def write_documents(docs: list[dict], fmt: str) -> None:
    """Print the stored documents as a table for reading, or as JSON or CSV with every field."""
    if fmt == "json":
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, DOC_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(docs)
    else:
        width = max((len(d["name"]) for d in docs), default=4)
        click.echo(f"{'document':{width}}  {'date':10}  lang  pages  warnings")
        for d in docs:
            click.echo(f"{d['name']:{width}}  {d['date'] or '':10}  {d['lang'] or '':4}  "
                       f"{d['pages'] if d['pages'] is not None else '':>5}  {d['warnings']:>8}")
        click.echo(f"{len(docs)} document(s), {sum(d['pages'] or 0 for d in docs)} pages, "
                   f"{sum(1 for d in docs if d['warnings'])} read with warnings")
