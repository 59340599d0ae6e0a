"""The exceptions of composing. ``SpecError`` names the file (spec, data file or previous
report) and the cause, so the CLI prints one line instead of a traceback. ``Unplaced`` is
raised inside a template or one of its helpers, which do not know where they are: the
builder adds the spec and the place (section, paragraph, language) before it reaches the
user."""
from __future__ import annotations


class SpecError(Exception):
    """A spec (or a file it names) that cannot be used, and why: a usage error, not a bug."""

    def __init__(self, path, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause


class Unplaced(Exception):
    """A template problem whose place the caller knows (see ``Renderer.at``)."""
