"""Worker processes that read one file at a time under a time and a memory limit.

Why not ``concurrent.futures``: a pool cannot stop one task that hangs (a crafted file),
a worker that dies takes the whole pool with it, and its workers re-import the caller's
``__main__`` (a script, a notebook). Here each worker is ``python -m corpus.workers``, a
child process on a socket: a file that runs past its time is ended by killing its worker (which is replaced),
a file that exhausts the worker's address space fails alone, and every such file is
reported by name. Workers end with their parent however it ends: on Linux the kernel sends
them SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a thread watches the parent.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from corpus import limits


@dataclass(frozen=True)
class Limits:
    """What one file's reading may use: seconds of time and bytes of memory (0: no limit)."""
    seconds: float = limits.FILE_SECONDS
    memory: int = limits.FILE_MEMORY  # bytes of address space; 0: none


def _end_with_parent(parent: int) -> None:
    """Make sure this process does not outlive ``parent``."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        def watch():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the signal was armed
        os._exit(1)


def _serve(conn: Connection, parent: int, memory: int) -> None:
    """A worker: announce readiness, then parse the paths received until told to stop."""
    from corpus.ingest import parse, warm_up

    _end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, resource.getrlimit(resource.RLIMIT_AS)[1]))
    warm_up()
    conn.send("ready")
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(parse(Path(path)))


class _Worker:
    def __init__(self, limits: Limits):
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        quiet = None if os.environ.get("RAPPORTEUR_DEBUG") else subprocess.DEVNULL
        with theirs:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "corpus.workers", str(theirs.fileno()),
                 str(os.getpid()), str(limits.memory)],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=quiet, env=env)
        self.conn = Connection(ours.detach())
        self.task: tuple[int, Path, float] | None = None  # (index, path, deadline)
        self.ready = False

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.conn.close()


class Workers:
    """``n`` workers; ``map(files)`` yields each file's parse result in order."""

    def __init__(self, n: int, limits: Limits):
        self.limits = limits
        self.workers = [_Worker(limits) for _ in range(n)]

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None:
                with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                    worker.conn.send(None)
                    worker.proc.wait(timeout=2)
            worker.kill()

    def _died(self, worker: _Worker) -> str:
        code = worker.proc.wait() or 0
        how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
        memory = f" (or ran out of its {self.limits.memory // 2**20} MB)" if self.limits.memory else ""
        return f"the reading process crashed on it ({how}){memory}"

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.limits)

    def _dispatch(self, pending: deque) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and pending:
                index, path = pending.popleft()
                worker.conn.send(str(path))
                worker.task = (index, path, time.monotonic() + self.limits.seconds)

    def map(self, files: list[Path]):
        """Parse results in the order of ``files``. Between the results it hands over, it
        takes in what the workers finished and gives them their next file, so that they
        read while the caller stores (else the caller's writes and the workers' reading
        take turns)."""
        pending = deque(enumerate(files))
        results: dict[int, tuple] = {}
        done = 0
        while done < len(files):
            self._poll(pending, results, block=True)
            while done in results:
                yield results.pop(done)
                done += 1
                self._poll(pending, results, block=False)

    def _poll(self, pending: deque, results: dict, block: bool) -> None:
        """Give idle workers a file; take in the results that are there (waiting for one,
        or for the next deadline, when ``block``); stop the files past their time."""
        self._dispatch(pending)
        deadlines = [w.task[2] for w in self.workers if w.task]
        timeout = (max(0.0, min(deadlines) - time.monotonic()) if deadlines else None) \
            if block else 0
        for conn in wait([w.conn for w in self.workers], timeout):
            worker = next(w for w in self.workers if w.conn is conn)
            try:
                message = conn.recv()
            except (EOFError, OSError):
                if worker.task is None:  # a worker that cannot even start
                    raise RuntimeError(f"a reading process could not start: {self._died(worker)}")
                results[worker.task[0]] = (None, None, self._died(worker))
                self._replace(worker)
                continue
            if message == "ready":
                worker.ready = True
            else:
                results[worker.task[0]] = message
                worker.task = None
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task and worker.task[2] <= now:
                results[worker.task[0]] = (None, None, f"reading it took longer than "
                                           f"{self.limits.seconds:g} s (the time limit): stopped")
                self._replace(worker)
        self._dispatch(pending)

if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3]))
