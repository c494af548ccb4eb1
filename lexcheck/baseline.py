"""Baselines: findings a team has reviewed and accepted, so CI fails only on new ones.

A baseline is a JSON file written by lexcheck (`lexcheck ci --update-baseline --reason ...`):

    {"tool": "lexcheck", "version": 1,
     "accepted": [{"fingerprint": "3f2a…", "element": "tip.victim.residence",
                   "status": "missing", "reason": "residence is in the 2026 regulations"}]}

Findings are matched by fingerprint, which leaves out pages and line numbers, so re-pagination or a
new Part in front of a provision does not re-open an accepted finding. An entry matches a fingerprint
and a status, so a finding whose status changed (e.g. from partial to conflict) is new again; so is a
reworded provision, since the fingerprint includes the quoted words.
The baseline is applied once, before any report is written, so every output format agrees.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lexcheck.errors import ConfigError
from lexcheck.rules.model import Finding


@dataclass(frozen=True)
class AcceptedFinding:
    """One baseline entry: a finding a human accepted, and why."""

    fingerprint: str
    element: str
    status: str
    reason: str


def baseline_key(finding: Finding) -> str:
    """What a baseline entry matches on: the finding's fingerprint and its status."""
    return f"{finding.fingerprint}:{finding.status}"


def load_baseline(path: Path) -> dict[str, AcceptedFinding]:
    """Read a baseline file; a missing file is an empty baseline."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = [AcceptedFinding(**entry) for entry in data["accepted"]]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise ConfigError(
            path,
            f"is not a lexcheck baseline ({error}).",
            "Regenerate it with `lexcheck ci --update-baseline --reason '...'`.",
        ) from error
    return {f"{entry.fingerprint}:{entry.status}": entry for entry in entries}


def split_by_baseline(
    findings: Iterable[Finding], baseline: dict[str, AcceptedFinding]
) -> tuple[list[Finding], list[Finding]]:
    """(new findings, accepted findings): accepted ones are still reported, never failed on."""
    new, accepted = [], []
    for finding in findings:
        (accepted if baseline_key(finding) in baseline else new).append(finding)
    return new, accepted


def write_baseline(findings: Iterable[Finding], path: Path, reason: str) -> int:
    """Accept every gap in `findings` with the same human reason; returns how many were written."""
    if not reason.strip():
        raise ConfigError(path, "needs a reason for accepting findings.", "Pass --reason '...'.")
    previous = load_baseline(path)
    entries = dict(previous)
    for finding in findings:
        if finding.is_gap:
            entries.setdefault(
                baseline_key(finding),
                AcceptedFinding(finding.fingerprint, finding.element, finding.status, reason),
            )
    payload = {
        "tool": "lexcheck",
        "version": 1,
        "accepted": [entry.__dict__ for entry in sorted(entries.values(), key=_sort_key)],
    }
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return len(entries) - len(previous)


def _sort_key(entry: AcceptedFinding) -> tuple[str, str]:
    return (entry.element, entry.fingerprint)
