"""Twins: the same UN report as official PDF and as the UN's own Word file must read the same.

For each pair in ``../shared/corpus-dev/twins/`` (or the folder given) prints the numbered
paragraphs in each reading, the share of paragraph numbers (of either reading) whose text is
identical in both (whitespace aside), footnote and table counts, the headings both readings
share (in order, number and first 60 letters) against the Word file's, and whether symbol,
date, agenda item, job number and title agree; then the totals. ``-v`` lists what differs.

    python benchmarks/twins_bench.py [-v] [FOLDER]
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from corpus import ReadError, read

FIELDS = ("symbol", "date", "agenda_item", "job_number", "title")
DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-dev" / "twins"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def numbered(doc) -> dict[str, str]:
    """Paragraph number -> text; annexes restart at 1, so later repeats are keyed ``n#k``."""
    out: dict[str, str] = {}
    for p in doc.paragraphs:
        if p.number:
            key, k = p.number, 1
            while key in out:
                k += 1
                key = f"{p.number}#{k}"
            out[key] = p.text
    return out


def headings(doc) -> list[str]:
    return [squash(f"{s.number or ''} {s.title}")[:60] for s in doc.sections]


def compare(pdf, word, verbose: bool) -> dict:
    a, b = numbered(pdf), numbered(word)
    keys = list(dict.fromkeys([*a, *b]))
    same = [k for k in keys if k in a and k in b and squash(a[k]) == squash(b[k])]
    fields = {f: getattr(pdf.metadata, f) is not None
              and getattr(pdf.metadata, f) == getattr(word.metadata, f) for f in FIELDS}
    row = {"pdf": len(a), "docx": len(b), "keys": len(keys), "same": len(same),
           "fn_pdf": len(pdf.footnotes), "fn_docx": len(word.footnotes),
           "tables": f"{len(pdf.tables)}/{len(word.tables)}",
           "fn_same": [f.marker for f in pdf.footnotes] == [f.marker for f in word.footnotes]
           and all(squash(x.text) == squash(y.text) for x, y in zip(pdf.footnotes, word.footnotes)),
           "fields": fields, "h_pdf": len(pdf.sections), "h_docx": len(word.sections),
           "h_same": sum(m.size for m in difflib.SequenceMatcher(
               a=headings(pdf), b=headings(word), autojunk=False).get_matching_blocks())}
    if verbose:
        for f in FIELDS:
            if not fields[f]:
                print(f"    {f}: pdf={getattr(pdf.metadata, f)!r} docx={getattr(word.metadata, f)!r}")
        for k in keys:
            if k not in same:
                print(f"    para {k}:\n      pdf : {a.get(k, '-')[:300]!r}\n      docx: {b.get(k, '-')[:300]!r}")
        for x, y in zip(pdf.footnotes, word.footnotes):
            if x.marker != y.marker or squash(x.text) != squash(y.text):
                print(f"    footnote pdf {x.marker}: {x.text[:120]!r}\n"
                      f"             docx {y.marker}: {y.text[:120]!r}")
                break
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    pairs = sorted(p for p in args.folder.glob("*.pdf") if p.with_suffix(".docx").exists())
    if not pairs:
        print(f"error: {args.folder}: no PDF/DOCX pairs", file=sys.stderr)
        return 2
    tot = {"keys": 0, "same": 0, "fields_ok": 0, "fn_ok": 0, "h_pdf": 0, "h_docx": 0, "h_same": 0}
    print(f"{'pair':<12}{'paras pdf/docx':>15}{'same %':>8}{'footnotes':>11}{'tables':>9}"
          f"{'headings pdf/docx/both':>24}  fields (S D A J T)")
    for pdf_path in pairs:
        try:
            pdf, word = read(pdf_path), read(pdf_path.with_suffix(".docx"))
        except ReadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            continue
        if args.verbose:
            print(pdf_path.stem)
        r = compare(pdf, word, args.verbose)
        pct = 100 * r["same"] / r["keys"] if r["keys"] else 0.0
        flags = " ".join("=" if r["fields"][f] else "x" for f in FIELDS)
        fn = f"{r['fn_pdf']}/{r['fn_docx']}{'' if r['fn_same'] else '*'}"
        heads = f"{r['h_pdf']}/{r['h_docx']}/{r['h_same']}"
        print(f"{pdf_path.stem:<12}{r['pdf']:>7}/{r['docx']:<7}{pct:>8.1f}{fn:>11}{r['tables']:>9}"
              f"{heads:>24}  {flags}")
        for k in ("h_pdf", "h_docx", "h_same"):
            tot[k] += r[k]
        tot["keys"] += r["keys"]
        tot["same"] += r["same"]
        tot["fields_ok"] += all(r["fields"].values())
        tot["fn_ok"] += r["fn_same"]
    n = len(pairs)
    print(f"total: {tot['same']}/{tot['keys']} numbered paragraphs identical "
          f"({100 * tot['same'] / max(tot['keys'], 1):.1f} %); all five fields equal in "
          f"{tot['fields_ok']}/{n} pairs; footnotes identical in {tot['fn_ok']}/{n} pairs "
          f"(* = markers or texts differ); headings: {tot['h_same']} of the Word files' "
          f"{tot['h_docx']} also in the PDFs, which have {tot['h_pdf']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
