"""Speed bar of issue 3: extraction adds at most 50 % to the time it takes to read (ingest)
the same PDFs. Both are measured here in the same run; ``-s`` prints them."""
from __future__ import annotations

import time
from pathlib import Path

import corpus
from extract import extract
from extract.pipeline import nlp_for

PDFS = sorted((Path(__file__).parent.parent / "corpus" / "samples" / "en").glob("*.pdf"))


def test_extract_adds_at_most_half_the_read_time():
    start = time.perf_counter()
    nlp_for("en")  # once per process, like the CLI: not charged per document
    load = time.perf_counter() - start
    read_time = extract_time = 0.0
    records = 0
    for path in PDFS:
        t0 = time.perf_counter()
        doc = corpus.read(path)
        t1 = time.perf_counter()
        records += len(extract(doc))
        t2 = time.perf_counter()
        read_time += t1 - t0
        extract_time += t2 - t1
    print(f"\nread {len(PDFS)} PDFs: {read_time:.2f} s; extract ({records} records): "
          f"{extract_time:.2f} s = {extract_time / read_time:.0%} of read; pipeline load {load:.2f} s")
    assert extract_time <= 0.5 * read_time
