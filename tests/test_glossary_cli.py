"""``rapporteur terms …`` and ``rapporteur align`` as a user runs them."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from corpus.cli import main
from glossary.formats import BUNDLED
from glossary.schemas import tbx_errors, tmx_errors

DATA = Path(__file__).parent / "data" / "glossary"
PAIR_EN, PAIR_ZH = str(DATA / "pair.en.txt"), str(DATA / "pair.zh.txt")


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_lookup_shows_both_languages_and_statuses():
    code, out = run("terms", "lookup", "开发署")
    assert code == 0
    for text in ("undp", "United Nations Development Programme", "UNDP", "联合国开发计划署",
                 "United Nations Development Program", "deprecated"):
        assert text in out


def test_lookup_by_part_of_a_term_in_either_language():
    code, out = run("terms", "lookup", "儿童基金")  # inside 联合国儿童基金会 only
    assert code == 0 and "unicef" in out and "UNICEF" in out
    code, out = run("terms", "lookup", "Narcotic")
    assert code == 0 and out.splitlines() == [
        "2 concepts have a term containing 'Narcotic':",
        "  commission-narcotic-drugs: Commission on Narcotic Drugs / 麻醉药品委员会",
        "  incb: International Narcotics Control Board / 国际麻醉品管制局"]


def test_import_says_what_it_skipped(tmp_path):
    path = tmp_path / "cat.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><langSet xml:lang="en"><tig><term>World Food Programme</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>Programme alimentaire mondial</term></tig></langSet>
<langSet xml:lang="pt"><tig><term>Programa Alimentar Mundial</term></tig></langSet></termEntry>
<termEntry id="t2"><langSet xml:lang="de"><tig><term>Vereinte Nationen</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    code, out = run("terms", "import", str(path))
    assert code == 0
    assert out.splitlines()[0].endswith("1 concepts; terms: 1 English, 1 French; 1 concept(s) "
                                        "share a form with the bundled glossary")
    assert "skipped: language sections other than the six official languages: de ×1, pt ×1" in out
    assert "skipped: 1 entry with no term in the six official languages" in out


def test_lookup_of_an_unknown_term_is_a_clear_error():
    code, out = run("terms", "lookup", "Ministry of Magic")
    assert code == 1
    assert "error: 'Ministry of Magic' is not in the glossary" in out
    assert "Traceback" not in out


def test_export_tbx_validates_and_csv_is_the_bundled_file(tmp_path):
    tbx, csv = tmp_path / "un.tbx", tmp_path / "un.csv"
    assert run("terms", "export", "--format", "tbx", "-o", str(tbx))[0] == 0
    assert tbx_errors(tbx.read_bytes()) == []
    assert run("terms", "export", "-o", str(csv))[0] == 0
    assert csv.read_bytes() == Path(str(BUNDLED)).read_bytes()


def test_import_converts_and_refuses_unsafe_xml(tmp_path):
    tbx, back = tmp_path / "un.tbx", tmp_path / "back.csv"
    run("terms", "export", "--format", "tbx2", "-o", str(tbx))
    code, out = run("terms", "import", str(tbx), "-o", str(back))
    assert code == 0 and "concepts" in out
    assert back.read_bytes() == Path(str(BUNDLED)).read_bytes()
    evil = tmp_path / "evil.tbx"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    "<tbx>&x;</tbx>", encoding="utf-8")
    code, out = run("terms", "import", str(evil))
    assert code == 1 and f"error: {evil}: refused" in out and "Traceback" not in out


def test_check_json_on_the_pair(tmp_path):
    out_file = tmp_path / "findings.json"
    code, _ = run("terms", "check", PAIR_ZH, "--source", PAIR_EN, "--format", "json",
                  "-o", str(out_file))
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert len(data["findings"]) == 8
    assert code == 1  # it reports errors (missing translations, deprecated forms)
    assert set(data["findings"][0]) >= {"type", "concept", "variants", "locations", "suggestion"}


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("never", 0)])
def test_check_exit_status_follows_fail_on(fail_on, code):
    # check.en.txt has errors (a deprecated form, slips) and warnings
    assert run("terms", "check", str(DATA / "check.en.txt"), "--fail-on", fail_on)[0] == code


def test_check_exits_0_on_a_clean_report_and_on_warnings_by_default(tmp_path):
    clean = Path(__file__).parent.parent / "corpus" / "samples" / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
    assert run("terms", "check", str(clean))[0] == 0
    warned = tmp_path / "warned.txt"
    warned.write_text("1. UNFPA and UNDP met.\n", encoding="utf-8")
    assert run("terms", "check", str(warned))[0] == 0
    code, out = run("terms", "check", str(warned), "--fail-on", "warning")
    assert code == 1 and "[warning] undefined-abbreviation" in out


def test_check_html_writes_one_page(tmp_path):
    page = tmp_path / "report.html"
    assert run("terms", "check", PAIR_ZH, "--format", "html", "-o", str(page), "--fail-on", "never")[0] == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args, message, status", [
    # terms check: 2 when it cannot run, so that 1 always means "findings"
    (["terms", "check", "nowhere.txt"], "error: nowhere.txt: No such file or directory", 2),
    (["terms", "check", PAIR_ZH, "--glossary", "nowhere.tbx"], "error: nowhere.tbx: No such file", 2),
    (["align", PAIR_EN, PAIR_EN, "-o", "x.tmx"], "both in 'en'", 1),
])
def test_bad_input_gives_a_message_not_a_traceback(args, message, status):
    code, out = run(*args)
    assert code == status and message in out and "Traceback" not in out


def test_align_writes_a_valid_tmx(tmp_path):
    tmx = tmp_path / "pair.tmx"
    code, out = run("align", PAIR_EN, PAIR_ZH, "-o", str(tmx))
    assert code == 0 and "19 aligned units" in out
    assert tmx_errors(tmx.read_bytes()) == []


def test_mine_writes_candidates_as_valid_tbx(tmp_path):
    tbx = tmp_path / "candidates.tbx"
    code, out = run("terms", "mine", PAIR_EN, PAIR_ZH, "-o", str(tbx))
    assert code == 0
    data = tbx.read_bytes()
    assert tbx_errors(data) == []
    assert "西亚经济社会委员会".encode() in data and b"known: escwa" in data


def test_bilingual_tools_say_how_much_aligned_and_warn_when_nothing_does(tmp_path):
    code, out = run("terms", "check", PAIR_ZH, "--source", PAIR_EN, "--fail-on", "never")
    assert code == 0 and f"aligned 19 unit(s) of {PAIR_EN} with {PAIR_ZH}: 14 paragraph(s) by number" in out
    assert "warning: " not in out
    # two documents with nothing in common
    other = tmp_path / "other.zh.txt"
    other.write_text("联合国\n\n大会\n", encoding="utf-8")
    code, out = run("terms", "check", str(other), "--source", PAIR_EN, "--fail-on", "never")
    assert "aligned 0 unit(s)" in out and "warning: nothing aligns, so the bilingual checks" in out
    code, out = run("terms", "mine", PAIR_EN, str(other))
    assert code == 1 and "error: nothing aligns" in out and "Traceback" not in out


def test_bilingual_tools_pair_a_real_pair_without_numbers_by_content():
    from tests.builders import SHARED, shared

    en = shared(SHARED / "parallel" / "E_2023_15.en.segments.txt")
    zh = shared(SHARED / "parallel" / "E_2023_15.zh.segments.txt")
    code, out = run("terms", "check", str(zh), "--source", str(en), "--fail-on", "never")
    assert "by content (its paragraphs are unnumbered); the bilingual checks use the 81 reliable" in out
    code, out = run("terms", "mine", str(en), str(zh))
    assert code == 0 and "mining use the 81 reliable" in out and "candidate pairs" in out


def test_align_pairs_a_real_pair_without_numbers_by_content(tmp_path):
    from tests.builders import SHARED, shared

    en = shared(SHARED / "parallel" / "E_2023_15.en.segments.txt")
    zh = shared(SHARED / "parallel" / "E_2023_15.zh.segments.txt")
    out = tmp_path / "e2023.tmx"
    code, text = run("align", str(en), str(zh), "-o", str(out))
    assert code == 0 and "aligned units by content (0 of" in text and "reliable (confidence ≥ 0.75)" in text
    data = out.read_bytes()
    assert tmx_errors(data) == []
    tree = etree.fromstring(data)
    first = tree.find(".//tu")
    assert first.findtext("prop[@type='x-confidence']") == "1.00"
    assert first.findtext("tuv[2]/seg").startswith("本报告根据大会第1823(XVII)号决议")
    assert run("align", str(en), str(zh), "--by", "number", "-o", str(out))[0] == 1


@pytest.fixture(scope="module")
def pair_store(tmp_path_factory):
    from corpus.reader import read
    from corpus.store import Store

    db = tmp_path_factory.mktemp("store") / "past.db"
    with Store(db) as store:
        store.add(read(PAIR_EN))
        store.add(read(PAIR_ZH))
    return db


def test_concordance_shows_aligned_paragraphs_of_past_reports(pair_store, tmp_path):
    code, out = run("terms", "concordance", "人权高专办", "--db", str(pair_store), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["concept"] == "ohchr"
    para5 = next(x for x in data["lines"] if x["paragraph"] == "5")
    assert para5["symbol"] == "A/HRC/99/12-E/CN.6/2025/12" and para5["year"] == "2025"
    assert para5["en"].startswith("UN-Women, OHCHR and UNDP supported national human rights")
    assert para5["forms"][0] == "OHCHR" and "人权高专办" in para5["forms"]
    page = tmp_path / "c.html"
    assert run("terms", "concordance", "OHCHR", "--db", str(pair_store), "--format", "html",
               "-o", str(page))[0] == 0
    assert "<mark>OHCHR</mark>" in page.read_text(encoding="utf-8")


def test_concordance_without_a_store_is_a_clear_error(tmp_path):
    code, out = run("terms", "concordance", "UNDP", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "none.db' does not exist (a store is made by 'rapporteur ingest" in out
    assert "Traceback" not in out and not (tmp_path / "none.db").exists()


def test_findings_written_into_a_word_translation_as_comments(tmp_path):
    from docx import Document

    draft = tmp_path / "draft.docx"
    doc = Document()
    p = doc.add_paragraph("1. The report was prepared with ")
    p.add_run("the Untied Nations ")  # a slip spread over two runs, as Word often stores text
    p.add_run("Population Fund and UNDP.")
    doc.save(str(draft))
    out = tmp_path / "draft.commented.docx"
    code, text = run("terms", "check", str(draft), "--comments", str(out), "--fail-on", "never")
    assert code == 0 and f"wrote {out}: 2 comment(s)" in text
    comments = {c.text for c in Document(str(out)).comments}
    assert any(c.startswith("[error] near-miss: “Untied Nations Population Fund” is one "
                            "transposition away") for c in comments)
    assert any("“UNDP” is used and never defined" in c for c in comments)
    body = Document(str(out)).element.body.xml
    anchored = body[body.index("commentRangeStart"):body.index("commentRangeEnd")]
    assert "the Untied Nations " in anchored and "Population Fund and UNDP." in anchored
    code, text = run("terms", "check", PAIR_ZH, "--comments", str(out), "--fail-on", "never")
    assert code == 2 and "--comments needs a Word (.docx) document" in text
