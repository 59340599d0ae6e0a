"""Release hygiene that the smoke run of an installed wheel (.ci/smoke) does not cover: the
repository holds only what the project wrote plus the two brief-supplied Chinese texts,
every data file a package reads is shipped in the wheel, the worker pool is safe in a
threaded caller, and CI's no-skip switch works."""
from __future__ import annotations

import fnmatch
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.store import Store
from tests.builders import REPO, SHARED, ZH_DUMP, ZH_SAMPLE, shared

tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11+")


def tracked() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    return [REPO / name for name in out.stdout.decode().split("\0") if name]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_shared_file_is_in_the_repository_but_the_two_brief_supplied_texts():
    shared_files = {sha256(p): p for p in shared(SHARED).rglob("*") if p.is_file()}
    copies = sorted(p.relative_to(REPO) for p in tracked()
                    if p.is_file() and sha256(p) in shared_files)
    assert copies == sorted(p.relative_to(REPO) for p in (ZH_DUMP, ZH_SAMPLE))


def test_every_data_file_of_a_package_is_in_the_wheel():
    """Each non-Python file tracked inside a package matches its package-data globs (the
    bundled samples are the checkout's demo material, deliberately not installed)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    globs = config["package-data"]
    left_out = []
    for path in tracked():
        rel = path.relative_to(REPO)
        package = rel.parts[0]
        if package not in ("corpus", "extract", "glossary", "compose") or path.suffix == ".py" \
                or rel.parts[:2] == ("corpus", "samples"):
            continue
        inside = rel.relative_to(package).as_posix()
        if not any(fnmatch.fnmatch(inside, g) for g in globs.get(package, [])):
            left_out.append(rel.as_posix())
    assert left_out == []


def test_license_is_declared_the_spdx_way_and_shipped():
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert (project["license"], project["license-files"]) == ("MIT", ["LICENSE"])
    assert (REPO / "LICENSE").read_text("utf-8").startswith("MIT License\n")


NEEDS_A_FILE = "def test_needs():\n    shared(Path('/nonexistent/report.pdf'))\n"
NEEDS_A_MODULE = "pytest.importorskip('nonexistent_report_reader')\n"


@pytest.mark.parametrize("body, reason", [(NEEDS_A_FILE, "needs /nonexistent/report.pdf"),
                                          (NEEDS_A_MODULE, "nonexistent_report_reader")])
@pytest.mark.parametrize("no_skip", ["", "1"])
def test_a_skip_fails_the_run_when_ci_forbids_skips(tmp_path, body, reason, no_skip):
    (tmp_path / "test_needs.py").write_text(
        "from pathlib import Path\nimport pytest\nfrom tests.builders import shared\n\n" + body)
    (tmp_path / "test_other.py").write_text("def test_other():\n    pass\n")
    env = {**os.environ, "RAPPORTEUR_NO_SKIP": no_skip}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "tests.conftest",
                          "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path)],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert (run.returncode == 0) == (not no_skip), run.stdout + run.stderr
    assert reason in run.stdout


def test_workers_do_not_fork_the_calling_process(monkeypatch, tmp_path):
    """Forking a process that runs threads (here the progress bar's refresh thread) can
    deadlock the child, and Python 3.12+ warns: the pool starts its workers from a server
    process (or spawns them) instead."""
    def fork():
        raise AssertionError("the calling process was forked")

    monkeypatch.setattr(os, "fork", fork)
    report = Store(tmp_path / "w.db").ingest([ZH_SAMPLE, ZH_DUMP], workers=2, progress=True)
    assert (len(report.added), report.failed) == (2, [])
