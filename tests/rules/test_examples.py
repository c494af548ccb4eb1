"""Every rule's own examples, through the same code path as `lexcheck rules test`, and the CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rule_texts import ATTEMPT_RULE_HEAD

from lexcheck.cli import main
from lexcheck.resources import data_dir
from lexcheck.rules import load_rules, run_examples

RULE_IDS = sorted(load_rules().rules)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_examples_pass(compiled, rule_id):
    results = run_examples(compiled, {rule_id})
    assert results, f"{rule_id} has no examples"
    failures = [result.describe() for result in results if not result.passed]
    assert not failures, "\n".join(failures)


def test_every_rule_has_two_examples_met_and_two_near_misses(ruleset):
    for rule in ruleset.rules.values():
        positives = sum(example.positive for example in rule.examples)
        assert positives >= 2 and len(rule.examples) - positives >= 2, rule.id


def test_rules_test_command_passes_on_a_bundled_rule_file():
    consent = data_dir("rules") / "en" / "tip" / "consent.yaml"
    result = CliRunner().invoke(main, ["rules", "test", str(consent)])
    assert result.exit_code == 0, result.output
    assert " passed, 0 failed (1 rules," in result.output


def test_rules_test_command_fails_on_a_wrong_example(rule_file):
    path = rule_file(
        ATTEMPT_RULE_HEAD
        + """\
      - match: The Council shall meet four times a year.
        style: us
      - no_match: The Council shall meet twice a year.
      - no_match: A person who traffics another person commits an offence.
"""
    )
    result = CliRunner().invoke(main, ["rules", "test", str(path)])
    assert result.exit_code == 1
    assert "FAIL" in result.output and "extra-attempt: expected met, got missing" in result.output
    assert "3 passed, 1 failed (1 rules, 4 examples)." in result.output


def test_rules_validate_passes_on_the_bundled_rules():
    result = CliRunner().invoke(main, ["rules", "validate"])
    assert result.exit_code == 0, result.output
    assert "valid." in result.output


def test_rules_validate_exits_2_on_a_bad_rule_file(rule_file):
    path = rule_file("rules:\n  - id: x\n    elemnt: tip.attempt\n")
    result = CliRunner().invoke(main, ["rules", "validate", str(path)])
    assert result.exit_code == 2
    assert "Did you mean 'element'?" in result.output


def test_rules_list_names_each_rule_and_its_file():
    result = CliRunner().invoke(main, ["rules", "list"])
    assert result.exit_code == 0
    assert "tip-consent-irrelevant" in result.output and "consent.yaml:" in result.output
