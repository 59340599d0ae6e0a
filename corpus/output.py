"""Files written all or nothing: to a hidden temporary file beside the final name, put in its
place only when complete, so that a failed or interrupted run leaves no half-written file
and never replaces a good one with a broken one. Shared by every command that writes a file
(``compose`` stages several files at once in ``compose.outputs``)."""
from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def temporary(final: str | Path) -> Path:
    """The hidden temporary name beside ``final`` that a writer fills first."""
    final = Path(final)
    return final.with_name(f".{final.name}.{os.getpid()}.part")


def finish(temp: Path, final: str | Path) -> None:
    """Put the complete ``temp`` in place of ``final``."""
    os.replace(temp, final)


def discard(temp: Path) -> None:
    """Remove an incomplete ``temp`` (if it was ever made)."""
    with suppress(OSError):
        temp.unlink()


def write_bytes(path: str | Path, data: bytes) -> None:
    """``Path(path).write_bytes(data)``, all or nothing."""
    temp = temporary(path)
    try:
        temp.write_bytes(data)
        finish(temp, path)
    except BaseException:
        discard(temp)
        raise
