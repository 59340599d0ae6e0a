"""The embedded SQLite store: documents, sections, paragraphs and footnotes, with FTS5
full-text search over paragraphs and footnotes.

Every document is written whole inside one transaction (``add``; ``add_many`` for several),
so an interrupted ingest never leaves half a document behind, and a document whose sha256
is already stored is not written again. The
whole ``Document`` is kept as JSON next to the columns, so ``documents()``/``get()`` give back
exactly what the reader produced; the columns are there for SQL and search.

Search (``corpus.search``) has two indexes over paragraphs, footnotes and ``units`` (tables
and figures as text). The word index (``*_fts``): English with FTS5's ``porter unicode61``
tokenizer (``coordinating`` finds ``coordination``); FTS5 cannot split Chinese into words, so
runs of Han characters are pre-segmented with jieba (``corpus.nlp.segment``). Words are
joined with a zero-width space rather than an ordinary one: unicode61 treats both as
separators, but the zero-width one can be removed from snippets without touching the real
spaces of the text. The substring index (``*_trigram``): FTS5's trigram tokenizer over the
text itself (external content, kept in step by triggers), so that a Chinese query finds
every unit containing it, word or not; it is also what ``sqlite-utils search`` and
Datasette's ``?_search=`` find (they look for ``content="paragraphs"``).
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from corpus.blocks import HAN
from corpus.model import Document, Paragraph
from corpus.search import WORD_SEP, Filters, Hit, Hits, search

# 2: footnotes are searchable too; 3: tables and reading warnings; 4: the substring index,
# tables and figures searchable as units; 5: the substring index filled by Store.add (a
# Rapporteur of version 4 would add rows without indexing them)
SCHEMA_VERSION = 5
_HAN_RUN = re.compile(f"[{HAN}]+")
__all__ = ["Store", "StoreError", "Hit", "Hits", "Filters", "search_text", "search_bodies"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    name TEXT NOT NULL,       -- Document.name: the symbol, else the file stem
    symbol TEXT,
    symbols TEXT,             -- JSON list, for joint reports
    lang TEXT,
    original_language TEXT,
    date TEXT,
    organ TEXT,
    session TEXT,
    agenda_item TEXT,
    title TEXT,
    report_of TEXT,
    job_number TEXT,
    warnings TEXT,            -- JSON list: the reading report (corpus.quality)
    json TEXT NOT NULL,       -- the whole Document, lossless
    added TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS documents_symbol ON documents(symbol);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,     -- index in Document.sections (= paragraphs.section)
    number TEXT,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    page INTEGER,
    UNIQUE (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,   -- = paragraphs_fts.rowid
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,     -- reading order
    number TEXT,
    section INTEGER,
    page INTEGER,
    text TEXT NOT NULL,
    subparagraphs TEXT NOT NULL,  -- JSON list of {label, text, offset}
    footnote_refs TEXT NOT NULL,  -- JSON list of markers
    UNIQUE (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS paragraphs_number ON paragraphs(doc_id, number);
CREATE TABLE IF NOT EXISTS footnotes (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    marker TEXT NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    UNIQUE (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,     -- index in Document.tables
    number TEXT,              -- "Table 3"
    caption TEXT,
    page INTEGER,
    header_rows INTEGER NOT NULL,
    rows TEXT NOT NULL,       -- JSON list of rows, each a list of cells as printed
    notes TEXT NOT NULL,      -- JSON list
    UNIQUE (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS units (  -- tables and figures as searchable text
    id INTEGER PRIMARY KEY,   -- = units_fts.rowid
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,       -- table | figure
    seq INTEGER NOT NULL,     -- index in Document.tables / Document.figures
    number TEXT,              -- "Table 3", "Figure II"
    page INTEGER,
    text TEXT NOT NULL,       -- label and caption, then rows (cells tab-separated) or labels
    UNIQUE (doc_id, kind, seq)
);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(
    body, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS footnotes_fts USING fts5(  -- rowid = footnotes.id
    body, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(  -- rowid = units.id
    body, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""

# The substring index of each unit table, and the indexes on the last two characters that
# find what is too near the end to start a trigram (see corpus.search).
TRIGRAM = """
CREATE VIRTUAL TABLE IF NOT EXISTS {t}_trigram USING fts5(
    text, content="{t}", content_rowid="id", tokenize = 'trigram'
);
DROP TRIGGER IF EXISTS {t}_trigram_ai;  -- before version 5: Store.add indexes a document's rows
CREATE TRIGGER IF NOT EXISTS {t}_trigram_ad AFTER DELETE ON {t} BEGIN
    INSERT INTO {t}_trigram ({t}_trigram, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE INDEX IF NOT EXISTS {t}_end2 ON {t}(lower(substr(text, -2)));
CREATE INDEX IF NOT EXISTS {t}_end1 ON {t}(lower(substr(text, -1)));
"""
UNIT_TABLES = ("paragraphs", "footnotes", "units")

_META_COLUMNS = ("symbol", "lang", "original_language", "date", "organ", "session",
                 "agenda_item", "title", "report_of", "job_number")


def search_text(text: str) -> str:
    """What FTS5 indexes for ``text``: Han runs split into jieba words (zero-width
    separated, also from neighbouring digits and letters: ``2011年`` → ``2011``, ``年``);
    everything else unchanged for unicode61/porter."""
    from corpus.nlp import segment

    return _HAN_RUN.sub(
        lambda m: WORD_SEP + WORD_SEP.join(segment(m.group())) + WORD_SEP, text)


_INDEX_FOOTNOTE = "INSERT INTO footnotes_fts (rowid, body) VALUES (?, ?)"


def units(doc: Document) -> list[tuple[str, int, str | None, int | None, str]]:
    """A document's tables and figures as searchable units: (kind, seq, label, page, text)."""
    out = []
    for i, t in enumerate(doc.tables):
        lines = [" ".join(x for x in (t.number, t.caption) if x),
                 *("\t".join(row) for row in t.rows), *t.notes]
        out.append(("table", i, t.number, t.page, "\n".join(x for x in lines if x)))
    for i, f in enumerate(doc.figures):
        lines = [" ".join(x for x in (f.number, f.caption) if x), *f.labels, *f.notes]
        out.append(("figure", i, f.number, f.page, "\n".join(x for x in lines if x)))
    return out


def search_bodies(doc: Document) -> list[str]:
    """The search texts of a document's paragraphs, then of its footnotes."""
    return [search_text(unit.text) for unit in (*doc.paragraphs, *doc.footnotes)]


class StoreError(Exception):
    """The store file cannot be opened (not SQLite, unwritable folder, newer schema)."""

    def __init__(self, path: Path, cause: str):
        super().__init__(f"{path}: {cause}")


class Store:
    """An SQLite file of ingested documents. Opening is cheap and creates the schema if
    needed; other packages may add their own tables through ``conn``."""

    def __init__(self, path: str | Path = "rapporteur.db"):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # searching a large store reads rows all over the file: keep them in memory
            self.conn.execute("PRAGMA cache_size = -65536")  # KiB
            self.conn.execute("PRAGMA mmap_size = 1073741824")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(self.path, f"store schema version {version} is newer than "
                                            f"this Rapporteur's ({SCHEMA_VERSION})")
            if version == SCHEMA_VERSION:
                return  # up to date: opening writes nothing (a search runs beside an ingest)
            with self.conn:
                self.conn.executescript(SCHEMA)
                columns = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
                if "warnings" not in columns:  # a store from before the reading report
                    self.conn.execute("ALTER TABLE documents ADD COLUMN warnings TEXT")
                for table in UNIT_TABLES:
                    self.conn.executescript(TRIGRAM.format(t=table))
                if version == 1:  # a store from before footnotes were indexed
                    notes = self.conn.execute("SELECT id, text FROM footnotes").fetchall()
                    self.conn.executemany(_INDEX_FOOTNOTE,
                                          [(i, search_text(text)) for i, text in notes])
                if 0 < version < 4:  # a store from before the substring index and units
                    self._add_units_of_stored_documents()
                    for table in UNIT_TABLES:
                        self.conn.execute(f"INSERT INTO {table}_trigram ({table}_trigram) "
                                          f"VALUES ('rebuild')")
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot open as an SQLite store: {exc}") from None

    def _add_units_of_stored_documents(self) -> None:
        for doc_id, text in self.conn.execute("SELECT id, json FROM documents").fetchall():
            self._insert_units(doc_id, Document.from_json(text))

    def _insert_units(self, doc_id: int, doc: Document) -> None:
        for kind, seq, label, page, text in units(doc):
            unit_id = self.conn.execute(
                "INSERT INTO units (doc_id, kind, seq, number, page, text) "
                "VALUES (?, ?, ?, ?, ?, ?)", (doc_id, kind, seq, label, page, text)).lastrowid
            self.conn.execute("INSERT INTO units_fts (rowid, body) VALUES (?, ?)",
                              (unit_id, search_text(text)))

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, sha256: str) -> bool:
        """Whether a document with this content (``sha256``) is stored already."""
        return self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?",
                                 (sha256,)).fetchone() is not None

    def add(self, doc: Document, bodies: list[str] | None = None,
            doc_json: str | None = None) -> bool:
        """Store ``doc`` in one transaction; False (and nothing written) when a document
        with the same sha256 is already stored. ``bodies`` (``search_bodies``) and
        ``doc_json`` (``doc.to_json()``) when already computed, e.g. by an ingest worker."""
        return self.add_many([(doc, bodies, doc_json)])[0]

    def add_many(self, items: Iterable[tuple[Document, list[str] | None, str | None]]
                 ) -> list[bool]:
        """Store several documents (``add``'s arguments each) in ONE transaction: all or
        none. FTS5 writes and merges its index segments once a transaction, so a batch
        costs less than its documents one by one (``ingest`` writes 16 at a time)."""
        with self.conn:  # one transaction: commit at the end, roll back on any error
            return [self._write(doc, bodies, doc_json) for doc, bodies, doc_json in items]

    def _write(self, doc: Document, bodies: list[str] | None, doc_json: str | None) -> bool:
        if bodies is None:
            bodies = search_bodies(doc)
        if len(bodies) != len(doc.paragraphs) + len(doc.footnotes):
            raise ValueError("one search text per paragraph and footnote expected")
        para_bodies, note_bodies = bodies[:len(doc.paragraphs)], bodies[len(doc.paragraphs):]
        meta = doc.metadata
        cursor = self.conn.execute(
            f"INSERT OR IGNORE INTO documents (sha256, source, format, pages, name, symbols, "
            f"json, warnings, {', '.join(_META_COLUMNS)}) "
            f"VALUES ({', '.join('?' * (8 + len(_META_COLUMNS)))})",
            (doc.sha256, doc.source, doc.format, doc.pages, doc.name,
             json.dumps(meta.symbols, ensure_ascii=False), doc_json or doc.to_json(),
             json.dumps(doc.warnings, ensure_ascii=False),
             *(getattr(meta, c) for c in _META_COLUMNS)))
        if cursor.rowcount == 0:  # same sha256 already stored
            return False
        doc_id = cursor.lastrowid
        self.conn.executemany(
            "INSERT INTO sections (doc_id, seq, number, title, level, page) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, i, s.number, s.title, s.level, s.page)
             for i, s in enumerate(doc.sections)])
        self.conn.executemany(
            "INSERT INTO tables (doc_id, seq, number, caption, page, header_rows, rows, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, t.number, t.caption, t.page, t.header_rows,
              json.dumps(t.rows, ensure_ascii=False), json.dumps(t.notes, ensure_ascii=False))
             for i, t in enumerate(doc.tables)])
        self._insert_units(doc_id, doc)
        for i, (note, body) in enumerate(zip(doc.footnotes, note_bodies)):
            note_id = self.conn.execute(
                "INSERT INTO footnotes (doc_id, seq, marker, text, page) "
                "VALUES (?, ?, ?, ?, ?)", (doc_id, i, note.marker, note.text, note.page),
            ).lastrowid
            self.conn.execute(_INDEX_FOOTNOTE, (note_id, body))
        for i, (para, body) in enumerate(zip(doc.paragraphs, para_bodies)):
            self._insert_paragraph(doc_id, i, para, body)
        for table in UNIT_TABLES:  # one statement, not a trigger per row: FTS5 flushes
            self.conn.execute(  # its buffer at every trigger's savepoint (3x the CPU)
                f"INSERT INTO {table}_trigram (rowid, text) SELECT id, text FROM {table} "
                "WHERE doc_id = ?", (doc_id,))
        return True

    def _insert_paragraph(self, doc_id: int, seq: int, para: Paragraph, body: str) -> None:
        para_id = self.conn.execute(
            "INSERT INTO paragraphs (doc_id, seq, number, section, page, text, subparagraphs, "
            "footnote_refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, seq, para.number, para.section, para.page, para.text,
             json.dumps([asdict(s) for s in para.subparagraphs], ensure_ascii=False),
             json.dumps(para.footnote_refs, ensure_ascii=False)),
        ).lastrowid
        self.conn.execute("INSERT INTO paragraphs_fts (rowid, body) VALUES (?, ?)",
                          (para_id, body))

    def ingest(self, paths: Iterable[str | Path], workers: int = 1, progress: bool = False,
               executor: str = "local", scheduler: str | None = None):
        """Read and store files or folders (recursively); ``executor="dask"`` reads on a Dask
        cluster (the one at ``scheduler``, else a local one); see ``corpus.ingest``."""
        from corpus.ingest import ingest

        return ingest(self, paths, workers=workers, progress=progress, executor=executor,
                      scheduler=scheduler)

    def documents(self, lang: str | None = None) -> Iterator[Document]:
        """Every stored document (optionally of one language), in the order stored."""
        sql = "SELECT json FROM documents"
        args: tuple = ()
        if lang:
            sql, args = sql + " WHERE lang = ?", (lang,)
        for (text,) in self.conn.execute(sql + " ORDER BY id", args):
            yield Document.from_json(text)

    def get(self, key: str | Path, lang: str | None = None) -> Document | None:
        """The document whose symbol (or one of its joint symbols), sha256 or source path
        is ``key``; for an existing file, also the document with that file's content.
        Editions share a symbol: ``lang`` picks one, else the first stored wins."""
        key = str(key)
        sha = file_sha256(key)
        row = self.conn.execute(
            "SELECT json FROM documents WHERE (symbol = ?1 OR sha256 = ?1 OR source = ?1 "
            "OR sha256 = ?2 OR EXISTS (SELECT 1 FROM json_each(documents.symbols) "
            "WHERE value = ?1)) AND (?3 IS NULL OR lang = ?3) ORDER BY id LIMIT 1",
            (key, sha, lang),
        ).fetchone()
        return Document.from_json(row[0]) if row else None

    def search(self, query: str, lang: str | None = None, limit: int = 20,
               marks: tuple[str, str] = ("[", "]"), filters: Filters | None = None,
               offset: int = 0) -> Hits:
        """Units matching ``query`` (``corpus.query``: words, "phrases", prefix*, AND, OR,
        NOT, -word, parentheses), best first, with a snippet whose matches are wrapped in
        ``marks``; ``.total`` counts them all. Raises QueryError (a ValueError) for a query
        that cannot be searched."""
        if filters is None:
            filters = Filters(lang=lang)
        return search(self.conn, query, filters, limit=limit, offset=offset, marks=marks)


def file_sha256(path: str) -> str | None:
    """sha256 of the file at ``path``, or None when there is no such file."""
    try:
        with open(path, "rb") as f:
            digest = hashlib.sha256()
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()
