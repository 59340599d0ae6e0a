"""A Chinese PDF laid out as the ODS prints it: the symbol as running header, the job number
with its page counter as footer ("12-30522 3/9"), the first page's job line with "(C)" and
date stamps and the barcode. Built from the Chinese sample's Word file with python-docx
(header and footer with PAGE/NUMPAGES fields) and converted by LibreOffice; read back, none
of the furniture may reach the text, and the paragraphs must equal the Word file's."""
from __future__ import annotations

import shutil

import pytest
from docx import Document as open_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from corpus import read
from tests.builders import docx_to_pdf

JOB = "12-30522"


def _field(paragraph, instr: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="{instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


@pytest.fixture(scope="module")
def ods_zh_pdf(zh_docx, built, tmp_path_factory):
    out = tmp_path_factory.mktemp("ods-zh")
    path = out / "ods-zh.docx"
    shutil.copy(zh_docx, path)
    doc = open_docx(path)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_footer.paragraphs[0]
    first.text = f"{JOB} (C)    030212    060212"
    barcode = section.first_page_footer.add_paragraph(f"*{JOB.replace('-', '')}*")
    barcode.runs[0].font.size = Pt(9)
    section.first_page_footer.add_paragraph("请回收")  # beside the recycling logo
    section.header.paragraphs[0].text = "E/CN.6/2012/12"
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{JOB} ")
    _field(footer, "PAGE")
    footer.add_run("/")
    _field(footer, "NUMPAGES")
    doc.save(path)
    return docx_to_pdf(path, out)


def test_ods_furniture_never_reaches_the_text_of_a_chinese_pdf(ods_zh_pdf, zh_docx):
    pdf, word = read(ods_zh_pdf), read(zh_docx)
    assert pdf.pages > 2
    assert pdf.metadata.job_number == JOB
    assert [(p.number, p.text) for p in pdf.paragraphs if p.number] == \
        [(p.number, p.text) for p in word.paragraphs if p.number]
    texts = [p.text for p in pdf.paragraphs] + [s.title for s in pdf.sections]
    assert not any(JOB in t or "30522" in t or "E/CN.6/2012/12" in t or "回收" in t for t in texts)
    assert [f.marker for f in pdf.footnotes] == [f.marker for f in word.footnotes]
    assert not [w for w in pdf.warnings if not w.startswith("footnotes")]


def test_notes_with_hanging_markers_in_a_chinese_pdf(tmp_path):
    """Rapporteur's own Chinese draft, printed by LibreOffice: its notes hang their markers
    in the margin before indented text; each is a footnote, none is body text."""
    from compose import compose
    from compose.spec import example_path

    compose_dir = tmp_path / "draft"
    compose(example_path("gender-mainstreaming"), compose_dir, ("zh",))
    pdf = docx_to_pdf(next(compose_dir.glob("*.zh.docx")), tmp_path)
    doc = read(pdf)
    assert [f.marker for f in doc.footnotes] == ["*", "1", "2", "3"]
    assert doc.footnotes[0].text == "E/2026/1。"
    assert not any("决议编号为示例占位符" in p.text for p in doc.paragraphs)
