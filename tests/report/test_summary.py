"""Counts, coverage per family and gap ranking shared by the HTML and Markdown summaries."""

from __future__ import annotations

from lexcheck.report.summary import (
    count_severities,
    count_statuses,
    family_coverage,
    ranked,
    top_gaps,
)


def test_status_counts_cover_every_status(report):
    assert count_statuses(report.findings) == {"met": 8, "partial": 4, "missing": 3, "conflict": 2}


def test_severity_counts_leave_met_elements_out(report):
    assert count_severities(report.findings) == {
        "critical": 2,
        "high": 2,
        "medium": 2,
        "low": 2,
        "advisory": 1,
    }


def test_top_gaps_put_mandatory_before_should_before_good_practice_then_severity(report):
    order = [(f.strength, f.severity, f.status) for f in top_gaps(report.findings, 20)]
    assert order == [
        ("mandatory", "critical", "conflict"),
        ("mandatory", "critical", "conflict"),
        ("mandatory", "high", "missing"),
        ("mandatory", "high", "missing"),
        ("mandatory", "medium", "partial"),
        ("mandatory", "medium", "partial"),
        ("should", "low", "partial"),
        ("good-practice", "low", "missing"),
        ("good-practice", "advisory", "partial"),
    ]


def test_top_gaps_are_capped_and_ranked_puts_met_last(report):
    assert len(top_gaps(report.findings, 3)) == 3
    statuses = [f.status for f in ranked(report.findings)]
    assert statuses[-8:] == ["met"] * 8


def test_family_coverage_reads_like_means_2_of_3_met(report):
    coverage = {c.group: c for c in family_coverage(report)}
    means = coverage["Means"]
    assert (means.met, means.total) == (2, 3)
    assert means.percent("missing") == 33.3
    assert list(coverage)[:3] == ["Offence", "Act", "Means"]
