"""How fast corpus.read could be at best: pdfium's own CPU time in the reader's way of reading
(page load, text page, one ``FPDFTextObj_GetText`` per object) against pypdfium2's raw
``get_text_range()``, over the same pages, in the same run. The Python the reader adds on top
is the rest of ``reading_bench.py``'s time; issue 13's bar (each ingest worker >= 0.5 of raw)
leaves it ``2 * raw - floor`` CPU seconds.

    python benchmarks/pdfium_floor.py [FOLDER]      # default ../shared/corpus-dev/en
"""
from __future__ import annotations

import argparse
import ctypes
import sys
import time
from pathlib import Path

import pypdfium2

from corpus.readers import pdf_objects as po

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-dev" / "en"


def cpu(docs, mode: str) -> tuple[float, int]:
    buf = (ctypes.c_ushort * 4096)()
    start, pages = time.process_time(), 0
    for pdf in docs:
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage()
            pages += 1
            if mode == "raw":
                text.get_text_range()
            elif mode == "objects":
                pa, ta = po.address(page.raw), po.address(text.raw)
                for j in range(po.count_objects(pa)):
                    po._get_text(po._get_object(pa, j), ta, ctypes.addressof(buf), 8192)
            text.close()
            page.close()
    return time.process_time() - start, pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    docs = []
    for path in sorted(args.folder.glob("*.pdf")):
        try:
            docs.append(pypdfium2.PdfDocument(str(path)))
        except pypdfium2.PdfiumError:
            continue
    if not docs:
        print(f"error: {args.folder}: no readable PDF", file=sys.stderr)
        return 2
    best = {}
    for mode in ("raw", "load", "objects") * 2:  # the best of two, interleaved
        seconds, pages = cpu(docs, mode)
        best[mode] = min(best.get(mode, seconds), seconds)
    raw, floor = best["raw"], best["objects"]
    print(f"{pages} pages, CPU seconds: raw get_text_range() {raw:.2f}; page load + text page "
          f"{best['load']:.2f}; + one text call per object {floor:.2f}")
    print(f"best possible corpus.read: {raw / floor:.2f} of raw; at 0.5 of raw the reader, "
          f"structure and ingest may add {2 * raw - floor:.2f} s of Python to pdfium's {floor:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
