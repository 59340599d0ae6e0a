"""Record schema, validation and the output formats, plus the store's ``records`` table.

Every format keeps one type per column, whatever the records hold, so that pandas, polars,
pyarrow and DuckDB load them with their defaults: ``value``, ``low``, ``high`` are always
floats (``25000000.0``), ``para`` and ``sub`` always strings, ``page`` always an integer.
Parquet keeps ``span`` as a list of integers and ``previous``/``change`` as structs; CSV and
SQLite, which have no nested types, hold them as JSON text. Writers take records one
document at a time, so a batch streams to disk and memory does not grow with the corpus.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from functools import lru_cache
from importlib.resources import files
from typing import IO, Iterable

from corpus.cells import neutral

FIELDS = ["kind", "doc", "lang", "para", "para_index", "sub", "page", "footnote", "text", "span", "value",
          "low", "high", "unit", "qualifier", "counted", "subject", "concept", "period", "previous",
          "change", "ref_type", "body", "number", "symbol", "long_form", "short_form",
          "chapeau", "addressee", "action", "recommended_by", "table_index", "table_row",
          "table_column", "scale"]
NESTED = {"span", "previous", "change"}
FLOATS = {"value", "low", "high", "scale"}
INTS = {"page", "para_index", "table_index", "table_row", "table_column"}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of a record (``extract/data/record.schema.json``), read once."""
    return json.loads((files("extract") / "data" / "record.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def errors(record: dict) -> list[str]:
    """Schema violations of one record, as readable messages (empty when valid)."""
    return [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}"
            for e in _validator().iter_errors(record)]


def _float(value):
    return None if value is None else float(value)


def typed(record: dict) -> dict:
    """The record with every field present and numbers as floats (nested ones too)."""
    out = {k: record.get(k) for k in FIELDS}
    for k in FLOATS:
        out[k] = _float(out[k])
    for k in ("previous", "change"):
        if out[k] is not None:
            out[k] = {**out[k], "value": _float(out[k].get("value"))}
    return out


def flat(record: dict) -> dict:
    """``typed`` with the nested fields as JSON text (for CSV and SQLite)."""
    row = typed(record)
    for k in NESTED:
        if row[k] is not None:
            row[k] = json.dumps(row[k], ensure_ascii=False)
    return row


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    """Records as JSON lines, every field present and numbers as floats (``typed``)."""
    for record in records:
        out.write(json.dumps(typed(record), ensure_ascii=False) + "\n")


def cells(row: dict) -> dict:
    """A CSV row safe to open in a spreadsheet: text cells that would be taken for a formula
    get a leading apostrophe, as OWASP advises (``corpus.cells.neutral``). The
    numeric columns (``value``, ``low``, ``high``, ``page``) hold numbers, never formulas,
    and are written as they are, so a negative value stays a number a spreadsheet adds up."""
    return {k: neutral(v) if isinstance(v, str) else v for k, v in row.items()}


class CsvWriter:
    """CSV with a header row written once. Each ``write`` (one document's records) is
    formatted in full before any of it reaches ``out``, so a failure leaves no half row."""

    def __init__(self, out: IO[str]):
        self.out = out
        csv.DictWriter(out, fieldnames=FIELDS).writeheader()

    def write(self, records: Iterable[dict]) -> None:
        """Write one document's records as CSV rows, formula-safe (``cells``)."""
        buffer = io.StringIO()
        csv.DictWriter(buffer, fieldnames=FIELDS).writerows(cells(flat(r)) for r in records)
        self.out.write(buffer.getvalue())


def write_csv(records: Iterable[dict], out: IO[str]) -> None:
    """Records as CSV, header included, in one call."""
    CsvWriter(out).write(records)


def arrow_schema():
    """The Arrow schema of the Parquet output: one fixed type per column, nested ones native."""
    import pyarrow as pa

    types = {**{k: pa.int32() for k in INTS}, "span": pa.list_(pa.int32()),
             "previous": pa.struct([("value", pa.float64()), ("period", pa.string())]),
             "change": pa.struct([("kind", pa.string()), ("value", pa.float64())]),
             **{k: pa.float64() for k in FLOATS}}
    return pa.schema([(k, types.get(k, pa.string())) for k in FIELDS])


class ParquetWriter:
    """Parquet with native types. Each ``write`` (one document's records) is converted on
    its own, so a record Arrow refuses fails that document only; row groups are written
    every ``batch`` records."""

    def __init__(self, path: str, batch: int = 20_000):
        import pyarrow.parquet as pq

        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.tables: list = []
        self.pending = 0
        self.batch = batch

    def write(self, records: Iterable[dict]) -> None:
        """Convert one document's records; they are written with the next full row group."""
        import pyarrow as pa

        table = pa.Table.from_pylist([typed(r) for r in records], schema=self.schema)
        self.tables.append(table)
        self.pending += table.num_rows
        if self.pending >= self.batch:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.tables:
            self.writer.write_table(pa.concat_tables(self.tables))
            self.tables, self.pending = [], 0

    def close(self) -> None:
        """Write the records still pending and close the file."""
        self._flush()
        self.writer.close()


def write_parquet(records: Iterable[dict], path: str) -> None:
    """Records as one Parquet file at ``path``, in one call."""
    writer = ParquetWriter(path)
    writer.write(records)
    writer.close()


SQL_TYPES = {**{k: "INTEGER" for k in INTS}, **{k: "REAL" for k in FLOATS}}
# Keys into the store's own tables, filled when the document is stored there (null when
# records of a file were saved without ingesting it): SQL users join on integers.
LINKS = {"doc_id": "documents", "paragraph_id": "paragraphs", "table_id": "tables"}


def _ensure_table(conn: sqlite3.Connection) -> None:
    """Create the records table, or add the columns a store made by an older version lacks."""
    cols = ", ".join(f'"{f}" {SQL_TYPES.get(f, "TEXT")}' for f in FIELDS)
    links = "".join(f", {k} INTEGER REFERENCES {t}(id) ON DELETE SET NULL"
                    for k, t in LINKS.items())
    conn.execute(f"CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY, {cols}{links})")
    have = {row[1] for row in conn.execute("PRAGMA table_info(records)")}
    for f in FIELDS:
        if f not in have:
            conn.execute(f'ALTER TABLE records ADD COLUMN "{f}" {SQL_TYPES.get(f, "TEXT")}')
    for k, t in LINKS.items():
        if k not in have:
            conn.execute(f"ALTER TABLE records ADD COLUMN {k} INTEGER REFERENCES {t}(id) "
                         "ON DELETE SET NULL")
    conn.execute("DROP INDEX IF EXISTS records_doc_kind")
    conn.execute("CREATE INDEX IF NOT EXISTS records_doc_lang_kind ON records(doc, lang, kind)")
    conn.execute("CREATE INDEX IF NOT EXISTS records_paragraph ON records(paragraph_id)")


def _stored_id(conn: sqlite3.Connection, sha256: str) -> int | None:
    """The document's id in the store, when the store holds it (by content)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
        return None
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
    return row[0] if row else None


def store_records(conn: sqlite3.Connection, key, records: list[dict]) -> None:
    """Replace the records of one edition (``key``: name, lang, sha256) in the store's
    ``records`` table, in one transaction: a failure leaves its previous records in place,
    and the other language's edition of the same report keeps its own."""
    cols = ", ".join(f'"{f}"' for f in FIELDS)
    with conn:
        _ensure_table(conn)
        conn.execute("DELETE FROM records WHERE doc = ? AND lang = ?", (key.name, key.lang))
        doc_id = _stored_id(conn, key.sha256)
        conn.executemany(
            f"INSERT INTO records ({cols}, doc_id) VALUES ({', '.join('?' * (len(FIELDS) + 1))})",
            [(*(row[f] for f in FIELDS), doc_id) for row in map(flat, records)])
        if doc_id is not None:
            conn.execute(
                "UPDATE records SET paragraph_id = (SELECT p.id FROM paragraphs p WHERE "
                "p.doc_id = records.doc_id AND p.seq = records.para_index), table_id = (SELECT "
                "t.id FROM tables t WHERE t.doc_id = records.doc_id AND t.seq = "
                "records.table_index) WHERE doc_id = ?", (doc_id,))
