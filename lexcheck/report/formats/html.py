"""The HTML gap report: one self-contained file a reviewer opens from disk, reads, filters and prints.

Shaped after coverage.py's report (ECOSYSTEM.md section 6): summary first, then a matrix of elements
x statutes, every finding with its evidence quoted, and each statute annotated provision by
provision with the elements it satisfies or contradicts. Everything is inline (CSS, a little vanilla
JS, the cross-reference graph as SVG, the findings as embedded JSON) and a Content-Security-Policy
forbids any fetch, so the page works offline and provably sends nothing anywhere.

Statute text is untrusted input: jinja2 autoescaping is on for the whole template, and this module
hands the template data (text runs, ids), never markup. Anchor ids follow `report.citation`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import jinja2

from lexcheck.report import matrix
from lexcheck.report.citation import display_path, provision_anchor, short_eid, statute_anchor
from lexcheck.report.formats import json as json_format
from lexcheck.report.graph_drawing import GraphDrawing, draw
from lexcheck.report.highlight import runs
from lexcheck.report.model import ElementInfo, Report
from lexcheck.report.summary import (
    FamilyCoverage,
    count_severities,
    count_statuses,
    family_coverage,
    ranked,
    top_gaps,
)
from lexcheck.rules.model import SEVERITIES, STATUSES, Evidence, Finding
from lexcheck.structure.model import Provision, Statute

GENERATOR_MARKER = '<meta name="generator" content="lexcheck'
TOP_GAPS = 10
ROLE_WORDS = {
    "carrying": "satisfies",
    "defeating": "contradicts",
    "weakening": "weakens",
    "resolving": "resolves",
    "searched": "searched",
}
"""How a provision's part in a finding reads on its badge: words, so colour is never the only signal."""


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("lexcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["short_eid"] = short_eid
    environment.filters["role_word"] = lambda role: ROLE_WORDS.get(role, role)
    return environment


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    runs: list[tuple[str, bool]]
    href: str | None


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    anchor: str
    info: ElementInfo
    evidence: list[EvidenceView]
    fails: bool
    accepted: bool


@dataclass(frozen=True)
class MatrixRow:
    view: FindingView
    cells: list[matrix.Cell | None]


@dataclass(frozen=True)
class Tag:
    """A badge on a provision: the element it satisfies, contradicts, weakens or resolves."""

    href: str
    element: str
    status: str
    role: str


@dataclass(frozen=True)
class ProvisionView:
    provision: Provision
    anchor: str
    alias: str | None
    depth: int
    heading: str
    runs: list[tuple[str, bool]]
    tags: list[Tag]


@dataclass(frozen=True)
class StatuteView:
    statute: Statute
    anchor: str
    path: str
    provisions: list[ProvisionView]


_Placed = dict[tuple[str, str], list[tuple[Finding, Evidence]]]


def _evidence_by_provision(report: Report) -> _Placed:
    placed: _Placed = {}
    for finding in report.findings:
        for evidence in finding.evidence:
            placed.setdefault((evidence.statute, evidence.eid), []).append((finding, evidence))
    return placed


def _evidence_view(report: Report, evidence: Evidence) -> EvidenceView:
    statute = report.statute(evidence.statute)
    linked = statute is not None and statute.provision(evidence.eid) is not None
    href = "#" + provision_anchor(evidence.statute, evidence.eid) if linked else None
    return EvidenceView(evidence, runs(evidence.quote, evidence.highlights), href)


def _finding_view(report: Report, finding: Finding) -> FindingView:
    return FindingView(
        finding=finding,
        anchor=report.anchor(finding),
        info=report.element(finding),
        evidence=[_evidence_view(report, e) for e in finding.evidence],
        fails=report.fails(finding),
        accepted=report.is_accepted(finding),
    )


def _walk(provisions: list[Provision], depth: int = 0) -> Iterator[tuple[Provision, int]]:
    for provision in provisions:
        yield provision, depth
        yield from _walk(provision.children, depth + 1)


def _highlights_in(
    provision: Provision, placed: list[tuple[Finding, Evidence]]
) -> Iterator[tuple[int, int]]:
    """The matched words of every evidence quote, as offsets into the provision's own text."""
    start = provision.span[0]
    for _, evidence in placed:
        for h_start, h_end in evidence.highlights:
            yield evidence.span[0] + h_start - start, evidence.span[0] + h_end - start


def _provision_view(
    report: Report, statute: Statute, provision: Provision, depth: int, alias: bool, placed: _Placed
) -> ProvisionView:
    here = placed.get((statute.id, provision.eid), [])
    tags = [Tag("#" + report.anchor(f), f.element, f.status, e.role) for f, e in here]
    heading = provision.heading if provision.heading not in provision.text else ""
    return ProvisionView(
        provision=provision,
        anchor=provision_anchor(statute.id, provision.eid),
        alias=provision.eid if alias else None,
        depth=depth,
        heading=heading,
        runs=runs(provision.text, _highlights_in(provision, here)),
        tags=tags,
    )


def _statute_views(report: Report) -> list[StatuteView]:
    """Every statute's provisions; a bare eid anchors the first statute that has the provision."""
    placed = _evidence_by_provision(report)
    aliased: set[str] = set()
    views = []
    for statute in report.statutes:
        provisions = []
        for provision, depth in _walk(statute.provisions):
            alias = provision.eid not in aliased
            aliased.add(provision.eid)
            provisions.append(_provision_view(report, statute, provision, depth, alias, placed))
        path = display_path(statute.document.path, report.source_root)
        views.append(StatuteView(statute, statute_anchor(statute.id), path, provisions))
    return views


def _matrix(report: Report, views: dict[int, FindingView]) -> list[tuple[str, list[MatrixRow]]]:
    groups: dict[str, list[MatrixRow]] = {}
    for finding in report.findings:
        row = MatrixRow(views[id(finding)], matrix.row(report, finding))
        groups.setdefault(report.element(finding).group, []).append(row)
    return list(groups.items())


def _embedded_json(report: Report) -> str:
    """The JSON report, safe inside <script>: no `<`, `>`, `&` or line separators left raw."""
    text = json_format.dumps(json_format.document(report), indent=None)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _title(report: Report) -> str:
    if not report.statutes:
        return "no statutes"
    first = report.statutes[0].title or report.statutes[0].id
    more = len(report.statutes) - 1
    return f"{first} and {more} more" if more else first


@dataclass(frozen=True)
class _Page:
    """Everything the template reads, named for what it shows."""

    report: Report
    title: str
    statuses: tuple[str, ...]
    severities: list[str]
    groups: list[str]
    status_counts: dict[str, int]
    severity_counts: dict[str, int]
    failing: int
    coverage: list[FamilyCoverage]
    top_gaps: list[FindingView]
    matrix: list[tuple[str, list[MatrixRow]]]
    findings: list[FindingView]
    statutes: list[StatuteView]
    graph: GraphDrawing | None
    data_json: str


def _page(report: Report) -> _Page:
    views = {id(f): _finding_view(report, f) for f in report.findings}
    coverage = family_coverage(report)
    present = {f.severity for f in report.findings}
    return _Page(
        report=report,
        title=_title(report),
        statuses=STATUSES,
        severities=[s for s in SEVERITIES if s in present],
        groups=[c.group for c in coverage],
        status_counts=count_statuses(report.findings),
        severity_counts=count_severities(report.findings),
        failing=sum(v.fails for v in views.values()),
        coverage=coverage,
        top_gaps=[views[id(f)] for f in top_gaps(report.findings, TOP_GAPS)],
        matrix=_matrix(report, views),
        findings=[views[id(f)] for f in ranked(report.findings)],
        statutes=_statute_views(report),
        graph=draw(report),
        data_json=_embedded_json(report),
    )


def render(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(page=_page(report))
