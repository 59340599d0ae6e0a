"""First drafts of a Secretary-General report in English and Chinese, as Word files in UN
house style, from one spec, one dataset and last year's report — every figure traceable."""
from __future__ import annotations

from pathlib import Path

from compose.errors import SpecError

LANGS = ("en", "zh")


def compose(spec_path: str | Path, out_dir: str | Path, langs=LANGS, db: str | None = None,
            comments: bool = False, check: bool = True) -> list[dict]:
    """Write ``<symbol>.<lang>.docx`` and ``<symbol>.<lang>.provenance.json`` per language
    into ``out_dir``; returns one summary dict per edition (paths, counts, untraced).
    ``check`` runs the extractor over the draft to list figures not traced to the data
    (loading spaCy and jieba costs a few seconds once per process)."""
    from compose import build, provenance, spec
    from compose.word import Writer

    s = spec.load(spec_path)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SpecError(out, f"cannot create the output directory ({exc.strerror})") from None
    stem = s.raw["masthead"]["symbol"].replace("/", "_")
    results = []
    for edition in build.editions(s, list(langs), db):
        docx = out / f"{stem}.{edition.lang}.docx"
        Writer(edition, s.raw.get("fonts"), comments).write(docx)
        side = provenance.sidecar(edition, docx.name, s.path, check)
        prov = provenance.write(side, out / f"{stem}.{edition.lang}.provenance.json")
        results.append({"lang": edition.lang, "docx": docx, "provenance": prov,
                        "paragraphs": len(edition.paragraphs()),
                        "figures": len(side["figures"]), "untraced": side["untraced"] or []})
    return results


__all__ = ["LANGS", "SpecError", "compose"]
