"""The JSON report and its published schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import IMMIGRATION, TIP
from jsonschema import Draft202012Validator, FormatChecker

import lexcheck

SCHEMA = Path(lexcheck.__file__).parent / "schemas" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def document(rendered) -> dict:
    return json.loads(rendered["json"])


def by_element(document, element):
    return next(f for f in document["findings"] if f["element"] == element)


def test_output_validates_against_the_published_schema(validator, document):
    assert list(validator.iter_errors(document)) == []


def test_schema_catches_a_finding_without_status(validator, document):
    broken = json.loads(json.dumps(document))
    del broken["findings"][0]["status"]
    assert any(
        "'status' is a required property" in e.message for e in validator.iter_errors(broken)
    )


def test_run_metadata_comes_first_and_says_who_wrote_it(rendered, document):
    assert rendered["json"].startswith('{\n  "tool": "lexcheck"')
    assert (document["version"], document["profile"], document["generated_at"]) == (
        "0.1.0",
        "coe",
        "2025-03-01T09:30:00+00:00",
    )
    assert document["counts"]["failing"] == 4
    assert [s["id"] for s in document["statutes"]] == [TIP, IMMIGRATION, "veridia-labour-code"]
    assert document["statutes"][0]["path"] == f"statutes/{TIP}.txt"


def test_a_finding_is_placed_at_its_primary_evidence(document):
    conflict = by_element(document, "tip.victim.non_punishment")
    assert (conflict["statute"], conflict["eid"], conflict["page"]) == (
        IMMIGRATION,
        "sec_12__subsec_2",
        2,
    )
    assert [e["role"] for e in conflict["evidence"]] == ["carrying", "defeating"]
    assert conflict["why"] and conflict["fails"] is True


def test_a_missing_finding_has_no_place_but_its_searched_scope(document):
    missing = by_element(document, "tip.means.abuse_of_vulnerability")
    assert (missing["statute"], missing["eid"], missing["page"]) == (None, None, None)
    assert missing["scope_searched"] == [f"{TIP}#sec_5__subsec_1", f"{TIP}#sec_2"]
