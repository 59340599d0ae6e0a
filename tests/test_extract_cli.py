"""``rapporteur extract`` end to end on the bundled Chinese sample: formats, the store's
records table, bad input."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from corpus.cli import main
from extract.records import errors
from tests.builders import ZH_SAMPLE


@pytest.fixture(scope="module")
def jsonl():
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_records_are_valid(jsonl):
    assert all(errors(r) == [] for r in jsonl)
    kinds = {r["kind"] for r in jsonl}
    assert {"figure", "reference", "abbreviation"} <= kinds
    (ga,) = [r for r in jsonl if r["kind"] == "reference" and r["number"] == "64/289"]
    assert (ga["para"], ga["body"], ga["doc"], ga["lang"]) == (
        "28", "General Assembly", "unwomen-ohchr-joint-workplan-2012", "zh")


def test_kinds_option_and_csv():
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), "--kinds", "abbreviation",
                                       "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["kind"] for r in rows} == {"abbreviation"}
    assert ("联合国开发计划署", "开发署") in {(r["long_form"], r["short_form"]) for r in rows}


def test_parquet(tmp_path, jsonl):
    import pyarrow.parquet as pq

    out = tmp_path / "records.parquet"
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == len(jsonl)
    assert table.column("span")[0].as_py() == jsonl[0]["span"]


def test_db_stores_records_and_reads_stored_documents(tmp_path, jsonl):
    from corpus.reader import read
    from corpus.store import Store

    db = tmp_path / "store.db"
    with Store(db) as store:
        store.add(read(ZH_SAMPLE))
    result = CliRunner().invoke(main, ["extract", "--db", str(db), "--kinds", "reference"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT doc, para, number FROM records WHERE kind = 'reference'").fetchall()
    assert len(rows) == sum(1 for r in jsonl if r["kind"] == "reference")
    assert ("unwomen-ohchr-joint-workplan-2012", "28", "64/289") in rows
    # running again replaces, not duplicates
    CliRunner().invoke(main, ["extract", "--db", str(db), "--kinds", "reference"])
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == len(rows)


def test_bad_files_are_reported_and_the_rest_is_written(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"this is not a PDF")
    result = CliRunner().invoke(main, ["extract", str(bad), str(ZH_SAMPLE), "--kinds", "reference"])
    assert result.exit_code == 1
    assert f"{bad}: not a PDF" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stdout.splitlines()) > 10


def test_unknown_kind_is_a_usage_error():
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), "--kinds", "figures"])
    assert result.exit_code == 2 and "unknown kind(s) figures" in result.output


def test_csv_neutralises_formula_cells_but_not_numbers(tmp_path):
    """A subject taken from hostile text is written as text a spreadsheet will not run;
    the numeric columns stay numbers, negative ones included."""
    from extract.records import CsvWriter

    doc = tmp_path / "hostile.txt"
    doc.write_text('Summary\n\n1. =HYPERLINK("http://evil.example","Budget") rose to 25 per '
                   "cent in 2024.\n", "utf-8")
    for fmt in ("csv", "excel-csv"):
        result = CliRunner().invoke(main, ["extract", str(doc), "--kinds", "indicator",
                                           "--format", fmt])
        assert result.exit_code == 0, result.output
        (row,) = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
        assert row["subject"] == "'=HYPERLINK"  # the noun phrase, bracket dropped
        assert (row["value"], row["period"]) == ("25.0", "2024")
    out = io.StringIO()
    CsvWriter(out).write([{"kind": "figure", "doc": "d", "lang": "en", "para": "-1",
                           "text": "-3.5 per cent", "value": -3.5, "page": 2,
                           "span": [0, 13], "change": {"kind": "percentage_points",
                                                        "value": -3.5}}])
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["value"], row["page"], row["text"], row["para"]) == (
        "-3.5", "2", "'-3.5 per cent", "'-1")
    assert json.loads(row["change"]) == {"kind": "percentage_points", "value": -3.5}


def test_both_editions_of_a_report_keep_their_records_and_point_at_their_rows(tmp_path):
    """The English and the Chinese edition share a symbol: extracting both into one store
    keeps both, and each record joins to its document, paragraph and table by integer id."""
    from corpus.model import Document, Metadata, Paragraph, Table
    from corpus.store import Store

    def edition(lang, text, sha):
        return Document(source=f"A_80_1.{lang}.txt", format="txt", sha256=sha,
                        metadata=Metadata(symbol="A/80/1", lang=lang),
                        paragraphs=[Paragraph(None, "Intro."), Paragraph("1", text, page=2)],
                        tables=[Table(rows=[["Item", "Amount"], ["Travel", "12.5"]],
                                      caption="(Thousands of United States dollars)",
                                      header_rows=1, page=3)])

    db = tmp_path / "store.db"
    with Store(db) as store:
        store.add(edition("en", "Funding rose by 40 per cent.", "e" * 64))
        store.add(edition("zh", "资金增加了40%。", "c" * 64))
    for _ in range(2):  # a second run replaces each edition's records, not the other's
        result = CliRunner().invoke(main, ["extract", "--db", str(db), "--kinds", "figure"])
        assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT r.lang, r.text, r.value, d.lang, p.text, t.caption FROM records r "
        "JOIN documents d ON d.id = r.doc_id LEFT JOIN paragraphs p ON p.id = r.paragraph_id "
        "LEFT JOIN tables t ON t.id = r.table_id ORDER BY r.id").fetchall()
    assert rows == [
        ("en", "40 per cent", 40.0, "en", "Funding rose by 40 per cent.", None),
        ("en", "12.5", 12500.0, "en", None, "(Thousands of United States dollars)"),
        ("zh", "40%", 40.0, "zh", "资金增加了40%。", None),
        ("zh", "12.5", 12500.0, "zh", None, "(Thousands of United States dollars)")]


def test_an_interrupted_run_leaves_the_previous_output_as_it_was(tmp_path, monkeypatch):
    """Outputs are written all or nothing (corpus.output): a run that fails part-way leaves
    no half-written file and never replaces a good one."""
    import extract.batch

    out = tmp_path / "records.jsonl"
    out.write_text("a good earlier run\n", "utf-8")
    real = extract.batch.run_jobs

    def failing(jobs, kinds, workers, **executor):
        for item in real(jobs, kinds, workers, **executor):
            yield item
            raise RuntimeError("the machine went away")

    monkeypatch.setattr(extract.batch, "run_jobs", failing)
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), str(ZH_SAMPLE), "-o", str(out)])
    assert (result.exit_code, "the machine went away" in result.stderr) == (70, True)
    assert out.read_text("utf-8") == "a good earlier run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]
    monkeypatch.setattr(extract.batch, "run_jobs", real)
    assert CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), "-o", str(out)]).exit_code == 0
    assert out.read_text("utf-8").startswith('{"kind": ')
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_a_piped_run_prints_progress_lines(monkeypatch, jsonl):
    import extract.cli

    monkeypatch.setattr(extract.cli, "PROGRESS_SECONDS", 0)
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), str(ZH_SAMPLE),
                                       "--kinds", "reference"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert [re.sub(r"\d+ s$", "N s", line) for line in lines[:-1]] == [
        "extract: 1 document(s) done, N s", "extract: 2 document(s) done, N s"]
    n = 2 * sum(r["kind"] == "reference" for r in jsonl)
    assert lines[-1] == f"{n} records from 2 document(s) (reference {n})"
