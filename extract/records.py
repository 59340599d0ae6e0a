"""Record schema, validation and the three output formats, plus the store's ``records``
table. Rows are flat: nested fields (span, previous, change) travel as JSON text in CSV,
Parquet and SQLite so that every format holds the same information."""
from __future__ import annotations

import csv
import json
import sqlite3
from functools import lru_cache
from importlib.resources import files
from typing import IO, Iterable

FIELDS = ["kind", "doc", "lang", "para", "sub", "page", "footnote", "text", "span", "value",
          "unit", "qualifier", "counted", "subject", "period", "previous", "change",
          "ref_type", "body", "number", "symbol", "long_form", "short_form", "chapeau",
          "addressee", "action"]
NESTED = {"span", "previous", "change"}


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((files("extract") / "data" / "record.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def errors(record: dict) -> list[str]:
    """Schema violations of one record, as readable messages (empty when valid)."""
    return [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}"
            for e in _validator().iter_errors(record)]


def flat(record: dict) -> dict:
    return {k: (json.dumps(record.get(k), ensure_ascii=False) if k in NESTED and
                record.get(k) is not None else record.get(k)) for k in FIELDS}


def write_jsonl(records: Iterable[dict], out: IO[str]) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(records: Iterable[dict], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for record in records:
        writer.writerow(flat(record))


def write_parquet(records: list[dict], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat(r) for r in records]
    types = {"page": pa.int64(), "value": pa.float64()}
    table = pa.table({k: pa.array([r[k] for r in rows], type=types.get(k, pa.string()))
                      for k in FIELDS})
    pq.write_table(table, path)


CREATE = f"""CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    {", ".join(f'"{f}"' + (" REAL" if f == "value" else " INTEGER" if f == "page" else " TEXT")
               for f in FIELDS)}
)"""


def store_records(conn: sqlite3.Connection, doc: str, records: list[dict]) -> None:
    """Replace the records of ``doc`` in the store's ``records`` table."""
    conn.execute(CREATE)
    conn.execute("CREATE INDEX IF NOT EXISTS records_doc_kind ON records(doc, kind)")
    with conn:
        conn.execute("DELETE FROM records WHERE doc = ?", (doc,))
        cols = ", ".join(f'"{f}"' for f in FIELDS)
        conn.executemany(f"INSERT INTO records ({cols}) VALUES ({', '.join('?' * len(FIELDS))})",
                         [tuple(row[f] for f in FIELDS) for row in map(flat, records)])
