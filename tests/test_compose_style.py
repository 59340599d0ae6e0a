"""House style on the generated Word XML: every value that ``compose.house`` holds is the
one the UN's own Word originals carry (read from ``../shared/corpus-dev/twins``), and the
layout defects found by editors are gone (glued "(a)", centred footer parts, "¹²",
template properties)."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn

from compose import compose, house
from compose.spec import example_path

TWIN = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-dev" / "twins" / \
    "A_80_590.docx"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    out = tmp_path_factory.mktemp("style")
    results = compose(example_path("gender-mainstreaming"), out, check=False)
    return {r["lang"]: r["docx"] for r in results}


@pytest.fixture(scope="module")
def twin():
    if not TWIN.exists():
        pytest.skip(f"UN Word original {TWIN} absent")
    return Document(TWIN)


def _pt(length):
    return None if length is None else round(length.pt, 2)


def test_page_and_text_measure_are_the_uns(drafts, twin):
    ours, theirs = Document(drafts["en"]).sections[0], twin.sections[0]
    for attr in ("page_width", "page_height", "left_margin", "right_margin", "top_margin",
                 "bottom_margin", "header_distance", "footer_distance"):
        assert _pt(getattr(ours, attr)) == _pt(getattr(theirs, attr)), attr
    body, un_body = Document(drafts["en"]).styles["SingleTxt"], twin.styles["__Single Txt"]
    for attr in ("left_indent", "right_indent", "space_after"):
        assert _pt(getattr(body.paragraph_format, attr)) == \
            _pt(getattr(un_body.paragraph_format, attr)) == {
                "left_indent": 63.35, "right_indent": 63.35, "space_after": 6.0}[attr]
    assert [_pt(t.position) for t in body.paragraph_format.tab_stops] == \
        [_pt(t.position) for t in un_body.paragraph_format.tab_stops]
    measure = 612 - 60 - 60 - 2 * 63.35
    assert round(measure, 2) == 365.3  # E/2025/15's lines run from x = 123.4 to 491 pt


@pytest.mark.parametrize("ours, theirs, size, line", [
    ("Heading 1", "_ H _Ch", 14, 15), ("Heading 2", "_ H_1", 12, 13.5),
    ("Heading 3", "_ H_2/3", 10, 12), ("Footnote Text", "footnote text", 8.5, 10.5)])
def test_heading_and_note_sizes_are_the_uns(drafts, twin, ours, theirs, size, line):
    style = Document(drafts["en"]).styles[ours]
    un = twin.styles[theirs]
    un_size = un.font.size or un.base_style.font.size
    assert style.font.size.pt == un_size.pt == size
    assert style.paragraph_format.line_spacing.pt == un.paragraph_format.line_spacing.pt == line
    assert style.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY


def test_headings_start_with_the_body_text(drafts):
    h1 = Document(drafts["en"]).styles["Heading 1"].paragraph_format
    assert _pt(h1.left_indent) == house.TEXT_INDENT
    assert _pt(h1.left_indent) + _pt(h1.first_line_indent) == house.HEADING_NUMBER_AT


def _xml(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_sub_paragraph_labels_sit_on_the_uns_tab_stops(drafts):
    doc = Document(drafts["en"])
    subs = [p for p in doc.paragraphs if p.text.startswith("\t(")]
    assert [p.text[:5] for p in subs[:3]] == ["\t(a)\t", "\t(b)\t", "\t(c)\t"]
    assert all(p.paragraph_format.first_line_indent is None and
               not list(p.paragraph_format.tab_stops) for p in subs)
    assert not any(p.text.startswith("(a)") for p in doc.paragraphs)


def test_footers_and_header_rule(drafts):
    doc = Document(drafts["en"])
    section = doc.sections[0]
    for name in ("Header", "Footer"):  # the template's centre tab put parts mid-page
        assert not list(doc.styles[name].paragraph_format.tab_stops)
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    # odd pages: job number left, page/pages right; even pages the other way round
    assert (odd.text, even.text) == ("26-99999\t/", "/\t26-99999")
    odd_xml, even_xml = odd._p.xml, even._p.xml
    assert odd_xml.index("26-99999") < odd_xml.index('w:instr="PAGE"')
    assert even_xml.index('w:instr="PAGE"') < even_xml.index("26-99999")
    width = section.page_width - section.left_margin - section.right_margin
    assert [(t.position, t.alignment) for t in odd.paragraph_format.tab_stops] == \
        [(width, 2)]
    header = _xml(drafts["en"], "word/header1.xml") + _xml(drafts["en"], "word/header2.xml")
    assert header.count(f'<w:bottom w:val="single" w:sz="{house.HEADER_RULE}"') == 2


def test_adjacent_footnote_calls_are_set_apart(tmp_path):
    """Two notes called at one place print as "¹ ²", not "¹²": letter spacing on the first
    call, and no character a reader would take for text."""
    spec = tmp_path / "spec.yaml"
    spec.write_text("""
languages: [en]
masthead: {symbol: A/81/1, organ: general-assembly, date: 2026-05-01, session: {number: 81},
           title: {en: Notes}}
sections:
  - heading: {en: Introduction}
    paragraphs:
      - text: {en: "One sentence."}
        footnotes: [{en: First note.}, {en: Second note.}]
""", "utf-8")
    [result] = compose(spec, tmp_path / "out", check=False)
    body = _xml(result["docx"], "word/document.xml")
    gap = f'<w:spacing w:val="{round(house.NOTE_CALL_GAP * 20)}"/>'
    runs = re.findall(r"<w:r>(?:(?!</w:r>).)*w:footnoteReference w:id=\"(\d)\"", body)
    first = re.search(r"<w:r>((?!</w:r>).)*w:footnoteReference w:id=\"1\"", body).group()
    assert runs == ["1", "2"] and gap in first[first.rindex("<w:r>"):]
    assert body.count(gap) == 1


@pytest.mark.parametrize("lang, language", [("en", "en-US"), ("zh", "zh-CN")])
def test_document_properties_are_this_documents(drafts, lang, language):
    props = Document(drafts[lang]).core_properties
    assert props.subject == props.identifier == "E/2026/99"
    assert props.title.startswith("Mainstreaming" if lang == "en" else "将性别平等观点")
    assert props.language == language
    assert props.created.year == dt.datetime.now(dt.timezone.utc).year
    core = _xml(drafts[lang], "docProps/core.xml")
    assert "python-docx" not in core and "2013" not in core
    assert "ja-JP" not in _xml(drafts[lang], "word/styles.xml")


SAMPLE = TWIN.parents[2] / "samples" / "en" / "E_2025_15.en.pdf"


def _first_page_chars(pdf_path):
    import pdfplumber

    if not pdf_path.exists():
        pytest.skip(f"UN PDF {pdf_path} absent")
    with pdfplumber.open(pdf_path) as pdf:
        return [c for c in pdf.pages[0].chars if c["text"].strip()]


@pytest.mark.parametrize("pdf, organ, symbol", [
    (TWIN.with_suffix(".pdf"), "General Assembly", "A/80/590"),
    (SAMPLE, "Economic and Social Council", "E/2025/15")])
def test_masthead_sizes_are_the_uns_for_both_organs(pdf, organ, symbol):
    """The organ name is 20 pt in General Assembly and Council documents alike, at the
    body's indent; the symbol's first letter 20 pt, the rest 10 pt."""
    chars = _first_page_chars(pdf)
    first = [c for c in chars if c["top"] < 100 and c["x0"] < 400 and "Bold" in c["fontname"]]
    assert "".join(c["text"] for c in first) == organ.replace(" ", "")
    assert {round(c["size"]) for c in first} == {house.SIZES["en"]["organ"]}
    assert round(first[0]["x0"] - house.PAGE["left"], 1) == round(house.TEXT_INDENT, 1)
    top = [c for c in chars if c["top"] < 62 and c["x0"] > 400]
    assert "".join(c["text"] for c in top) == symbol
    assert [round(c["size"]) for c in top] == [house.MASTHEAD["symbol_letter"]] + \
        [house.MASTHEAD["symbol"]] * (len(symbol) - 1)


def _header_table(doc):
    return doc.sections[0].first_page_header.tables[0]


def test_masthead_is_a_table_in_the_first_page_header_as_in_the_uns(drafts, twin):
    ours, theirs = _header_table(Document(drafts["en"])), _header_table(twin)
    grid, un_grid = ([int(g.get(qn("w:w"))) / 20 for g in t._tbl.tblGrid.iterchildren(
        qn("w:gridCol"))] for t in (ours, theirs))
    assert grid == list(house.MASTHEAD["columns"]) == un_grid[:6]
    assert [r.height.pt for r in ours.rows] == [r.height.pt for r in theirs.rows] == \
        list(house.MASTHEAD["rows"])
    header = _xml(drafts["en"], "word/header3.xml")
    un_header = twin.sections[0].first_page_header.part.blob.decode("utf-8")
    for rule in house.MASTHEAD["rules"]:
        assert all(f'w:sz="{rule}" w:space="0"' in xml for xml in (header, un_header))
    # the symbol: "E" 20 pt, "/2026/99" 10 pt, both lowered 2 pt, as the UN's "A", "/80/590"
    m = house.MASTHEAD
    letter, rest = (m["symbol_letter"], -m["symbol_drop"]), (m["symbol"], -m["symbol_drop"])
    assert _symbol_runs(ours, 10) == [("E", *letter), ("/2026/99", *rest)]
    assert _symbol_runs(theirs, 10) == [("A", *letter), ("/80/590", *rest)]
    organ = ours.rows[1].cells[1].paragraphs[0].runs[0]
    assert (organ.text, organ.font.size.pt, organ.bold) == \
        ("Economic and Social Council", house.SIZES["en"]["organ"], True)
    assert ours.rows[0].cells[1].text == "United Nations"
    assert Document(drafts["en"]).paragraphs[0].text == "2026 session"  # the body's first


def _symbol_runs(table, default: float):
    """(text, size, raise) of the symbol's runs in the masthead's first row."""
    runs = table.rows[0].cells[-1].paragraphs[0].runs
    return [(r.text, r.font.size.pt if r.font.size else default,
             int(r._r.rPr.find(qn("w:position")).get(qn("w:val"))) / 2) for r in runs]


def _spacers(paragraphs, i, step):
    """Points of the 6 pt spacer paragraphs next to paragraph ``i`` (UN twins' front page)."""
    total, j = 0.0, i + step
    while 0 <= j < len(paragraphs) and not paragraphs[j].text and \
            paragraphs[j].paragraph_format.line_spacing is not None:
        total += paragraphs[j].paragraph_format.line_spacing.pt
        j += step
    return total


def test_title_block_is_spaced_as_the_uns(drafts, twin):
    body = twin.paragraphs
    title = next(i for i, p in enumerate(body) if p.style.name == "Title_H_CH")
    report = next(i for i, p in enumerate(body) if p.style.name == "Title_H1")
    f = house.FRONT
    assert (_spacers(body, title, -1), _spacers(body, title, 1), _spacers(body, report, 1)) \
        == (f["title_before"], f["report_before"], f["report_after"]) == (18, 12, 18)
    ours = Document(drafts["en"]).paragraphs
    t = next(p for p in ours if p.text.startswith("Mainstreaming"))
    r = next(p for p in ours if p.text == "Report of the Secretary-General")
    assert (t.paragraph_format.space_before.pt, r.paragraph_format.space_before.pt,
            r.paragraph_format.space_after.pt) == (18, 12, 18)
    assert t.paragraph_format.line_spacing.pt == f["title_line"] == \
        twin.styles["_ H _Ch"].paragraph_format.line_spacing.pt
    assert r.paragraph_format.line_spacing.pt == f["report_line"] == \
        twin.styles["_ H_1"].paragraph_format.line_spacing.pt
    assert _pt(t.paragraph_format.left_indent) == _pt(t.paragraph_format.right_indent) == \
        _pt(twin.styles["Title_H_CH"].paragraph_format.left_indent) == house.TEXT_INDENT


def test_summary_first_lines_begin_at_the_second_tab_stop(drafts):
    chars = _first_page_chars(SAMPLE)
    lines: dict = {}
    for c in chars:
        if 380 < c["top"] < 640:
            lines.setdefault(round(c["top"]), []).append(c["x0"])
    starts = sorted({round(min(xs), 1) for xs in lines.values()})
    assert len(starts) == 2 and abs((starts[1] - starts[0]) - house.SUMMARY["first_line"]) < 0.3
    cell = Document(drafts["en"]).tables[0].cell(0, 0)
    assert cell.paragraphs[0].text == "Summary"
    assert [_pt(p.paragraph_format.first_line_indent) for p in cell.paragraphs[1:2]] == [23.75]
    assert _xml(drafts["en"], "word/document.xml").count(
        f'w:val="single" w:sz="{house.SUMMARY["border"]}"') == 4


def test_first_page_footer_prints_the_job_number_line_as_the_uns(drafts, twin):
    release = twin.styles["Release Date"].font.size.pt
    footer = Document(drafts["en"]).sections[0].first_page_footer.paragraphs[0]
    assert footer.text == "26-99999 (E)    150426"
    assert {r.font.size.pt for r in footer.runs} == {release} == \
        {house.SIZES["en"]["release"]}


def _tracking(style):
    rpr = style.element.rPr if hasattr(style, "element") else style.rPr
    return (int(rpr.find(qn("w:spacing")).get(qn("w:val"))) / 20,
            int(rpr.find(qn("w:w")).get(qn("w:val"))))


def test_english_text_is_tracked_as_the_uns(drafts, twin):
    """The UN sets English text 3 % wide with 0.2 pt letter spacing (notes 4 %, 0.25 pt): the
    lines then break where the UN's break (E/2025/15's summary: "... Council in")."""
    ours = Document(drafts["en"]).styles
    assert _tracking(ours["Normal"]) == _tracking(twin.styles["Normal"]) == \
        house.TRACKING["en"]["body"]
    assert _tracking(ours["Footnote Text"]) == _tracking(twin.styles["footnote text"]) == \
        house.TRACKING["en"]["note"]
    zh = Document(drafts["zh"]).styles["Normal"].element.rPr
    assert zh.find(qn("w:w")) is None and zh.find(qn("w:spacing")) is None


def test_notes_hang_at_the_body_indent_as_the_uns(drafts):
    twin_notes = TWIN.with_name("A_80_600.docx")
    if not twin_notes.exists():
        pytest.skip(f"UN Word original {twin_notes} absent")
    un = _xml(twin_notes, "word/footnotes.xml")
    left, hanging = (round(v * 20) for v in (house.TEXT_INDENT, house.NOTE["hanging"]))
    assert f'w:ind w:left="{left}" w:right="1260" w:hanging="{hanging}"' in un
    nf = Document(drafts["en"]).styles["Footnote Text"].paragraph_format
    assert (_pt(nf.left_indent), _pt(nf.first_line_indent)) == (house.TEXT_INDENT, -28.8)
    assert [_pt(t.position) for t in nf.tab_stops] == [house.TEXT_INDENT]


def test_masthead_names_keep_the_uns_tracking(drafts, twin):
    """The body's 103 % would widen the organ name onto two lines: "United Nations" and the
    organ carry the masthead's own tracking, as in the UN's first-page header."""
    ours, theirs = _header_table(Document(drafts["en"])), _header_table(twin)
    un_run = theirs.rows[0].cells[1].paragraphs[0].runs[0]
    assert _tracking(ours.rows[0].cells[1].paragraphs[0].runs[0]._r) == \
        _tracking(un_run._r) == house.MASTHEAD["un_tracking"]
    xlarge = twin.styles["XLarge"]
    assert _tracking(ours.rows[1].cells[1].paragraphs[0].runs[0]._r) == _tracking(xlarge) == \
        house.MASTHEAD["organ_tracking"]
