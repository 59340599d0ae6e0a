"""Indicator series: the values of one indicator across reports, in time order, each with its
source (document, paragraph or table cell, page).

Reports never word an indicator the same way twice ("the proportion of women in senior
posts", "women's share of senior positions", 妇女在高级职位中的比例), so a subject is matched,
not looked up: the glossary concepts the subject names must be named by the record (in any
of their forms, in either language), and the subject's other content words must occur in
the record's subject or sentence, compared stemmed ("posts" = "post"). One series has one
unit: the commonest among the matches unless one is asked for. Points come from the
``indicator`` records of ``rapporteur extract --db`` (a "from X in 2019 to Y in 2023"
record gives two points) and from the figures of tables' cells, whose subject is their row
and column headers; a point sits at the last year of its period, else at the year of its
report.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass

from corpus.blocks import HAN
from glossary.series_sql import prefilter

_HAN = re.compile(f"[{HAN}]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[a-z0-9]+")
STOP_EN = set("a an and as at by for from in into of on or per the their to with within "
              "its is are was were be been number share rate level total".split())
STOP_ZH = set("的 和 与 及 在 中 了 为 是 其 等 之 各 个 数 人数 比例 比率 数量 总数".split())


class SeriesError(ValueError):
    """Nothing to make a series of, with what to do about it."""


@dataclass
class Point:
    """One value of an indicator in one report, with where it is printed."""
    year: int  # where the point sits on the time axis (the last year of a period)
    period: str  # as the report gives it: "2024", "2016–2024"
    value: float
    unit: str
    doc: str  # the document's symbol (else its file stem)
    lang: str
    where: str  # "¶6", "¶21 (a)"
    page: int | None
    subject: str | None
    text: str  # the words of the figure as printed

    def to_dict(self) -> dict:
        """The point as JSON-ready data."""
        return asdict(self)


def _stem(word: str) -> str:
    """A light English stem: enough to equate 'posts'/'post', 'countries'/'country'."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def content_words(text: str) -> set[str]:
    """The words that carry meaning, stemmed (English) or cut by jieba (Chinese)."""
    if _HAN.search(text):
        from corpus.nlp import segment

        return {w for w in segment(text) if _HAN.search(w) and w not in STOP_ZH}
    # "'s" becomes a space, never joining two words: series_sql looks for the words in SQL
    return {_stem(w) for w in _WORD.findall(text.lower().replace("’s", " ").replace("'s", " "))
            if w not in STOP_EN}


class Matcher:
    """Whether a record's wording is about ``subject``."""

    def __init__(self, subject: str, glossary=None):
        if glossary is None:
            from glossary.model import Glossary

            glossary = Glossary.bundled()
        rest = subject.casefold()
        self.concepts = []  # the forms of each concept the subject names
        # longest forms first: 联合国系统 is named, not 联合国 inside it
        for form, concept in sorted(((t.form.casefold(), c) for c in glossary.concepts
                                     for t in c.terms if len(t.form) > 1),
                                    key=lambda fc: -len(fc[0])):
            if form in rest and _contains(rest, form):  # the regex only when it may
                self.concepts.append({t.form.casefold() for t in concept.terms
                                      if t.status != "deprecated"} | {form})
                rest = rest.replace(form, " ")
        self.lang = "zh" if _HAN.search(subject) else "en"
        self.words = content_words(rest)
        if not self.concepts and not self.words:
            raise SeriesError(f"no words to match in {subject!r}")

    def __call__(self, wording: str, lang: str) -> bool:
        low = wording.casefold()
        if not all(any(_contains(low, f) for f in forms) for forms in self.concepts):
            return False
        if lang != self.lang:  # only the glossary crosses languages
            return bool(self.concepts)
        if self.lang == "zh":  # jieba may cut the record otherwise (联合国系统 | 系统)
            return all(w in low for w in self.words)
        return self.words <= content_words(wording)


def _contains(text: str, form: str) -> bool:
    """``form`` in ``text``; an English form as whole words (UN is not in 'UNDP')."""
    if _HAN.search(form):
        return form in text
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) is not None


def _year(period: str | None, fallback: str | None) -> int | None:
    years = _YEAR.findall(period or "") or _YEAR.findall(fallback or "")[:1]
    return int(years[-1]) if years else None


def _sentence(text: str, span: list[int]) -> str:
    """The sentence of the paragraph in which the figure stands."""
    start, end = span
    cuts = [m.end() for m in re.finditer(r"(?<=[.;。；])\s*", text)]
    return text[max([0, *[c for c in cuts if c <= start]]):min([len(text), *[c for c in cuts
                                                                              if c > end]])]


def record_points(conn: sqlite3.Connection, match: Matcher) -> list[Point]:
    """Points from the store's indicator records whose subject or sentence matches."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'records'").fetchone():
        return []
    keyed = {c[1] for c in conn.execute("PRAGMA table_info(records)")} >= {"paragraph_id"}
    if keyed:  # on the record's keys: a store may hold a report more than once
        joins = ("LEFT JOIN documents d ON d.id = r.doc_id "
                 "LEFT JOIN paragraphs p ON p.id = r.paragraph_id")
        date = ("CASE WHEN r.doc_id IS NULL THEN (SELECT date FROM documents "
                "WHERE name = r.doc AND lang = r.lang) ELSE d.date END")
    else:  # stores before records had keys
        joins = ("LEFT JOIN documents d ON d.name = r.doc AND d.lang = r.lang LEFT JOIN "
                 "paragraphs p ON p.doc_id = d.id AND p.number IS r.para AND r.para IS NOT NULL")
        date = "d.date"
    where, params = prefilter(conn, match)
    rows = conn.execute(
        "SELECT r.doc, r.lang, r.para, r.sub, r.page, r.value, r.unit, r.period, r.subject, "
        f"r.text, r.span, r.previous, {date}, p.text, r.table_index, r.table_row, "
        f"r.table_column FROM records r {joins} "
        "WHERE (r.kind = 'indicator' OR r.kind = 'figure' AND r.table_index IS NOT NULL) "
        f"AND r.footnote IS NULL AND ({where}) GROUP BY r.id ORDER BY r.id", params)
    points = []
    for doc, lang, para, sub, page, value, unit, period, subject, text, span, previous, \
            date, para_text, table, row, column in rows:
        wording = " ".join(x for x in (subject, para_text and _sentence(para_text,
                                                                         json.loads(span))) if x)
        if not match(wording, lang):
            continue
        if table is not None:  # a table's cell: its subject is its row and column headers
            where = f"table {table + 1}, row {row}, column {column}"
        else:
            where = f"¶{para}" + (f" ({sub})" if sub else "") if para else "(unnumbered)"
        year = _year(period, date)
        if year is not None:
            points.append(Point(year, period or str(year), value, unit, doc, lang, where, page,
                                subject, text))
        before = json.loads(previous) if previous else None
        if before and before.get("period") and before.get("value") is not None:
            points.append(Point(_year(before["period"], None), before["period"],
                                float(before["value"]), unit, doc, lang, where, page, subject,
                                text))
    return points


def series(conn: sqlite3.Connection, subject: str, unit: str | None = None,
           symbol: str | None = None, glossary=None) -> tuple[list[Point], Counter]:
    """The points of ``subject`` in one unit, in time order, and how many points each
    other unit had (left out); ``symbol``: only reports whose symbol starts so."""
    match = Matcher(subject, glossary)
    points = [p for p in record_points(conn, match) if not symbol or p.doc.startswith(symbol)]
    units = Counter(p.unit for p in points)
    if not points:
        raise SeriesError(f"no indicator in the store matches {subject!r} (run 'rapporteur "
                          "extract --db STORE --kinds indicator' first if none were extracted)")
    chosen = unit or units.most_common(1)[0][0]
    if chosen not in units:
        raise SeriesError(f"no {chosen!r} values for {subject!r}; units found: "
                          + ", ".join(f"{u} ({n})" for u, n in units.most_common()))
    kept = sorted((p for p in points if p.unit == chosen),
                  key=lambda p: (p.year, p.doc, p.where, p.value))
    del units[chosen]
    return kept, units
