"""Pages set in two columns: the left column is read before the right one, and a table of
two columns of prose keeps its rows (real PDFs made by LibreOffice, and a real JIU note)."""
from __future__ import annotations

import pytest
from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from corpus import read
from tests.builders import SHARED, docx_to_pdf, shared, soffice

SENTENCE = ("The regional commissions supported Member States in strengthening statistical "
            "capacity and mobilizing financing for development. ")


@pytest.fixture(scope="module")
def two_columns(tmp_path_factory):
    if not soffice():
        pytest.skip("needs LibreOffice (soffice) to make the PDF")
    built = tmp_path_factory.mktemp("columns")
    doc = new_docx()
    doc.add_paragraph("Review of the regional commissions")
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "720")
    doc.sections[0]._sectPr.append(cols)
    for number in range(1, 9):
        doc.add_paragraph(f"{number}. " + SENTENCE * 3 + f"(Paragraph {number} ends here.)")
    path = built / "two-columns.docx"
    doc.save(path)
    return docx_to_pdf(path, built)


def test_the_left_column_is_read_before_the_right(two_columns):
    doc = read(two_columns)
    assert [p.number for p in doc.paragraphs if p.number] == [str(n) for n in range(1, 9)]
    for p in doc.paragraphs:
        if p.number:
            assert p.text == SENTENCE * 3 + f"(Paragraph {p.number} ends here.)"
    assert doc.warnings == []


def test_a_brochure_in_two_columns_reads_its_findings_in_order():
    doc = read(shared(SHARED / "corpus-dev" / "en" / "JIU_NOTE_2022_1_Rev.1(review).en.pdf"))
    numbered = [p for p in doc.paragraphs if p.number]
    assert [p.number for p in numbered] == [str(n) for n in range(1, 13)]  # pages 1-4
    assert numbered[3].text.startswith("Unacceptable effects on health, productivity, "
                                       "organizational climate and culture, and economic returns "
                                       "Racism and racial discrimination affect")


def test_a_numeral_drawn_large_beside_a_box_is_no_footnote_marker():
    # JIU/NOTE/2022/1/Rev.1 pp. 4-5: the recommendations' numbers 1-6 are set in a Type 3
    # font at "6 pt" but drawn 41 pt tall, half beside the box's first line
    doc = read(shared(SHARED / "corpus-dev" / "en" / "JIU_NOTE_2022_1_Rev.1(review).en.pdf"))
    assert doc.warnings == []
    assert [p.footnote_refs for p in doc.paragraphs if p.page in (4, 5) and p.footnote_refs] == []
    assert "Strengthen the equal distribution of opportunities in human resources management " \
           "for all personnel." in [p.text for p in doc.paragraphs if p.page == 5]


def test_a_table_of_two_columns_of_prose_keeps_its_rows():
    # A/80/607 p. 29: "Request/recommendation | Action taken to implement ..." in italics
    # (a table of words under its header row: never read as two columns of a page)
    doc = read(shared(SHARED / "corpus-dev" / "twins" / "A_80_607.pdf"))
    table = next(t for t in doc.tables if t.page == 29)
    assert table.rows[:2] == [
        ["Request/recommendation", "Action taken to implement request/recommendation"],
        ["The Advisory Committee notes that, with the exception",
         "The information on official within-mission travel is"]]
    assert [p.text for p in doc.paragraphs if p.page == 29] == []
