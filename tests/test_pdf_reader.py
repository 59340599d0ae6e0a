"""The PDF reader on the real UN PDFs: what a careful reader sees on the page (opened with
``pdftotext -layout`` and rendered with ``pdftoppm``) is what the blocks must say."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from docx import Document as new_docx
from docx.shared import Pt, RGBColor

from corpus.blocks import REF_RE, ref
from corpus.errors import ReadError
from corpus.furniture import is_furniture
from corpus.readers.pdf import read_pdf
from tests.builders import EN_SAMPLES, Footnotes, docx_to_pdf, shared

EN = EN_SAMPLES
NAMES = {"E_2025_15": 18, "E_CN.6_2025_4": 12, "A_HRC_59_60": 17}
HAN_SPACE_HAN = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")


def _read(path: Path):
    return read_pdf(path, path.read_bytes())


@pytest.fixture(scope="session")
def en_blocks():
    return {name: _read(shared(EN) / f"{name}.en.pdf") for name in NAMES}


def body(blocks, page=None):
    return [b for b in blocks if b.role == "body" and (page is None or b.page == page)]


def notes(blocks):
    return {b.marker: b for b in blocks if b.role == "footnote"}


@pytest.mark.parametrize("name", NAMES)
def test_page_count_and_pages_are_one_based(en_blocks, name):
    blocks, pages = en_blocks[name]
    assert pages == NAMES[name]
    assert {b.page for b in blocks} == set(range(1, pages + 1))


@pytest.mark.parametrize("name", NAMES)
def test_no_running_header_footer_job_number_or_barcode_in_body(en_blocks, name):
    blocks, _ = en_blocks[name]
    symbol = {"E_2025_15": "E/2025/15", "E_CN.6_2025_4": "E/CN.6/2025/4",
              "A_HRC_59_60": "A/HRC/59/60"}[name]
    for b in body(blocks):
        if b.page == 1 and b.text == symbol:
            continue  # the masthead's own symbol, right of "United Nations"
        assert not is_furniture(b.text), b
    for b in body(blocks) + [b for b in blocks if b.role == "footnote"]:  # "* E/CN.6/2025/1." is a footnote
        assert not re.search(r"\b(?:GE\.)?\d{2}-\d{5}\b|\*\d{7}\*", b.text), b
    headers = [b for b in blocks if b.role == "furniture" and b.text == symbol]
    assert [b.page for b in headers] == list(range(2, NAMES[name] + 1))


def test_furniture_blocks_keep_what_the_structurer_reads(en_blocks):
    blocks, _ = en_blocks["E_2025_15"]
    furniture = [(b.page, b.text) for b in blocks if b.role == "furniture"]
    assert furniture[:5] == [(1, "25-07795 (E) 100625"), (1, "*2507795*"), (2, "E/2025/15"),
                             (2, "2/18 25-07795"), (3, "E/2025/15")]
    assert (3, "25-07795 3/18") in furniture
    geneva, _ = en_blocks["A_HRC_59_60"]
    furniture = [(b.page, b.text) for b in geneva if b.role == "furniture"]
    assert furniture[:3] == [(1, "GE.25-05795 (E) 170425 170425"), (2, "A/HRC/59/60"),
                             (2, "2 GE.25-05795")]
    assert (3, "GE.25-05795 3") in furniture


def test_masthead_lines_are_blocks_in_reading_order(en_blocks):
    blocks, _ = en_blocks["E_2025_15"]
    assert [b.text for b in body(blocks, 1)[:14]] == [
        "United Nations", "E/2025/15", "Economic and Social Council", "Distr.: General",
        "16 May 2025", "Original: English", "2025 session", "25 July 2024–30 July 2025",
        "Agenda item 16", "Regional cooperation",
        "Regional cooperation in the economic, social and related fields",
        "Report of the Secretary-General" + ref("*"), "Summary",
        body(blocks, 1)[13].text]
    assert body(blocks, 1)[13].text.startswith("The present report is submitted to the Economic")
    geneva, _ = en_blocks["A_HRC_59_60"]
    assert [b.text for b in body(geneva, 1)[:12]] == [
        "United Nations", "A/HRC/59/60", "General Assembly", "Distr.: General", "22 April 2025",
        "Original: English", "Human Rights Council", "Fifty-ninth session",
        "16 June–11 July 2025", "Agenda item 5", "Human rights bodies and mechanisms",
        "Thirteenth session of the Forum on Business and Human Rights"]


def test_footnotes_with_their_markers(en_blocks):
    e15 = notes(en_blocks["E_2025_15"][0])
    assert list(e15) == ["*", "1", "2"]
    assert e15["*"].text == ("The present report was submitted to the conference services for "
                             "processing after the deadline for technical reasons beyond the "
                             "control of the submitting office.")
    assert e15["1"].text == "See www.unescwa.org/publications/debt-fiscal-outlook-report-arab-region."
    assert e15["2"].text.startswith("Inequality in the Arab region: Crisis upon crisis")
    assert [e15[m].page for m in e15] == [1, 7, 9]

    csw = notes(en_blocks["E_CN.6_2025_4"][0])
    assert list(csw) == ["*", "1", "2", "3", "4", "5", "6", "7", "8"]
    assert csw["*"].text == "E/CN.6/2025/1."
    assert csw["5"].text.startswith("Jérôme De Henau and Susan Himmelweit, “A care-led recovery")
    assert csw["7"].text == ("Including in General Assembly resolution 77/317, Human Rights Council "
                             "resolution 54/6 and Economic and Social Council resolution 2024/4.")

    hrc = notes(en_blocks["A_HRC_59_60"][0])
    assert list(hrc) == ["1", "2", "3", "4", "5", "6", "7"]
    assert hrc["1"].text == "A/HRC/17/31, annex."
    # a URL broken over two lines at a hyphen is joined whole
    assert hrc["2"].text == (
        "See https://forumbhr2024.sched.com/event/1gevJ/procurement-and-deployment-of-artificial-"
        "intelligence-and-the-ungps-consultation-for-the-working-groups-2025-report-to-the-"
        "human-rights-council?linkback=grid.")
    assert hrc["7"].text == "A/79/178." and hrc["7"].page == 11


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_sentinel_has_its_footnote_and_vice_versa(en_blocks, name):
    """Superscripts become sentinels and figures never do: the markers referenced in the
    body are exactly the footnotes' markers."""
    blocks, _ = en_blocks[name]
    refs = [m for b in body(blocks) for m in REF_RE.findall(b.text)]
    assert sorted(refs, key=lambda m: (m != "*", len(m), m)) == list(notes(blocks))


def test_reference_sentinels_sit_after_the_word_they_annotate(en_blocks):
    blocks, _ = en_blocks["A_HRC_59_60"]
    first = next(b.text for b in body(blocks) if b.text.startswith("1. Since its first session"))
    assert "Implementing the United Nations “Protect, Respect and Remedy” Framework." + ref("1") \
           + " The Forum is mandated" in first
    third = next(b.text for b in body(blocks) if b.text.startswith("3. The programme of the Forum"))
    assert ("to the Human Rights Council" + ref("2") + " and the General Assembly," + ref("3")
            + " respectively.") in third
    assert third.endswith("available on the website of the Forum." + ref("4"))
    assert "nearly 4,000 in total, with 3,000 registered" in next(
        b.text for b in body(blocks) if b.text.startswith("6. The Forum gathered"))
    csw, _ = en_blocks["E_CN.6_2025_4"]
    assert "Item 3 (c) of the provisional agenda" + ref("*") in [b.text for b in body(csw, 1)]


def test_headings_are_flagged_and_body_text_is_not(en_blocks):
    blocks, _ = en_blocks["E_2025_15"]
    page3 = body(blocks, 3)
    assert [b.text for b in page3 if b.heading] == [
        "I. Leveraging regional cooperation to accelerate implementation of the 2030 Agenda",
        "A. State of the journey to 2030: overview of progress towards the Sustainable "
        "Development Goals in the regions",
        "Economic Commission for Africa region",
        "Economic and Social Commission for Asia and the Pacific region"]
    assert [b.text[:3] for b in page3 if not b.heading] == ["1. ", "2. ", "3. "]
    page6 = [(b.text.split(".")[0], b.heading) for b in body(blocks, 6) if re.match(r"\d+\. ", b.text)]
    assert page6 == [("8", False), ("1", True)] + [(str(n), False) for n in range(9, 16)]


def test_words_are_whole_and_spaces_come_from_the_page(en_blocks):
    e15 = " ".join(b.text for b in en_blocks["E_2025_15"][0])
    assert "deepen disparities both within and between regions" in e15
    assert "climate action, marine sustainability, decent work and poverty eradication" in e15
    assert "facilitating countries’ access to climate finance" in e15
    assert "disparit ies" not in e15 and "d evelop" not in e15
    csw = " ".join(b.text for b in en_blocks["E_CN.6_2025_4"][0])
    for whole in ("at its sixty-ninth session", "an integrated and action-oriented approach",
                  "for the period 2010–2014", "the 30-year review",
                  "second review cycle of the high-level political forum"):
        assert whole in csw
    for split in ("sixty -", "integr ated", "2010 –2014", "30 -year", "high -level"):
        assert split not in csw


def test_a_table_is_one_block_of_rows_in_reading_order(en_blocks):
    blocks, _ = en_blocks["A_HRC_59_60"]
    tables = [b for b in blocks if b.role == "table"]
    assert [b.page for b in tables] == [3]
    rows = tables[0].rows
    assert rows[:3] == [["Category of participating stakeholders", "Percentage"],
                        ["Academic institutions", "13"],
                        ["Civil society organizations, affected stakeholders and Indigenous "
                         "Peoples’ groups", "32"]]
    assert ["Private sector (business enterprises, business/industry associations, "
            "consultancies, law firms, investors)", "34"] in rows
    assert rows[-1] == ["Other", "3"]
    texts = [b.text for b in body(blocks, 3)]
    assert not any("Academic institutions" in t for t in texts)


# -- a footnote that runs over a page break ----------------------------------------------

@pytest.fixture(scope="session")
def continued_pdf(built):
    """A Word file whose long footnote LibreOffice has to continue on the next page."""
    doc = new_docx()
    doc.styles["Normal"].font.size = Pt(10)
    footnotes = Footnotes(doc)
    sentence = ("The regional commissions supported Member States in strengthening statistical "
                "capacity, mobilizing financing for development and reinforcing multilateral "
                "cooperation. ")
    for number in range(1, 13):
        p = doc.add_paragraph(f"{number}. " + sentence * 3)
        if number == 11:
            footnotes.reference(p, "See the report of the Economic Commission for Africa on its "
                                   "fifty-seventh session. " + "The Commission considered debt "
                                   "restructuring, climate finance and tax administration. " * 16)
    p = doc.add_paragraph("13. The number of staff trained increased from ")
    for text in ("950", " in 2024 to ", "1,200", " in 2025."):  # figures set apart, as
        run = p.add_run(text)                                     # compose marks them
        if text[0].isdigit():
            run.font.color.rgb = RGBColor(0x1F, 0x1F, 0x7F)
    footnotes.save_part()
    path = built / "continued-footnote.docx"
    doc.save(path)
    return docx_to_pdf(path, built)


def test_a_footnote_continued_on_the_next_page_is_one_footnote(continued_pdf):
    blocks, pages = _read(continued_pdf)
    tail = "The Commission considered debt restructuring, climate finance and tax administration."
    assert pages == 3
    assert [(b.marker, b.page) for b in blocks if b.role == "footnote"] == [("1", 2)]
    note = next(b for b in blocks if b.role == "footnote")
    assert note.text == ("See the report of the Economic Commission for Africa on its "
                         "fifty-seventh session. " + " ".join([tail] * 16))
    assert [b.text[:4] for b in body(blocks, 3)] == ["12. ", "13. "]
    assert body(blocks, 3)[1].text == ("13. The number of staff trained increased from 950 in 2024 "
                                       "to 1,200 in 2025.")
    assert ref("1") in next(b.text for b in body(blocks) if b.text.startswith("11. "))


# -- the Chinese sample as a LibreOffice PDF -----------------------------------------------

@pytest.fixture(scope="session")
def zh_blocks(zh_pdf):
    return _read(zh_pdf)


def test_chinese_pdf_has_no_space_between_han_characters(zh_blocks):
    blocks, _ = zh_blocks
    assert not [b.text for b in blocks if HAN_SPACE_HAN.search(REF_RE.sub("", b.text))]
    texts = [b.text for b in body(blocks)]
    assert "临时议程" + ref("*") + "项目3(c)" in texts
    assert "2012年2月27日至3月23日" in texts


def test_chinese_pdf_footnotes_and_references(zh_blocks):
    blocks, _ = zh_blocks
    found = notes(blocks)
    assert list(found) == ["*", "1", "2", "3", "4", "5"]
    assert found["*"].text == "E/CN.6/2012/12。"
    assert found["1"].text == "联合国，《条约汇编》，第1249卷，第20378号。"
    assert found["3"].text == "联合国，《条约汇编》，第2131卷，第20378号。"
    refs = [m for b in body(blocks) for m in REF_RE.findall(b.text)]
    assert refs == ["*", "1", "2", "3", "4", "5"]
    assert "《消除对妇女一切形式歧视公约》" + ref("1") in "".join(b.text for b in body(blocks))


def test_chinese_pdf_headings(zh_blocks):
    blocks, _ = zh_blocks
    assert [b.text for b in body(blocks) if b.heading][:5] == [
        "摘要", "一.引言", "二. 2011年合作回顾", "A.机构间机制和举措", "B.人权条约机构"]
    assert sum(1 for b in body(blocks) if re.match(r"\d{1,2}\.", b.text)) == 28


# -- bad PDFs --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def bad_pdfs(built, qpdf):
    src = shared(EN / "E_CN.6_2025_4.en.pdf")
    files = {name: built / name for name in
             ("encrypted.pdf", "truncated.pdf", "cut-and-closed.pdf", "image-only.pdf")}
    subprocess.run([qpdf, "--encrypt", "u", "o", "256", "--", str(src),
                    str(files["encrypted.pdf"])], check=True)
    data = src.read_bytes()
    files["truncated.pdf"].write_bytes(data[: len(data) // 2])
    files["cut-and-closed.pdf"].write_bytes(data[: len(data) // 3] + b"\n%%EOF\n")
    page = pypdfium2.PdfDocument(src)[2]
    page.render(scale=1).to_pil().convert("RGB").save(files["image-only.pdf"], "PDF")
    return files


@pytest.mark.parametrize("name, cause", [
    ("encrypted.pdf", r"^encrypted PDF: it is password-protected"),
    ("truncated.pdf", r"^truncated or corrupt PDF: the end-of-file marker \(%%EOF\) is missing$"),
    ("cut-and-closed.pdf", r"^corrupt or truncated PDF"),
    ("image-only.pdf", r"^no text layer: scanned PDF\? \(OCR it first\)$"),
])
def test_bad_pdfs_raise_read_error_naming_file_and_cause(bad_pdfs, name, cause):
    path = bad_pdfs[name]
    with pytest.raises(ReadError) as err:
        _read(path)
    assert err.value.path == str(path)
    assert re.search(cause, err.value.cause), err.value.cause
    assert str(err.value).startswith(f"{path}: ")
