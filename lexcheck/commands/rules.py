"""`lexcheck rules list | validate | test`: inspect, lint and test rule sets, as semgrep does.

Without PATH the bundled rules are used; with PATH (files or folders) those rule files are loaded
on top of the bundled ones (so they may use the shared lexicon and scopes) and only their rules
are listed, linted or tested. Exit codes: 0 all good, 1 lint problems or failing examples, 2 a
rule file that cannot be loaded (reported by the top-level group as one paragraph).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from lexcheck.report.citation import display_path
from lexcheck.rules import check_elements, compile_rules, load_rules, run_examples
from lexcheck.rules.lint import lint_rules
from lexcheck.rules.loader import rule_files
from lexcheck.rules.ruleset import Rule, RuleSet
from lexcheck.standards import load_catalogue

_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


@click.group(name="rules")
def rules() -> None:
    """List, validate and test the rule sets (bundled ones, or the files given)."""


@rules.command(name="list")
@_PATHS
def list_rules(paths: tuple[Path, ...]) -> None:
    """List each rule: id, element, scope and where it is written."""
    ruleset = load_rules(overrides=paths)
    for rule in _selected(ruleset, paths):
        where = f"{display_path(rule.path, None)}:{rule.line}"
        click.echo(f"{rule.id:40} {rule.element:42} {rule.scope:30} {where}")


@rules.command(name="validate")
@_PATHS
def validate(paths: tuple[Path, ...]) -> None:
    """Load the rule files, check every element against the standards, and meta-lint the rules."""
    ruleset = load_rules(overrides=paths)
    check_elements(ruleset, load_catalogue())
    selected = _selected(ruleset, paths)
    problems = lint_rules(selected)
    for problem in problems:
        click.echo(problem.render())
    files = len({rule.path for rule in selected})
    verdict = f"{len(problems)} problem(s)" if problems else "valid"
    click.echo(f"{len(selected)} rules in {files} files: {verdict}.")
    sys.exit(1 if problems else 0)


@rules.command(name="test")
@_PATHS
def test(paths: tuple[Path, ...]) -> None:
    """Run every rule's examples and print pass/fail counts (exit 1 if any example fails)."""
    ruleset = load_rules(overrides=paths)
    check_elements(ruleset, load_catalogue())
    selected = _selected(ruleset, paths)
    results = run_examples(compile_rules(ruleset), {rule.id for rule in selected})
    failed = [result for result in results if not result.passed]
    for result in failed:
        click.echo(f"FAIL {result.describe()}")
    click.echo(
        f"{len(results) - len(failed)} passed, {len(failed)} failed "
        f"({len(selected)} rules, {len(results)} examples)."
    )
    sys.exit(1 if failed else 0)


def _selected(ruleset: RuleSet, paths: Sequence[Path]) -> list[Rule]:
    """The rules written in `paths` (all rules when no path is given)."""
    if not paths:
        return list(ruleset.rules.values())
    files = {file.resolve() for file in rule_files(paths)}
    return [rule for rule in ruleset.rules.values() if rule.path.resolve() in files]
