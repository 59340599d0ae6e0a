"""The exports load as-is in the tools researchers use (pandas, pyarrow, polars) with one
type per column; Excel CSV keeps Chinese; a batch streams, survives bad documents and says
what it did."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.cli import main
from tests.builders import EN_SAMPLES, ZH_SAMPLE, shared


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """The bundled Chinese report (text) and a shared English PDF exported in every format."""
    out = tmp_path_factory.mktemp("exports")
    files = {"en": shared(EN_SAMPLES / "E_2025_15.en.pdf")}
    for fmt, name in [("jsonl", "r.jsonl"), ("csv", "r.csv"), ("excel-csv", "r.xl.csv"),
                      ("parquet", "r.parquet")]:
        files[fmt] = out / name
        result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), str(files["en"]),
                                           "--format", fmt, "-o", str(files[fmt])])
        assert result.exit_code == 0, result.output
    return files


def test_parquet_has_native_types(exports):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(exports["parquet"])
    types = {f.name: f.type for f in table.schema}
    assert types["span"] == pa.list_(pa.int32())
    assert types["previous"] == pa.struct([("value", pa.float64()), ("period", pa.string())])
    assert types["change"] == pa.struct([("kind", pa.string()), ("value", pa.float64())])
    assert (types["value"], types["low"], types["para"], types["page"]) == (
        pa.float64(), pa.float64(), pa.string(), pa.int32())
    rows = table.to_pylist()
    (ind,) = [r for r in rows if r["kind"] == "indicator" and r["doc"] == "E/2025/15"
              and r["para"] == "4"]
    assert ind["previous"] == {"value": 160.0, "period": "2024"}
    assert ind["change"] == {"kind": "absolute", "value": 11.0}
    for r in rows[:50]:
        assert len(r["span"]) == 2


def test_pandas_reads_every_format_with_stable_types(exports):
    import pandas as pd
    frames = {
        "parquet": pd.read_parquet(exports["parquet"]),
        "jsonl": pd.read_json(exports["jsonl"], lines=True, engine="pyarrow"),
        "csv": pd.read_csv(exports["csv"], dtype={"para": str, "sub": str}),
    }
    lengths = {fmt: len(df) for fmt, df in frames.items()}
    assert len(set(lengths.values())) == 1, lengths
    for fmt, df in frames.items():
        assert df["value"].dtype == "float64", fmt
        paras = df["para"].dropna()
        assert paras.map(type).eq(str).all() and "4" in set(paras), fmt
    figures = frames["parquet"].query("kind == 'figure'")
    assert figures["value"].notna().all()


def test_pyarrow_and_polars_read_jsonl_and_csv(exports):
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.json as pj

    jsonl = pj.read_json(exports["jsonl"])
    assert jsonl.schema.field("value").type == pa.float64()
    assert jsonl.schema.field("para").type == pa.string()
    assert pa.types.is_list(jsonl.schema.field("span").type)
    csv_table = pcsv.read_csv(exports["csv"])
    assert csv_table.schema.field("value").type == pa.float64()
    import polars as pl  # as the README shows: polars infers types from 100 rows otherwise

    jsonl = pl.read_ndjson(exports["jsonl"], infer_schema_length=None)
    assert (jsonl.schema["value"], jsonl.schema["para"]) == (pl.Float64, pl.String)
    frame = pl.read_csv(exports["csv"], infer_schema_length=None,
                        schema_overrides={c: pl.String for c in ("para", "sub", "footnote")})
    assert (frame.schema["value"], frame.schema["para"]) == (pl.Float64, pl.String)


def test_excel_csv_has_a_bom_and_chinese_intact(exports):
    raw = exports["excel-csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:] == exports["csv"].read_bytes()
    assert "联合国开发计划署" in raw.decode("utf-8-sig")


def test_folders_summary_and_a_bad_document_does_not_stop_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(b"this is not a PDF")
    (folder / ZH_SAMPLE.name).write_bytes(ZH_SAMPLE.read_bytes())
    (folder / "notes.md").write_text("# not a report\n")
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "--kinds", "reference,figure",
                                       "-o", str(out)])
    assert result.exit_code == 1
    assert f"error: {folder / 'broken.pdf'}: not a PDF" in result.stderr
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    kinds = {k: sum(r["kind"] == k for r in records) for k in ("figure", "reference")}
    assert result.stderr.splitlines()[-1] == (
        f"{len(records)} records from 1 document(s) (figure {kinds['figure']}, "
        f"reference {kinds['reference']}); 1 failed; ignored 1 file(s) in folders "
        "(not .docx, .pdf, .text, .txt)")
    assert "Traceback" not in result.output


def test_output_in_a_missing_folder_is_a_clear_error(tmp_path):
    target = tmp_path / "missing" / "dir" / "x.jsonl"
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {target}: no such folder")
    assert "Traceback" not in result.output


def test_workers_give_the_same_records_in_the_same_order(tmp_path, exports):
    out = tmp_path / "w.jsonl"
    result = CliRunner().invoke(main, ["extract", str(ZH_SAMPLE), str(exports["en"]),
                                       "--workers", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == Path(exports["jsonl"]).read_bytes()
