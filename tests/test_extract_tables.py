"""Table cells as figure records, scored against every numeric cell of two real budget
tables typed by hand from the printed PDF (tests/gold/figures_tables_*.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import corpus
from corpus.model import Document, Metadata, Table
from extract import extract
from extract.records import errors
from extract.tables import table_figures
from tests.builders import SHARED, shared

GOLD = sorted((Path(__file__).parent / "gold").glob("figures_tables_*.json"))


@pytest.fixture(scope="module", params=GOLD, ids=lambda p: p.stem)
def gold_and_records(request):
    gold = json.loads(request.param.read_text("utf-8"))
    doc = corpus.read(shared(SHARED / gold["source"]))
    return gold, doc, extract(doc, ["figure"])


def test_every_numeric_cell_of_the_gold_tables_is_one_exact_figure(gold_and_records):
    gold, doc, records = gold_and_records
    for table in gold["tables"]:
        found = [r for r in records if r.get("table_index") == table["table"]]
        assert doc.tables[table["table"]].caption == table["caption"]
        assert [(r["subject"].split(",")[0], r["text"], r["value"], r["unit"], r["scale"],
                 r["page"]) for r in found] == [
            (c["row_label"], c["text"], c["value"], c["unit"], c["scale"], table["page"])
            for c in table["cells"]]


def test_aligned_headers_give_column_and_period(gold_and_records):
    """Table 16 prints one header cell per column: subject and period come from it."""
    gold, _, records = gold_and_records
    table = next(t for t in gold["tables"] if t["table"] == 16)
    found = [r for r in records if r.get("table_index") == 16]
    assert [(r["subject"], r["period"]) for r in found] == [
        (f"{c['row_label']}, {c['column_label']}", c["period"]) for c in table["cells"]]


def test_every_cell_record_is_valid_and_its_text_is_in_its_cell(gold_and_records):
    _, doc, records = gold_and_records
    cells = [r for r in records if r.get("table_index") is not None]
    assert len(cells) > 600
    for r in cells:
        cell = doc.tables[r["table_index"]].rows[r["table_row"]][r["table_column"]]
        assert cell[r["span"][0]:r["span"][1]] == r["text"]
        assert errors(r) == []


def _table(rows, caption=None, header_rows=1, notes=()):
    doc = Document(source="t.txt", format="txt", sha256="0",
                   metadata=Metadata(symbol="A/1", lang="en"),
                   tables=[Table(rows=rows, caption=caption, header_rows=header_rows,
                                 notes=list(notes), page=3)])
    return table_figures(doc, {"doc": "A/1", "lang": "en"})


def test_units_and_scales_come_from_headers_caption_and_notes():
    rows = [["Category", "Amount", "Percentage", "Number of posts"],
            ["Staff", "1 250.5", "(3.5)", "12"]]
    found = _table(rows, caption="Resources (Millions of United States dollars)")
    assert [(r["value"], r["unit"], r["scale"], r["subject"]) for r in found] == [
        (1250500000, "USD", 1e6, "Staff, Amount"), (-3.5, "percent", 1.0, "Staff, Percentage"),
        (12, "count", 1.0, "Staff, Number of posts")]
    found = _table([["Year", "2023", "2024"], ["Grants", "15", "–"]],
                   notes=["Note: thousands of euros."])
    assert [(r["value"], r["unit"], r["period"]) for r in found] == [(15000, "EUR", "2023")]


def test_column_numbers_and_dashes_are_no_figures():
    rows = [["Category", "2024/25", "2025/26", "Variance"],
            ["", "(1)", "(2)", "(3)=(2)-(1)"],
            ["Travel", "–", "10.0", "10.0"]]
    found = _table(rows, caption="(Thousands of United States dollars)")
    assert [(r["table_row"], r["table_column"], r["value"], r["period"]) for r in found] == [
        (2, 2, 10000, "2025/26"), (2, 3, 10000, None)]


def test_chinese_captions_and_year_columns():
    found = _table([["项目", "年份", "数额"], ["差旅", "2024", "1 250.0"]], caption="（千美元）")
    assert [(r["table_column"], r["value"], r["unit"], r["scale"]) for r in found] == [
        (2, 1250000, "USD", 1000.0)]
