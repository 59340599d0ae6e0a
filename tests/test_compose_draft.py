"""The built-in gender-mainstreaming example composed once per session, then checked the
way a UN editor and a reader would: Word opens it, its footnotes resolve, the extractor
recovers every figure in the right paragraph in both editions, LibreOffice turns it into a
PDF whose text the corpus reader understands, and the glossary check finds nothing."""
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from corpus.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = Path(__file__).resolve().parent.parent / "compose" / "examples"


def _run(args):
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result


@pytest.fixture(scope="session")
def drafts(tmp_path_factory):
    out = tmp_path_factory.mktemp("drafts")
    result = _run(["compose", "--example", "gender-mainstreaming", "-o", str(out), "--comments"])
    assert result.exit_code == 0, result.output
    return out


def _sidecar(drafts, lang):
    return json.loads((drafts / f"E_2026_99.{lang}.provenance.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def pdfs(drafts):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is required: install libreoffice-writer")
    subprocess.run([soffice, f"-env:UserInstallation=file://{drafts}/.lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(drafts),
                    str(drafts / "E_2026_99.en.docx"), str(drafts / "E_2026_99.zh.docx")],
                   check=True, capture_output=True, timeout=300)
    return {lang: drafts / f"E_2026_99.{lang}.pdf" for lang in ("en", "zh")}


def test_example_writes_both_editions_with_provenance(drafts):
    names = sorted(p.name for p in drafts.iterdir() if not p.name.startswith("."))
    assert names == ["E_2026_99.en.docx", "E_2026_99.en.provenance.json",
                     "E_2026_99.zh.docx", "E_2026_99.zh.provenance.json"]
    for lang in ("en", "zh"):
        side = _sidecar(drafts, lang)
        assert side["untraced"] == []
        assert len(side["figures"]) == 36


def test_footnotes_part_resolves_and_word_opens_it(drafts):
    for lang in ("en", "zh"):
        path = drafts / f"E_2026_99.{lang}.docx"
        document = docx.Document(path)
        assert document.paragraphs  # python-docx opens it
        with zipfile.ZipFile(path) as z:
            body = z.read("word/document.xml").decode()
            notes = z.read("word/footnotes.xml").decode()
            types = z.read("[Content_Types].xml").decode()
            rels = z.read("word/_rels/document.xml.rels").decode()
        assert 'PartName="/word/footnotes.xml"' in types and "footnotes.xml" in rels
        import re
        refs = re.findall(r'<w:footnoteReference(?: w:customMarkFollows="1")? w:id="(\d+)"', body)
        defined = re.findall(r'<w:footnote w:id="(\d+)"', notes)
        assert refs == defined == ["1", "2", "3", "4"]  # agenda *, two in para 1, para 6
        assert 'w:id="-1"' in notes and 'w:id="0"' in notes
        # the East Asian font is on the runs
        assert body.count('w:eastAsia="Noto Serif CJK SC"') > 50


def test_comments_say_where_each_figure_comes_from(drafts):
    document = docx.Document(drafts / "E_2026_99.en.docx")
    texts = [c.text for c in document.comments]
    side = _sidecar(drafts, "en")["figures"]
    assert len(texts) == len(side) == 36
    assert sum(f["para"] is None for f in side) == 2  # the summary's two
    assert "1,200 = 1200 count: data file gender-mainstreaming-data.csv, row 12 (id staff_trained)" \
        in texts[texts.index(next(t for t in texts if t.startswith("1,200")))]
    assert any(t.startswith("92.3 per cent = 92.3 percent: computed (share) from "
                            "entities_reporting, entities_total") for t in texts)


def test_provenance_offsets_point_at_the_figures(drafts):
    from compose import build, spec

    s = spec.load(EXAMPLE / "gender-mainstreaming.yaml")
    for ed in build.editions(s, ["en", "zh"]):
        side = _sidecar(drafts, ed.lang)
        texts = {(p.number, None): p.body.text for p in ed.paragraphs()}
        texts |= {(p.number, label): t.text for p in ed.paragraphs() for label, t in p.subs}
        for f in side["figures"]:
            if f["para"] is None:
                continue
            assert texts[(f["para"], f["sub"])][f["start"]:f["end"]] == f["text"]
    en = _sidecar(drafts, "en")["figures"]
    assert {"para": "5", "text": "US$ 25 million", "value": "25000000", "unit": "USD",
            "role": "input"}.items() <= next(f for f in en if f["text"] == "US$ 25 million").items()
    zh = _sidecar(drafts, "zh")["figures"]
    assert next(f for f in zh if f["value"] == "25000000")["text"] == "2 500万美元"


def _extract(path):
    result = _run(["extract", str(path), "--kinds", "figure", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


UNITS = {"percent": {"percent"}, "USD": {"USD"}, "count": {"count"},
         "points": {"percentage points"}}


def test_round_trip_extract_recovers_every_figure(drafts):
    numbering = {}
    for lang in ("en", "zh"):
        records = _extract(drafts / f"E_2026_99.{lang}.docx")
        side = _sidecar(drafts, lang)
        for f in side["figures"]:
            if f["para"] is None:
                continue
            hits = [r for r in records if r["para"] == f["para"] and r.get("sub") == f["sub"]
                    and float(r["value"]) == float(f["value"])]
            assert hits, f"{lang}: {f['text']} not recovered in paragraph {f['para']}"
            assert any(r["unit"] in UNITS[f["unit"]] for r in hits), (lang, f, hits)
        numbering[lang] = [(f["para"], f["sub"], f["value"], f["unit"]) for f in side["figures"]]
    assert numbering["en"] == numbering["zh"]  # same numbering, same figures


def test_docx_reads_back_with_masthead_paragraphs_and_footnotes(drafts):
    from corpus import read

    en = read(drafts / "E_2026_99.en.docx")
    m = en.metadata
    assert (m.symbol, m.organ, m.session, m.agenda_item, m.date, m.job_number,
            m.original_language, m.report_of) == (
        "E/2026/99", "Economic and Social Council", "2026 session", "12(e)", "2026-04-15",
        "26-99999", "en", "Secretary-General")
    # the chapters; whether the boxed Summary reads as a section too is the reader's call
    assert [s.number for s in en.sections if s.number] == ["I", "II", "III", "IV"]
    assert [p.number for p in en.paragraphs if p.number] == [str(i) for i in range(1, 11)]
    assert [(f.marker, f.text) for f in en.footnotes] == [
        ("*", "E/2026/1."),
        ("1", "The resolution number is a placeholder of the example."),
        ("2", "The figures in the present draft are illustrative: they were written for an "
              "example and are not official data."),
        ("3", "Staff who completed the course in the reporting year.")]
    assert en.paragraph("1").footnote_refs == ["1", "2"]
    zh = read(drafts / "E_2026_99.zh.docx")
    assert (zh.metadata.symbol, zh.metadata.organ, zh.metadata.report_of,
            zh.metadata.agenda_item) == ("E/2026/99", "经济及社会理事会", "秘书长", "12(e)")
    assert [s.number for s in zh.sections if s.number] == ["一", "二", "三", "四"]
    assert [p.number for p in zh.paragraphs if p.number] == [str(i) for i in range(1, 11)]
    # the reader removes the spaces between Han characters and digits; the figures stay
    assert zh.paragraph("5").text == ("专门用于性别平等工作的支出从2024年的2 150万美元增至"
                                      "2025年的2 500万美元，增加了350万美元。")
    assert [s.label for s in zh.paragraph("10").subparagraphs] == ["a", "b", "c"]


def test_pdf_reads_back_with_masthead_and_paragraphs(pdfs):
    from corpus import read

    en = read(pdfs["en"])
    assert en.metadata.symbol == "E/2026/99"
    assert en.metadata.date == "2026-04-15"
    assert en.metadata.original_language == "en"
    assert en.metadata.agenda_item == "12(e)"
    assert en.metadata.report_of == "Secretary-General"
    assert en.metadata.title == ("Mainstreaming a gender perspective into all policies and "
                                 "programmes in the United Nations system")
    assert [p.number for p in en.paragraphs if p.number] == [str(i) for i in range(1, 11)]
    assert en.paragraph("6").text.startswith(
        "The number of staff who completed the mandatory gender course increased from 950 "
        "in 2024 to 1,200 in 2025, an increase of 250.")
    assert [s.label for s in en.paragraph("8").subparagraphs] == list("abcdef")
    zh = read(pdfs["zh"])
    assert zh.metadata.symbol == "E/2026/99"
    assert zh.metadata.report_of == "秘书长"
    assert zh.metadata.title == "将性别平等观点纳入联合国系统所有政策和方案的主流"
    assert [p.number for p in zh.paragraphs if p.number] == [str(i) for i in range(1, 11)]
    assert zh.paragraph("5").text.startswith(
        "专门用于性别平等工作的支出从2024年的2 150万美元增至2025年的2 500万美元")


def test_terms_check_finds_nothing(drafts):
    for lang in ("en", "zh"):
        result = _run(["terms", "check", str(drafts / f"E_2026_99.{lang}.docx"),
                       "--format", "json"])
        assert json.loads(result.stdout)["findings"] == [], result.stdout


def test_next_year_takes_previous_values_and_recommendations_from_last_draft(drafts, tmp_path):
    """Year 2 is drafted from year 1's Word files: previous values come from the indicators
    extracted from paragraph 8 (b), recommendation (b) is carried over."""
    spec = {
        "masthead": {"symbol": "E/2027/99", "organ": "ecosoc", "date": "2027-04-14",
                     "session": {"year": 2027}, "title": {"en": "Gender mainstreaming",
                                                           "zh": "性别平等主流化"}},
        "previous": {"en": {"file": str(drafts / "E_2026_99.en.docx")},
                     "zh": {"file": str(drafts / "E_2026_99.zh.docx")}},
        "data": [{"id": "women_p3", "subject": {"en": "P-3", "zh": "P-3"}, "value": 52.0,
                  "unit": "percent", "period": "2026", "previous": {"para": "8", "sub": "b"}}],
        "sections": [{"heading": {"en": "Gender parity", "zh": "性别均等"},
                      "paragraphs": [{"type": "share_by_grade", "data": ["women_p3"]}],
                      "recommendations": {
                          "chapeau": {"en": "The Council may wish to encourage entities to",
                                      "zh": "理事会不妨鼓励各实体"},
                          "carry_over": ["b"]}}],
    }
    path = tmp_path / "next.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    result = _run(["compose", str(path), "-o", str(tmp_path / "out"), "--allow-outside"])
    assert result.exit_code == 0, result.output
    side = json.loads((tmp_path / "out" / "E_2027_99.en.provenance.json").read_text("utf-8"))
    prev = next(f for f in side["figures"] if f["role"] == "previous")
    assert prev["text"] == "51.2 per cent" and prev["source"]["para"] == "8"
    assert prev["source"]["sub"] == "b" and prev["source"]["kind"] == "previous-report"
    assert [f["text"] for f in side["figures"]] == [
        "51.2 per cent", "52.0 per cent", "0.8 percentage points"]
    assert side["passages"][0]["text"] == (
        "Accelerate progress towards gender parity at the senior levels, in line with the "
        "System-wide Strategy on Gender Parity.")
    zh = json.loads((tmp_path / "out" / "E_2027_99.zh.provenance.json").read_text("utf-8"))
    assert zh["passages"][0]["text"] == "依照全系统性别均等战略，加快在高级职等实现性别均等的进展。"


def test_previous_report_from_the_store(drafts, tmp_path):
    """--db: last year's editions are found in the store by symbol and language."""
    from corpus import read
    from corpus.store import Store

    db = tmp_path / "store.db"
    with Store(db) as store:
        for lang in ("en", "zh"):
            store.add(read(drafts / f"E_2026_99.{lang}.docx"))
    spec = {
        "masthead": {"symbol": "E/2027/99", "organ": "ecosoc", "date": "2027-04-14",
                     "session": {"year": 2027}, "title": {"en": "Gender mainstreaming",
                                                           "zh": "性别平等主流化"}},
        "previous": {"en": {"store": "E/2026/99"}, "zh": {"store": "E/2026/99"}},
        "data": [{"id": "budget", "subject": {"en": "expenditure", "zh": "支出"},
                  "value": 27000000, "unit": "USD", "period": "2026",
                  "previous": {"para": "5", "match": "gender equality"}}],
        "sections": [{"heading": {"en": "Resources", "zh": "资源"},
                      "paragraphs": [{"type": "indicator_change", "data": "budget"}],
                      "recommendations": {"chapeau": {"en": "The Council may wish to",
                                                      "zh": "理事会不妨"},
                                          "carry_over": ["c"]}}],
    }
    path = tmp_path / "next.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = _run(["compose", str(path), "--db", str(db), "-o", str(out), "--no-check"])
    assert result.exit_code == 0, result.output
    zh = json.loads((out / "E_2027_99.zh.provenance.json").read_text("utf-8"))
    assert [f["text"] for f in zh["figures"]] == ["2 500万美元", "2 700万美元", "200万美元"]
    assert zh["figures"][0]["source"]["doc"] == "E/2026/99"
    assert zh["passages"][0]["text"] == "增加专门用于性别平等工作的资源，并系统地跟踪这些资源。"
    missing = _run(["compose", str(path), "-o", str(out)])
    assert missing.exit_code == 1 and "is in the store: give --db FILE" in missing.output


@pytest.mark.parametrize("body, message", [
    ("masthead: [1]\nsections: []\n", "invalid spec at masthead"),
    ("masthead: {symbol: E/1/1\n", "not valid YAML"),
])
def test_bad_spec_gives_a_clear_error(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body, "utf-8")
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"{path}: {message}" in result.output
    assert "Traceback" not in result.output


def test_missing_data_file_is_named(tmp_path):
    spec = yaml.safe_load((EXAMPLE / "gender-mainstreaming.yaml").read_text("utf-8"))
    spec["data"] = [{"file": "nowhere.csv"}]
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nowhere.csv'}: data file not found" in result.output


@pytest.mark.parametrize("lang, notes", [
    ("en", ["E/2026/1.", "The resolution number is a placeholder of the example.",
            "Staff who completed the course in the reporting year."]),
    ("zh", ["E/2026/1。", "决议编号为示例占位符。", "在报告所涉年度完成该课程的工作人员。"])])
def test_comments_keep_every_footnote_in_libreoffice(pdfs, lang, notes):
    """With a comment on every figure (--comments), LibreOffice still prints each footnote
    with its own text (it once printed one note's text for all, or none)."""
    import re

    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdfs[lang]))
    text = re.sub(r"\s+", "", "".join(page.get_textpage().get_text_range() for page in pdf))
    for note in notes:
        assert text.count(re.sub(r"\s+", "", note)) == 1, note


def test_english_spells_out_the_council(drafts):
    """UN editors write "the Economic and Social Council", never "(ECOSOC)"; UN-Women keeps
    its short form after the first mention."""
    from docx import Document

    text = "\n".join(p.text for p in Document(drafts / "E_2026_99.en.docx").paragraphs)
    assert "(ECOSOC)" not in text and "ECOSOC" not in text
    assert "in which the Economic and Social Council requested" in text
    assert text.count("(UN-Women)") == 1
