"""Findings written into a Word translation as comments, where the translator works: each
finding's places get a comment (type, message, what to do) anchored on the runs that hold
the flagged words.

A location names a unit of the document model and offsets in its text; the Word paragraph
is found again by its text (the model's text is the paragraph's, less automatic numbering
and with whitespace normalised), and the comment spans the runs that cover the words."""
from __future__ import annotations

import re
from pathlib import Path

from glossary.findings import Finding

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def write_comments(docx_in: str | Path, docx_out: str | Path, findings: list[Finding],
                   texts: dict[tuple[str, int], str]) -> tuple[int, int]:
    """Copy ``docx_in`` to ``docx_out`` with one comment per finding location that can be
    placed; ``texts`` maps (unit kind, index) to the unit's text in the model. Returns
    (placed, not placed)."""
    from docx import Document

    doc = Document(str(docx_in))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    placed = missed = 0
    for f in findings:
        note = f"[{f.severity}] {f.type}: {f.message} → {f.suggestion}"
        for loc in f.locations:
            unit = texts.get((loc.unit, loc.index), "")
            runs = _runs_for(paragraphs, unit, loc.start, loc.end) if loc.text else None
            if runs:
                doc.add_comment(runs, text=note, author="Rapporteur", initials="R")
                placed += 1
            else:
                missed += 1
    doc.save(str(docx_out))
    return placed, missed


def _runs_for(paragraphs, unit: str, start: int, end: int):
    """The runs of the Word paragraph holding ``unit`` that cover unit[start:end] (the
    same occurrence: the n-th of those words in the paragraph)."""
    surface, key = unit[start:end], _norm(unit)[:60]
    nth = unit[:start].count(surface)
    for para in paragraphs:
        text = para.text
        if key not in _norm(text):
            continue
        at = -1
        for _ in range(nth + 1):
            at = text.find(surface, at + 1)
            if at < 0:
                break
        if at >= 0:
            return _covering(para.runs, at, at + len(surface))
    return None


def _covering(runs, start: int, end: int):
    """The runs overlapping [start, end) of the paragraph's text."""
    out, pos = [], 0
    for run in runs:
        if pos < end and start < pos + len(run.text):
            out.append(run)
        pos += len(run.text)
    return out or None
