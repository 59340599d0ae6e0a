"""Session-wide real inputs: built once, shared by every test module."""
from __future__ import annotations

import shutil

import pytest

from tests.builders import SAMPLES, ZH_SAMPLE, docx_to_pdf, soffice, zh_sample_docx


@pytest.fixture(scope="session")
def samples():
    return SAMPLES


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
