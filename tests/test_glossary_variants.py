"""Every name a document gives one body, grouped under its concept: approved forms and the
short forms a Chinese document coins (难民专员, 开发计划署, 儿基金)."""
import pytest

from corpus.reader import read
from glossary import Glossary
from glossary.checks import check, variants
from glossary.scan import scan
from tests.builders import ZH_DUMP


@pytest.fixture(scope="module")
def g():
    return Glossary.bundled()


@pytest.fixture(scope="module")
def dump_scan(g):
    return scan(read(ZH_DUMP), g)


def test_the_gender_mainstreaming_dump_names_three_bodies_two_ways(dump_scan):
    found = {f.concept: (f.message, f.suggestion) for f in variants(dump_scan)}
    assert found == {
        "unhcr": ("2 different short forms name 联合国难民事务高级专员办事处: “难民署” ×4, “难民专员” ×1",
                  "use “难民署” throughout"),
        "unicef": ("2 different short forms name 联合国儿童基金会: “儿基会” ×6, “儿基金” ×1",
                   "use “儿基会” throughout"),
        "undp": ("2 different short forms name 联合国开发计划署: “开发署” ×10, “开发计划署” ×1",
                 "use “开发署” throughout"),
    }
    unicef = next(f for f in variants(dump_scan) if f.concept == "unicef")
    assert [(loc.paragraph, loc.text) for loc in unicef.locations] == [("17", "儿基金")]


def test_the_dump_gives_no_other_finding(dump_scan):
    # 国际移徙组织 is IOM's name in 2012 (an admitted historical form); UNHCR is introduced
    # as 联合国难民事务高级专员(难民专员), so 难民署 is a variant, not an undefined acronym
    assert sorted((f.type, f.concept) for f in check(dump_scan)) == [
        ("variant", "undp"), ("variant", "unhcr"), ("variant", "unicef")]


def test_a_coined_form_inside_an_approved_name_or_an_ordinary_word_is_none(g):
    from corpus.model import Document, Metadata, Paragraph

    text = ("联合国开发计划署(开发署)与国家开发计划的执行机构合作，开发署提供了支助。"
            "联合国儿童基金会(儿基会)设立了儿童基金。")
    d = Document(source="x.txt", format="txt", sha256="0", metadata=Metadata(lang="zh"),
                 paragraphs=[Paragraph("1", text)])
    assert variants(scan(d, g)) == []
