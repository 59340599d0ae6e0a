"""Batch ingest: find the files, parse them (in worker processes when asked), store whole
documents in transactions of up to 16 (a document that breaks one is retried alone), and
account for every file.

One bad file never stops the batch: readers raise ``ReadError`` with a cause a user can act
on, and anything else a reader throws is caught here too and reported as an unexpected
error, so the other files are still stored. Each file is read in a worker process with a
time and a memory limit (``corpus.workers``), so that a hostile file costs its own reading
only; the workers end with the batch, however it ends. Files whose content (sha256) is already stored
are skipped before parsing, which makes re-running an interrupted batch cheap. Only the
parent process writes to SQLite; workers parse and pre-segment the search text, and go on
reading while the parent stores. With ``executor="dask"`` the reading runs on a Dask
cluster instead (``corpus.executors``), under the same limits.
"""
from __future__ import annotations

import contextlib
import sqlite3
import sys
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
# (document, (its search texts, its JSON) or None, why it failed or None): the worker does
# the per-document work, the parent only writes
Parsed = tuple[Document | None, tuple[list[str], str] | None, str | None]


@dataclass
class IngestReport:
    """What became of each file of one ``ingest`` run: added, skipped, failed or ignored."""
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, cause)
    ignored: list[str] = field(default_factory=list)  # files in folders of other types
    warned: list[tuple[str, list[str]]] = field(default_factory=list)  # added, with warnings
    pages: int = 0  # pages of the added documents

    def summary(self) -> str:
        """The run in one line of counts, for the end of ``ingest``."""
        text = (f"added {len(self.added)}, skipped {len(self.skipped)} (already stored), "
                f"failed {len(self.failed)}")
        if self.ignored:
            text += f", ignored {len(self.ignored)} (not {', '.join(FOLDER_TYPES)})"
        if self.warned:
            text += f"; {len(self.warned)} of the added read with warnings"
        return text

    def to_dict(self) -> dict:
        """Every file by what became of it, and why: for ``ingest --json``."""
        return {"added": self.added, "pages": self.pages,
                "skipped": [{"path": p, "reason": "already stored (same content)"}
                            for p in self.skipped],
                "failed": [{"path": p, "cause": c} for p, c in self.failed],
                "ignored": [{"path": p, "reason": f"not {', '.join(FOLDER_TYPES)} (in a folder)"}
                            for p in self.ignored],
                "warned": [{"path": p, "warnings": w} for p, w in self.warned]}


def collect(paths: Iterable[str | Path], exclude: Iterable[Path] = ()
            ) -> tuple[list[Path], list[Path], list[Path]]:
    """(files to read, ignored files, missing paths). A file named on its own is always
    read, so that an unsupported type is reported; inside folders (searched recursively,
    hidden entries skipped) only ``FOLDER_TYPES`` are taken, and the ``exclude`` files
    (the store being written, with its journal) are passed over without a word."""
    files: list[Path] = []
    ignored: list[Path] = []
    missing: list[Path] = []
    seen: set[Path] = set()
    passed = {p.resolve() for p in exclude}
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
            if file.resolve() in seen or (in_folder and file.resolve() in passed):
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
        return doc, (search_bodies(doc), doc.to_json()), None
    except ReadError as exc:
        return None, None, exc.cause
    except Exception as exc:  # a reader bug must not kill the batch
        return None, None, unexpected(exc)


def unexpected(exc: BaseException) -> str:
    """The cause of an exception no reader foresaw, in words, naming its type."""
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


def _parsed(files: list[Path], workers: int, limits: Limits, executor: str = "local",
            scheduler: str | None = None) -> Iterator[tuple[Path, Parsed]]:
    """(path, parse result) in the order of ``files``, each file read in a worker process
    under ``limits``: here, or on a Dask cluster (``executor="dask"``)."""
    if not files:
        return
    if executor == "dask":
        from corpus.executors import Dask, Failed, parse_limited

        with Dask(workers, scheduler) as dask:
            for path, result in zip(files, dask.map(parse_limited, map(str, files), limits)):
                yield path, ((None, None, result.cause) if isinstance(result, Failed)
                             else result)
        return
    with Workers(min(workers, len(files)), limits) as pool:
        yield from zip(files, pool.map(files))


def _add(store: Store, items: list[tuple[Document, list[str], str]], tries: int = 8) -> list[bool]:
    """``store.add_many``, waiting for another writer (a second ``ingest`` on the same
    store) beyond SQLite's own busy timeout: the transaction was rolled back, so it is
    retried."""
    for attempt in range(tries - 1):
        try:
            return store.add_many(items)
        except sqlite3.OperationalError as exc:
            if not ("locked" in str(exc) or "busy" in str(exc)):
                raise
            time.sleep(0.2 * 2**attempt)
    return store.add_many(items)


# documents a transaction (FTS5 merges its index once a commit: 0.88 of the parent's
# writing CPU, benchmarks/store_bench.py), or fewer when reading them takes long: an
# interrupted run loses no more than that
BATCH, BATCH_SECONDS = 16, 5.0


def _store(store: Store, batch: list[tuple[Path, Document, tuple[list[str], str]]],
           report: IngestReport) -> None:
    """Write a batch of read documents in one transaction; if it fails, each on its own,
    so that only the document at fault is reported failed (with its cause)."""
    items = [(doc, *prepared) for _, doc, prepared in batch]
    try:
        results: list[bool | str] = list(_add(store, items))
    except Exception:  # rolled back: nothing of the batch is written
        results = []
        for item in items:
            try:
                results.append(_add(store, [item])[0])
            except Exception as exc:  # the transaction is rolled back; go on
                results.append(unexpected(exc))
    for (path, doc, _), stored in zip(batch, results):
        if isinstance(stored, str):
            report.failed.append((str(path), stored))
            continue
        (report.added if stored else report.skipped).append(str(path))
        if stored:
            report.pages += doc.pages or 0
        if stored and doc.warnings:
            report.warned.append((str(path), doc.warnings))
    batch.clear()


PROGRESS_SECONDS = 10  # a piped run's progress line, at most this often


class _Lines:
    """Progress for a pipe or a log: one line on standard error every ``PROGRESS_SECONDS``
    (a long run is seen to be alive without flooding the log)."""

    def __init__(self, total: int):
        self.total, self.done, self.pages = total, 0, 0
        self.start = self.last = time.monotonic()

    def advance(self, pages: int) -> None:
        self.done += 1
        self.pages += pages
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS and self.done < self.total:
            self.last = now
            print(f"ingest: {self.done} of {self.total} files, {self.pages} pages read, "
                  f"{now - self.start:.0f} s", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _progress(enabled: bool, total: int):
    """``advance(name, pages)`` after each file: a rich bar on a terminal, else lines."""
    if not enabled:
        yield lambda name, pages: None
        return
    if not sys.stderr.isatty():
        lines = _Lines(total)
        yield lambda name, pages: lines.advance(pages)
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda name, pages: bar.update(task, description=name, advance=1)


def ingest(store: Store, paths: Iterable[str | Path], workers: int = 1,
           progress: bool = False, limits: Limits | None = None, executor: str = "local",
           scheduler: str | None = None) -> IngestReport:
    """Read files and folders into ``store``; see the module docstring. Each file is read in
    a worker process under ``limits`` (time and memory, ``corpus.limits`` by default): a
    file that exceeds one is reported by name and the batch goes on. ``executor="dask"``
    reads on a Dask cluster: the one at ``scheduler``, else a local one of ``workers``
    processes. ``progress`` shows a bar on a terminal, else a line every 10 s."""
    report = IngestReport()
    own = [store.path.with_name(store.path.name + end) for end in ("", "-wal", "-shm", "-journal")]
    files, ignored, missing = collect(paths, exclude=own)
    report.ignored = [str(p) for p in ignored]
    report.failed = [(str(p), "no such file or directory") for p in missing]
    todo = []
    for path in files:
        sha = file_sha256(str(path))
        if sha is not None and store.has(sha):
            report.skipped.append(str(path))
        else:
            todo.append(path)
    batch: list[tuple[Path, Document, tuple[list[str], str]]] = []
    opened = time.monotonic()
    with _progress(progress, len(todo)) as advance:
        for path, (doc, prepared, cause) in _parsed(todo, workers, limits or Limits(), executor,
                                                  scheduler):
            if doc is None:
                report.failed.append((str(path), cause))
            else:
                if not batch:
                    opened = time.monotonic()
                batch.append((path, doc, prepared))
                if len(batch) == BATCH or time.monotonic() - opened > BATCH_SECONDS:
                    _store(store, batch, report)
            advance(path.name, (doc.pages or 0) if doc else 0)
        if batch:
            _store(store, batch, report)
    if report.added:
        from corpus.ranking import prepare

        prepare(store.conn)  # ranking lists for the words that became common (corpus.ranking)
    return report
