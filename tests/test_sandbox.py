"""Specs are data, not code: the escapes a tester tried on ``rapporteur compose`` (run a
command, read a file, loop or allocate without end, a YAML alias bomb, files outside the
spec's folder, a share over zero) are each tried for real through the CLI, and each must
end in one clear line naming the spec and the place — quickly, and without running
anything or leaving a half-written draft."""
import errno
import os
import shutil
import time
from pathlib import Path

import jinja2
import pytest
import yaml
from click.testing import CliRunner

from corpus.cli import main

CSV = (Path(__file__).resolve().parent.parent / "compose" / "examples"
       / "gender-mainstreaming-data.csv")


def _spec(en: str, data=None, **extra) -> dict:
    return {
        "masthead": {"symbol": "A/81/999", "organ": "general-assembly", "date": "2026-07-27",
                     "session": {"number": 81},
                     "title": {"en": "Test report", "zh": "测试报告"}},
        "data": data or [{"file": "data.csv"}],
        "sections": [{"heading": {"en": "Introduction", "zh": "导言"},
                      "paragraphs": [{"text": {"en": "A first paragraph.", "zh": "第一段。"}}]},
                     {"heading": {"en": "Results", "zh": "结果"},
                      "paragraphs": [{"text": {"en": en, "zh": "结果。"}}]}],
        **extra,
    }


def _write(folder: Path, spec: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CSV, folder / "data.csv")
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), "utf-8")
    return path


def _compose(path: Path, out: Path, *extra):
    start = time.monotonic()
    result = CliRunner().invoke(main, ["compose", str(path), "-o", str(out), "--no-check",
                                       *extra])
    return result, time.monotonic() - start


def _refused(result, path: Path, place: str, cause: str) -> None:
    """Exit 1 and one line: ``error: SPEC: PLACE: ...CAUSE...``; no traceback."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {path}: {place}: "), lines[0]
    assert cause in lines[0], lines[0]


# -- templates ---------------------------------------------------------------------------
def test_the_command_payload_runs_outside_the_sandbox(tmp_path):
    """The payload used below is a real escape: plain Jinja2 runs it."""
    marker = tmp_path / "ran"
    template = f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}"
    jinja2.Environment().from_string(template).render()
    assert marker.exists()


@pytest.mark.parametrize("template, cause", [
    ("{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
     "access to attribute '__init__'"),
    ("{{ share.__globals__['os'].popen('touch MARKER') }}", "access to attribute '__globals__'"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "access to attribute '__class__'"),
    ("{{ d.ratings_met.datum.origin }}", "access to attribute 'datum'"),
    ("{{ self._TemplateReference__context }}", "access to attribute '_TemplateReference__context'"),
    ("{{ lipsum(10**8) }}", "'lipsum' is undefined"),
    ("{{ '{:>999999999}'.format(1) }}", "access to attribute 'format'"),
])
def test_no_escape_runs_code(tmp_path, template, cause):
    marker = tmp_path / "MARKER"
    path = _write(tmp_path, _spec(template.replace("MARKER", str(marker))))
    result, _ = _compose(path, tmp_path / "out")
    _refused(result, path, "section 2, paragraph 2 (en)", cause)
    assert not marker.exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("template", [
    "{{ open('SECRET').read() }}",
    "{% include 'SECRET' %}",
    "{% import 'SECRET' as s %}",
    "{% extends 'SECRET' %}",
])
def test_no_file_is_read(tmp_path, template):
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes", "utf-8")
    path = _write(tmp_path, _spec(template.replace("SECRET", str(secret))))
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1 and "the launch codes" not in result.output
    assert "section 2, paragraph 2 (en)" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("template, cause", [
    ("{% for i in range(10**8) %}.{% endfor %}", "range(100000000) has more than 10,000 items"),
    ("{{ 'x' * 3e9 }}", "would make 3,000,000,000 characters"),
    ("{{ 'x' * 3000000000 }}", "would make 3,000,000,000 characters"),
    ("{{ ['x'] * 10**9 }}", "would make 1,000,000,000 characters or items"),
    ("{{ 10 ** 100000 }}", "is too large a number"),
    ("{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
     "more than 10,000 loop steps and calls"),
    ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
     "more than 10,000 loop steps and calls"),
    ("{% macro f(s, n) %}{{ f(s ~ s, n - 1) if n else s }}{% endmacro %}{{ f('x', 40) }}",
     "joining text with ~ would make 131,072 characters"),
    ("{% set s = 'x' * 90000 %}{% for i in range(5000) %}{{ s }}{% endfor %}",
     "makes more than 1,000,000 characters"),
    ("{% set s %}{% for i in range(5000) %}{{ 'x' * 90000 }}{% endfor %}{% endset %}.",
     "makes more than 1,000,000 characters"),
    ("{{ (['x' * 90000] * 100)|join }}", "|join would make 9,000,000 characters"),
    ("{{ '%999999999d' % 1 }}", "'%' formatting is not available"),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "recursive loops"),
])
def test_limits_refuse_quickly_naming_the_place(tmp_path, template, cause):
    path = _write(tmp_path, _spec(template))
    result, seconds = _compose(path, tmp_path / "out")
    _refused(result, path, "section 2, paragraph 2 (en)", cause)
    assert seconds < 5


def test_the_vocabulary_still_works_in_the_sandbox(tmp_path):
    """Loops, macros, ~, the data and the documented filters all render."""
    template = ("{% macro pair(a, b) %}{{ a }} and {{ b }}{% endmacro %}"
                "{{ d.ratings_met.subject|capfirst }} {{ d.ratings_met|change }}; "
                "{% for i in range(3) %}{{ i ~ ('.' if loop.last else ',') }}{% endfor %} "
                "{{ pair(d['entities_total']|fig, share(d.entities_reporting, d.entities_total)) }}"
                " ({{ [lang|upper, 'x'|upper]|join('/') }}).")
    path = _write(tmp_path, _spec(template))
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 0, result.output
    from docx import Document

    texts = [p.text for p in Document(tmp_path / "out" / "A_81_999.en.docx").paragraphs]
    assert ("2.\tThe share of performance indicator ratings that met or exceeded requirements "
            "increased from 66.5 per cent in 2024 to 68.2 per cent in 2025; 0,1,2. 78 and 92.3 "
            "per cent (EN/X).") in texts


# -- errors in helpers, and what is left on disk ---------------------------------------
def test_share_over_zero_is_one_line_and_writes_nothing(tmp_path):
    data = [{"id": "part", "value": 3}, {"id": "whole", "value": 0}]
    path = _write(tmp_path, _spec("A share of {{ share(d.part, d.whole) }}.", data=data))
    out = tmp_path / "out"
    result, _ = _compose(path, out)
    _refused(result, path, "section 2, paragraph 2 (en)",
             "share(d.part, d.whole): d.whole is zero, so there is no share")
    assert not out.exists()


def test_a_failed_write_leaves_the_previous_drafts_untouched(tmp_path, monkeypatch):
    """The disk fills up while the second file is written: the drafts of the last good run
    stay as they were and no temporary file is left behind."""
    from compose import provenance

    path = _write(tmp_path, _spec("Nothing to compute."))
    out = tmp_path / "out"
    result, _ = _compose(path, out)
    assert result.exit_code == 0, result.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == ["A_81_999.en.docx", "A_81_999.en.provenance.json",
                              "A_81_999.zh.docx", "A_81_999.zh.provenance.json"]

    def full_disk(data, target):
        target.write_text('{"document": ', "utf-8")  # half a file, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(provenance, "write", full_disk)
    path.write_text(path.read_text("utf-8").replace("Nothing to compute.", "Changed."), "utf-8")
    result, _ = _compose(path, out, "--force")
    assert result.exit_code == 1
    assert result.output.strip() == (f"error: {out / 'A_81_999.en.provenance.json'}: "
                                     f"cannot write ({os.strerror(errno.ENOSPC)})")
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# -- YAML ------------------------------------------------------------------------------
def _bomb(levels: int = 9) -> str:
    lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, levels):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    text = _bomb()
    assert len(text) < 1024
    path = tmp_path / "bomb.yaml"
    path.write_text(text, "utf-8")
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip() == (f"error: {path}: line 6, column 4: YAML aliases expand "
                                     "to more than 100,000 nodes")
    from compose import SpecError, spec

    start = time.monotonic()
    with pytest.raises(SpecError):
        spec.load(path)
    assert time.monotonic() - start < 0.1  # 5.8 GB and over 120 s before the bound


def test_aliases_within_the_bound_still_load(tmp_path):
    """Anchors are legitimate YAML: a spec may reuse a bilingual heading."""
    spec = _spec("Text.")
    text = yaml.safe_dump(spec, allow_unicode=True)
    text = text.replace("- heading:\n    en: Results\n    zh: 结果\n", "- heading: *intro\n")
    text = text.replace("- heading:\n    en: Introduction\n    zh: 导言\n",
                        "- heading: &intro\n    en: Introduction\n    zh: 导言\n")
    assert text.count("*intro") == 1 and text.count("&intro") == 1
    _write(tmp_path, spec).write_text(text, "utf-8")
    result, _ = _compose(tmp_path / "spec.yaml", tmp_path / "out")
    assert result.exit_code == 0, result.output
    from docx import Document

    texts = [p.text for p in Document(tmp_path / "out" / "A_81_999.zh.docx").paragraphs]
    assert texts.count("一.\t导言") == 1 and texts.count("二.\t导言") == 1


@pytest.mark.parametrize("text, cause", [
    ("a: &a [*a]\n", "line 1, column 4: a YAML alias refers to itself"),
    ("masthead:\n  symbol: [A/1\nsections: []\n",
     "not valid YAML at line 3, column 9: did not find expected ',' or ']'"),
    ("masthead: {symbol: x}\n  bad: indent\n",
     "not valid YAML at line 2, column 3: did not find expected key"),
    ("[" * 2000 + "\n", "not valid YAML at line 1, column 1"),
    ("a: " + "[" * 500 + "]" * 500 + "\n", "nested more than 32 levels deep"),
    ("date: 2026-13-45\n", "cannot be read: month must be in 1..12"),
])
def test_malformed_yaml_keeps_line_and_column(tmp_path, text, cause):
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().startswith(f"error: {path}: ")
    assert cause in result.output


def test_malformed_json_keeps_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"masthead": {\n  "symbol": 1,,\n}}', "utf-8")
    result, _ = _compose(path, tmp_path / "out")
    assert result.output.strip() == (f"error: {path}: not valid JSON at line 2, column 15: "
                                     "Expecting property name enclosed in double quotes")
    for depth, cause in ((100, "nested more than 32 levels deep"),
                         (100_000, "cannot be read: nested too deeply")):
        path.write_text('{"a": ' + "[" * depth + "]" * depth + "}", "utf-8")
        result, _ = _compose(path, tmp_path / "out")
        assert result.output.strip() == f"error: {path}: {cause}"


# -- paths -----------------------------------------------------------------------------
def test_a_data_file_outside_the_folder_is_refused_unless_allowed(tmp_path):
    shutil.copy(CSV, tmp_path / "elsewhere.csv")
    folder = tmp_path / "specs"
    path = _write(folder, _spec("{{ d.ratings_met|fig }}.", data=[{"file": "../elsewhere.csv"}]))
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: {path}: data file 1 '../elsewhere.csv' is outside the spec's folder {folder} "
        "(pass --allow-outside to use it)")
    allowed, _ = _compose(path, tmp_path / "out", "--allow-outside")
    assert allowed.exit_code == 0, allowed.output


@pytest.mark.parametrize("where", ["absolute", "symlink"])
def test_absolute_paths_and_links_out_are_refused(tmp_path, where):
    secret = tmp_path / "secret.csv"
    shutil.copy(CSV, secret)
    folder = tmp_path / "specs"
    folder.mkdir()
    name = str(secret)
    if where == "symlink":
        (folder / "link.csv").symlink_to(secret)
        name = "link.csv"
    path = _write(folder, _spec("Text.", data=[{"file": name}]))
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1
    assert f"data file 1 {name!r} is outside the spec's folder" in result.output


def test_a_previous_report_outside_the_folder_is_refused(tmp_path):
    (tmp_path / "last.txt").write_text("1. Nothing.\n", "utf-8")
    folder = tmp_path / "specs"
    path = _write(folder, _spec("Text.", previous={"en": {"file": "../last.txt"}}))
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: {path}: previous report (en) '../last.txt' is outside the spec's folder "
        f"{folder} (pass --allow-outside to use it)")


# -- values that would be slow to print, and forged figure markers ----------------------
@pytest.mark.parametrize("template, cause", [
    ("{{ '1e999999999'|num }}",
     "a number written in the template: '1e999999999' is not a finite number of at most 30 "
     "digits before and after the point"),
    ("{{ '1e-999999999'|pct }}", "'1e-999999999' is not a finite number"),
    ("{{ 'nan'|pct }}", "'nan' is not a finite number"),
    ("{{ ('9' * 5000)|num }}", "'999999999999999999999999999999999999... is not a finite number"),
    ("{{ '\\ue0300\\ue031forged\\ue032' }}", "line 1: U+E030 is reserved for marking figures"),
])
def test_numbers_and_markers_that_cannot_be_printed(tmp_path, template, cause):
    path = _write(tmp_path, _spec(template))
    result, seconds = _compose(path, tmp_path / "out")
    _refused(result, path, "section 2, paragraph 2 (en)", cause)
    assert seconds < 5


@pytest.mark.parametrize("row, cause", [
    ("huge,1e999999999,huge", "value '1e999999999' is not a finite number"),
    ("forged,1,\ue030forged", "subject_en holds U+E030, a character Rapporteur reserves"),
])
def test_data_rows_that_cannot_be_printed(tmp_path, row, cause):
    (tmp_path / "rows.csv").write_text(f"id,value,subject_en\n{row}\n", "utf-8")
    path = _write(tmp_path, _spec("Text.", data=[{"file": "rows.csv"}]))
    result, seconds = _compose(path, tmp_path / "out")
    assert result.exit_code == 1 and seconds < 5
    assert result.output.strip().startswith(f"error: {tmp_path / 'rows.csv'}, row 2: {cause}")


def test_many_paragraphs_cannot_multiply_the_limit_of_one(tmp_path):
    """Each paragraph stays under its own limit, the spec as a whole does not."""
    spec = _spec("Text.")
    busy = {"text": {"en": "{% for i in range(9000) %}{% endfor %}x", "zh": "x"}}
    spec["sections"][1]["paragraphs"] = [busy] * 30
    path = _write(tmp_path, spec)
    result, seconds = _compose(path, tmp_path / "out")
    _refused(result, path, "section 2, paragraph 24 (en)",
             "the spec's templates take more than 200,000 loop steps and calls in all")
    assert seconds < 10


def test_a_huge_spec_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("# padding\n" * 1_000_001, "utf-8")
    result, seconds = _compose(path, tmp_path / "out")
    assert result.output.strip() == f"error: {path}: a spec is at most 10,000,000 bytes"
    assert seconds < 1


def test_an_impossible_file_name_is_a_clear_error(tmp_path):
    spec = _spec("Text.")
    spec["masthead"]["symbol"] = "A/81/" + "9" * 300
    path = _write(tmp_path, spec)
    result, _ = _compose(path, tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == (f"error: {tmp_path / 'out' / ('A_81_' + '9' * 300)}"
                                     ".en.docx: cannot write (File name too long)")
    assert list((tmp_path / "out").iterdir()) == []
