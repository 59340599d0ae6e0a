"""Every table of a store as files, for pandas, DuckDB, Spark or a spreadsheet: one file per
table (``documents.parquet``, ``paragraphs.parquet``…), in Parquet, CSV or JSON Lines.

The tables are listed from ``sqlite_master``, so that what other packages add to the store
(``records``, a glossary's tables) is exported too; the full-text indexes (FTS5 virtual
tables and their shadow tables) are not data and are left out. Parquet columns get native
types from the declared SQLite types (INTEGER → int64, REAL → float64, BLOB → binary, else
string); a column whose stored values do not fit its declared type (SQLite does not enforce
it) is exported as strings rather than refused. Rows are streamed in batches, so a large
store needs little memory, and each file is written all or nothing (``corpus.output``).
"""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from corpus.output import discard, finish, temporary

FORMATS = ("parquet", "csv", "jsonl")
BATCH = 50_000  # rows in memory at once


class ExportError(Exception):
    """The store cannot be read, or an output cannot be written (a message for users)."""


def tables(conn: sqlite3.Connection) -> list[str]:
    """The store's data tables, in the order created: no FTS index, no SQLite internals."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                        "ORDER BY rowid").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return [name for name, sql in rows if name not in virtual
            and not name.startswith("sqlite_")
            and not any(name.startswith(f"{v}_") for v in virtual)]


def export(db: str | Path, fmt: str, out: str | Path,
           only: list[str] | None = None) -> dict[str, int]:
    """Write every table of the store ``db`` (or those in ``only``) into the folder ``out``
    (created if missing) as ``TABLE.FORMAT``; returns the rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: choose from {', '.join(FORMATS)}")
    db, out = Path(db), Path(out)
    if not db.is_file():
        raise ExportError(f"{db}: no such store")
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        names = tables(conn)
    except sqlite3.Error as exc:
        raise ExportError(f"{db}: cannot open as an SQLite store: {exc}") from None
    unknown = sorted(set(only or ()) - set(names))
    if unknown:
        raise ExportError(f"{db}: no table {', '.join(unknown)} (it has {', '.join(names)})")
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: {exc.strerror}") from None
    counts = {}
    with conn:
        for name in [n for n in names if not only or n in only]:
            counts[name] = _write(conn, name, fmt, out / f"{name}.{fmt}")
    conn.close()
    return counts


def _write(conn: sqlite3.Connection, table: str, fmt: str, path: Path) -> int:
    columns = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    names = [c[1] for c in columns]
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid' if _has_rowid(conn, table)
                          else f'SELECT * FROM "{table}"')
    temp = temporary(path)
    try:
        if fmt == "parquet":
            rows = _parquet(conn, cursor, table, names, [c[2] for c in columns], temp)
        else:
            with open(temp, "w", encoding="utf-8", newline="") as f:
                rows = (_csv if fmt == "csv" else _jsonl)(cursor, names, f)
        finish(temp, path)
    except OSError as exc:
        discard(temp)
        raise ExportError(f"{path}: {exc.strerror or exc}") from None
    except BaseException:
        discard(temp)
        raise
    return rows


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:  # a WITHOUT ROWID table
        return False
    return True


def _csv(cursor, names: list[str], f) -> int:
    writer = csv.writer(f)
    writer.writerow(names)
    rows = 0
    while batch := cursor.fetchmany(BATCH):
        writer.writerows(batch)
        rows += len(batch)
    return rows


def _jsonl(cursor, names: list[str], f) -> int:
    rows = 0
    while batch := cursor.fetchmany(BATCH):
        for row in batch:
            record = {k: (v.hex() if isinstance(v, bytes) else v) for k, v in zip(names, row)}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows += len(batch)
    return rows


def arrow_type(declared: str):
    """The Arrow type of a column from its declared SQLite type (SQLite's affinity rules)."""
    import pyarrow as pa

    declared = declared.upper()
    if "INT" in declared:
        return pa.int64()
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return pa.float64()
    if "BLOB" in declared:
        return pa.binary()
    return pa.string()


# What SQLite's typeof() may say of a value in a column of each Arrow type.
_STORED = {"int64": ("integer", "null"), "double": ("integer", "real", "null"),
           "binary": ("blob", "null"), "string": ("text", "null")}


def _parquet(conn, cursor, table: str, names: list[str], declared: list[str], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = [arrow_type(d) for d in declared]
    for i, (name, t) in enumerate(zip(names, types)):  # SQLite does not enforce the type
        allowed = ", ".join(f"'{x}'" for x in _STORED[str(t)])
        if conn.execute(f'SELECT 1 FROM "{table}" WHERE typeof("{name}") NOT IN ({allowed}) '
                        "LIMIT 1").fetchone():
            types[i] = pa.string()
    schema = pa.schema(list(zip(names, types)))
    rows = 0
    with pq.ParquetWriter(path, schema) as writer:
        while batch := cursor.fetchmany(BATCH):
            columns = list(zip(*batch))
            writer.write_table(pa.Table.from_arrays(
                [pa.array([_as(v, t) for v in col], type=t) for col, t in zip(columns, types)],
                schema=schema))
            rows += len(batch)
    return rows


def _as(value, arrow):
    """``value`` for a string column: numbers and bytes as text."""
    import pyarrow as pa

    if value is None or arrow != pa.string() or isinstance(value, str):
        return value
    return value.hex() if isinstance(value, bytes) else str(value)
