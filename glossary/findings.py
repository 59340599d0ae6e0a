"""What a check reports: a finding (type, concept, forms seen, where, what to do)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Finding types in the order a report shows them, with a heading for people.
TYPES = {
    "missing-target": "Approved translation missing in the aligned paragraph",
    "inconsistent-rendering": "Source term rendered in different ways",
    "deprecated": "Deprecated forms",
    "near-miss": "Near-misses (one-character slips)",
    "variant": "Several names for one concept",
    "undefined-abbreviation": "Short form used before it is defined",
    "redefined-abbreviation": "Short form defined twice differently",
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Location:
    """Where a finding occurs: a stretch of one unit of a document, as written."""
    document: str
    unit: str  # paragraph | heading | footnote
    index: int  # index of that unit in the document model
    paragraph: str | None  # paragraph number (heading number, footnote marker)
    subparagraph: str | None
    start: int  # character offsets in the unit's text
    end: int
    text: str  # as written
    source: dict | None = None  # bilingual findings: the source-side location


@dataclass
class Finding:
    """One problem a check reports: its type, severity, concept, what is wrong, what to do,
    the forms seen and where."""
    type: str
    severity: str  # error | warning | info
    concept: str | None
    message: str
    suggestion: str
    variants: list[dict] = field(default_factory=list)  # [{"form": ..., "count": n}]
    locations: list[Location] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict:
        """The finding as JSON-ready data, without the fields that do not apply to it."""
        d = asdict(self)
        for loc in d["locations"]:
            if loc["source"] is None:
                del loc["source"]
        if self.confidence is None:
            del d["confidence"]
        return d


def quote(form: str | None) -> str:
    """A form in curly quotes for a message, or a dash when there is none."""
    return f"“{form}”" if form else "—"


def counts(forms) -> list[dict]:
    """[{"form", "count"}] most frequent first (then by form, for stable output)."""
    tally: dict[str, int] = {}
    for f in forms:
        tally[f] = tally.get(f, 0) + 1
    return [{"form": f, "count": n} for f, n in sorted(tally.items(), key=lambda x: (-x[1], x[0]))]


def ordered(findings: list[Finding]) -> list[Finding]:
    """By type (report order), severity, then first location."""
    rank = {t: i for i, t in enumerate(TYPES)}

    def key(f: Finding):
        first = f.locations[0] if f.locations else None
        return (rank.get(f.type, 99), SEVERITY_ORDER.get(f.severity, 9),
                -(f.confidence or 0), first.index if first else -1, first.start if first else -1)

    return sorted(findings, key=key)
