"""Extraction scored against hand-made gold annotations (tests/gold/extract_*.json) of real
documents (bundled or in ../shared/: a gold file's "source" is relative to the repository),
read through ``corpus.read``. Run with ``-s`` to see the scores."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import corpus
from extract import extract
from extract.records import errors
from tests.builders import shared

ROOT = Path(__file__).parent.parent
GOLD = sorted((Path(__file__).parent / "gold").glob("extract_*.json"))
BARS = {"figure": 0.95, "reference": 0.95, "abbreviation": 0.95, "recommendation": 1.0}


def _where(r: dict) -> tuple:
    return (r.get("para"), r.get("footnote"))


def key(kind: str, r: dict) -> tuple:
    if kind == "figure":
        return (r["para"], round(float(r["value"]), 6), r["unit"], r["qualifier"])
    if kind == "reference":
        return _where(r) + (r["ref_type"], r["body"], r["number"], r["symbol"])
    if kind == "abbreviation":
        return _where(r) + (r["long_form"], r["short_form"])
    return (r["para"], r["sub"])


def score(kind: str, gold: list[dict], predicted: list[dict]) -> tuple[float, float, list, list]:
    """Precision, recall, missed gold keys, spurious predicted keys (multiset matching)."""
    g = Counter(key(kind, r) for r in gold)
    p = Counter(key(kind, r) for r in predicted)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else (1.0 if not g else 0.0)
    recall = tp / sum(g.values()) if g else 1.0
    return precision, recall, sorted((g - p).elements(), key=str), sorted((p - g).elements(), key=str)


@pytest.fixture(scope="session")
def extracted():
    """Gold file stem -> (gold, doc, records), each document read and extracted once; a test
    whose document is absent (../shared/ not beside the checkout) skips."""
    cache = {}

    def get(stem: str) -> tuple[dict, corpus.Document, list[dict]]:
        if stem not in cache:
            gold = json.loads((Path(__file__).parent / "gold" / f"{stem}.json").read_text("utf-8"))
            doc = corpus.read(shared(ROOT / gold["source"]))
            cache[stem] = (gold, doc, extract(doc))
        return cache[stem]
    return get


def _predicted(kind: str, gold: dict, records: list[dict]) -> list[dict]:
    found = [r for r in records if r["kind"] == kind]
    if kind == "figure":
        paras = set(gold["figure_paras"])
        found = [r for r in found if r["para"] in paras and "footnote" not in r]
    return found


CASES = [(p.stem, kind) for p in GOLD for kind in BARS
         if kind in json.loads(p.read_text("utf-8")) or kind + "s" in json.loads(p.read_text("utf-8"))]


@pytest.mark.parametrize("stem,kind", CASES)
def test_scores_meet_the_bar(extracted, stem, kind):
    gold, doc, records = extracted(stem)
    expected = gold[kind + "s"]
    p, r, missed, spurious = score(kind, expected, _predicted(kind, gold, records))
    print(f"\n{gold['doc']:36} {kind:15} P={p:.3f} R={r:.3f} (gold {len(expected)})"
          + (f"\n  missed: {missed}" if missed else "") + (f"\n  spurious: {spurious}" if spurious else ""))
    assert p >= BARS[kind] and r >= BARS[kind], (missed, spurious)


def test_recommendation_units_carry_chapeau_and_addressee(extracted):
    gold, _, records = extracted("extract_E_CN.6_2025_4")
    units = {(r["para"], r["sub"]): r for r in records if r["kind"] == "recommendation"}
    for g in gold["recommendations"]:
        unit = units[(g["para"], g["sub"])]
        assert unit["chapeau"] == g["chapeau"]
        assert unit["addressee"] == g["addressee"]


@pytest.mark.parametrize("stem", [p.stem for p in GOLD])
def test_every_record_is_valid_and_its_span_points_at_its_text(extracted, stem):
    _, doc, records = extracted(stem)
    texts = {p.number: p.text for p in doc.paragraphs if p.number}
    notes = {f.marker: f.text for f in doc.footnotes}
    assert records
    for record in records:
        assert errors(record) == [], record
        source = notes[record["footnote"]] if "footnote" in record else texts.get(record["para"])
        if source is not None:
            s, e = record["span"]
            assert source[s:e] == record["text"], record


@pytest.mark.parametrize("variant", ["zh_docx", "zh_pdf"])
def test_chinese_sample_built_as_docx_and_pdf_scores_the_same_bars(request, variant):
    """The same report through the DOCX and PDF readers (files built from the sample by
    tests/builders.py) must meet the same bars against the same gold."""
    gold = json.loads((Path(__file__).parent / "gold" / "extract_zh_workplan.json").read_text("utf-8"))
    doc = corpus.read(request.getfixturevalue(variant))
    records = extract(doc)
    for kind in ("figure", "reference", "abbreviation"):
        p, r, missed, spurious = score(kind, gold[kind + "s"], _predicted(kind, gold, records))
        print(f"\n{variant:8} {kind:13} P={p:.3f} R={r:.3f}" + (f" missed {missed}" if missed else "")
              + (f" spurious {spurious}" if spurious else ""))
        assert p >= BARS[kind] and r >= BARS[kind], (kind, missed, spurious)


def test_indicators_in_a_real_report(extracted):
    """E/2025/15: '171 indicators were assessed in 2025, up from 160 in 2024' (para 4) and
    'bank account ownership among women increased by 260 per cent between 2016 and 2024'
    (para 7)."""
    _, _, records = extracted("extract_E_2025_15")
    found = {r["para"]: r for r in records if r["kind"] == "indicator"}
    assert (found["4"]["value"], found["4"]["period"], found["4"]["previous"], found["4"]["change"]) == (
        171, "2025", {"value": 160, "period": "2024"}, {"kind": "absolute", "value": 11})
    assert (found["7"]["subject"], found["7"]["value"], found["7"]["unit"], found["7"]["period"]) == (
        "bank account ownership among women", 260, "percent", "2016–2024")
    assert found["7"]["change"] == {"kind": "percent", "value": 260}


# figures of the running text; table cells have their own gold (figures_tables_*.json)
FIGURE_GOLD = sorted(p for p in (Path(__file__).parent / "gold").glob("figures_*.json")
                     if not p.name.startswith("figures_tables_"))


def figure_key(r: dict) -> tuple:
    high = r.get("high")
    return (r["page"], r["para"], round(float(r["value"]), 6),
            None if high is None else round(float(high), 6), r["unit"], r["qualifier"])


def test_figures_of_whole_corpus_documents_meet_the_bars():
    """Every figure of whole documents (or listed pages) of ../shared/corpus-dev (letters,
    board and committee reports, a memorandum, a report page with a chart) and of the Chinese
    text dump of ../shared/samples, annotated by hand (tests/gold/figures_*.json): micro
    precision ≥ 0.97 and recall ≥ 0.95 over them all."""
    from tests.builders import SHARED, shared

    tp = predicted = expected = 0
    for path in FIGURE_GOLD:
        gold = json.loads(path.read_text("utf-8"))
        doc = corpus.read(shared(SHARED / gold["source"].removeprefix("../shared/")))
        g = Counter(figure_key(f) for f in gold["figures"])
        pages = gold.get("pages")  # a gold file may cover some pages only
        p = Counter(figure_key(r) for r in extract(doc, ["figure"])
                    if (not pages or r["page"] in pages) and r.get("table_index") is None)
        tp += sum((g & p).values())
        predicted += sum(p.values())
        expected += sum(g.values())
        print(f"\n{gold['doc']:28} missed {sorted((g - p).elements(), key=str)} "
              f"spurious {sorted((p - g).elements(), key=str)}")
    print(f"\nfigures, {len(FIGURE_GOLD)} documents: P={tp / predicted:.3f} R={tp / expected:.3f}")
    assert len(FIGURE_GOLD) >= 7
    assert tp / predicted >= 0.97 and tp / expected >= 0.95
