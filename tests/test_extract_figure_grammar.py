"""The figure grammar's rules for measure words, 一, periods, qualifiers that a modal
separates from their number, 'one ... from each' and units shared along a list. Sentences in
UN style: each rule has the figure it must find and the look-alikes it must leave (names
such as 七点行动计划, the article 一个, the biennium 两年期, the decimal 三点五)."""
from __future__ import annotations

import pytest

from tests.test_extract_figures import figures


@pytest.mark.parametrize("text,expected", [
    # 一倍: 'increased by one time' doubles, as 增加了两倍 triples
    ("与上一个两年期相比，有关经费增加了一倍。", [(2, "times", None)]),
    ("2012年的捐款比2010年高出一倍。", [(2, "times", None)]),
    ("预算外资源提高一倍，达到4 000万美元。", [(2, "times", None), (40000000, "USD", None)]),
    # 一 is the article (一个, 一项), 'each' (每一个) or a name (一体行动)
    ("委员会设立了一个工作组，每一个实体都提交了一份报告。", []),
])
def test_one_multiplies(text, expected):
    assert figures("zh", text) == expected


@pytest.mark.parametrize("text,expected", [
    # 至少 + modal + verb still qualifies the number
    ("协调人至少要分配20%的时间来促进性别平等。", [(20, "percent", "at_least")]),
    ("候选人名单中至少要有一名女候选人。", [(1, "count", "at_least")]),
    ("每个国家工作队至少应有三名性别问题专家。", [(3, "count", "at_least")]),
    ("每个代表团最多可设3个观察员席位。", [(3, "count", "at_most")]),
    ("至少15%的资源用于促进性别平等。", [(15, "percent", "at_least")]),
    # a preposition is no verb: the qualifier bears on the clause, not on the number
    ("至少在两个国家开展了联合方案。", [(2, "count", None)]),
    # 'about one' is the article after 约 and 近 (近一年来 'over the past year')
    ("近一年来，各实体加强了协调。", []),
])
def test_qualifier_across_a_modal_and_one_with_a_qualifier(text, expected):
    assert figures("zh", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("在2011年采取的措施包括为期一天的培训方案。", [(1, "days", None)]),
    ("会议为期三天，在日内瓦举行。", [(3, "days", None)]),
    # a period: 'every two years', as the English extractor records it
    ("两个网络举行了两年一次的联合研讨会。", [(2, "count", None), (2, "years", None)]),
    ("理事会请秘书长今后每两年向它提交报告。", [(2, "years", None)]),
    ("为期三年的方案于2013年开始。", [(3, "years", None)]),
    ("委员会每4年审查一次执行情况。", [(4, "years", None)]),
    # years, the biennium, a five-year forecast, an annual event: no period figure
    ("2014-2015两年期方案预算包括五年预测。", []),
    ("这一年一次的会议在2012年举行。", []),
])
def test_durations_and_periods(text, expected):
    assert figures("zh", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("这将加强对上述六点的长处和弱点的评估。", [(6, "count", None)]),
    ("秘书长建议注意以下三点：", [(3, "count", None)]),
    ("全系统行动计划的制订过程分两阶段进行。", [(2, "count", None)]),
    # names and numbers that are no count of points or stages
    ("妇女署提出了七点行动计划和五点评级制度。", []),
    ("在第一阶段，增长率为三点五。", []),
])
def test_measure_words_point_and_stage(text, expected):
    assert figures("zh", text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Committee shall comprise one representative from each regional member country.",
     [(1, "count", None)]),
    ("Each mission appointed one focal point for every 100 staff.",
     [(1, "count", None), (100, "count", None)]),
    # the article and pronoun stay no figure
    ("One of the delegations noted that one approach would be to act in each region.", []),
])
def test_one_for_each(text, expected):
    assert figures("en", text) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # A/79/768-S/2025/75: the unit written once at the end of a list
    ("en", "including 4 children aged 3 months, 2, 8 and 12 years.",
     [(4, "count", None), (3, "months", None), (2, "years", None), (8, "years", None),
      (12, "years", None)]),
    ("en", "vacancy rates of 5, 10 and 15 per cent", [(5, "percent", None),
                                                      (10, "percent", None),
                                                      (15, "percent", None)]),
    ("zh", "三个区域的比例分别为5、10和15%。", [(3, "count", None), (5, "percent", None),
                                          (10, "percent", None), (15, "percent", None)]),
    # a count with its own noun keeps it; a list without 'and' shares nothing
    ("en", "killed 22 Palestinians, 16 and 17 per cent of them children",
     [(22, "count", None), (16, "percent", None), (17, "percent", None)]),
])
def test_a_unit_is_shared_along_a_list(lang, text, expected):
    assert figures(lang, text) == expected
