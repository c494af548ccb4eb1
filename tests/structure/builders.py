"""Provisions written for a test: `P` records built into `Provision`s over one document text.

Shared by the structure tests and the graph tests (`tests/test_graph.py` imports it as
`structure.builders`), so a statute written by hand is built the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lexcheck.structure.model import Provision

# Written out rather than taken from lexcheck.structure.eids, so the tests do not share a mistake
# with the code they check.
_ALIASES = {
    "part": "part",
    "section": "sec",
    "subsection": "subsec",
    "paragraph": "para",
    "schedule": "att",
}


@dataclass
class P:
    """A provision written for a test: its kind, number, own text (heading line included)."""

    kind: str
    num: str
    text: str
    children: list[P] = field(default_factory=list)
    heading: str = ""


def build(*tops: P) -> tuple[list[Provision], str]:
    """The provisions and the document text they make, own texts in document order."""
    text = ""

    def make(spec: P, parent_eid: str) -> Provision:
        nonlocal text
        start = len(text)
        text += spec.text
        eid = f"{parent_eid}__" if parent_eid else ""
        eid += f"{_ALIASES[spec.kind]}_{spec.num}"
        children = [make(child, eid) for child in spec.children]
        return Provision(
            eid, spec.kind, spec.num, spec.heading, spec.text, (start, len(text)), [1], children
        )

    return [make(top, "") for top in tops], text
