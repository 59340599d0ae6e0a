"""Reading a draft specification (YAML or JSON), checking it against the shipped JSON
Schema, and gathering its data: inline entries, CSV/XLSX files (paths relative to the
spec) and the previous values found in last year's report.

Specs travel between drafters, so reading one is guarded: YAML aliases may not expand
into more than ``MAX_NODES`` nodes (a 1 KB "billion laughs" would otherwise take
gigabytes in the schema check), and every file a spec names must lie inside the spec's
folder unless the user allows otherwise (``--allow-outside``)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from compose.data import Datum, check_text, load_file, make_datum
from compose.errors import SpecError

EXAMPLES = {"gender-mainstreaming": "gender-mainstreaming.yaml"}
MAX_NODES = 100_000  # the 10-paragraph example has 191
MAX_DEPTH = 32  # a spec nests 8 levels deep
MAX_BYTES = 10_000_000  # the example is 6 KB


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON schema of a spec, read once."""
    return json.loads((files("compose") / "data" / "spec.schema.json").read_text("utf-8"))


@dataclass
class Spec:
    """A spec as loaded: its path, its raw content and its data by id."""
    path: Path
    raw: dict
    data: dict[str, Datum] = field(default_factory=dict)
    allow_outside: bool = False

    @property
    def languages(self) -> list[str]:
        """The languages to compose: those the spec names, else English and Chinese."""
        return self.raw.get("languages") or ["en", "zh"]

    @property
    def base(self) -> Path:
        """The spec's folder: the files it names are found there."""
        return self.path.parent

    def resolve(self, relative: str, what: str) -> Path:
        """``relative`` to the spec's folder; symbolic links are followed before the check,
        so a link inside the folder does not lead outside it."""
        path = (self.base / relative).resolve()
        if not self.allow_outside and not path.is_relative_to(self.base):
            raise SpecError(self.path, f"{what} {relative!r} is outside the spec's folder "
                                       f"{self.base} (pass --allow-outside to use it)")
        return path


def example_path(name: str) -> Path:
    """The path of the bundled example ``name``; a spec error when there is none."""
    if name not in EXAMPLES:
        raise SpecError(name, f"no such example (choose from {', '.join(EXAMPLES)})")
    return Path(str(files("compose") / "examples" / EXAMPLES[name]))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _bound_aliases(root: yaml.Node, path: Path) -> None:
    """Nodes the document has once every alias is expanded, counted without expanding
    (each node's size is computed once, iteratively); an alias inside its own anchor is
    refused, since it would expand for ever."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > MAX_NODES:
                raise SpecError(path, f"{_at(node.start_mark)}: YAML aliases expand to more "
                                      f"than {MAX_NODES:,} nodes")
        elif key in open_nodes:
            raise SpecError(path, f"{_at(node.start_mark)}: a YAML alias refers to itself")
        elif key not in sizes:
            open_nodes.add(key)
            stack.append((node, True))
            stack += [(c, False) for c in _children(node)]
    return sizes[id(root)]


def _at(mark) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _load_yaml(text: str, path: Path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _bound_aliases(node, path)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at {_at(mark)}" if mark else ""
        raise SpecError(path, f"not valid YAML{where}: "
                              f"{exc.problem or exc.context or 'cannot be read'}") from None
    except yaml.YAMLError as exc:
        raise SpecError(path, f"not valid YAML: {str(exc).splitlines()[0]}") from None
    finally:
        loader.dispose()


def _parse(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SpecError(path, f"a spec is at most {MAX_BYTES:,} bytes")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(path, "spec file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(path, f"cannot read spec ({exc})") from None
    try:
        raw = json.loads(text) if path.suffix.lower() == ".json" else _load_yaml(text, path)
    except json.JSONDecodeError as exc:
        raise SpecError(path, f"not valid JSON at line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg}") from None
    except (RecursionError, ValueError) as exc:  # nesting thousands deep, 5,000-digit ints
        cause = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise SpecError(path, f"cannot be read: {cause}") from None
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


def _json_safe(raw, path: Path, where: tuple = ()):
    """YAML turns ``2026-05-12`` into a date; the schema (and JSON) want text. Nesting
    deeper than any spec needs is refused here, before the schema check recurses, and so
    is text a Word file cannot hold."""
    import datetime as dt

    if len(where) > MAX_DEPTH:
        raise SpecError(path, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(raw, dict):
        return {k: _json_safe(v, path, (*where, k)) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_json_safe(v, path, (*where, i)) for i, v in enumerate(raw)]
    if isinstance(raw, str):
        return check_text(raw, path, "/".join(map(str, where)) or "the spec")
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return raw


def _check_languages(raw, langs: list[str], path: Path, where: tuple = ()) -> None:
    """Every text given by language ({en: ..., zh: ...}) has each language of the spec."""
    if isinstance(raw, dict) and raw and set(raw) <= {"en", "zh"} and \
            all(isinstance(v, str) for v in raw.values()):
        missing = [lang for lang in langs if lang not in raw]
        if missing:
            raise SpecError(path, f"{'/'.join(map(str, where))}: no {' or '.join(missing)} "
                                  f"text (the spec's languages are {', '.join(langs)})")
    elif isinstance(raw, dict):
        for k, v in raw.items():
            _check_languages(v, langs, path, (*where, k))
    elif isinstance(raw, list):
        for i, v in enumerate(raw):
            _check_languages(v, langs, path, (*where, i))


def load(path: str | Path, allow_outside: bool = False) -> Spec:
    """The checked spec with its data gathered (previous values not yet resolved).
    ``allow_outside``: data and previous-report files may lie outside the spec's folder."""
    path = Path(path)
    raw = _json_safe(_parse(path), path)
    _validate(path, raw)
    spec = Spec(path=path.resolve(), raw=raw, allow_outside=allow_outside)
    _check_languages(raw, spec.languages, path)
    for i, entry in enumerate(raw.get("data", [])):
        if "file" in entry:
            found = load_file(spec.resolve(entry["file"], f"data file {i + 1}"),
                              entry.get("sheet"))
        else:
            found = [make_datum(entry, {"kind": "spec", "file": path.name, "entry": i},
                                f"{path}, data entry {i + 1}")]
        for datum in found:
            if datum.id in spec.data:
                raise SpecError(path, f"data id {datum.id!r} is given twice")
            spec.data[datum.id] = datum
    return spec
