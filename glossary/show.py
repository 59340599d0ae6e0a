"""What ``terms lookup``, ``terms import`` and ``terms mine`` print: a table for people, or
JSON for scripts (``--format json``). Terms are printed whole, never cut to fit a terminal
(a table wraps them), so that what a translator copies is the term."""
from __future__ import annotations

import json
from dataclasses import asdict

from glossary.model import LANGS, Concept, Glossary

LANG_NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French",
              "ru": "Russian", "es": "Spanish"}


def dumps(value) -> str:
    """JSON as the commands print it: indented, non-ASCII kept as written."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def concept_json(c: Concept) -> dict:
    """A concept as JSON-ready data, without the empty fields of its terms."""
    return {"id": c.id, "domain": c.domain, "note": c.note,
            "terms": [{k: v for k, v in asdict(t).items() if v != "" or k in ("form", "lang")}
                      for t in c.terms]}


def lookup_table(c: Concept):
    """A rich table of the concept's terms, preferred in bold, deprecated struck out."""
    from rich.table import Table

    table = Table(title=f"{c.id} · {c.domain}", title_justify="left")
    for col in ("lang", "form", "type", "status", "in use"):
        table.add_column(col, overflow="fold")
    for t in c.terms:
        style = "bold" if t.status == "preferred" else ("strike dim" if t.status == "deprecated" else "")
        period = (f"{t.valid_from or '…'}–{t.valid_until or '…'}"
                  if t.valid_from or t.valid_until else "")
        table.add_row(t.lang, t.form, t.type, t.status, period, style=style)
    return table


def import_summary(path: str, g: Glossary, bundled: Glossary) -> dict:
    """What an imported file holds, how it meets the bundled glossary, and what was skipped."""
    terms = {lang: sum(1 for _ in g.terms(lang)) for lang in LANGS}
    known = sum(1 for c in g.concepts if any(bundled.find(t.form) for t in c.terms
                                             if t.lang in ("en", "zh")))
    return {"file": path, "concepts": len(g), "terms": {k: v for k, v in terms.items() if v},
            "shared_with_bundled": known, "skipped": list(g.skipped)}


def import_text(s: dict) -> str:
    """What ``terms import`` prints for people: the counts, then what was skipped."""
    counts = ", ".join(f"{n} {LANG_NAMES[lang]}" for lang, n in s["terms"].items())
    lines = [f"{s['file']}: {s['concepts']} concepts; terms: {counts}; "
             f"{s['shared_with_bundled']} concept(s) share a form with the bundled glossary"]
    lines += [f"skipped: {what}" for what in s["skipped"]]
    return "\n".join(lines) + "\n"


def mine_json(candidates) -> str:
    """The candidate pairs as JSON, for scripts."""
    return dumps([asdict(c) for c in candidates])


def mine_lines(candidates) -> str:
    """One candidate a line, tab-separated, under a header: for a pipe or a file, where a
    table's wrapping would split the terms."""
    rows = [("score", "English", "Chinese", "method", "support", "known")]
    rows += [(f"{c.score:.2f}", c.en, c.zh, c.method, ", ".join(c.support), c.known or "")
             for c in candidates]
    return "".join("\t".join(row) + "\n" for row in rows)


def mine_table(candidates):
    """A table for a terminal: long terms wrap, and are never cut short with "…"."""
    from rich.table import Table

    table = Table(title=f"{len(candidates)} candidate pairs", title_justify="left")
    for col in ("score", "English", "Chinese", "method", "support", "known"):
        table.add_column(col, overflow="fold")
    for c in candidates:
        table.add_row(f"{c.score:.2f}", c.en, c.zh, c.method, ", ".join(c.support), c.known or "")
    return table
