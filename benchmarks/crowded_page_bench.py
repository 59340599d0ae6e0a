"""Crowded pages: a one-page PDF of N text objects (hand-written PDF, overlapping words, as
hostile files have them), read object by object (pdfium's ``FPDFTextObj_GetText`` scans
the page's characters for each object: quadratic) and in one pass over the characters
(what ``corpus.readers.pdf_objects`` does above ``LINEAR_FROM`` objects). Each read runs in its
own process.

    python benchmarks/crowded_page_bench.py [N ...]      (default 5000 20000 40000)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "the report of the committee on the situation in the territories and its work".split()


def build(path: Path, objects: int) -> None:
    ops = [f"BT /F1 8 Tf {50 + (i % 10) * 50} {780 - (i // 10) % 700} Td ({WORDS[i % len(WORDS)]}) Tj ET"
           for i in range(objects)]
    content = "\n".join(ops).encode()
    parts = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
             b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
             b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
             b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, part in enumerate(parts, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + part + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(parts) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(parts) + 1, xref)
    path.write_bytes(bytes(out))


def timed(path: Path, linear_from: int) -> float:
    code = ("import corpus.readers.pdf_objects as o; o.LINEAR_FROM = %d\n"
            "import corpus.readers.pdf as p\nfrom pathlib import Path\npath = Path(%r)\n"
            "blocks, pages = p.read_pdf(path, path.read_bytes())\nassert blocks and pages == 1"
            % (linear_from, str(path)))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [5000, 20000, 40000]
    print(f"{'objects':>8} {'object by object':>17} {'one pass':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"crowded-{n}.pdf"
            build(path, n)
            slow, fast = timed(path, 10**9), timed(path, 0)
            print(f"{n:>8} {slow:>16.2f}s {fast:>8.2f}s {slow / fast:>5.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
