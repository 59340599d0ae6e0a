"""Chinese typefaces that stand for bold and italic. Chinese typesetting, the UN's too, sets
headings in a Hei face (黑体, SimHei) and what English sets in italics in a Kai face (楷体,
KaiTi), both in the regular weight, beside a Song face (宋体) for the body: a reader that
looks only at weights and flags sees no heading in a Chinese PDF or Word file. Font names
come as ASCII ("ABCDEF+SimHei"), as GBK bytes (a PDF's "/#BA#DA#CC#E5") or in Chinese."""
from __future__ import annotations

_HEI = ("simhei", "heiti", "黑体", "fzhtk", "fzhei", "hei_gb")
_KAI = ("kaiti", "楷体", "fzkai", "kai_gb")


def font_name(raw: bytes) -> str:
    """A font's name from its bytes: UTF-8, else GBK (Chinese Windows fonts), lower-cased."""
    try:
        return raw.decode("utf-8").lower()
    except UnicodeDecodeError:
        return raw.decode("gbk", "replace").lower()


def face(name: str) -> tuple[bool, bool]:
    """(bold, italic) that a font named ``name`` stands for by its face alone."""
    name = name.lower()
    return any(h in name for h in _HEI), any(k in name for k in _KAI)
