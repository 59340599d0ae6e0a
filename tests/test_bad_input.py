"""Bad input gets a clear answer, never a traceback: every kind of bad file is built for
real, ingested in one batch with good samples, and must be reported by name with its
cause while the good files are stored and nothing stored before is lost."""
from __future__ import annotations

import random
import re
import subprocess
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner

from corpus.cli import main
from corpus.store import Store
from tests.builders import EN_SAMPLES, shared

SAMPLES = Path(__file__).parent.parent / "corpus" / "samples"
ZH = SAMPLES / "zh" / "unwomen-ohchr-joint-workplan-2012.zh.txt"
EN = EN_SAMPLES / "E_2025_15.en.pdf"
GOOD = EN_SAMPLES / "E_CN.6_2025_4.en.pdf"

# file name -> what its reported cause must say
CAUSES = {
    "encrypted.pdf": r"encrypt|password",
    "scanned.pdf": r"no text layer",
    "truncated.pdf": r"truncat|corrupt|damaged|incomplete",
    "empty.pdf": r"empty",
    "not-a-pdf.pdf": r"not a PDF",
    "not-a-zip.docx": r"not a (DOCX|zip)",
    "bomb.docx": r"zip bomb",
    "undecodable.txt": r"decode",
    "minutes.rtf": r"unsupported file type '\.rtf'",
}


def _scanned_pdf(out: Path) -> None:
    """Page 1 of a real report rendered to an image and saved as an image-only PDF."""
    page = pypdfium2.PdfDocument(EN)[0]
    page.render(scale=100 / 72).to_pil().convert("RGB").save(out, "PDF", resolution=100)
    scanned = pypdfium2.PdfDocument(out)
    assert len(scanned) == 1 and scanned[0].get_textpage().get_text_range() == ""


def _zip_bomb(out: Path) -> None:
    """A DOCX-named package whose document part inflates to 1.09 GB (from ~5 MB)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas'
                   '.openxmlformats.org/package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 24)
            for _ in range(65):
                member.write(zeros)


def _undecodable() -> bytes:
    """Random bytes that are neither UTF-8, UTF-16 nor GB18030 (checked, not assumed)."""
    data = random.Random(2025).randbytes(4097)  # odd length: no UTF-16
    for codec in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)
    return data


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory, qpdf) -> dict[str, Path]:
    shared(EN_SAMPLES)
    folder = tmp_path_factory.mktemp("bad")
    files = {name: folder / name for name in CAUSES}
    subprocess.run([qpdf, "--encrypt", "user", "owner", "256", "--", str(EN),
                    str(files["encrypted.pdf"])], check=True)
    _scanned_pdf(files["scanned.pdf"])
    data = EN.read_bytes()
    files["truncated.pdf"].write_bytes(data[: len(data) * 40 // 100])
    files["empty.pdf"].write_bytes(b"")
    files["not-a-pdf.pdf"].write_text("<html><body><h1>404 Not Found</h1></body></html>\n")
    files["not-a-zip.docx"].write_text("Report of the Secretary-General\n")
    _zip_bomb(files["bomb.docx"])
    files["undecodable.txt"].write_bytes(_undecodable())
    files["minutes.rtf"].write_text(r"{\rtf1\ansi Minutes of the meeting\par}")
    return files


@pytest.fixture(scope="session")
def batch(bad_files, tmp_path_factory):
    """(CliRunner result, db path): the Chinese sample stored first, then one batch of
    every bad file plus a good English PDF."""
    db = tmp_path_factory.mktemp("db") / "r.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(ZH), "--db", str(db)])
    assert first.exit_code == 0, first.output
    paths = [str(p) for p in bad_files.values()] + [str(GOOD)]
    return runner.invoke(main, ["ingest", *paths, "--db", str(db)]), db


def test_the_batch_goes_on_and_exits_1(batch):
    result, _ = batch
    assert result.exit_code == 1
    assert result.stdout == f"added 1, skipped 0 (already stored), failed {len(CAUSES)}\n"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", CAUSES)
def test_each_bad_file_is_named_with_its_cause(batch, bad_files, name):
    result, _ = batch
    reported = dict(line.removeprefix("error: ").split(": ", 1)
                    for line in result.stderr.splitlines() if line.startswith("error: "))
    cause = reported[str(bad_files[name])]
    assert not cause.startswith("unexpected error"), cause
    assert re.search(CAUSES[name], cause, re.I), cause


def test_good_files_are_stored_and_nothing_is_lost(batch):
    _, db = batch
    store = Store(db)
    assert [d.source for d in store.documents()] == [str(ZH), str(GOOD)]
    assert len(store.get(str(ZH)).paragraphs) == 29
    assert store.conn.execute("SELECT count(*) FROM paragraphs_fts").fetchone()[0] == \
        store.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
