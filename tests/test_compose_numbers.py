"""UN number, date and reference style from one value per language (compose.numbers,
compose.compare)."""
import pytest

from compose.compare import by_how_much, comparison, difference
from compose.numbers import date, date_range, grouped, money, ordinal, percent, resolution


@pytest.mark.parametrize("fn, args, en, zh", [
    (percent, (40,), "40 per cent", "40%"),
    (money, (25_000_000,), "US$ 25 million", "2 500万美元"),
    (money, (1_200_000_000,), "US$ 1.2 billion", "12亿美元"),
    (money, (750_500,), "US$ 750,500", "75.05万美元"),
    (grouped, (1200,), "1,200", "1 200"),
    (grouped, ("59.0",), "59.0", "59.0"),
    (date, ("2012-07-27",), "27 July 2012", "2012年7月27日"),
    (date_range, ("2025-03-10", "2025-03-21"), "10–21 March 2025", "2025年3月10日至21日"),
    (ordinal, (69,), "Sixty-ninth", "第六十九"),
    (ordinal, (56,), "Fifty-sixth", "第五十六"),
])
def test_one_value_two_styles(fn, args, en, zh):
    assert fn(*args, "en") == en
    assert fn(*args, "zh") == zh


def test_resolutions():
    assert resolution("General Assembly", "大会", "64/289", "en") == "General Assembly resolution 64/289"
    assert resolution("General Assembly", "大会", "64/289", "zh") == "大会第64/289号决议"
    assert resolution("Security Council", "安全理事会", "1325 (2000)", "zh") == "安全理事会第1325(2000)号决议"


def test_comparisons_pick_the_verb():
    assert comparison("27.8", "2023", "21.3", "2019", "percent", "en") == \
        "increased from 21.3 per cent in 2019 to 27.8 per cent in 2023"
    assert comparison("27.8", "2023", "21.3", "2019", "percent", "zh") == \
        "从2019年的21.3%增至2023年的27.8%"
    assert comparison("21.3", "2023", "27.8", "2019", "percent", "zh") == \
        "从2019年的27.8%降至2023年的21.3%"
    assert comparison(40, "2023", 40, "2022", "percent", "en") == \
        "remained at 40 per cent in both 2022 and 2023"
    assert comparison(40, "2023", 40, "2022", "percent", "zh") == "在2022年和2023年均为40%"
    assert comparison(72, "2025", 70, "2024", "count", "zh", subject="报告其业绩的实体数目") == \
        "从2024年的70个增至2025年的72个"
    assert comparison(1200, "2025", 950, "2024", "count", "zh", subject="完成课程的工作人员人数") == \
        "从2024年的950人增至2025年的1 200人"
    # one scale per sentence: not "从1.4亿美元增至15 230万美元"
    assert comparison(152_300_000, "2025", 140_000_000, "2024", "USD", "zh") == \
        "从2024年的14 000万美元增至2025年的15 230万美元"
    assert comparison(1_200_000_000, "2025", 900_000_000, "2024", "USD", "en") == \
        "increased from US$ 900 million in 2024 to US$ 1.2 billion in 2025"
    assert by_how_much("27.8", "21.3", "percent", "en") == "an increase of 6.5 percentage points"
    assert by_how_much("41.9", "42.3", "percent", "zh") == "减少了0.4个百分点"
    assert by_how_much(72, 70, "count", "zh", subject="报告其业绩的实体数目") == "增加了2个"
    assert by_how_much(1200, 950, "count", "en") == "an increase of 250"
    assert by_how_much(40, 40, "percent", "en") == ""


def test_difference_keeps_the_precision_of_its_inputs():
    assert str(difference("27.8", "21.3")) == "6.5"  # not 6.500000000000002
    assert str(difference(25_000_000, 21_500_000)) == "3500000"


def test_chinese_spacing_and_titles(tmp_path):
    """Whatever spaces a template types around digits, the Chinese edition has none between
    Han characters and digits; |booktitle puts a title in 《》 (zh) and leaves it (en)."""
    from compose import compose

    spec = tmp_path / "spec.yaml"
    spec.write_text("""
masthead: {symbol: A/81/2, organ: general-assembly, date: 2026-05-01, session: {number: 81},
           title: {en: Titles, zh: 标题}}
data:
  - {id: staff, value: 1200, unit: count, period: 2025, subject: {en: staff, zh: 工作人员人数},
     previous: {value: 950, period: 2024}}
sections:
  - heading: {en: Introduction, zh: 导言}
    paragraphs:
      - text:
          en: "See {{ 'Progress of the World’s Women'|booktitle }}: {{ d.staff|change }}."
          zh: "见 {{ '“世界妇女进展”'|booktitle }}。{{ d.staff.subject }} {{ d.staff|change }}，{{ d.staff|diff }}；在 2026 年。"
""", "utf-8")
    results = {r["lang"]: r for r in compose(spec, tmp_path / "out", check=False)}
    import json

    texts = {lang: json.loads(r["provenance"].read_text("utf-8")) for lang, r in results.items()}
    from docx import Document

    zh = [p.text for p in Document(results["zh"]["docx"]).paragraphs if p.text.startswith("1.")]
    assert zh == ["1.\t见《世界妇女进展》。工作人员人数从2024年的950人增至2025年的1 200人，"
                  "增加了250人；在2026年。"]
    en = [p.text for p in Document(results["en"]["docx"]).paragraphs if p.text.startswith("1.")]
    assert en == ["1.\tSee Progress of the World’s Women: increased from 950 in 2024 to 1,200 in "
                  "2025."]
    assert {f["text"] for f in texts["zh"]["figures"]} >= {"950", "1 200", "250"}


def test_chinese_numerals_agree_with_cn2an():
    """Written here to spare cn2an's import in every compose; cn2an is the reference."""
    import cn2an

    from compose.numbers import zh_numeral

    assert [n for n in range(1000) if zh_numeral(n) != cn2an.an2cn(n)] == []
    assert (zh_numeral(81), zh_numeral(105), zh_numeral(1000)) == ("八十一", "一百零五", "一千")


def test_the_series_dollar_sign(tmp_path):
    """currency: "$" writes "$25 million" as the series does (E/2025/15); the Chinese edition
    keeps 万美元."""
    from compose import compose

    spec = tmp_path / "spec.yaml"
    spec.write_text("""
currency: $
masthead: {symbol: A/81/3, organ: general-assembly, date: 2026-05-01, session: {number: 81},
           title: {en: Dollars, zh: 美元}}
data:
  - {id: budget, value: 25000000, unit: USD, period: 2025, subject: {en: spending, zh: 支出},
     previous: {value: 21500000, period: 2024}}
sections:
  - heading: {en: Introduction, zh: 导言}
    paragraphs:
      - type: indicator_change
        data: budget
""", "utf-8")
    import json

    results = {r["lang"]: r for r in compose(spec, tmp_path / "out", check=False)}
    side = {lang: json.loads(r["provenance"].read_text("utf-8")) for lang, r in results.items()}
    assert [f["text"] for f in side["en"]["figures"]] == ["$21.5 million", "$25 million",
                                                          "$3.5 million"]
    assert [f["text"] for f in side["zh"]["figures"]] == ["2 150万美元", "2 500万美元", "350万美元"]
