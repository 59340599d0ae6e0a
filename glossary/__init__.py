"""Bilingual (English/Chinese) UN terminology: the glossary (its terms kept in all six
official languages), consistency checks for translators and drafters, and
paragraph-aligned translation memory.

Neither ``from glossary import Glossary`` nor the checks import spaCy or Python jieba:
Chinese words come from rjieba (``glossary.zhseg``), English tokens from
``glossary.entokens``, so that a check starts in well under a second.

    >>> import glossary
    >>> findings = glossary.check("draft.zh.docx", source="draft.en.docx")
"""
from __future__ import annotations

from glossary.model import Concept, Glossary, GlossaryError, Term

__all__ = ["Concept", "Glossary", "GlossaryError", "Term", "check"]


def check(document, source=None, glossary: Glossary | None = None) -> list:
    """The terminology findings (``glossary.checks.Finding``) of ``document`` — a
    ``corpus.Document`` or the path of a file Rapporteur reads — against ``glossary`` (the
    bundled UN glossary by default); with ``source`` (the other language's edition), the
    bilingual checks too. What ``rapporteur terms check`` reports."""
    from corpus import Document, read
    from glossary.checks import check as run
    from glossary.scan import scan

    g = glossary or Glossary.bundled()
    target = scan(document if isinstance(document, Document) else read(document), g)
    other = None if source is None else scan(
        source if isinstance(source, Document) else read(source), g)
    return run(target, other)
