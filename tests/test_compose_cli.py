"""``compose`` and ``draft`` behave as the other commands do: an earlier draft is never
replaced without ``--force``, an edition asked for twice and a missing store are one-line
errors, never a traceback and never an empty store created behind the drafter's back."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKPLAN = ROOT / "corpus" / "samples" / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_compose_refuses_to_overwrite_without_force(tmp_path):
    first = _run("compose", "--example", "gender-mainstreaming", "--lang", "en", "-o", tmp_path,
                 "--no-check")
    assert first.exit_code == 0, first.output
    docx = tmp_path / "E_2026_99.en.docx"
    docx.write_bytes(b"the drafter's edits")
    again = _run("compose", "--example", "gender-mainstreaming", "--lang", "en", "-o", tmp_path,
                 "--no-check")
    assert again.exit_code == 1
    assert again.output == f"error: {docx}: already exists: pass --force to replace it\n"
    assert docx.read_bytes() == b"the drafter's edits"
    forced = _run("compose", "--example", "gender-mainstreaming", "--lang", "en", "-o", tmp_path,
                  "--no-check", "--force")
    assert forced.exit_code == 0 and docx.read_bytes()[:2] == b"PK"


def test_compose_refuses_an_edition_given_twice(tmp_path):
    result = _run("compose", "--example", "gender-mainstreaming", "--lang", "en,en", "-o",
                  tmp_path / "out")
    assert (result.exit_code, result.output) == (
        1, "error: --lang: en given twice: give each edition once\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["compose", "draft"])
def test_a_missing_store_is_an_error(tmp_path, command):
    db = tmp_path / "typo.db"
    source = ["--example", "gender-mainstreaming"] if command == "compose" else [WORKPLAN]
    result = _run(command, *source, "--db", db, "-o", tmp_path / "out")
    assert result.exit_code == 2  # as every command that reads a store says it
    assert result.output.endswith(f"Error: Invalid value for '--db': '{db}' does not exist (a "
                                  f"store is made by 'rapporteur ingest FILES --db {db}')\n")
    assert not db.exists() and not (tmp_path / "out").exists()


def test_draft_refuses_to_overwrite_without_force(tmp_path):
    first = _run("draft", WORKPLAN, "-o", tmp_path)
    assert first.exit_code == 0, first.output
    spec = tmp_path / "DRAFT.yaml"  # the work plan's text has no symbol
    assert sorted(p.name for p in tmp_path.iterdir()) == ["DRAFT-data.csv", "DRAFT.yaml"]
    spec.write_text("# edited by the drafter\n", "utf-8")
    again = _run("draft", WORKPLAN, "-o", tmp_path)
    assert (again.exit_code, again.output) == (
        1, f"error: {spec}: already exists: pass --force to replace it\n")
    assert spec.read_text("utf-8") == "# edited by the drafter\n"
    # another data format writes another data file, but the spec is the same: refused too
    assert _run("draft", WORKPLAN, "-o", tmp_path, "--data-format", "xlsx").exit_code == 1
    forced = _run("draft", WORKPLAN, "-o", tmp_path, "--force")
    assert forced.exit_code == 0 and spec.read_text("utf-8").startswith("# Draft of the next")
