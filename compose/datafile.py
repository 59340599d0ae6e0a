"""The data file ``rapporteur draft`` writes beside its spec: one row per slot, as CSV or
as an Excel workbook (drafters fill figures in a spreadsheet). ``compose`` reads either
back (``compose.data.load_file``, by the file's extension)."""
from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ("id", "subject_en", "subject_zh", "value", "unit", "period", "source",
           "previous_value", "previous_period", "printed_en", "printed_zh")
FORMATS = ("csv", "xlsx")
WIDTHS = {"id": 10, "value": 12, "unit": 9, "period": 8, "previous_value": 14,
          "previous_period": 14}  # characters; the text columns get 40


def write(path: Path, rows: list[dict], fmt: str) -> None:
    """``rows`` into ``path`` as ``fmt`` (csv or xlsx)."""
    if fmt == "xlsx":
        _write_xlsx(path, rows)
        return
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[dict]) -> None:
    """Every cell is text, typed as text: a report's words starting with "=" stay words
    in Excel, never a formula; previous values keep their exact decimals ("59.0")."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("slots")
    sheet.freeze_panes = "B2"
    for i, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 40)

    def line(values):
        cells = []
        for v in values:
            cell = WriteOnlyCell(sheet, value=v)
            if v:
                cell.data_type = "s"
            cells.append(cell)
        return cells

    sheet.append(line(COLUMNS))
    for row in rows:
        sheet.append(line(str(row.get(c, "") or "") or None for c in COLUMNS))
    book.save(path)
