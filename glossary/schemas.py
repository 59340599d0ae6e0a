"""Validation of what we export: TBX v3 against the TBX-Basic RELAX NG grammar in
``data/tbx-basic-v3.rng`` and TMX against the TMX 1.4b DTD in ``data/tmx14b.dtd``. Both are
transcriptions that admit a subset of what the official files admit (their headers say how
they were checked), so an export that passes here passes there."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from lxml import etree

DATA = files("glossary") / "data"


@lru_cache(maxsize=None)
def _rng():
    return etree.RelaxNG(etree.parse(str(DATA / "tbx-basic-v3.rng")))


@lru_cache(maxsize=None)
def _dtd():
    return etree.DTD(str(DATA / "tmx14b.dtd"))


def _errors(validator, data: bytes) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    doc = etree.fromstring(data, parser)
    if validator.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in validator.error_log]


def tbx_errors(data: bytes) -> list[str]:
    """Schema errors of a TBX v3 TBX-Basic file (empty when valid)."""
    return _errors(_rng(), data)


def tmx_errors(data: bytes) -> list[str]:
    """DTD errors of a TMX 1.4b file (empty when valid)."""
    return _errors(_dtd(), data)
