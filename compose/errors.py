"""The one exception for a draft that cannot be composed: it names the file (spec, data
file or previous report) and the cause, so the CLI prints it instead of a traceback."""
from __future__ import annotations


class SpecError(Exception):
    def __init__(self, path, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause
