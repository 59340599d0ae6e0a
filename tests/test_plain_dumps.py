"""Plain ``pdftotext`` dumps (no ``-layout``), the form of a PDF's text users most often
have: poppler drops the hyphen at a line's end and joins the two lines ("Under-Secretary" /
"General" printed "Under-SecretaryGeneral"), and on pages without a rule it prints a note
right under the text, with no blank line. The dumps are made at test time from
development-corpus PDFs read where they are; ``benchmarks/dumps_bench.py`` measures the
same on the whole corpus."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from corpus import read
from corpus.readers.text_hyphens import rehyphenate
from tests.builders import SHARED, shared

DEV = SHARED / "corpus-dev" / "en"


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """name -> (the plain dump's text, its reading)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("plain")
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            dump = folder / f"{name}.txt"
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(shared(DEV / f"{name}.en.pdf")),
                            str(dump)], check=True, capture_output=True)
            cache[name] = dump.read_text(encoding="utf-8"), read(dump)
        return cache[name]
    return get


def test_hyphens_dropped_at_line_ends_are_put_back(plain):
    """A/80/159 paragraph 4 reads as its PDF: three times 'Under-Secretary-General', once
    broken at the line's end, which the dump prints 'Under-SecretaryGeneral'."""
    text, doc = plain("A_80_159")
    assert "Under-SecretaryGeneral for Legal Affairs" in text
    assert doc.paragraph("4").text == (
        "Opening remarks were delivered by the Director of the Division for Ocean Affairs and "
        "the Law of the Sea, Vladimír Jareš, on behalf of the Under-Secretary-General for Legal "
        "Affairs and United Nations Legal Counsel, Elinor Hammarskjöld; the Under-Secretary-"
        "General and High Representative for the Least Developed Countries, Landlocked "
        "Developing Countries and Small Island Developing States, Rabab Fatima; and the "
        "Under-Secretary-General for Economic and Social Affairs, Li Junhua.")


def test_a_url_broken_at_its_hyphen_reads_whole(plain):
    """S/2025/303 note 27: a URL broken after 'aux-', printed 'auxtrafiquants'."""
    text, doc = plain("S_2025_303")
    assert "livrees-auxtrafiquants" in text
    assert [f.text for f in doc.footnotes if f.marker == "27"] == [
        "See www.lenouvelliste.com/article/253942/quand-les-frontieres-dhaiti-sont-livrees-aux-"
        "trafiquants-darmes."]


def test_notes_right_under_the_text_without_a_rule(plain):
    """A/79/924: a 116-page report whose pages print no rule; the plain dump sets notes right
    under the text, cited 'Ukraine.4', 'territory. 6', 'Riga. 28,29', 'propaganda 47".' or
    'soldiers 97 in'. All 262 notes and the masthead's asterisk are found, in order."""
    _, doc = plain("A_79_924")
    assert [f.marker for f in doc.footnotes] == ["*"] + [str(n) for n in range(1, 263)]
    notes = {f.marker: f.text for f in doc.footnotes}
    assert notes["7"] == "https://www.riga.lv/lv/jaunums/rigas-dome-uzdod-demontet-padomju-" \
                        "pieminekli-uzvaras-parka"
    assert notes["97"].startswith("Members of the Polish nationalist (anti-Soviet) underground "
                                  "who organized the killing of civilians,")
    assert notes["98"].startswith("https://www.prezydent.pl/aktualnosci/")


def test_a_number_opening_a_line_is_no_note(plain):
    """S/RES/2779 (2025): 'over' / '1 million refugees' under '6.1 million people' is text,
    not note 1 (a decimal point cites no note; a note opens with no lower-case word)."""
    _, doc = plain("S_RES_2779 (2025)")
    assert doc.footnotes == []
    assert any("influx of over 1 million refugees and returnees" in p.text
               for p in doc.paragraphs)


# A page of a plain dump in UN style, its lines wrapped at one width; poppler dropped the
# hyphen of "non-" / "governmental" and printed the two lines as one.
PAGE = """\
1. The Special Rapporteur held consultations with Member States, United Nations
entities, national human rights institutions and non-governmental organizations in
Geneva and New York. She thanks all those who contributed to the report, in particular
the civil society organizations, the regional mechanisms and the representatives of
the States that replied to her questionnaire, and the organizations of persons with
disabilities and older persons, the national human rights institutions and the nongovernmental organizations working in rural areas.
2. The report was prepared in close cooperation with the Office of the High Commissioner
and the Department of Economic and Social Affairs, and was submitted to the Secretary-
General after the deadline for the reasons set out in the annex to the present report.
"""


def test_rehyphenate_puts_the_hyphen_and_the_line_break_back():
    lines = rehyphenate(PAGE).split("\n")
    assert lines[5:8] == [
        "disabilities and older persons, the national human rights institutions and the non-",
        "governmental organizations working in rural areas.",
        "2. The report was prepared in close cooperation with the Office of the High Commissioner"]
    assert lines[:5] + lines[7:] == PAGE.split("\n")[:5] + PAGE.split("\n")[6:]


def test_rehyphenate_restores_a_compound_the_document_prints_with_its_hyphen():
    """A paragraph's last line joined to the one above is not overlong; the compound
    ("Secretary-General" above) tells where the hyphen was."""
    page = PAGE + "3. She submits the present report to the Human Rights Council and to the " \
                  "SecretaryGeneral.\n"
    assert rehyphenate(page).split("\n")[-3:] == [
        "3. She submits the present report to the Human Rights Council and to the Secretary-",
        "General.", ""]


def test_rehyphenate_restores_a_compound_whose_hyphen_became_a_space():
    """S/2025/460 paragraph 27: the dump joins '... the Secretary-' / 'General of Hizbullah
    ...' into one overlong line as 'Secretary General'."""
    lines = PAGE.split("\n")
    page = "\n".join(lines[:5] + lines[6:]) + \
        "3. At the funeral in Beirut on 23 February, the Special Rapporteur met the " \
        "Secretary General of the Council, who announced the most important step.\n"
    assert rehyphenate(page).split("\n")[-3:] == [
        "3. At the funeral in Beirut on 23 February, the Special Rapporteur met the Secretary-",
        "General of the Council, who announced the most important step.", ""]


def test_rehyphenate_leaves_words_layout_and_paragraph_per_line_text_alone():
    """A joined word the document uses elsewhere is a word ("nongovernmental" twice);
    -layout dumps indent lines; text set a paragraph a line is not wrapped at one width."""
    twice = PAGE.replace("non-governmental", "nongovernmental")
    assert rehyphenate(twice) == twice
    indented = "\n".join("      " + line if k % 2 else line
                         for k, line in enumerate(PAGE.split("\n")))
    assert rehyphenate(indented) == indented
    one_a_line = PAGE.replace("\n", " ").replace(" 2. ", "\n2. ")
    assert rehyphenate(one_a_line) == one_a_line


def test_a_heading_on_its_own_line_ends_the_paragraph_above(plain):
    """UNW/2025/2: 'Disability inclusion' between paragraph 50 and an unnumbered paragraph,
    with no blank line in the dump, is a heading, not the tail of paragraph 50."""
    _, doc = plain("UNW_2025_2")
    assert doc.paragraph("50").text == (
        "UN-Women supported individuals, mainly women, in 46 countries to access "
        "gender-responsive legal aid, psychosocial support and other services, including over "
        "17,000 women survivors of violence in the State of Palestine.")
    assert [s.title for s in doc.sections if s.title == "Disability inclusion"] == \
        ["Disability inclusion"]


def test_a_heading_whose_number_is_printed_apart(plain):
    """E/2025/28: '5.' / '' / 'Other matters arising from the international drug control
    treaties' over paragraph 52 is heading 5, not the end of paragraph 51."""
    _, doc = plain("E_2025_28")
    assert doc.paragraph("51").text.endswith("to improve regulatory and distribution systems.")
    assert [(s.number, s.title) for s in doc.sections if s.title.startswith("Other matters")] \
        == [("5", "Other matters arising from the international drug control treaties")]
    assert doc.paragraph("52").text.startswith("The increasing levels of both demand for")


def test_a_stray_marker_beside_the_page_number(plain):
    """A/HRC/EMRIP/2025/2 page 2 (Geneva): '1', the texts of notes 1 and 2, notes 3 and 4,
    then '2' twice: the stray marker of note 2 and the page number."""
    _, doc = plain("A_HRC_EMRIP_2025_2")
    assert [(f.marker, f.text) for f in doc.footnotes[1:3]] == [
        ("1", "A/73/438, para. 72."), ("2", "A/74/277, annex, para. 3.")]


def test_a_page_number_after_front_matter_is_no_marker(plain):
    """E/2025/22 opens with a cover and a contents page, so its printed page numbers run
    ahead of the pages' places in the file; '7' / '8' / '10' / the texts of notes 7 and 8:
    '10' is page 10, not a note."""
    _, doc = plain("E_2025_22")
    notes = {f.marker: f.text for f in doc.footnotes}
    assert (notes["4"], notes["7"], notes["8"]) == \
        ("A/79/292.", "A/HRC/54/53.", "A/79/176 and A/HRC/56/46.")
