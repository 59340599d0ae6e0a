"""Exact readings of real documents of each kind in the development corpus (read where they
are, in ../shared/corpus-dev/), and of the brief's Chinese text dump: a letter, a resolution,
a budget report with tables, a report with charts, files that are no English or Chinese
document, and the reading report. The development-corpus benchmark
(``benchmarks/reading_bench.py``) measures the same properties on every document."""
from __future__ import annotations

import pytest

from corpus import ReadError, read
from corpus.quality import unplaced, words
from tests.builders import SHARED, UPR, shared

DEV = SHARED / "corpus-dev"


@pytest.fixture(scope="module")
def dev():
    return shared(DEV)


def test_a_letter_is_read_as_unnumbered_paragraphs_under_its_title(dev):
    doc = read(dev / "en" / "A_ES-10_1029.en.pdf")
    m = doc.metadata
    assert (m.symbol, m.symbols) == ("A/ES-10/1029-S/2025/210", ["A/ES-10/1029", "S/2025/210"])
    assert (m.organ, m.session) == ("General Assembly; Security Council",
                                    "Tenth emergency special session; Eightieth year")
    assert (m.agenda_item, m.date, m.job_number) == ("5", "2025-04-07", "25-05600")
    assert m.title.startswith("Identical letters dated 4 April 2025 from the Permanent Observer "
                              "of the State of Palestine")
    assert len(doc.paragraphs) == 35
    assert {p.number for p in doc.paragraphs} == {None}
    assert doc.paragraphs[0].text.startswith("The apocalyptic devastation in Gaza")
    assert [p.text[:11] for p in doc.paragraphs[5:8]] == ["28 March: 1", "29 March: 6", "30 March: 1"]
    assert doc.paragraphs[-1].text.endswith("(Signed) Riyad Mansour Minister Permanent Observer")
    assert doc.warnings == []


def test_a_resolution_keeps_its_preamble_and_operative_paragraphs(dev):
    doc = read(dev / "en" / "S_RES_2774 (2025).en.pdf")
    assert (doc.metadata.symbol, doc.metadata.title) == ("S/RES/2774 (2025)", "Resolution 2774 (2025)")
    assert [(p.number, p.text[:24]) for p in doc.paragraphs] == [
        (None, "The Security Council,"), (None, "Mourning the tragic loss"),
        (None, "Reiterating that the pri"), ("1", "Implores a swift end to ")]


def test_a_budget_report_has_its_tables_apart_from_its_paragraphs(dev):
    doc = read(dev / "twins" / "A_80_634.pdf")
    numbers = [p.number for p in doc.paragraphs if p.number]
    assert numbers == [str(n) for n in range(1, 120)]
    assert doc.paragraph("1").text.startswith("The mandate of the United Nations Interim Force in "
                                              "Lebanon (UNIFIL) was establis")
    assert len(doc.tables) == 44
    # tables of words under an italic header row of two cells: the results-based budgeting
    # framework, the variance of each line item, the follow-up to the Assembly's decisions
    # (20 tables in all before, and 87 headings for the 39 now)
    assert [(t.page, t.rows[0]) for t in doc.tables if t.page in (21, 31)][:4] == [
        (21, ["Expected accomplishments", "Indicators of achievement"]),
        (21, ["Expected accomplishments", "Indicators of achievement"]),
        (31, ["2024/25 variance", "2026/27 variance"]),
        (31, ["2024/25 variance", "2026/27 variance"])]
    assert doc.tables[29].rows[1] == ["General temporary assistance", "($422.6)", "(79.8%)",
                                      "$2 200.4", "298.0%"]
    follow_up = next(t for t in doc.tables if t.page == 35)
    assert follow_up.caption == "Cross-cutting issues (Resolution 76/274)"
    assert follow_up.rows[:2] == [
        ["Decision/request", "Action taken to implement decision/request"],
        ["Requests the Secretary-General to improve", "As at 31 December 2025, 12 of the 13"]]
    assert len(doc.sections) == 39
    # a line item under one period's "2026/27 variance" is a table too
    assert next(t.rows for t in doc.tables if t.page == 34) == [
        ["2026/27 variance"], ["Quick-impact projects", "($650.0)", "(65.0%)"]]
    # a line of the second column alone stands in the second column; the next component's
    # framework, under its own header row, is the next table
    first = next(t for t in doc.tables if t.page == 21)
    assert (len(first.rows), first.rows[4]) == (7, [
        "", "1.3.2 UNIFIL has completed all required drawdown actions, including the safe "
            "transfer of assets to designated entities and the accountable, timely repatriation "
            "of contingents and contingent-owned equipment, with no significant incidents "
            "reported"])
    first = doc.tables[0]
    assert (first.page, first.caption, first.header_rows) == (
        4, "(Thousands of United States dollars; budget year is from 1 July to 30 June)", 4)
    assert first.rows[4] == ["Military and police personnel", "350 857.2", "336 134.4", "14 722.8",
                             "4.2", "350 947.3", "259 142.9", "(91 804.4)", "(26.2)"]
    assert not any("350 857.2" in p.text for p in doc.paragraphs)
    # the table of contents is kept apart, never as headings with dot leaders
    assert doc.contents[:3] == ["Contents", "I. Mandate, results achieved and planned outcome",
                                "A. Mandate"]
    assert not any("...." in s.title for s in doc.sections)


def test_chart_tick_labels_stay_in_their_figure(dev):
    doc = read(dev / "en" / "S_2025_460.en.pdf")
    assert [f.number for f in doc.figures] == ["Figure I", "Figure II", "Figure III", None]
    third = doc.figures[2]
    assert third.page == 7
    assert third.caption.startswith("Caches of weapons identified by the United Nations Interim Force")
    assert third.labels[:7] == ["300", "250", "200", "150", "100", "50", "0"]
    assert third.notes == ["Source: UNIFIL."]
    assert [p.number for p in doc.paragraphs if p.number and p.page == 7] == ["26", "27", "28", "29"]
    assert not any(p.text.startswith(("300", "250")) or " 300 250 " in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("name, cause", [
    ("A_78_1.en.pdf", "ODS placeholder page: the document does not exist in the Official "
                      "Document System"),
    ("A_78_354.en.pdf", "written in Spanish (es): Rapporteur reads Chinese and English documents"),
    ("S_2024_216.en.pdf", "written in Russian (ru): Rapporteur reads Chinese and English documents"),
])
def test_what_is_no_english_or_chinese_document_is_named(dev, name, cause):
    with pytest.raises(ReadError) as err:
        read(dev / "en" / name)
    assert err.value.cause.startswith(cause)


def test_every_word_of_a_page_is_placed_in_the_model(dev):
    import pypdfium2

    path = dev / "twins" / "A_80_634.pdf"
    doc = read(path)
    pdf = pypdfium2.PdfDocument(str(path))
    pages = {i + 1: pdf[i].get_textpage().get_text_range().splitlines() for i in range(len(pdf))}
    assert unplaced(pages, doc) == []
    lost = "zorblat quenvix armidel tovrast pellique nardox vimbrel oskavat trenlow gurdis"
    pages[7] = pages[7] + [lost]
    total = sum(len(words(t)) for t in pages[7])
    assert unplaced(pages, doc, min_words=5, share=0.01) == [(7, 10, total)]


def test_the_chinese_text_dump_reads_as_the_report_it_is():
    path = shared(SHARED / "samples" / "zh" / "gender-mainstreaming-2012.zh-dump.txt")
    doc = read(path)
    m = doc.metadata
    assert (m.session, m.agenda_item, m.report_of) == ("2012年实质性会议", "7(d)", "秘书长")
    assert m.title == "将性别平等观点纳入联合国系统所有政策和方案的主流"
    assert [p.number for p in doc.paragraphs if p.number] == [str(n) for n in range(1, 80)]
    assert [f.marker for f in doc.footnotes] == ["*", "1", "2", "3", "4", "5"]
    assert doc.footnotes[0].text == "E/2012/100。"
    assert doc.footnotes[3].text == "“加强统一成果管理，以取得更好的发展成果”，联合国发展集团，2010年。"
    refs = {p.number: p.footnote_refs for p in doc.paragraphs if p.footnote_refs}
    assert refs == {"4": ["1", "2"], "5": ["3", "4"], "9": ["5"]}
    # footnote text is not inserted into the paragraph it interrupts; the page break joins
    assert doc.paragraph("13").text.endswith(
        "内部监督事务厅对联合国苏丹特派团(见A/65/752)和经济和社会事务部(见E/AC.51/2011/2)进行方案评价时试用评价手册。")
    assert not any("维持和平行动部、政治事务部" in p.text for p in doc.paragraphs)
    assert doc.warnings == []




def test_upr_recommendations_are_sub_units_with_their_recommending_states(tmp_path):
    path = tmp_path / "upr.txt"
    path.write_text(UPR, "utf-8")
    doc = read(path)
    assert doc.metadata.title == "Report of the Working Group on the Universal Periodic Review: Utopia"
    assert doc.metadata.organ == "General Assembly; Human Rights Council"
    subs = doc.paragraph("3").subparagraphs
    assert [(s.label, s.recommended_by) for s in subs] == [
        ("3.1", "Brazil"), ("3.2", "Chile, Ecuador"), ("3.3", "Germany")]
    assert subs[0].text == "Ratify the Optional Protocol to the Convention against Torture (Brazil);"
    assert doc.paragraph("4").subparagraphs == []


def test_a_box_keeps_its_paragraphs_out_of_the_numbered_flow(dev):
    doc = read(dev / "en" / "DP_OPS_2025_6.en.pdf")
    assert [(b.number, b.page) for b in doc.boxes] == [
        ("Box 1", 5), ("Box 2", 6), ("Box 3", 7), ("Box 4", 9), ("Box 5", 13)]
    first = doc.boxes[0]
    assert first.title == "Examples of projects accelerating sustainable development"
    assert first.paragraphs[0] == "External evaluation"
    assert first.paragraphs[1].startswith("Global nature for development. This UNDP programme")
    assert not any("Itaipú" in p.text for p in doc.paragraphs)  # Paraguay, in box 1
    assert doc.paragraph("18").text.startswith("Small island developing States resilience")


def test_an_english_pdftotext_dump_reads_as_its_pdf(tmp_path):
    """The form a user gets from `pdftotext`: no blank line between paragraphs, markers set
    apart ("is rising. 2 The region"), each note under its rule as a marker alone, then the
    page's footer, then the note's text."""
    import shutil
    import subprocess

    pdf = shared(SHARED / "samples" / "en" / "E_2025_15.en.pdf")
    assert shutil.which("pdftotext"), "pdftotext is required: .ci/run installs poppler-utils"
    dump = tmp_path / "E_2025_15.txt"
    subprocess.run(["pdftotext", str(pdf), str(dump)], check=True)
    doc, original = read(dump), read(pdf)
    assert doc.metadata == original.metadata
    assert [p.number for p in doc.paragraphs if p.number] == [str(n) for n in range(1, 86)]
    assert [(f.marker, f.text[:40]) for f in doc.footnotes] == [
        ("*", "The present report was submitted to the "),
        ("1", "See www.unescwa.org/publications/debt-fi"),
        ("2", "Inequality in the Arab region: Crisis up")]
    assert doc.paragraph("36").footnote_refs == ["2"]
    # a sub-heading alone on its line stays a heading, not the tail of paragraph 2
    assert doc.paragraph("2").text.endswith("job creation, education and health systems.")
    assert "Economic and Social Commission for Asia and the Pacific region" in [
        s.title for s in doc.sections]


def test_an_ocr_layer_over_a_scan_is_named_in_the_reading_report(dev):
    doc = read(dev / "en" / "E_CN.4_109.en.pdf")  # a 1948 document, scanned and OCR'd
    assert doc.warnings[0] == ("ocr: the text is an OCR layer hidden over scanned pages: words "
                               "may be misread")
    assert not any(w.startswith("ocr") for w in read(dev / "twins" / "A_80_634.pdf").warnings)


def test_tables_figures_and_boxes_round_trip_through_json(dev):
    from corpus.model import Document

    for name in ("twins/A_80_634.pdf", "en/DP_OPS_2025_6.en.pdf", "en/S_2025_460.en.pdf"):
        doc = read(dev / name)
        assert doc.tables or doc.figures or doc.boxes
        assert Document.from_json(doc.to_json()) == doc


def test_a_table_of_words_is_a_table(dev):
    """A table whose columns hold words, not numbers (programme, body, document, comments),
    under an italic header row: its cells keep to columns, and its rows stay out of the
    paragraphs, also those that open with a programme number ("2. Political affairs")."""
    doc = read(dev / "en" / "E_AC.51_2025_4.en.pdf")
    assert [t.page for t in doc.tables] == [1, 2, 3, 3, 4, 5, 6]  # p. 4: one table, not two
    assert doc.tables[0].rows[:2] == [
        ["Programme and subprogramme", "Sectoral, functional or regional body Document", "Comments"],
        ["1. General Assembly and None", "–", "–"]]
    assert doc.tables[2].rows[:2] == [
        ["Programme and subprogramme", "Sectoral, functional or regional body Document", "Comments"],
        ["Subprogramme 5,", "Commission on", "–", "The proposed programme"]]
    assert not any("Commission on Population and" in p.text for p in doc.paragraphs)
    assert [p.number for p in doc.paragraphs if p.number] == ["1", "2"]
    assert doc.warnings == []


def test_a_paragraph_number_typed_without_its_full_stop_is_still_the_next_paragraph(dev):
    doc = read(dev / "en" / "DP_OPS_2025_3.en.pdf")  # "44 With that adjustment ..." in the PDF
    assert [p.number for p in doc.paragraphs if p.number][42:46] == ["43", "44", "45", "46"]
    p44 = next(p for p in doc.paragraphs if p.number == "44")
    assert p44.text.startswith("With that adjustment in timing, the go-live date")
    assert doc.warnings == []


def test_footnote_markers_set_alone_above_their_text(dev):
    """A_80_61 (in fact E/2025/48) sets each marker on a line of its own; a note's wrapped
    line that starts with a number ("22 February 2025]") carries that note on."""
    doc = read(dev / "en" / "A_80_61.en.pdf")
    assert [f.marker for f in doc.footnotes] == [str(n) for n in range(1, 52)]
    notes = {f.marker: f.text for f in doc.footnotes}
    assert notes["17"] == ("UN-Nutrition. n.d. Nutrition Stakeholder and Action Mapping. In: "
                           "UN-Nutrition. Rome. [Cited 22 February 2025]. https://www.unnutrition.org/"
                           "library/tools/nutrition-stakeholder-and-action-mapping")
    assert notes["18"] == ("The eight countries are: Burkina Faso, Burundi, Chad, Côte d’Ivoire, the "
                           "Democratic Republic of the Congo, Madagascar, the Niger and Senegal.")
    assert doc.warnings == []


def test_footers_of_front_matter_and_of_the_1990s_stay_out_of_the_text(dev):
    doc = read(dev / "en" / "A_80_48.en.pdf")  # "GE.25-10053 (E) 300625 010725 iii"
    assert [p.text for p in doc.paragraphs[:2]][1] == "[1 July 2025]"
    assert doc.paragraphs[2].number == "1"
    doc = read(dev / "en" / "A_50_610.en.pdf")  # "95-37106 (E) 011295 /..." then "English" "Page 2"
    assert doc.paragraphs[2].text.endswith(
        "report of the Special Committee on the Situation with regard to the Implementation of "
        "the Declaration on the Granting of Independence to Colonial Countries and Peoples "
        "relating to military activities and arrangements by colonial Powers in Territories "
        "under their administration.")
    assert doc.warnings == []


def test_a_table_keeps_the_footnotes_its_headers_cite(dev):
    doc = read(dev / "en" / "DP_OPS_2025_4.en.pdf")  # "Internal audits²  Project audits³ ..."
    table = next(t for t in doc.tables if t.number == "Table 1.")
    assert table.footnote_refs == ["2", "3", "4"]
    assert table.rows[4] == ["audits audits of total", "audits", "audits", "of total"]
    assert "\ue000" not in str(table.rows)  # the markers are not left in the cells
    assert doc.warnings == []


def test_an_organization_chart_is_a_figure_with_its_lettered_notes(dev):
    doc = read(dev / "twins" / "A_80_628.pdf")  # annex: the boxes of each office, "(8 posts)"
    chart = next(f for f in doc.figures if f.page == 40)
    assert chart.labels[:4] == ["Immediate office of the Assistant", "Secretary-General",
                                "(8 posts)", "1 ASG, 2 P-5, 1 FS, 2 NPO, 2 NGS"]
    assert chart.notes == ["a Establishment.", "b Funded by the United Nations country team."]
    assert not [p for p in doc.paragraphs if "posts)" in p.text and p.page >= 39]
    assert [f.marker for f in doc.footnotes] == ["1", "2", "3", "", "4", "5", "6", "7"]
    assert doc.warnings == []


def test_a_letter_s_annex_title_opens_its_annex_after_the_signature(dev):
    doc = read(dev / "en" / "A_79_794.en.pdf")  # "(Signed) ... Permanent Representative"
    assert doc.paragraphs[2].text == "(Signed) Ahmet Yıldız Permanent Representative"
    assert [(s.title[:40], s.level, s.page) for s in doc.sections] == [
        ("Annex to the letter dated 17 February 20", 1, 2)]
    # "(see enclosure). *": the asterisk set apart after the full stop is the note's mark
    assert doc.paragraphs[3].footnote_refs == ["*"]
    assert doc.warnings == []


def test_a_list_s_asterisk_legend_and_a_title_s_mark_are_paired(dev):
    doc = read(dev / "en" / "UNW_2025_L.3.en.pdf")  # "... (UNW/2025/5)*" then "* Parliamentary ..."
    assert [(f.marker, f.text) for f in doc.footnotes] == [
        ("1", "Note: The present document was processed in its entirety by UN-Women."),
        ("*", "Parliamentary documents for action")]
    assert doc.warnings == []
    doc = read(dev / "en" / "UNW_2025_1.en.pdf")  # the title's mark: "... February 2025¹"
    assert doc.front[-1] == "Report on the first regular session 2025, 10 to 11 February 20251"
    assert doc.warnings == []


def test_a_chart_printed_as_a_picture_is_a_figure_with_its_caption(dev):
    doc = read(dev / "en" / "DP_2025_23.en.pdf")  # "Figure 2" / its title / "(In billions ...)"
    pictures = [(f.number, f.caption) for f in doc.figures if not f.labels]
    assert pictures[1] == ("Figure 2", "Available resources for 2026‑2029 compared to original "
                                       "2022‑2025 plan and latest estimates (In billions of "
                                       "United States dollars)")
    assert not [s for s in doc.sections if s.title.startswith("Figure")]


def test_a_report_in_parts_keeps_its_part_in_the_symbol_and_out_of_the_text(dev):
    doc = read(dev / "en" / "E_2025_34 (Part I).en.pdf")  # running header "E/2025/34 (Part I)"
    assert doc.metadata.symbol == "E/2025/34 (Part I)"
    assert not [p.number for p in doc.paragraphs if "(Part I)" in p.text]
    assert not [s.title for s in doc.sections if s.title.startswith("E/2025/34")]


def test_lettered_notes_where_a_long_table_ends_go_to_the_tables_that_cite_them(dev):
    # A/80/23, annex: the list of participants runs over pages 57-60; its notes "a" and "b"
    # stand under its last rows, and are no longer the tail of the report's last paragraph
    doc = read(dev / "en" / "A_80_23.en.pdf")
    assert [(t.page, t.footnote_refs, t.notes) for t in doc.tables if t.page in (57, 59)] == [
        (57, ["a"], ["a Member of the official delegation of the Special Committee."]),
        (59, ["b"], ["b A dispute exists between the Governments of Argentina and the United "
                     "Kingdom of Great Britain and Northern Ireland concerning sovereignty over "
                     "the Falkland Islands (Malvinas)."])]
    assert doc.paragraphs[-1].text.endswith("throughout their stay in Timor-Leste.")
    assert doc.warnings == []


def test_a_chart_printed_as_a_picture_keeps_its_legend_and_source_out_of_the_paragraphs(dev):
    doc = read(dev / "en" / "E_2025_65.en.pdf")
    figure = next(f for f in doc.figures if f.number == "Figure VI")
    assert (figure.page, figure.caption) == (11, "International finance indicators (1 January "
                                                 "2024 = 100) (Billions of United States dollars)")
    assert figure.labels[:2] == ["(a) Nominal United States dollar index",
                                 "(b) Non-resident portfolio flows to emerging economies"]
    assert {"Debt flows", "Equity flows", "112"} <= set(figure.labels)
    assert len(doc.figures) == 14 and len(doc.tables) == 2
    assert figure.notes == ["Source: United Nations, Department of Economic and Social Affairs, "
                            "based on data from the Institute of International Finance and "
                            "Federal Reserve Economic Data."]
    para = next(p for p in doc.paragraphs if p.number == "24")
    assert para.text.endswith("suggesting reduced investor appetite for riskier assets.")
    assert "Debt flows" not in para.text


def test_picture_charts_keep_their_asterisk_notes_and_the_footnotes_their_titles_cite(dev):
    doc = read(dev / "en" / "DP_FPA_2025_11.en.pdf")
    assert [f.number for f in doc.figures] == [f"Figure {n}" for n in range(1, 22)]
    by_number = {f.number: f for f in doc.figures}
    assert by_number["Figure 12"].notes == [
        "* United Nations and intergovernmental transfer contributions include all funds "
        "received from joint funding mechanisms: joint programmes and multi-donor trust funds, "
        "as well as bilateral transfers from United Nations organizations."]
    assert by_number["Figure 16"].footnote_refs == ["12"]
    assert "*" not in [f.marker for f in doc.footnotes]
    assert doc.warnings == []


def test_the_notes_of_an_organization_chart_printed_as_a_picture_form_a_figure(dev):
    doc = read(dev / "twins" / "A_80_607.pdf")
    assert [(f.number, f.page, f.notes) for f in doc.figures if f.page == 30] == \
        [(None, 30, ["b New post."])]
    assert doc.warnings == []


def test_a_raised_number_in_a_chart_is_a_reference_when_its_footnote_ends_the_page(dev):
    # DP/2025/10 p. 20: "Prohibited conduct¹⁰ 54 88 71" in a chart and table read as one
    doc = read(dev / "en" / "DP_2025_10.en.pdf")
    assert [(f.number, f.footnote_refs) for f in doc.figures if f.page == 20] == \
        [("Figure VII.", ["10"])]
    assert doc.warnings == []


def test_a_footnote_that_explains_asterisks_is_their_note(dev):
    doc = read(dev / "en" / "DP_2025_12.en.pdf")
    assert [f.text for f in doc.footnotes if f.marker == "4"] == [
        "* Indicates the inclusion of regular resources intended for 2023 but received in 2024."]
    assert doc.warnings == []


def test_a_reissued_job_number_is_furniture_and_contents_column_heads_are_no_title(dev):
    # DP/2025/6 prints "24-22528X (E) 231224" and a contents table headed "Chapter ... Page"
    doc = read(dev / "en" / "DP_2025_6.en.pdf")
    assert (doc.metadata.job_number, doc.metadata.title) == (
        "24-22528", "Independent review of the UNDP evaluation policy and Independent "
                    "Evaluation Office response")
    assert doc.contents == ["I. Context and background", "II. Key findings", "III. Conclusions",
                            "IV. Recommendations and Independent Evaluation Office response"]


def test_contents_without_dot_leaders_are_no_headings(dev):
    doc = read(dev / "en" / "DP_OPS_2025_3.en.pdf")
    assert doc.contents[:3] == ["Contents", "I. Introduction", "II. Background"]
    assert [s.title for s in doc.sections[:3]] == ["Summary", "Introduction", "Background"]
    assert doc.sections[1].page == doc.sections[2].page == 3


def test_a_table_of_words_under_a_bold_header_row_is_a_table_not_headings(dev):
    # DP/2025/6: each recommendation's management response is a small table headed
    # "Key action(s) | Time frame | Responsible unit(s) | Tracking"
    doc = read(dev / "en" / "DP_2025_6.en.pdf")
    assert "Key action(s)" not in [s.title for s in doc.sections]
    first = doc.tables[0]
    assert (first.page, first.rows[0]) == (6, ["Key action(s)", "Time frame", "Responsible unit(s)",
                                               "Tracking"])
    assert first.rows[2] == ["Prepare inputs for the revised", "June 2025", "Bureau for Policy and",
                             ""]  # (nothing printed under "Tracking")
    assert first.rows[3] == ["evaluation policy", "", "Programme Support and the IEO", ""]
    assert len(doc.tables) == 9
    # text after a table carries a numbered paragraph on only where its sentence does
    thirty = next(p for p in doc.paragraphs if p.number == "30")
    assert thirty.text.startswith("This chapter outlines the key recommendations")
    assert "Recommendation 2." not in thirty.text  # (recommendation 1, before any table, still is)



def test_a_heading_split_over_two_blocks_is_one_and_an_italic_title_in_a_sentence_is_none(dev):
    doc = read(dev / "en" / "A_80_15 (Part I).en.pdf")
    assert "Presentation of the report of the Secretary-General of UNCTAD to the Conference" in \
        [s.title for s in doc.sections]
    doc = read(dev / "en" / "A_80_48.en.pdf")  # a book's title set in italics, then "edited by"
    assert not any(s.title.startswith("Illustration") for s in doc.sections)
    assert next(p for p in doc.paragraphs if p.number == "45").text.endswith(
        "parcours migratoire: Illustration d’un cas clinique suivi en thérapie "
        "cognitivo-comportementale, edited by Fatima Moussa-Babaci and expected to be published "
        "in December 2025 in France.")


def test_printed_page_numbers_offset_from_the_pdf_and_a_records_dated_header_are_furniture(dev):
    # E/2025/28, an Official Records volume: its 26th page prints "18"
    doc = read(dev / "en" / "E_2025_28.en.pdf")
    assert not [s.title for s in doc.sections if s.title.isdigit()]
    assert not any(p.text.endswith(" 18") for p in doc.paragraphs if p.page == 26)
    assert doc.contents[:2] == ["Contents", "Executive summary"]  # its page "v" is no entry
    # A/79/PV.64: every page's header is "A/79/PV.64 ... 16/04/2025"
    doc = read(dev / "en" / "A_79_PV.64.en.pdf")
    assert "16/04/2025" not in [s.title for s in doc.sections]
    assert not any("16/04/2025" in p.text for p in doc.paragraphs)


def test_values_over_charts_and_kept_page_numbers_are_no_headings(dev):
    doc = read(dev / "en" / "UNW_2025_2.en.pdf")  # "117%", "87%" printed over progress charts
    assert not [s.title for s in doc.sections if s.title.endswith("%")]
    doc = read(dev / "en" / "E_2025_24.en.pdf")  # "5" above "Chapter I" on page 5
    assert "Chapter I" in [s.title for s in doc.sections]
    assert not any(p.text.startswith("5 Chapter I") for p in doc.paragraphs)
    doc = read(dev / "en" / "S_2025_272.en.pdf")  # "III. ... of Bosnia" / "and Herzegovina"
    assert "Developments Related to the State Institutions of Bosnia and Herzegovina" in \
        [s.title for s in doc.sections]
    doc = read(dev / "en" / "E_2025_34 (Part I).en.pdf")  # decisions "2025/1" keep their number
    assert "2025/1" in [s.title for s in doc.sections]


def test_a_tables_wrapped_cells_after_it_do_not_finish_its_lead_in(dev):
    # A/80/600 ¶ 40 "... take into account the following efficiency initiatives:" over a
    # table of words and numbers whose wrapped description cells the table left out
    doc = read(dev / "twins" / "A_80_600.pdf")
    forty = next(p for p in doc.paragraphs if p.number == "40")
    assert forty.text.endswith("take into account the following efficiency initiatives:")


def test_a_records_language_switch_is_part_of_the_speech_not_a_heading(dev):
    doc = read(dev / "en" / "A_79_PV.64.en.pdf")  # "(spoke in English)" alone on its line
    assert not any(s.title.startswith("(spoke in") for s in doc.sections)
    assert any(p.text.endswith("the following formulations: (spoke in English)")
               for p in doc.paragraphs)


def test_a_word_in_italics_between_two_quotations_is_no_heading(dev):
    doc = read(dev / "en" / "S_2025_118.en.pdf")  # an amendment: replace "..." with "..."
    assert doc.sections == []
    assert [p.text for p in doc.paragraphs] == [
        "In preambular paragraph 1, replace:",
        "“Russian Federation-Ukraine conflict” with “conflict around Ukraine”.",
        "In the operative paragraph, replace:",
        "“between Ukraine and the Russian Federation” with “in Ukraine”."]


def test_a_staffing_tables_group_labels_are_its_rows_not_chapters(dev):
    # A/80/600 pp. 11-12: "I. United Nations police", "II. Government-provided personnel" in
    # italics between the rows (and "III. Civilian staff" opening a header line) were read
    # as chapter headings I-III, twice, breaking the report's outline
    doc = read(dev / "twins" / "A_80_600.pdf")
    assert [s.title for s in doc.sections if s.page in (11, 12)] == []
    labels = [r[0] for t in doc.tables if t.page == 11 for r in t.rows]
    assert ["I. United Nations police", "II. Government-provided personnel",
            "III. Civilian staff"] == [x for x in labels if x[:4] in ("I. U", "II. ", "III.")]
    assert [s.number for s in doc.sections if s.level == 1] == [
        None, "I", "II", "III", "IV", "V", None]


def test_a_heading_in_capitals_is_a_heading_however_it_is_set(dev):
    # A/52/613 (1997): "CONSIDERATION OF PROPOSALS", centred in the body type, closed
    # paragraph 10, and the draft resolutions after their capital headings ran into the
    # report's last paragraph
    doc = read(dev / "en" / "A_52_613.en.pdf")
    assert doc.paragraph("10").text.endswith("on 10 October (see A/C.4/52/SR.6).")
    assert [s.title for s in doc.sections if s.title.isupper()][:4] == [
        "INTRODUCTION", "CONSIDERATION OF PROPOSALS",
        "RECOMMENDATIONS OF THE SPECIAL POLITICAL AND DECOLONIZATION COMMITTEE (FOURTH COMMITTEE)",
        "DRAFT RESOLUTION I"]
    assert max(len(p.text) for p in doc.paragraphs) < 3000
    assert doc.warnings == []
