"""No traceback, ever, from the CLI: one line ``error: FILE: cause`` and a documented exit
code; a failure no command foresaw is reported as a bug with the command that shows its
traceback (``rapporteur --debug ...``)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import corpus.structure
from corpus.cli import BUG, main

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
ZH = SHARED / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"


@pytest.fixture
def zh() -> Path:
    if not ZH.exists():
        pytest.skip(f"shared sample absent: {ZH}")
    return ZH


def _broken_structure(*args, **kwargs):
    return {}["no such key"]  # stands in for a bug in the structurer


def test_a_reader_bug_is_one_line_naming_the_file_and_the_place(zh, monkeypatch):
    monkeypatch.setattr(corpus.structure, "structure", _broken_structure)
    result = CliRunner().invoke(main, ["show", str(zh)])
    assert result.exit_code == 1
    assert result.stdout == ""
    line = _broken_structure.__code__.co_firstlineno + 1
    assert result.stderr == (
        f"error: {zh}: the reader failed on it (KeyError at tests/test_faults_cli.py:{line}: a bug "
        f"in Rapporteur, please report it; 'rapporteur --debug show FILE' shows the traceback)\n")


def test_debug_lets_the_traceback_through(zh, monkeypatch):
    monkeypatch.setattr(corpus.structure, "structure", _broken_structure)
    result = CliRunner().invoke(main, ["--debug", "show", str(zh)])
    assert isinstance(result.exception, KeyError)


def test_an_unforeseen_failure_is_reported_as_a_bug_with_the_rerun_command(zh, monkeypatch):
    import corpus.reader

    def boom(path):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(corpus.reader, "read", boom)
    result = CliRunner().invoke(main, ["show", str(zh), "--json"])
    assert result.exit_code == BUG == 70
    assert result.stderr == (
        "error: unexpected failure, a bug in Rapporteur (ZeroDivisionError: float division by "
        f"zero); for the traceback, run: rapporteur --debug show {zh} --json\n")


def test_an_os_error_names_its_file(zh, tmp_path, monkeypatch):
    import corpus.reader

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(corpus.reader, "read", denied)
    result = CliRunner().invoke(main, ["show", str(zh)])
    assert (result.exit_code, result.stderr) == (1, f"error: {zh}: Permission denied\n")


def test_the_exit_codes_are_documented():
    result = CliRunner().invoke(main, ["--help"])
    assert "Exit codes: 0 done; 1 an input could not be read or written (error: FILE:" in \
        " ".join(result.stdout.split())
    assert "70 a bug in Rapporteur (re-run with --debug for the traceback)" in \
        " ".join(result.stdout.split())
