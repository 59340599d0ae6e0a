"""Boxes of last year's report carried into the draft: DP/OPS/2025/6 (UNOPS annual report,
five boxes, two with footnotes) drafted and composed back reads with the same boxes —
label, title, paragraphs, place and footnotes — and each figure in a box is a data slot."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from compose import compose
from compose.drafting import draft
from corpus import read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DP_OPS = SHARED / "corpus-dev" / "en" / "DP_OPS_2025_6.en.pdf"


def _boxes(doc):
    return [(b.number, b.title, b.section, b.after, b.paragraphs, b.footnote_refs)
            for b in doc.boxes]


@pytest.fixture(scope="module")
def unops(tmp_path_factory):
    if not DP_OPS.exists():
        pytest.skip(f"shared corpus file {DP_OPS} absent")
    tmp = tmp_path_factory.mktemp("boxes")
    done = draft([str(DP_OPS)], tmp / "spec")
    [result] = compose(done["spec"], tmp / "out")
    return done, result, read(str(DP_OPS)), read(str(result["docx"]))


def test_boxes_compose_back(unops):
    done, result, source, drafted = unops
    assert done["boxes"] == len(source.boxes) == 5
    assert _boxes(drafted) == _boxes(source)
    assert [b.footnote_refs for b in drafted.boxes] == [[], [], ["11"], [], ["12"]]
    assert [p.text for p in drafted.paragraphs] == [p.text for p in source.paragraphs]
    assert [(s.number, s.title) for s in drafted.sections] == \
        [(s.number, s.title) for s in source.sections]
    assert [f.text for f in drafted.footnotes] == [f.text for f in source.footnotes]


def test_figures_in_boxes_are_slots(unops):
    done, result, source, drafted = unops
    with done["data"].open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    boxed = {k: r for k, r in rows.items() if k.startswith("b")}
    assert len(boxed) == 126
    assert (boxed["b4_1_1"]["printed_en"], boxed["b4_1_1"]["previous_value"],
            boxed["b4_1_1"]["source"]) == ("1,100", "1100",
                                           "DP/OPS/2025/6, box 4, paragraph 1")
    assert drafted.boxes[3].paragraphs[0].startswith(
        "In 2024, UNOPS implemented a portfolio of more than 1,100 projects")
    # number words the draft does not carry yet are the only untraced figures
    assert [u["text"] for u in result["untraced"]] == ["half", "one third", "a third",
                                                       "a third"]
