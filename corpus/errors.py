"""The one exception readers raise for input they cannot read: it names the file and the
cause in words a user can act on, so the CLI prints it instead of a traceback."""
from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read, and why: reported against the file, not as a bug."""

    def __init__(self, path: str, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause
