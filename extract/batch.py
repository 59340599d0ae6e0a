"""Extraction over many documents: one bad document never stops the batch.

Each document is read (or taken from the store) and extracted on its own, in worker
processes or on a Dask cluster (``corpus.executors``) when asked; anything that goes wrong is reported as (document, cause) and the
batch goes on. Results come back in input order and are handed to the sinks one document
at a time, so records stream to their outputs and at most ``2 × workers`` documents are in
memory at once.
"""
from __future__ import annotations

import signal
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from corpus.model import Document

# A job is (label, path to read or None, stored document or None).
Job = tuple[str, Path | None, Document | None]
# A result is (label, the document's key or None, records or None, cause of failure or None).
Result = tuple[str, "DocKey | None", list[dict] | None, str | None]


@dataclass(frozen=True)
class DocKey:
    """Which edition the records are of: the store keeps one set per (name, lang), so the
    English and the Chinese edition of a report never replace each other's records."""
    name: str
    lang: str
    sha256: str


@dataclass
class Summary:
    """What a batch did: records per kind, documents done, failures (label, cause)."""
    kinds: Counter = field(default_factory=Counter)
    documents: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    ignored: int = 0  # files in folders that are no reports (e.g. .md, .csv)

    def fail(self, label: str, cause: str) -> None:
        """Record a failure and report it at once (error: DOCUMENT: cause)."""
        import click

        self.failed.append((label, cause))
        click.echo(f"error: {label}: {cause}", err=True)

    def line(self) -> str:
        """The line printed when a batch ends: records per kind, failures, ignored files."""
        per_kind = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items())) or "none"
        text = (f"{sum(self.kinds.values())} records from {self.documents} document(s) "
                f"({per_kind})")
        if self.failed:
            text += f"; {len(self.failed)} failed"
        if self.ignored:
            from corpus.ingest import FOLDER_TYPES

            text += f"; ignored {self.ignored} file(s) in folders (not {', '.join(FOLDER_TYPES)})"
        return text


def extract_job(job: Job, kinds: list[str]) -> Result:
    """Read and extract one document; never raises for a bad document."""
    from corpus.errors import ReadError
    from corpus.reader import read
    from extract import extract

    label, path, doc = job
    try:
        if doc is None:
            doc = read(path)
        from extract import document_lang

        return label, DocKey(doc.name, document_lang(doc), doc.sha256), extract(doc, kinds), None
    except ReadError as exc:
        return label, None, None, exc.cause
    except Exception as exc:  # a reader or rule bug must not hide the other documents
        return label, None, None, f"{type(exc).__name__}: {exc}"


def _context():
    """Fresh worker processes (forkserver, else spawn), not forks: forking a process that
    runs threads (a progress bar, a Dask client, a notebook's) can deadlock, and Python 3.12+
    warns of it."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def run_jobs(jobs: Iterable[Job], kinds: list[str], workers: int = 1,
             executor: str = "local", scheduler: str | None = None) -> Iterator[Result]:
    """Results in the order of ``jobs``, with a bounded number in flight: here, in
    ``workers`` processes, or on a Dask cluster (the one at ``scheduler``, else a local one
    of ``workers`` processes)."""
    if executor == "dask":
        yield from _dask_jobs(jobs, kinds, workers, scheduler)
        return
    if workers <= 1:
        for job in jobs:
            yield extract_job(job, kinds)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_init_worker)
    pending: deque = deque()
    try:
        for job in jobs:
            pending.append((job[0], pool.submit(extract_job, job, kinds)))
            if len(pending) >= 2 * workers:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        pool.shutdown(cancel_futures=True)


def _dask_jobs(jobs: Iterable[Job], kinds: list[str], workers: int,
               scheduler: str | None) -> Iterator[Result]:
    from corpus.executors import Dask, Failed

    labels: deque = deque()  # of the jobs submitted, in order: a failed task's name

    def submitted():
        for job in jobs:
            labels.append(job[0])
            yield job

    with Dask(workers, scheduler) as dask:
        for result in dask.map(extract_job, submitted(), kinds):
            label = labels.popleft()
            yield (label, None, None, result.cause) if isinstance(result, Failed) else result


def _result(label: str, future) -> Result:
    try:
        return future.result()
    except Exception as exc:  # a worker died (e.g. killed for memory)
        return label, None, None, f"{type(exc).__name__}: {exc}"


def file_jobs(paths: Iterable[str], store, summary: Summary) -> Iterator[Job]:
    """Jobs for files and folders (searched like ``ingest`` does); with a store, a PATH
    may also be a stored document's key. Paths that name nothing are failures."""
    from corpus.ingest import collect

    for path in paths:
        doc = store.get(path) if store is not None else None
        if doc is not None:
            yield path, None, doc
            continue
        found, ignored, missing = collect([path])
        summary.ignored += len(ignored)
        if missing:
            summary.fail(path, "no such file or directory" + (
                " and no such document in the store" if store is not None else ""))
        for file in found:
            yield str(file), file, None
