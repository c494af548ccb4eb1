"""The loaded rule set: rules, the shared lexicon and the named scopes, as plain frozen records.

`loader.py` builds a `RuleSet` from YAML files; everything after it (compiler, matcher, grader,
example runner) reads only these records, so a rule set could as well be built in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lexcheck.rules.conditions import Condition, GapIn, walk


@dataclass(frozen=True)
class Clause:
    """One `evidence`, `contradiction` or `partial` entry of a rule.

    `when` finds the words; `unless` (evaluated on the same stretch of text) cancels them.
    `reason` says, in a drafter's words, what the words mean for the element; `flag` and
    `severity` travel to the finding. `mode` applies to partial clauses only (see loader.py).
    """

    when: Condition
    unless: Condition | None = None
    reason: str = ""
    flag: str | None = None
    severity: str | None = None
    mode: str = ""
    line: int = 0


@dataclass(frozen=True)
class Example:
    """A statute text a rule must judge as `expect` (the semgrep-style test of the rule)."""

    text: str
    expect: str
    line: int
    style: str | None = None
    kind: str = "tip"
    flags: tuple[str, ...] = ()
    case: str | None = None

    @property
    def positive(self) -> bool:
        """A positive example is one the rule must find met; every other is a near miss."""
        return self.expect == "met"


@dataclass(frozen=True)
class Rule:
    """How to detect one standard element in statute text."""

    id: str
    element: str
    scope: str
    looks_for: str
    evidence: tuple[Clause, ...]
    examples: tuple[Example, ...]
    path: Path
    line: int
    contradiction: tuple[Clause, ...] = ()
    partial: tuple[Clause, ...] = ()
    judge: str | None = None
    recommendation: str | None = None

    def clauses(self) -> tuple[Clause, ...]:
        return (*self.evidence, *self.contradiction, *self.partial)

    def conditions(self) -> list[Condition]:
        """Every condition tree of the rule (when and unless of every clause)."""
        return [
            condition
            for clause in self.clauses()
            for condition in (clause.when, clause.unless)
            if condition is not None
        ]

    def depends_on(self) -> GapIn | None:
        """The elements whose verdicts this rule reads (through `gap_in`), merged into one node."""
        names = [
            name
            for condition in self.conditions()
            for node in walk(condition)
            if isinstance(node, GapIn)
            for name in node.elements
        ]
        return GapIn(tuple(dict.fromkeys(names))) if names else None


@dataclass(frozen=True)
class ScopeDef:
    """A named set of provisions: those of some statute kinds and/or those a condition picks out.

    With `include_context`, the definitions those provisions use and the provisions they refer to
    are searched too (read together with the offence, as a court would).
    """

    name: str
    description: str
    path: Path
    line: int
    statute_kinds: tuple[str, ...] = ()
    when: Condition | None = None
    include_context: bool = False


@dataclass(frozen=True)
class RuleSet:
    """Every rule by id, with the lexicon and the scopes the rules were written against."""

    rules: dict[str, Rule]
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scopes: dict[str, ScopeDef] = field(default_factory=dict)
    paths: tuple[Path, ...] = ()

    def for_element(self, element_id: str) -> list[Rule]:
        return [rule for rule in self.rules.values() if rule.element == element_id]

    def elements(self) -> list[str]:
        """The elements that have at least one rule, in rule order."""
        return list(dict.fromkeys(rule.element for rule in self.rules.values()))
