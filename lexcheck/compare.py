"""Compare two checks element by element: which gaps a new draft closes, opens or changes.

A drafter re-checking an amended bill wants to know what the amendment did to the assessment, not a
text diff: "tip.consent_irrelevant: partial -> met (closed)". Elements are compared by id, so the
comparison survives renumbered sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from lexcheck.rules.model import Finding

_RANK = {"met": 0, "partial": 1, "missing": 2, "conflict": 3}


@dataclass(frozen=True)
class StatusChange:
    """One element whose status differs between the old and the new framework."""

    element: str
    title: str
    old: str
    new: str

    @property
    def change(self) -> str:
        """closed (gap to met), opened (met to gap), improved or worsened (gap to another gap)."""
        if self.new == "met":
            return "closed"
        if self.old == "met":
            return "opened"
        return "improved" if _RANK[self.new] < _RANK[self.old] else "worsened"


def compare_findings(old: list[Finding], new: list[Finding]) -> list[StatusChange]:
    """Every element whose status changed, in the order of the new check."""
    before = {finding.element: finding for finding in old}
    changes = []
    for finding in new:
        previous = before.get(finding.element)
        if previous is not None and previous.status != finding.status:
            changes.append(
                StatusChange(finding.element, finding.title, previous.status, finding.status)
            )
    return changes
