"""Turn a rule's hits into a verdict: met, partial, missing or conflict, and the words behind it.

The order of the tests is the law's (STANDARDS.md section 3.2):

1. a contradiction anywhere in scope ("it is a defence that the victim consented") gives
   conflict, whatever else the text says;
2. words of a `caps` partial clause anywhere in scope give partial, found evidence or not (the
   court "may take into account" that the victim consented);
3. evidence not weakened by a `narrows` partial clause gives met;
4. evidence that is weakened ("the consent of a CHILD is irrelevant"), or, with no evidence at
   all, a `substitute` ("fraud" where "deception" was looked for), gives partial (when several
   substitute clauses hold, the first one written decides);
5. nothing gives missing.

Between several rules for one element, conflict wins, then the best of met, partial, missing:
one provision that covers the element is enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lexcheck.rules.matching import Evaluator, Hit, Unit
from lexcheck.rules.ruleset import Clause, Rule

STATUS_ORDER = ("met", "partial", "missing")
"""Best first; conflict is handled before this order applies."""


@dataclass(frozen=True)
class Mark:
    """A hit and what it does to the element: carrying, defeating or weakening it."""

    hit: Hit
    role: str
    clause: Clause


@dataclass(frozen=True)
class Verdict:
    """A rule's judgement of its element over its scope."""

    rule: Rule
    status: str
    marks: tuple[Mark, ...]
    scope: tuple[int, ...]
    flags: tuple[str, ...] = ()
    severity: str | None = None
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def judge(rule: Rule, evaluator: Evaluator, scope: Sequence[int]) -> Verdict:
    """Apply one rule's clauses over the passages of its scope."""
    units = [Unit("provision", passage) for passage in scope]
    conflicts = _marks(rule.contradiction, units, evaluator, "defeating")
    evidence = _marks(rule.evidence, units, evaluator, "carrying")
    carrying, weakened = _split_evidence(rule, evidence, evaluator)
    partials = [c for c in rule.partial if c.mode != "narrows"]
    caps = _marks([c for c in partials if c.mode == "caps"], units, evaluator, "weakening")
    substitutes = _first_holding([c for c in partials if c.mode == "substitute"], units, evaluator)
    if conflicts:
        return _verdict(rule, "conflict", conflicts, scope, also=carrying)
    if caps:
        return _verdict(rule, "partial", caps, scope, also=carrying or weakened)
    if carrying:
        return _verdict(rule, "met", carrying, scope)
    if weakened or substitutes:
        return _verdict(rule, "partial", weakened or substitutes, scope)
    return Verdict(rule, "missing", (), tuple(scope))


def evidence_marks(rule: Rule, evaluator: Evaluator, scope: Sequence[int]) -> list[Mark]:
    """The hits of the rule's evidence clauses over its scope (for judges that read them)."""
    return _marks(rule.evidence, [Unit("provision", p) for p in scope], evaluator, "carrying")


def best(verdicts: Sequence[Verdict]) -> Verdict:
    """The verdict that stands for the element when several rules judge it."""
    conflicts = [v for v in verdicts if v.status == "conflict"]
    if conflicts:
        return conflicts[0]
    return min(verdicts, key=lambda v: STATUS_ORDER.index(v.status))


def _marks(
    clauses: Sequence[Clause], units: list[Unit], evaluator: Evaluator, role: str
) -> list[Mark]:
    marks = []
    for clause in clauses:
        for unit in units:
            for hit in evaluator.hits(clause.when, unit):
                if clause.unless is None or evaluator.holds(clause.unless, hit.unit) is None:
                    marks.append(Mark(hit, role, clause))
    return marks


def _first_holding(
    clauses: Sequence[Clause], units: list[Unit], evaluator: Evaluator
) -> list[Mark]:
    """The hits of the first clause (in rule order) that has any: substitutes are written from
    the most specific reading (directors only) to the most general (some offences only)."""
    for clause in clauses:
        marks = _marks([clause], units, evaluator, "weakening")
        if marks:
            return marks
    return []


def _split_evidence(
    rule: Rule, evidence: list[Mark], evaluator: Evaluator
) -> tuple[list[Mark], list[Mark]]:
    """Separate evidence that stands from evidence a `narrows` partial clause weakens."""
    narrows = [c for c in rule.partial if c.mode == "narrows"]
    carrying, weakened = [], []
    for mark in evidence:
        clause = next((c for c in narrows if _applies(c, mark.hit, evaluator)), None)
        if clause is None:
            carrying.append(mark)
        else:
            weakened.append(Mark(mark.hit, "weakening", clause))
    return carrying, weakened


def _applies(clause: Clause, hit: Hit, evaluator: Evaluator) -> bool:
    if evaluator.holds(clause.when, hit.unit) is None:
        return False
    return clause.unless is None or evaluator.holds(clause.unless, hit.unit) is None


def _verdict(
    rule: Rule,
    status: str,
    deciding: list[Mark],
    scope: Sequence[int],
    also: Sequence[Mark] = (),
) -> Verdict:
    clauses = list(dict.fromkeys(mark.clause for mark in deciding))
    flags = tuple(dict.fromkeys(c.flag for c in clauses if c.flag))
    severities = [c.severity for c in clauses if c.severity]
    return Verdict(
        rule=rule,
        status=status,
        marks=(*deciding, *also),
        scope=tuple(scope),
        flags=flags,
        severity=severities[0] if severities else None,
        note=clauses[0].reason if clauses else "",
    )
