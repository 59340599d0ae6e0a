"""Batch ingest: find the files, parse them (in worker processes when asked), store each
document in its own transaction, and account for every file.

One bad file never stops the batch: readers raise ``ReadError`` with a cause a user can act
on, and anything else a reader throws is caught here too and reported as an unexpected
error, so the other files are still stored. Each file is read in a worker process with a
time and a memory limit (``corpus.workers``), so that a hostile file costs its own reading
only; the workers end with the batch, however it ends. Files whose content (sha256) is already stored
are skipped before parsing, which makes re-running an interrupted batch cheap. Only the
parent process writes to SQLite; workers parse and pre-segment the search text.
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.errors import ReadError
from corpus.model import Document
from corpus.reader import EXTENSIONS
from corpus.workers import Limits, Workers
from corpus.store import file_sha256, search_bodies, search_text

if TYPE_CHECKING:
    from corpus.store import Store

# What a folder walk takes: the report formats. Markdown, which the text reader also reads
# when named, is left out: in a folder it is a README or a provenance note, not a report.
FOLDER_TYPES = sorted(ext for ext in EXTENSIONS if ext != ".md")
# (document, search texts of its paragraphs and footnotes, cause of failure)
Parsed = tuple[Document | None, list[str] | None, str | None]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, cause)
    ignored: list[str] = field(default_factory=list)  # files in folders of other types
    warned: list[tuple[str, list[str]]] = field(default_factory=list)  # added, with warnings

    def summary(self) -> str:
        text = (f"added {len(self.added)}, skipped {len(self.skipped)} (already stored), "
                f"failed {len(self.failed)}")
        if self.ignored:
            text += f", ignored {len(self.ignored)} (not {', '.join(FOLDER_TYPES)})"
        if self.warned:
            text += f"; {len(self.warned)} of the added read with warnings"
        return text


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(files to read, ignored files, missing paths). A file named on its own is always
    read, so that an unsupported type is reported; inside folders (searched recursively,
    hidden entries skipped) only ``FOLDER_TYPES`` are taken."""
    files: list[Path] = []
    ignored: list[Path] = []
    missing: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        in_folder = path.is_dir()
        if in_folder:
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".")
                                       for part in p.relative_to(path).parts))
        elif path.exists():
            found = [path]
        else:
            missing.append(path)
            continue
        for file in found:
            if file.resolve() in seen:
                continue
            seen.add(file.resolve())
            if not in_folder or file.suffix.lower() in FOLDER_TYPES:
                files.append(file)
            else:
                ignored.append(file)
    return files, ignored, missing


def parse(path: Path) -> Parsed:
    """Read one file and compute its search texts; never raises for a bad file."""
    from corpus.reader import read

    try:
        doc = read(path)
        return doc, search_bodies(doc), None
    except ReadError as exc:
        return None, None, exc.cause
    except Exception as exc:  # a reader bug must not kill the batch
        return None, None, unexpected(exc)


def unexpected(exc: BaseException) -> str:
    return f"unexpected error: {type(exc).__name__}: {exc}"


def warm_up() -> None:
    """Pay the start-up once per process, not per document: the search segmenter's
    dictionary (the readers use no spaCy pipeline) and the reader modules."""
    search_text("联合国")
    with contextlib.suppress(Exception):  # only an optimisation: parse() reports failures
        from corpus.readers import reader

        import_module("corpus.structure")
        for fmt in ("pdf", "docx", "txt"):
            reader(fmt)


def _parsed(files: list[Path], workers: int, limits: Limits) -> Iterator[tuple[Path, Parsed]]:
    """(path, parse result) in the order of ``files``, each file read in a worker process
    under ``limits``."""
    if not files:
        return
    with Workers(min(workers, len(files)), limits) as pool:
        yield from zip(files, pool.map(files))


def _add(store: Store, doc: Document, bodies: list[str], tries: int = 8) -> bool:
    """``store.add``, waiting for another writer (a second ``ingest`` on the same store)
    beyond SQLite's own busy timeout: the transaction was rolled back, so it is retried."""
    for attempt in range(tries - 1):
        try:
            return store.add(doc, bodies)
        except sqlite3.OperationalError as exc:
            if not ("locked" in str(exc) or "busy" in str(exc)):
                raise
            time.sleep(0.2 * 2**attempt)
    return store.add(doc, bodies)


def _progress_bar(enabled: bool):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), disable=not enabled)


def ingest(store: Store, paths: Iterable[str | Path], workers: int = 1,
           progress: bool = False, limits: Limits | None = None) -> IngestReport:
    """Read files and folders into ``store``; see the module docstring. Each file is read in
    a worker process under ``limits`` (time and memory, ``corpus.limits`` by default): a
    file that exceeds one is reported by name and the batch goes on."""
    report = IngestReport()
    files, ignored, missing = collect(paths)
    report.ignored = [str(p) for p in ignored]
    report.failed = [(str(p), "no such file or directory") for p in missing]
    todo = []
    for path in files:
        sha = file_sha256(str(path))
        if sha is not None and store.has(sha):
            report.skipped.append(str(path))
        else:
            todo.append(path)
    with _progress_bar(progress) as bar:
        task = bar.add_task("ingest", total=len(todo))
        for path, (doc, bodies, cause) in _parsed(todo, workers, limits or Limits()):
            bar.update(task, description=path.name)
            if doc is None:
                report.failed.append((str(path), cause))
            else:
                try:
                    stored = _add(store, doc, bodies)
                except Exception as exc:  # the transaction is rolled back; go on
                    report.failed.append((str(path), unexpected(exc)))
                else:
                    (report.added if stored else report.skipped).append(str(path))
                    if stored and doc.warnings:
                        report.warned.append((str(path), doc.warnings))
            bar.advance(task)
    return report
