"""Search benchmark: recall of Chinese strings (word index alone vs the substring index,
against a plain scan of the store), index sizes, what the substring index costs at ingest,
and query latency.

    python benchmarks/search_bench.py PATH... [--db FILE]

PATHs are ingested into a fresh store (``--db``, default a temporary file); an existing
store is measured as it is when no PATH is given. ``--replicate N`` first stores every
document N-1 more times (the same text under another sha256: what a store of N times as
many reports costs to search).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.search import Filters  # noqa: E402
from corpus.store import UNIT_TABLES, Store, search_text  # noqa: E402

ZH = ["高级专员", "性别", "艾滋病", "可持续发展", "妇女和女童", "暴力侵害妇女", "妇女署", "行动"]
EN = ["women", "coordination", '"resident coordinator"', "gender parity", "sustainab*",
      "peacekeeping OR humanitarian"]


def sizes(store: Store) -> dict[str, int]:
    """Bytes per part of the store (SQLite's dbstat)."""
    rows = store.conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    parts = {"word index": 0, "substring index": 0, "substring end indexes": 0, "rest": 0}
    for name, size in rows:
        part = ("substring index" if "_trigram" in name else "word index" if "_fts" in name
                else "substring end indexes" if name.endswith(("_end1", "_end2")) else "rest")
        parts[part] += size
    return parts


def recall(store: Store) -> list[tuple[str, int, int, int]]:
    """(query, units containing it, found by the word index alone, found by search)."""
    out = []
    for q in ZH:
        scan = sum(store.conn.execute(f"SELECT count(*) FROM {t} WHERE instr(text, ?) > 0",
                                      (q,)).fetchone()[0] for t in ("paragraphs", "footnotes"))
        words = '"' + search_text(q).replace("\u200b", " ").strip() + '"'
        by_words = sum(store.conn.execute(f"SELECT count(*) FROM {t} WHERE {t} MATCH ?",
                                          (words,)).fetchone()[0]
                       for t in ("paragraphs_fts", "footnotes_fts"))
        hits = store.search(q, filters=Filters(kinds=("paragraph", "footnote"))).total
        out.append((q, scan, by_words, hits))
    return out


def latency(store: Store, queries: list[str], rounds: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            store.search(q)
            times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000


def replicate(store: Store, times: int) -> None:
    """Every stored document ``times - 1`` more times, rows copied in SQL (indexes too)."""
    c = store.conn
    docs = [r[0] for r in c.execute("SELECT id FROM documents ORDER BY id")]
    cols = [r[1] for r in c.execute("PRAGMA table_info(documents)") if r[1] not in ("id",)]
    for n in range(1, times):
        with c:
            for doc in docs:
                new = c.execute(
                    f"INSERT INTO documents ({', '.join(cols)}) SELECT "
                    + ", ".join("sha256 || '-' || ?" if k == "sha256" else k for k in cols)
                    + " FROM documents WHERE id = ?", (n, doc)).lastrowid
                for table, fts, extra in (
                        ("paragraphs", "paragraphs_fts",
                         "seq, number, section, page, text, subparagraphs, footnote_refs"),
                        ("footnotes", "footnotes_fts", "seq, marker, text, page"),
                        ("units", "units_fts", "kind, seq, number, page, text")):
                    for (old,) in c.execute(f"SELECT id FROM {table} WHERE doc_id = ?",
                                            (doc,)).fetchall():
                        rowid = c.execute(f"INSERT INTO {table} (doc_id, {extra}) SELECT ?, "
                                          f"{extra} FROM {table} WHERE id = ?",
                                          (new, old)).lastrowid
                        c.execute(f"INSERT INTO {fts} (rowid, body) SELECT ?, body FROM {fts} "
                                  f"WHERE rowid = ?", (rowid, old))
                    # the substring index, as Store.add fills it: one statement per document
                    c.execute(f"INSERT INTO {table}_trigram (rowid, text) SELECT id, text "
                              f"FROM {table} WHERE doc_id = ?", (new,))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--db")
    ap.add_argument("--replicate", type=int, default=1, metavar="N")
    args = ap.parse_args()
    db = args.db or os.path.join(tempfile.mkdtemp(), "bench.db")
    store = Store(db)
    if args.paths:
        start = time.perf_counter()
        report = store.ingest(args.paths)
        took = time.perf_counter() - start
        print(f"ingest: {len(report.added)} documents in {took:.1f} s")
    if args.replicate > 1:
        start = time.perf_counter()
        replicate(store, args.replicate)
        print(f"replicated {args.replicate}× in {time.perf_counter() - start:.0f} s")
    pages, docs = store.conn.execute("SELECT sum(pages), count(*) FROM documents").fetchone()
    units = sum(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in UNIT_TABLES)
    print(f"store: {docs} documents, {pages or 0} pages, {units} units, "
          f"{os.path.getsize(db) / 1e6:.1f} MB")
    for part, size in sizes(store).items():
        print(f"  {part:22} {size / 1e6:7.2f} MB")
    start = time.perf_counter()
    with store.conn:
        for t in UNIT_TABLES:
            store.conn.execute(f"INSERT INTO {t}_trigram ({t}_trigram) VALUES ('rebuild')")
    print(f"substring index rebuilt from scratch in {time.perf_counter() - start:.2f} s")
    print("query | units containing it | word index alone | search")
    for row in recall(store):
        print(" | ".join(map(str, row)))
    for name, queries in (("Chinese", ZH), ("English", EN)):
        p50, p95 = latency(store, queries)
        print(f"latency {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(queries)} queries × 5)")


if __name__ == "__main__":
    main()
