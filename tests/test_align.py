"""Aligning two editions by UN paragraph numbering into TMX 1.4b, and mining term pairs."""
from pathlib import Path

import pytest
from lxml import etree

from corpus.reader import read
from glossary import Glossary
from glossary.align import align, part_text
from glossary.mine import definitions, long_form, mine
from glossary.schemas import tmx_errors
from glossary.tmx import write_tmx

DATA = Path(__file__).parent / "data" / "glossary"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def editions():
    return read(DATA / "pair.en.txt"), read(DATA / "pair.zh.txt")


@pytest.fixture(scope="module")
def pairs(editions):
    return align(*editions)


def test_units_pair_by_paragraph_number_and_subparagraph_label(editions, pairs):
    en, zh = editions
    assert [p.key for p in pairs] == [
        "heading:1", "heading:I", "heading:II", "heading:III", "unnumbered:1",
        "1", "2", "3", "4", "4a", "4b", "4c", "5", "6", "7", "8", "9", "10", "11"]
    by_key = {p.key: p for p in pairs}
    assert part_text(en, by_key["4c"].source) == ("Briefed the Committee on the Elimination "
        "of Discrimination against Women on women and peace and security.")
    assert part_text(zh, by_key["4c"].target) == "向消除对妇女歧视委员会介绍了妇女、和平与安全问题。"
    assert part_text(zh, by_key["4"].target) == "2024年，人权高专办和妇女署："
    assert part_text(zh, by_key["heading:III"].target) == "2025年联合工作计划"
    assert part_text(zh, by_key["unnumbered:1"].target).startswith("本报告回顾了2024年")


def test_tmx_validates_against_the_tmx_14b_dtd_and_carries_symbol_and_number(editions, pairs):
    data = write_tmx(*editions, pairs, "en", "zh")
    assert tmx_errors(data) == []
    root = etree.fromstring(data)
    assert root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "en"
    tus = root.findall("body/tu")
    assert len(tus) == 19
    tu = next(t for t in tus if t.get("tuid") == "A/HRC/99/12-E/CN.6/2025/12:4c")
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props == {"x-symbol": "A/HRC/99/12-E/CN.6/2025/12", "x-unit": "paragraph",
                     "x-paragraph": "4", "x-subparagraph": "c"}
    segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.findall("tuv")}
    assert segs["zh-CN"] == "向消除对妇女歧视委员会介绍了妇女、和平与安全问题。"


def test_the_dtd_rejects_a_broken_tmx(editions, pairs):
    data = write_tmx(*editions, pairs, "en", "zh").replace(b' srclang="en"', b"", 1)
    assert any("srclang" in e for e in tmx_errors(data))


def test_long_forms_of_english_and_chinese_definitions():
    assert long_form("UNFPA", "with the United Nations Population Fund") == "United Nations Population Fund"
    assert long_form("UNCT", "Each United Nations country team") == "United Nations country team"
    assert long_form("ESCWA", "UN-Women, OHCHR and the Economic and Social Commission for Western Asia") \
        == "Economic and Social Commission for Western Asia"
    assert definitions("大会设立联合国促进性别平等和增强妇女权能署(妇女署)，与世界卫生组织(世卫组织)", "zh") == [
        ("联合国促进性别平等和增强妇女权能署", "妇女署"), ("世界卫生组织", "世卫组织")]


def test_mined_pairs_are_scored_supported_and_marked_known(editions):
    en, zh = editions
    found = {(c.en, c.zh): c for c in mine(en, zh, Glossary.bundled())}
    escwa = found[("Economic and Social Commission for Western Asia", "西亚经济社会委员会")]
    assert (escwa.method, escwa.support, escwa.known) == ("definition", ["3"], "escwa")
    unaids = found[("Joint United Nations Programme on HIV/AIDS", "联合国艾滋病毒/艾滋病联合规划署")]
    assert unaids.known == "unaids"
    workplan = found[("joint workplan", "联合工作计划")]
    assert workplan.method == "cooccurrence" and workplan.score == 1.0
    assert workplan.support == ["heading:III", "unnumbered:1", "1"]
    assert workplan.known is None
    assert found[("resident coordinators", "驻地协调员")].known == "resident-coordinator"


def test_content_alignment_of_a_real_pair_without_paragraph_numbers():
    """E/2023/15 from a web corpus: paragraph numbers stripped, segments missing on either
    side. Scored against the hand alignment of its first 60 English segments."""
    import json

    from glossary.content_align import RELIABLE, align_segments
    from tests.builders import SHARED, shared

    gold = json.loads((Path(__file__).parent / "gold" / "terms_align_E_2023_15.json")
                      .read_text(encoding="utf-8"))
    en = shared(SHARED / gold["en"]).read_text(encoding="utf-8").splitlines()
    zh = shared(SHARED / gold["zh"]).read_text(encoding="utf-8").splitlines()
    links = {link.en + 1: link for link in align_segments(en, zh, Glossary.bundled())}
    right = wrong = 0
    wrong_confidence = []
    for k, want in gold["pairs"].items():
        link = links.get(int(k))
        if (link.zh + 1 if link else None) == want:
            right += 1
        else:
            wrong += 1
            wrong_confidence.append(link.confidence if link else 0.0)
    assert right / 60 >= 0.9, (right, wrong)
    assert max(wrong_confidence) < RELIABLE  # no wrong pair is called reliable
    sure = [links[int(k)] for k, want in gold["pairs"].items() if want and int(k) in links]
    assert sum(link.confidence >= RELIABLE for link in sure) >= 35  # most right pairs are
