"""The Report record: thresholds, accepted findings, anchors and catalogue fallback."""

from __future__ import annotations

import pytest
from factories import make_finding, make_report

from lexcheck.report import ElementInfo, Report, elements_from_catalogue


def by_element(report: Report, element: str):
    return next(f for f in report.findings if f.element == element)


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("critical", {"tip.child.under_18", "tip.victim.non_punishment"}),
        (
            "high",
            {
                "tip.child.under_18",
                "tip.victim.non_punishment",
                "som.criminalised",
                "tip.means.abuse_of_vulnerability",
            },
        ),
        (None, set()),
        ("never", set()),
    ],
)
def test_fails_counts_gaps_at_or_above_the_threshold(fail_on, failing):
    report = make_report(fail_on=fail_on)
    assert {f.element for f in report.findings if report.fails(f)} == failing


def test_advisory_threshold_fails_every_gap_but_never_a_met_element():
    report = make_report(fail_on="advisory")
    assert all(report.fails(f) == f.is_gap for f in report.findings)


def test_unknown_threshold_is_refused():
    with pytest.raises(ValueError, match="fail_on"):
        make_report(fail_on="severe")


def test_a_finding_accepted_in_the_baseline_never_fails(report):
    conflict = by_element(report, "tip.child.under_18")
    accepted = make_report(accepted=frozenset({conflict.fingerprint}))
    finding = by_element(accepted, "tip.child.under_18")
    assert accepted.is_accepted(finding)
    assert not accepted.fails(finding)


def test_anchor_is_F_and_the_element_id_with_dots_as_dashes(report):
    assert report.anchor(by_element(report, "tip.act.recruitment")) == "F-tip-act-recruitment"


def test_anchors_stay_unique_when_an_element_repeats():
    first = make_finding("tip.act.recruitment", "missing", "high", "mandatory", "a")
    second = make_finding("tip.act.recruitment", "partial", "medium", "mandatory", "b")
    report = Report(findings=[first, second], statutes=[])
    assert [report.anchor(first), report.anchor(second)] == [
        "F-tip-act-recruitment",
        "F-tip-act-recruitment-2",
    ]


def test_element_falls_back_to_the_finding_when_the_catalogue_lacks_it(report):
    finding = by_element(report, "som.criminalised")
    bare = make_report(elements={})
    assert bare.element(finding) == ElementInfo.from_finding(finding)
    assert bare.element(finding).group == "som"
    assert report.element(finding).group == "Smuggling"


class _CatalogueEntry:
    title = "Recruitment"
    group = "Act"
    article = "TIP 3(a)"
    model_law = None
    recommendation = "Name recruitment among the acts."


def test_catalogue_entries_become_display_info():
    info = elements_from_catalogue({"tip.act.recruitment": _CatalogueEntry()})
    assert info["tip.act.recruitment"] == ElementInfo(
        "tip.act.recruitment",
        "Recruitment",
        "Act",
        "TIP 3(a)",
        "",
        "Name recruitment among the acts.",
    )
