"""The provenance sidecar: every figure of an edition with its paragraph, sub-paragraph,
offsets (into that unit's text, as the sidecar's ``text`` shows it) and source; plus an
audit that runs the extractor over the draft and lists any figure the composer did not
put there from the data (text carried over whole from the previous report is traced to
that report's paragraph)."""
from __future__ import annotations

import json
import re
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


# numbers written as words, which the figure rules may not count: each one must come from
# the data like any figure ("half" of a ratio is a claim about data)
_FRACTION_EN = r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?)"
NUMBER_WORDS = {
    "en": re.compile(rf"\b(?:(?:a|one|two|three|four|nine)[ -]{_FRACTION_EN}|half|halved|"
                     r"doubled|tripled|trebled|quadrupled|twice|thrice)\b", re.I),
    "zh": re.compile(r"[一二三四五六七八九十两]+分之[一二三四五六七八九十]+|一半|半数|"
                     r"翻了?[一两二三四]番|[增减]加?了?[一两二三四五六七八九十]倍|[一二三四五六七八九]成"),
}


def _traced(text: Text, start: int, end: int) -> bool:
    """A span is traced when a figure put there from data or a documented rule covers it;
    a number typed into a template through a filter (|num, |pct, |money) is not."""
    return text.origin is not None or any(
        f.start < end and start < f.end and f.source.get("kind") != "template"
        for f in text.figures)


def audit(edition: Edition) -> list[dict]:
    """Figures and number words in the draft that no data entry, rule or previous-report
    passage accounts for, each with its place (an empty list is what a clean draft gives)."""
    from extract.pipeline import run

    found_units = list(units(edition))
    results = run([t.text for *_, t in found_units], edition.lang, {"figure", "reference"},
                  frozenset())
    untraced = []
    for (where, para, sub, text), found in zip(found_units, results):
        spans = [(f["span"][0], f["span"][1], f.get("value")) for f in found.get("figure", [])]
        words = NUMBER_WORDS[edition.lang].finditer(text.text)
        spans += [(m.start(), m.end(), None) for m in words
                  if not any(s < m.end() and m.start() < e for s, e, _ in spans)]
        for start, end, value in sorted(spans):
            if not _traced(text, start, end):
                untraced.append({"para": para, "sub": sub, "where": where, "span": [start, end],
                                 "text": text.text[start:end], "value": value})
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

