"""The numbers at the top of every report: counts, coverage per family, and the worst gaps first.

Kept apart from any format so that the HTML summary, the Markdown step summary and the JSON counts
are the same numbers computed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lexcheck.report.model import STRENGTHS, Report
from lexcheck.rules.model import SEVERITIES, STATUSES, Finding

STATUS_ORDER = ("conflict", "missing", "partial", "met")
"""Statuses from worst to best, the order a reviewer reads gaps in."""


def count_statuses(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings have each status, every status present (zero when none)."""
    counts = dict.fromkeys(STATUSES, 0)
    for finding in findings:
        counts[finding.status] += 1
    return counts


def count_severities(findings: Iterable[Finding]) -> dict[str, int]:
    """How many gaps have each severity (met findings, severity `none`, are not counted)."""
    counts = dict.fromkeys(SEVERITIES[:-1], 0)
    for finding in findings:
        if finding.is_gap:
            counts[finding.severity] += 1
    return counts


def _rank(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def gap_rank(finding: Finding) -> tuple[int, int, int, str]:
    """Sort key: mandatory before should before good practice, then severity, then status."""
    return (
        _rank(STRENGTHS, finding.strength),
        _rank(SEVERITIES, finding.severity),
        _rank(STATUS_ORDER, finding.status),
        finding.element,
    )


def ranked(findings: Iterable[Finding]) -> list[Finding]:
    """Gaps first, worst first; met findings last, in element order."""
    return sorted(findings, key=lambda f: (not f.is_gap, *gap_rank(f)))


def top_gaps(findings: Iterable[Finding], limit: int) -> list[Finding]:
    return [f for f in ranked(findings) if f.is_gap][:limit]


@dataclass(frozen=True)
class FamilyCoverage:
    """One display family's line in the coverage chart: "Means 7 / 9 met"."""

    group: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def met(self) -> int:
        return self.counts["met"]

    def percent(self, status: str) -> float:
        return round(100 * self.counts[status] / self.total, 1) if self.total else 0.0


def family_coverage(report: Report) -> list[FamilyCoverage]:
    """Status counts per display family, families in the order their first finding appears."""
    by_group: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_group.setdefault(report.element(finding).group, []).append(finding)
    return [FamilyCoverage(group, count_statuses(items)) for group, items in by_group.items()]
