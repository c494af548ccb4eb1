"""JUnit XML: one suite per statute, one case per element, failures at the threshold."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from factories import IMMIGRATION, LABOUR, TIP, make_report

from lexcheck.report import render


@pytest.fixture(scope="module")
def root(rendered) -> ET.Element:
    return ET.fromstring(rendered["junit"].encode())


def case(root: ET.Element, statute: str, element: str) -> ET.Element:
    suite = root.find(f"testsuite[@name='{statute}']")
    return suite.find(f"testcase[@name='{element}']")


def properties(element: ET.Element) -> dict[str, str]:
    return {p.get("name"): p.get("value") for p in element.iterfind("properties/property")}


def test_structure_is_testsuites_of_testsuite_per_statute_of_testcase_per_element(root, report):
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [TIP, IMMIGRATION, LABOUR]
    for suite in suites:
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == [f.element for f in report.findings]
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert {child.tag for child in suite} == {"properties", "testcase"}
        for testcase in cases:
            assert {child.tag for child in testcase} <= {"properties", "failure"}
            assert testcase.get("classname").startswith("palermo.")
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites))


def test_classname_is_the_element_family(root):
    assert case(root, TIP, "tip.means.threat").get("classname") == "palermo.tip.means"


def test_a_conflict_fails_in_both_statutes_it_involves_with_why_and_evidence(root):
    for statute in (TIP, IMMIGRATION):
        failure = case(root, statute, "tip.victim.non_punishment").find("failure")
        assert failure.get("type") == "conflict"
        assert failure.get("message").startswith("conflict (critical)")
        assert "no exemption shall apply" in failure.text and "defeating:" in failure.text
    assert case(root, LABOUR, "tip.victim.non_punishment").find("failure") is None


def test_a_partial_below_the_threshold_passes_with_its_status_as_a_property(root):
    testcase = case(root, TIP, "tip.consent_irrelevant")
    assert testcase.find("failure") is None
    assert properties(testcase) == {"status": "partial", "severity": "medium"}
    assert properties(case(root, LABOUR, "tip.consent_irrelevant"))["status"] == "not-involved"


def test_a_lower_threshold_fails_the_partials_too():
    root = ET.fromstring(render(make_report(fail_on="medium"), "junit").encode())
    assert case(root, TIP, "tip.consent_irrelevant").find("failure") is not None


def test_control_characters_from_pdfs_cannot_break_the_xml(report):
    finding = replace(report.findings[6], why="form\x0cfeed and\x00null")
    text = render(make_report(findings=[finding]), "junit")
    assert "formfeed andnull" in ET.fromstring(text.encode()).find(".//failure").text
