"""References and abbreviation definitions on UN-style paragraphs and footnotes."""
from __future__ import annotations

import pytest

from extract import extract
from extract.references import find_references
from tests.test_extract_figures import doc_of
from corpus.model import Footnote


def refs(lang: str, text: str) -> list[tuple]:
    return [(r["ref_type"], r["body"], r["number"], r["symbol"])
            for r in extract(doc_of(lang, text), ["reference"])]


@pytest.mark.parametrize("lang,text,expected", [
    ("zh", "大会第 64/289 号决议决定设立妇女署。", [("resolution", "General Assembly", "64/289", None)]),
    ("zh", "以指导联合国执行安全理事会第 1325(2000)号决议。",
     [("resolution", "Security Council", "1325 (2000)", None)]),
    ("en", "as requested in Council resolution 2009/12.",
     [("resolution", "Economic and Social Council", "2009/12", None)]),
    ("en", "Human Rights Council resolution 54/6 and Council resolution 1817 (LV)",
     [("resolution", "Human Rights Council", "54/6", None),
      ("resolution", "Economic and Social Council", "1817 (LV)", None)]),
    ("en", "In its resolution 2022/5, the Economic and Social Council requested a report.",
     [("resolution", "Economic and Social Council", "2022/5", None)]),
    ("en", "Pursuant to General Assembly resolution 75/290 A, subsidiary bodies",
     [("resolution", "General Assembly", "75/290 A", None)]),
    ("en", "See A/HRC/19/47, E/CN.6/2012/12, S/2011/598 and A/66/76-E/2011/81.",
     [("document", None, None, "A/HRC/19/47"), ("document", None, None, "E/CN.6/2012/12"),
      ("document", None, None, "S/2011/598"), ("document", None, None, "A/66/76-E/2011/81")]),
    ("en", "Security Council resolutions 1325 (2000), 1820 (2008) and 1888 (2009)",
     [("resolution", "Security Council", n, None) for n in ("1325 (2000)", "1820 (2008)", "1888 (2009)")]),
    ("en", "the General Assembly, in its decision 79/555, and the Council's agreed conclusions 1997/2",
     [("decision", "General Assembly", "79/555", None),
      ("agreed conclusions", "Economic and Social Council", "1997/2", None)]),
    ("zh", "妇女地位委员会 1994 年 3 月 18 日第 38/2 号决议和 1995 年 3 月 31 日第 39/5 号决议、"
           "人权委员会第 1997/43 号决议",
     [("resolution", "Commission on the Status of Women", "38/2", None),
      ("resolution", "Commission on the Status of Women", "39/5", None),
      ("resolution", "Commission on Human Rights", "1997/43", None)]),
    ("zh", "安全理事会第 1325(2000)号、1820(2008)号和 1960(2010)号决议所载承诺",
     [("resolution", "Security Council", n, None) for n in ("1325 (2000)", "1820 (2008)", "1960 (2010)")]),
])
def test_references(lang, text, expected):
    assert refs(lang, text) == expected


def test_reference_span_covers_body_and_number():
    text = "in accordance with General Assembly resolution 50/203, multi-year programmes"
    (r,) = extract(doc_of("en", text), ["reference"])
    assert r["text"] == "General Assembly resolution 50/203" == text[slice(*r["span"])]


def abbrs(lang: str, text: str, **kw) -> list[tuple]:
    doc = doc_of(lang, text)
    doc.footnotes = [Footnote("1", kw["note"])] if "note" in kw else []
    return [(r["long_form"], r["short_form"], r.get("footnote"))
            for r in extract(doc, ["abbreviation"])]


def test_abbreviations_english_and_chinese():
    assert abbrs("en", "the United Nations Development Programme (UNDP) and the coronavirus "
                       "disease (COVID-19) pandemic") == [
        ("United Nations Development Programme", "UNDP", None),
        ("coronavirus disease", "COVID-19", None)]
    assert abbrs("zh", "妇女署协同联合国开发计划署(开发署)和联合国艾滋病病毒/艾滋病联合规划署(艾滋病署)举行会议。") == [
        ("联合国开发计划署", "开发署", None), ("联合国艾滋病病毒/艾滋病联合规划署", "艾滋病署", None)]


def test_long_form_starting_with_a_small_word_match():
    assert abbrs("en", "the Office of the United Nations High Commissioner for Human Rights "
                       "(OHCHR) and the United Nations Population Fund (UNFPA)") == [
        ("Office of the United Nations High Commissioner for Human Rights", "OHCHR", None),
        ("United Nations Population Fund", "UNFPA", None)]


def test_abbreviation_whose_name_holds_a_conjunction():
    assert abbrs("zh", "大会设立联合国促进性别平等和增强妇女权能署(妇女署)，有助于协调。") == [
        ("联合国促进性别平等和增强妇女权能署", "妇女署", None)]


def test_long_form_broken_across_lines():
    assert abbrs("en", "together with the United Nations Entity for Gender Equality and the\n"
                       "Empowerment of Women (UN -Women), ESCWA led") == [
        ("United Nations Entity for Gender Equality and the Empowerment of Women", "UN-Women", None)]
    assert abbrs("zh", "联合国人权事务\n高级专员办事处(人权高专办)的工作") == [
        ("联合国人权事务高级专员办事处", "人权高专办", None)]


def test_definitions_inside_a_footnote_enumeration():
    note = ("United Nations Children's Fund (UNICEF), United Nations Population Fund (UNFPA) "
            "and World Health Organization (WHO), joint statement (2011).")
    assert abbrs("en", "The agencies issued a statement.", note=note) == [
        ("United Nations Children's Fund", "UNICEF", "1"),
        ("United Nations Population Fund", "UNFPA", "1"),
        ("World Health Organization", "WHO", "1")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Goal 7 (affordable and clean energy) and Iran (Islamic Republic of)"),
    ("en", "General Assembly resolution 1823 (XVII) and the report (E/2025/61)"),
    ("en", "the fiftieth session (2006) (Two themes)"),
    ("zh", "秘书长关于妇女、和平与安全问题的报告(S/2011/598)和 2011 年(第二届)"),
])
def test_parentheses_that_define_nothing(lang, text):
    assert abbrs(lang, text) == []


def test_hereinafter():
    assert abbrs("en", "the Convention on the Elimination of All Forms of Discrimination against "
                       "Women (hereinafter \"the Convention\") is ratified") == [
        ("the Convention on the Elimination of All Forms of Discrimination against Women",
         "the Convention", None)]
    assert abbrs("zh", "联合国开发计划署(以下简称“开发署”)提供支助。") == [("联合国开发计划署", "开发署", None)]


def test_components_are_registered_by_name():
    """The bodies component on a blank pipeline of one's own, by name: spans on real tokens,
    longest names first; the reference rule reads them."""
    import spacy

    import extract.components  # noqa: F401  (registers the factories)
    from extract.components import bodies

    nlp = spacy.blank("en")
    nlp.add_pipe("rapporteur_bodies")
    text = "Under Human Rights Council resolution 54/6, 40 per cent of funds went to 12 countries."
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans["bodies"]] == [
        ("Human Rights Council", "Human Rights Council")]
    assert [(r["number"], r["body"]) for r in find_references(text, "en", bodies(doc))] == [
        ("54/6", "Human Rights Council")]


def test_every_english_body_name_holds_a_cue_word():
    """English texts without a cue word are not tokenized: no name may lack one."""
    from extract.components import CUES_EN, may_match
    from extract.references import BODIES_EN

    assert all(may_match(name, "en") for name in BODIES_EN)
    assert len(CUES_EN) < len(BODIES_EN)
    assert not may_match("40 per cent of funds went to 12 countries.", "en")
    assert may_match("百分之四十的资金", "zh")  # Chinese tokens also serve the counts


def test_chinese_pipeline_has_real_tokens():
    """The Chinese pipeline cuts words with rjieba (UN names whole, jieba's part of speech as
    the tag) and its Doc gives back the text exactly, white space included."""
    from extract.nlp import pipeline

    text = "安全理事会第1325(2000)号决议要求  两个联合国实体 和妇女署"
    doc = pipeline("zh")(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["安全理事会", "第", "1325"]
    assert [(t.text, t.tag_) for t in doc if t.text in ("联合国", "实体")] == [
        ("联合国", "nt"), ("实体", "n")]
    assert [t.text for t in doc if t.is_space] == [" ", " ", " "]
    assert "妇女署" in [t.text for t in doc]
    assert [(s.text, s.label_) for s in doc.spans["bodies"]] == [
        ("安全理事会", "Security Council")]
