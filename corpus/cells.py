"""Cells that are safe to open in a spreadsheet: every CSV/TSV writer of the project (the
glossary's exports, extract's records) passes its text cells through ``neutral`` and every
reader through ``restore``, so formula injection is neutralised in one place."""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return) gets a leading apostrophe, as OWASP advises
    against CSV injection: ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``. A cell that
    already starts with apostrophes before such a character gets one more, so ``restore``
    is its exact inverse. Only text is ever neutralised: a column typed numeric holds
    numbers, which cannot be formulas, so a negative value stays ``-3.5`` (writers pass
    numbers through untouched, as ``extract.records`` does)."""
    return "'" + cell if cell.lstrip("'")[:1] in FORMULA_START else cell


def restore(cell: str) -> str:
    """The cell ``neutral`` was given: one leading apostrophe removed where it added one."""
    return cell[1:] if cell[:1] == "'" and cell.lstrip("'")[:1] in FORMULA_START else cell
