"""Meta-lint: rules over rules (`lexcheck rules validate`)."""

from __future__ import annotations

from click.testing import CliRunner
from rule_texts import ATTEMPT_RULE_HEAD

from lexcheck.cli import main
from lexcheck.rules import load_rules
from lexcheck.rules.lint import lint_rules

ONE_STYLE = (
    ATTEMPT_RULE_HEAD
    + """\
      - match: Any person who attempts to do so commits an offence.
        style: commonwealth
      - no_match: The Council shall meet four times a year.
      - text: The Council shall meet twice a year.
        expect: missing
        flags: [attempt_missing]
"""
)


def test_bundled_rules_pass_the_meta_lint(ruleset):
    assert lint_rules(ruleset.rules.values()) == []


def test_examples_in_one_drafting_style_and_unknown_flags_are_reported(rule_file):
    path = rule_file(ONE_STYLE)
    rule = load_rules(overrides=[path]).rules["extra-attempt"]
    messages = [problem.message for problem in lint_rules([rule])]
    assert any("1 drafting style(s)" in message for message in messages)
    assert any("flag 'attempt_missing', which no clause" in message for message in messages)


def test_validate_exits_1_on_lint_problems(rule_file):
    result = CliRunner().invoke(main, ["rules", "validate", str(rule_file(ONE_STYLE))])
    assert result.exit_code == 1
    assert "1 rules in 1 files: 2 problem(s)." in result.output
