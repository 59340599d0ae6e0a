"""English UN PDFs dumped with poppler's ``pdftotext`` (with and without ``-layout``), the form
users hand Rapporteur, read as the PDF itself reads: numbered paragraphs, footnotes under a
rule or under a Geneva page's drawn line, markers printed away from their notes, running
headers and footers between the lines of a paragraph. The dumps are made at test time from
development-corpus PDFs read where they are; ``benchmarks/dumps_bench.py`` measures the same
on the whole corpus."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from corpus import read
from tests.builders import SHARED, shared

DEV = SHARED / "corpus-dev" / "en"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def numbered(doc) -> list[tuple[str, str]]:
    return [(p.number, squash(p.text)) for p in doc.paragraphs if p.number]


@pytest.fixture(scope="module")
def reading(tmp_path_factory):
    """name, mode -> (the PDF's reading, the reading of its pdftotext dump)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("dumps")
    cache: dict = {}

    def get(name: str, mode: str):
        if (name, mode) not in cache:
            pdf = shared(DEV / f"{name}.en.pdf")
            dump = folder / f"{name}.{mode}.txt"
            subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if mode == "layout" else []),
                            str(pdf), str(dump)], check=True, capture_output=True)
            cache[name, mode] = read(pdf), read(dump)
        return cache[name, mode]
    return get


def test_a_report_with_many_footnotes_reads_as_its_pdf(reading):
    """E/2025/31: 138 numbered paragraphs over 39 pages, two draft resolutions whose notes
    number afresh; a note that is only a symbol ('A/74/821.') is no running header."""
    pdf, dump = reading("E_2025_31", "layout")
    assert numbered(dump) == numbered(pdf)
    assert [p.number for p in dump.paragraphs if p.number] == [str(n) for n in range(1, 139)]
    markers = [f.marker for f in dump.footnotes]
    assert markers == [str(n) for n in range(1, 17)] + [str(n) for n in range(1, 9)] + ["1"]
    assert [(f.marker, squash(f.text)) for f in dump.footnotes] == \
        [(f.marker, squash(f.text)) for f in pdf.footnotes]
    assert dump.footnotes[2].text == "A/74/821."
    # "Global Digital Compact, 5contributing": a marker glued to the next word
    assert dump.paragraph("4").footnote_refs == ["5"]
    assert dump.metadata.symbol == pdf.metadata.symbol == "E/2025/31-E/CN.16/2025/4"


def test_plain_dump_notes_keep_their_markers_when_printed_apart(reading):
    """Without -layout pdftotext prints a page's markers in a run before the notes' text, or
    after it ('1' below the notes of page 1 of E/CN.5/2025/L.6, '3' and '4' after note 11)."""
    pdf, dump = reading("E_CN.5_2025_L.6", "plain")
    assert numbered(dump) == numbered(pdf)
    assert [p.number for p in dump.paragraphs if p.number] == [str(n) for n in range(1, 18)]
    assert [f.marker for f in dump.footnotes] == [str(n) for n in range(1, 12)]
    assert [(f.marker, f.text) for f in dump.footnotes[:4]] == [
        ("1", "Report of the Second World Assembly on Ageing, Madrid, 8–12 April 2002 (United "
              "Nations publication, Sales No. E.02.IV.4), chap. I, resolution 1, annex II."),
        ("2", "See Official Records of the Economic and Social Council, 2004, Supplement No. 6 "
              "(E/2004/26), chap. I, sect. E."),
        ("3", "A/AC.278/2024/2, para. 28."),
        ("4", "General Assembly resolution 70/1.")]
    assert [(f.marker, squash(f.text)) for f in dump.footnotes] == \
        [(f.marker, squash(f.text)) for f in pdf.footnotes]


def test_a_resolution_dumped_with_layout_reads_as_its_pdf(reading):
    pdf, dump = reading("E_CN.5_2025_L.6", "layout")
    assert numbered(dump) == numbered(pdf)
    assert [f.marker for f in dump.footnotes] == [str(n) for n in range(1, 12)]
    assert dump.footnotes[10].text == "E/CN.5/2025/5."
    assert dump.metadata.symbol == "E/CN.5/2025/L.6"


@pytest.mark.parametrize("mode", ["layout", "plain"])
def test_a_letter_reads_as_its_pdf(reading, mode):
    """S/2025/525, a letter of the Secretary-General with numbered paragraphs, three pages."""
    pdf, dump = reading("S_2025_525", mode)
    assert numbered(dump) == numbered(pdf)
    assert [p.number for p in dump.paragraphs if p.number] == [str(n) for n in range(1, 9)]
    assert (dump.metadata.symbol, dump.metadata.date) == ("S/2025/525", pdf.metadata.date)
    assert not any(re.search(r"\d{2}-\d{5}|\b\d+/\d+$", p.text) for p in dump.paragraphs)


def test_notes_under_a_drawn_rule_with_markers_above_their_text(reading):
    """DP/OPS/2025/2 draws its footnote rule (no underscores in the dump) and prints each
    marker on a line of its own above its note: all 24 notes, in order."""
    pdf, dump = reading("DP_OPS_2025_2", "layout")
    assert [f.marker for f in dump.footnotes] == [str(n) for n in range(1, 25)]
    assert [(f.marker, squash(f.text)) for f in dump.footnotes] == \
        [(f.marker, squash(f.text)) for f in pdf.footnotes]
    assert dump.footnotes[2].text == "Executive Board decision 2024/4."
    # "in March 20245 ahead": note 5 glued to a year
    assert "in March 2024 ahead of the annual session" in dump.paragraph("7").text
    assert dump.paragraph("7").footnote_refs == ["5"]


def test_bullets_hanging_under_their_first_line_stay_in_their_paragraph(reading):
    """DP/2025/12 ¶ 8: "8. To date:" then bullets whose wrapped lines hang under the text
    ("•   160 million people ... health" over "    care, education ..."): neither a table
    of two columns nor new paragraphs."""
    pdf, dump = reading("DP_2025_12", "layout")
    eight = dict(numbered(dump))["8"]
    assert eight == dict(numbered(pdf))["8"]
    assert eight.startswith(squash("To date: • 160 million people have gained essential services "
                                   "to help escape poverty, including health care, education and "
                                   "clean water. • An integrated focus"))
