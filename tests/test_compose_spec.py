"""Specs beyond the example: XLSX data, the audit that catches a number typed into a
template, terminology on first and later mention, and what the glossary check says when
the rule is broken."""
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from corpus.cli import main

CSV = Path(__file__).resolve().parent.parent / "compose" / "examples" / "gender-mainstreaming-data.csv"


def _spec(paragraphs, data=None):
    return {
        "masthead": {"symbol": "A/81/999", "organ": "general-assembly", "date": "2026-07-27",
                     "session": {"number": 81}, "original": "en",
                     "agenda": {"item": "28", "document": "A/81/150",
                                "title": {"en": "Advancement of women", "zh": "提高妇女地位"}},
                     "title": {"en": "Test report", "zh": "测试报告"}},
        "data": data or [{"file": "data.csv"}],
        "sections": [{"heading": {"en": "Introduction", "zh": "导言"},
                      "paragraphs": paragraphs}],
    }


def _write(tmp_path, spec, name="spec.yaml"):
    """The spec with the example's data next to it, as ``data.csv``."""
    shutil.copy(CSV, tmp_path / "data.csv")
    path = tmp_path / name
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    return path


def _compose(tmp_path, spec, *extra):
    path = _write(tmp_path, spec)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(out), *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {lang: json.loads((out / f"A_81_999.{lang}.provenance.json").read_text("utf-8"))
            for lang in ("en", "zh")}, out, result


def test_xlsx_data_rows_are_the_source(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    lines = CSV.read_text("utf-8").splitlines()
    for line in lines:
        ws.append(line.split(","))
    book.save(tmp_path / "data.xlsx")
    spec = _spec([{"type": "indicator_change", "data": "gender_budget"}],
                 data=[{"file": "data.xlsx"}])
    side, _, _ = _compose(tmp_path, spec, "--no-check")
    en = side["en"]["figures"]
    assert [(f["text"], f["role"], f["source"].get("row")) for f in en] == [
        ("US$ 21.5 million", "previous", 11), ("US$ 25 million", "input", 11),
        ("US$ 3.5 million", "computed", None)]
    assert [f["text"] for f in side["zh"]["figures"]] == ["2 150万美元", "2 500万美元", "350万美元"]
    assert en[2]["source"] == {"kind": "computed", "rule": "difference",
                               "of": ["gender_budget", "gender_budget.previous"]}


def test_a_number_typed_into_a_template_is_an_error(tmp_path):
    """Typed digits, typed numbers passed through a filter and number words are all
    untraced: compose writes the files for the drafter to see and exits 1 with the places."""
    spec = _spec([{"text": {"en": "Some 14 entities reported, {{ 7|num }} did not and half "
                                  "of them doubled their budget.",
                            "zh": "约有 14 个实体提交了报告，{{ 7|num }} 个没有提交，其中一半的"
                                  "预算翻了一番，三分之一持平。"}}])
    path = _write(tmp_path, spec)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    side = {lang: json.loads((out / f"A_81_999.{lang}.provenance.json").read_text("utf-8"))
            for lang in ("en", "zh")}
    assert [(u["para"], u["text"]) for u in side["en"]["untraced"]] == [
        ("1", "14"), ("1", "seven"), ("1", "half"), ("1", "doubled")]
    assert [(u["para"], u["text"]) for u in side["zh"]["untraced"]] == [
        ("1", "14"), ("1", "7"), ("1", "一半"), ("1", "翻了一番"), ("1", "三分之一")]
    assert side["en"]["figures"][0]["text"] == "seven"  # UN style spells out one to nine
    assert "A_81_999.en.docx paragraph 1: figure '14' is not traced to the data" in result.output
    assert result.output.rstrip().endswith("error: 9 figure(s) not traced to the data: take "
                                           "them from the data or mark them with a rule, or "
                                           "pass --no-check")


def test_first_mention_full_then_short(tmp_path):
    from compose import build, spec as spec_mod

    s = _spec([{"text": {"en": "{{ term('undp') }} and {{ term('undp') }}.",
                         "zh": "{{ term('undp') }}和{{ term('undp') }}。"}}])
    path = _write(tmp_path, s, "s.yaml")
    en, zh = build.editions(spec_mod.load(path), ["en", "zh"])
    assert en.paragraphs()[0].body.text == "United Nations Development Programme (UNDP) and UNDP."
    assert zh.paragraphs()[0].body.text == "联合国开发计划署(开发署)和开发署。"
    assert en.masthead.session == "Eighty-first session"
    assert zh.masthead.session == "第八十一届会议"
    assert zh.masthead.agenda == ["临时议程", "项目28"]


def test_terms_check_catches_a_short_form_used_first(tmp_path):
    """The check the example passes is not vacuous: a short form before its full form is
    a finding."""
    spec = _spec([{"text": {"en": "{{ term('undp', 'short') }} supports {{ term('undp') }}.",
                            "zh": "{{ term('undp', 'short') }}支持{{ term('undp') }}。"}}])
    _, out, _ = _compose(tmp_path, spec, "--no-check")
    result = CliRunner().invoke(main, ["terms", "check", str(out / "A_81_999.en.docx"),
                                       "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert [(f["type"], f["concept"]) for f in findings] == [("undefined-abbreviation", "undp")]


@pytest.mark.parametrize("paragraph, message", [
    ({"type": "indicator_change", "data": "nothing"}, "paragraph 1: no data nothing"),
    ({"text": {"en": "{{ d.entities_total|change }}", "zh": "x"}},
     "data 'entities_total' has no previous value"),
    ({"text": {"en": "{{ term('no-such') }}", "zh": "x"}}, "'no-such' is not a concept id"),
])
def test_spec_mistakes_are_explained(tmp_path, paragraph, message):
    path = _write(tmp_path, _spec([paragraph]))
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_a_broken_xlsx_is_named_not_a_traceback(tmp_path):
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    path = _write(tmp_path, _spec([{"text": {"en": "x", "zh": "x"}}],
                                  data=[{"file": "data.xlsx"}]))
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == (f"error: {tmp_path / 'data.xlsx'}: cannot read data file "
                                     "(File is not a zip file)")


def test_text_a_word_file_cannot_hold_is_refused_where_it_is(tmp_path):
    spec = _spec([{"text": {"en": "x", "zh": "x"}}])
    spec["masthead"]["symbol"] = "A/81/\x00999"
    path = _write(tmp_path, spec)
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.output.strip() == (f"error: {path}: masthead/symbol holds the control "
                                     "character U+0000, which a Word file cannot hold")
    (tmp_path / "bad.csv").write_text("id,value,subject_en\nstaff,12,staff\x0bmembers\n", "utf-8")
    path = _write(tmp_path, _spec([{"text": {"en": "x", "zh": "x"}}], data=[{"file": "bad.csv"}]))
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.output.strip() == (f"error: {tmp_path / 'bad.csv'}, row 2: subject_en holds "
                                     "the control character U+000B, which a Word file cannot hold")
    assert not (tmp_path / "o").exists()


def test_more_than_26_recommendations_go_on_to_aa_bb(tmp_path):
    from compose import build, spec as spec_mod

    s = _spec([{"text": {"en": "x", "zh": "x"}}])
    s["sections"][0]["recommendations"] = {
        "chapeau": {"en": "The Assembly may wish to", "zh": "大会不妨"},
        "items": [{"en": f"act {i}", "zh": f"行动 {i}"} for i in range(28)]}
    (en,) = build.editions(spec_mod.load(_write(tmp_path, s)), ["en"])
    subs = en.paragraphs()[-1].subs
    assert [label for label, _ in subs[24:]] == ["y", "z", "aa", "bb"]
    assert subs[27][1].text == "act 27."


@pytest.mark.parametrize("rows, cause", [
    ("id,value\n,5\n", "row 2: no id"),
    ("id,value\nstaff,\n", "row 2: no value"),
    ("id,value,previous_value\nstaff,5,x\n", "row 2: previous_value 'x' is not a number"),
])
def test_data_rows_missing_what_they_need_are_named(tmp_path, rows, cause):
    (tmp_path / "rows.csv").write_text(rows, "utf-8")
    path = _write(tmp_path, _spec([{"text": {"en": "x", "zh": "x"}}], data=[{"file": "rows.csv"}]))
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {tmp_path / 'rows.csv'}, {cause}"


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_unopened(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "data.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 60_000_000 + b"</a>")
    assert (tmp_path / "data.xlsx").stat().st_size < 100_000
    path = _write(tmp_path, _spec([{"text": {"en": "x", "zh": "x"}}],
                                  data=[{"file": "data.xlsx"}]))
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.output.strip() == (f"error: {tmp_path / 'data.xlsx'}: the workbook unpacks "
                                     "to more than 50,000,000 bytes")


def test_headings_are_numbered_past_twenty_and_past_z(tmp_path):
    from compose import build, spec as spec_mod
    from compose.draft import Heading

    s = _spec([{"text": {"en": "x", "zh": "x"}}])
    s["sections"] += [{"heading": {"en": f"H{i}", "zh": f"标题{i}"}} for i in range(24)]
    s["sections"] += [{"heading": {"en": f"S{i}", "zh": f"节{i}"}, "level": 2} for i in range(28)]
    en, zh = build.editions(spec_mod.load(_write(tmp_path, s)), ["en", "zh"])
    numbers = {e.lang: [b.number for b in e.blocks if isinstance(b, Heading)] for e in (en, zh)}
    assert numbers["en"][18:25] == ["XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]
    assert numbers["zh"][19:25] == ["二十", "二十一", "二十二", "二十三", "二十四", "二十五"]
    assert numbers["en"][-4:] == numbers["zh"][-4:] == ["Y", "Z", "AA", "BB"]


def test_a_store_that_is_not_one_is_named(tmp_path):
    spec = _spec([{"text": {"en": "x", "zh": "x"}}])
    spec["previous"] = {"en": {"store": "A/80/999"}}
    path = _write(tmp_path, spec)
    db = tmp_path / "data.csv"  # not a store
    result = CliRunner().invoke(main, ["compose", str(path), "--db", str(db), "-o",
                                       str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip() == (f"error: {path}: previous report (en): {db}: cannot open "
                                     "as an SQLite store: file is not a database")


def test_a_number_inside_an_indicators_name_is_the_datas(tmp_path):
    """"two" in a subject the data gives is not an untraced figure; the same word typed
    into the template is."""
    spec = _spec([{"text": {"en": "{{ d.multi.subject|capfirst }} numbered {{ d.multi|fig }}; "
                                  "two more were expected.",
                            "zh": "{{ d.multi.subject }}为{{ d.multi|fig }}个。"}}],
                 data=[{"id": "multi", "value": 12, "unit": "count", "period": "2025",
                        "subject": {"en": "entities with two or more programmes",
                                    "zh": "有两个或更多方案的实体"}}])
    path = _write(tmp_path, spec)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(out)],
                                catch_exceptions=False)
    side = {lang: json.loads((out / f"A_81_999.{lang}.provenance.json").read_text("utf-8"))
            for lang in ("en", "zh")}
    assert [u["text"] for u in side["en"]["untraced"]] == ["two"]
    assert side["en"]["untraced"][0]["span"][0] == 50  # the typed one, not the subject's
    assert side["zh"]["untraced"] == []
    assert result.exit_code == 1
