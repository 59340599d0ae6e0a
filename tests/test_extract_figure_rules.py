"""Figures are figures (issue 10): what is not a quantity is no figure, ranges are one figure
with both ends, fractions and multiples are figures. The paragraph strings are quoted from
real documents of ../shared/corpus-dev/ as the reader gives them; the last tests run the
real PDFs whose charts and tables used to break a batch."""
from __future__ import annotations

import pytest

from extract import extract
from tests.builders import SHARED, shared
from tests.test_extract_figures import doc_of, figures

CORPUS = SHARED / "corpus-dev" / "en"


def ranges(lang: str, text: str) -> list[tuple]:
    return [(r["text"], r["low"], r["high"], r["unit"])
            for r in extract(doc_of(lang, text), ["figure"]) if r["high"] is not None]


@pytest.mark.parametrize("lang,text", [
    # chart ticks and table rows: numbers side by side (E/2025/65, DP/2025/10, JIU/REP/2025/2)
    ("en", "135 135 130 130 125 125 120 120 115 115 110 110 105 105 100 100"),
    ("en", "800 696 677 700 630 600 500 434 424 415 419 377 400 330 300"),
    ("en", "Programme expenses 998.5 1,004.0 Trust funds 1,070.0 1,078.9 Less: indirect costs "
           "(71.5) (74.9)"),
    ("en", "Staff 36% 48% 16% Consultants/affiliate personnel 14% 47% 29%"),
    ("en", "Argentina – 2 – 2 – – – – – – – – – 320 – – 180 – – 180"),
    ("zh", "700 650 600 550 500"),
    # paragraph, recommendation and heading numbers, tables of contents, page footers
    ("en", "16. Several delegates highlighted the development challenges"),
    ("en", "9.1. Continue to improve the user-friendliness of the Evaluation"),
    ("en", "140.162 Continue its efforts (Ghana); 140.163 Take measures (Chile);"),
    ("en", "8 A. Inter-agency coordination mechanisms ..................."),
    ("en", "9 J. Other consultations............................................."),
    ("en", "6- As mentioned by the Arab Group, we will continue to advance"),
    ("en", "5"),
    ("en", "56/266 and 74/137 Implementation of the Durban Declaration 17 /55"),
    # labels: figures, tables, recommendations, versions, goals, standards
    ("en", "Recommendation 5. The Executive Boards should implement"),
    ("en", "See Figure 3 and Table 12 for version 2.0 of the Classification"),
    ("en", "The initiative supports Goals 3, 6, and 9."),
    ("en", "actions 19 to 32 of the Vienna Action Plan, subparagraph 21(k) of Article VIII"),
    ("en", "a consequence of the adoption of IPSAS 41: financial instruments"),
    ("zh", "建议 5 各国政府应当"),
    # job numbers, old resolutions, web addresses, dates
    ("en", "decision 79/551). 25 - 09905"),
    ("en", "General Assembly resolution 248 (III) 25 -01529 04320"),
    ("en", "%D0%B5%20%D0%BC%D0%B0%D1%81%D0%BE%D0%B2%D1%8B%D1%85%20%D1%81"),
    ("en", "80-jahre-kriegsende-auswaertiges-amt-will-keine-vertreter-li.2313544"),
    ("en", "On 19, 27 and 28 May, it held sessions"),
    ("en", "The meeting rose at 11.20 a.m. (see A/AC.109/2025/SR.2–6)."),
    ("en", "audits (report nos. 2643 and 2645, respectively); Topic 11. The Republika Srpska"),
    ("en", "the Board of the 10 - Year Framework; a cost-benefit ratio of 1:23"),
    ("en", "notamment aux paragraphes 39-43."),
    ("en", "Montenegro* 20 Sept. 2011 20 Oct. 2011; operationalize the Jad‘ah 5 site"),
    ("en", "24-22530X (E) 191224"),
    ("en", "approving several hundred units every week"),
    ("en", "One of the victims remains missing; no one was hurt"),
    ("en", "the government’s progress in implementing key priority five of the priorities"),
    ("en", "as contained in decision 4 of the first Meeting of States Parties and in decision 1"),
    ("en", "the mechanism (1 January, lines 150–266) the location"),
    ("en", "south of Hula (Sector East), UN position 9-63, and UN position 9-64 south of Kfar Kila"),
    ("en", "Bloc républicain pour la défense de la Constitution du 30 mars 2016 organized"),
])
def test_not_figures(lang, text):
    assert figures(lang, text) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "With 44 per cent of women aged 15 to 49 still lacking full control",
     [("15 to 49", 15, 49, "years")]),
    ("en", "young people aged 15–24", [("15–24", 15, 24, "years")]),
    ("en", "may represent between 5 per cent and 10 per cent of project expenditure",
     [("5 per cent and 10 per cent", 5, 10, "percent")]),
    ("en", "between 10 and 20 per cent", [("10 and 20 per cent", 10, 20, "percent")]),
    ("en", "US$ 2 to 3 million", [("US$ 2 to 3 million", 2000000, 3000000, "USD")]),
    ("en", ">= 90% Progress >= 60% Progress 0-59% Progress", [("0-59%", 0, 59, "percent")]),
    ("zh", "15至24岁的青年", [("15至24岁", 15, 24, "years")]),
    ("zh", "10%至20%的经费", [("10%至20%", 10, 20, "percent")]),
])
def test_ranges_are_one_figure_with_both_ends(lang, text, expected):
    assert ranges(lang, text) == expected


@pytest.mark.parametrize("text", [
    "female participation saw a slight decline from 7.73 per cent to 7.67 per cent",
    "by a recorded vote of 64 to 44, with 16 abstentions",
    "implementing programme activities increased by $1.9 million to $7.7 million",
    "debt rose from a pre-pandemic average of 40 per cent to 57 per cent of GDP in 2024",
])
def test_changes_and_votes_are_not_ranges(text):
    assert ranges("en", text) == [] and len(figures("en", text)) >= 2


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Almost three quarters of the victims", [(0.75, "fraction", "approximately")]),
    ("en", "two thirds of countries", [(0.666667, "fraction", None)]),
    ("en", "a fifth of women and one in three girls", [(0.2, "fraction", None),
                                                      (0.333333, "fraction", None)]),
    ("en", "received over half (50 per cent) of the funding",
     [(0.5, "fraction", "more_than"), (50, "percent", None)]),
    ("en", "incomes doubled and costs rose threefold", [(2, "times", None), (3, "times", None)]),
    ("en", "five out of every six Palestinians killed", [(0.833333, "fraction", None)]),
    ("en", "40 women out of 200 participants", [(40, "count", None), (200, "count", None)]),
    ("en", "Throughout these six and a half decades", [(6.5, "count", None)]),
    ("en", "a third country, the first half of 2025 and the third quarter", []),
    ("en", "a 2.6 per cent growth rate for the first three quarters of 2022",  # a period
     [(2.6, "percent", None), (3, "count", None)]),
    ("zh", "三分之一的国家，一半的妇女", [(0.333333, "fraction", None), (0.5, "fraction", None)]),
    ("zh", "收入翻了一番，产量翻两番", [(2, "times", None), (4, "times", None)]),
    ("zh", "捐款增加了两倍", [(3, "times", None)]),
])
def test_fractions_and_multiples_are_figures(lang, text, expected):
    assert figures(lang, text) == expected


def test_a_unit_or_scale_is_shared_only_by_the_ends_of_a_range():
    """DP/FPA/2025/4 (Part I)/Add.1: the percentage is not scaled by the amount's million."""
    assert figures("en", "expenses increased by 46.6 per cent to $8.8 million in 2024") == [
        (46.6, "percent", None), (8800000, "USD", None)]
    assert figures("en", "$2 million and 20 staff") == [(2000000, "USD", None), (20, "count", None)]


@pytest.mark.parametrize("text,expected", [
    # A/ES-10/1029-S/2025/210: a list goes on after a semicolon
    ("killed in an Israeli bombardment in Khan Yunus; 22 Palestinians, 16 of whom were children",
     [(22, "count", None), (16, "count", None)]),
    # A/79/768-S/2025/75, DP/2025/4, A/80/141
    ("In Kharkiv, at least one person was killed", [(1, "count", "at_least")]),
    ("this marks 12 consecutive years of unqualified audit opinions", [(12, "years", None)]),
    ("Global warming at 2°C will result in the loss of half the volume of the glaciers",
     [(2, "°C", None), (0.5, "fraction", None)]),
])
def test_words_around_a_number(text, expected):
    assert figures("en", text) == expected


def test_currency_codes_are_units():
    """S/2025/272: Bosnia and Herzegovina's budget in convertible marks."""
    assert figures("en", "contributions for pension fund in amount of BAM 3.618 billion") == [
        (3618000000, "BAM", None)]


def test_figure_text_and_values_unchanged_around_the_rules():
    """Real figures next to the rules' cases survive (A/80/1, S/2025/323, DP/2025/23)."""
    assert figures("en", "assistance and protection to more than 116 million people.") == [
        (116000000, "count", "more_than")]
    assert figures("en", "resulting in at least 52 civilian casualties (22 fatalities, "
                         "including 14 children") == [
        (52, "count", "at_least"), (22, "count", None), (14, "count", None)]
    assert figures("en", "$17.8 million in cash and an estimated $2.6 million in kind") == [
        (17800000, "USD", None), (2600000, "USD", "approximately")]


@pytest.mark.parametrize("name,page", [("A_80_56.en.pdf", 24), ("DP_2025_10.en.pdf", 18),
                                       ("S_2025_153.en.pdf", 4)])
def test_chart_ticks_of_real_reports_are_no_figures(tmp_path, name, page):
    """These charts' ticks were read as one number of up to 60 digits (OverflowError in the
    store, ArrowInvalid in Parquet); now the document exports, and no figure on the chart's
    page is a run of numbers."""
    import corpus
    from extract.records import write_parquet

    records = extract(corpus.read(shared(CORPUS / name)), ["figure"])
    assert records and max(r["value"] for r in records) < 1e15
    on_page = [r["text"] for r in records if r["page"] == page]
    assert not [t for t in on_page if len(t.split()) > 2 and t.replace(" ", "").isdigit()]
    write_parquet(records, str(tmp_path / "x.parquet"))
