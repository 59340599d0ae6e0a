"""Names of UN entities from the bundled glossary: the first mention in an edition gives
the full form with the short form in parentheses, later mentions the short form — the rule
``rapporteur terms check`` enforces, applied while writing rather than after."""
from __future__ import annotations

from functools import lru_cache

from compose.errors import Unplaced


@lru_cache(maxsize=1)
def glossary():
    """The bundled glossary, loaded once."""
    from glossary.model import Glossary

    return Glossary.bundled()


def concept(cid: str):
    """The glossary concept ``cid``; an error when the glossary has none."""
    found = glossary().concept(cid)
    if found is None:
        raise Unplaced(f"{cid!r} is not a concept id of the bundled glossary")
    return found


def full_name(cid: str, lang: str) -> str:
    """The full name of concept ``cid`` in ``lang``; an error when the glossary has none."""
    name = concept(cid).preferred(lang, "full")
    if not name:
        raise Unplaced(f"the glossary has no {lang} name for {cid!r}")
    return name


# bodies and instruments English UN reports never abbreviate: "the Economic and Social
# Council", not "(ECOSOC)"; "the 2030 Agenda for Sustainable Development", not "(2030 Agenda)"
SPELLED_OUT = {"en": frozenset({"ecosoc", "agenda-2030", "csw", "general-assembly",
                                "security-council", "human-rights-council"})}


class Mentions:
    """Tracks which concepts an edition has named already."""

    def __init__(self, lang: str):
        self.lang = lang
        self.seen: set[str] = set()

    def __call__(self, cid: str, form: str = "auto") -> str:
        """``form``: auto (full + short at first mention, then short), full or short."""
        c = concept(cid)
        full = full_name(cid, self.lang)
        short = c.preferred(self.lang, "short")
        if cid in SPELLED_OUT.get(self.lang, ()):
            short = None
        if not short or form == "full":
            return full
        if form == "short" or cid in self.seen:
            self.seen.add(cid)
            return short
        self.seen.add(cid)
        return f"{full} ({short})" if self.lang == "en" else f"{full}({short})"
