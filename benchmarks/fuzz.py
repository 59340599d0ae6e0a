"""Fuzzing harness: mutated real inputs through ``show``, ``ingest``, ``extract`` and
``terms import``, each run in a subprocess under a time limit, its peak memory measured.

    python benchmarks/fuzz.py                 # the long run: 2,000 mutated files
    python benchmarks/fuzz.py --files 300 --seed 7

Seeds: the English PDFs in ``../shared/samples/en/``, the Chinese sample as a Word file
(``tests/builders.zh_sample_docx``), the Chinese text samples, and a 40-concept slice of the
bundled glossary as CSV, TSV and TBX. Mutations (seeded, so a run can be repeated): byte
flips, truncation, chunk duplication and removal, bad bytes in text; for Word files also a
corrupted zip entry and hostile XML in the document, numbering, footnotes and styles parts
(external entities, entity expansion, style and list cycles, huge or non-numeric ids,
numbering that starts at 10^9 or repeats ``%1`` 20,000 times, deep nesting, cut tags).

Counted: files tried; clear errors (one line naming the file); bug reports (a line that
names the file but says the reader failed: a bug); tracebacks; raw exception messages;
hangs (past the time limit); processes above 1 GB; leaks (a local file's content, offered
through an external entity, in the output); readable but refused (the reader refused a
file whose text pdfium, the zip's document part or a lenient decode still give).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "samples"
RAPPORTEUR = Path(sys.executable).with_name("rapporteur")
SECRET = "SECRET-XXE-14"
GIB = 1024**3
# an exception's class name before its message ("XMLSyntaxError: ", "BadZipFile: ", zlib's
# "error: "), or the old catch-all "unexpected error"
RAW = re.compile(r"\b[A-Z]\w*[a-z][A-Z]\w*: |\(error: |unexpected error")
BUG = "a bug in Rapporteur"


# -- seeds -----------------------------------------------------------------------------------

def seeds(cache: Path) -> dict[str, list[Path]]:
    """Seed files by kind: 'pdf', 'docx', 'txt' (documents) and 'glossary'."""
    sys.path.insert(0, str(ROOT))
    from tests.builders import zh_sample_docx

    cache.mkdir(parents=True, exist_ok=True)
    docx = cache / "zh-sample.docx"
    if not docx.exists():
        zh_sample_docx(cache)
    rows = (ROOT / "glossary" / "data" / "un-glossary.csv").read_text("utf-8").splitlines()[:41]
    csv, tsv, tbx = cache / "g.csv", cache / "g.tsv", cache / "g.tbx"
    csv.write_text("\n".join(rows) + "\n", "utf-8")
    if not tbx.exists() or not tsv.exists():
        for out in (tbx, tsv):
            _run([str(RAPPORTEUR), "terms", "import", str(csv), "-o", str(out)], 120)
    return {"pdf": sorted((SHARED / "en").glob("*.pdf")), "docx": [docx],
            "txt": sorted((SHARED / "zh").glob("*.txt")), "glossary": [csv, tsv, tbx]}


# -- mutations -------------------------------------------------------------------------------

def flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(1, len(data))]


def duplicate(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    chunk = data[a:a + rng.randint(1, 4096)]
    at = rng.randrange(len(data))
    return data[:at] + chunk * rng.randint(1, 4) + data[at:]


def remove(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    return data[:a] + data[a + rng.randint(1, 4096):]


def bad_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        out.insert(rng.randrange(len(out)), rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xED, 0x00]))
    return bytes(out)


BYTES = [flip, truncate, duplicate, remove]
PARTS = ["word/document.xml", "word/numbering.xml", "word/footnotes.xml", "word/styles.xml"]


def _doctype(xml: str, decl: str, ref: str) -> str:
    """``xml`` with a DOCTYPE holding ``decl`` and ``ref`` put into its first text."""
    root = re.search(r"<([\w:]+)[\s>]", xml[xml.find("?>") + 2:]).group(1)
    xml = re.sub(r"(<\?xml[^>]*\?>)", rf"\1<!DOCTYPE {root} [{decl}]>", xml, count=1)
    return re.sub(r"(<w:t(?: [^>]*)?>)", rf"\g<1>{ref}", xml, count=1)


def hostile(rng: random.Random, xml: str, secret: Path) -> str:
    kind = rng.choice(["xxe", "laughs", "blowup", "cycle", "ids", "numbers", "deep", "cut"])
    if kind == "xxe":
        return _doctype(xml, f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;")
    if kind == "laughs":
        decl = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'
                                               for i in range(1, 10))
        return _doctype(xml, decl, "&l9;")
    if kind == "blowup":
        return _doctype(xml, f'<!ENTITY a "{"x" * 50000}">', "&a;" * 5000)
    if kind == "cycle":  # styles based on each other, lists linked through a style in a ring
        xml = re.sub(r'(<w:style [^>]*w:styleId="([^"]+)"[^>]*>)',
                     r'\1<w:basedOn w:val="\2"/>', xml)
        return re.sub(r"(<w:abstractNum [^>]*>)",
                      r'\1<w:styleLink w:val="Ring"/><w:numStyleLink w:val="Ring"/>', xml)
    if kind == "ids":
        value = rng.choice(["99999999999999999999999", "-1", "x", "1e9", ""])
        return re.sub(r'(w:(?:id|numId|ilvl|abstractNumId)=)"[^"]*"', rf'\1"{value}"', xml)
    if kind == "numbers":
        xml = re.sub(r'<w:start w:val="\d+"/>', '<w:start w:val="1000000000"/>', xml)
        return re.sub(r'<w:lvlText w:val="[^"]*"/>', f'<w:lvlText w:val="{"%1" * 20000}"/>', xml)
    if kind == "deep":
        depth = rng.choice([300, 5000])
        return xml.replace("<w:body>", "<w:body>" + "<w:sdt><w:sdtContent>" * depth +
                           "</w:sdtContent></w:sdt>" * depth, 1)
    return xml[:rng.randrange(len(xml))]


def mutate_docx(rng: random.Random, data: bytes, secret: Path, out: Path) -> str:
    """Write a mutated Word file to ``out``; the mutation's name."""
    how = rng.choice(["bytes", "entry", "xml", "xml", "xml"])
    if how == "bytes":
        op = rng.choice(BYTES)
        out.write_bytes(op(rng, data))
        return op.__name__
    src = zipfile.ZipFile(_bytes_file(data))
    present = [p for p in PARTS if p in src.namelist()]
    part = rng.choice(present)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info)
            if how == "xml" and info.filename == part:
                body = hostile(rng, body.decode("utf-8"), secret).encode("utf-8")
            z.writestr(info, body)
    if how == "entry":  # damage the compressed bytes of one part (its CRC no longer matches)
        raw = bytearray(out.read_bytes())
        info = zipfile.ZipFile(out).getinfo(part)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for _ in range(rng.randint(1, 4)):
            raw[start + rng.randrange(max(1, info.compress_size))] ^= 0xFF
        out.write_bytes(bytes(raw))
        return f"entry {part}"
    return f"xml {part}"


def _bytes_file(data: bytes):
    import io

    return io.BytesIO(data)


def mutants(kinds: dict[str, list[Path]], count: int, seed: int, folder: Path,
            secret: Path) -> list[tuple[Path, str, str]]:
    """``count`` mutated files: (path, kind, mutation). Documents are 85% of them."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        kind = rng.choices(["pdf", "docx", "txt", "glossary"], [35, 30, 20, 15])[0]
        src = rng.choice(kinds[kind])
        path = folder / f"m{i:05}-{src.stem}{src.suffix}"
        data = src.read_bytes()
        if kind == "docx":
            how = mutate_docx(rng, data, secret, path)
        elif kind == "glossary" and src.suffix == ".tbx" and rng.random() < 0.4:
            how = "xml tbx"
            path.write_text(_doctype(data.decode("utf-8"), f'<!ENTITY xxe SYSTEM "file://{secret}">',
                                     "&xxe;").replace("<term>", "<term>&xxe;", 1), "utf-8")
        else:
            ops = BYTES + ([bad_bytes] if kind in ("txt", "glossary") else [])
            op = rng.choice(ops)
            how = op.__name__
            path.write_bytes(op(rng, data))
        out.append((path, kind, how))
    return out


# -- the oracle: is the text still there? ----------------------------------------------------

def readable(path: Path, kind: str) -> bool:
    """Whether at least 200 letters of text can still be had from ``path``."""
    try:
        if kind == "pdf":
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(path)
            text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        elif kind == "docx":
            from lxml import etree

            xml = zipfile.ZipFile(path).read("word/document.xml")
            root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
            text = "".join(root.itertext())
        else:
            data = path.read_bytes()
            text = min((data.decode(c, "replace") for c in ("utf-8", "gb18030")),
                       key=lambda t: t.count("\ufffd"))
            if text.count("\ufffd") > len(data) // 200:
                return False
    except Exception:
        return False
    return sum(ch.isalnum() for ch in text) >= 200


# -- running ---------------------------------------------------------------------------------

def _run(argv: list[str], seconds: float) -> dict:
    """Run ``argv`` in its own session; exit code, output, peak RSS (with its reaped
    children), and whether it was stopped at ``seconds``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        import subprocess

        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True, cwd=tempfile.gettempdir())
        deadline, hung = time.monotonic() + seconds, False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                hung = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"code": proc.returncode, "out": out.read().decode("utf-8", "replace"),
                "err": err.read().decode("utf-8", "replace"), "rss": usage.ru_maxrss * 1024,
                "hung": hung}


def _verdicts(run: dict, files: list[Path], command: str) -> dict[Path, str]:
    """Per file: 'ok', 'error' (refused, clearly), 'bug', 'raw', 'unnamed' or 'traceback'."""
    text = run["out"] + run["err"]
    verdict = {f: "ok" for f in files}
    if "Traceback (most recent call last)" in text:
        return {f: "traceback" for f in files}
    lines = [ln for ln in run["err"].splitlines() if ln.strip()]
    for line in lines:
        named = [f for f in files if line.startswith((f"error: {f}: ", f"{f}: "))]
        if "read with" in line and named:
            continue
        if not named:
            if line.startswith("error:") or RAW.search(line):
                for f in files:
                    verdict[f] = "unnamed" if verdict[f] == "ok" else verdict[f]
            continue
        cause = line.split(f"{named[0]}: ", 1)[1]
        verdict[named[0]] = "bug" if BUG in cause else "raw" if RAW.search(cause) else "error"
    if run["code"] not in (0, 1) and all(v == "ok" for v in verdict.values()):
        verdict = {f: "unnamed" for f in files}
    return verdict


def fuzz(count: int, seed: int, work: Path, seconds: float = 60, jobs: int = 2) -> dict:
    """Run ``count`` mutants; the counts and the files behind every bad count."""
    secret = work / "secret.txt"
    secret.write_text(SECRET)
    folder = work / "mutants"
    folder.mkdir(exist_ok=True)
    made = mutants(seeds(ROOT / "benchmarks" / ".cache" / "fuzz"), count, seed, folder, secret)
    kind_of = {p: k for p, k, _ in made}
    docs = [p for p, k, _ in made if k != "glossary"]
    tasks = [(["terms", "import", str(p)], [p], "terms import") for p, k, _ in made
             if k == "glossary"]
    tasks += [(["show", str(p)], [p], "show") for p in docs[0::3]]
    for i in range(0, len(docs[1::3]), 20):
        batch = docs[1::3][i:i + 20]
        tasks.append((["ingest", *map(str, batch), "--db", str(work / f"s{i}.db")], batch, "ingest"))
    for i in range(0, len(docs[2::3]), 25):
        batch = docs[2::3][i:i + 25]
        tasks.append((["extract", *map(str, batch), "-o", str(work / f"x{i}.jsonl")], batch,
                      "extract"))

    def one(task):
        args, files, command = task
        return task, _run([str(RAPPORTEUR), *args], seconds * len(files))

    counts: Counter = Counter()
    bad: dict[str, list[str]] = {}
    peak = 0
    with ThreadPoolExecutor(jobs) as pool:
        for (args, files, command), run in pool.map(one, tasks):
            peak = max(peak, run["rss"])
            counts["processes above 1 GB"] += run["rss"] > GIB
            if SECRET in run["out"] + run["err"]:
                counts["leaks"] += 1
                bad.setdefault("leaks", []).append(f"{command} {files[0]}")
            if run["hung"]:
                counts["hangs"] += len(files)
                bad.setdefault("hangs", []).extend(f"{command} {f}" for f in files)
                continue
            for f, v in _verdicts(run, files, command).items():
                counts["files tried"] += 1
                counts[{"ok": "read", "error": "clear errors", "bug": "bug reports",
                        "raw": "raw exception messages", "unnamed": "failures not naming the file",
                        "traceback": "tracebacks"}[v]] += 1
                if v not in ("ok", "error"):
                    bad.setdefault(v, []).append(f"{command} {f}")
                if v in ("error", "raw", "bug") and command in ("show", "ingest") and \
                        readable(f, kind_of[f]):
                    counts["readable but refused"] += 1
                    bad.setdefault("readable but refused", []).append(f"{command} {f}")
    counts["peak MB"] = peak // 2**20
    return {"counts": dict(counts), "bad": bad}


KEYS = ["files tried", "read", "clear errors", "bug reports", "raw exception messages",
        "failures not naming the file", "tracebacks", "hangs", "processes above 1 GB", "leaks",
        "readable but refused", "peak MB"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--seconds", type=float, default=60, help="time limit per file")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the mutants and stores in this folder")
    a = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"error: {SHARED}: the shared samples are needed")
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        result = fuzz(a.files, a.seed, work, a.seconds, a.jobs)
    for key in KEYS:
        print(f"{key:30} {result['counts'].get(key, 0)}")
    print(f"{'seconds':30} {time.monotonic() - started:.0f}")
    for kind, files in result["bad"].items():
        print(f"\n{kind}:\n  " + "\n  ".join(files[:20]))
    if a.keep:
        (a.keep / "fuzz.json").write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
