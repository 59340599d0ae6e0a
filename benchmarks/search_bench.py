"""Search benchmark: recall of Chinese strings (word index alone vs the substring index,
against a plain scan of the store), index sizes, what the substring index and the ranking
lists cost, query latency and the series query's.

    python benchmarks/search_bench.py PATH... [--db FILE] [--replicate N] [--latency-only]

PATHs are ingested into a fresh store (``--db``, default a temporary file); an existing
store is measured as it is when no PATH is given. ``--replicate N`` first stores every
document N-1 more times (the same text under another sha256, with its indicator records
if it has any: what a store of N times as many reports costs to search), then builds the
ranking lists as ``Store.ingest`` would. ``--extract`` first extracts the indicator records
of the stored documents (what ``rapporteur series`` reads). ``--latency-only``: skip the
index rebuild and the recall scan.

Latency is reported per language and per kind of query (one word or one phrase; operators,
prefixes and several words), p50 and p95: cold = the query's first run on a new
connection (SQLite's cache empty; the operating system's file cache is not emptied), warm
= the best of the next three runs. Every query is also listed with its total.
"""
from __future__ import annotations

import argparse
import math
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
# one word or one phrase (what the 50 ms bar is about), then operators and prefixes
LATENCY = {
    "Chinese": (ZH, ["性别 OR 艾滋病", "妇女 行动", "妇女 -女童", "人权 AND 高级专员"]),
    "English": (["women", "development", "coordination", "gender", "funding", "countries",
                 "peacekeeping", '"human rights"', '"resident coordinator"',
                 '"sustainable development"', '"United Nations"', '"gender equality"',
                 '"violence against women"', '"Member States"', '"peacekeeping operations"'],
                ["gender parity", "sustainab*", "coordinat*", "peacekeeping OR humanitarian",
                 "women NOT girls", '"human rights" AND development']),
}
SERIES = ["women in the United Nations system", "proportion of core funding",
          "妇女在联合国系统的人数"]


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


def latency(db: str, queries: list[str]) -> tuple[list[float], list[float], list[str]]:
    """(cold ms, warm ms, notes) of each query: cold = its first run on a new connection,
    warm = the best of three more; the note gives its total, and says when the cold run
    built or updated the query's ranking list (corpus.ranking: its first search, or the
    first since reports were added)."""
    cold, warm, notes = [], [], []
    for q in queries:
        with Store(db) as store:
            before = lists(store)
            start = time.perf_counter()
            total = store.search(q).total
            cold.append((time.perf_counter() - start) * 1000)
            notes.append(f"{total:8} hits" + ("  (made its list)" if lists(store) != before
                                              else ""))
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                store.search(q)
                runs.append((time.perf_counter() - start) * 1000)
            warm.append(min(runs))
    return cold, warm, notes


def lists(store: Store) -> set:
    return {(t, *row) for (t,) in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE name LIKE '%\\_fts\\_lists' ESCAPE '\\'")
        for row in store.conn.execute(f"SELECT phrase, upto FROM {t}")}


def percentiles(times: list[float]) -> str:
    """p50 and p95 (nearest rank: with 20 queries or fewer, p95 is the slowest)."""
    ranked = sorted(times)
    p95 = ranked[max(0, math.ceil(len(ranked) * 0.95) - 1)]
    return f"p50 {statistics.median(ranked):6.1f} ms, p95 {p95:6.1f} ms"


def series_startup() -> float:
    """ms to load what every series query of a process shares (the glossary, jieba's
    dictionary), so that the queries' cold runs time the query alone."""
    from glossary.series import Matcher

    start = time.perf_counter()
    Matcher("妇女 women")
    return (time.perf_counter() - start) * 1000


def series_latency(db: str) -> list[tuple[str, int, float, float]]:
    """(subject, points, cold ms, warm ms) of ``glossary.series.series`` on the store."""
    from glossary.series import SeriesError, series

    out = []
    for subject in SERIES:
        times, points = [], 0
        with Store(db) as store:
            for _ in range(3):
                start = time.perf_counter()
                try:
                    points = len(series(store.conn, subject)[0])
                except SeriesError:
                    points = 0
                times.append((time.perf_counter() - start) * 1000)
        out.append((subject, points, times[0], min(times[1:])))
    return out


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
    replicate_records(store)


def extract_indicators(store: Store) -> int:
    """The indicator records of every stored document, saved as 'rapporteur extract --db'
    saves them."""
    from types import SimpleNamespace

    from extract import extract
    from extract.records import store_records

    found = 0
    for doc in store.documents():
        records = extract(doc, ["indicator"])
        store_records(store.conn, SimpleNamespace(name=doc.name, lang=doc.metadata.lang,
                                                  sha256=doc.sha256), records)
        found += len(records)
    return found


def replicate_records(store: Store) -> int:
    """The indicator records of each original document (sha256 without '-') copied to its
    copies that have none, keyed to the copy's paragraph of the same seq."""
    c = store.conn
    if not c.execute("SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone():
        return 0
    cols = [r[1] for r in c.execute("PRAGMA table_info(records)")
            if r[1] not in ("id", "doc_id", "paragraph_id")]
    with c:
        return c.execute(
            f"INSERT INTO records ({', '.join(cols)}, doc_id, paragraph_id) "
            f"SELECT {', '.join('r.' + k for k in cols)}, copy.id, "
            "(SELECT q.id FROM paragraphs q WHERE q.doc_id = copy.id AND q.seq = p.seq) "
            "FROM records r JOIN documents d ON d.id = r.doc_id "
            "JOIN documents copy ON copy.sha256 LIKE d.sha256 || '-%' "
            "LEFT JOIN paragraphs p ON p.id = r.paragraph_id "
            "WHERE instr(d.sha256, '-') = 0 AND NOT EXISTS "
            "(SELECT 1 FROM records x WHERE x.doc_id = copy.id)").rowcount


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--db")
    ap.add_argument("--replicate", type=int, default=1, metavar="N")
    ap.add_argument("--extract", action="store_true")
    ap.add_argument("--latency-only", action="store_true")
    args = ap.parse_args()
    db = args.db or os.path.join(tempfile.mkdtemp(), "bench.db")
    store = Store(db)
    if args.paths:
        start = time.perf_counter()
        report = store.ingest(args.paths)
        took = time.perf_counter() - start
        print(f"ingest: {len(report.added)} documents in {took:.1f} s")
    if args.extract:
        start = time.perf_counter()
        print(f"indicator records: {extract_indicators(store)} in "
              f"{time.perf_counter() - start:.0f} s")
    if args.replicate > 1:
        start = time.perf_counter()
        replicate(store, args.replicate)
        print(f"replicated {args.replicate}× in {time.perf_counter() - start:.0f} s")
        from corpus.ranking import prepare

        start = time.perf_counter()
        built = prepare(store.conn)
        print(f"ranking lists: {built} built in {time.perf_counter() - start:.1f} s")
    pages, docs = store.conn.execute("SELECT sum(pages), count(*) FROM documents").fetchone()
    units = sum(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in UNIT_TABLES)
    print(f"store: {docs} documents, {pages or 0} pages, {units} units, "
          f"{os.path.getsize(db) / 1e6:.1f} MB")
    for part, size in sizes(store).items():
        print(f"  {part:22} {size / 1e6:7.2f} MB")
    if not args.latency_only:
        start = time.perf_counter()
        with store.conn:
            for t in UNIT_TABLES:
                store.conn.execute(f"INSERT INTO {t}_trigram ({t}_trigram) VALUES ('rebuild')")
        print(f"substring index rebuilt from scratch in {time.perf_counter() - start:.2f} s")
        print("query | units containing it | word index alone | search")
        for row in recall(store):
            print(" | ".join(map(str, row)))
    store.close()
    with Store(db) as store:  # imports and the file cache, not the queries' connections
        store.search("warm-up")
    for name, (words, operators) in LATENCY.items():
        for kind, queries in (("one word or phrase", words), ("operators, prefixes", operators)):
            cold, warm, notes = latency(db, queries)
            print(f"latency {name}, {kind} ({len(queries)} queries): cold {percentiles(cold)};"
                  f" warm {percentiles(warm)}")
            for q, c, w, note in zip(queries, cold, warm, notes):
                print(f"  {q:32} cold {c:7.1f} ms  warm {w:7.1f} ms {note}")
    print(f"series start-up (glossary, jieba; once per process): {series_startup():.0f} ms")
    for subject, points, cold, warm in series_latency(db):
        print(f"series {subject!r}: {points} points, cold {cold:.0f} ms, warm {warm:.0f} ms")


if __name__ == "__main__":
    main()
