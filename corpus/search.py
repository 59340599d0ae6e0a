"""Searching the store: two indexes, one query language (``corpus.query``), filters, totals.

- **Words** (``*_fts``, porter + unicode61 over jieba-segmented text): English is stemmed and
  ranked by FTS5's bm25, with FTS5's snippets. Used when the query has no Chinese. A word
  or phrase in thousands of units is ranked from ``corpus.ranking``'s lists: the same
  hits in the same order, without scoring every match.
- **Substrings** (``*_trigram``, FTS5's trigram tokenizer over the text as printed): a Chinese
  query finds every unit that contains it as a string, whether or not jieba made it a word
  (高级专员 inside 联合国人权事务高级专员办事处). Terms of three characters or more are one
  trigram phrase each, and FTS5 evaluates the whole query. Shorter terms are the trigrams
  that start with them (from the index's vocabulary) plus the units that end with them (two
  expression indexes), so nothing is missed; such a query is evaluated as sets of units
  (AND/OR/NOT = intersection, union, difference). Hits are ranked by bm25 over the trigram
  index (over the word index for terms of one or two characters) and the snippet marks
  every occurrence of the strings themselves.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from corpus.query import Not, Or, QueryError, Term, has_han, parse, terms
from corpus.ranking import top

KINDS = ("paragraph", "footnote", "table", "figure", "recommendation")
WORD_SEP = "\u200b"
_TOP = "\U0010ffff"  # above every character: the end of a prefix range


@dataclass
class Filters:
    """What a hit's document and unit must be; None = anything."""

    lang: str | None = None
    symbol: str | None = None  # a prefix: "A/HRC/" (also matched against joint symbols)
    organ: str | None = None  # a case-insensitive substring of the organ
    year_from: int | None = None
    year_to: int | None = None
    kinds: tuple[str, ...] = ("paragraph", "footnote", "table", "figure")


@dataclass
class Hit:
    """One unit that matches. ``rank`` is bm25: lower (more negative) is better."""

    name: str  # the document's symbol, else its file stem (Document.name)
    symbol: str | None
    number: str | None  # paragraph number; None for unnumbered text and other kinds
    footnote: str | None  # the footnote's marker when the hit is a footnote
    page: int | None
    snippet: str
    rank: float
    lang: str | None
    sha256: str
    kind: str = "paragraph"
    label: str | None = None  # a table's or figure's label ("Table 3")
    date: str | None = None
    id: int | None = None  # the unit's row in its table (paragraphs, footnotes or units)

    def to_dict(self) -> dict:
        """Every field of the hit, for JSON and CSV output."""
        return asdict(self)


class Hits(list):
    """The hits of one page, best first, and how many there are in all."""

    def __init__(self, hits=(), total: int = 0):
        super().__init__(hits)
        self.total = total


# kind -> (unit table, word index, trigram index, extra condition on the unit ``u``)
_TABLES = {
    "paragraph": ("paragraphs", "paragraphs_fts", "paragraphs_trigram", ""),
    "footnote": ("footnotes", "footnotes_fts", "footnotes_trigram", ""),
    "table": ("units", "units_fts", "units_trigram", "AND u.kind = 'table'"),
    "figure": ("units", "units_fts", "units_trigram", "AND u.kind = 'figure'"),
    "recommendation": ("paragraphs", "paragraphs_fts", "paragraphs_trigram",
                       "AND EXISTS (SELECT 1 FROM records r WHERE r.kind = 'recommendation' "
                       "AND r.doc = d.name AND r.lang = d.lang AND r.para = u.number)"),
}
_UNIT_KINDS = ("table", "figure")  # the kinds of ``units`` (and of units_fts, units_trigram)
# kind -> SQL for (number, footnote, label) of the unit ``u``
_NAMING = {"paragraph": "u.number, NULL, NULL", "recommendation": "u.number, NULL, NULL",
           "footnote": "NULL, u.marker, NULL", "table": "NULL, NULL, u.number",
           "figure": "NULL, NULL, u.number"}


def _filter_sql(f: Filters) -> tuple[str, dict]:
    sql = (" AND (:lang IS NULL OR d.lang = :lang)"
           " AND (:symbol IS NULL OR d.symbol LIKE :symbol ESCAPE '\\' OR EXISTS "
           "(SELECT 1 FROM json_each(d.symbols) WHERE value LIKE :symbol ESCAPE '\\'))"
           " AND (:organ IS NULL OR d.organ LIKE :organ ESCAPE '\\')"
           " AND (:year_from IS NULL OR CAST(substr(d.date, 1, 4) AS INTEGER) >= :year_from)"
           " AND (:year_to IS NULL OR CAST(substr(d.date, 1, 4) AS INTEGER) <= :year_to)")

    def like(s):
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

    return sql, {"lang": f.lang, "symbol": like(f.symbol) + "%" if f.symbol else None,
                 "organ": f"%{like(f.organ)}%" if f.organ else None,
                 "year_from": f.year_from, "year_to": f.year_to}


def _check_kinds(conn: sqlite3.Connection, kinds) -> None:
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise QueryError(f"unknown kind {unknown[0]!r} (one of {', '.join(KINDS)})")
    if "recommendation" in kinds and not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone():
        raise QueryError("this store holds no recommendation records: run "
                         "'rapporteur extract --db STORE --kinds recommendation' first")


def search(conn: sqlite3.Connection, query: str, filters: Filters = Filters(), limit: int = 20,
           offset: int = 0, marks: tuple[str, str] = ("[", "]")) -> Hits:
    """The hits of ``query`` (best first, ``limit`` from ``offset``) and their total."""
    tree = parse(query)
    _check_kinds(conn, filters.kinds)
    if not has_han(tree):
        phrase = tree.text if isinstance(tree, Term) and not tree.prefix else None
        return _ranked(conn, filters, _fts(conn, tree), 1, limit, offset, marks, None, phrase)
    if all(len(t.text) >= 3 for t in terms(tree, excluded=True)):
        # every term is a trigram phrase: FTS5 does the AND/OR/NOT itself
        match = _expression(tree, lambda t: _phrase(t.text))
        return _ranked(conn, filters, match, 2, limit, offset, marks, [t.text for t in terms(tree)])
    return _by_substring(conn, tree, filters, limit, offset, marks)


# -- words -----------------------------------------------------------------------------

def _fts(conn, node) -> str:
    """``node`` as an FTS5 expression over the word index (Chinese cut as at indexing)."""
    return _expression(node, lambda term: _words(conn, term))


def _words(conn, term: Term) -> str:
    from corpus.store import search_text

    text = search_text(term.text) if has_han(term) else term.text  # jieba: only for Chinese
    words = text.replace(WORD_SEP, " ").split()
    if not words:
        raise QueryError(f"nothing to search for in {term.text!r}")
    phrase = _phrase(" ".join(words))
    if not term.prefix:
        return phrase
    stem = _stem_of_prefix(conn, words[-1].lower()) if len(words) == 1 else None
    return f"({phrase} * OR {_phrase(stem)})" if stem else f"{phrase} *"


def _expression(node, leaf) -> str:
    """``node`` as an FTS5 expression whose terms are written by ``leaf``."""
    if isinstance(node, Term):
        return leaf(node)
    if isinstance(node, Or):
        return "(" + " OR ".join(_expression(i, leaf) for i in node.items) + ")"
    keep = [_expression(i, leaf) for i in node.items if not isinstance(i, Not)]
    drop = [_expression(i.item, leaf) for i in node.items if isinstance(i, Not)]
    return "(" + " AND ".join(keep) + ")" + "".join(f" NOT {d}" for d in drop)


def _stem_of_prefix(conn, prefix: str) -> str | None:
    """The index holds porter stems, which may be shorter than a prefix typed
    (``coordinat*``; coordination and coordinating are indexed as ``coordin``): the
    longest indexed stem that the prefix extends by one to three letters, if any."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.paragraphs_fts_vocab "
                 "USING fts5vocab(main, paragraphs_fts, row)")
    cut = [prefix[:k] for k in range(len(prefix) - 1, len(prefix) - 4, -1) if k >= 5]
    found = {t for (t,) in conn.execute(
        f"SELECT term FROM temp.paragraphs_fts_vocab WHERE term IN ({', '.join('?' * len(cut))})",
        cut)} if cut else set()
    return next((c for c in cut if c in found), None)


def _ranked(conn, filters, match: str, index: int, limit, offset, marks, wanted,
            phrase: str | None = None) -> Hits:
    """Hits of one FTS5 ``match`` over the word (``index`` 1) or trigram (2) indexes:
    each table's best ``offset + limit`` ids and its count, merged; snippets for the page
    only (FTS5 would otherwise build a snippet for every match before sorting: a common
    word took 60 ms instead of 10). A one-phrase English query (``phrase``, its words) over
    a whole table is ranked from ``corpus.ranking``'s lists when it has many matches (the
    same hits in the same order, without scoring every match). The trigram index's
    snippets mark the ``wanted`` strings themselves, not trigrams."""
    where, args = _filter_sql(filters)
    unfiltered = not any((filters.lang, filters.symbol, filters.organ, filters.year_from,
                          filters.year_to))
    args.update(match=match, open=marks[0], close=marks[1], n=offset + limit)
    total, page = 0, []
    units = ({kind for kind in filters.kinds if kind in _UNIT_KINDS}
             if unfiltered else set())
    scored = _units_by_kind(conn, _TABLES["table"][index], units, args) if units else {}
    for k, kind in enumerate(filters.kinds):
        table, fts, extra = _TABLES[kind][0], _TABLES[kind][index], _TABLES[kind][3]
        whole = unfiltered and not extra  # the index alone: no row of the store to read
        if kind in scored:
            total += len(scored[kind])
            page += [(rank, k, uid) for rank, uid in scored[kind][:offset + limit]]
            continue
        listed = (top(conn, fts, match, phrase, offset + limit)
                  if whole and phrase is not None else None)
        if listed is None or listed[1] is None:  # score every match (total maybe known)
            source = (f"{fts} WHERE {fts} MATCH :match" if whole else
                      f"{fts} JOIN {table} u ON u.id = {fts}.rowid JOIN documents d "
                      f"ON d.id = u.doc_id WHERE {fts} MATCH :match {extra}{where}")
            count = listed[0] if listed else conn.execute(f"SELECT count(*) FROM {source}",
                                                          args).fetchone()[0]
            listed = count, conn.execute(
                f"SELECT bm25({fts}) AS r, {fts}.rowid AS i FROM {source} ORDER BY r, i "
                f"LIMIT :n", args).fetchall() if count else []
        total += listed[0]
        page += [(rank, k, uid) for rank, uid in listed[1]]
    page = sorted(page)[offset:offset + limit]
    found = {}  # (k, id) -> the hit's columns: one query per kind (a MATCH costs a doclist)
    for k in {k for _, k, _ in page}:
        kind = filters.kinds[k]
        table, fts = _TABLES[kind][0], _TABLES[kind][index]
        text = "u.text" if wanted else f"snippet({fts}, 0, :open, :close, '…', 32)"
        for uid, *row in conn.execute(
                f"SELECT u.id, d.name, d.symbol, {_NAMING[kind]}, u.page, {text}, d.lang, "
                f"d.sha256, d.date FROM {fts} JOIN {table} u ON u.id = {fts}.rowid "
                f"JOIN documents d ON d.id = u.doc_id WHERE {fts} MATCH :match "
                f"AND {fts}.rowid IN (SELECT value FROM json_each(:ids))",
                {**args, "ids": json.dumps([i for _, kk, i in page if kk == k])}):
            found[k, uid] = row
    hits = Hits(total=total)
    for rank, k, uid in page:
        name, symbol, number, note, label, at, text, lang, sha, date = found[k, uid]
        text = snippet(text, wanted, marks) if wanted else text.replace(WORD_SEP, "")
        hits.append(Hit(name, symbol, number, note, at, text, rank, lang, sha,
                        filters.kinds[k], label, date, uid))
    return hits


def _units_by_kind(conn, fts: str, kinds: set[str], args) -> dict[str, list]:
    """Every match among tables and figures, best first, by kind: one pass over their
    index for both kinds, the kind of each read from an index of ``units`` (reading the
    rows themselves, long tables, made a cold search of a common word 40 ms slower)."""
    found = {kind: [] for kind in kinds}
    for rank, uid, kind in conn.execute(
            f"SELECT bm25({fts}) AS r, rowid AS i, CASE WHEN +rowid IN (SELECT id FROM units "
            f"WHERE kind = 'table') THEN 'table' WHEN +rowid IN (SELECT id FROM units WHERE "
            f"kind = 'figure') THEN 'figure' END FROM {fts} WHERE {fts} MATCH :match "
            f"ORDER BY r, i", args):
        if kind in found:
            found[kind].append((rank, uid))
    return found


# -- substrings ------------------------------------------------------------------------

def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _units_with(conn, table: str, tri: str, text: str) -> set[int]:
    """Ids of the units of ``table`` whose text contains ``text`` (case-insensitive)."""
    if len(text) >= 3:
        return {r for (r,) in conn.execute(
            f"SELECT rowid FROM {tri} WHERE {tri} MATCH ?", (_phrase(text),))}
    low = text.lower()
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{tri}_vocab "
                 f"USING fts5vocab(main, {tri}, row)")
    grams = [g for (g,) in conn.execute(
        f"SELECT term FROM temp.{tri}_vocab WHERE term >= ? AND term < ?", (low, low + _TOP))]
    found = {r for (r,) in conn.execute(
        f"SELECT rowid FROM {tri} WHERE {tri} MATCH ?", (" OR ".join(map(_phrase, grams)),))
    } if grams else set()
    # too near the end to start a trigram: the last one or two characters
    tail = (f"SELECT id FROM {table} WHERE lower(substr(text, -2)) = ?1" if len(low) == 2 else
            f"SELECT id FROM {table} WHERE lower(substr(text, -1)) = ?1 OR "
            f"(lower(substr(text, -2)) >= ?1 AND lower(substr(text, -2)) < ?1 || '{_TOP}')")
    found.update(r for (r,) in conn.execute(tail, (low,)))
    return found


def _matching(conn, table: str, tri: str, node) -> set[int]:
    if isinstance(node, Term):
        return _units_with(conn, table, tri, node.text)
    if isinstance(node, Or):
        return set().union(*(_matching(conn, table, tri, i) for i in node.items))
    keep = [_matching(conn, table, tri, i) for i in node.items if not isinstance(i, Not)]
    out = set.intersection(*keep)
    for item in node.items:
        if isinstance(item, Not) and out:
            out -= _matching(conn, table, tri, item.item)
    return out


def _by_substring(conn, tree, filters, limit, offset, marks) -> Hits:
    where, args = _filter_sql(filters)
    wanted = [t.text for t in terms(tree)]
    ranking = " OR ".join(_phrase(t) for t in wanted if len(t) >= 3)
    # terms too short for a trigram (妇女, 性别) are ranked by the word index's bm25 where
    # jieba made them words (one token each: no segmenter to load); the units holding them
    # inside longer words follow
    words = None if ranking else " OR ".join(map(_phrase, wanted))
    found = []  # (rank, k, id, kind, row without text)
    for k, kind in enumerate(filters.kinds):
        table, fts, tri, extra = _TABLES[kind]
        ids = _matching(conn, table, tri, tree)
        if not ids:
            continue
        index, match = (tri, ranking) if ranking else (fts, words)
        ranks = dict(conn.execute(f"SELECT rowid, bm25({index}) FROM {index} WHERE {index} "
                                  "MATCH ?", (match,))) if match else {}
        rows = conn.execute(
            f"SELECT u.id, d.name, d.symbol, {_NAMING[kind]}, u.page, d.lang, d.sha256, d.date "
            f"FROM {table} u JOIN documents d ON d.id = u.doc_id "
            f"WHERE u.id IN (SELECT value FROM json_each(:ids)) {extra}{where}",
            {**args, "ids": json.dumps(sorted(ids))})
        found += [(ranks.get(r[0], 0.0), k, r[0], kind, r[1:]) for r in rows]
    found.sort(key=lambda f: f[:3])
    hits = Hits(total=len(found))
    for rank, _, uid, kind, (name, symbol, number, note, label, page, lang, sha, date) in \
            found[offset:offset + limit]:
        table = _TABLES[kind][0]
        text = conn.execute(f"SELECT text FROM {table} WHERE id = ?", (uid,)).fetchone()[0]
        hits.append(Hit(name, symbol, number, note, page, snippet(text, wanted, marks), rank,
                        lang, sha, kind, label, date, uid))
    return hits


def snippet(text: str, wanted: list[str], marks=("[", "]"), width: int = 100) -> str:
    """About ``width`` characters of ``text`` around the first occurrence of a wanted
    string, every occurrence in it wrapped in ``marks``, cuts shown as …"""
    low = text.lower()
    spans = sorted((i, i + len(w)) for w in {w.lower() for w in wanted}
                   for i in _occurrences(low, w))
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    if end - start < width:
        start = max(0, end - width)
    out, pos = [], start
    for a, b in spans:
        if a >= pos and b <= end:
            out += [text[pos:a], marks[0], text[a:b], marks[1]]
            pos = b
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


def _occurrences(text: str, sub: str):
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)
