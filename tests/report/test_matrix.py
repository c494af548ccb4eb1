"""Which statute a framework-wide finding concerns."""

from __future__ import annotations

from factories import IMMIGRATION, LABOUR, TIP, make_finding

from lexcheck.report import matrix


def by_element(report, element):
    return next(f for f in report.findings if f.element == element)


def test_a_conflict_shows_in_both_statutes_with_their_roles(report):
    row = matrix.row(report, by_element(report, "tip.victim.non_punishment"))
    assert row == [
        matrix.Cell("conflict", ("carrying",)),
        matrix.Cell("conflict", ("defeating",)),
        None,
    ]


def test_a_missing_element_is_charged_to_the_first_statute_in_its_searched_scope(report):
    finding = by_element(report, "som.criminalised")
    assert matrix.home_statute(finding, report.statutes).id == IMMIGRATION
    assert matrix.row(report, finding) == [None, matrix.Cell("missing", ("searched",)), None]


def test_without_scope_a_missing_element_goes_to_the_statute_of_its_kind(report):
    finding = make_finding("labour.domestic_workers_covered", "missing", "high", "mandatory", "x")
    assert matrix.home_statute(finding, report.statutes).id == LABOUR
    unknown = make_finding("som.criminalised", "missing", "high", "mandatory", "x")
    assert matrix.home_statute(unknown, report.statutes[:1]).id == TIP
    assert matrix.home_statute(unknown, []) is None
