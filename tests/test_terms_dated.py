"""Dated forms on real text: a form is judged by the date of the document that uses it. The
ECOSOC 2012 gender-mainstreaming report (its Chinese text, corpus/samples/zh) names IOM
国际移徙组织, right until about 2016; the 2011 UN-Women–OHCHR workplan names UN-Women, which
exists from 2010."""
from dataclasses import replace
from pathlib import Path

import pytest

from corpus.reader import read
from glossary import Glossary
from glossary.checks import deprecated
from glossary.scan import scan

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples" / "zh"
DUMP = SAMPLES / "gender-mainstreaming-2012.zh-dump.txt"
WORKPLAN = SAMPLES / "unwomen-ohchr-joint-workplan-2012.zh.txt"


@pytest.fixture(scope="module")
def g():
    return Glossary.bundled()


@pytest.fixture(scope="module")
def dump():
    return read(DUMP)


def dated(doc, date):
    return replace(doc, metadata=replace(doc.metadata, date=date))


def test_the_bundled_glossary_carries_periods_and_what_attests_them(g):
    iom = g.concept("iom").term("国际移徙组织")
    assert (iom.status, iom.valid_from, iom.valid_until) == ("deprecated", "", "2016")
    assert "国际移徙组织" in iom.attested and "2012" in iom.attested
    un_women = g.concept("un-women").term("妇女署")
    assert (un_women.status, un_women.valid_from, un_women.valid_until) == ("preferred", "2010", "")


def test_iom_s_old_name_is_right_in_the_2012_report_and_outdated_in_2025(g, dump):
    assert dump.metadata.date is None  # the dump's text gives no date: benefit of the doubt
    assert deprecated(scan(dump, g)) == []
    assert deprecated(scan(dated(dump, "2012-07-02"), g)) == []
    (finding,) = deprecated(scan(dated(dump, "2025-06-19"), g))
    assert (finding.concept, finding.severity) == ("iom", "error")
    assert finding.message == "“国际移徙组织” is outdated: right until 2016, the document is of 2025"
    assert finding.suggestion == "use “国际移民组织”"
    (where,) = finding.locations
    assert (where.text, where.unit, where.paragraph) == ("国际移徙组织", "paragraph", "53")
    assert dump.paragraphs[where.index].text[where.start - 7:where.end] == "艾滋病署)以及国际移徙组织"


def test_a_name_is_an_anachronism_before_its_body_existed(g):
    workplan = read(WORKPLAN)
    assert workplan.metadata.date == "2011-12-09"
    assert deprecated(scan(workplan, g)) == []
    full, short = deprecated(scan(dated(workplan, "2008-03-01"), g))
    assert (full.concept, short.concept) == ("un-women", "un-women")
    assert short.message == "“妇女署” is not in use before 2010 (the document is of 2008)"
    assert short.suggestion == "use the name in use in 2008"
    assert (full.variants, short.variants) == ([{"form": "联合国促进性别平等和增强妇女权能署", "count": 2}],
                                               [{"form": "妇女署", "count": 105}])


def test_an_exported_and_reloaded_glossary_keeps_the_periods(g, dump, tmp_path):
    from glossary.formats import save

    path = tmp_path / "mine.csv"
    save(g, path)
    mine = Glossary.load(path)
    assert mine.concept("iom").term("国际移徙组织").valid_until == "2016"
    assert deprecated(scan(dump, mine)) == []
    assert [f.concept for f in deprecated(scan(dated(dump, "2025-06-19"), mine))] == ["iom"]
