"""The abbreviations UN documents leave unexpanded (``data/unexpanded.txt``): never "used
before defined", never a slip of another acronym."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def unexpanded() -> frozenset[str]:
    """The abbreviations of ``data/unexpanded.txt`` (comments dropped), read once."""
    text = (files("glossary") / "data" / "unexpanded.txt").read_text(encoding="utf-8")
    return frozenset(line.split("#", 1)[0].strip() for line in text.splitlines()
                     if line.split("#", 1)[0].strip())
