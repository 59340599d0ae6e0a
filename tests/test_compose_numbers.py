"""UN number, date and reference style from one value per language (compose.numbers,
compose.compare)."""
import pytest

from compose.compare import by_how_much, comparison, difference
from compose.numbers import date, date_range, grouped, money, ordinal, percent, resolution


@pytest.mark.parametrize("fn, args, en, zh", [
    (percent, (40,), "40 per cent", "40%"),
    (money, (25_000_000,), "US$ 25 million", "2 500 万美元"),
    (money, (1_200_000_000,), "US$ 1.2 billion", "12 亿美元"),
    (money, (750_500,), "US$ 750,500", "75.05 万美元"),
    (grouped, (1200,), "1,200", "1 200"),
    (grouped, ("59.0",), "59.0", "59.0"),
    (date, ("2012-07-27",), "27 July 2012", "2012 年 7 月 27 日"),
    (date_range, ("2025-03-10", "2025-03-21"), "10–21 March 2025", "2025 年 3 月 10 日至 21 日"),
    (ordinal, (69,), "Sixty-ninth", "第六十九"),
    (ordinal, (56,), "Fifty-sixth", "第五十六"),
])
def test_one_value_two_styles(fn, args, en, zh):
    assert fn(*args, "en") == en
    assert fn(*args, "zh") == zh


def test_resolutions():
    assert resolution("General Assembly", "大会", "64/289", "en") == "General Assembly resolution 64/289"
    assert resolution("General Assembly", "大会", "64/289", "zh") == "大会第 64/289 号决议"
    assert resolution("Security Council", "安全理事会", "1325 (2000)", "zh") == "安全理事会第 1325(2000)号决议"


def test_comparisons_pick_the_verb():
    assert comparison("27.8", "2023", "21.3", "2019", "percent", "en") == \
        "increased from 21.3 per cent in 2019 to 27.8 per cent in 2023"
    assert comparison("27.8", "2023", "21.3", "2019", "percent", "zh") == \
        "从 2019 年的 21.3%增至 2023 年的 27.8%"
    assert comparison("21.3", "2023", "27.8", "2019", "percent", "zh") == \
        "从 2019 年的 27.8%降至 2023 年的 21.3%"
    assert comparison(40, "2023", 40, "2022", "percent", "en") == \
        "remained at 40 per cent in both 2022 and 2023"
    assert comparison(40, "2023", 40, "2022", "percent", "zh") == "在 2022 年和 2023 年均为 40%"
    assert comparison(72, "2025", 70, "2024", "count", "zh") == "从 2024 年的 70 增至 2025 年的 72"
    assert by_how_much("27.8", "21.3", "percent", "en") == "an increase of 6.5 percentage points"
    assert by_how_much("41.9", "42.3", "percent", "zh") == "减少了 0.4 个百分点"
    assert by_how_much(1200, 950, "count", "en") == "an increase of 250"
    assert by_how_much(40, 40, "percent", "en") == ""


def test_difference_keeps_the_precision_of_its_inputs():
    assert str(difference("27.8", "21.3")) == "6.5"  # not 6.500000000000002
    assert str(difference(25_000_000, 21_500_000)) == "3500000"
