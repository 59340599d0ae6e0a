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


MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS_NS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _text_box(text: str, anchor: str = "Figure I") -> str:
    """A Word 2010 text box anchored in a paragraph of text ``anchor``: the same box in the
    drawing choice and in the VML fallback."""
    content = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (f'<w:p {nsdecls("w")} {MC_NS} {WPS_NS} {V_NS}><w:pPr><w:pStyle w:val="H23"/></w:pPr>'
            f'<w:r><w:t>{anchor}</w:t></w:r><w:r>'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
            f'{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f'<v:rect><v:textbox>{content}</v:textbox></v:rect></w:pict></mc:Fallback>'
            f'</mc:AlternateContent></w:r></w:p>')


@pytest.fixture(scope="module")
def un_template(tmp_path_factory):
    """The UN's Word layout: masthead as a table in the first page's own header, job number
    in a table of its footer, custom heading styles based on one with an outline level and
    bold, a text box, a data table with its unit line and a note, hidden text and
    paragraphs numbered as typed text."""
    doc = new_docx()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    masthead = section.first_page_header.add_table(2, 2, section.page_width)
    for cell, lines in zip(masthead._cells, [["United Nations"], ["A/80/999"], ["General Assembly"],
                                             ["Distr.: General", "7 January 2026", "Original: English"]]):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    footer = section.first_page_footer.add_table(1, 1, section.page_width)
    footer.cell(0, 0).paragraphs[0].text = "26-00999 (E)    160126"
    section.header.paragraphs[0].text = "A/80/999"
    h1 = doc.styles.add_style("H1", 1)
    h1.font.bold = True
    h1.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    h23 = doc.styles.add_style("H23", 1)
    h23.base_style = h1
    body_text = doc.styles.add_style("SingleTxt0", 1)  # body text built on a heading style
    body_text.base_style = h1
    body_text.font.bold = False
    body_text.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="9"/>'))
    for line in ["Eightieth session", "Agenda item 155", "Financing of a mission",
                 "Budget for the period from 1 July 2026 to 30 June 2027",
                 "Report of the Secretary-General"]:
        doc.add_paragraph(line)
    doc.add_paragraph("I.\tIntroduction", style="H1")
    first = doc.add_paragraph("1.\tThe present report sets out the budget of the 21")
    first.add_run("st").font.superscript = True  # an ordinal, not a note mark
    first.add_run(" session.")
    first.add_run(" [check figures]").font.hidden = True  # hidden text: not on the page
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(  # a frame at the page foot
        f'<w:p {nsdecls("w")}><w:pPr><w:framePr w:wrap="notBeside" w:yAlign="bottom"/></w:pPr>'
        f'<w:r><w:t>Note: FS, Field Service.</w:t></w:r></w:p>'))
    doc.add_paragraph("Mission support initiatives", style="H23")
    doc.add_paragraph("2.\tThe Mission will reduce its fleet as follows:", style="SingleTxt0")
    doc.add_paragraph("(Thousands of United States dollars)")
    table = doc.add_table(2, 2)
    for cell, text in zip(table._cells, ["Category", "Amount", "Fixed-wing", "76.5"]):
        cell.text = text
    table.cell(1, 0).paragraphs[0].add_run("a").font.superscript = True
    note = doc.add_paragraph()
    note.add_run("a").font.superscript = True
    note.add_run("\tEstimated.")
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(_text_box("Office of the Director")))
    last = doc.add_paragraph("3.\tThe reduction covers 12 km")
    last.add_run("2").font.superscript = True  # an exponent, not a note mark
    last.add_run(" of the area.")
    path = tmp_path_factory.mktemp("un") / "A_80_999.docx"
    doc.save(path)
    return path


def test_docx_masthead_from_the_first_page_header(un_template):
    m = read(un_template).metadata
    assert (m.symbol, m.organ, m.date, m.original_language, m.session, m.agenda_item,
            m.job_number, m.report_of) == ("A/80/999", "General Assembly", "2026-01-07", "en",
                                           "Eightieth session", "155", "26-00999", "Secretary-General")


def test_docx_blocks_in_page_order(un_template):
    from corpus.reader import read_blocks

    _, _, blocks, _ = read_blocks(un_template)
    body = [(b.text, b.role, b.heading) for b in blocks if b.role != "furniture"]
    assert body[:6] == [("United Nations", "body", False), ("A/80/999", "body", False),
                        ("General Assembly", "body", False), ("Distr.: General", "body", False),
                        ("7 January 2026", "body", False), ("Original: English", "body", False)]
    assert body[11:] == [
        ("I. Introduction", "body", True),
        ("1. The present report sets out the budget of the 21st session.", "body", False),
        ("Note: FS, Field Service.", "footnote", False),  # printed at the page foot
        ("Mission support initiatives", "body", True),  # H23: outline level and bold inherited
        ("2. The Mission will reduce its fleet as follows:", "body", False),
        ("(Thousands of United States dollars)", "table", False),  # a table's text: its caption
        ("Figure I", "figure", False),  # a diagram, captioned: its text box, once, as a row
        ("3. The reduction covers 12 km² of the area.", "body", False)]
    assert [b.text for b in blocks if b.role == "furniture"] == ["26-00999 (E) 160126", "A/80/999"]
    assert [b.rows for b in blocks if b.role in ("table", "figure")] == [
        [["Category", "Amount"], ["Fixed-wing\ue000a\ue001", "76.5"], ["a Estimated."]],
        [["Office of the Director"]]]


def test_docx_table_outside_the_paragraphs(un_template):
    doc = read(un_template)
    assert [(f.marker, f.text) for f in doc.footnotes] == [("", "Note: FS, Field Service.")]
    assert [(p.number, p.text) for p in doc.paragraphs if p.number] == [
        ("1", "The present report sets out the budget of the 21st session."),
        ("2", "The Mission will reduce its fleet as follows:"),
        ("3", "The reduction covers 12 km² of the area.")]
    assert [(t.number, t.caption, t.rows[:2], t.header_rows) for t in doc.tables] == [
        (None, "(Thousands of United States dollars)", [["Category", "Amount"], ["Fixed-wing", "76.5"]], 1)]
    assert [(f.number, f.labels) for f in doc.figures] == [("Figure I", ["Office of the Director"])]


def _without_numbering(src, dst) -> None:
    """The package as LibreOffice writes a document without lists: no numbering part."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/numbering.xml":
                continue
            if item.filename in ("[Content_Types].xml", "word/_rels/document.xml.rels"):
                data = re.sub(rb"<(?:Override|Relationship)\b[^>]*numbering[^>]*/>", b"", data)
            zout.writestr(item, data)


def test_docx_without_numbering_part(un_template, tmp_path):
    from click.testing import CliRunner

    from corpus.cli import main

    path = tmp_path / "no-lists.docx"
    _without_numbering(un_template, path)
    with zipfile.ZipFile(path) as z:
        assert "word/numbering.xml" not in z.namelist()
    doc = read(path)
    assert [(p.number, p.text) for p in doc.paragraphs][0] == (
        "1", "The present report sets out the budget of the 21st session.")
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 0 and result.exception is None
    assert "  symbol             A/80/999\n" in result.output


def test_docx_made_of_text_boxes_is_read_as_text(tmp_path):
    """A PDF converted to Word (LibreOffice's PDF import) puts every line in a text box:
    there the boxes are the page's text, not a diagram, and its footers are furniture."""
    doc = new_docx()
    body = doc.element.body
    for line in ["1. The present report is submitted pursuant to resolution 79/1.", "2/18 25-07795",
                 "2. It covers the period from 1 July to 30 June and the work of the Office."]:
        body.insert(len(body) - 1, parse_xml(_text_box(line, anchor="")))
    path = tmp_path / "converted.docx"
    doc.save(path)
    assert [(p.number, p.text) for p in read(path).paragraphs] == [
        ("1", "The present report is submitted pursuant to resolution 79/1."),
        ("2", "It covers the period from 1 July to 30 June and the work of the Office.")]


def test_docx_endnotes_marked_as_word_prints_them(tmp_path):
    """Endnotes are numbered i, ii, ... by default; their text comes from the endnotes part."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    doc = new_docx()
    notes = []
    for n, (text, note) in enumerate([("The Board adopted decision 2025/1.", "See DP/2025/1."),
                                      ("It met twice.", "In January and June.")], start=1):
        p = doc.add_paragraph(f"{n}.\t{text}")
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/>'
                              f'</w:rPr><w:endnoteReference w:id="{n}"/></w:r>'))
        notes.append(f'<w:endnote w:id="{n}"><w:p><w:r><w:endnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:endnote>')
    xml = (f'<w:endnotes {nsdecls("w")}><w:endnote w:type="separator" w:id="-1"><w:p><w:r>'
           f'<w:separator/></w:r></w:p></w:endnote>{"".join(notes)}</w:endnotes>')
    doc.part.relate_to(Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, xml.encode(),
                            doc.part.package), RT.ENDNOTES)
    path = tmp_path / "endnotes.docx"
    doc.save(path)
    read_back = read(path)
    assert [(p.number, p.text, p.footnote_refs) for p in read_back.paragraphs] == [
        ("1", "The Board adopted decision 2025/1.", ["i"]), ("2", "It met twice.", ["ii"])]
    assert [(f.marker, f.text) for f in read_back.footnotes] == [
        ("i", "See DP/2025/1."), ("ii", "In January and June.")]


def test_docx_masthead_in_a_header_text_box(tmp_path):
    """Some Word mastheads sit in a text box of the first page's header."""
    doc = new_docx()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header._element
    header.append(parse_xml(_text_box("Economic and Social Council", anchor="E/2026/12")))
    for line in ["Distr.: General", "12 March 2026"]:
        header.append(parse_xml(_text_box(line, anchor="")))
    for line in ["2026 session", "Agenda item 7",
                 "Regional cooperation", "Report of the Secretary-General", "Summary"]:
        doc.add_paragraph(line)
    doc.add_paragraph("1.\tThe present report is submitted pursuant to Council resolution 2025/1.")
    path = tmp_path / "E_2026_12.docx"
    doc.save(path)
    m = read(path).metadata
    assert (m.symbol, m.date, m.organ, m.session, m.agenda_item, m.title) == (
        "E/2026/12", "2026-03-12", "Economic and Social Council", "2026 session", "7",
        "Regional cooperation")


def test_docx_lists_of_one_definition_continue_each_other(tmp_path):
    """Two w:num of one w:abstractNum share their counts, as Word shows them; a
    w:startOverride restarts its level."""
    doc = new_docx()
    doc.part.numbering_part._element = parse_xml(NUMBERING.replace("</w:numbering>", (
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        "</w:numbering>")))
    _numbered(doc.add_paragraph("The Council may wish:"), 1)
    _numbered(doc.add_paragraph("To note the report;"), 1, 1)
    _numbered(doc.add_paragraph("To request updates;"), 3, 1)  # another num: continues
    _numbered(doc.add_paragraph("To act on them."), 4, 1)  # restarted by its override
    _numbered(doc.add_paragraph("The Council may also wish to decide."), 3)
    path = tmp_path / "lists.docx"
    doc.save(path)
    assert [(p.number, p.text) for p in read(path).paragraphs] == [
        ("1", "The Council may wish: (a) To note the report; (b) To request updates; "
              "(a) To act on them."),
        ("2", "The Council may also wish to decide.")]


def test_docx_list_defined_by_a_list_style(tmp_path):
    """A list whose definition only points to a list style (w:numStyleLink), as Word
    templates make them, takes its levels from the list that defines the style; a level
    with legal numbering (w:isLgl) shows every number in digits."""
    doc = new_docx()
    doc.part.numbering_part._element = parse_xml(f"""<w:numbering {nsdecls('w')}>
<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="UNParas"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="UNParas"/></w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>""")
    _numbered(doc.add_paragraph("Introduction", style="Heading 1"), 2)
    for text in ["The present report is submitted pursuant to resolution 79/1.", "It covers 2025."]:
        _numbered(doc.add_paragraph(text), 1)
    _numbered(doc.add_paragraph("Scope"), 2, 1)  # legal numbering: "1.1", not "I.a"
    path = tmp_path / "linked.docx"
    doc.save(path)
    from corpus.reader import read_blocks

    assert [b.text for b in read_blocks(path)[2]] == [
        "I. Introduction", "1. The present report is submitted pursuant to resolution 79/1.",
        "2. It covers 2025.", "1.1 Scope"]
