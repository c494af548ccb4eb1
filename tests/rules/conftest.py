"""Fixtures for the rule engine's tests: the bundled rules compiled once, and a way to check text.

`check_text` builds small statutes from text the way rule examples are built (blank lines
separate sections; `"term" means` lines are definitions), links them with the real framework
graph and returns the findings by element, so a test reads like the hard case it encodes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lexcheck.graph import build_framework
from lexcheck.rules import compile_rules, findings_for, load_rules
from lexcheck.rules.compiler import CompiledRules
from lexcheck.rules.examples import statute_from_text
from lexcheck.rules.model import Finding
from lexcheck.rules.ruleset import RuleSet
from lexcheck.standards import Catalogue, load_catalogue

CheckText = Callable[..., dict[str, Finding]]


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def compiled(ruleset: RuleSet) -> CompiledRules:
    return compile_rules(ruleset)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def check_text(compiled: CompiledRules, catalogue: Catalogue) -> CheckText:
    """check_text(tip_text, *, profile="un-core", **other_statutes) -> {element: Finding}.

    Keyword arguments add statutes of other kinds: `penal="..."`, `immigration="..."`.
    """

    def check(text: str, profile: str = "un-core", **others: str) -> dict[str, Finding]:
        statutes = [statute_from_text(text, "tip-act", "tip")]
        statutes += [statute_from_text(body, f"{kind}-act", kind) for kind, body in others.items()]
        findings = findings_for(compiled, build_framework(statutes), catalogue, profile)
        return {finding.element: finding for finding in findings}

    return check


@pytest.fixture
def rule_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a rule file under a temporary folder and return its path."""

    def write(text: str, name: str = "extra.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
