"""SARIF 2.1.0: valid against the OASIS schema, and shaped for what GitHub code scanning needs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from factories import IMMIGRATION, LABOUR, TIP, make_report, statutes
from jsonschema import Draft4Validator, FormatChecker

from lexcheck.report import render

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    return Draft4Validator(
        json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


@pytest.fixture
def repository(tmp_path) -> Path:
    """A statutes repository: the immigration PDF has a committed text rendition, the labour PDF not."""
    folder = tmp_path / "statutes"
    folder.mkdir()
    for statute in statutes():
        (tmp_path / statute.document.path).write_bytes(b"%PDF-1.7 stand-in")
    immigration = next(s for s in statutes() if s.id == IMMIGRATION)
    rendition = "IMMIGRATION ACT, 2019\n\n" + immigration.document.text.replace(". ", ".\n", 1)
    (folder / f"{IMMIGRATION}.txt").write_text(rendition, encoding="utf-8")
    return tmp_path


@pytest.fixture
def log(repository) -> dict:
    return json.loads(render(make_report(source_root=repository), "sarif"))


def results_by_rule(log: dict) -> dict[str, dict]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def test_log_validates_against_the_official_schema(validator, log):
    assert list(validator.iter_errors(log)) == []


def test_schema_catches_a_result_without_message(validator, log):
    broken = json.loads(json.dumps(log))
    del broken["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(broken))


def test_what_github_code_scanning_needs_beyond_the_schema(log):
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "lexcheck"
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert 0 < len(rule["properties"]["tags"]) <= 20
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert 1 <= len(result["locations"]) <= 10
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not physical["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")


def test_levels_follow_severity_and_met_elements_are_not_results(log, report):
    levels = {rule: r["level"] for rule, r in results_by_rule(log).items()}
    assert levels["tip.child.under_18"] == "error"  # critical
    assert levels["som.criminalised"] == "error"  # high
    assert levels["tip.consent_irrelevant"] == "warning"  # medium
    assert levels["tip.victim.residence"] == "note"  # low
    assert levels["labour.domestic_workers_covered"] == "note"  # advisory
    assert set(levels) == {f.element for f in report.findings if f.is_gap}


def test_a_text_statute_is_located_at_the_evidence_line(log):
    result = results_by_rule(log)["tip.consent_irrelevant"]
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == f"statutes/{TIP}.txt"
    assert location["physicalLocation"]["region"]["startLine"] == 10
    assert location["logicalLocations"][0]["fullyQualifiedName"] == f"{TIP}/sec_5__subsec_3"


def test_a_pdf_with_a_text_rendition_points_at_the_rendition_and_keeps_the_pdf_page(
    log, repository
):
    result = results_by_rule(log)["tip.victim.residence"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == f"statutes/{IMMIGRATION}.txt"
    rendition = (repository / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8")
    expected = next(n for n, line in enumerate(rendition.splitlines(), 1) if line.startswith("20."))
    assert physical["region"]["startLine"] == expected > 1
    pdf = result["relatedLocations"][0]
    assert pdf["physicalLocation"]["artifactLocation"]["uri"] == f"statutes/{IMMIGRATION}.pdf"
    assert pdf["properties"]["page"] == 3 and "page 3" in pdf["message"]["text"]


def test_a_pdf_without_rendition_is_located_at_its_first_line(log):
    physical = results_by_rule(log)["labour.domestic_workers_covered"]["locations"][0]
    assert physical["physicalLocation"]["artifactLocation"]["uri"] == f"statutes/{LABOUR}.pdf"
    assert physical["physicalLocation"]["region"] == {"startLine": 1}


def test_a_conflict_carries_the_other_provision_as_a_related_location(log):
    result = results_by_rule(log)["tip.victim.non_punishment"]
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        f"{IMMIGRATION}/sec_12__subsec_2"
    )
    related = [r["message"]["text"] for r in result["relatedLocations"]]
    assert any(text.startswith(f"carrying: {TIP} s6") for text in related)


def test_a_missing_element_is_located_at_its_home_statute_line_1(log):
    location = results_by_rule(log)["som.criminalised"]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == f"statutes/{IMMIGRATION}.txt"
    assert location["physicalLocation"]["region"] == {"startLine": 1}
    assert location["logicalLocations"][0]["fullyQualifiedName"] == IMMIGRATION


def test_line_hash_survives_repagination(report):
    def repaginated(finding):
        moved = tuple(replace(e, page=e.page + 5, line=None) for e in finding.evidence)
        return replace(finding, evidence=moved)

    before = results_by_rule(json.loads(render(report, "sarif")))
    after = results_by_rule(
        json.loads(render(make_report(findings=[repaginated(f) for f in report.findings]), "sarif"))
    )
    for rule, result in before.items():
        assert result["partialFingerprints"] == after[rule]["partialFingerprints"]


def test_a_finding_accepted_in_the_baseline_is_a_suppressed_result(report):
    conflict = next(f for f in report.findings if f.element == "tip.child.under_18")
    log = json.loads(render(make_report(accepted=frozenset({conflict.fingerprint})), "sarif"))
    assert results_by_rule(log)["tip.child.under_18"]["suppressions"][0]["kind"] == "external"
