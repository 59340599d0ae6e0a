"""Reading benchmark: every document of the development corpus read, and the properties every
UN document has checked without gold (``corpus.quality``), plus one check that needs an
independent reading: every page's words, as pypdfium2's raw ``get_text_range()`` gives them
(less page furniture), are found in the model.

    python benchmarks/reading_bench.py                      # ../shared/corpus-dev + samples
    python benchmarks/reading_bench.py FILE_OR_DIR... --workers 2 --json out.json
    python benchmarks/reading_bench.py --show-all           # one line per document

Prints one line per document with a problem (or every document with ``--show-all``), the
count of documents per property violated, documents refused and why, and pages/s of
``corpus.read`` next to pypdfium2's raw text extraction of the same pages in the same run.
Run it before and after every reader change.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT = [SHARED / "corpus-dev" / "en", SHARED / "corpus-dev" / "twins", SHARED / "samples"]
SUFFIXES = {".pdf", ".docx", ".txt"}
_SYMBOLISH = re.compile(r"^[A-Z][A-Za-z]{0,9}(?:_[A-Za-z0-9.\-()]+)+$")


def files(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES)
        elif p.exists():
            out.append(p)
    return out


def raw_pages(path: Path) -> tuple[dict[int, list[str]], float]:
    """Page -> lines of pypdfium2's raw text, furniture lines dropped; and the seconds taken
    by the raw extraction alone."""
    import pypdfium2

    from corpus.furniture import is_furniture

    pages: dict[int, list[str]] = {}
    t0 = time.perf_counter()
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            pages[i + 1] = tp.get_text_range().splitlines()
            tp.close()
            page.close()
    finally:
        pdf.close()
    seconds = time.perf_counter() - t0
    return {n: [ln for ln in lines if not is_furniture(ln.strip())] for n, lines in pages.items()}, seconds


def symbol_from_name(path: Path) -> str | None:
    stem = re.sub(r"(?:\.(?:en|zh|fr|es|ru|ar))?\.(?:pdf|docx|txt)$", "", path.name)
    stem = stem.split(",")[0].strip()  # "A_ES-10_1043, S_2025_529": the first symbol
    stem = re.sub(r"\([a-z]+\)$", "", stem)  # "JIU_NOTE_2022_1_Rev.1(review)": a note on the file
    if not _SYMBOLISH.match(stem):
        return None
    return stem.replace("_", "/")


def measure(path: Path) -> dict:
    from corpus import quality
    from corpus.errors import ReadError
    from corpus.reader import read

    row: dict = {"file": str(path.relative_to(SHARED) if path.is_relative_to(SHARED) else path),
                 "format": path.suffix.lower().lstrip(".")}
    t0 = time.perf_counter()
    try:
        doc = read(path)
    except ReadError as exc:
        row.update(status="refused", cause=exc.cause, seconds=time.perf_counter() - t0)
        return row
    except Exception as exc:  # a bug: count it, never stop the run
        row.update(status="crash", cause=f"{type(exc).__name__}: {exc}",
                   seconds=time.perf_counter() - t0)
        return row
    row["seconds"] = time.perf_counter() - t0
    problems = list(doc.warnings)  # the reading report the structurer made
    expected = symbol_from_name(path)
    if expected and doc.metadata.symbol != expected and expected not in doc.metadata.symbols:
        problems.append(f"symbol: read {doc.metadata.symbol!r}, file name says {expected!r}")
    if row["format"] == "pdf":
        pages, raw_seconds = raw_pages(path)
        row["raw_seconds"] = raw_seconds
        for page, left, total in quality.unplaced(pages, doc):
            problems.append(f"{quality.UNPLACED}: page {page}: {left} of {total} words not placed")
    numbered = [p for p in doc.paragraphs if p.number]
    row.update(status="read", pages=doc.pages, lang=doc.lang, symbol=doc.metadata.symbol,
               paragraphs=len(doc.paragraphs), numbered=len(numbered),
               headings=len(doc.sections), footnotes=len(doc.footnotes),
               tables=len(getattr(doc, "tables", [])), problems=problems)
    return row


def kind(problem: str) -> str:
    return problem.split(":", 1)[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write every row here")
    ap.add_argument("--show-all", action="store_true", help="a line for every document")
    args = ap.parse_args()
    todo = files(args.paths or DEFAULT)
    if not todo:
        sys.exit("no documents found (is ../shared beside the checkout?)")
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    ctx = mp.get_context("forkserver")
    with ctx.Pool(args.workers, maxtasksperchild=20) as pool:
        rows = pool.map(measure, todo, chunksize=1)
    wall = time.perf_counter() - t0
    rows.sort(key=lambda r: r["file"])
    for r in rows:
        if r["status"] != "read":
            print(f"{r['file']}: {r['status'].upper()}: {r['cause']}")
        elif r["problems"] or args.show_all:
            print(f"{r['file']}: {r['pages']}p {r['lang']} ¶{r['paragraphs']} "
                  f"(#{r['numbered']}) h{r['headings']} fn{r['footnotes']} t{r['tables']}")
            for p in r["problems"][:6]:
                print(f"    {p}")
            if len(r["problems"]) > 6:
                print(f"    … {len(r['problems']) - 6} more")
    read_rows = [r for r in rows if r["status"] == "read"]
    clean = [r for r in read_rows if not r["problems"]]
    kinds = Counter(k for r in read_rows for k in {kind(p) for p in r["problems"]})
    causes = Counter(r["cause"].split(":")[0] for r in rows if r["status"] != "read")
    print()
    print(f"documents: {len(rows)}; read {len(read_rows)}, refused "
          f"{sum(r['status'] == 'refused' for r in rows)}, crashed {sum(r['status'] == 'crash' for r in rows)}")
    print(f"read without a property violation: {len(clean)}/{len(read_rows)} "
          f"({100 * len(clean) / max(len(read_rows), 1):.1f} %)")
    faults = json.loads((ROOT / "benchmarks" / "source_faults.json").read_text())
    listed = [r for r in read_rows if r["problems"] and Path(r["file"]).name in faults]
    print(f"  of the {len(read_rows) - len(clean)} with violations, {len(listed)} are faults of the "
          f"files themselves, checked by hand (benchmarks/source_faults.json)")
    for r in read_rows:
        fault = faults.get(Path(r["file"]).name)
        if fault and {kind(p) for p in r["problems"]} - {fault["problem"]} - {"footnotes"} \
                - ({"symbol"} if fault["problem"] == "ocr" else set()) or fault and not r["problems"]:
            print(f"  ! {r['file']}: listed as a fault of the file ({fault['problem']}), "
                  f"but reads with: {r['problems'] or 'no violation'}")
    print(f"documents with body text missing (pages with words not placed): {kinds.get('unplaced', 0)}")
    for k, n in kinds.most_common():
        print(f"  {k:10} {n} documents")
    for c, n in causes.most_common():
        print(f"  refused/crashed: {n} × {c}")
    pdf = [r for r in read_rows if r["format"] == "pdf"]
    pages = sum(r["pages"] or 0 for r in pdf)
    ours = sum(r["seconds"] for r in pdf)
    raw = sum(r["raw_seconds"] for r in pdf)
    if pages:
        print(f"PDF: {pages} pages; corpus.read {pages / ours:.1f} pages/s, pypdfium2 raw "
              f"get_text_range() {pages / raw:.1f} pages/s (ratio {raw / ours:.2f}); "
              f"wall {wall:.1f} s with {args.workers} workers")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
