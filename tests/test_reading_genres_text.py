"""Kinds of UN document other than the report, written here in UN style as text (the form a
dump or a copy gives): a Chinese joint letter, a letter with its annex, a note verbale, and
a report's unnumbered heading over paragraph 1, in both languages. The same kinds as PDFs
and Word files: ``tests/test_reading_resolutions.py``, ``tests/test_reading_corpus.py``."""
from __future__ import annotations

import pytest

from corpus import read


ZH_JOINT_LETTER = """\
联 合 国                                                        A/80/123–S/2025/456
大    会                                                        Distr.: General
安全理事会                                                      3 March 2025
                                                                Chinese
                                                                Original: English

大会
第八十届会议
议程项目 35
长期冲突地区局势

安全理事会
第八十年

          2025年2月28日某国常驻联合国代表给秘书长的信

    谨随函转递2025年2月27日某国外交部发表的声明（见附件）。

    请将本函及其附件作为大会议程项目35下的文件和安全理事会的文件分发为荷。

                                                    常驻代表
                                                    大使
                                                    （签名）某某

25-03456 (C)    050325    060325
*2503456*
"""


def test_a_chinese_joint_letter_names_both_organs_and_their_sessions(tmp_path):
    path = tmp_path / "A_80_123.zh.txt"
    path.write_text(ZH_JOINT_LETTER, encoding="utf-8")
    doc = read(path)
    m = doc.metadata
    assert (m.symbols, m.organ, m.session) == (["A/80/123", "S/2025/456"], "大会; 安全理事会",
                                               "第八十届会议; 第八十年")
    assert (m.agenda_item, m.date, m.job_number, m.title) == (
        "35", "2025-03-03", "25-03456", "2025年2月28日某国常驻联合国代表给秘书长的信")
    assert [p.text for p in doc.paragraphs] == [
        "谨随函转递2025年2月27日某国外交部发表的声明（见附件）。",
        "请将本函及其附件作为大会议程项目35下的文件和安全理事会的文件分发为荷。",
        "常驻代表大使（签名）某某"]
    assert doc.warnings == []


INTRODUCED = {
    "en": ("Improvement of the situation of women in rural areas", "Report of the Secretary-General",
           "Addendum", "Introduction", "Background",
           "The present report is submitted pursuant to General Assembly resolution 78/160.",
           "Rural women play a critical role in food security."),
    "zh": ("改善农村地区妇女状况", "秘书长的报告", "增编", "导言", "背景",
           "本报告是根据大会第78/160号决议提交的。", "农村妇女在粮食安全方面发挥关键作用。"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unnumbered_heading_over_paragraph_1_heads_the_body(tmp_path, lang):
    """"Introduction" between the report's title and paragraph 1 was front matter; the
    "Addendum" beside the title stays there."""
    title, report, issue, first, second, one, two = INTRODUCED[lang]
    session, item = (("Eightieth session", "Agenda item 28") if lang == "en"
                     else ("第八十届会议", "议程项目 28"))
    path = tmp_path / f"A_80_300_Add.1.{lang}.txt"
    path.write_text(f"""United Nations                                        A/80/300/Add.1
General Assembly                                      Distr.: General
                                                      20 July 2025
                                                      Original: English

{session}
{item}

          {title}

          {report}

          {issue}

{first}

     1.   {one}

{second}

     2.   {two}
""", encoding="utf-8")
    doc = read(path)
    assert doc.metadata.title == title
    assert [s.title for s in doc.sections] == [first, second]
    assert [(p.number, p.text) for p in doc.paragraphs] == [("1", one), ("2", two)]
    assert doc.front[-2:] == [report, issue]


ZH_LETTER_WITH_ANNEX = """\
联 合 国                                                        A/80/301
大    会                                                        Distr.: General
                                                                20 July 2025
                                                                Chinese
                                                                Original: Chinese

第八十届会议
议程项目 28
提高妇女地位

          2025年7月1日中国常驻联合国代表给秘书长的信

     谨转递关于中国促进性别平等工作的报告（见附件）。

                                                    常驻代表
                                                    （签名）某某

2025年7月1日中国常驻联合国代表给秘书长的信的附件

          中国促进性别平等的进展

一、法律和政策框架

     中国不断完善保障妇女权益的法律体系。

（一）修订《妇女权益保障法》

     2022年修订的《妇女权益保障法》进一步明确了各方责任。

（二）制定国家规划

     国务院印发了《中国妇女发展纲要（2021－2030年）》。

二、经济赋权

     中国妇女就业人数达到3.2亿。
"""


def test_a_chinese_letters_annex_heads_its_own_chapters(tmp_path):
    """The annex's title after the signature, its chapters "一、" and their sections "（一）"
    (a State's submission, set as Chinese government texts are)."""
    path = tmp_path / "A_80_301.zh.txt"
    path.write_text(ZH_LETTER_WITH_ANNEX, encoding="utf-8")
    doc = read(path)
    assert doc.metadata.title == "2025年7月1日中国常驻联合国代表给秘书长的信"
    assert [(s.number, s.level, s.title) for s in doc.sections] == [
        (None, 1, "2025年7月1日中国常驻联合国代表给秘书长的信的附件"),
        (None, 3, "中国促进性别平等的进展"), ("一", 1, "法律和政策框架"),
        ("一", 2, "修订《妇女权益保障法》"), ("二", 2, "制定国家规划"), ("二", 1, "经济赋权")]
    assert [p.text for p in doc.paragraphs][:3] == [
        "谨转递关于中国促进性别平等工作的报告（见附件）。", "常驻代表（签名）某某",
        "中国不断完善保障妇女权益的法律体系。"]
    assert len(doc.paragraphs) == 6 and doc.warnings == []


ZH_NOTE_VERBALE = """\
联 合 国                                                        A/HRC/59/G/5
大    会                                                        Distr.: General
                                                                10 June 2025
                                                                Chinese
                                                                Original: English

人权理事会
第五十九届会议
2025年6月16日至7月11日
议程项目4
需要理事会注意的人权状况

          2025年6月5日某国常驻联合国日内瓦办事处代表团给人权理事会主席的普通照会

     某国常驻联合国日内瓦办事处和其他国际组织代表团向人权理事会主席致意，并谨转递某国政府对报告的答复（见附件）。*

     某国常驻代表团请将本照会及其附件作为人权理事会第五十九届会议议程项目4下的文件分发为荷。

__________________
     * 附件不译，原文照发。
"""


def test_a_chinese_note_verbale_is_read_as_its_two_paragraphs(tmp_path):
    """Its first paragraph ends with a note's marker ("……（见附件）。*"): no heading for
    that; its last names an agenda item in a sentence: no masthead line for that."""
    path = tmp_path / "A_HRC_59_G_5.zh.txt"
    path.write_text(ZH_NOTE_VERBALE, encoding="utf-8")
    doc = read(path)
    m = doc.metadata
    assert (m.organ, m.session, m.agenda_item) == ("大会; 人权理事会", "第五十九届会议", "4")
    assert m.title == "2025年6月5日某国常驻联合国日内瓦办事处代表团给人权理事会主席的普通照会"
    assert [(p.text[:12], p.footnote_refs) for p in doc.paragraphs] == [
        ("某国常驻联合国日内瓦办事", ["*"]), ("某国常驻代表团请将本照会", [])]
    assert [(f.marker, f.text) for f in doc.footnotes] == [("*", "附件不译，原文照发。")]
    assert doc.sections == [] and doc.warnings == []


ZH_COUNCIL_RESOLUTION = """\
联 合 国                                                        S/RES/2774 (2025)
安全理事会                                                      Distr.: General
                                                                5 March 2025

第2774(2025)号决议

2025年3月5日安全理事会第9876次会议通过

     安全理事会，

     回顾其以往关于某地局势的所有决议和主席声明，

     重申对某国主权、独立、统一和领土完整的坚定承诺，

     1.   决定将特派团的任务期限延长至2026年3月31日；

     2.   请秘书长每90天报告一次本决议的执行情况；

     3.   决定继续积极处理此案。
"""


def test_a_chinese_council_resolution_names_itself(tmp_path):
    path = tmp_path / "S_RES_2774_2025.zh.txt"
    path.write_text(ZH_COUNCIL_RESOLUTION, encoding="utf-8")
    doc = read(path)
    m = doc.metadata
    assert (m.symbol, m.organ, m.date, m.title) == (
        "S/RES/2774 (2025)", "安全理事会", "2025-03-05", "第2774(2025)号决议")
    assert [(p.number, p.text[:8]) for p in doc.paragraphs] == [
        (None, "安全理事会，"), (None, "回顾其以往关于某"), (None, "重申对某国主权、"),
        ("1", "决定将特派团的任"), ("2", "请秘书长每90天"), ("3", "决定继续积极处理")]
    assert doc.warnings == []
