"""A real Chinese report read back from the forms it reaches users in. The Chinese text of
E/2023/15 (../shared/parallel/, one segment a line) is set as the ODS sets a Chinese report
(``tests.builders.zh_report_docx``): masthead in the first page's header, symbol as running
header, "23-08532 3/15" footers, "一." / "A." headings, paragraphs numbered 1.–N. by Word,
sub-paragraphs (a)–(d), notes glued to Han text, two tables with wrapped Chinese cells and
one running over a page. Read from the Word file and from LibreOffice's PDF of it, the
report must come back as it was written; from ``pdftotext -layout`` of that PDF (a dump)
too, and from a plain ``pdftotext`` dump as much as it keeps. A second build types the
numbers instead (no Word numbering) and heads chapters "一、"."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict

import pytest

from corpus import read
from tests.builders import (ZH_REPORT_JOB, ZH_REPORT_NOTES, ZH_REPORT_SYMBOL,
                            ZH_SEGMENTS, docx_to_pdf, shared, soffice, zh_report_docx)

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
FULL_WIDTH = "，。、；：？！“”‘’（）《》％"
FORMS = ["docx", "pdf", "txt"]
# pdftotext without -layout: a wrapped heading's lines and a summary paragraph's last full
# line cannot be told from the text's, so only the numbered text, notes and furniture hold
ALL = FORMS + ["plain"]
# (two cells of a Chinese table printed 1-2 em apart, LibreOffice's and Word's cell
# margins, are two cells: pdf_lines.segments splits at such a gutter between Han or digits)
WITH_TABLES = ["docx", "pdf", "txt"]


def zh_spacing(text: str) -> str:
    """The Chinese house rule, written here apart from the readers': no space beside a Han
    character or a full-width punctuation mark ("1 600多万" keeps the space between digits)."""
    return re.sub(rf"\s+(?=[{HAN}{FULL_WIDTH}])|(?<=[{HAN}{FULL_WIDTH}])\s+", "", text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The Word file, its PDF (LibreOffice, once for the module) and its pdftotext dump."""
    shared(ZH_SEGMENTS)
    assert soffice(), "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    out = tmp_path_factory.mktemp("zh-roundtrip")
    docx, plan = zh_report_docx(out)
    pdf = docx_to_pdf(docx, out)
    dump, plain = out / "E_2023_15.zh.txt", out / "E_2023_15.zh.plain.txt"
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(dump)], check=True)
    subprocess.run(["pdftotext", str(pdf), str(plain)], check=True)
    paths = {"docx": docx, "pdf": pdf, "txt": dump, "plain": plain}
    return {"plan": plan, **paths, "read": {form: read(path) for form, path in paths.items()}}


def _paras(plan) -> list[dict]:
    return [v for kind, v in plan["body"] if kind == "para"]


def expected_paragraphs(plan) -> list[tuple[str, str]]:
    """(number, text) of each numbered paragraph: its segment, with its sub-paragraphs'
    labels printed before their items."""
    return [(str(p["number"]), zh_spacing(p["lead"] + "".join(f"({chr(97 + k)})" + s
                                                             for k, s in enumerate(p["subs"]))))
            for p in _paras(plan)]


def test_the_build_is_the_real_report(built):
    """Every segment of the real text is in the build (nothing invented but the notes and
    the chart's data), and the PDF breaks paragraphs across pages."""
    plan = built["plan"]
    lines = [x.strip() for x in ZH_SEGMENTS.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(_paras(plan)) == 158 and len(plan["summary"]) == 8 and len(plan["headings"]) == 14
    assert len(plan["masthead"]) == 6 and plan["masthead"][-1] == "秘书长的报告*"
    covered = set(plan["masthead"] + plan["summary"] + [p["text"] for p in _paras(plan)])
    covered |= {f"{n}." if level == 1 else t for n, t, level in plan["headings"]}
    covered |= {t for n, t, level in plan["headings"]}
    covered |= {x for t in plan["tables"] for x in [t["caption"], *t["notes"], *sum(t["rows"], [])]}
    assert [line for line in lines if line not in covered] == ["摘要"]
    pages = [zh_spacing(page) for page in built["txt"].read_text(encoding="utf-8").split("\f")]

    def on(page: str, p: dict) -> tuple[bool, bool]:  # (starts on the page, ends on it)
        return zh_spacing(p["text"][:12]) in page, zh_spacing(p["text"][-8:]) in page

    split = [p for p in _paras(plan) if any(on(a, p)[0] and on(b, p)[1] and not on(a, p)[1]
                                            for a, b in zip(pages, pages[1:]))]
    assert len(pages) == 16 and [p["number"] for p in split] == [93, 139, 152]


@pytest.mark.parametrize("form", ALL)
def test_numbered_paragraphs_are_the_segments(built, form):
    doc = built["read"][form]
    assert [(p.number, p.text) for p in doc.paragraphs if p.number] == expected_paragraphs(built["plan"])
    enumerated = [p for p in doc.paragraphs if p.subparagraphs]
    assert [(p.number, [(s.label, s.text) for s in p.subparagraphs]) for p in enumerated] == \
        [(str(p["number"]), [(chr(97 + k), s) for k, s in enumerate(p["subs"])])
         for p in _paras(built["plan"]) if p["subs"]]


@pytest.mark.parametrize("form", FORMS)
def test_summary_is_unnumbered_text_before_chapter_one(built, form):
    doc = built["read"][form]
    unnumbered = [p.text for p in doc.paragraphs if not p.number]
    assert unnumbered == [zh_spacing(s) for s in built["plan"]["summary"]]


@pytest.mark.parametrize("form", FORMS)
def test_headings_in_order(built, form):
    doc = built["read"][form]
    assert [(s.number, s.title, s.level) for s in doc.sections] == \
        [(None, "摘要", 1)] + [(n, zh_spacing(t), level) for n, t, level in built["plan"]["headings"]]


@pytest.mark.parametrize("form", ALL)
def test_footnotes_and_their_markers(built, form):
    doc = built["read"][form]
    assert [(f.marker, f.text) for f in doc.footnotes] == list(ZH_REPORT_NOTES.items())
    assert {p.number: p.footnote_refs for p in doc.paragraphs if p.footnote_refs} == \
        {"5": ["1"], "60": ["2"], "120": ["3"]}


@pytest.mark.parametrize("form", WITH_TABLES)
def test_tables_keep_their_cells(built, form):
    """Cells as printed ("1 600多万", "35.3%"), wrapped Chinese cells whole, the table that
    runs over a page one table, its abbreviations line its note. (The table of words has
    no row of numbers to tell its header by: its header row is not asserted.)"""
    doc = built["read"][form]
    assert [(t.caption, t.rows, t.notes) for t in doc.tables] == \
        [(t["caption"], [[zh_spacing(c) for c in row] for row in t["rows"]], t["notes"])
         for t in built["plan"]["tables"]]
    assert doc.tables[0].header_rows == 1


@pytest.mark.parametrize("form", FORMS)
def test_masthead(built, form):
    meta = built["read"][form].metadata
    assert (meta.symbol, meta.date, meta.job_number, meta.agenda_item, meta.organ, meta.session,
            meta.original_language, meta.lang, meta.title, meta.report_of) == \
        (ZH_REPORT_SYMBOL, "2023-05-03", ZH_REPORT_JOB, "15", "经济及社会理事会", "2023年届会",
         "en", "zh", "经济、社会和有关领域的区域合作", "秘书长")


@pytest.mark.parametrize("form", ALL)
def test_no_furniture_in_any_text(built, form):
    doc = built["read"][form]
    texts = [p.text for p in doc.paragraphs] + [s.title for s in doc.sections] + \
        [f.text for f in doc.footnotes] + [c for t in doc.tables for r in t.rows for c in r]
    furniture = re.compile(rf"{ZH_REPORT_JOB}|{ZH_REPORT_JOB[3:]}|\*2308532\*|E/2023/15|请回收|"
                           r"\b\d{1,2}/15\b|110523|120523|Distr\.")
    assert [t for t in texts if furniture.search(t)] == []
    assert [t for t in texts if re.search(rf"[{HAN}]\s+[{HAN}]", t)] == []


def _unpaged(items) -> list[dict]:
    """Dataclasses as dicts without their page (a Word file has no pages to cite)."""
    return [{k: v for k, v in asdict(x).items() if k != "page"} for x in items]


def test_pdf_and_word_read_the_same(built):
    docx, pdf = built["read"]["docx"], built["read"]["pdf"]
    assert pdf.pages == 15
    assert (pdf.metadata, pdf.front, pdf.contents) == (docx.metadata, docx.front, docx.contents)
    for part in ("sections", "paragraphs", "footnotes", "tables", "figures", "boxes"):
        assert _unpaged(getattr(pdf, part)) == _unpaged(getattr(docx, part)), part


@pytest.mark.parametrize("form", ALL)
def test_no_warnings(built, form):
    assert built["read"][form].warnings == []


@pytest.fixture(scope="module")
def typed(built, tmp_path_factory):
    """The same report as Word files from other sources have it: numbers and letters typed
    before a tab (no numbering part), chapter headings "一、政策和分析", the table's header
    row not repeated (its row cut by the page ends at the top of the next); its PDF and
    -layout dump."""
    out = tmp_path_factory.mktemp("zh-typed")
    docx, _ = zh_report_docx(out, typed=True)
    pdf = docx_to_pdf(docx, out)
    dump = out / "typed.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(dump)], check=True)
    return {"docx": read(docx), "pdf": read(pdf), "txt": read(dump)}


@pytest.mark.parametrize("form", FORMS)
def test_typed_numbers_and_chinese_enumeration_commas_read_the_same(built, typed, form):
    doc, plan = typed[form], built["plan"]
    assert [(p.number, p.text) for p in doc.paragraphs if p.number] == expected_paragraphs(plan)
    assert [(s.number, s.title, s.level) for s in doc.sections] == \
        [(None, "摘要", 1)] + [(n, zh_spacing(t), level) for n, t, level in plan["headings"]]
    assert ([(f.marker, f.text) for f in doc.footnotes], doc.warnings) == \
        (list(ZH_REPORT_NOTES.items()), [])


@pytest.mark.parametrize("form", WITH_TABLES)
def test_a_row_cut_by_the_page_is_one_row(built, typed, form):
    assert [(t.caption, t.rows, t.notes) for t in typed[form].tables] == \
        [(t["caption"], [[zh_spacing(c) for c in row] for row in t["rows"]], t["notes"])
         for t in built["plan"]["tables"]]
