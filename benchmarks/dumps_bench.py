"""Text dumps: a UN PDF dumped with ``pdftotext`` must read like the PDF itself.

Users hand Rapporteur plain-text dumps of UN reports. For every PDF of
``../shared/corpus-dev/en`` (or an evenly spread sample of ``--limit N``) this dumps the PDF
with poppler's ``pdftotext`` in both modes (``-layout`` and plain), reads the PDF and each
dump with ``corpus.read`` and prints, per mode, in total: numbered paragraphs (in the PDF
reading / in the dump reading / same number with identical text, whitespace aside; and
identical in the first 60 characters), footnotes (PDF / dump / same marker and text),
documents whose symbol and date agree, and dumps refused. The PDF reading is the reference;
documents the PDF reader refuses are skipped. ``-v`` lists what differs per document.

    python benchmarks/dumps_bench.py [--limit N] [-v] [FOLDER]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus import ReadError, read

sys.path.insert(0, str(Path(__file__).resolve().parent))
from twins_bench import numbered as twin_numbers, squash  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-dev" / "en"
MODES = {"layout": ["-layout"], "plain": []}


def numbered(doc) -> dict[str, str]:
    """Paragraph number -> text, whitespace aside (keys as the twins benchmark makes them)."""
    return {key: squash(text) for key, text in twin_numbers(doc).items()}


def compare(ref, dump) -> dict:
    """Counts of one dump reading against the PDF reading of the same file."""
    a, b = numbered(ref), numbered(dump)
    notes_a = [(f.marker, squash(f.text)) for f in ref.footnotes]
    notes_b = {(f.marker, squash(f.text)) for f in dump.footnotes}
    return {"para_pdf": len(a), "para_dump": len(b),
            "para_same": sum(1 for k in a if k in b and a[k] == b[k]),
            "para_same60": sum(1 for k in a if k in b and a[k][:60] == b[k][:60]),
            "fn_pdf": len(notes_a), "fn_dump": len(dump.footnotes),
            "fn_same": sum(1 for n in notes_a if n in notes_b),
            "symbol": ref.metadata.symbol == dump.metadata.symbol,
            "date": ref.metadata.date == dump.metadata.date,
            "lost": [k for k in a if k not in b or a[k] != b[k]],
            "fn_lost": [m for m, t in notes_a if (m, t) not in notes_b]}


def dump(pdf: Path, folder: Path, mode: str) -> Path:
    out = folder / f"{pdf.stem}.{mode}.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", *MODES[mode], str(pdf), str(out)],
                   check=True, capture_output=True, timeout=300)
    return out


def measure(pdf: Path) -> tuple[str, dict | str]:
    """(name, {mode: counts or 'refused: why'}), or (name, 'skipped: why') when the PDF
    reader refuses the file (there is no reference then)."""
    try:
        ref = read(pdf)
    except ReadError as exc:
        return pdf.name, f"skipped: {exc}"
    rows: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in MODES:
            try:
                rows[mode] = compare(ref, read(dump(pdf, Path(tmp), mode)))
            except ReadError as exc:
                rows[mode] = f"refused: {exc}"
            except subprocess.SubprocessError as exc:
                rows[mode] = f"refused: pdftotext failed ({exc})"
    return pdf.name, rows


def sample(files: list[Path], limit: int | None) -> list[Path]:
    """All files, or ``limit`` of them spread evenly over the sorted list (every kind)."""
    if not limit or limit >= len(files):
        return files
    step = len(files) / limit
    return [files[int(i * step)] for i in range(limit)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, help="an evenly spread sample of N PDFs")
    ap.add_argument("-v", "--verbose", action="store_true", help="list what differs")
    args = ap.parse_args(argv)
    if shutil.which("pdftotext") is None:
        print("error: pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    files = sample(sorted(args.folder.glob("*.pdf")), args.limit)
    if not files:
        print(f"error: {args.folder}: no PDF files", file=sys.stderr)
        return 2
    keys = ("para_pdf", "para_dump", "para_same", "para_same60", "fn_pdf", "fn_dump", "fn_same",
            "symbol", "date")
    totals = {mode: dict.fromkeys(keys, 0) | {"docs": 0, "refused": 0} for mode in MODES}
    skipped = 0
    with ProcessPoolExecutor(max_workers=2) as pool:
        for name, rows in pool.map(measure, files):
            if isinstance(rows, str):
                skipped += 1
                if args.verbose:
                    print(f"{name}: {rows}")
                continue
            for mode, row in rows.items():
                total = totals[mode]
                total["docs"] += 1
                if isinstance(row, str):
                    total["refused"] += 1
                    print(f"{name} [{mode}]: {row}")
                    continue
                for k in keys:
                    total[k] += int(row[k])
                if args.verbose and (row["lost"] or row["fn_lost"] or not row["symbol"]):
                    print(f"{name} [{mode}]: paragraphs {row['para_same']}/{row['para_pdf']} "
                          f"(differ: {' '.join(row['lost'][:15])}); footnotes "
                          f"{row['fn_same']}/{row['fn_pdf']} (differ: {' '.join(row['fn_lost'][:15])})"
                          f"{'' if row['symbol'] else '; symbol differs'}")
    print(f"{len(files)} PDFs, {skipped} skipped (the PDF reader refuses them)")
    for mode, t in totals.items():
        print(f"pdftotext {'-layout' if mode == 'layout' else '(plain)'}: {t['docs']} dumps, "
              f"{t['refused']} refused\n"
              f"  numbered paragraphs: pdf {t['para_pdf']} / dump {t['para_dump']} / "
              f"identical {t['para_same']} (first 60 chars: {t['para_same60']})\n"
              f"  footnotes: pdf {t['fn_pdf']} / dump {t['fn_dump']} / identical {t['fn_same']}\n"
              f"  symbol equal {t['symbol']}/{t['docs']}, date equal {t['date']}/{t['docs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
