"""Write the `Finding` for an element from the verdict that decided it.

Everything a reader needs is filled in here, once: severity from the element's strength under the
profile (or the deciding clause's own: a penalty below the serious-crime threshold is high, a fine
open only on summary conviction low),
the quoted evidence, a one-line `why` (what was looked for, where, what was or was not found),
the recommendation and Model Law article from the catalogue, the provisions searched, flags and
the fingerprint.
"""

from __future__ import annotations

from collections.abc import Mapping

from lexcheck.rules.evidence import fingerprint, quote_hit
from lexcheck.rules.grading import Verdict
from lexcheck.rules.matching import PassageIndex
from lexcheck.rules.model import Evidence, Finding
from lexcheck.standards import Catalogue, severity
from lexcheck.structure.model import Statute

MAX_EVIDENCE_PER_ROLE = 3


def make_finding(
    verdict: Verdict,
    catalogue: Catalogue,
    profile: str,
    index: PassageIndex,
    statutes: Mapping[str, Statute],
    scope_description: str,
) -> Finding:
    """The finding for `verdict.rule.element` under `profile`."""
    rule = verdict.rule
    element = catalogue.element(rule.element)
    strength = catalogue.strength(rule.element, profile)
    evidence = _evidence(verdict, index, statutes)
    return Finding(
        element=rule.element,
        rule=rule.id,
        status=verdict.status,
        severity=_severity(strength, verdict),
        title=element.title,
        article=element.article,
        strength=strength,
        family=element.family,
        why=explain(verdict, evidence, scope_description),
        recommendation=rule.recommendation or element.recommendation,
        model_law=element.model_law or "",
        evidence=evidence,
        scope_searched=tuple(index.passages[p].label() for p in verdict.scope),
        flags=verdict.flags,
        fingerprint=fingerprint(rule.id, rule.element, evidence[0] if evidence else None),
        extra=dict(verdict.extra),
    )


def explain(verdict: Verdict, evidence: tuple[Evidence, ...], scope_description: str) -> str:
    """One line: what was searched, in which scope, and what was found or not found."""
    count = len(verdict.scope)
    searched = (
        f"Looked for {verdict.rule.looks_for} in {scope_description} "
        f"({count} provision{'s' if count != 1 else ''})"
    )
    where = f"{evidence[0].statute} {evidence[0].eid}" if evidence else ""
    note = verdict.note
    outcome = {
        "met": f"found in {where}" + (f" ({note})" if note else ""),
        "partial": f"found only in part in {where}: {note}",
        "conflict": f"{note}: {where}",
        "missing": note or "found none",
    }[verdict.status]
    return f"{searched}: {outcome}."


def _severity(strength: str, verdict: Verdict) -> str:
    """The catalogue's severity, unless the deciding clause sets its own (STANDARDS.md 3.4 #6c-d)."""
    if verdict.severity is None or verdict.status == "met":
        return severity(strength, verdict.status)
    return verdict.severity


def _evidence(
    verdict: Verdict, index: PassageIndex, statutes: Mapping[str, Statute]
) -> tuple[Evidence, ...]:
    """Quotes of the deciding marks first, at most a few per role, no words quoted twice."""
    quoted: list[Evidence] = []
    per_role: dict[str, int] = {}
    for mark in verdict.marks:
        if per_role.get(mark.role, 0) >= MAX_EVIDENCE_PER_ROLE:
            continue
        item = quote_hit(mark.hit, mark.role, index, statutes)
        if any(_overlap(item, other) for other in quoted):
            continue
        per_role[mark.role] = per_role.get(mark.role, 0) + 1
        quoted.append(item)
    return tuple(quoted)


def _overlap(one: Evidence, other: Evidence) -> bool:
    return (
        one.statute == other.statute and one.span[0] < other.span[1] and other.span[0] < one.span[1]
    )
