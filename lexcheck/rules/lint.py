"""Meta-lint: rules over rules, run by `lexcheck rules validate` (semgrep's rule lint, for us).

The loader already refuses what makes a rule file unusable (bad YAML, unknown keys, too few
examples, unknown lexicon entries or scopes) and `check_elements` refuses unknown elements. What
is left are problems that keep a rule honest rather than runnable:

* its examples that must be met come in one drafting style only, so the rule may know just one
  country's way of writing the law (STANDARDS.md tags Commonwealth, US and civil-law phrasings);
* an example expects a flag that no clause of the rule can raise (a typo that would make the
  example's flag check vacuous).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lexcheck.rules.penalties import FLAGS as PENALTY_FLAGS
from lexcheck.rules.ruleset import Rule

MIN_STYLES = 2


@dataclass(frozen=True)
class LintProblem:
    """One problem found in one rule, where to find it, and what is wrong."""

    path: Path
    line: int
    rule: str
    message: str

    def render(self) -> str:
        return f"{self.path}:{self.line}: rule {self.rule}: {self.message}"


def lint_rules(rules: Iterable[Rule]) -> list[LintProblem]:
    """Every meta-lint problem of the given rules, in rule order."""
    problems: list[LintProblem] = []
    for rule in rules:
        problems.extend(_styles(rule))
        problems.extend(_flags(rule))
    return problems


def _styles(rule: Rule) -> list[LintProblem]:
    styles = {e.style for e in rule.examples if e.positive and e.style not in (None, "other")}
    if len(styles) >= MIN_STYLES:
        return []
    return [
        LintProblem(
            rule.path,
            rule.line,
            rule.id,
            f"the examples that must be met use {len(styles)} drafting style(s); give them at "
            f"least {MIN_STYLES} different `style:` values (commonwealth, us, civil-law, model-law).",
        )
    ]


def _flags(rule: Rule) -> list[LintProblem]:
    known = {c.flag for c in rule.clauses() if c.flag}
    if rule.judge == "penalties":
        known |= set(PENALTY_FLAGS)
    return [
        LintProblem(
            rule.path,
            example.line,
            rule.id,
            f"example expects flag '{flag}', which no clause of the rule raises.",
        )
        for example in rule.examples
        for flag in example.flags
        if flag not in known
    ]
