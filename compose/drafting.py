"""``rapporteur draft``: last year's report (one edition or both) turned into a spec that
composes back to its text, with every figure the extractor finds made a named data slot —
previous value, unit and source filled, current value left for the drafter — and a data file
(CSV or XLSX) of those slots. Drafters start the next report from the last one; this is that start."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import yaml

from compose import datafile
from compose.drafthead import masthead
from compose.draftunits import pair, read_report
from compose.draftunits import where as place
from compose.errors import SpecError
from compose.provenance import NUMBER_WORDS

# a table cell of running text ("... which amounted to 894 troops"), read like a paragraph
PROSE = re.compile(r"(?:\b[A-Za-z]{2,}\b[^A-Za-z]*){4}|[\u4e00-\u9fff]{8}")


def _lit(text: str) -> str:
    """Report text as a template that prints it unchanged (one line: a line break would
    start a sub-paragraph)."""
    return re.sub(r"\s*\n\s*", " ", text).replace("{", "{{ '{' }}")


def _figures(texts: list[str], lang: str, markers) -> list[list[dict]]:
    from extract.pipeline import run

    return [found.get("figure", []) for found in run(texts, lang, {"figure"}, markers)]


def _writes_bare_dollars(doc) -> bool:
    """Whether the report writes "$8.4 million" rather than "US$ 8.4 million"."""
    text = " ".join(p.text for p in doc.paragraphs)
    return len(re.findall(r"(?<![A-Z])\$\s?\d", text)) > len(re.findall(r"US\$\s?\d", text))


def _item(items: list[str], i: int) -> str:
    return items[i] if i < len(items) else ""


def _box(key: tuple, unit: dict, langs: list[str], template, notes_text) -> dict:
    """A box of the spec: its label, title, paragraphs (figures as slots ``b1_2_1``: box 1,
    paragraph 2, first figure) and footnotes."""
    first = unit[langs[0]]["box"]
    name = f"b{key[1] + 1}"
    box = {"number": first.number or "Box",
           "paragraphs": [template((*key, i), f"{name}_{i + 1}",
                                   f"box {key[1] + 1}, paragraph {i + 1}")
                          for i in range(len(first.paragraphs))]}
    if all(unit[lang]["box"].title for lang in langs):
        box["title"] = {lang: _lit(unit[lang]["box"].title) for lang in langs}
    notes = _footnotes(unit, langs, lambda lang, info: [
        notes_text[lang][m] for m in info["box"].footnote_refs if m in notes_text[lang]])
    if notes:
        box["footnotes"] = notes
    return {"box": box}


def _cell(table, r: int, c: int) -> str:
    row = table.rows[r] if r < len(table.rows) else []
    return row[c] if c < len(row) else ""


def _table_figures(doc) -> dict[tuple, list[dict]]:
    """The extractor's figures of each table cell, by (table, row, column)."""
    if not doc.tables:
        return {}
    import extract

    out: dict[tuple, list[dict]] = {}
    for r in extract.extract(doc, kinds=["figure"]):
        if r.get("table_index") is not None:
            out.setdefault((r["table_index"], r["table_row"], r["table_column"]), []).append(r)
    return out


def _value(fig: dict) -> str | None:
    def text(v):
        return format(Decimal(str(v)).normalize(), "f")

    if fig.get("value") is not None:
        return text(fig["value"])
    if fig.get("low") is not None and fig.get("high") is not None:
        return f"{text(fig['low'])}-{text(fig['high'])}"
    return None


class Slots:
    """The data slots of the draft, one per figure (shared by the editions when the same
    value stands in the same unit of text in both)."""

    def __init__(self, docs: dict, year: int):
        self.docs, self.year = docs, year
        self.name = " / ".join(dict.fromkeys(d.metadata.symbol or d.name for d in docs.values()))
        self.rows: list[dict] = []
        self.by_id: dict[str, dict] = {}

    def template(self, name: str, texts: dict[str, str], found: dict[str, list], where: str,
                 ) -> dict[str, str]:
        """Each language's text with its figures replaced by ``{{ d.<slot>|slot }}``."""
        ids: dict[str, list[tuple[dict, str]]] = {lang: [] for lang in texts}
        langs = list(texts)
        used: set[int] = set()
        for k, fig in enumerate(f for f in found[langs[0]] if _value(f)):
            sid = f"{name}_{k + 1}"
            row = self._row(sid, fig, langs[0], texts[langs[0]], where)
            ids[langs[0]].append((fig, sid))
            if len(langs) == 2:
                other = next((j for j, g in enumerate(found[langs[1]])
                              if j not in used and _value(g) == _value(fig)), None)
                if other is not None:
                    used.add(other)
                    g = found[langs[1]][other]
                    row[f"printed_{langs[1]}"] = texts[langs[1]][g["span"][0]:g["span"][1]]
                    row[f"subject_{langs[1]}"] = _context(texts[langs[1]], g)
                    ids[langs[1]].append((g, sid))
        if len(langs) == 2:
            extra = [g for j, g in enumerate(found[langs[1]]) if j not in used and _value(g)]
            for k, g in enumerate(extra):
                sid = f"{name}_{langs[1]}{k + 1}"
                self._row(sid, g, langs[1], texts[langs[1]], where)
                ids[langs[1]].append((g, sid))
        for lang in langs:  # number words no figure covers: slots the drafter rewrites
            taken = [f["span"] for f, _ in ids[lang]]
            words = [m for m in NUMBER_WORDS[lang].finditer(texts[lang])
                     if not any(s < m.end() and m.start() < e for s, e in taken)]
            for k, m in enumerate(words):
                sid = f"{name}_{'' if lang == langs[0] else lang}w{k + 1}"
                fig = {"span": [m.start(), m.end()], "unit": "word"}
                self._row(sid, fig, lang, texts[lang], where)
                ids[lang].append((fig, sid))
        return {lang: self._text(text, sorted(ids[lang], key=lambda x: x[0]["span"][0]), lang)
                for lang, text in texts.items()}

    def _text(self, text: str, figs: list[tuple[dict, str]], lang: str) -> str:
        """The template of one text: its figures slots, and a comparison of two of them
        ("fell from X in 2023 to Y in 2024") a ``trend`` whose verb follows their values."""
        from compose import trends

        phrases = {t["index"]: t for t in trends.find(text, [f["span"] for f, _ in figs], lang)
                   if all(figs[t["index"] + k][0].get("value") is not None
                          for k in range(3 if t["by"] else 2))}
        pieces, pos, i = [], 0, 0
        while i < len(figs):
            (fig, sid), found = figs[i], phrases.get(i)
            if found:
                other = figs[i + 1][1]
                by = f", d.{figs[i + 2][1]}" if found["by"] else ""
                pieces += [_lit(text[pos:found["start"]]),
                           f'{{{{ trend(d.{sid}, d.{other}, "{found["phrase"]}"{by}) }}}}']
                pos, i = found["end"], i + (3 if found["by"] else 2)
                if found["years"]:
                    now = trends.next_periods(found["years"])
                    for k, key in enumerate((sid, other)):
                        self.by_id[key].update(previous_period=str(found["years"][k]),
                                               period=now[k])
                continue
            pieces += [_lit(text[pos:fig["span"][0]]), f"{{{{ d.{sid}|slot }}}}"]
            pos, i = fig["span"][1], i + 1
        return "".join(pieces) + _lit(text[pos:])

    def _row(self, sid: str, fig: dict, lang: str, text: str, where: str) -> dict:
        printed = text[fig["span"][0]:fig["span"][1]]
        unit = fig.get("unit") or "count"
        if unit in ("fraction", "times") and not re.search(r"\d", printed):
            unit = "word"  # "half", "doubled": filled with the words that replace them
        row = {"id": sid, "value": "", "unit": unit,
               "period": str(self.year + 1), "previous_value": _value(fig),
               "previous_period": str(self.year),
               "source": f"{self.name}, {where}",
               f"printed_{lang}": printed, f"subject_{lang}": _context(text, fig)}
        self.rows.append(row)
        self.by_id[sid] = row
        return row


def _context(text: str, fig: dict) -> str:
    """A few words either side of the figure, for the drafter reading the data file."""
    start, end = fig["span"]
    return re.sub(r"\s+", " ", text[max(0, start - 50):end + 30]).strip()


def _footnotes(unit: dict, langs: list[str], notes_of) -> list[dict]:
    """The unit's footnotes, paired by position between the editions."""
    notes = {lang: notes_of(lang, unit[lang]) for lang in langs}
    return [{lang: _lit(notes[lang][i]) for lang in langs}
            for i in range(min(len(n) for n in notes.values()))]


def build_spec(docs: dict, data_name: str) -> tuple[dict, list[dict]]:
    """The spec (as a mapping) and the slot rows of the data file."""
    first = next(iter(docs.values()))
    year = int((first.metadata.date or str(dt.date.today().year - 1))[:4])
    slots = Slots(docs, year)
    markers = {lang: frozenset(f.marker for f in d.footnotes) for lang, d in docs.items()}
    markers_text = {lang: {f.marker: f.text for f in d.footnotes} for lang, d in docs.items()}
    paired = pair(docs)
    langs = list(docs)
    texts: dict[tuple, dict[str, str]] = {}
    for key, unit in paired.items():  # the extractor runs once per edition over all texts
        if unit["kind"] in ("summary", "para"):
            texts[key] = {lang: unit[lang]["text"] for lang in langs}
            for label, _ in unit[langs[0]].get("subs", []):
                texts[(*key, label)] = {lang: dict(unit[lang]["subs"]).get(label, "")
                                        for lang in langs}
    for key, unit in paired.items():  # box paragraphs: read like the text's
        if unit["kind"] == "box":
            for i, _ in enumerate(unit[langs[0]]["box"].paragraphs):
                texts[(*key, i)] = {lang: _item(unit[lang]["box"].paragraphs, i)
                                    for lang in langs}
    for key, unit in paired.items():  # table cells: the extractor reads them with the table
        if unit["kind"] == "table":
            for r, row in enumerate(unit[langs[0]]["table"].rows):
                for c, _ in enumerate(row):
                    texts[(*key, r, c)] = {lang: _cell(unit[lang]["table"], r, c)
                                           for lang in langs}
            for i, _ in enumerate(unit[langs[0]]["table"].notes):  # read like the text
                texts[("tnote", key[1], i)] = {lang: _item(unit[lang]["table"].notes, i)
                                               for lang in langs}
    # the text's figures; a table's from the table reading, except in cells of prose
    keys = [k for k in texts if k[0] != "table" or all(PROSE.search(texts[k][lang])
                                                       for lang in langs)]
    found = {lang: dict(zip(keys, _figures([texts[k][lang] for k in keys], lang,
                                           markers[lang]))) for lang in langs}

    cells = {lang: _table_figures(docs[lang]) for lang in langs}
    for key in texts:
        if key[0] == "table":
            for lang in langs:
                table = paired[key[:2]][lang]["index"]
                found[lang][key] = cells[lang].get((table, key[2], key[3])) or \
                    found[lang].get(key, [])

    def template(key, name, where):
        return slots.template(name, texts[key], {lang: found[lang][key] for lang in langs},
                              where)

    spec = {"languages": langs, "masthead": masthead(docs), "data": [{"file": data_name}],
            "summary": [], "sections": []}
    if "en" in docs and _writes_bare_dollars(docs["en"]):
        spec["currency"] = "$"
    for key, unit in paired.items():
        if unit["kind"] == "summary":
            text = template(key, f"s{key[1] + 1}", f"summary paragraph {key[1] + 1}")
            notes = _footnotes(unit, langs, lambda lang, info: info["notes"])
            spec["summary"].append({"text": text, "footnotes": notes} if notes else text)
        elif unit["kind"] == "table":
            first = unit[langs[0]]["table"]
            name, where = f"t{key[1] + 1}", f"table {key[1] + 1}"
            rows = {lang: [[template((*key, r, c), f"{name}_r{r}c{c}",
                                     f"{where}, row {r + 1}, column {c + 1}")[lang]
                            for c in range(len(row))]
                           for r, row in enumerate(first.rows)] for lang in langs}
            table = {"header_rows": first.header_rows, "rows": rows}
            if first.number:
                table["number"] = first.number
            if all(unit[lang]["table"].caption for lang in langs):
                table["caption"] = {lang: _lit(unit[lang]["table"].caption) for lang in langs}
            if first.notes:
                table["notes"] = [template(("tnote", key[1], i), f"{name}_n{i + 1}",
                                           f"{where}, note {i + 1}")
                                  for i in range(len(first.notes))]
            spec["sections"][-1]["paragraphs"].append({"table": table})
        elif unit["kind"] == "box":
            spec["sections"][-1]["paragraphs"].append(_box(key, unit, langs, template,
                                                           markers_text))
        elif unit["kind"] == "heading":
            s = unit[langs[0]]["section"]
            level = min(s.level, 4) if s.number else 3  # 4: "1." under an "A."
            spec["sections"].append({"heading": {lang: _lit(unit[lang]["section"].title)
                                                 for lang in langs},
                                     "level": level, "paragraphs": []})
            notes = _footnotes(unit, langs, lambda lang, info: [
                markers_text[lang].get(m) for m in info["section"].footnote_refs
                if m in markers_text[lang]])
            if notes:
                spec["sections"][-1]["footnotes"] = notes
        else:
            info = unit[langs[0]]
            number = info["number"]
            name = f"p{number}" if number else f"u{key[1] + 1}_{key[2] + 1}"
            where = f"paragraph {number}" if number else place(key, unit)
            para = {"text": template(key, name, where)}
            if info["subs"]:
                para["subparagraphs"] = [
                    template((*key, label), f"{name}{label}", f"{where} ({label})")
                    for label, _ in info["subs"]]
            if not number:
                para["numbered"] = False
            notes = _footnotes(unit, langs, lambda lang, info: info["notes"])
            if notes:
                para["footnotes"] = notes
            spec["sections"][-1]["paragraphs"].append(para)
    return spec, slots.rows


def draft(sources: list[str], out_dir: str | Path, db: str | None = None,
          data_format: str = "csv", force: bool = False) -> dict:
    """Write ``<symbol>.yaml`` and ``<symbol>-data.csv`` (or ``.xlsx``) into ``out_dir``,
    replacing earlier ones only with ``force``; returns their paths and counts."""
    from compose.outputs import Staged, existing_store, refuse_existing

    if data_format not in datafile.FORMATS:
        raise SpecError("--data-format", f"use {' or '.join(datafile.FORMATS)}, "
                                         f"not {data_format!r}")
    existing_store(db)
    docs: dict = {}
    for source in sources:
        doc = read_report(source, db)
        lang = doc.lang or doc.metadata.lang
        if lang not in ("en", "zh"):
            raise SpecError(source, f"an English or Chinese report is needed (read as {lang})")
        if lang in docs:
            raise SpecError(source, f"two {lang} editions given: give one per language")
        docs[lang] = doc
    docs = {lang: docs[lang] for lang in ("en", "zh") if lang in docs}
    if not docs:
        raise SpecError("draft", "give the previous report")
    head = masthead(docs)
    stem = re.sub(r"[\\/:*?\"<>|\s]", "_", head["symbol"])
    out = Path(out_dir)
    spec_path, data_path = out / f"{stem}.yaml", out / f"{stem}-data.{data_format}"
    refuse_existing([spec_path, data_path], force)
    spec, rows = build_spec(docs, data_path.name)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SpecError(out, f"cannot create the output directory ({exc.strerror})") from None
    with Staged() as staged:
        header = (f"# Draft of the next report, from {', '.join(d.name for d in docs.values())}"
                  f" (rapporteur draft).\n# Fill the value column of {data_path.name} with "
                  "this year's figures; compose marks every figure still empty 'to update'.\n")
        staged.path(spec_path).write_text(header + yaml.safe_dump(
            spec, allow_unicode=True, sort_keys=False, width=100), "utf-8")
        datafile.write(staged.path(data_path), rows, data_format)
    return {"spec": spec_path, "data": data_path, "slots": len(rows),
            "paragraphs": sum(1 for s in spec["sections"] for p in s["paragraphs"]
                              if "table" not in p and "box" not in p),
            "tables": sum(1 for s in spec["sections"] for p in s["paragraphs"] if "table" in p),
            "boxes": sum(1 for s in spec["sections"] for p in s["paragraphs"] if "box" in p),
            "languages": list(docs)}
