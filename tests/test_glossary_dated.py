"""Outdated forms are judged by the document's date (``glossary/data/dated.csv``): right
until their last year, wrong after it, and given the benefit of the doubt when a document
has no date."""
import pytest

from corpus.model import Document, Metadata, Paragraph
from glossary import Glossary
from glossary.checks import deprecated
from glossary.scan import scan


@pytest.fixture(scope="module")
def g():
    return Glossary.bundled()


def found(g, text, date, lang="en"):
    d = Document(source="x.txt", format="txt", sha256="0", metadata=Metadata(lang=lang, date=date),
                 paragraphs=[Paragraph("1", text)])
    return [(f.concept, f.variants[0]["form"]) for f in deprecated(scan(d, g))]


def test_the_bundled_glossary_dates_its_outdated_forms(g):
    assert g.find("国际移徙组织").term("国际移徙组织").valid_until == "2016"
    assert g.find("Chairman").term("Chairman").valid_until == "2007"


@pytest.mark.parametrize("date, expected", [
    ("1997-11-19", []), (None, []), ("2025-06-19", [("chair", "Chairman")])])
def test_chairman_of_a_un_body_is_outdated_after_its_year(g, date, expected):
    assert found(g, "The Chairman of the Commission on the Status of Women spoke.", date) == expected


def test_the_title_of_an_officer_outside_the_un_is_kept(g):
    text = "The bank is led by its President and Chairman, Professor Benedict Oramah."
    assert found(g, text, "2025-06-19") == []


@pytest.mark.parametrize("date, expected", [
    ("2012-05-01", []), ("2023-04-01", [("iom", "国际移徙组织")])])
def test_iom_s_old_chinese_name_is_right_until_2016(g, date, expected):
    assert found(g, "国际移徙组织参加了会议。", date, "zh") == expected


def test_a_deprecated_form_without_a_date_is_always_wrong(g):
    assert found(g, "The United Nations Development Program helped.", "1997-01-01") == [
        ("undp", "United Nations Development Program")]


def test_member_states_of_another_organization_stay_in_lower_case(g):
    assert found(g, "IGAD and its member states, and EU member states, met.", "2025-05-08") == []
    assert found(g, "All member states of the United Nations voted.", "2025-05-08") == [
        ("member-states", "member states")]
