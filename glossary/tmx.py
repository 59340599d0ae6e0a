"""Writing aligned editions as a TMX 1.4b translation memory that CAT tools import: one
translation unit per aligned paragraph or sub-paragraph, with the document symbol and the
paragraph number as properties."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from lxml import etree

from corpus.model import Document
from glossary.align import Pair, part_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANG_CODES = {"en": "en", "zh": "zh-CN"}


def _xml_safe(text: str) -> str:
    """XML 1.0 forbids most control characters; a stray one must not sink the export."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")


def _version() -> str:
    try:
        return version("rapporteur")
    except PackageNotFoundError:
        return "0"


def write_tmx(src: Document, tgt: Document, pairs: list[Pair], src_lang: str,
              tgt_lang: str) -> bytes:
    """The aligned pairs as a TMX document: one translation unit per pair with text on both
    sides."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="Rapporteur",
                     creationtoolversion=_version(), segtype="paragraph", **{"o-tmf": "Rapporteur"},
                     adminlang="en", srclang=LANG_CODES[src_lang], datatype="plaintext")
    body = etree.SubElement(root, "body")
    symbol = src.metadata.symbol or tgt.metadata.symbol or src.name
    for pair in pairs:
        source, target = part_text(src, pair.source), part_text(tgt, pair.target)
        if not source or not target:
            continue
        tu = etree.SubElement(body, "tu", tuid=f"{symbol}:{pair.key}")
        etree.SubElement(tu, "prop", type="x-symbol").text = symbol
        etree.SubElement(tu, "prop", type="x-unit").text = pair.unit
        if pair.number:
            etree.SubElement(tu, "prop", type="x-paragraph").text = pair.number
        if pair.label:
            etree.SubElement(tu, "prop", type="x-subparagraph").text = pair.label
        if pair.confidence is not None:
            etree.SubElement(tu, "prop", type="x-confidence").text = f"{pair.confidence:.2f}"
        for lang, text in ((src_lang, source), (tgt_lang, target)):
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, LANG_CODES[lang])
            etree.SubElement(tuv, "seg").text = _xml_safe(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
