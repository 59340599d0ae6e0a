"""Figures and indicators on UN-style paragraphs, including the hard cases named in issue 3.
Paragraph strings go through the real pipeline (``extract.extract`` on a Document)."""
from __future__ import annotations

import pytest

from corpus.model import Document, Footnote, Metadata, Paragraph
from extract import extract
from extract.records import errors


def doc_of(lang: str, *texts: str, footnotes: tuple[str, ...] = ()) -> Document:
    return Document(source=f"test.{lang}.txt", format="txt", sha256="0",
                    metadata=Metadata(symbol="A/TEST/1", lang=lang),
                    paragraphs=[Paragraph(str(i), t, page=1) for i, t in enumerate(texts, 1)],
                    footnotes=[Footnote(m, f"note {m}") for m in footnotes])


def figures(lang: str, text: str, **kw) -> list[tuple]:
    records = [r for r in extract(doc_of(lang, text, **kw), ["figure"]) if "footnote" not in r]
    for r in records:
        assert errors(r) == [] and text[r["span"][0]:r["span"][1]] == r["text"]
    return [(r["value"], r["unit"], r["qualifier"]) for r in records]


@pytest.mark.parametrize("text,expected", [
    ("共需 2 500 万美元。", [(25000000, "USD", None)]),
    ("其中百分之十五用于培训。", [(15, "percent", None)]),
    ("两个联合国实体参加了会议。", [(2, "count", None)]),
    ("所需经费为 12 亿美元。", [(1200000000, "USD", None)]),
    ("The programme costs US$ 25 million a year.", [(25000000, "USD", None)]),
    ("Some 3,400 delegates and 3 400 observers attended.",
     [(3400, "count", "approximately"), (3400, "count", None)]),
])
def test_issue_examples(text, expected):
    lang = "en" if text.isascii() else "zh"
    assert figures(lang, text) == expected


@pytest.mark.parametrize("text,qualifier", [
    ("至少 3 个国家", "at_least"), ("不超过 5 个项目", "at_most"), ("超过 40 个国家", "more_than"),
    ("100多个国家", "more_than"), ("120 000 人以下", "less_than"), ("低于 10%", "less_than"),
    ("大约 30 名专家", "approximately"), ("约 40%的妇女", "approximately"),
    ("at least 12 assessments", "at_least"), ("no more than 5 per cent", "at_most"),
    ("over 180 negotiators", "more_than"), ("more than 305 million people", "more_than"),
    ("fewer than 20 countries", "less_than"), ("below 4 per cent", "less_than"),
    ("about 70 experts", "approximately"), ("some 300 staff", "approximately"),
    ("approximately 15 per cent", "approximately"), ("scores of 80 or higher", "at_least"),
])
def test_qualifiers(text, qualifier):
    lang = "en" if text.isascii() else "zh"
    (found,) = figures(lang, text)
    assert found[2] == qualifier


def test_footnote_marker_glued_before_a_year_is_not_a_figure():
    assert figures("zh", "……并进一步在实现性别平等方面帮助妇女。4 2019 年，共有 87 个国家提交了报告。") \
        == [(87, "count", None)]


def test_footnote_marker_alone_on_a_line_is_not_a_figure():
    assert figures("zh", "帮助妇女。\n4\n2019 年，共有 87 个国家提交了报告。") == [(87, "count", None)]
    assert figures("en", "without compromising that of future generations.\n1\nYet 40 per cent") \
        == [(40, "percent", None)]


def test_marker_after_a_comma_is_known_from_the_footnotes():
    text = "in the wake of the pandemic, 7 key gaps remain, and 7 countries reported"
    assert figures("en", text, footnotes=("7",)) == [(7, "count", None)]


def test_thin_space_thousands():
    assert figures("zh", "共有 3\u2009400 名参与者和 120\u202f000 名观察员。") == [
        (3400, "count", None), (120000, "count", None)]
    assert figures("en", "over 2\u2009900 participants") == [(2900, "count", "more_than")]


def test_percentage_points_and_a_word_starting_with_duo():
    assert figures("zh", "比例提高了 5 个百分点，3 个多边机构参加。") == [
        (5, "percentage points", None), (3, "count", None)]
    assert figures("en", "a rise of 4.5 percentage points") == [(4.5, "percentage points", None)]


def test_grade_label_is_not_a_figure():
    assert figures("zh", "D-1 级占 31.2%。") == [(31.2, "percent", None)]
    assert figures("en", "women held 45 per cent of posts at the P-4 and D-2 levels") == [
        (45, "percent", None)]


def test_count_and_ordinal():
    assert figures("zh", "87 个国家参加了第 87 次会议和第五十六届会议。") == [(87, "count", None)]
    (record,) = extract(doc_of("zh", "87 个国家参加了会议。"), ["figure"])
    assert record["counted"] == "国家"


def test_counted_noun():
    (zh,) = extract(doc_of("zh", "两个联合国实体参加了会议。"), ["figure"])
    (en,) = extract(doc_of("en", "165 countries have passed laws."), ["figure"])
    assert (zh["counted"], en["counted"]) == ("联合国实体", "countries")


def test_resolution_number_next_to_a_percentage():
    assert figures("zh", "根据大会第 64/289 号决议，40%的经费用于国家一级。") == [(40, "percent", None)]
    assert figures("en", "Under resolution 64/289, 40 per cent of resources went to countries.") \
        == [(40, "percent", None)]
    assert figures("en", "Security Council resolution 1325 (2000) and 20 per cent") == [
        (20, "percent", None)]


@pytest.mark.parametrize("lang,text", [
    ("en", "On 3 and 4 September 2024, in 2023 and during 2026–2029, the Commission met."),
    ("en", "Goals 4 (quality education), 5 (gender equality) and 17, target 14.5, indicator 16.4.1"),
    ("en", "the twenty-third special session and the 30-year review (see paragraph 12, item 3)"),
    ("en", "E/CN.6/2025/4, A/HRC/59/60 and COVID-19 under General Assembly resolution 1823 (XVII)"),
    ("en", "the coronavirus disease (COVID- 19) pandemic and the COVID -19 crisis"),
    ("zh", "妇女地位委员会第五十六届会议于 2012 年 2 月 27 日至 3 月 9 日举行。"),
    ("zh", "见 E/1994/27 第一章 C 节；《条约汇编》，第 1249 卷，第 20378 号。"),
    ("zh", "消除性别暴力16日运动和七点行动计划，二十一世纪。"),
    ("en", "The following were agreed: (1) a plan; (2) a budget."),
    ("en", "the leadership of France in Alliance 8.7 and the African Union Agenda 2063"),
])
def test_not_figures(lang, text):
    assert figures(lang, text) == []


def test_range_is_one_figure_sharing_its_unit():
    (record,) = extract(doc_of("en", "between 2 and 3 times more jobs"), ["figure"])
    assert (record["text"], record["low"], record["high"], record["unit"]) == (
        "2 and 3", 2, 3, "times")


def indicators(lang: str, text: str) -> list[dict]:
    records = extract(doc_of(lang, text), ["indicator"])
    for r in records:
        assert errors(r) == []
    return records


def test_indicator_from_to_english():
    (ind,) = indicators("en", "The share of women at the P-4 level rose from 52 per cent in 2019 "
                              "to 61 per cent in 2023.")
    assert (ind["subject"], ind["value"], ind["period"], ind["previous"], ind["change"]) == (
        "share of women at the P-4 level", 61, "2023", {"value": 52, "period": "2019"},
        {"kind": "percentage_points", "value": 9})


def test_indicator_from_to_chinese():
    (ind,) = indicators("zh", "2023 年，P-4 职等妇女比例从 21.3% 增至 27.8%。")
    assert (ind["subject"], ind["value"], ind["previous"]["value"], ind["change"]) == (
        "P-4 职等妇女比例", 27.8, 21.3, {"kind": "percentage_points", "value": 6.5})
    assert ind["period"] == "2023"


def test_indicator_share_at_grade():
    (ind,) = indicators("zh", "2024 年，D-1 级占 31.2%。")
    assert (ind["subject"], ind["value"], ind["unit"], ind["period"]) == ("D-1 级", 31.2, "percent", "2024")


def test_tripled_is_a_factor_of_three():
    (ind,) = indicators("zh", "2015 年以来，向国家工作队提供的捐款增加了两倍。")
    assert ind["change"] == {"kind": "factor", "value": 3}
    assert ind["subject"] == "向国家工作队提供的捐款"


def test_indicator_up_from():
    (ind,) = indicators("en", "171 indicators were assessed in 2025, up from 160 in 2024.")
    assert (ind["value"], ind["period"], ind["previous"], ind["change"]) == (
        171, "2025", {"value": 160, "period": "2024"}, {"kind": "absolute", "value": 11})


@pytest.mark.parametrize("text, subject, concept", [
    # sentences of corpus-dev reports (DP/2025/20, E/ICEF/2025/AB/L.3, S/2025/383,
    # JIU/REP/2025/2, E/2025/65) whose subjects were wrong before
    ("She noted that evaluation spending had reached 0.79 per cent in 2024.",
     "evaluation spending", None),
    ("In 2024, there was a 68 per cent increase in complaints of misconduct over 2023.",
     "complaints of misconduct", None),
    ("In 2024, Ngaragba Central Prison reached an overcrowding rate of 256 per cent.",
     "overcrowding rate", None),
    ("In 2024, 759 paternity claims have been reported, of which 70 per cent have not been "
     "resolved.", "paternity claims", None),
    ("In 2024, allegations involved 1,059 United Nations system staff and affiliate personnel "
     "(26 per cent).", "United Nations system staff and affiliate personnel", None),
    ("In China, weakness is expected to slow growth to 4.6 per cent in 2025.", "growth", None),
    ("In 2024, merchandise trade (average of exports and imports) accounted for 22.2 per cent "
     "of global economic output.", "merchandise trade", None),
    ("The number of people living with HIV rose to 39.9 million in 2023, up from 39 million.",
     "number of people living with HIV", "people-living-with-hiv"),
    ("In 2024, GDP growth in the least developed countries was 3.9 per cent.",
     "GDP growth in the least developed countries", "gdp"),
])
def test_indicator_subject_is_the_noun_phrase_measured(text, subject, concept):
    (ind,) = indicators("en", text)
    assert (ind["subject"], ind["concept"]) == (subject, concept)
