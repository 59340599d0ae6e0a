"""Reading notes: what a reader got past without refusing the file (a page it skipped,
bytes it replaced). A reader cannot reach the ``Document``, and its signature is shared by
every format, so notes go to the collection that ``corpus.reader.read_blocks`` opens around
one file; ``structure`` puts them first in ``Document.warnings``."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

_NOTES: ContextVar[list[str] | None] = ContextVar("reading_notes", default=None)


def note(message: str) -> None:
    """Record ``message`` for the file being read (ignored outside a collection)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.append(message)


@contextlib.contextmanager
def collecting() -> Iterator[list[str]]:
    """The notes recorded while the block runs, for one file."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
