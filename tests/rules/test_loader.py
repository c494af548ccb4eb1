"""Rule files: what the loader accepts, and how it refuses a bad one (file, line, problem, hint)."""

from __future__ import annotations

import textwrap

import pytest
from rule_texts import ATTEMPT_RULE_HEAD

from lexcheck.errors import RuleFileError
from lexcheck.rules import check_elements, load_rules

VALID = (
    ATTEMPT_RULE_HEAD
    + """\
      - match: Whoever attempts to violate this section shall be punished.
        style: us
      - no_match: The Council shall meet four times a year.
      - no_match: A person who traffics another person commits an offence.
"""
)


def refused(rule_file, text: str) -> RuleFileError:
    path = rule_file(textwrap.dedent(text))
    with pytest.raises(RuleFileError) as caught:
        load_rules(overrides=[path])
    return caught.value


def test_a_valid_extra_rule_file_loads_on_top_of_the_bundled_rules(rule_file, ruleset):
    loaded = load_rules(overrides=[rule_file(VALID)])
    assert "extra-attempt" in loaded.rules
    assert len(loaded.rules) == len(ruleset.rules) + 1


def test_unknown_key_is_refused_with_line_number_and_did_you_mean(rule_file):
    error = refused(rule_file, VALID.replace("    looks_for:", "    look_for:"))
    assert "extra.yaml" in str(error)
    assert error.line == 5
    assert "line 5" in error.problem
    assert "unknown key 'look_for'" in error.problem
    assert "Did you mean 'looks_for'?" in error.problem


def test_misspelt_key_deep_in_a_condition_names_its_own_line(rule_file):
    error = refused(rule_file, VALID.replace('{terms: ["@attempt-to-offend"]}', '{term: ["x"]}'))
    assert error.line == 7
    assert "Did you mean 'terms'?" in error.problem


def test_ent_type_token_attribute_is_rejected_without_a_trained_model(rule_file):
    text = VALID.replace(
        '{terms: ["@attempt-to-offend"]}', "{pattern: [{LOWER: attempt}, {ENT_TYPE: LAW}]}"
    )
    error = refused(rule_file, text)
    assert error.line == 7
    assert "ENT_TYPE needs a trained spaCy pipeline" in error.problem


@pytest.mark.parametrize("attribute", ["POS", "DEP", "MORPH", "TAG"])
def test_other_model_only_attributes_are_rejected(rule_file, attribute):
    text = VALID.replace('{terms: ["@attempt-to-offend"]}', f"{{pattern: [{{{attribute}: NOUN}}]}}")
    assert f"{attribute} needs a trained spaCy pipeline" in refused(rule_file, text).problem


def test_a_rule_with_too_few_near_miss_examples_is_refused(rule_file):
    text = VALID.replace("      - no_match: The Council shall meet four times a year.\n", "")
    error = refused(rule_file, text)
    assert "has 1 example(s) that are near misses" in error.problem
    assert "at least 2" in error.problem


def test_a_rule_without_examples_is_refused(rule_file):
    text = VALID.split("    examples:")[0]
    assert "required key 'examples' is missing" in refused(rule_file, text).problem


def test_unknown_lexicon_entry_suggests_the_close_one(rule_file):
    error = refused(rule_file, VALID.replace("@attempt-to-offend", "@attempt-to-ofend"))
    assert "unknown lexicon entry '@attempt-to-ofend'" in error.problem
    assert "Did you mean '@attempt-to-offend'?" in error.problem


def test_unknown_scope_suggests_the_close_one(rule_file):
    error = refused(rule_file, VALID.replace("scope: trafficking-law", "scope: trafficking-laws"))
    assert error.line == 4
    assert "Did you mean 'trafficking-law'?" in error.problem


def test_rule_id_must_be_kebab_case(rule_file):
    error = refused(rule_file, VALID.replace("id: extra-attempt", "id: Extra_Attempt"))
    assert "not kebab-case" in error.problem


def test_a_key_written_twice_is_refused(rule_file):
    error = refused(
        rule_file, VALID.replace("    scope:", "    element: tip.accomplice\n    scope:")
    )
    assert "appears twice" in error.problem
    assert error.line == 4


def test_invalid_yaml_names_its_line(rule_file):
    error = refused(rule_file, VALID.replace("looks_for: an attempt clause", "looks_for: [oops"))
    assert "is not valid YAML" in error.problem


def test_two_kinds_of_condition_in_one_mapping_are_refused(rule_file):
    text = VALID.replace('{terms: ["@attempt-to-offend"]}', "{terms: [x], in_scope: offence}")
    assert "exactly one of terms, pattern" in refused(rule_file, text).problem


def test_duplicate_rule_ids_in_one_layer_are_refused(rule_file, tmp_path):
    rule_file(VALID, "one.yaml")
    rule_file(VALID, "two.yaml")
    with pytest.raises(RuleFileError) as caught:
        load_rules(overrides=[tmp_path])
    assert "rule 'extra-attempt' is already defined" in caught.value.problem


def test_an_override_replaces_the_bundled_rule_with_the_same_id(rule_file):
    path = rule_file(VALID.replace("id: extra-attempt", "id: tip-attempt"))
    loaded = load_rules(overrides=[path])
    assert loaded.rules["tip-attempt"].path == path.resolve()
    assert loaded.rules["tip-attempt"].looks_for == "an attempt clause"


def test_a_rule_for_an_element_not_in_the_catalogue_is_refused(rule_file, catalogue):
    loaded = load_rules(overrides=[rule_file(VALID.replace("tip.attempt", "tip.atempt"))])
    with pytest.raises(RuleFileError) as caught:
        check_elements(loaded, catalogue)
    assert "element 'tip.atempt' is not in the standards catalogue" in caught.value.problem
    assert "Did you mean 'tip.attempt'?" in caught.value.problem


def test_partial_clauses_need_a_reason(rule_file):
    text = VALID.replace(
        "    examples:", '    partial:\n      - when: {terms: ["@child"]}\n    examples:'
    )
    assert "needs a 'reason'" in refused(rule_file, text).problem


def test_bundled_rules_all_name_catalogue_elements(ruleset, catalogue):
    check_elements(ruleset, catalogue)
    assert all(rule.element in catalogue.elements for rule in ruleset.rules.values())
