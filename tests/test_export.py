"""``rapporteur export`` and ``corpus.export``: every table of a store, read back by pandas
and pyarrow with the store's row counts and native types."""
from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from corpus.cli import main
from corpus.export import ExportError, export, tables
from corpus.store import Store
from tests.builders import ZH_SAMPLE

TABLES = ["documents", "sections", "paragraphs", "footnotes", "tables", "units", "records"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The Chinese sample stored, with its records, and one value SQLite stored against its
    column's declared type (an INTEGER column holding text)."""
    path = tmp_path_factory.mktemp("export") / "r.db"
    with Store(path) as store:
        assert store.ingest([ZH_SAMPLE]).added == [str(ZH_SAMPLE)]
    result = CliRunner().invoke(main, ["extract", "--db", str(path), "--kinds", "reference"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, n INTEGER, x REAL, b BLOB)")
        conn.executemany("INSERT INTO notes (n, x, b) VALUES (?, ?, ?)",
                         [(1, 0.5, b"\x00\x01"), ("two", 2, None), (None, None, None)])
    conn.close()
    return path


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables(conn)}


def test_tables_are_the_data_not_the_search_indexes(db):
    assert tables(sqlite3.connect(db)) == [*TABLES, "notes"]
    found = counts(db)
    assert {t: found[t] for t in ("documents", "paragraphs", "tables", "units", "notes")} == \
        {"documents": 1, "paragraphs": 29, "tables": 0, "units": 0, "notes": 3}
    assert min(found["sections"], found["footnotes"], found["records"]) > 0


def test_parquet_has_every_row_with_native_types(db, tmp_path):
    written = export(db, "parquet", tmp_path / "out")
    assert written == counts(db)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{t}.parquet" for t in written)
    paragraphs = pq.read_table(tmp_path / "out" / "paragraphs.parquet")
    assert paragraphs.schema.field("doc_id").type == pa.int64()
    assert paragraphs.schema.field("page").type == pa.int64()
    assert paragraphs.schema.field("text").type == pa.string()
    frame = paragraphs.to_pandas()
    conn = sqlite3.connect(db)
    assert frame["text"].tolist() == [r[0] for r in conn.execute(
        "SELECT text FROM paragraphs ORDER BY id")]
    records = pq.read_table(tmp_path / "out" / "records.parquet")
    assert records.schema.field("para_index").type == pa.int64()
    assert records.column("number").to_pylist() == [r[0] for r in conn.execute(
        "SELECT number FROM records ORDER BY id")]
    notes = pq.read_table(tmp_path / "out" / "notes.parquet")
    # n holds 'two' in an INTEGER column: exported as text, not refused; x's 2 is a float
    assert [str(f.type) for f in notes.schema] == ["int64", "string", "double", "binary"]
    assert notes.to_pydict() == {"id": [1, 2, 3], "n": ["1", "two", None],
                                 "x": [0.5, 2.0, None], "b": [b"\x00\x01", None, None]}


def test_csv_and_jsonl_through_the_cli(db, tmp_path):
    for fmt in ("csv", "jsonl"):
        result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt,
                                           "-o", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[2] == f"{tmp_path / fmt / 'paragraphs'}.{fmt}: 29 rows"
    documents = pd.read_csv(tmp_path / "csv" / "documents.csv")
    assert (len(documents), documents.loc[0, "name"], documents.loc[0, "lang"]) == (
        1, "unwomen-ohchr-joint-workplan-2012", "zh")
    conn = sqlite3.connect(db)
    assert len(pd.read_csv(tmp_path / "csv" / "records.csv")) == \
        conn.execute("SELECT count(*) FROM records").fetchone()[0]
    lines = (tmp_path / "jsonl" / "footnotes.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == [
        r[0] for r in conn.execute("SELECT text FROM footnotes ORDER BY id")]
    assert json.loads((tmp_path / "jsonl" / "notes.jsonl").read_text().splitlines()[0]) == \
        {"id": 1, "n": 1, "x": 0.5, "b": "0001"}


def test_one_table_and_the_errors(db, tmp_path):
    assert export(db, "csv", tmp_path, only=["units"]) == {"units": 0}
    assert (tmp_path / "units.csv").read_text() == "id,doc_id,kind,seq,number,page,text\n"
    with pytest.raises(ExportError, match="no table paragraphs_fts"):
        export(db, "csv", tmp_path, only=["paragraphs_fts"])
    not_db = tmp_path / "notes.db"
    not_db.write_text("meeting notes\n" * 100)
    result = CliRunner().invoke(main, ["export", "--db", str(not_db), "-o", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1, f"error: {not_db}: cannot open as an SQLite store: file is not a database\n")
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db"), "-o", "x"])
    assert result.exit_code == 2 and "does not exist" in result.output
