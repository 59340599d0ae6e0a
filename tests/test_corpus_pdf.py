"""The issue's bars on the real English PDFs, at the level of the document model: every
numbered paragraph, the masthead, footnotes apart and complete, no page furniture in the
body."""
from __future__ import annotations

import re

import pytest

from corpus import read

EXPECTED = {
    "E_2025_15": dict(
        last=85, symbol="E/2025/15", organ="Economic and Social Council", date="2025-05-16",
        session="2025 session", agenda_item="16", job_number="25-07795",
        title="Regional cooperation in the economic, social and related fields",
        report_of="Secretary-General", footnotes=["*", "1", "2"]),
    "E_CN.6_2025_4": dict(
        last=33, symbol="E/CN.6/2025/4", organ="Economic and Social Council; Commission on the Status of Women", date="2024-12-16",
        session="Sixty-ninth session", agenda_item="3(c)", job_number="24-23868",
        title="Proposals on the Commission’s priority and review themes for 2026 and beyond",
        report_of="Secretary-General", footnotes=["*"] + [str(n) for n in range(1, 9)]),
    "A_HRC_59_60": dict(
        last=64, symbol="A/HRC/59/60", organ="General Assembly; Human Rights Council", date="2025-04-22",
        session="Fifty-ninth session", agenda_item="5", job_number="GE.25-05795",
        title="Thirteenth session of the Forum on Business and Human Rights",
        report_of="Working Group on the issue of human rights and transnational corporations "
                  "and other business enterprises",
        footnotes=[str(n) for n in range(1, 8)]),
}
# job numbers (alone or in "2/18 25-07795" footers) and barcodes
FURNITURE = re.compile(r"\b(?:GE\.)?\d{2}-\d{5}\b|\*\d{7,8}\*")


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request, en_samples):
    return read(en_samples / f"{request.param}.en.pdf"), EXPECTED[request.param]


def test_every_numbered_paragraph(case):
    doc, want = case
    assert [p.number for p in doc.paragraphs if p.number] == [str(n) for n in range(1, want["last"] + 1)]


def test_masthead(case):
    doc, want = case
    m = doc.metadata
    got = {k: getattr(m, k) for k in ("symbol", "organ", "date", "session", "agenda_item",
                                      "job_number", "title", "report_of")}
    assert got == {k: want[k] for k in got}
    assert (m.lang, m.original_language, m.symbols) == ("en", "en", [want["symbol"]])


def test_footnotes_apart_and_complete(case):
    doc, want = case
    assert [f.marker for f in doc.footnotes] == want["footnotes"]
    referenced = [r for p in doc.paragraphs for r in p.footnote_refs] + \
                 [r for s in doc.sections for r in s.footnote_refs]
    assert sorted(set(referenced), key=lambda m: (m != "*", int(m) if m.isdigit() else 0)) == \
           [m for m in want["footnotes"] if m != "*"]
    for note in doc.footnotes:  # no footnote text leaked into the body
        assert not any(note.text[:40] in p.text for p in doc.paragraphs)


def test_no_furniture_in_the_body(case):
    doc, want = case
    texts = [p.text for p in doc.paragraphs] + [s.title for s in doc.sections]
    assert [t for t in texts if FURNITURE.search(t) or want["symbol"] in t] == []


def test_pages_and_specific_paragraphs(en_samples):
    doc = read(en_samples / "E_2025_15.en.pdf")
    assert doc.pages == 18
    p2 = doc.paragraph("2")
    assert p2.page == 3 and p2.text.startswith("Notable strides have been made towards")
    assert "progress is on track for 7 per cent of measurable Sustainable Development Goal targets" in p2.text
    assert doc.sections[p2.section].title == "Economic Commission for Africa region"
    e = read(en_samples / "E_CN.6_2025_4.en.pdf")
    assert e.paragraph("9").footnote_refs == ["1", "2", "3", "4"]
    assert e.footnotes[0].text == "E/CN.6/2025/1."
