"""Validation of what we export: TBX v3 against the TBX-Basic RELAX NG grammar in
``data/tbx-basic-v3.rng`` and TMX against the TMX 1.4b DTD in ``data/tmx14b.dtd``. Both are
transcriptions that admit a subset of what the official files admit (their headers say how
they were checked), so an export that passes here passes there.

The official dialect's Schematron (``TBX-Basic_DCA.sch``, query binding xslt2) cannot be run
by lxml's ``isoschematron``, which implements XSLT 1 only; ``schematron_errors`` evaluates its
rules with elementpath's XPath 2 instead (an optional dependency, loaded only there)."""
from __future__ import annotations

from copy import copy
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


def _parse(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _errors(validator, data: bytes) -> list[str]:
    doc = _parse(data)
    if validator.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in validator.error_log]


def tbx_errors(data: bytes) -> list[str]:
    """Schema errors of a TBX v3 TBX-Basic file (empty when valid)."""
    return _errors(_rng(), data)


def schematron_errors(data: bytes, schema: str) -> list[str]:
    """Failed assertions of an ISO Schematron ``schema`` (a file) on ``data``: each pattern's
    rules in order, a node handled by the first rule whose context matches it."""
    from elementpath import XPath2Parser, XPathContext

    sch_ns = "{http://purl.oclc.org/dsdl/schematron}"
    sch = etree.parse(schema).getroot()
    parser = XPath2Parser(namespaces={n.get("prefix"): n.get("uri") for n in sch.iter(sch_ns + "ns")})
    root = XPathContext(etree.ElementTree(_parse(data)))
    errors = []
    for pattern in sch.iter(sch_ns + "pattern"):
        handled = set()
        for rule in pattern.iter(sch_ns + "rule"):
            asserts = [(parser.parse(a.get("test")), " ".join((a.text or a.get("test")).split()))
                       for a in rule.iter(sch_ns + "assert")]
            for node in parser.parse("//" + rule.get("context")).select(copy(root)):
                if id(node) in handled:
                    continue
                handled.add(id(node))
                for test, message in asserts:
                    context = copy(root)
                    context.item = node
                    if not test.boolean_value(test.evaluate(context)):
                        errors.append(f"line {node.elem.sourceline}: {message}")
    return errors


def tmx_errors(data: bytes) -> list[str]:
    """DTD errors of a TMX 1.4b file (empty when valid)."""
    return _errors(_dtd(), data)
