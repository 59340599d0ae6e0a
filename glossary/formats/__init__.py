"""Reading and writing glossary files; the format is told by extension, then by content."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from glossary.formats.skos import is_rdf
from glossary.formats.tabular import read_table, write_omegat, write_table
from glossary.model import Glossary, GlossaryError

BUNDLED = files("glossary") / "data" / "un-glossary.csv"
DATED = files("glossary") / "data" / "dated.csv"


def write_tbx(g: Glossary, version: int) -> bytes:
    """The glossary as TBX (``version`` 3, or 2 for older CAT tools); lxml imported only here."""
    from glossary.formats.tbx import write_tbx  # lxml: not needed to read the bundled CSV

    return write_tbx(g, version)


WRITERS = {
    "tbx": lambda g: write_tbx(g, 3),
    "tbx2": lambda g: write_tbx(g, 2),
    "csv": lambda g: write_table(g, ",").encode("utf-8"),
    "tsv": lambda g: write_table(g, "\t").encode("utf-8"),
    "omegat": lambda g: write_omegat(g).encode("utf-8"),
}
FORMATS = tuple(WRITERS)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(path, "not UTF-8 text") from None


def load(path: Path) -> Glossary:
    """A glossary file, with the bundled periods of ``data/dated.csv`` on the forms it shares
    with the bundled glossary (a glossary exported from it and edited keeps its dates)."""
    g = _load(path)
    _date(g, DATED.read_text(encoding="utf-8"), strict=False)
    return g


def _load(path: Path) -> Glossary:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise GlossaryError(path, "the file is empty")
    ext = path.suffix.lower()
    if is_rdf(path, data):
        from glossary.formats.skos import read_skos

        return read_skos(path, data)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if ext in (".tbx", ".xml") or head == b"<":
        from glossary.formats.tbx import read_tbx

        return read_tbx(path, data)
    text = _decode(path, data)
    if ext == ".csv":
        return read_table(path, text, ",")
    if ext in (".tsv", ".tab", ".txt", ".utf8"):
        return read_table(path, text, "\t")
    first = text.splitlines()[0]
    return read_table(path, text, "\t" if "\t" in first else ",")


@lru_cache(maxsize=1)
def _bundled() -> Glossary:
    g = _load(Path(str(BUNDLED)))
    _date(g, DATED.read_text(encoding="utf-8"))
    return g


def _date(g: Glossary, table: str, strict: bool = True) -> None:
    """Periods of ``data/dated.csv``: the last year in which an outdated (deprecated) form
    was the right one (``valid_until``), the first year of a form (``valid_from``: a body's
    name before the body existed is an anachronism), and what attests it (``attested``).
    For the bundled glossary (``strict``) a row that fits no form is an error; another
    glossary takes only the rows that fit its forms."""
    import csv
    import io

    for row in csv.DictReader(io.StringIO(table)):
        concept = g.concept(row["concept"])
        term = concept.term(row["form"]) if concept else None
        cause = ("is no {lang} form of {concept!r}" if term is None or term.lang != row["lang"]
                 else "has a last year but is not deprecated"
                 if row["valid_until"] and term.status != "deprecated" else None)
        if cause:
            if strict:
                raise GlossaryError(DATED, f"{row['form']!r} " + cause.format(**row))
            continue
        term.valid_from, term.valid_until = row["valid_from"], row["valid_until"]
        term.attested = row["attested"]


def bundled() -> Glossary:
    """The bundled UN glossary (parsed once per process)."""
    return _bundled()


def format_for(path: Path, format: str | None) -> str:
    """The format to write ``path`` in: the one asked for, else told by its extension."""
    if format:
        if format not in WRITERS:
            raise GlossaryError(path, f"unknown format {format!r} (one of {', '.join(FORMATS)})")
        return format
    ext = path.suffix.lower().lstrip(".")
    if ext in WRITERS:
        return ext
    raise GlossaryError(path, f"cannot tell the format from '.{ext}': give one of "
                              f"{', '.join(FORMATS)}")


def dump(g: Glossary, format: str) -> bytes:
    """The glossary as the bytes of a file in ``format``."""
    return WRITERS[format](g)


def save(g: Glossary, path: Path, format: str | None = None) -> None:
    """Write the glossary to ``path`` in ``format`` (else the one its extension tells)."""
    from corpus.output import write_bytes

    write_bytes(path, dump(g, format_for(path, format)))
