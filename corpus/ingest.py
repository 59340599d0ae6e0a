"""Batch ingest: find the files, parse them (in worker processes when asked), store each
document in its own transaction, and account for every file.

One bad file never stops the batch: readers raise ``ReadError`` with a cause a user can act
on, and anything else a reader throws is caught here too and reported as an unexpected
error, so the other files are still stored. Files whose content (sha256) is already stored
are skipped before parsing, which makes re-running an interrupted batch cheap. Only the
parent process writes to SQLite; workers parse and pre-segment the search text.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.errors import ReadError
from corpus.model import Document
from corpus.reader import EXTENSIONS
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


def _warm_worker() -> None:
    """A worker's start-up; Ctrl-C is left to the parent, which stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


def _pool_context():
    """Workers start from a clean server process (``forkserver``), or are spawned where
    there is none: forking the caller is unsafe once it runs threads (a notebook, a GUI;
    Python 3.12+ warns), and each worker warms itself up anyway."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _parsed(files: list[Path], workers: int) -> Iterator[tuple[Path, Parsed]]:
    """(path, parse result) in the order of ``files``."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield path, parse(path)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                               initializer=_warm_worker)
    done = 0
    try:
        for result in pool.map(parse, files):
            yield files[done], result
            done += 1
    except BrokenProcessPool as exc:  # a worker died (e.g. killed for memory)
        for path in files[done:]:
            yield path, (None, None, unexpected(exc))
    finally:  # on Ctrl-C, don't parse the files still queued
        pool.shutdown(cancel_futures=True)


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
           progress: bool = False) -> IngestReport:
    """Read files and folders into ``store``; see the module docstring."""
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
        for path, (doc, bodies, cause) in _parsed(todo, workers):
            bar.update(task, description=path.name)
            if doc is None:
                report.failed.append((str(path), cause))
            else:
                try:
                    stored = store.add(doc, bodies)
                except Exception as exc:  # the transaction is rolled back; go on
                    report.failed.append((str(path), unexpected(exc)))
                else:
                    (report.added if stored else report.skipped).append(str(path))
                    if stored and doc.warnings:
                        report.warned.append((str(path), doc.warnings))
            bar.advance(task)
    return report
