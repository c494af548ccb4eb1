"""Where a framework-wide finding shows up per statute: the elements x statutes matrix.

A `Finding` judges an element over the whole framework; a reviewer, the JUnit report (one suite per
statute) and the SARIF location still need to know which statute each finding concerns. A statute is
involved in a finding when it holds some of its evidence; a `missing` element has no evidence, so it
is charged to its *home* statute: the first statute named in the searched scope, else the first
statute whose kind the element belongs to (a `tip.*` element to the trafficking Act), else the first
statute of the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from lexcheck.report.model import Report
from lexcheck.rules.model import Finding
from lexcheck.structure.model import Statute

_HOME_KINDS = {
    "tip": ("tip", "mixed"),
    "child": ("tip", "mixed"),
    "som": ("som", "mixed"),
    "untoc": ("penal", "tip", "som", "mixed"),
    "labour": ("labour",),
    "immigration": ("immigration",),
}
"""Element id prefix (for `conflict.*` the second part) -> statute kinds that should carry it."""


@dataclass(frozen=True)
class Cell:
    """One statute's part in one finding: the finding's status and the roles its evidence plays."""

    status: str
    roles: tuple[str, ...]


def home_statute(finding: Finding, statutes: list[Statute]) -> Statute | None:
    """The statute a finding without evidence is charged to (see module docstring)."""
    for scope in finding.scope_searched:
        for statute in statutes:
            if scope == statute.id or scope.startswith((statute.id + "#", statute.id + "/")):
                return statute
    parts = finding.element.split(".")
    domain = parts[1] if parts[0] == "conflict" and len(parts) > 1 else parts[0]
    kinds = _HOME_KINDS.get(domain, ())
    for statute in statutes:
        if statute.kind in kinds:
            return statute
    return statutes[0] if statutes else None


def cell(report: Report, finding: Finding, statute: Statute) -> Cell | None:
    """The statute's cell for the finding, or None when the statute plays no part in it."""
    roles = tuple(dict.fromkeys(e.role for e in finding.evidence if e.statute == statute.id))
    if roles:
        return Cell(finding.status, roles)
    if not finding.evidence and home_statute(finding, report.statutes) is statute:
        return Cell(finding.status, ("searched",))
    return None


def row(report: Report, finding: Finding) -> list[Cell | None]:
    """The finding's cells, one per statute in report order."""
    return [cell(report, finding, statute) for statute in report.statutes]
