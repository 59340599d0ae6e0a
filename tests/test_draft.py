"""``rapporteur draft``: last year's report -> spec + slots -> compose gives last year's text
back, every figure marked to update; filled slots print this year's values in the report's
own form. Run on a shared English report and the Chinese work plan in the repository."""
from __future__ import annotations

import collections
import csv
import re
import zipfile
from pathlib import Path

import pytest
import yaml

import extract
from compose import compose
from compose.drafting import draft
from corpus import read

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
E_2025_15 = SHARED / "samples" / "en" / "E_2025_15.en.pdf"
A_HRC_59_60 = SHARED / "samples" / "en" / "A_HRC_59_60.en.pdf"  # footnotes on headings
WORKPLAN = ROOT / "corpus" / "samples" / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"


def _figures(doc, tables: bool = False) -> collections.Counter:
    """Figures of the text (and with ``tables``, of the tables: by table, row and column)."""
    return collections.Counter(
        (r["para"], r["sub"], r["value"], r["low"], r["high"], r.get("table_index"),
         r.get("table_row"), r.get("table_column"))
        for r in extract.extract(doc, kinds=["figure"])
        if tables or r.get("table_index") is None)


def _headings(doc) -> list[tuple]:
    """The reader takes the zh summary box's label 摘要 for text: compared without it."""
    return [(s.number, s.title, s.level) for s in doc.sections
            if s.title not in ("Summary", "摘要")]


def _docx_xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8") if part in z.namelist() else ""


def _round_trip(source: Path, tmp: Path):
    done = draft([str(source)], tmp / "spec")
    [result] = compose(done["spec"], tmp / "out")
    return done, result, read(str(source)), read(str(result["docx"]))


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    if not E_2025_15.exists():
        pytest.skip(f"shared sample {E_2025_15} absent")
    return _round_trip(E_2025_15, tmp_path_factory.mktemp("en"))


@pytest.fixture(scope="module")
def hrc(tmp_path_factory):
    if not A_HRC_59_60.exists():
        pytest.skip(f"shared sample {A_HRC_59_60} absent")
    return _round_trip(A_HRC_59_60, tmp_path_factory.mktemp("hrc"))


@pytest.fixture(scope="module")
def zh(tmp_path_factory):
    return _round_trip(WORKPLAN, tmp_path_factory.mktemp("zh"))


@pytest.mark.parametrize("case, paragraphs, notes, figures", [
    ("en", 91, 2, 75), ("hrc", 65, 7, 27), ("zh", 29, 5, 18)])
def test_draft_composes_back_to_the_source(case, paragraphs, notes, figures, request):
    done, result, source, drafted = request.getfixturevalue(case)
    assert result["untraced"] == []
    assert len(drafted.paragraphs) == len(source.paragraphs) == paragraphs
    assert [p.number for p in drafted.paragraphs] == [p.number for p in source.paragraphs]
    numbered = [f.text for f in source.footnotes if f.marker != "*"]
    assert len(numbered) == notes
    assert [f.text for f in drafted.footnotes if f.marker != "*"] == numbered
    assert _headings(drafted) == _headings(source)
    assert _figures(drafted, tables=True) == _figures(source, tables=True)
    assert sum(_figures(source).values()) == figures  # in the text; tables' as read
    assert done["slots"] == sum(_figures(source, tables=True).values())
    assert [(t.rows, t.header_rows) for t in drafted.tables] == \
        [(t.rows, t.header_rows) for t in source.tables]


@pytest.mark.parametrize("case", ["en", "hrc", "zh"])
def test_every_figure_is_marked_to_update(case, request):
    done, result, source, drafted = request.getfixturevalue(case)
    comments = _docx_xml(result["docx"], "word/comments.xml")
    body = _docx_xml(result["docx"], "word/document.xml")
    assert comments.count("To update:") == done["slots"]
    assert done["tables"] == len(source.tables) == {"en": 0, "hrc": 1, "zh": 0}[case]
    assert body.count('<w:highlight w:val="yellow"/>') == done["slots"]


def test_english_text_and_masthead(en):
    done, result, source, drafted = en
    assert [p.text for p in drafted.paragraphs] == [p.text for p in source.paragraphs]
    spec = yaml.safe_load(done["spec"].read_text("utf-8"))
    head = spec["masthead"]
    assert (head["symbol"], head["organ"], head["date"]) == ("E/2026/15", "ecosoc", "2026-05-16")
    assert head["session"] == {"year": 2026}
    assert head["meeting"] == {"from": "2025-07-25", "to": "2026-07-30"}
    assert head["agenda"] == {"item": "16", "provisional": False,
                              "title": {"en": "Regional cooperation"}}
    assert drafted.metadata.symbol == "E/2026/15"
    # the asterisked note on "Report of the Secretary-General*" (a late submission) is
    # carried, called where the source calls it
    late = ("The present report was submitted to the conference services for processing "
            "after the deadline for technical reasons beyond the control of the submitting "
            "office.")
    assert head["report_note"] == {"en": late} and "title_note" not in head
    assert [(f.marker, f.text) for f in drafted.footnotes if f.marker == "*"] == \
        [(f.marker, f.text) for f in source.footnotes if f.marker == "*"] == [("*", late)]
    assert drafted.front[-1] == source.front[-1] == "Report of the Secretary-General*"
    assert spec["currency"] == "$"  # the series writes "$8.4 million"
    with done["data"].open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["p2_2"] | {"subject_en": ""} == {
        "id": "p2_2", "subject_en": "", "subject_zh": "", "value": "", "unit": "percent",
        "period": "2026", "source": "E/2025/15, paragraph 2", "previous_value": "74",
        "previous_period": "2025", "printed_en": "74 per cent", "printed_zh": ""}


def test_chinese_masthead(zh):
    done, *_ = zh
    head = yaml.safe_load(done["spec"].read_text("utf-8"))["masthead"]
    assert head["session"] == {"number": 20}
    assert head["agenda"]["item"] == "3 (c)"
    assert head["agenda"]["document"] == "E/CN.6/2013/12"  # next session's agenda
    assert head["date"] == "2012-12-09"


def test_filled_slots_print_this_years_values(tmp_path):
    done = draft([str(WORKPLAN)], tmp_path / "spec")
    with done["data"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    filled = {}
    for row in rows:
        new = str(int(row["previous_value"]) + 1) if row["previous_value"].isdigit() else ""
        row["value"] = new
        filled[row["id"]] = (row["printed_zh"], new)
    with done["data"].open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    [result] = compose(done["spec"], tmp_path / "out")
    drafted = read(str(result["docx"]))
    values = collections.Counter(r["value"] for r in extract.extract(drafted, kinds=["figure"]))
    want = collections.Counter(int(new) for _, new in filled.values() if new)
    assert values == want
    comments = _docx_xml(result["docx"], "word/comments.xml")
    assert comments.count("To update:") == sum(1 for _, new in filled.values() if not new)
    text = "".join(p.text for p in drafted.paragraphs)
    assert not re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]", text)


def test_languages_in_the_spec_are_honoured(en):
    done, result, *_ = en
    assert result["lang"] == "en"
    assert sorted(p.name for p in result["docx"].parent.iterdir()) == [
        "E_2026_15.en.docx", "E_2026_15.en.provenance.json"]


def test_both_editions_pair_into_one_spec(tmp_path):
    """The example's two Word editions drafted together: one slot per figure printed in
    both, and each edition composes back to its own text."""
    sources = compose(ROOT / "compose" / "examples" / "gender-mainstreaming.yaml",
                      tmp_path / "previous")
    done = draft([str(r["docx"]) for r in sources], tmp_path / "spec")
    assert done["languages"] == ["en", "zh"]
    with done["data"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == done["slots"] == 36
    assert all(r["printed_en"] and r["printed_zh"] for r in rows)
    assert {r["id"]: (r["printed_en"], r["printed_zh"]) for r in rows}["s1_1"] == \
        ("66.5 per cent", "66.5%")
    results = compose(done["spec"], tmp_path / "out")
    for before, after in zip(sources, results):
        a, b = read(str(before["docx"])), read(str(after["docx"]))
        assert [p.text for p in b.paragraphs] == [p.text for p in a.paragraphs]
        assert [f.text for f in b.footnotes if f.marker != "*"] == \
            [f.text for f in a.footnotes if f.marker != "*"]
        star = [f.text.rstrip(".。") for f in b.footnotes if f.marker == "*"]
        assert star == ["E/2027/1"]  # next year's agenda
        assert _figures(b) == _figures(a)


@pytest.mark.parametrize("args, message", [
    (["/nonexistent/E_2025_15.en.pdf"], "error: /nonexistent/E_2025_15.en.pdf: "),
    ([str(WORKPLAN), str(WORKPLAN)], f"error: {WORKPLAN}: two zh editions given: give one "
                                     "per language\n")])
def test_draft_errors_are_one_line(tmp_path, args, message):
    from click.testing import CliRunner

    from corpus.cli import main

    result = CliRunner().invoke(main, ["draft", *args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith(message) and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_data_file_as_a_workbook_round_trips(tmp_path):
    """``--data-format xlsx``: the same slots as the CSV, every cell typed as text (a report's
    words never become a formula); values typed as numbers in Excel are read back."""
    import openpyxl

    as_csv = draft([str(WORKPLAN)], tmp_path / "csv")
    done = draft([str(WORKPLAN)], tmp_path / "xlsx", data_format="xlsx")
    assert done["data"].name == "DRAFT-data.xlsx"
    assert yaml.safe_load(done["spec"].read_text("utf-8"))["data"] == [
        {"file": "DRAFT-data.xlsx"}]
    book = openpyxl.load_workbook(done["data"])
    sheet = book["slots"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    with as_csv["data"].open(encoding="utf-8") as f:
        assert [[v or None for v in row] for row in csv.reader(f)] == rows
    assert {c.data_type for row in sheet.iter_rows() for c in row if c.value} == {"s"}
    [unfilled] = compose(done["spec"], tmp_path / "unfilled")
    [from_csv] = compose(as_csv["spec"], tmp_path / "from_csv")
    assert [p.text for p in read(str(unfilled["docx"])).paragraphs] == \
        [p.text for p in read(str(from_csv["docx"])).paragraphs]
    header = rows[0]
    for row in sheet.iter_rows(min_row=2):  # a drafter types numbers, not text
        previous = row[header.index("previous_value")].value
        if previous.isdigit():
            row[header.index("value")].value = int(previous) + 1
    book.save(done["data"])
    [filled] = compose(done["spec"], tmp_path / "filled")
    values = collections.Counter(r["value"] for r in extract.extract(
        read(str(filled["docx"])), kinds=["figure"]))
    assert values == collections.Counter(int(r[header.index("previous_value")]) + 1
                                         for r in rows[1:]
                                         if r[header.index("previous_value")].isdigit())


def test_draft_of_the_csw_proposals_composes_back(tmp_path):
    """The annex's "Fifty-first session (2007)" lines stay apart from the bullets before
    them: a Word paragraph is whole (corpus/structure.py, ``_Builder._continues``)."""
    source_path = SHARED / "samples" / "en" / "E_CN.6_2025_4.en.pdf"
    if not source_path.exists():
        pytest.skip(f"shared sample {source_path} absent")
    done, result, source, drafted = _round_trip(source_path, tmp_path)
    assert done["paragraphs"] == len(source.paragraphs) - 1 == 66  # one in the summary
    assert [p.text for p in drafted.paragraphs] == [p.text for p in source.paragraphs]


def test_asterisked_title_note_follows_the_agenda_note(tmp_path):
    """E/HLPF/2025/2 calls "*" on its agenda line and "**" on its title: both carried, each
    on its own line, and numbered in that order again."""
    source_path = SHARED / "corpus-dev" / "en" / "E_HLPF_2025_2.en.pdf"
    if not source_path.exists():
        pytest.skip(f"shared corpus file {source_path} absent")
    done = draft([str(source_path)], tmp_path / "spec")
    head = yaml.safe_load(done["spec"].read_text("utf-8"))["masthead"]
    assert head["agenda"]["document"] == "E/HLPF/2026/1"
    assert head["title_note"]["en"].startswith("The present document is a compilation of the")
    [result] = compose(done["spec"], tmp_path / "out", check=False)
    source, drafted = read(str(source_path)), read(str(result["docx"]))
    stars = [(f.marker, f.text) for f in drafted.footnotes if f.marker.startswith("*")]
    assert stars == [("*", "E/HLPF/2026/1."),
                     ("**", next(f.text for f in source.footnotes if f.marker == "**"))]
    assert [line for line in drafted.front if line.endswith("*")] == [
        "Item 2 of the provisional agenda*", f"{source.metadata.title}**"]
