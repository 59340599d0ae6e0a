"""Abbreviation hygiene as UN editors apply it, on documents built in the corpus model (so
that no detail of PDF reading decides the outcome): definitions count where they stand in
reading order, a footnote at its marker; unexpanded forms and acronyms inside names,
symbols and addresses are no findings."""
import pytest

from corpus.model import Document, Footnote, Metadata, Paragraph
from glossary import Glossary
from glossary.abbreviations import abbreviations
from glossary.scan import scan


@pytest.fixture(scope="module")
def g():
    return Glossary.bundled()


def doc(paragraphs, footnotes=(), symbol="A/80/999"):
    return Document(source=f"{symbol}.txt", format="txt", sha256="0",
                    metadata=Metadata(symbol=symbol, lang="en"),
                    paragraphs=[Paragraph(str(k), text, footnote_refs=refs)
                                for k, (text, refs) in enumerate(paragraphs, start=1)],
                    footnotes=[Footnote(m, t) for m, t in footnotes])


def found(g, d):
    return [(f.concept, f.message) for f in abbreviations(scan(d, g))]


def test_a_definition_in_an_early_footnote_counts_at_its_marker(g):
    d = doc([("The Office reported on its work.", ["1"]),
             ("OIOS audited 12 missions in 2024.", []),
             ("UNFPA supported the census.", [])],
            [("1", "Office of Internal Oversight Services (OIOS), annual report 2024.")])
    assert found(g, d) == [("unfpa", "“UNFPA” is used and never defined")]


def test_a_use_before_the_footnote_marker_is_before_the_definition(g):
    d = doc([("OIOS audited 12 missions in 2024.", []),
             ("The Office reported on its work.", ["1"])],
            [("1", "Office of Internal Oversight Services (OIOS), annual report 2024.")])
    assert found(g, d) == [("oios", "“OIOS” is used before it is defined")]


def test_forms_un_documents_leave_unexpanded_are_no_findings(g):
    d = doc([("New HIV infections and AIDS-related deaths rose during COVID-19; "
              "progress on the SDGs and the UN system response were reviewed.", [])])
    assert found(g, d) == []


def test_acronyms_inside_names_symbols_and_addresses_are_ignored(g):
    d = doc([("UN-Energy and the CBD/COP decisions were discussed, as was report "
              "JIU/REP/2023/7 (see www.unfpa.org/publications and https://undp.org/UNDP).", []),
             ("An FAO-led project started.", [])])
    assert found(g, d) == [("fao", "“FAO” is used and never defined")]


def test_a_plural_or_qualified_definition_defines_the_acronym(g):
    d = doc([("Non-governmental organizations (NGOs) took part.", []),
             ("NGO participation grew.", []),
             ("The United Nations Population Fund (UNFPA, or “the Fund”) agreed; UNFPA paid.", [])])
    assert found(g, d) == []


def test_a_body_needs_no_expansion_in_its_own_documents(g):
    d = doc([("UNICEF staff and UNFPA staff met.", [])], symbol="E/ICEF/2025/AB/L.3")
    assert found(g, d) == [("unfpa", "“UNFPA” is used and never defined")]
    # the Executive Board of UNDP, UNFPA and UNOPS has one series for the three
    d = doc([("Reports of the Ethics Offices of UNDP, UNFPA and UNOPS; UNICEF too.", [])],
            symbol="DP/FPA/2025/7")
    assert found(g, d) == [("unicef", "“UNICEF” is used and never defined")]


def test_a_list_of_abbreviations_under_a_figure_defines_them_for_the_document(g):
    d = doc([("Collaborated with ECA and WTO on trade.", []),
             ("Abbreviations: ECA, Economic Commission for Africa; WTO, World Trade Organization.", []),
             ("MMR=Maternal mortality ratio. The MMR fell.", []),
             ("ECA and WTO met again.", [])])
    assert found(g, d) == []


def test_a_document_that_expands_none_of_many_acronyms_follows_a_house_style(g):
    # a calendar of conferences: "ICAO, Council", "IAEA, Board of Governors", …
    rows = ["ICAO, Council 20 January", "IAEA, Board of Governors 3–7 March",
            "UNCTAD, Trade and Development Board", "UPU, Council of Administration",
            "WMO, Executive Council"]
    assert found(g, doc([(r, []) for r in rows])) == []
    assert [c for c, _ in found(g, doc([(r, []) for r in rows[:4]]))] == [
        "icao", "iaea", "unctad", "upu"]


def test_a_chinese_list_of_abbreviations_defines_them(g):
    d = doc([("非洲经委会协助12个试点国家。", []),
             ("缩略语：非洲经委会，非洲经济委员会；欧洲经委会，欧洲经济委员会。", [])])
    d.metadata.lang = "zh"
    assert found(g, d) == []
    d.paragraphs.pop()
    assert found(g, d) == [("eca", "“非洲经委会” is used and never defined")]
