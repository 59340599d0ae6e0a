"""The draft's data: indicator values given inline in the spec or in CSV/XLSX files, each
remembering where it came from (spec entry or file row) so that every figure in the draft
can be traced back to it."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from compose.errors import SpecError
from compose.numbers import decimal

UNITS = ("percent", "USD", "count")
MAX_BYTES = 50_000_000  # a data file, unpacked (an XLSX is a zip): the example's is 2 KB
# characters an XML 1.0 document (so a Word file) cannot hold
NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
RESERVED = re.compile("[\ue030-\ue034]")  # the renderer's figure and footnote markers


def check_text(text: str, where, what: str) -> str:
    """``text`` if a Word file can hold it and it does not forge the renderer's markers;
    else a SpecError naming the character."""
    found = NOT_IN_WORD.search(text)
    if found:
        raise SpecError(where, f"{what} holds the control character U+{ord(found.group()):04X}, "
                               "which a Word file cannot hold")
    found = RESERVED.search(text)
    if found:
        raise SpecError(where, f"{what} holds U+{ord(found.group()):04X}, a character "
                               "Rapporteur reserves for marking figures")
    return text
COLUMNS = ("id", "subject_en", "subject_zh", "value", "unit", "period", "source")
SLOT_COLUMNS = ("printed_en", "printed_zh")  # a slot of a draft: the figure as last printed


@dataclass
class Previous:
    """A datum's previous value and period, and where it was found."""
    value: str
    period: str
    origin: dict  # {"kind": "data", ...} or {"kind": "previous-report", "doc", "para", ...}


@dataclass
class Datum:
    """One figure of the spec's data: its current value, unit, period and source, with the
    previous value when known."""
    id: str
    subject: dict[str, str]  # lang -> subject phrase
    value: str  # exact decimal text
    unit: str
    period: str
    source: str  # the statistical source, as the data says
    origin: dict  # where this entry is: {"kind": "spec", "entry": i} or {"kind": "file", ...}
    previous: Previous | None = None
    link: dict = field(default_factory=dict)  # how to find the previous value in last report
    printed: dict[str, str] = field(default_factory=dict)  # lang -> figure as last printed

    @property
    def to_update(self) -> bool:
        """A slot of a draft whose current value the drafter has not filled yet."""
        return self.value == ""


def _value(raw, where: str, name: str = "value") -> str:
    try:
        return str(decimal(raw))
    except ValueError as exc:
        raise SpecError(where, f"{name} {exc}") from None


def _slot_value(raw, where: str, printed: dict) -> str:
    """A slot may hold a range ("12-15") where the report printed one."""
    text = str(raw).strip()
    if printed and re.fullmatch(r"[\d.,]+\s*[-–]\s*[\d.,]+", text):
        low, high = re.split(r"\s*[-–]\s*", text, maxsplit=1)
        return f"{_value(low, where)}-{_value(high, where)}"
    return _value(raw, where)


def make_datum(entry: dict, origin: dict, where: str) -> Datum:
    """A data entry; a slot (``printed_en``/``printed_zh`` given, as ``rapporteur draft``
    writes them) may leave its value empty and carry any unit the extractor names."""
    printed = {lang: str(entry[f"printed_{lang}"]) for lang in ("en", "zh")
               if entry.get(f"printed_{lang}") not in (None, "")}
    empty = [key for key in ("id", "value") if entry.get(key) in (None, "")
             and not (key == "value" and printed)]
    if empty:
        raise SpecError(where, f"no {' and no '.join(empty)}")
    unit = entry.get("unit", "count")
    if unit not in UNITS and not printed:
        raise SpecError(where, f"unit {unit!r} is not one of {', '.join(UNITS)}")
    subject = entry.get("subject") or {}
    if isinstance(subject, str):
        subject = {"en": subject}
    subject = {**subject, **{lang: entry[f"subject_{lang}"] for lang in ("en", "zh")
                             if entry.get(f"subject_{lang}")}}
    for key, text in [("id", entry["id"]), ("period", entry.get("period", "")),
                      ("source", entry.get("source", "")),
                      *((f"subject_{k}", v) for k, v in subject.items()),
                      *((f"printed_{k}", v) for k, v in printed.items())]:
        check_text(str(text), where, key)
    value = entry.get("value")
    if value in (None, ""):
        value = ""
    elif unit == "word" and printed:  # a number word of a draft: the words replacing it
        value = check_text(str(value).strip(), where, "value")
    else:
        value = _slot_value(value, where, printed)
    datum = Datum(id=str(entry["id"]), subject=subject, value=value,
                  unit=unit, period=str(entry.get("period", "")),
                  source=str(entry.get("source", "")), origin=origin, printed=printed)
    prev = entry.get("previous")
    if isinstance(prev, dict) and "value" in prev:
        datum.previous = Previous(_value(prev["value"], where, "previous value"),
                                  str(prev.get("period", "")),
                                  {**origin, "field": "previous"})
    elif isinstance(prev, dict):
        datum.link = prev
    elif entry.get("previous_value") not in (None, ""):
        datum.previous = Previous(_value(entry["previous_value"], where, "previous_value"),
                                  str(entry.get("previous_period", "")),
                                  {**origin, "field": "previous_value"})
    return datum


def _rows_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _rows_xlsx(path: Path, sheet: str | None) -> list[dict]:
    import zipfile

    import openpyxl

    with zipfile.ZipFile(path) as z:
        if sum(info.file_size for info in z.infolist()) > MAX_BYTES:
            raise SpecError(path, f"the workbook unpacks to more than {MAX_BYTES:,} bytes")

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    out = [dict(zip(header, r)) for r in rows if any(v not in (None, "") for v in r)]
    book.close()
    return out


def load_file(path: Path, sheet: str | None = None) -> list[Datum]:
    """Data rows of a CSV or XLSX file (header: id, subject_en, subject_zh, value, unit,
    period, source and optionally previous_value, previous_period). Rows are numbered as a
    spreadsheet shows them: the header is row 1."""
    if not path.is_file():
        raise SpecError(path, "data file not found")
    if path.stat().st_size > MAX_BYTES:
        raise SpecError(path, f"a data file is at most {MAX_BYTES:,} bytes")
    try:
        rows = _rows_xlsx(path, sheet) if path.suffix.lower() == ".xlsx" else _rows_csv(path)
    except SpecError:
        raise
    except Exception as exc:  # noqa: BLE001 — a broken XLSX fails inside openpyxl in many ways
        raise SpecError(path, f"cannot read data file ({exc or type(exc).__name__})") from None
    missing = [c for c in ("id", "value") if rows and c not in rows[0]]
    if missing:
        raise SpecError(path, f"data file lacks column(s) {', '.join(missing)}")
    return [make_datum({k: v for k, v in row.items() if v not in (None, "")},
                       {"kind": "file", "file": path.name, "row": i},
                       f"{path}, row {i}")
            for i, row in enumerate(rows, start=2)]
