"""Per-document work on a Dask cluster (``--executor dask``), for ``ingest`` and ``extract``.

The parent process submits one task per document and gets the results back in input order,
with a bounded number in flight (so memory stays flat however long the batch); it alone
writes the store or the output files. Without a scheduler address a ``LocalCluster`` of
``workers`` processes is started (and ended) here; with one, the cluster is the user's (the
files must then be visible to its workers at the same paths: a shared filesystem).

A task that fails — an exception, or a worker lost under it (Dask's ``KilledWorker``) —
fails its document only: ``map`` yields a ``Failed`` with the cause and the batch goes on.
Reading on a Dask worker goes through ``corpus.workers`` too (``parse_limited``), so that
a file that hangs or exhausts memory is stopped and reported exactly as on one machine.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.workers import Limits, Workers


@dataclass(frozen=True)
class Failed:
    """A task that raised, or whose worker was lost: the cause, in words."""
    cause: str


class DaskError(Exception):
    """The cluster cannot be reached or started (a usage problem, not a document's)."""


class Dask:
    """A client on ``scheduler`` (an address such as ``tcp://host:8786``), or on a
    ``LocalCluster`` of ``workers`` single-threaded processes when ``scheduler`` is None."""

    def __init__(self, workers: int = 1, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskError("--executor dask needs dask.distributed: "
                            "pip install 'rapporteur[dask]'") from None
        self.cluster = None
        try:
            if scheduler is None:  # its HTTP server on a free port: two runs never clash
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0",
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout="10s")
        except ValueError as exc:  # not an address: 'host' without a port, 'http://...'
            self.close()
            raise DaskError(f"--scheduler {scheduler}: not a Dask scheduler address ({exc}); "
                            "give one such as tcp://host:8786") from None
        except (OSError, TimeoutError) as exc:
            self.close()
            where = scheduler or "a local cluster"
            raise DaskError(f"cannot reach the Dask scheduler at {where}: {exc}") from None

    def close(self) -> None:
        """Close the client and the cluster it started, if any."""
        for part in (getattr(self, "client", None), self.cluster):
            if part is not None:
                part.close()

    def __enter__(self) -> Dask:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def slots(self) -> int:
        """Tasks the cluster runs at once (its workers' threads), at least 1."""
        return max(1, sum(self.client.nthreads().values()))

    def map(self, fn: Callable, items: Iterable, *args) -> Iterator:
        """``fn(item, *args)`` for each item, on the cluster, yielded in the order of
        ``items`` (a ``Failed`` where the task failed); at most 2 × slots in flight."""
        window = 2 * self.slots()
        pending: deque = deque()
        for item in items:
            pending.append(self.client.submit(fn, item, *args, pure=False))
            if len(pending) >= window:
                yield _outcome(pending.popleft())
        while pending:
            yield _outcome(pending.popleft())


def _outcome(future):
    try:
        return future.result()
    except Exception as exc:  # the task raised, or its worker was lost (KilledWorker)
        return Failed(f"the Dask worker failed on it ({type(exc).__name__}: {exc})")
    finally:
        future.release()


_local = threading.local()  # one reading process per Dask worker thread


def parse_limited(path: str, limits: Limits):
    """``corpus.ingest.parse`` of ``path`` in this thread's reading process (started on
    first use, kept for the worker's life) under ``limits``; runs on a Dask worker."""
    if not Path(path).exists():
        return None, None, ("no such file on the Dask worker (the workers must see the "
                            "input files at the same paths: a shared filesystem)")
    pool = getattr(_local, "pool", None)
    if pool is None or pool.limits != limits:
        if pool is not None:
            pool.__exit__(None, None, None)
        pool = _local.pool = Workers(1, limits)
    return next(pool.map([Path(path)]))
