"""``read(path) -> Document``: pick the reader by what the file is, then structure.

The format is decided from the file's first bytes, with the extension as a cross-check, so
that a ``.pdf`` that is really a Word file (or nothing) gets a clear answer.
"""
from __future__ import annotations

import hashlib
import os
import traceback
from pathlib import Path

from corpus.errors import ReadError
from corpus.model import Document

EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".text": "txt", ".md": "txt"}
MAX_BYTES = 512 * 1024 * 1024
_PROJECT = Path(__file__).resolve().parents[1]  # where a bug report points: our code


def sniff(path: Path, head: bytes) -> str:
    """The format of ``path`` given its first bytes; ReadError when it is not one we read."""
    ext = path.suffix.lower()
    expected = EXTENSIONS.get(ext)
    if expected is None:
        raise ReadError(path, f"unsupported file type '{ext or '(no extension)'}' "
                              f"(Rapporteur reads {', '.join(sorted(EXTENSIONS))})")
    if not head:
        raise ReadError(path, "empty file (0 bytes)")
    if expected == "pdf" and not head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF"):
        raise ReadError(path, "not a PDF: the file does not start with '%PDF'")
    if expected == "docx" and not head.startswith(b"PK\x03\x04"):
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError(path, "a legacy .doc (OLE) file or an encrypted DOCX, not a DOCX")
        raise ReadError(path, "not a DOCX: the file is not a zip package")
    return expected


def read_blocks(path: str | Path, notes: list[str] | None = None):
    """(format, sha256, blocks, pages) for one file; what the reader skipped or replaced
    goes to ``notes`` (see ``corpus.notes``)."""
    from corpus.notes import collecting
    from corpus.readers import reader

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(path, f"file too large ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    fmt = sniff(path, data[:1024])
    with collecting() as found:
        try:
            blocks, pages = reader(fmt)(path, data)
        except ReadError:
            raise
        except Exception as exc:
            raise failure(path, exc) from exc
    if notes is not None:
        notes.extend(found)
    return fmt, hashlib.sha256(data).hexdigest(), blocks, pages


def read(path: str | Path) -> Document:
    """Read one UN report (PDF, DOCX or text, Chinese or English) into a Document."""
    from corpus.structure import structure

    notes: list[str] = []
    fmt, sha, blocks, pages = read_blocks(path, notes)
    try:
        return structure(blocks, source=str(path), fmt=fmt, sha256=sha, pages=pages, notes=notes)
    except ReadError:
        raise
    except Exception as exc:
        raise failure(path, exc) from exc


def failure(path: str | Path, exc: Exception) -> ReadError:
    """A reader's own failure (a bug, or a resource exhausted) as a ``ReadError`` that names
    the file, where it failed and how to see the traceback; with ``RAPPORTEUR_DEBUG`` set
    (``rapporteur --debug``) the exception itself goes on."""
    if os.environ.get("RAPPORTEUR_DEBUG"):
        raise exc
    if isinstance(exc, MemoryError):
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        within = f" (the limit is {limit // 2**20} MB)" if limit != resource.RLIM_INFINITY else ""
        return ReadError(path, f"out of memory while reading it{within}")
    if isinstance(exc, RecursionError):
        return ReadError(path, "its structure is nested too deeply to read")
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if Path(f.filename).is_relative_to(_PROJECT)] or frames
    where = f"{Path(ours[-1].filename).parent.name}/{Path(ours[-1].filename).name}:{ours[-1].lineno}"
    return ReadError(path, f"the reader failed on it ({type(exc).__name__} at {where}: a bug "
                           f"in Rapporteur, please report it; 'rapporteur --debug show FILE' "
                           f"shows the traceback)")
