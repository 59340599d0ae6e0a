"""Twins: UN peacekeeping budget reports as the official PDF and as the UN's own Word file
(``../shared/corpus-dev/twins/``) read as the same document: masthead, numbered paragraphs,
footnotes. The Word masthead sits in the first page's header (a layout table) and the job
number in its footer, so these fields test the DOCX reader's page furniture too."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from corpus import read

TWINS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-dev" / "twins"
pytestmark = pytest.mark.skipif(not TWINS.is_dir(), reason=f"{TWINS} absent (shared inputs)")


@lru_cache(maxsize=None)
def both(stem: str):
    return read(TWINS / f"{stem}.pdf"), read(TWINS / f"{stem}.docx")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("stem, symbol, date, job, agenda", [
    ("A_80_590", "A/80/590", "2026-01-07", "26-00248", "155"),
    ("A_80_600", "A/80/600", "2026-01-26", "26-00971", "158"),
    ("A_80_623", "A/80/623", "2026-02-05", "26-01451", "150"),
])
def test_masthead_is_the_same_in_both(stem, symbol, date, job, agenda):
    for doc in both(stem):
        m = doc.metadata
        assert (m.symbol, m.date, m.job_number, m.agenda_item, m.session, m.organ,
                m.original_language, m.report_of) == (
            symbol, date, job, agenda, "Eightieth session", "General Assembly", "en",
            "Secretary-General"), doc.format


@pytest.mark.parametrize("stem, title", [
    ("A_80_590", "Budget performance of the United Nations Multidimensional Integrated "
                 "Stabilization Mission in Mali for the period from 1 July 2024 to 30 June 2025"),
    ("A_80_600", "Budget performance for the period from 1 July 2024 to 30 June 2025 and budget "
                 "for the period from 1 July 2026 to 30 June 2027 for the United Nations Mission "
                 "for the Referendum in Western Sahara"),
])
def test_title_is_the_same_in_both(stem, title):
    pdf, word = both(stem)
    assert (pdf.metadata.title, word.metadata.title) == (title, title)


@pytest.mark.parametrize("stem, number, begins, length", [
    ("A_80_590", "1", "The proposed budget for the liquidation of the United Nations Multidim", 623),
    ("A_80_590", "79", "The actions to be taken by the General Assembly in connection with the", 740),
    ("A_80_600", "1", "The mandate of the United Nations Mission for the Referendum in Wester", 416),
    ("A_80_623", "128", "The actions to be taken by the General Assembly in connection with the", 1428),
    # p. 47-48: a table closes the page mid-paragraph, after a full stop; the paragraph goes on
    ("A_80_623", "77", "In the 2025/26 period, the Mission included a total of 1,678 flight ho", 713),
])
def test_numbered_paragraph_is_the_same_in_both(stem, number, begins, length):
    pdf, word = both(stem)
    text = word.paragraph(number).text
    assert (text[:70], len(text)) == (begins, length)
    assert squash(pdf.paragraph(number).text) == squash(text)


def test_actions_of_the_assembly_keep_their_subparagraphs_over_a_page_break():
    # A/80/615 p. 41-42: the actions are set in bold; "(c) To approve ... for 2025" ends the
    # page and runs on in "and to place ..."; the next chapter's bold title has 268 letters
    for doc in both("A_80_615"):
        para = doc.paragraph("97")
        assert [s.label for s in para.subparagraphs] == ["a", "b", "c", "d", "e"], doc.format
        assert para.subparagraphs[2].text.endswith("for 2025 and to place such apportioned "
                                                   "amount in a reserve that would be used in "
                                                   "the event that collections are insufficient "
                                                   "to enable the full, efficient and effective "
                                                   "implementation of mandates;"), doc.format
        assert [s.title[:40] for s in doc.sections if s.number == "V"] == \
            ["Summary of follow-up action taken to imp"], doc.format


def test_last_paragraph_number_is_the_same_in_both():
    pdf, word = both("A_80_590")
    assert [p.number for p in word.paragraphs if p.number][-1] == "79"
    assert [p.number for p in pdf.paragraphs if p.number][-1] == "79"


def test_word_footnotes_are_the_pdf_footnotes():
    pdf, word = both("A_80_628")
    assert [(f.marker, f.text[:40]) for f in word.footnotes][2:5] == [
        ("3", "Phase 2 (1 July 2025 to 31 December 2027"),
        ("", "Note: The following abbreviations are us"),
        ("4", "Actual number of posts and positions are")]
    # the "Note: The following abbreviations ..." set above mark 4 in Word is a note of its
    # own without a mark, printed on the page before note 4, as the PDF reads it
    assert (word.footnotes[3].marker, word.footnotes[3].text) == (
        "", "Note: The following abbreviations are used in the tables: ASG, Assistant "
            "Secretary-General; FS, Field Service; NGS, national General Service; NPO, National "
            "Professional Officer; UNV, United Nations Volunteers; USG, Under-Secretary-General.")
    # the organization charts of the annex (boxes drawn with rules, lettered notes) give
    # the PDF no footnotes of their own
    assert [(f.marker, squash(f.text)) for f in word.footnotes] == \
           [(f.marker, squash(f.text)) for f in pdf.footnotes]


def test_word_footnotes_and_their_marks():
    pdf, word = both("A_80_600")
    assert [(f.marker, f.text[:40]) for f in word.footnotes] == [
        ("", "Note: The following abbreviations are us"),  # set above mark 1, unmarked
        ("1", "The actual number of posts and positions"),
        ("2", "The results-based budgeting outputs are "),
        ("3", "For missions that utilized less than 90 "),
        ("4", "Resource variance amounts are expressed "),
    ]
    # the unmarked note stands alone under the rule on its page of the PDF
    assert [(f.marker, squash(f.text)) for f in word.footnotes] == \
           [(f.marker, squash(f.text)) for f in pdf.footnotes]
    refs = {s.title: s.footnote_refs for s in word.sections if s.footnote_refs}
    assert refs == {"Human resources": ["1"], "Results-based budgeting frameworks": ["2"],
                    "Analysis of variances": ["4"]}
    assert word.paragraph("47").footnote_refs == ["3"]


def test_summary_box_reads_as_the_pdf_summary():
    """The Word summary is a one-column table (a box): read as text, not as a data table."""
    pdf, word = both("A_80_600")
    assert (word.sections[0].title, pdf.sections[0].title) == ("Summary", "Summary")
    summary = [p.text for p in word.paragraphs if p.section == 0 and not p.number]
    assert [t[:45] for t in summary[:3]] == [
        "The present report contains the budget perfor",
        "During the 2024/25 period, the Mission contin",
        "During the 2026/27 period, MINURSO will conti"]
    assert [squash(t) for t in summary[:6]] == \
           [squash(p.text) for p in pdf.paragraphs if p.section == 0 and not p.number][:6]


def test_contents_read_as_printed():
    """The Word contents are a table whose title cells end in a dot-leader tab and whose
    page numbers sit in the next cell: read as the printed lines, as in the PDF."""
    pdf, word = both("A_80_600")
    assert word.contents[:3] == ["Contents", "I. Mandate, results achieved and planned outcome",
                                 "A. Mandate"]
    assert word.contents[-3:] == ["Annex", "Organization charts", "Map"]
    assert [squash(t) for t in word.contents[:18]] == [squash(t) for t in pdf.contents[:18]]
