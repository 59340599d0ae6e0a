"""Verbatim records of a meeting, in both languages: the meeting's day is the document's
date; the record's first sentence, set in italics ("In the absence of the President, ...",
"上午10时05分开会。"), opens the body; each agenda item taken up ("Agenda item 13
(continued)", "议程项目31") heads the debate under it, apart from the speech that follows.
The English record is real (../shared/corpus-dev/); the Chinese one is written here in the
ODS layout as a text dump."""
from __future__ import annotations

from corpus import read
from tests.builders import SHARED, shared

ZH_RECORD = """\
联 合 国                                                        A/79/PV.64
大    会                                                        正式记录
第七十九届会议
第64次全体会议
2025年4月16日星期三上午10时举行
纽约

主席：   杨先生 ........................................................ （喀麦隆）

          上午10时05分开会。

议程项目 31

          联合国维持和平行动

     主席（以英语发言）：大会现在开始审议议程项目31。

     我现在请某国代表发言。

     某某先生（某国）（以西班牙语发言）：首先，我谨感谢主席召开本次会议。维持和平行动是联合国最重要的工具之一。

          上午11时10分散会。
"""


def test_an_english_record_opens_with_its_first_sentence_and_heads_each_item():
    doc = read(shared(SHARED / "corpus-dev" / "en" / "A_79_PV.64.en.pdf"))
    m = doc.metadata
    assert (m.symbol, m.organ, m.session, m.date) == (
        "A/79/PV.64", "General Assembly", "Seventy-ninth session", "2025-04-16")
    assert doc.front[-3:-1] == ["Wednesday, 16 April 2025, 10 a.m.", "New York"]
    # the presiding officer's line has dot leaders but is no contents entry
    assert doc.front[-1].startswith("President: Mr. Yang. . . .") and doc.contents == []
    assert [p.text[:40] for p in doc.paragraphs[:3]] == [
        "In the absence of the President, Mr. Kös", "The meeting was called to order at 10.05",
        "The Acting President: I now give the flo"]
    assert [(s.level, s.title[:40]) for s in doc.sections[:3]] == [
        (1, "Agenda item 13 (continued)"), (3, "Integrated and coordinated implementatio"),
        (3, "Draft resolution (A/79/L.64)")]
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Agenda item 13 (continued)", "Agenda item 17 (continued)",
        "Agenda item 125 (continued)"]
    assert doc.warnings == []


def test_a_chinese_record_reads_alike(tmp_path):
    path = tmp_path / "A_79_PV.64.zh.txt"
    path.write_text(ZH_RECORD, encoding="utf-8")
    doc = read(path)
    m = doc.metadata
    assert (m.symbol, m.organ, m.session, m.date) == (
        "A/79/PV.64", "大会", "第七十九届会议", "2025-04-16")
    assert [(s.level, s.title) for s in doc.sections] == [(1, "议程项目31"), (3, "联合国维持和平行动")]
    assert doc.front[-2] == "主席：" and doc.front[-1].endswith("（喀麦隆）") and doc.contents == []
    assert [p.text for p in doc.paragraphs] == [
        "上午10时05分开会。", "主席（以英语发言）：大会现在开始审议议程项目31。", "我现在请某国代表发言。",
        "某某先生（某国）（以西班牙语发言）：首先，我谨感谢主席召开本次会议。维持和平行动是联合国最重要的工具之一。",
        "上午11时10分散会。"]
    assert doc.warnings == []
