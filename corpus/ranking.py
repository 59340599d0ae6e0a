"""Exact bm25 top pages for frequent words and phrases without scoring every match.

FTS5's bm25 costs about a microsecond per matching row (it reads each row's length), so
ranking "development" in a store of 10,000 reports (112,500 paragraphs) took 200 ms. For one
word or one phrase, a row's bm25 depends only on its count of the phrase (tf) and its length
(dl): whatever the store's document frequencies and average length, a row with at least the
tf and at most the dl of another ranks before it (ties by rowid, as ``corpus.search``
orders them). So the top ``K`` rows are always among the rows that fewer than ``K`` others
beat that way (the "K-skyband" of (tf, dl)): a few hundred to a few thousand rows, kept per
phrase in a table beside the index (``paragraphs_fts_lists``…: a part of the index, which
``rapporteur export`` leaves out) with the number of rows that match. A query scores only
those, with bm25's own arithmetic (checked once a process against this SQLite's: else
FTS5 scores them), and reads nothing of the index when its list is up to date.

A list stays exact as reports are added: a row beaten by ``K`` others stays beaten, so
bringing a list up to date reads only the rows added since (``upto``), when the list is
next used. Deleting rows drops the table's lists (a trigger). Lists are built when a
phrase in ``MIN_ROWS`` rows or more is first searched, and by ``prepare`` (after
``Store.ingest``) for the words and glossary phrases that are, so that their first search
is fast too. FTS5 does not expose tf: it is read back from bm25's value with the index's
row count, average length and the phrase's number of rows, and a list is not kept unless
every tf comes out a whole number.
"""
from __future__ import annotations

import functools
import math
import sqlite3
from array import array
from bisect import bisect_right, insort

K = 100  # the deepest page (offset + limit) a list answers
MIN_ROWS = 5000  # fewer matches in a table than this: bm25 over all of them is fast enough
_K1, _B = 1.2, 0.75  # FTS5's bm25 constants
_TOKENIZER = "porter unicode61 remove_diacritics 2"  # as corpus.store's word indexes

LISTS = """
CREATE TABLE {fts}_lists (
    phrase TEXT PRIMARY KEY,  -- its tokens, space-separated; '' = when prepare last ran
    upto INTEGER NOT NULL,    -- rows up to this rowid are covered ('': the row count)
    hits INTEGER NOT NULL,    -- how many of them match
    depth INTEGER NOT NULL,   -- K when built
    rows BLOB NOT NULL        -- (rowid, tf, dl) triples, int64
) WITHOUT ROWID
"""
_DROP = """
CREATE TRIGGER IF NOT EXISTS {table}_fts_lists_ad AFTER DELETE ON {table} BEGIN
    DELETE FROM {table}_fts_lists;
END
"""


def skyband(rows, k: int) -> list[tuple[int, int, int]]:
    """The (rowid, tf, dl) rows that fewer than ``k`` others beat on every store: higher or
    equal tf and lower or equal dl (equal both: lower rowid). In (-tf, dl, rowid) order
    every row that beats one comes before it, and a row beaten by ``k`` rows is beaten by
    ``k`` kept ones, so counting the kept lengths up to its own is enough."""
    out, lengths = [], []
    for row in sorted(rows, key=lambda r: (-r[1], r[2], r[0])):
        if bisect_right(lengths, row[2]) < k:
            insort(lengths, row[2])
            out.append(row)
    return out


def top(conn: sqlite3.Connection, fts: str, match: str, text: str, n: int):
    """(total, [(rank, rowid)] best first, at most ``n``) of the one-phrase FTS5 ``match``
    (the words ``text``) in ``fts``. None when no list can answer (too deep a page), and
    (total, None) when the phrase has too few matches to need one: the caller scores them
    all. An up-to-date list answers without reading the index: it knows its total too."""
    if n > K:
        return None
    found = _current(conn, fts, " ".join(tokens(text)), match, n)
    if found is None:
        return None
    rows, total, _ = found
    if rows is None:
        return total, None
    if _same_arithmetic():  # FTS5's bm25 of the candidates, computed here: no second pass
        score = _scorer(*_averages(conn, fts), total)
        return total, sorted((score(tf, dl), rowid) for rowid, tf, dl in rows)[:n]
    return total, conn.execute(
        f"SELECT bm25({fts}) AS r, rowid AS i FROM {fts} WHERE {fts} MATCH ? "
        f"AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY r, i LIMIT ?",
        (match, "[" + ",".join(str(r[0]) for r in rows) + "]", n)).fetchall()


def _scorer(rows: int, length: int, hits: int):
    """FTS5's bm25 (fts5_aux.c, one phrase, one column) as a function of (tf, dl), with the
    same operations in the same order, so the same double."""
    idf = math.log((rows - hits + 0.5) / (hits + 0.5))
    idf = idf if idf > 0.0 else 1e-6
    avgdl = length / rows
    return lambda tf, dl: -1.0 * (0.0 + idf * ((tf * (_K1 + 1.0)) /
                                              (tf + _K1 * (1 - _B + _B * dl / avgdl))))


@functools.cache
def _same_arithmetic() -> bool:
    """Whether this SQLite's bm25 and ``_scorer`` agree to the bit (a compiler that fuses
    multiply-adds would not): checked once a process on a small index of known tf and dl."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{_TOKENIZER}')")
        docs = [(i, tf, tf + i % 37) for i, tf in
                ((i, 1 + i * 7 % 11) for i in range(1, 301))]
        conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)",
                         [(i, " ".join(["aid"] * tf + ["other"] * (dl - tf)))
                          for i, tf, dl in docs])
        conn.execute("INSERT INTO t (rowid, x) SELECT value + 1000, 'other' "
                     "FROM json_each('[0,1,2,3,4,5,6,7,8,9]')")
        score = _scorer(*_averages(conn, "t"), len(docs))
        found = dict(conn.execute("SELECT rowid, bm25(t) FROM t WHERE t MATCH 'aid'"))
        return all(found[i] == score(tf, dl) for i, tf, dl in docs)
    finally:
        conn.close()


def prepare(conn: sqlite3.Connection, tables=("paragraphs", "footnotes"),
            min_rows: int = MIN_ROWS, phrases: list[str] | None = None) -> int:
    """After an ingest, when a table has grown by a tenth since last time: lists for the
    words, and the phrases of ``phrases`` (default: the bundled glossary's English terms),
    in at least ``min_rows`` of its rows that have none yet (not for ``units``: a search
    wants its tables or its figures, which a list of both cannot rank). Lists already kept are
    brought up to date by the searches that use them (bm25 reads a phrase's whole doclist
    to count it: doing so for a thousand lists at every ingest would cost more than the
    ingest). Returns how many lists were built."""
    built = 0
    for table in tables:
        fts = f"{table}_fts"
        count = _row_count(conn, fts)
        before = _load(conn, fts, "")
        if count < min_rows or (before and count < before[0] * 1.1):
            continue
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{fts}_vocab "
                     f"USING fts5vocab(main, {fts}, row)")
        common = dict(conn.execute(f"SELECT term, doc FROM temp.{fts}_vocab WHERE doc >= ?",
                                   (min_rows,)).fetchall())
        have = {p for (p,) in conn.execute(f"SELECT phrase FROM {fts}_lists")} \
            if _has_lists(conn, fts) else set()
        todo = {t: (f'"{t}"', n) for t, n in common.items()
                if t.isascii() and t.isalnum() and t not in have}
        for phrase in _glossary_phrases() if phrases is None else phrases:
            key = " ".join(tokens(phrase))
            # a phrase is in no more rows than each of its words
            if " " in key and key not in have and set(key.split()) <= common.keys():
                todo.setdefault(key, (_phrase(phrase), None))
        for key, (match, hits) in sorted(todo.items()):
            if " " not in key and tokens(key) != (key,):
                continue  # a stem that stems to another word cannot be searched as itself
            if hits is None:
                hits = _count(conn, fts, match, 0, _last(conn, fts))
            if hits >= min_rows:
                built += _current(conn, fts, key, match, 0, hits, saving=True) is not None
        _save(conn, fts, "", [], count, 0)
    return built


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@functools.cache
def _glossary_phrases() -> tuple[str, ...]:
    """The English terms of several words in the bundled glossary: the phrases UN readers
    search for ("human rights", "resident coordinator", "Member States")."""
    from glossary.model import Glossary

    return tuple(sorted({t.form for c in Glossary.bundled().concepts for t in c.terms
                         if t.lang == "en" and " " in t.form}))


def _current(conn, fts: str, key: str, match: str, n: int, hits: int | None = None,
             saving: bool = False):
    """(the up-to-date list of ``key``, its total, whether it changed), built if there is
    none or none deep enough for ``n``; no list (None, total, False) if the phrase is in
    fewer than MIN_ROWS rows (unless ``saving``); None if its tf cannot be read back. Rows
    are counted up to the last rowid read first, so that rows added meanwhile are left for
    next time."""
    saved = _load(conn, fts, key)
    last = _last(conn, fts)
    if saved is not None and saved[2] >= n and saved[0] == last:
        return saved[3], saved[1], False
    if saved is None or saved[2] < n:
        if hits is None:
            hits = _count(conn, fts, match, 0, last)
        if hits < MIN_ROWS and not saving:
            return None, hits, False
        rows = _build(conn, fts, match, 0, last, hits)
    else:
        hits = saved[1] + _count(conn, fts, match, saved[0], last)
        added = _build(conn, fts, match, saved[0], last, hits)
        rows = None if added is None else skyband(saved[3] + added, K)
    if rows is None:
        return None
    _save(conn, fts, key, rows, last, hits)
    return rows, hits, True


def _count(conn, fts: str, match: str, after: int, upto: int) -> int:
    return conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ? AND rowid > ? "
                        f"AND rowid <= ?", (match, after, upto)).fetchone()[0]


def _load(conn, fts: str, key: str):
    """(upto, hits, depth, rows) of a kept list, or None."""
    if not _has_lists(conn, fts):
        return None
    found = conn.execute(f"SELECT upto, hits, depth, rows FROM {fts}_lists WHERE phrase = ?",
                         (key,)).fetchone()
    if found is None:
        return None
    flat = array("q")
    flat.frombytes(found[3])
    return (*found[:3], list(zip(flat[0::3], flat[1::3], flat[2::3])))


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """The terms the word index holds for ``text`` (porter stems, case folded): what a
    list is kept under, whichever form of the word was searched. FTS5's own tokenizer,
    on a table of its own in memory."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE w USING fts5(x, tokenize = '{_TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, instance)")
        conn.execute("INSERT INTO w (x) VALUES (?)", (text,))
        return tuple(t for (t,) in conn.execute("SELECT term FROM v ORDER BY offset"))
    finally:
        conn.close()


def _build(conn, fts: str, match: str, after: int, upto: int, hits: int):
    """The skyband of the matching rows after rowid ``after`` up to ``upto``, their tf read
    back from bm25 (``hits``: how many rows match in all); None if a tf does not come out
    whole (as when rows were added since ``hits`` was counted)."""
    rows, length = _averages(conn, fts)
    idf = math.log((rows - hits + 0.5) / (hits + 0.5))
    idf = idf if idf > 0 else 1e-6
    avgdl = length / rows
    out = []
    for rowid, rank, size in conn.execute(
            f"SELECT rowid, bm25({fts}), (SELECT sz FROM {fts}_docsize WHERE id = {fts}.rowid)"
            f" FROM {fts} WHERE {fts} MATCH ? AND rowid > ? AND rowid <= ?",
            (match, after, upto)):
        dl = _varints(size)[0]
        s = -rank / idf
        tf = s * (_K1 * (1 - _B + _B * dl / avgdl)) / (_K1 + 1 - s)
        if abs(tf - round(tf)) > 1e-6 * max(1.0, tf) or round(tf) < 1:
            return None
        out.append((rowid, round(tf), dl))
    return skyband(out, K)


def _save(conn, fts: str, key: str, rows, upto: int, hits: int) -> None:
    """Keep a list, if the store can be written now (a search never waits for an ingest)."""
    flat = array("q", [v for row in rows for v in row])
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        with conn:
            if not _has_lists(conn, fts):
                conn.execute(LISTS.format(fts=fts))
                conn.execute(_DROP.format(table=fts.removesuffix("_fts")))
            conn.execute(f"INSERT OR REPLACE INTO {fts}_lists VALUES (?, ?, ?, ?, ?)",
                         (key, upto, hits, K, flat.tobytes()))
    except sqlite3.OperationalError:  # busy or read-only: built again next time
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def _has_lists(conn, fts: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                        (f"{fts}_lists",)).fetchone() is not None


def _last(conn, fts: str) -> int:
    return conn.execute(f"SELECT max(id) FROM {fts}_docsize").fetchone()[0] or 0


def _averages(conn, fts: str) -> tuple[int, int]:
    """(rows, tokens) of the index: FTS5's averages record, what bm25 reads."""
    block = conn.execute(f"SELECT block FROM {fts}_data WHERE id = 1").fetchone()[0]
    values = _varints(block)
    return values[0], sum(values[1:])


def _row_count(conn, fts: str) -> int:
    found = conn.execute(f"SELECT block FROM {fts}_data WHERE id = 1").fetchone()
    values = _varints(found[0]) if found else []
    return values[0] if values else 0  # an index that never held a row has no averages


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers (7 bits a byte, the ninth byte 8), as FTS5 writes
    them."""
    out, i = [], 0
    while i < len(blob):
        value = 0
        for j in range(9):
            byte = blob[i]
            i += 1
            if j == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out
