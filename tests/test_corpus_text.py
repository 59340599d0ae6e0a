"""The text reader and the structurer on the real Chinese sample (a Word-file text dump) and
on English dumps written in UN style."""
from __future__ import annotations

import re

import pytest

from corpus import ReadError, read

HAN_SPACE_HAN = re.compile(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
FURNITURE = re.compile(r"\d{2}-\d{5}|\*\d{7}\*|\b\d+/\d+\b\s*$")


@pytest.fixture(scope="module")
def zh(zh_txt):
    return read(zh_txt)


def test_zh_numbered_paragraphs_are_1_to_28(zh):
    assert [p.number for p in zh.paragraphs if p.number] == [str(n) for n in range(1, 29)]
    # the summary is the one unnumbered paragraph
    assert [p.text[:6] for p in zh.paragraphs if not p.number] == ["本报告回顾了"]


def test_zh_masthead(zh):
    m = zh.metadata
    assert (m.lang, m.date, m.agenda_item, m.original_language) == ("zh", "2011-12-09", "3(c)", "en")
    assert m.organ == "大会; 经济及社会理事会; 人权理事会; 妇女地位委员会"
    assert m.session == "第十九届会议; 第五十六届会议"
    assert m.title == "联合国促进性别平等和增强妇女权能署与联合国人权事务高级专员办事处的联合工作计划"
    assert m.report_of == "秘书长"
    # the masthead shows no symbol of its own: E/CN.6/2012/12 is the agenda's footnote
    assert m.symbol is None and m.job_number is None


def test_zh_sections(zh):
    assert [(s.number, s.level) for s in zh.sections] == [
        (None, 1), ("一", 1), ("二", 1), ("A", 2), ("B", 2), ("C", 2), ("D", 2), ("E", 2),
        ("F", 2), ("三", 1), ("四", 1)]
    assert zh.sections[3].title == "机构间机制和举措"
    assert zh.sections[zh.paragraph("21").section].title == "2012年联合工作计划"
    assert zh.paragraph("27").section == 10


def test_zh_footnotes_apart_and_complete(zh):
    assert [(f.marker, f.text) for f in zh.footnotes] == [
        ("*", "E/CN.6/2012/12。"),
        ("1", "联合国，《条约汇编》，第1249卷，第20378号。"),
        ("2", "联合国出版物，出售品编号：E.10.III.B.32。"),
        ("3", "联合国，《条约汇编》，第2131卷，第20378号。"),
        ("4", "联合国出版物，出售品编号：E. 10. IV. 2。"),
        ("5", "联合国出版物，出售品编号：E. 10. IV. 13。"),
    ]
    refs = {p.number: p.footnote_refs for p in zh.paragraphs if p.footnote_refs}
    assert refs == {"7": ["1"], "13": ["2"], "15": ["3"], "20": ["4", "5"]}
    assert not any("联合国出版物" in p.text for p in zh.paragraphs)


def test_zh_text_is_clean(zh):
    texts = [p.text for p in zh.paragraphs] + [f.text for f in zh.footnotes]
    assert not [t for t in texts if HAN_SPACE_HAN.search(t)]
    assert not [t for t in texts if re.search("[⁰¹²³⁴⁵⁶⁷⁸⁹\ue000\ue001]", t)]
    # a page break in the middle of a word: 妇女人 | 权
    assert "促进妇女人权和性别平等。两个实体还是打击贩运人口" in zh.paragraph("4").text
    # paragraph 22 runs on after footnotes 4 and 5 of the previous page
    assert "将性别平等观点进一步纳入其工作主流。妇女署将特别继续" in zh.paragraph("22").text
    assert zh.paragraph("20").text.endswith("《暴力侵害妇女问题立法手册》和《暴力侵害妇女问题立法手册补编：对妇女不利的有害做法》。")
    # digits and Latin letters are joined to Han characters without spaces, consistently
    assert "1994年3月18日第38/2号决议(见E/1994/27,第一章C节)" in zh.paragraph("1").text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-8-sig"])
def test_zh_encodings_read_alike(zh, zh_txt, tmp_path, codec):
    data = zh_txt.read_text(encoding="utf-8").encode(codec)
    path = tmp_path / f"sample.{codec}.txt"
    path.write_bytes(data)
    doc = read(path)
    assert [(p.number, p.text) for p in doc.paragraphs] == [(p.number, p.text) for p in zh.paragraphs]
    assert doc.metadata == zh.metadata


EN_DUMP = """United Nations                                   A/79/123
General Assembly                                 Distr.: General
                                                 14 March 2025

                                                 Original: English

Seventy-ninth session
Item 28 (a) of the preliminary list*
Advancement of women

Improvement of the situation of women and girls in rural
areas
Report of the Secretary-General

Summary
The present report is submitted pursuant to General Assembly
resolution 78/172.

__________________
* A/79/50.

25-04321 (E)   170325
*2504321*

I. Introduction
1.   In its resolution 78/172, the General Assembly requested the Secretary-
General to submit a report on the implementation of the resolution. The
present report draws on contributions from 23 Member States and 14 entities of
the United Nations system.1
2.   Rural women account for over 40 per cent of the agricultural labour force
in developing countries and for 60 per cent in some least developed

__________________
1 Contributions are available from the website of the Department of Economic
  and Social Affairs.

A/79/123
2/12   25-04321
countries. Their access to land, credit and extension services remains
limited.2 In 2024, only 14 per cent of landholders were women.
II. Conclusions and recommendations
3.   The General Assembly may wish to call upon Member States to:
(a) Ensure that rural women have equal access to land, credit and
decent work;
(b) Strengthen the collection of sex-disaggregated data on cross-
border trade.

__________________
2 See E/CN.6/2024/3, para. 12.

25-04321  3/12
"""


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    path = tmp_path_factory.mktemp("en") / "A_79_123.txt"
    path.write_text(EN_DUMP, encoding="utf-8")
    return read(path)


def test_en_dump_masthead(en):
    m = en.metadata
    assert (m.symbol, m.symbols, m.organ, m.date, m.original_language) == (
        "A/79/123", ["A/79/123"], "General Assembly", "2025-03-14", "en")
    assert (m.session, m.agenda_item, m.job_number, m.report_of) == (
        "Seventy-ninth session", "28(a)", "25-04321", "Secretary-General")
    assert m.title == "Improvement of the situation of women and girls in rural areas"


def test_en_dump_structure(en):
    assert [p.number for p in en.paragraphs] == [None, "1", "2", "3"]
    assert en.paragraphs[0].text == ("The present report is submitted pursuant to General "
                                     "Assembly resolution 78/172.")
    p1 = en.paragraph("1")
    assert p1.text.startswith("In its resolution 78/172, the General Assembly requested the "
                              "Secretary-General to submit")
    assert p1.text.endswith("entities of the United Nations system.") and p1.footnote_refs == ["1"]
    p2 = en.paragraph("2")  # runs across the page break, past footnote 1 and the furniture
    assert p2.text == ("Rural women account for over 40 per cent of the agricultural labour force "
                       "in developing countries and for 60 per cent in some least developed "
                       "countries. Their access to land, credit and extension services remains "
                       "limited. In 2024, only 14 per cent of landholders were women.")
    assert p2.footnote_refs == ["2"] and p2.page is None


def test_en_dump_subparagraphs_and_footnotes(en):
    p3 = en.paragraph("3")
    assert [(s.label, s.text) for s in p3.subparagraphs] == [
        ("a", "Ensure that rural women have equal access to land, credit and decent work;"),
        ("b", "Strengthen the collection of sex-disaggregated data on cross-border trade."),
    ]
    for s in p3.subparagraphs:
        assert p3.text[s.offset:s.offset + len(s.text)] == s.text
        assert p3.sub_at(s.offset + 3) == s.label
    assert p3.sub_at(0) is None
    assert [(s.number, s.title) for s in en.sections] == [
        (None, "Summary"), ("I", "Introduction"), ("II", "Conclusions and recommendations")]
    assert [(f.marker, f.text) for f in en.footnotes] == [
        ("*", "A/79/50."),
        ("1", "Contributions are available from the website of the Department of Economic "
              "and Social Affairs."),
        ("2", "See E/CN.6/2024/3, para. 12."),
    ]
    body = " ".join(p.text for p in en.paragraphs)
    assert not FURNITURE.search(body) and "A/79/123" not in body


def test_clean_paragraph_per_line_text(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("1. The Commission on the Status of Women met in March.\n"
                    "2. It adopted agreed conclusions.\n"
                    "(a) on rural women;\n(b) on data.\n", encoding="utf-8")
    doc = read(path)
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        ("1", "The Commission on the Status of Women met in March."),
        ("2", "It adopted agreed conclusions. (a) on rural women; (b) on data.")]
    assert [s.label for s in doc.paragraph("2").subparagraphs] == ["a", "b"]


def test_unknown_language_is_a_clear_error(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text("1. Le présent rapport est soumis en application de la résolution "
                    "78/172 de l'Assemblée générale, qui prie le Secrétaire général.\n", "utf-8")
    with pytest.raises(ReadError, match=r"rapport\.txt: written in French \(fr\)"):
        read(path)


def test_undecodable_text_is_a_clear_error(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 40)
    with pytest.raises(ReadError, match=r"noise\.txt: cannot decode"):
        read(path)


@pytest.mark.parametrize("name,data,cause", [
    ("empty.txt", b"", "empty file"),
    ("report.rtf", b"{\\rtf1}", "unsupported file type '.rtf'"),
    ("fake.pdf", b"PK\x03\x04 not a pdf", "not a PDF"),
    ("fake.docx", b"%PDF-1.7 not a docx", "not a DOCX"),
])
def test_wrong_files_are_named_with_their_cause(tmp_path, name, data, cause):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read(path)
    assert name in str(err.value) and cause in err.value.cause


def test_plain_marker_before_a_year_and_alone_on_a_line(tmp_path):
    """A text layer reads a superscript marker as a plain digit: ``妇女。4 2019 年``. It is a
    reference only because footnote 4 exists; ``87 个`` stays a number."""
    path = tmp_path / "dump.zh.txt"
    path.write_text("1. 妇女署为87 个国家提供了支持，惠及妇女。4 2019 年，支持扩大到\n"
                    "更多国家。\n2. 高级专员办事处参与了审查\n5\n并提出了建议。\n"
                    "__________________\n4 见 A/74/1。\n5 见 E/2019/2。\n", encoding="utf-8")
    doc = read(path)
    assert [(p.number, p.text, p.footnote_refs) for p in doc.paragraphs] == [
        ("1", "妇女署为87个国家提供了支持，惠及妇女。2019年，支持扩大到更多国家。", ["4"]),
        ("2", "高级专员办事处参与了审查并提出了建议。", ["5"]),
    ]
    assert [(f.marker, f.text) for f in doc.footnotes] == [("4", "见A/74/1。"), ("5", "见E/2019/2。")]
