"""The previous report as ``rapporteur draft`` reads it: found (file or store), cut into
units in reading order (summary paragraphs, headings, paragraphs with their sub-paragraphs,
tables and boxes where they were printed), and the units of two editions paired by
position, so that one spec holds both languages."""
from __future__ import annotations

import re
from pathlib import Path

from compose.errors import SpecError

SUMMARY = {"summary", "摘要"}
# a sub-paragraph's own label, which some readings keep in its text; the composer adds it
LABEL = re.compile(r"^\s*[(（](?:[a-z]{1,2}|[ivx]+)[)）]\s*")
TRAILING_LABEL = re.compile(r"\s*[(（](?:[a-z]{1,2}|[ivx]+)[)）]\s*$")
# the summary box's label, which the reading of a Word file may glue to the first paragraph
GLUED_LABEL = re.compile(r"^(?:Summary|摘要)(?=\S)")


def read_report(source: str, db: str | None):
    """A file, or with ``db`` a document name in the store (when no such file exists)."""
    from corpus.errors import ReadError

    if Path(source).exists() or not db:
        from corpus import read

        try:
            return read(source)
        except ReadError as exc:  # its message names the file already
            raise SpecError(exc.path, exc.cause) from None
        except FileNotFoundError:
            raise SpecError(source, "file not found") from None
    from corpus.store import Store, StoreError

    try:
        with Store(db) as store:
            doc = store.get(source)
    except StoreError as exc:
        raise SpecError(db, str(exc)) from None
    if doc is None:
        raise SpecError(db, f"no document {source!r} in the store")
    return doc


def units(doc) -> list[tuple[tuple, str, dict]]:
    """(key, kind, info) in reading order; keys pair the editions: summary paragraphs by
    position, sections and tables by position, paragraphs by position within their
    section. A table or a box follows the paragraph it was printed after."""
    out, count, heads = [], {}, {}
    summary_sections = {i for i, s in enumerate(doc.sections) if s.title.strip().lower()
                        in SUMMARY}
    order = [i for i in range(len(doc.sections)) if i not in summary_sections]
    for i in order:
        heads[i] = len(heads)
    notes = {f.marker: f.text for f in doc.footnotes}
    tables = {}  # tables and boxes, after the paragraph they were printed after
    for k, table in enumerate(doc.tables):
        tables.setdefault(table.after, []).append((("table", k), "table",
                                                   {"table": table, "index": k}))
    for k, box in enumerate(doc.boxes):
        tables.setdefault(box.after, []).append((("box", k), "box", {"box": box}))
    done_heads = set()

    def calls(refs):
        return [notes[m] for m in refs if m in notes]

    def headings(upto: int | None) -> None:
        """The headings up to section ``upto``, even those without paragraphs."""
        for i in order:
            if upto is not None and i <= upto and i not in done_heads:
                done_heads.add(i)
                out.append((("section", heads[i]), "heading", {"section": doc.sections[i]}))

    for n, p in enumerate(doc.paragraphs):
        if p.section is None or p.section in summary_sections:
            k = count.setdefault("summary", 0)
            count["summary"] = k + 1
            out.append((("summary", k), "summary", {
                "text": GLUED_LABEL.sub("", p.text) if k == 0 else p.text,
                "notes": calls(p.footnote_refs)}))
            continue
        headings(p.section)
        k = count.setdefault(p.section, 0)
        count[p.section] = k + 1
        subs = p.subparagraphs
        body = TRAILING_LABEL.sub("", p.text[:subs[0].offset]) if subs else p.text
        out.append((("para", heads[p.section], k), "para", {
            "number": p.number, "text": body,
            "subs": [(s.label, LABEL.sub("", s.text)) for s in subs],
            "notes": calls(p.footnote_refs)}))
        for unit in tables.get(n, []):  # after the heading that comes before it, if any
            headings(unit[2].get("table", unit[2].get("box")).section)
            out.append(unit)
    for i in order:
        if i not in done_heads:
            out.append((("section", heads[i]), "heading", {"section": doc.sections[i]}))
    return out


def pair(docs: dict) -> dict[tuple, dict]:
    """Units of each edition by key; editions that do not pair are refused."""
    by_key: dict[tuple, dict] = {}
    order: list[tuple] = []
    for lang, doc in docs.items():
        for key, kind, info in units(doc):
            if key not in by_key:
                by_key[key] = {"kind": kind}
                order.append(key)
            by_key[key][lang] = info
    for key in order:
        missing = [lang for lang in docs if lang not in by_key[key]]
        if missing:
            raise SpecError(docs[missing[0]].source, f"the {missing[0]} edition has no "
                                                     f"counterpart of {where(key, by_key[key])}")
    return {k: by_key[k] for k in order}


def where(key: tuple, unit: dict) -> str:
    """The place of unit ``key`` in words, for messages: ``paragraph 12``."""
    if key[0] == "summary":
        return f"summary paragraph {key[1] + 1}"
    if key[0] == "section":
        return f"heading {key[1] + 1}"
    number = next((u["number"] for k, u in unit.items() if k != "kind" and u.get("number")),
                  None)
    return f"paragraph {number}" if number else f"unnumbered paragraph in heading {key[1] + 1}"
