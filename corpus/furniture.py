"""Page furniture of UN documents: what repeats on every page and is never body text
(job-number footers, barcodes, page counters, the symbol as running header). Shared by the
readers so that one definition decides everywhere."""
from __future__ import annotations

import re

SYMBOL = r"(?:[A-Z][A-Za-z]{0,9}(?:/[A-Za-z0-9.()\-]+)+)"
# S/RES/2774 (2025); E/2025/34 (Part I); DP/FPA/2025/4 (Part I/Add.1)
SYMBOL_LINE = re.compile(rf"^{SYMBOL}(?:\s\((?:\d{{4}}|Part [IVX]+(?:/(?:Add|Corr|Rev)\.\d+)*)\))?"
                         rf"(?:\s*[-–]\s*{SYMBOL})*$")
JOB = re.compile(r"\b((?:GE\.)?\d{2}-\d{5})X?\s*\(\s*[A-Z]\s*\)")  # "24-22528X (E)": a reissue
# The job-number footer; its date stamps are sometimes set with stray spaces ("3 1 0125").
# Front-matter pages add a roman page number ("GE.25-10053 (E) 300625 010725 iii"); 1990s
# pages end the footer with "/..." (the text goes on overleaf).
JOB_LINE = re.compile(r"^(?:GE\.)?\d{2}-\d{5}X?\s*\(\s*[A-Z]\s*\)(?:\s+\d{6}(?:\s+\d{6})?|\s+[\d ]{6,14})?"
                      r"(?:\s+[ivxl]{1,5}|\s*/\s?\.\.\.)?\s*$")
BARCODE = re.compile(r"^\*\d{7,8}\*$")
_PATTERNS = [
    JOB_LINE,                                                       # 25-07795 (E) 100625
    BARCODE,                                                        # barcode *2507795*
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}\s+(?:GE\.)?\d{2}-\d{5}$"),  # 2/18 25-07795
    re.compile(r"^(?:GE\.)?\d{2}-\d{5}\s+\d{1,4}\s*/\s*\d{1,4}$"),  # 25-07795 3/18
    re.compile(r"^\d{1,4}\s+GE\.\d{2}-\d{5}$|^GE\.\d{2}-\d{5}\s+\d{1,4}$"),  # 2 GE.25-10053
    re.compile(r"^(?:GE\.)?\d{2}-\d{5}$"),                          # job number alone
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),                          # 3/18
    re.compile(r"^\d{6}$"),                                         # date stamp 301224
    re.compile(r"^\d{2}/\d{2}/\d{4}$"),                              # a record's header 16/04/2025
    re.compile(r"^(?:Please recycle|请回收)\W*$", re.I),            # beside the recycling logo
]


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture, never body text."""
    line = line.strip()
    return bool(line) and (any(p.match(line) for p in _PATTERNS) or bool(SYMBOL_LINE.match(line)))
