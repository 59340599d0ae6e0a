"""The SQL test that leaves out, before any Python runs, the indicator records a subject's
Matcher cannot accept: at 10,000 reports the store holds tens of thousands of records, and
splitting each paragraph into sentences to match it costs seconds.

The test must never drop a record the Matcher would accept. It asks only for substrings a
match needs, each compared as SQLite's LIKE does (ASCII letters without case, other
characters as they are): every piece between spaces of one of each concept's forms (the
Matcher joins a record's subject and sentence with a space, so a piece is in one or the
other), and, in the subject's language, each Chinese word or each English stem without a
final "y" (the Matcher's stem of "countries" is "country"). A form or word with a character
other than ASCII or Chinese (é, ’) is not asked for, and a record holding a character that
case-folds to ASCII letters (ß, ﬁ, the Kelvin sign) is always kept, as LIKE would not see
its letters.
"""
from __future__ import annotations

import re

from corpus.blocks import HAN

# every character but ASCII whose casefold() or lower() holds an ASCII character
# (tests/test_series.py recomputes it from Python's Unicode tables)
FOLDS_TO_ASCII = "\u00df\u0130\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06"
_FOLDS = re.compile(f"[{FOLDS_TO_ASCII}]")
_SAFE = re.compile(f"[\x00-\x7f{HAN}]+")
_COLUMNS = ("r.subject", "p.text")


def _like(piece: str) -> str:
    return "%" + re.sub(r"([%_\\])", r"\\\1", piece) + "%"


def _any(forms, params: list) -> str:
    """SQL: one of ``forms`` is in the record's subject or paragraph: each of its pieces
    between spaces is in one of them."""
    tests = []
    for form in forms:
        pieces = form.split() or [form]
        params += [_like(p) for p in pieces for _ in _COLUMNS]
        tests.append(" AND ".join("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _COLUMNS)
                                  + ")" for _ in pieces))
    return "(" + " OR ".join(f"({t})" for t in tests) + ")"


def folds(text: str | None) -> bool:
    """Whether ``text`` holds a character that case-folds to ASCII letters."""
    return text is not None and _FOLDS.search(text) is not None


def prefilter(conn, match) -> tuple[str, list]:
    """SQL over ``records r`` and ``paragraphs p`` (with its parameters), true of every record
    ``match`` (a glossary.series.Matcher) may accept; ``conn`` learns the function it calls."""
    conn.create_function("series_folds", 1, folds, deterministic=True)
    params: list = []
    concepts = []
    for forms in match.concepts:
        if all(_SAFE.fullmatch(f.replace(" ", "")) for f in forms):
            concepts.append(_any(sorted(forms), params))
    params.append(match.lang)  # the Matcher's other language: concepts alone
    if match.lang == "zh":
        words = [_any([w], params) for w in sorted(match.words, key=len, reverse=True)
                 if _SAFE.fullmatch(w.replace(" ", ""))]
    else:
        words = [_any([w[:-1] if w.endswith("y") else w], params)
                 for w in sorted(match.words, key=len, reverse=True)]  # the rarer first
    sql = " AND ".join([*concepts, f"CASE WHEN r.lang = ? THEN {' AND '.join(words) or '1'} "
                                   f"ELSE {int(bool(match.concepts))} END"])
    folded = " OR ".join(f"length(CAST({c} AS BLOB)) > length({c}) AND series_folds({c})"
                         for c in _COLUMNS)  # Python only for the text that is not ASCII
    return f"{sql} OR {folded}", params
