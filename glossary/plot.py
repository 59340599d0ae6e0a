"""A series as a chart (matplotlib, no display needed): years on the x axis, values on the y
axis in the series' unit, each point labelled with its value and the symbol of the report
that gives it, in English or Chinese (with a CJK font found on the machine)."""
from __future__ import annotations

from pathlib import Path

UNIT_LABELS = {
    "en": {"percent": "Per cent", "percentage points": "Percentage points", "count": "Number",
           "times": "Times", "years": "Years", "fraction": "Fraction"},
    "zh": {"percent": "百分比 (%)", "percentage points": "百分点", "count": "数量",
           "times": "倍数", "years": "年数", "fraction": "比例"},
}
YEAR_LABEL = {"en": "Year", "zh": "年份"}
SOURCE_NOTE = {"en": "Sources: {}", "zh": "来源：{}"}
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans CJK JP", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei")


class PlotError(ValueError):
    """The chart cannot be drawn as asked (format, font)."""


def cjk_font() -> str:
    """The family of an installed font with Chinese glyphs."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in CJK_FAMILIES if f in installed), None)
    if family is None:
        raise PlotError("no font with Chinese characters found for the chart's labels "
                        "(on Debian: apt-get install fonts-noto-cjk)")
    return family


SCALES = ((1e9, {"en": "billions", "zh": "十亿"}), (1e6, {"en": "millions", "zh": "百万"}),
          (1e4, {"en": "thousands", "zh": "千"}))


def format_value(value: float) -> str:
    """A value as reports print it: thousands grouped, at most one decimal, none when whole."""
    return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def _scale(values, lang: str) -> tuple[float, str]:
    """Large amounts are drawn in thousands, millions or billions, as reports print them."""
    top = max(abs(v) for v in values)
    return next(((f, name[lang]) for f, name in SCALES if top >= f), (1, ""))


def _labelled(points, gap: float):
    """The points whose label fits: in each year, from the top down, those at least
    ``gap`` below the last one labelled (the others are drawn and listed, not named)."""
    out, last = [], {}
    for p in sorted(points, key=lambda p: -p.value):
        if p.year not in last or last[p.year] - p.value >= gap:
            out.append(p)
            last[p.year] = p.value
    return out


def plot(points, subject: str, unit: str, out: str | Path, lang: str = "en") -> Path:
    """Draw ``points`` (in time order) to ``out`` (.png or .svg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise PlotError(f"{out}: the chart is written as .png or .svg")
    style = {"font.family": [cjk_font(), "DejaVu Sans"]} if lang == "zh" else {}
    with plt.rc_context({**style, "svg.fonttype": "none", "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(8, 4.8), dpi=150)
        factor, scale = _scale([p.value for p in points], lang)
        years = [p.year for p in points]
        values = [p.value / factor for p in points]
        if len(set(years)) == len(years):  # one value a year: a line
            ax.plot(years, values, marker="o", color="#1f5fa8", linewidth=1.5)
        else:  # several values in a year (regions, groups): points, no line
            ax.plot(years, values, "o", color="#1f5fa8", alpha=0.8)
        low, high = min(values), max(values)
        for p in _labelled(points, (high - low) * factor * 0.06):
            ax.annotate(f"{format_value(p.value / factor)}  {p.doc}", (p.year, p.value / factor),
                        fontsize=7,
                        textcoords="offset points", xytext=(6, 0), ha="left", va="center")
        ax.set_xlabel(YEAR_LABEL[lang])
        label = UNIT_LABELS[lang].get(unit, unit)
        ax.set_ylabel(f"{label} ({scale})" if scale else label)
        ax.set_title(subject)
        ax.set_xticks(sorted(set(years)))
        ax.set_xticklabels([str(y) for y in sorted(set(years))])
        ax.set_xlim(min(years) - 0.5, max(years) + 0.9)  # room for the labels on the right
        pad = (high - low) * 0.2 or abs(high) * 0.2 or 1
        ax.set_ylim(min(0, low - pad) if low >= 0 else low - pad, high + pad * 1.5)
        ax.grid(axis="y", alpha=0.3)
        sources = sorted({p.doc for p in points})
        fig.text(0.01, 0.01, SOURCE_NOTE[lang].format(", ".join(sources)), fontsize=7,
                 ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        try:
            fig.savefig(out)
        except OSError as exc:
            raise PlotError(f"{out}: cannot write the chart: {exc.strerror or exc}") from None
        finally:
            plt.close(fig)
    return out
