"""Spec -> editions: one pass per language over the same sections and data, so that both
editions get the same headings, the same paragraph numbers and the same figures."""
from __future__ import annotations

import re

from compose import masthead
from compose.draft import Box, Edition, Heading, Para, Table
from compose.errors import SpecError
from compose.numbers import zh_numeral
from compose.previous import PreviousReport, carried_over, link_previous, open_report
from compose.render import Renderer, label
from compose.spec import Spec

ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
ILLUSTRATIVE = {
    "en": "The figures in the present draft are illustrative: they were written for an "
          "example and are not official data.",
    "zh": "本稿中的数字为示例数据，系为示范而编写，并非正式数据。",
}
_END_PUNCT = re.compile(r"[\s;；,，.。:：]+$")


def previous_reports(spec: Spec, db: str | None) -> dict[str, PreviousReport]:
    """The previous report of each language the spec names, read and extracted."""
    return {lang: open_report(src, lang, spec, db)
            for lang, src in (spec.raw.get("previous") or {}).items()}


def link_data(spec: Spec, reports: dict[str, PreviousReport]) -> None:
    """Previous values that the spec says to take from the previous report."""
    for datum in spec.data.values():
        if datum.link and datum.previous is None:
            report = reports.get("en") or reports.get("zh")
            if report is None:
                raise SpecError(spec.path, f"data {datum.id!r} takes its previous value from "
                                           "the previous report, but the spec names none")
            link_previous(datum, report, spec.path)


def roman(n: int) -> str:
    """``n`` in capital roman numerals, for chapter numbers."""
    out = ""
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _numbered(level: int, counters: list[int], lang: str) -> str | None:
    """``I.``/``一.`` for chapters, ``A.`` for sections (after ``Z``: ``AA``, ``BB``, ...),
    ``1.`` for the numbered headings under a section (level 4; level 3 is unnumbered)."""
    if level == 1:
        counters[0] += 1
        counters[1] = counters[2] = 0
        return zh_numeral(counters[0]) if lang == "zh" else roman(counters[0])
    if level == 2:
        counters[1] += 1
        counters[2] = 0
        return label(counters[1] - 1).upper()
    if level == 4:
        counters[2] += 1
        return str(counters[2])
    return None


def _recommendations(r: Renderer, rec: dict, report: PreviousReport | None, spec: Spec,
                     number: int, where: str) -> Para:
    lang = r.lang
    items: list[tuple[str, dict | None]] = []
    if rec.get("carry_over"):
        if report is None:
            raise SpecError(spec.path, f"carry_over needs the previous {lang} report "
                                       f"(previous: {{{lang}: ...}})")
        items += carried_over(report, rec["carry_over"], spec.path)
    for k, item in enumerate(rec.get("items", []), start=1):
        with r.at(f"{where}, item {k}"):
            items.append((r.render(item[lang]), None))
    with r.at(f"{where}, chapeau"):
        chapeau = (_END_PUNCT.sub("", r.render(rec["chapeau"][lang]))
                   + (":" if lang == "en" else "："))
    subs = []
    with r.at(where):
        for k, (text, origin) in enumerate(items):
            last = k == len(items) - 1
            end = ("." if last else ";") if lang == "en" else ("。" if last else "；")
            piece = r.finish(_END_PUNCT.sub("", text) + end)
            piece.origin = origin
            subs.append((label(k), piece))
        return Para(str(number), r.finish(chapeau), subs)


def _notes(r: Renderer, notes: list[dict], where: str) -> list[str]:
    out = []
    for k, f in enumerate(notes, start=1):
        with r.at(f"{where}, footnote {k}"):
            out.append(r.finish(r.render(f[r.lang])).text)
    return out


def _table(r: Renderer, table: dict, spec: Spec, where: str) -> Table:
    rows = table["rows"].get(r.lang)
    if rows is None:
        raise SpecError(spec.path, f"{where}: no {r.lang} rows")
    cells = []
    for i, row in enumerate(rows, start=1):
        cells.append([])
        for j, cell in enumerate(row, start=1):
            with r.at(f"{where}, row {i}, column {j}"):
                cells[-1].append(r.finish(r.render(cell)))
    caption = None
    if table.get("caption"):
        with r.at(f"{where}, caption"):
            caption = r.finish(r.render(table["caption"][r.lang])).text
    notes = []
    for k, note in enumerate(table.get("notes", []), start=1):
        with r.at(f"{where}, note {k}"):
            notes.append(r.finish(r.render(note[r.lang])))
    return Table(caption, cells, table.get("header_rows", 1), table.get("number"), notes)


def _box(r: Renderer, box: dict, spec: Spec, where: str) -> Box:
    """A box's paragraphs, each line of a template its own paragraph; its footnotes are
    called at the end of the last."""
    notes = r.notes = _notes(r, box.get("footnotes", []), where)
    title = None
    if box.get("title"):
        with r.at(f"{where}, title"):
            title = r.finish(r.render(box["title"][r.lang])).text
    paragraphs = []
    for i, p in enumerate(box["paragraphs"], start=1):
        if r.lang not in p:
            raise SpecError(spec.path, f"{where}, paragraph {i}: no {r.lang} text")
        with r.at(f"{where}, paragraph {i}"):
            raw = r.render(p[r.lang])
            if i == len(box["paragraphs"]):
                body, subs = r.paragraph(raw, notes)
                paragraphs += [body] + [s for _, s in subs]
            else:
                paragraphs += [r.finish(line) for line in raw.split("\n") if line.strip()]
    return Box(box.get("number") or "Box", title, paragraphs)


def _paragraph(r: Renderer, p: dict, spec: Spec, number: int, where: str) -> Para:
    lang = r.lang
    r.notes = _notes(r, p.get("footnotes", []), where)
    if number == 1 and spec.raw.get("illustrative"):
        r.notes.append(ILLUSTRATIVE[lang])  # called at the end of paragraph 1
    with r.at(where):
        if "text" in p:
            text = r.render(p["text"][lang])
        else:
            ids = [p["data"]] if isinstance(p["data"], str) else p["data"]
            missing = [i for i in ids if i not in r.data]
            if missing:
                raise SpecError(spec.path, f"{where}: no data {', '.join(missing)}")
            lead = r.render(p["lead"][lang]) if p.get("lead") else None
            text = r.render("", name=p["type"], items=[r.data[i] for i in ids],
                            it=r.data[ids[0]], lead=lead)
    for k, s in enumerate(p.get("subparagraphs", []), start=1):
        with r.at(f"{where}, sub-paragraph {k}"):
            text += "\n" + r.render(s[lang])
    with r.at(where):
        body, subs = r.paragraph(text, r.notes)
    return Para(str(number), body, subs)


def edition(spec: Spec, lang: str, reports: dict[str, PreviousReport]) -> Edition:
    """Problems are reported with their place: ``section 2, paragraph 5 (en)``, where the
    paragraph number is the one the draft prints."""
    raw = spec.raw
    r = Renderer(lang, spec.data, spec.path, raw.get("currency", "US$"))
    summary = []
    for k, s in enumerate(raw.get("summary", []), start=1):
        notes = r.notes = _notes(r, s.get("footnotes", []), f"summary {k}")  # fn(n) too
        with r.at(f"summary {k}"):
            text = r.render(s["text"][lang] if "text" in s else s[lang])
            summary.append(r.paragraph(text, notes)[0] if notes else r.finish(text))
    blocks: list[Heading | Para | Table | Box] = []
    counters, number = [0, 0, 0], 0
    for si, section in enumerate(raw["sections"], start=1):
        level = section.get("level", 1)
        with r.at(f"section {si}, heading"):
            title = r.finish(r.render(section["heading"][lang])).text
        blocks.append(Heading(level, _numbered(level, counters, lang), title,
                              _notes(r, section.get("footnotes", []), f"section {si}, heading")))
        for k, p in enumerate(section.get("paragraphs", []), start=1):
            if "table" in p:
                blocks.append(_table(r, p["table"], spec, f"section {si}, table {k}"))
            elif "box" in p:
                blocks.append(_box(r, p["box"], spec, f"section {si}, box {k}"))
            elif p.get("numbered", True):
                number += 1
                blocks.append(_paragraph(r, p, spec, number, f"section {si}, paragraph {number}"))
            else:
                para = _paragraph(r, p, spec, 0, f"section {si}, unnumbered paragraph {k}")
                blocks.append(Para("", para.body, para.subs))
        if section.get("recommendations"):
            number += 1
            blocks.append(_recommendations(r, section["recommendations"], reports.get(lang),
                                           spec, number, f"section {si}, paragraph {number}"))
    with r.at("masthead"):
        head = masthead.build(raw["masthead"], lang)
    return Edition(lang, head, summary, blocks, "Summary" if lang == "en" else "摘要")


def editions(spec: Spec, langs: list[str], db: str | None = None) -> list[Edition]:
    """The edition of each language in ``langs``, with previous values taken from last year's
    report."""
    reports = previous_reports(spec, db)
    link_data(spec, reports)
    return [edition(spec, lang, reports) for lang in langs]

