"""Findings: one per element, with quoted evidence, a why, a stable fingerprint and a severity."""

from __future__ import annotations

import pytest

from lexcheck.errors import RuleFileError
from lexcheck.graph import build_framework
from lexcheck.ingest import load_document
from lexcheck.rules import check_framework
from lexcheck.structure import parse_statute

ACT = """\
PREVENTION OF TRAFFICKING ACT

1. Short title
This Act may be cited as the Prevention of Trafficking Act.

2. Trafficking in persons
(1) A person commits an offence if the person recruits, transports, transfers, harbours or \
receives another person by means of threat, force, fraud or deception for the purpose of \
exploitation, and is liable on conviction to imprisonment for life.
\f
(2) In a prosecution for an offence under subsection (1), it shall not be a defence that the \
person consented to the exploitation.
"""


def check_file(tmp_path, text: str, profile: str = "un-core", **options):
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    statute = parse_statute(load_document(path), kind="tip")
    findings = check_framework(
        build_framework([statute]), options.pop("catalogue"), profile, **options
    )
    return {finding.element: finding for finding in findings}


def test_one_finding_per_element_that_has_a_rule(tmp_path, catalogue, ruleset):
    path = tmp_path / "act.txt"
    path.write_text(ACT, encoding="utf-8")
    findings = check_framework(
        build_framework([parse_statute(load_document(path), kind="tip")]), catalogue
    )
    elements = [finding.element for finding in findings]
    assert sorted(elements) == sorted(ruleset.elements())
    assert elements == [e for e in catalogue.elements if e in set(elements)]


def test_evidence_gives_statute_provision_page_line_and_the_deciding_words(tmp_path, catalogue):
    consent = check_file(tmp_path, ACT, catalogue=catalogue)["tip.consent_irrelevant"]
    evidence = consent.evidence[0]
    assert (consent.status, evidence.role) == ("met", "carrying")
    assert evidence.statute == "act" and evidence.path.endswith("act.txt")
    assert evidence.eid.endswith("subsec_2")
    assert evidence.page == 2
    assert evidence.line == 9
    assert [evidence.quote[s:e] for s, e in evidence.highlights] == [
        "shall not be a defence",
        "consented",
    ]
    assert evidence.quote.startswith("(2) In a prosecution")


def test_quotes_are_at_most_forty_words_and_cut_around_the_matched_words(tmp_path, catalogue):
    long_act = ACT.replace(
        "for the purpose of", "in any manner whatsoever " * 8 + "for the purpose of"
    )
    fraud = check_file(tmp_path, long_act, catalogue=catalogue)["tip.means.fraud"]
    quote = fraud.evidence[0].quote
    assert len(quote.split()) <= 40
    assert "fraud" in [quote[s:e] for s, e in fraud.evidence[0].highlights]


def test_missing_finding_says_what_was_searched_and_where(tmp_path, catalogue):
    finding = check_file(tmp_path, ACT, catalogue=catalogue)["tip.means.abduction"]
    assert finding.status == "missing" and finding.evidence == ()
    assert finding.why.startswith("Looked for abduction or kidnapping")
    assert "found none" in finding.why
    assert "act#sec_2" in finding.scope_searched
    assert finding.recommendation and finding.model_law.startswith("ML-TIP")
    assert finding.severity == "high"


def test_fingerprint_survives_repagination_but_not_a_new_quote(tmp_path, catalogue):
    before = check_file(tmp_path, ACT, catalogue=catalogue)["tip.consent_irrelevant"]
    repaged = check_file(tmp_path, "\f\f\n\n" + ACT, catalogue=catalogue)
    assert repaged["tip.consent_irrelevant"].evidence[0].page != before.evidence[0].page
    assert repaged["tip.consent_irrelevant"].fingerprint == before.fingerprint
    reworded = check_file(
        tmp_path, ACT.replace("shall not be a defence", "shall be no defence"), catalogue=catalogue
    )
    assert reworded["tip.consent_irrelevant"].fingerprint != before.fingerprint
    assert len(before.fingerprint) == 16


@pytest.mark.parametrize(
    ("profile", "strength", "severity"),
    [("un-core", "good-practice", "low"), ("eu", "mandatory", "high")],
)
def test_severity_follows_the_strength_under_the_profile(
    tmp_path, catalogue, profile, strength, severity
):
    finding = check_file(tmp_path, ACT, profile, catalogue=catalogue)["tip.use_of_services"]
    assert (finding.status, finding.strength, finding.severity) == ("missing", strength, severity)


def test_met_findings_have_no_severity(tmp_path, catalogue):
    assert check_file(tmp_path, ACT, catalogue=catalogue)["tip.means.threat"].severity == "none"


def test_rule_paths_replace_a_bundled_rule_with_the_same_id(tmp_path, catalogue, rule_file):
    override = rule_file(
        """\
rules:
  - id: tip-means-threat
    element: tip.means.threat
    scope: trafficking-offence
    looks_for: menaces, and menaces only
    evidence:
      - when: {terms: [menaces]}
    examples:
      - match: A person who by menaces recruits another for the purpose of exploitation commits an offence.
        style: commonwealth
      - match: Whoever by menaces recruits any person for labor shall be punished with imprisonment.
        style: us
      - no_match: A person who by threat recruits another for the purpose of exploitation commits an offence.
      - no_match: The Council shall meet twice a year.
"""
    )
    finding = check_file(tmp_path, ACT, catalogue=catalogue, rule_paths=[override])[
        "tip.means.threat"
    ]
    assert finding.status == "missing"
    assert finding.why.startswith("Looked for menaces, and menaces only")


def test_a_rule_naming_an_unknown_element_stops_the_check(tmp_path, catalogue, rule_file):
    override = rule_file(
        """\
rules:
  - id: extra
    element: tip.unknown_thing
    scope: framework
    looks_for: anything
    evidence:
      - when: {terms: [anything]}
    examples:
      - match: anything
        style: us
      - match: anything at all
        style: commonwealth
      - no_match: nothing
      - no_match: nothing at all
"""
    )
    with pytest.raises(RuleFileError, match="not in the standards catalogue"):
        check_file(tmp_path, ACT, catalogue=catalogue, rule_paths=[override])
