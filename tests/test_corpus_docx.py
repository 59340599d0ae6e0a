"""The DOCX reader: Word's automatic numbering rebuilt as text, real footnotes, headers as
furniture; the same report read from text, DOCX and PDF gives the same document."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from corpus import ReadError, read
from tests.builders import Footnotes

HAN_SPACE_HAN = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")

# A UN-style numbering definition: level 0 "1.", level 1 "(a)", level 2 "(i)"; headings
# numbered "I." through a second list; paragraph numbering attached to a paragraph style.
NUMBERING = f"""<w:numbering {nsdecls('w')}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def _numbered(paragraph, num_id: int, ilvl: int = 0):
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id
    return paragraph


@pytest.fixture(scope="module")
def en_docx(tmp_path_factory):
    doc = new_docx()
    doc.part.numbering_part._element = parse_xml(NUMBERING)
    # paragraph numbering through a style, as UN templates do
    style = doc.styles.add_style("SingleTxt", 1)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "United Nations\tE/2026/9"
    section.footer.paragraphs[0].text = "26-01234"
    section.header.paragraphs[0].text = "E/2026/9"
    notes = Footnotes(doc)
    for line in ["Economic and Social Council", "Distr.: General", "3 March 2026",
                 "Original: English", "2026 session", "Agenda item 12 (b)"]:
        doc.add_paragraph(line)
    doc.add_paragraph("Mainstreaming a gender perspective into all policies and programmes")
    doc.add_paragraph("Report of the Secretary-General")
    _numbered(doc.add_paragraph("Introduction", style="Heading 1"), 2)
    p = doc.add_paragraph("The present report responds to Council resolution 2025/3.", style="SingleTxt")
    notes.reference(p, "See E/2025/30.")
    p.add_run(" It covers 2025.")
    doc.add_paragraph("The Council may wish to:", style="SingleTxt")
    _numbered(doc.add_paragraph("Request entities to report annually;"), 1, 1)
    _numbered(doc.add_paragraph("Encourage Member States:"), 1, 1)
    _numbered(doc.add_paragraph("To collect data;"), 1, 2)
    _numbered(doc.add_paragraph("To share it."), 1, 2)
    _numbered(doc.add_paragraph("Conclusions", style="Heading 1"), 2)
    doc.add_paragraph("Progress has been uneven.", style="SingleTxt")
    notes.save_part()
    path = tmp_path_factory.mktemp("docx") / "E_2026_9.docx"
    doc.save(path)
    return read(path)


def test_docx_automatic_numbering(en_docx):
    assert [p.number for p in en_docx.paragraphs] == ["1", "2", "3"]
    assert [(s.number, s.title) for s in en_docx.sections] == [("I", "Introduction"), ("II", "Conclusions")]
    p2 = en_docx.paragraph("2")
    assert p2.text == ("The Council may wish to: (a) Request entities to report annually; "
                       "(b) Encourage Member States: (i) To collect data; (ii) To share it.")
    assert [s.label for s in p2.subparagraphs] == ["a", "b", "i", "ii"]
    assert en_docx.paragraph("3").section == 1


def test_docx_footnotes_and_furniture(en_docx):
    p1 = en_docx.paragraph("1")
    assert p1.text == "The present report responds to Council resolution 2025/3. It covers 2025."
    assert p1.footnote_refs == ["1"]
    assert [(f.marker, f.text) for f in en_docx.footnotes] == [("1", "See E/2025/30.")]
    m = en_docx.metadata
    assert (m.symbol, m.job_number, m.organ, m.date, m.agenda_item, m.session) == (
        "E/2026/9", "26-01234", "Economic and Social Council", "2026-03-03", "12(b)", "2026 session")
    assert m.title == "Mainstreaming a gender perspective into all policies and programmes"
    assert en_docx.pages is None


def test_zh_docx_reads_like_the_text(zh_txt, zh_docx):
    text, word = read(zh_txt), read(zh_docx)
    assert [(p.number, p.text, p.footnote_refs, p.section) for p in word.paragraphs] == \
           [(p.number, p.text, p.footnote_refs, p.section) for p in text.paragraphs]
    assert [(f.marker, f.text) for f in word.footnotes] == [(f.marker, f.text) for f in text.footnotes]
    assert word.metadata == text.metadata
    assert word.sections == text.sections


def test_zh_pdf_reads_like_the_docx(zh_docx, zh_pdf):
    word, pdf = read(zh_docx), read(zh_pdf)
    assert pdf.format == "pdf" and pdf.pages >= 5
    assert [p.number for p in pdf.paragraphs if p.number] == [str(n) for n in range(1, 29)]
    assert [(p.number, p.text) for p in pdf.paragraphs] == [(p.number, p.text) for p in word.paragraphs]
    assert {p.number: p.footnote_refs for p in pdf.paragraphs if p.footnote_refs} == \
           {p.number: p.footnote_refs for p in word.paragraphs if p.footnote_refs}
    assert [(f.marker, f.text) for f in pdf.footnotes] == [(f.marker, f.text) for f in word.footnotes]
    for key in ("date", "agenda_item", "session", "organ", "title", "original_language"):
        assert getattr(pdf.metadata, key) == getattr(word.metadata, key), key
    assert not [p.text for p in pdf.paragraphs if HAN_SPACE_HAN.search(p.text)]


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(ReadError, match=r"broken\.docx: not a DOCX: corrupt or truncated"):
        read(path)


def test_docx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ReadError, match=r"bomb\.docx: refused: the package would inflate"):
        read(path)


def test_zip_that_is_no_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(ReadError, match=r"archive\.docx: not a Word document"):
        read(path)
