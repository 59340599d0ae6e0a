"""Bilingual (English/Chinese) UN terminology: the glossary, consistency checks for
translators and drafters, and paragraph-aligned translation memory.

``from glossary import Glossary`` costs no spaCy import; matching and checks load their
pipelines only when used."""
from glossary.model import Concept, Glossary, GlossaryError, Term

__all__ = ["Concept", "Glossary", "GlossaryError", "Term"]
