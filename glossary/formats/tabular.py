"""CSV/TSV glossaries: our own one-row-per-concept layout (the bundled file's), and OmegaT's
glossary layout (``source<TAB>target<TAB>comment``, one row per term pair).

Every cell written is passed through ``neutral`` (formula injection) and every cell read
through ``restore``, so that exports are safe to open in a spreadsheet and a round trip
still gives back exactly what was written."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from corpus.blocks import han_ratio
from corpus.cells import neutral, restore
from glossary.model import LANGS, Concept, Glossary, GlossaryError, Term

COLUMNS = ["id", "domain", "en_full", "en_short", "zh_full", "zh_short", "en_variants",
           "zh_variants", "en_deprecated", "zh_deprecated", "note", "provenance"]
# Until issue 11 the last column was "source", which translate-toolkit's CSV reading takes
# for the source-language term; files with that header are still read.
LEGACY = COLUMNS[:-1] + ["source"]
# The other four official languages, in four columns each after these, written only when
# a glossary has terms in them (the bundled English–Chinese file keeps its twelve columns).
OTHER_LANGS = tuple(lang for lang in LANGS if lang not in ("en", "zh"))
KINDS = ("full", "short", "variants", "deprecated")
WIDE = COLUMNS + [f"{lang}_{kind}" for lang in OTHER_LANGS for kind in KINDS]
SEP = "|"


def _header(row: list[str]) -> list[str] | None:
    """The columns of a header row of ours (12, or 28 with the other languages), else None."""
    header = [h.strip().lstrip("\ufeff") for h in row]
    if header[:len(COLUMNS)] not in (COLUMNS, LEGACY):
        return None
    return WIDE if header[len(COLUMNS):len(WIDE)] == WIDE[len(COLUMNS):] else COLUMNS


def read_table(path: Path, text: str, delimiter: str) -> Glossary:
    """A glossary from CSV or TSV text: our columns when it has our header, else (tab-separated)
    an OmegaT glossary."""
    rows = [[restore(cell) for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if not rows:
        raise GlossaryError(path, "the file is empty")
    columns = _header(rows[0])
    if columns:
        return Glossary(_concepts(path, rows, columns), source=str(path))
    if delimiter == "\t":
        return Glossary(_omegat(path, rows), source=str(path))
    raise GlossaryError(path, "unknown CSV layout: the header must be " + ",".join(COLUMNS))


def _split(cell: str) -> list[str]:
    return [f.strip() for f in cell.split(SEP) if f.strip()]


def _concepts(path: Path, rows: list[list[str]], columns: list[str]) -> list[Concept]:
    concepts, seen = [], set()
    langs = [lang for lang in LANGS if f"{lang}_full" in columns]
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise GlossaryError(path, f"line {line}: {len(row)} fields, expected {len(columns)}")
        r = dict(zip(columns, row))
        cid = r["id"].strip()
        if not cid:
            raise GlossaryError(path, f"line {line}: empty id")
        if cid in seen:
            raise GlossaryError(path, f"line {line}: duplicate id {cid!r}")
        seen.add(cid)
        src = r["provenance"]
        terms = []
        for lang in langs:
            for kind in ("full", "short"):
                if r[f"{lang}_{kind}"].strip():
                    terms.append(Term(r[f"{lang}_{kind}"].strip(), lang, kind, "preferred", src))
            terms += [Term(f, lang, "variant", "admitted", src) for f in _split(r[f"{lang}_variants"])]
            terms += [Term(f, lang, "variant", "deprecated", src)
                      for f in _split(r[f"{lang}_deprecated"])]
        if not terms:
            raise GlossaryError(path, f"line {line}: concept {cid!r} has no term")
        concepts.append(Concept(cid, r["domain"].strip() or "general", r["note"], terms))
    return concepts


def concept_row(c: Concept, columns: list[str] = COLUMNS) -> list[str]:
    """One CSV row; every term lands in the column its type and status call for."""
    row = {k: "" for k in columns}
    row.update(id=c.id, domain=c.domain, note=c.note)
    row["provenance"] = next((t.source for t in c.terms if t.source), "")
    for lang in [lang for lang in LANGS if f"{lang}_full" in columns]:
        variants, deprecated = [], []
        for t in (t for t in c.terms if t.lang == lang):
            cell = f"{lang}_{t.type}"
            if t.status == "deprecated":
                deprecated.append(t.form)
            elif t.status == "preferred" and t.type in ("full", "short") and not row[cell]:
                row[cell] = t.form
            else:
                variants.append(t.form)
        row[f"{lang}_variants"] = SEP.join(variants)
        row[f"{lang}_deprecated"] = SEP.join(deprecated)
    return [row[k] for k in columns]


def write_table(g: Glossary, delimiter: str = ",") -> str:
    """CSV as RFC 4180 has it (CRLF line ends, like the bundled file); TSV with LF. The
    columns of the other four official languages are added when a term needs them."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n")
    columns = WIDE if any(t.lang in OTHER_LANGS for c in g.concepts for t in c.terms) else COLUMNS
    writer.writerow(columns)
    for c in g.concepts:
        writer.writerow([neutral(cell) for cell in concept_row(c, columns)])
    return out.getvalue()


def slug(text: str, taken: set[str], tried: dict[str, int]) -> str:
    """A concept id made from ``text``, not in ``taken``: ``undp``, ``undp-2``, ...
    ``tried`` remembers the next number for each base, so that a file repeating one term
    20,000 times is read in linear time."""
    base = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-") or "term"
    if not base[0].isalpha():
        base = "c-" + base
    cid = base
    if cid in taken:
        n = tried.get(base, 2)
        while f"{base}-{n}" in taken:
            n += 1
        tried[base] = n + 1
        cid = f"{base}-{n}"
    taken.add(cid)
    return cid


def _omegat(path: Path, rows: list[list[str]]) -> list[Concept]:
    """OmegaT: source term, target term, optional comment; '#' lines are comments. Which
    column is Chinese is read from the text, not assumed."""
    concepts, taken, tried = [], set(), {}
    for line, row in enumerate(rows, start=1):
        if not row or row[0].startswith("#") or not any(c.strip() for c in row):
            continue
        if len(row) < 2:
            raise GlossaryError(path, f"line {line}: an OmegaT glossary line needs "
                                      "'source<TAB>target[<TAB>comment]'")
        a, b = row[0].strip(), row[1].strip()
        comment = row[2].strip() if len(row) > 2 else ""
        en, zh = (b, a) if han_ratio(a) > han_ratio(b) else (a, b)
        en_id = en if han_ratio(en) < 0.5 else ""
        concepts.append(Concept(slug(en_id or f"term-{line}", taken, tried), "general", comment,
                                [Term(en, "en"), Term(zh, "zh")]))
    return concepts


def write_omegat(g: Glossary) -> str:
    """One line per English form (deprecated ones left out) with the Chinese preferred form
    of the same role; the comment keeps the concept id so that a translator can look it up."""
    lines = []
    for c in g.concepts:
        for t in c.terms:
            if t.lang != "en" or t.status == "deprecated":
                continue
            role = c.role(t)
            zh = c.preferred("zh", role) or c.preferred("zh", "full") or c.preferred("zh", "short")
            if zh:
                comment = c.id + (f" — {c.note}" if c.note else "")
                lines.append("\t".join(neutral(re.sub(r"[\t\r\n]", " ", x))
                                       for x in (t.form, zh, comment)))
    return "\n".join(lines) + "\n"
