"""Reading a draft specification (YAML or JSON), checking it against the shipped JSON
Schema, and gathering its data: inline entries, CSV/XLSX files (paths relative to the
spec) and the previous values found in last year's report."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from compose.data import Datum, load_file, make_datum
from compose.errors import SpecError

EXAMPLES = {"gender-mainstreaming": "gender-mainstreaming.yaml"}


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((files("compose") / "data" / "spec.schema.json").read_text("utf-8"))


@dataclass
class Spec:
    path: Path
    raw: dict
    data: dict[str, Datum] = field(default_factory=dict)

    @property
    def base(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        return (self.base / relative).resolve()


def example_path(name: str) -> Path:
    if name not in EXAMPLES:
        raise SpecError(name, f"no such example (choose from {', '.join(EXAMPLES)})")
    return Path(str(files("compose") / "examples" / EXAMPLES[name]))


def _parse(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(path, "spec file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(path, f"cannot read spec ({exc})") from None
    try:
        raw = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise SpecError(path, f"not valid {'JSON' if path.suffix == '.json' else 'YAML'}: "
                              f"{str(exc).splitlines()[0]}") from None
    if not isinstance(raw, dict):
        raise SpecError(path, "a spec is a mapping with masthead and sections")
    return raw


def _validate(path: Path, raw: dict) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SpecError(path, f"invalid spec at {where}: {first.message}{more}")


def _json_safe(raw):
    """YAML turns ``2026-05-12`` into a date; the schema (and JSON) want text."""
    import datetime as dt

    if isinstance(raw, dict):
        return {k: _json_safe(v) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_json_safe(v) for v in raw]
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return raw


def load(path: str | Path) -> Spec:
    """The checked spec with its data gathered (previous values not yet resolved)."""
    path = Path(path)
    raw = _json_safe(_parse(path))
    _validate(path, raw)
    spec = Spec(path=path.resolve(), raw=raw)
    for i, entry in enumerate(raw.get("data", [])):
        if "file" in entry:
            found = load_file(spec.resolve(entry["file"]), entry.get("sheet"))
        else:
            found = [make_datum(entry, {"kind": "spec", "file": path.name, "entry": i},
                                f"{path}, data entry {i + 1}")]
        for datum in found:
            if datum.id in spec.data:
                raise SpecError(path, f"data id {datum.id!r} is given twice")
            spec.data[datum.id] = datum
    return spec
