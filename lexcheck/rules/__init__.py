"""Rules: judge each standard element over a framework of statutes, with the words as evidence.

`check_framework` is the stage's verb; `load_rules` reads a rule set (the format is documented in
`lexcheck.rules.loader` and rules/README.md); `run_examples` runs the examples rules carry.
"""

from __future__ import annotations

from lexcheck.rules.compiler import compile_rules
from lexcheck.rules.engine import check_elements, check_framework, findings_for
from lexcheck.rules.examples import ExampleResult, run_examples
from lexcheck.rules.loader import load_rules
from lexcheck.rules.ruleset import Rule, RuleSet

__all__ = [
    "ExampleResult",
    "Rule",
    "RuleSet",
    "check_elements",
    "check_framework",
    "compile_rules",
    "findings_for",
    "load_rules",
    "run_examples",
]
