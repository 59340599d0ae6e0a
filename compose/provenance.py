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
    """(where, para, sub, Text) for the summary, every paragraph and sub-paragraph, table
    cell and box paragraph."""
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
        for n, note in enumerate(table.notes, start=1):
            yield f"table {t}, note {n}", None, None, note
    for b, box in enumerate(edition.boxes(), start=1):
        for i, text in enumerate(box.paragraphs, start=1):
            yield f"box {b}, paragraph {i}", None, None, text


# numbers written as words, which the figure rules may not count: each one must come from
# the data like any figure ("half" of a ratio is a claim about data)
_FRACTION_EN = r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?)"
NUMBER_WORDS = {
    "en": re.compile(rf"\b(?:(?:a|one|two|three|four|nine)[ -]{_FRACTION_EN}|half|halved|"
                     r"doubled|tripled|trebled|quadrupled|twice|thrice)\b", re.I),
    "zh": re.compile(r"[一二三四五六七八九十两]+分之[一二三四五六七八九十]+|一半|半数|"
                     r"翻了?[一两二三四]番|[增减]加?了?[一两二三四五六七八九十]倍|[一二三四五六七八九]成"),
}


# What could be a figure, found without loading the extractor: digits, number words, and
# Chinese numerals before a measure word or scale. Not candidates (documented rules): a
# four-digit year 1900-2099 written without a separator, the numbers of symbols,
# resolutions and grades (64/289, E/2026/1, P-2), ordinals (第十九届) and 一个 ("a").
_EN_NUMERALS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                "fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?")
_NOT_FIGURE = (r"(?:[\w.()]*\d[\w.()]*/[\w./()-]+|(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)"
               r"|(?<![A-Za-z])[A-Z]-\d+(?!\d)|第\S{1,4}?[届次]"
               r"|(?<![一二三四五六七八九十两百千])一(?=[个项次名家所]))")  # 一个: "a"
CANDIDATES = {
    "en": re.compile(rf"(?P<skip>{_NOT_FIGURE})|\d|\b(?:{_EN_NUMERALS})\b", re.I),
    "zh": re.compile(rf"(?P<skip>{_NOT_FIGURE})|\d|[零〇一二两三四五六七八九十百千万亿]+"
                     r"(?=[个人项次名家所倍成番%万亿])"),
}


def _open_candidates(text: Text, lang: str, labels: list[str] = ()) -> bool:
    """Whether ``text`` holds a possible figure that no traced figure covers: only such
    texts need the extractor (spaCy and jieba take seconds to load)."""
    if text.origin is not None:
        return False
    inside = _labels(text, labels)
    return any(m.group("skip") is None and not _traced(text, m.start(), m.end())
               and not any(s <= m.start() and m.end() <= e for s, e in inside)
               for m in CANDIDATES[lang].finditer(text.text))


def _traced(text: Text, start: int, end: int) -> bool:
    """A span is traced when a figure put there from data or a documented rule covers it;
    a number typed into a template through a filter (|num, |pct, |money) is not."""
    return text.origin is not None or any(
        f.start < end and start < f.end and f.source.get("kind") != "template"
        for f in text.figures)


def _labels(text: Text, labels: list[str]) -> list[tuple[int, int]]:
    """Where the data's own words (indicator subjects such as "entities with two or more
    programmes") stand in ``text``: numbers inside them are the data's, not the draft's."""
    return [(m.start(), m.end()) for label in labels if label
            for m in re.finditer(re.escape(label), text.text, re.I)]  # |capfirst


def audit(edition: Edition, labels: list[str] = ()) -> list[dict]:
    """Figures and number words in the draft that no data entry, rule or previous-report
    passage accounts for, each with its place (an empty list is what a clean draft gives).
    ``labels``: the data's subjects in this language."""
    found_units = list(units(edition))
    open_units = [u for u in found_units if _open_candidates(u[3], edition.lang, labels)]
    results = []
    if open_units:
        from extract.pipeline import run

        results = run([t.text for *_, t in open_units], edition.lang, {"figure", "reference"},
                      frozenset())
    by_unit = {id(u[3]): found for u, found in zip(open_units, results)}
    results = [by_unit.get(id(u[3]), {}) for u in found_units]
    untraced = []
    for (where, para, sub, text), found in zip(found_units, results):
        spans = [(f["span"][0], f["span"][1], f.get("value")) for f in found.get("figure", [])]
        words = NUMBER_WORDS[edition.lang].finditer(text.text)
        spans += [(m.start(), m.end(), None) for m in words
                  if not any(s < m.end() and m.start() < e for s, e, _ in spans)]
        inside = _labels(text, labels)
        for start, end, value in sorted(spans):
            if not _traced(text, start, end) and \
                    not any(s <= start and end <= e for s, e in inside):
                untraced.append({"para": para, "sub": sub, "where": where, "span": [start, end],
                                 "text": text.text[start:end], "value": value})
    return untraced


def _figure(para, sub, text: Text, f) -> dict:
    return {"para": para, "sub": sub, "start": f.start, "end": f.end, "text": f.text,
            "value": f.value, "unit": f.unit, "role": f.role, "source": f.source}


def sidecar(edition: Edition, docx_name: str, spec_path: Path, check: bool = True,
            labels: list[str] = ()) -> dict:
    """Where every figure and passage of the edition comes from, for the JSON beside the
    .docx; ``untraced`` lists what has no source, when checked."""
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
        "untraced": audit(edition, labels) if check else None,  # None: not checked
    }


def write(data: dict, path: Path) -> Path:
    """Write the sidecar ``data`` to ``path`` as JSON and return the path."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), "utf-8")
    return path

