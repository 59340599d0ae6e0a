"""Writing a run's files all or nothing: each is written to a hidden temporary file next
to its final name and renamed only when every file of the run is complete, so a failed run
leaves no half-written file and never replaces a good draft with a broken one."""
from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from compose.errors import SpecError


def refuse_existing(paths, force: bool) -> None:
    """A run never replaces a drafter's earlier files silently: without ``force`` an
    existing output is an error naming it."""
    for path in paths:
        if not force and Path(path).exists():
            raise SpecError(path, "already exists: pass --force to replace it")


def existing_store(db) -> None:
    """``--db`` names a store to read: a missing file is an error, never a new empty
    store (opening a store creates it)."""
    if db is not None and not Path(db).is_file():
        raise SpecError(db, f"no such store (build one with rapporteur ingest --db {db})")


class Staged:
    """``with Staged() as staged: write(staged.path(final))``; renames on success,
    removes the temporary files on any failure."""

    def __init__(self):
        self.pending: list[tuple[Path, Path]] = []

    def path(self, final: Path) -> Path:
        """The temporary path to write ``final`` to; renamed to ``final`` on success."""
        temp = final.with_name(f".{final.name}.{os.getpid()}.part")
        self.pending.append((temp, final))
        return temp

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            try:
                for temp, final in self.pending:
                    os.replace(temp, final)
                return
            except OSError as error:
                exc = error
        for temp, _ in self.pending:
            with suppress(OSError):  # never made, or a name the system refuses
                temp.unlink()
        if isinstance(exc, OSError):
            finals = {str(temp): final for temp, final in self.pending}
            name = finals.get(str(exc.filename), exc.filename or "output")
            raise SpecError(name, f"cannot write ({exc.strerror or exc})") from None
