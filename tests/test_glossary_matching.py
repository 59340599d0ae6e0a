"""Finding glossary terms in English and Chinese text, and near-misses."""
import pytest

from glossary import Glossary
from glossary.matching import matcher_for, plurals
from glossary.nearmiss import NearMissFinder, one_edit


@pytest.fixture(scope="module")
def g():
    return Glossary.bundled()


def found(g, lang, text):
    return [(h.concept, h.surface) for h in matcher_for(g, lang).find(text)]


def slips(g, lang, text):
    m = matcher_for(g, lang)
    return [(x.concept, x.surface, x.edit) for x in NearMissFinder(m).find(text, m.find(text))]


def test_english_plurals_case_and_acronyms_as_whole_tokens(g):
    text = ("United Nations country teams and the resident coordinator met WHO officials, "
            "who said that UN-Women's office and UNDPs were busy.")
    assert found(g, "en", text) == [
        ("united-nations-country-team", "United Nations country teams"),
        ("resident-coordinator", "resident coordinator"),
        ("who", "WHO"),
        ("un-women", "UN-Women"),
    ]


def test_case_decides_between_forms_that_differ_only_in_case(g):
    hits = matcher_for(g, "en").find("Member States and member states")
    assert [(h.form, g.find(h.form).term(h.form).status) for h in hits] == [
        ("Member States", "preferred"), ("member states", "deprecated")]


def test_plural_of_the_last_word():
    assert plurals("country team") == ["country teams"]
    assert plurals("national strategy") == ["national strategies"]
    assert plurals("United Nations Development Programme") == []


def test_chinese_longest_term_wins_and_full_width_punctuation_separates(g):
    text = "联合国国家工作队与国家工作队、联合国人权事务高级专员办事处(人权高专办)合作。"
    assert found(g, "zh", text) == [
        ("united-nations-country-team", "联合国国家工作队"),
        ("united-nations-country-team", "国家工作队"),
        ("ohchr", "联合国人权事务高级专员办事处"),
        ("ohchr", "人权高专办"),
    ]


def test_chinese_term_inside_a_longer_word_is_not_a_hit(g):
    # 人权 (human rights) sits inside 人权委员会 and 人权理事会: no hit for it there
    concepts = [c for c, _ in found(g, "zh", "人权委员会和人权理事会审议了人权问题。")]
    assert concepts == ["commission-on-human-rights", "human-rights-council", "human-rights"]


def test_one_edit_kinds():
    assert one_edit("UNPD", "UNDP") == ("transposition", 2)
    assert one_edit("妇女暑", "妇女署") == ("substitution", 2)
    assert one_edit("UNICF", "UNICEF") == ("deletion", 4)
    assert one_edit("西亚经社社会", "西亚经社会") == ("insertion", 4)
    assert one_edit("UNDP", "UNDP") is None
    assert one_edit("UNEP", "UNFPA") is None


def test_chinese_slips_in_short_names_are_found(g):
    text = "妇女暑和世卫组识与西亚经杜会、人口基全、人权高专力合作。"
    assert sorted(slips(g, "zh", text)) == [
        ("escwa", "西亚经杜会", "substitution"),
        ("ohchr", "人权高专力", "substitution"),
        ("un-women", "妇女暑", "substitution"),
        ("unfpa", "人口基全", "substitution"),
        ("who", "世卫组识", "substitution"),
    ]


def test_ordinary_chinese_next_to_a_term_is_not_a_slip(g):
    # 妇女的 / 联合工作 / 开发部 / 大会第 are one edit from 妇女署 / 联合国 / 开发署 / 大会部
    text = "妇女的权利、联合工作计划以及与冲突有关性暴力的赔偿、开发部门和妇女问题，大会第64/289号决议。"
    assert slips(g, "zh", text) == []


def test_english_slips_in_acronyms_and_names(g):
    text = "UNPD and the Untied Nations Population Fund, not ODA, UNCTs or Human Rights Councils."
    assert slips(g, "en", text) == [
        ("unfpa", "Untied Nations Population Fund", "transposition"),
        ("undp", "UNPD", "transposition"),
    ]


def test_matching_leaves_the_shared_segmenter_as_it_was(g):
    """Other packages segment with the same jieba: the glossary's forms are not added."""
    import jieba

    from corpus.nlp import segment

    text = "两个联合国实体和人权高专办参加了会议。"
    before = segment(text)
    assert found(g, "zh", text) == [("un-entities", "联合国实体"), ("ohchr", "人权高专办")]
    assert segment(text) == before
    assert jieba.get_FREQ("人权高专办") is None


def test_a_chinese_window_that_cuts_a_longer_word_is_no_slip(g):
    # from real reports: 内部监督事 cut by a page break (内部监督事务厅), 环境可 of
    # 环境可持续能力, 妇女达 of 妇女达到, and 艾滋病界 ("the AIDS community") next to 艾滋病署
    text = ("内部监督事2007年，环境可持续能力和妇女达到的水平得到加强，"
            "艾滋病界和艾滋病署合作。")
    assert slips(g, "zh", text) == []
    # the same slips as whole words are still found
    assert slips(g, "zh", "监督事和环境暑合作。") == [("unep", "环境暑", "substitution")]


def test_english_acronyms_and_names_that_are_no_slips(g):
    text = ("The end of AIDS by 2030 will place the world back on track. "
            "In 2021, Union nationale des femmes marocaines launched “UNFM Market”; "
            "UNFM also trains women. UNPD and the Wrold Bank did not.")
    assert slips(g, "en", text) == [("world-bank", "Wrold Bank", "transposition"),
                                    ("undp", "UNPD", "transposition")]


def test_short_acronyms_one_edit_from_another_are_other_acronyms(g):
    # real acronyms beside UNSSC (5 letters): the Security Council, the US Security Coordinator
    text = "Missions such as USSC helped, under UNSC resolution 904; UNICF and UNPD did not."
    assert slips(g, "en", text) == [("unicef", "UNICF", "deletion"), ("undp", "UNPD", "transposition")]


def test_a_name_with_two_words_swapped_is_a_slip(g):
    text = ("The United Nations Educational, Cultural and Scientific Organization and the "
            "United Nations Educational, Scientific and Cultural Organization met.")
    assert slips(g, "en", text) == [
        ("unesco", "United Nations Educational, Cultural and Scientific Organization", "swap of words")]


def test_a_chinese_window_of_real_words_is_ordinary_text(g):
    # E/2023/15: the joint secretariat (联合秘书处) of the Regional Collaborative Platform
    assert slips(g, "zh", "西亚经社会担任区域协作平台联合秘书处的成员。") == []
