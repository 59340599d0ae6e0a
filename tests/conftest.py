"""Session-wide real inputs: built once, shared by every test module. With
``RAPPORTEUR_NO_SKIP`` set (as ``.ci/run`` does), a skipped test is a failure: CI has the
shared inputs and every tool, so a skip there means a test silently did not run."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.builders import EN_SAMPLES, ZH_SAMPLE, docx_to_pdf, shared, soffice, zh_sample_docx


def _no_skip(report) -> None:
    if report.skipped and os.environ.get("RAPPORTEUR_NO_SKIP") and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, and RAPPORTEUR_NO_SKIP forbids skips: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test skipped in setup or in its body."""
    outcome = yield
    _no_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A whole module skipped when it is imported (``pytest.importorskip`` at its top)."""
    outcome = yield
    _no_skip(outcome.get_result())


@pytest.fixture(scope="session")
def en_samples():
    """The English UN PDFs in ../shared/samples/en/ (the test skips without them)."""
    return shared(EN_SAMPLES)


@pytest.fixture(scope="session")
def zh_txt():
    return ZH_SAMPLE


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    return tmp_path_factory.mktemp("built")


@pytest.fixture(scope="session")
def zh_docx(built):
    return zh_sample_docx(built)


@pytest.fixture(scope="session")
def zh_pdf(zh_docx, built):
    assert soffice(), "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    return docx_to_pdf(zh_docx, built)


@pytest.fixture(scope="session")
def qpdf():
    assert shutil.which("qpdf"), "qpdf is required: .ci/run installs it"
    return shutil.which("qpdf")
