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
