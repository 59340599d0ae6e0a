"""The provenance sidecar: every figure of an edition with its paragraph, sub-paragraph,
offsets (into that unit's text, as the sidecar's ``text`` shows it) and source; plus an
audit that runs the extractor over the draft and lists any figure the composer did not
put there from the data (text carried over whole from the previous report is traced to
that report's paragraph)."""
from __future__ import annotations

import json
from pathlib import Path

from compose.draft import Edition, Text


def units(edition: Edition):
    """(where, para, sub, Text) for the summary and every paragraph and sub-paragraph."""
    for i, text in enumerate(edition.summary):
        yield f"summary {i + 1}", None, None, text
    for para in edition.paragraphs():
        yield para.number, para.number, None, para.body
        for label, sub in para.subs:
            yield f"{para.number}({label})", para.number, label, sub
    for t, table in enumerate(edition.tables(), start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row, start=1):
                yield f"table {t}, row {r}, column {c}", None, None, cell


def audit(edition: Edition) -> list[dict]:
    """Figures the extractor finds that no data entry, rule or previous-report passage
    accounts for (an empty list is what a clean draft gives)."""
    from extract.pipeline import run

    found_units = list(units(edition))
    results = run([t.text for *_, t in found_units], edition.lang, {"figure", "reference"},
                  frozenset())
    untraced = []
    for (where, para, sub, text), found in zip(found_units, results):
        for fig in found.get("figure", []):
            start, end = fig["span"]
            if any(f.start < end and start < f.end for f in text.figures):
                continue
            if text.origin is not None:
                continue
            untraced.append({"para": para, "sub": sub, "where": where, "span": [start, end],
                             "text": text.text[start:end], "value": fig.get("value")})
    return untraced


def _figure(para, sub, text: Text, f) -> dict:
    return {"para": para, "sub": sub, "start": f.start, "end": f.end, "text": f.text,
            "value": f.value, "unit": f.unit, "role": f.role, "source": f.source}


def sidecar(edition: Edition, docx_name: str, spec_path: Path, check: bool = True) -> dict:
    figures, passages = [], []
    for where, para, sub, text in units(edition):
        figures += [_figure(para, sub, text, f) for f in text.figures]
        if text.origin is not None:
            passages.append({"para": para, "sub": sub, "text": text.text,
                             "source": text.origin})
    return {
        "document": docx_name,
        "lang": edition.lang,
        "spec": str(spec_path),
        "symbol": edition.masthead.symbol,
        "offsets": "character offsets into the text of the unit (paragraph body without its "
                   "number, or sub-paragraph without its label); para null = summary",
        "figures": figures,
        "passages": passages,
        "untraced": audit(edition) if check else None,  # None: not checked
    }


def write(data: dict, path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), "utf-8")
    return path

