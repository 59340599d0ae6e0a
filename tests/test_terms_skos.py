"""SKOS/Turtle import: the UNTERM country names (../shared/unterm/countries.ttl, read in
place) with short and formal names in all six official languages and their provenance;
what the import skips and why; and the six languages kept by TBX (valid against the
official TBX-Basic grammar and Schematron) and CSV exports."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from corpus.cli import main
from glossary import Glossary
from glossary.formats import dump, load
from glossary.formats.tabular import WIDE
from glossary.schemas import schematron_errors
from tests.builders import shared

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COUNTRIES = SHARED / "unterm" / "countries.ttl"
SCHEMAS = SHARED / "schemas"
SIX = ("ar", "zh", "en", "fr", "ru", "es")


@pytest.fixture(scope="module")
def countries():
    return Glossary.load(shared(COUNTRIES))


def names(g, cid):
    return {(t.lang, t.type): t.form for t in g.concept(cid).terms if t.status == "preferred"}


def test_197_countries_with_short_and_formal_names_in_six_languages(countries):
    assert len(countries) == 197
    china = names(countries, "china")
    assert china[("zh", "short")] == "中国" and china[("zh", "full")] == "中华人民共和国"
    assert china[("en", "full")] == "the People's Republic of China"
    assert china[("fr", "full")] == "la République populaire de Chine"
    assert china[("ru", "short")] == "Китай" and china[("ar", "short")] == "الصين"
    turkiye = names(countries, "turkiye")  # renamed in 2022: the new names, in every language
    assert (turkiye[("en", "short")], turkiye[("en", "full")]) == ("Türkiye", "the Republic of Türkiye")
    assert (turkiye[("fr", "short")], turkiye[("es", "short")], turkiye[("zh", "short")]) == (
        "Türkiye (la)", "Türkiye", "土耳其")
    czechia = names(countries, "czechia")
    assert (czechia[("en", "short")], czechia[("en", "full")], czechia[("fr", "short")]) == (
        "Czechia", "the Czech Republic", "Tchéquie (la)")
    # every country has both names in all six languages, but for one gap in UNTERM itself
    gaps = [(c.id, lang, kind) for c in countries.concepts for lang in SIX for kind in ("full", "short")
            if not c.preferred(lang, kind)]
    assert gaps == [("united-kingdom-of-great-britain-and-northern-ireland", "ru", "short")]


def test_statuses_and_provenance_are_kept(countries):
    china = countries.concept("china")
    assert {t.source for t in china.terms} == {
        "UNTERM countries, http://metadata.un.org/unterm/f9584092-3401-4a9a-a43f-6697c61fcf33"}
    assert china.domain == "country"
    # a superseded formal name is an outdated (deprecated) form, an admitted one a variant
    gambia = countries.concept("gambia").term("Исламская Республика Гамбия")
    assert (gambia.lang, gambia.type, gambia.status) == ("ru", "full", "deprecated")
    bahamas = countries.concept("bahamas").term("The Bahamas")
    assert (bahamas.type, bahamas.status) == ("short", "admitted")
    assert countries.skipped == [
        "8 suggested terms not validated by UNTERM (type 'suggestion' or status 'open')"]


def test_tbx_export_keeps_six_languages_and_passes_the_official_files(countries, tmp_path):
    data = dump(countries, "tbx")
    root = etree.fromstring(data)
    langs = {sec.get("{http://www.w3.org/XML/1998/namespace}lang")
             for sec in root.iter("{urn:iso:std:iso:30042:ed-2}langSec")}
    assert langs == {"ar", "zh-CN", "en", "fr", "ru", "es"}
    grammar = etree.RelaxNG(etree.parse(str(shared(SCHEMAS / "TBXcoreStructV03_TBX-Basic_integrated.rng"))))
    assert grammar.validate(root), grammar.error_log
    assert schematron_errors(data, str(shared(SCHEMAS / "TBX-Basic_DCA.sch"))) == []
    path = tmp_path / "countries.tbx"
    path.write_bytes(data)
    back = load(path)
    assert [(c.id, c.note, [(t.form, t.lang, t.type, t.status, t.source) for t in c.terms])
            for c in back.concepts] == [
        (c.id, c.note, [(t.form, t.lang, t.type, t.status, t.source) for t in c.terms])
        for c in countries.concepts]


def test_csv_export_has_documented_columns_for_the_other_four_languages(countries, tmp_path):
    text = dump(countries, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == WIDE and len(WIDE) == 28
    china = next(r for r in rows if r["id"] == "china")
    assert (china["fr_short"], china["es_full"], china["ar_full"], china["zh_full"]) == (
        "Chine (la)", "la República Popular China", "جمهورية الصين الشعبية", "中华人民共和国")
    assert china["provenance"].endswith("f9584092-3401-4a9a-a43f-6697c61fcf33")
    path = tmp_path / "countries.csv"
    path.write_text(text, encoding="utf-8")
    assert [(c.id, sorted((t.form, t.lang, t.status) for t in c.terms)) for c in load(path).concepts] \
        == [(c.id, sorted((t.form, t.lang, t.status) for t in c.terms)) for c in countries.concepts]


def test_terms_import_of_the_turtle_file_reports_counts_and_skips(tmp_path):
    out = tmp_path / "countries.tbx"
    result = CliRunner().invoke(main, ["terms", "import", str(shared(COUNTRIES)), "--format", "json",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["concepts"] == 197
    assert report["terms"] == {"en": 395, "zh": 394, "ar": 395, "fr": 395, "ru": 396, "es": 395}
    assert report["skipped"] == [
        "8 suggested terms not validated by UNTERM (type 'suggestion' or status 'open')"]
    assert len(load(out)) == 197
    # terms export validates TBX before writing it: the six languages pass
    again = tmp_path / "again.tbx"
    result = CliRunner().invoke(main, ["terms", "export", "--glossary", str(out), "--format", "tbx",
                                       "-o", str(again)])
    assert result.exit_code == 0, result.output
    terms = lambda g: [(c.id, [(t.form, t.lang, t.type, t.status) for t in c.terms]) for c in g.concepts]  # noqa: E731
    assert terms(load(again)) == terms(load(out))


TURTLE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
<http://example.org/s> a skos:ConceptScheme ; dct:title "Test scheme"@en .
<http://example.org/c/gender-equality> a skos:Concept ;
  skos:prefLabel "gender equality"@en, "性别平等"@zh, "égalité des genres"@fr, "Gleichstellung"@de ;
  skos:altLabel "equality between women and men"@en ;
  skos:hiddenLabel "gender equity"@en .
<http://example.org/c/empty> a skos:Concept ; skos:prefLabel "Leer"@de .
"""


def test_a_plain_skos_file_reads_labels_and_says_what_it_skipped(tmp_path):
    path = tmp_path / "vocabulary.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    g = load(path)
    (c,) = g.concepts
    assert c.id == "gender-equality"
    assert [(t.form, t.lang, t.type, t.status) for t in c.terms] == [
        ("gender equality", "en", "full", "preferred"),
        ("equality between women and men", "en", "variant", "admitted"),
        ("性别平等", "zh", "full", "preferred"),
        ("égalité des genres", "fr", "full", "preferred")]
    assert c.terms[0].source == "Test scheme, http://example.org/c/gender-equality"
    assert g.skipped == ["1 concepts with no term in the six official languages",
                         "1 hidden labels (misspellings kept for search, not usage)",
                         "2 labels in a language other than the six official ones (de)"]


def test_broken_turtle_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(TURTLE.replace(" .\n<http://example.org/c/empty>", " \n<"), encoding="utf-8")
    result = CliRunner().invoke(main, ["terms", "import", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}: not readable as RDF (")
    assert "Traceback" not in result.output


def test_rdf_xml_reads_and_never_expands_an_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRETVALUE", encoding="utf-8")
    path = tmp_path / "vocabulary.rdf"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY s SYSTEM "file://{secret}">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
<skos:Concept rdf:about="http://example.org/c/un"><skos:prefLabel xml:lang="en">United &s;Nations</skos:prefLabel>
<skos:prefLabel xml:lang="ru">Организация Объединенных Наций</skos:prefLabel></skos:Concept>
</rdf:RDF>""", encoding="utf-8")
    (c,) = load(path).concepts
    assert [(t.form, t.lang) for t in c.terms] == [("United Nations", "en"),
                                                    ("Организация Объединенных Наций", "ru")]
