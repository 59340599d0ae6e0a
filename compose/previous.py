"""Last year's report in the series: read it (file or store), extract its indicators and
recommendations, and hand the composer the previous values and the recommendations to
carry over, each with the paragraph it came from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from compose.data import Datum, Previous
from compose.errors import SpecError
from compose.numbers import decimal


@dataclass
class PreviousReport:
    """Last year's report in one language: its indicators and recommendations."""
    lang: str
    name: str
    indicators: list[dict]
    recommendations: list[dict]


def open_report(source: dict, lang: str, spec, db: str | None) -> PreviousReport:
    """Read the previous report named by ``source`` ({file} or {store}) and extract it; a
    file is found next to ``spec`` (a ``compose.spec.Spec``), within its folder."""
    from corpus.errors import ReadError

    import extract

    if "file" in source:
        from corpus import read

        path = spec.resolve(source["file"], f"previous report ({lang})")
        try:
            doc = read(path)
        except ReadError as exc:
            raise SpecError(spec.path, f"previous report ({lang}): {exc}") from None
    else:
        if not db:
            raise SpecError(spec.path, f"previous report ({lang}) {source['store']!r} is in "
                                       "the store: give --db FILE")
        from corpus.store import Store, StoreError

        try:
            with Store(db) as store:
                doc = store.get(source["store"], lang=lang)
        except StoreError as exc:  # its message names the store file
            raise SpecError(spec.path, f"previous report ({lang}): {exc}") from None
        if doc is None:
            raise SpecError(db, f"no {lang} document {source['store']!r} in the store")
    records = extract.extract(doc, kinds=["indicator", "recommendation"])
    return PreviousReport(lang=lang, name=doc.name,
                          indicators=[r for r in records if r["kind"] == "indicator"],
                          recommendations=[r for r in records if r["kind"] == "recommendation"])


def _period(record: dict) -> str:
    return str(record.get("period") or "")


def link_previous(datum: Datum, report: PreviousReport, spec_path) -> None:
    """Set ``datum.previous`` from the indicator the spec points at: the paragraph
    (``para``), optionally the sub-paragraph (``sub``) and a phrase of the sentence
    (``match``). The indicator's own value is the previous value — unless it reports this
    year's period too, in which case its ``previous`` is meant."""
    link = datum.link
    want_para, want_sub = str(link.get("para", "")), link.get("sub")
    found = [r for r in report.indicators
             if str(r.get("para")) == want_para and (want_sub is None or r.get("sub") == want_sub)
             and r.get("unit") == datum.unit
             and (not link.get("match") or link["match"] in (r.get("subject") or "") + r.get("text", ""))]
    if not found:
        where = f"paragraph {want_para}" + (f" ({want_sub})" if want_sub else "")
        raise SpecError(spec_path, f"data {datum.id!r}: no {datum.unit} indicator in {where} of "
                                   f"the previous report {report.name}")
    rec = found[0]
    if _period(rec) == datum.period and rec.get("previous"):
        raise SpecError(spec_path, f"data {datum.id!r}: paragraph {want_para} of "
                                   f"{report.name} already reports {datum.period}")
    try:
        value = str(decimal(rec["value"]))
    except ValueError as exc:
        raise SpecError(spec_path, f"data {datum.id!r}: the previous value in paragraph "
                                   f"{want_para} of {report.name}: {exc}") from None
    datum.previous = Previous(
        value, _period(rec),
        {"kind": "previous-report", "doc": report.name, "lang": report.lang,
         "para": rec.get("para"), "sub": rec.get("sub"), "span": rec.get("span")})


_LABEL = re.compile(r"^\s*[(（][a-z]{1,2}[)）]\s*")
_NEXT_LABEL = re.compile(r"\s*[(（][a-z]{1,2}[)）]\s*$")
_END = re.compile(r"\s*(?:;\s*and|;|；|。|\.|，|,)?\s*$")


def carried_over(report: PreviousReport, labels: list[str], spec_path) -> list[tuple[str, dict]]:
    """The previous report's recommendations with these labels: (clean text, origin)."""
    by_label = {r.get("sub"): r for r in report.recommendations if r.get("sub")}
    out = []
    for label in labels:
        rec = by_label.get(label)
        if rec is None:
            have = ", ".join(sorted(by_label)) or "none"
            raise SpecError(spec_path, f"recommendation ({label}) is not in the previous "
                                       f"{report.lang} report {report.name} (found: {have})")
        # the unit may run on to the next sub-paragraph's label: "...Parity; (c)"
        text = _END.sub("", _NEXT_LABEL.sub("", _LABEL.sub("", rec["text"])))
        out.append((text, {"kind": "previous-report", "doc": report.name, "lang": report.lang,
                           "para": rec.get("para"), "sub": label}))
    return out
