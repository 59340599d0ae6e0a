"""Comparison sentences of a draft follow the values the drafter fills: a real report
drafted, values filled rising, falling and level, composed, and the sentence read back from
the Word file in English and Chinese."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from compose import compose
from compose.drafting import draft
from corpus import read

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DP_OPS = SHARED / "corpus-dev" / "en" / "DP_OPS_2025_6.en.pdf"  # UNOPS annual report 2024
GENDER = ROOT / "corpus" / "samples" / "zh" / "gender-mainstreaming-2012.zh-dump.txt"


def _fill(data: Path, values: dict[str, str]) -> dict[str, dict]:
    with data.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["value"] = values.get(row["id"], "")
    with data.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return {r["id"]: r for r in rows}


def _paragraph(docx: Path, number: str) -> str:
    return next(p.text for p in read(str(docx)).paragraphs if p.number == number)


@pytest.fixture(scope="module")
def unops(tmp_path_factory):
    if not DP_OPS.exists():
        pytest.skip(f"shared corpus file {DP_OPS} absent")
    return draft([str(DP_OPS)], tmp_path_factory.mktemp("unops") / "spec")


def test_draft_writes_comparisons_as_trends(unops):
    spec = unops["spec"].read_text("utf-8")
    assert spec.count("trend(") == 4
    rows = _fill(unops["data"], {})
    # year on year: both figures move on a year; the data file says which year each is
    assert [(rows[k]["previous_period"], rows[k]["period"]) for k in ("p50_1", "p50_2")] == \
        [("2023", "2024"), ("2024", "2025")]
    [result] = compose(unops["spec"], unops["spec"].parent / "unfilled")
    assert _paragraph(result["docx"], "50").startswith(
        "The share of infrastructure projects with activities for capacity development "
        "decreased from 85 per cent in 2023 to 73 per cent in 2024; local community engagement "
        "decreased from 75 per cent to 59 per cent; and dedicated measures")


def test_english_comparisons_follow_the_filled_values(unops):
    _fill(unops["data"], {"p50_1": "73", "p50_2": "80", "p50_3": "59", "p50_4": "59",
                          "p50_5": "70", "p50_6": "65", "p49_1": "13600000",
                          "p49_2": "15200000"})
    [result] = compose(unops["spec"], unops["spec"].parent / "filled")
    assert result["untraced"] == []
    assert _paragraph(result["docx"], "50").startswith(
        "The share of infrastructure projects with activities for capacity development "
        "increased from 73 per cent in 2024 to 80 per cent in 2025; local community engagement "
        "remained at 59 per cent; and dedicated measures to enable women and people with "
        "disabilities to access facilities and/or services decreased from 70 per cent to 65 "
        "per cent.")
    assert "workers increased from 13.6 million in 2024 to 15.2 million in 2025, due" in \
        _paragraph(result["docx"], "49")


@pytest.mark.parametrize("x, y, sentence", [
    ("45", "50", "项目从2010年的45%上升到2013年的50%。"),
    ("45", "8", "项目从2010年的45%下降到2013年的8%。"),
    ("45", "45", "项目在2010年和2013年均保持在45%。"),
    ("", "", "项目从2010年的45%下降到2012年的10%。")])
def test_chinese_comparisons_follow_the_filled_values(tmp_path, x, y, sentence):
    """2010 -> 2012 is not year on year: the baseline stays 2010, the second year moves on."""
    done = draft([str(GENDER)], tmp_path / "spec")
    rows = _fill(done["data"], {"p22_6": x, "p22_7": y})
    assert [(rows[k]["previous_period"], rows[k]["period"]) for k in ("p22_6", "p22_7")] == \
        [("2010", "2010"), ("2012", "2013")]
    [result] = compose(done["spec"], tmp_path / "out")
    text = _paragraph(result["docx"], "22")
    assert "已确定不理会性别平等问题的" + sentence in text


def test_both_editions_change_their_verb_together(tmp_path):
    """The example's two editions drafted into one spec: one pair of slots, two sentences."""
    sources = compose(ROOT / "compose" / "examples" / "gender-mainstreaming.yaml",
                      tmp_path / "previous")
    done = draft([str(r["docx"]) for r in sources], tmp_path / "spec")
    before = [r["docx"] for r in sources]
    first = {lang: read(str(p)).paragraphs[0].text for lang, p in zip(("en", "zh"), before)}
    assert "increased from 66.5 per cent in 2024 to 68.2 per cent in 2025" in first["en"]
    assert "从2024年的66.5%增至2025年的68.2%" in first["zh"]
    three = {r["lang"]: _paragraph(r["docx"], "3") for r in sources}
    assert three["en"].endswith("increased from 70 in 2024 to 72 in 2025, an increase of two.")
    assert three["zh"].endswith("从2024年的70个增至2025年的72个，增加了2个。")
    for values, en, zh in [
            ({"s1_1": "68.2", "s1_2": "67.9", "p3_1": "72", "p3_2": "69"},
             ("decreased from 68.2 per cent in 2025 to 67.9 per cent in 2026",
              "decreased from 72 in 2025 to 69 in 2026, a decrease of three."),
             ("从2025年的68.2%降至2026年的67.9%", "从2025年的72个降至2026年的69个，减少了3个。")),
            ({"s1_1": "68.2", "s1_2": "68.2", "p3_1": "72", "p3_2": "72"},
             ("remained at 68.2 per cent in both 2025 and 2026",
              "remained at 72 in both 2025 and 2026."),
             ("在2025年和2026年均保持在68.2%", "在2025年和2026年均保持在72个。")),
            ({"s1_1": "68.2", "s1_2": "70", "p3_1": "72", "p3_2": "1250"},
             ("increased from 68.2 per cent in 2025 to 70.0 per cent in 2026",  # one decimal, as printed
              "increased from 72 in 2025 to 1,250 in 2026, an increase of 1,178."),
             ("从2025年的68.2%增至2026年的70.0%", "从2025年的72个增至2026年的1 250个，增加了1 178个。"))]:
        _fill(done["data"], values)
        out = tmp_path / f"out{values['s1_2']}"
        results = compose(done["spec"], out)
        assert [r["untraced"] for r in results] == [[], []]
        texts = {r["lang"]: (read(str(r["docx"])).paragraphs[0].text,
                             _paragraph(r["docx"], "3")) for r in results}
        assert en[0] in texts["en"][0] and texts["en"][1].endswith(en[1])
        assert zh[0] in texts["zh"][0] and texts["zh"][1].endswith(zh[1])


def test_a_trend_phrase_a_drafter_broke_is_a_clear_error(tmp_path):
    done = draft([str(GENDER)], tmp_path / "spec")
    spec = done["spec"].read_text("utf-8")
    done["spec"].write_text(spec.replace("从{px}年的{x}下降到", "从{px}年的{x}跌到"), "utf-8")
    from click.testing import CliRunner

    from corpus.cli import main

    result = CliRunner().invoke(main, ["compose", str(done["spec"]), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "trend(): the phrase '从{px}年的{x}跌到{py}年的{y}' does not read" in result.output
