"""Recommendation units: lettered sub-paragraphs or whole paragraphs of the recommendations
section, with chapeau, addressee and leading verb; conclusions that ask nothing drop out."""
from __future__ import annotations

import corpus
from corpus.model import Document, Metadata, Paragraph, Section, Subparagraph
from extract import extract
from extract.records import errors
from tests.builders import SHARED, UPR, shared


def para(number: str, chapeau: str, subs: list[tuple[str, str]], section: int, page: int = 5):
    text, parts = chapeau, []
    for label, body in subs:
        text += " " if text else ""
        parts.append(Subparagraph(label, body, len(text)))
        text += body
    return Paragraph(number, text, section=section, page=page, subparagraphs=parts)


EN = Document(
    source="report.en.pdf", format="pdf", sha256="0", metadata=Metadata(symbol="E/2030/99", lang="en"),
    sections=[Section("I", "Introduction", 1), Section("V", "Conclusions and recommendations", 1)],
    paragraphs=[
        Paragraph("1", "Member States should ensure that this introduction is not a unit.", section=0),
        Paragraph("40", "Progress has been uneven across regions and many gaps remain.", section=1),
        para("41", "The Economic and Social Council may wish to call upon the United Nations system to:",
             [("a", "Ensure that gender equality is mainstreamed in all programmes;"),
              ("b", "Strengthen the collection of data disaggregated by sex and age, "
                    "including at the country level;")], section=1),
        Paragraph("42", "Member States are encouraged to increase funding for gender equality.",
                  section=1, page=6),
    ])

ZH = Document(
    source="report.zh.txt", format="txt", sha256="1", metadata=Metadata(lang="zh"),
    sections=[Section("五", "结论和建议", 1)],
    paragraphs=[
        Paragraph("50", "过去一年取得了进展。", section=0),
        para("51", "鼓励会员国：", [("a", "确保将性别平等观点纳入所有政策；"),
                                  ("b", "加强对妇女组织的支持。")], section=0),
        Paragraph("52", "经济及社会理事会应审查这方面的进展。", section=0),
    ])


def units(doc):
    records = extract(doc, ["recommendation"])
    for r in records:
        assert errors(r) == [], r
    return records


def test_units_english():
    found = units(EN)
    assert [(r["para"], r["sub"]) for r in found] == [("41", "a"), ("41", "b"), ("42", None)]
    a, b, whole = found
    assert a["chapeau"] == b["chapeau"] == ("The Economic and Social Council may wish to call upon "
                                           "the United Nations system to:")
    assert (a["addressee"], a["action"], b["action"]) == ("the United Nations system", "ensure", "strengthen")
    assert b["text"].startswith("Strengthen the collection") and b["text"].endswith("country level;")
    assert (whole["chapeau"], whole["addressee"], whole["action"]) == (None, "Member States", "increase")


def test_units_chinese():
    found = units(ZH)
    assert [(r["para"], r["sub"], r["action"]) for r in found] == [
        ("51", "a", "确保"), ("51", "b", "加强"), ("52", None, "审查")]
    assert found[0]["chapeau"] == "鼓励会员国：" and found[0]["addressee"] == "会员国"
    assert found[2]["addressee"] == "经济及社会理事会"


def test_unit_spanning_a_page_break_is_one_record():
    doc = Document(source="x.pdf", format="pdf", sha256="2", metadata=Metadata(lang="en"),
                   sections=[Section(None, "Recommendations", 1)],
                   paragraphs=[para("9", "The Commission may wish to urge Governments to:",
                                    [("a", "Adopt national action plans and allocate adequate "
                                           "resources to them; and")], section=0, page=7)])
    (unit,) = units(doc)
    assert unit["text"] == "Adopt national action plans and allocate adequate resources to them; and"
    assert (unit["addressee"], unit["action"], unit["page"]) == ("Governments", "adopt", 7)


def test_no_recommendations_section_no_units():
    doc = Document(source="y.pdf", format="pdf", sha256="3", metadata=Metadata(lang="en"),
                   sections=[Section("III", "Next steps", 1)],
                   paragraphs=[Paragraph("85", "The regional commissions will continue to "
                                               "contribute to the Pact for the Future.", section=0)])
    assert units(doc) == []




def test_upr_recommendations_with_their_recommending_states(tmp_path):
    path = tmp_path / "upr.txt"
    path.write_text(UPR, "utf-8")
    doc = corpus.read(path)
    found = units(doc)
    assert [(r["para"], r["sub"], r["recommended_by"], r["addressee"], r["action"])
            for r in found] == [
        ("3", "3.1", "Brazil", "Utopia", "ratify"),
        ("3", "3.2", "Chile, Ecuador", "Utopia", "consider"),
        ("3", "3.3", "Germany", "Utopia", "strengthen")]
    assert found[0]["chapeau"] == ("The following recommendations will be examined by Utopia, "
                                   "which will provide responses in due time:")
    para = doc.paragraph("3")
    for r in found:
        assert para.text[r["span"][0]:r["span"][1]] == r["text"]
    assert found[2]["text"] == ("Strengthen the independence of the national human rights "
                                "institution in line with the Paris Principles (Germany).")


def test_lettered_units_under_numbered_sub_headings_and_across_a_misread_heading():
    """E/HLPF/2025/2 prints its recommendations as (a)-(d) lists under sub-headings "1.
    National strategies" with no lead-in; A/80/271 prints (a)-(j) after a lead-in ending in
    a colon, and the reader takes "(d) Deepen regional integration ..." for a sub-heading."""
    hlpf = units(corpus.read(shared(SHARED / "corpus-dev/en/E_HLPF_2025_2.en.pdf")))
    assert [(r["sub"], r["action"]) for r in hlpf if r["para"] is None] == [
        ("a", "advocate"), ("b", "explore"), ("c", "build"), ("d", "adopt"),
        ("a", "build"), ("b", "recognize"), ("c", "address"), ("d", "address"),
        ("e", "promote"), ("a", "invest"), ("b", "increase"), ("c", "support"),
        ("d", "accept")]
    africa = corpus.read(shared(SHARED / "corpus-dev/en/A_80_271.en.pdf"))
    found = units(africa)
    assert [(r["sub"], r["action"]) for r in found] == [
        ("a", "scale"), ("b", "accelerate"), ("c", "build"), ("d", "deepen"), ("e", "support"),
        ("f", "promote"), ("g", "mobilize"), ("h", "strengthen"), ("i", "ensure"),
        ("j", "secure")]
    assert {r["chapeau"][-48:] for r in found} == {"for consideration by Member States and partners:"}
    assert {r["addressee"] for r in found} == {"Member States"}
    for r in found:  # every unit points at its paragraph, numbered or not
        text = africa.paragraphs[r["para_index"]].text
        assert text[r["span"][0]:r["span"][1]] == r["text"]


def test_reports_of_what_was_done_are_no_units():
    """A/80/23's conclusions list what members "Recalled", "Took into account", "Noted":
    only the lettered units that ask something are recommendations."""
    found = units(corpus.read(shared(SHARED / "corpus-dev/en/A_80_23.en.pdf")))
    assert not any(r["text"].startswith(("Took ", "Recalled ", "Welcomed ")) for r in found)


def test_chinese_units_after_a_lead_in_keep_their_verb():
    """The dump of the 2012 Chinese report: 理事会不妨吁请联合国系统……：(a)……(k), then 79."""
    doc = corpus.read(shared(SHARED / "samples/zh/gender-mainstreaming-2012.zh-dump.txt"))
    found = units(doc)
    assert [(r["para"], r["sub"]) for r in found] == [("78", s) for s in "abcdefghijk"] + [
        ("79", None)]
    assert [r["action"] for r in found[:3]] == ["继续", "促进", "加强"]
    assert {r["addressee"] for r in found[:11]} == {"联合国系统"}
    assert found[0]["chapeau"].endswith("经济及社会理事会不妨吁请联合国系统，包括各专门机构、基金和方案：")
