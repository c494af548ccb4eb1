"""The JSON report: every finding with its evidence, for programs (schema: lexcheck/schemas/report.schema.json).

The same document is embedded in the HTML report, so a reader who saves the page also has the data.
Each finding is flattened onto its primary evidence (`statute`, `eid`, `page`, `line`), which are null
for a `missing` element; the full evidence list follows for conflicts and multi-provision findings.
"""

from __future__ import annotations

import json
from collections import Counter

from lexcheck.report.citation import display_path
from lexcheck.report.model import Report
from lexcheck.report.summary import count_severities, count_statuses
from lexcheck.rules.model import Evidence, Finding
from lexcheck.structure.model import Statute

SCHEMA_ID = "https://lexcheck.invalid/schemas/report.schema.json"
GENERATOR_MARKER = f'"$schema": "{SCHEMA_ID}"'
"""Text near the top of every JSON report that says lexcheck wrote it. `"tool": "lexcheck"` alone
would not do: lexcheck's baseline file starts with it too, and that file holds human decisions."""


def _statute(report: Report, statute: Statute) -> dict[str, object]:
    document = statute.document
    return {
        "id": statute.id,
        "title": statute.title,
        "kind": statute.kind,
        "kind_detected": statute.kind_detected,
        "path": display_path(document.path, report.source_root),
        "format": document.format,
        "pages": document.page_count,
        "sha256": document.sha256,
        "provisions": sum(1 for _ in statute.walk()),
        "definitions": len(statute.definitions),
        "references": len(statute.references),
        "furniture": len(document.furniture),
    }


def _evidence(report: Report, evidence: Evidence) -> dict[str, object]:
    return {
        "statute": evidence.statute,
        "path": display_path(evidence.path, report.source_root),
        "eid": evidence.eid,
        "page": evidence.page,
        "line": evidence.line,
        "role": evidence.role,
        "quote": evidence.quote,
        "span": list(evidence.span),
        "highlights": [list(h) for h in evidence.highlights],
    }


def _finding(report: Report, finding: Finding) -> dict[str, object]:
    primary = finding.primary if finding.status != "missing" else None
    return {
        "id": report.anchor(finding),
        "element": finding.element,
        "rule": finding.rule,
        "title": finding.title,
        "group": report.element(finding).group,
        "family": finding.family,
        "article": finding.article,
        "strength": finding.strength,
        "status": finding.status,
        "severity": finding.severity,
        "fails": report.fails(finding),
        "accepted": report.is_accepted(finding),
        "statute": primary.statute if primary else None,
        "eid": primary.eid if primary else None,
        "page": primary.page if primary else None,
        "line": primary.line if primary else None,
        "why": finding.why,
        "recommendation": finding.recommendation,
        "model_law": finding.model_law,
        "evidence": [_evidence(report, e) for e in finding.evidence],
        "scope_searched": list(finding.scope_searched),
        "flags": list(finding.flags),
        "fingerprint": finding.fingerprint,
        "extra": finding.extra,
    }


def _graph_summary(report: Report) -> dict[str, object] | None:
    if report.graph is None:
        return None
    kinds = Counter(str(d.get("kind", "")) for _, _, d in report.graph.edges(data=True))
    return {
        "nodes": report.graph.number_of_nodes(),
        "edges": report.graph.number_of_edges(),
        "edges_by_kind": dict(sorted(kinds.items())),
    }


def document(report: Report) -> dict[str, object]:
    """The report as plain JSON-ready data; `tool` and `$schema` come first, where readers look."""
    return {
        "tool": "lexcheck",
        "$schema": SCHEMA_ID,
        "version": report.tool_version,
        "profile": report.profile,
        "generated_at": report.generated_at.isoformat(),
        "fail_on": report.fail_on,
        "counts": {
            "status": count_statuses(report.findings),
            "severity": count_severities(report.findings),
            "failing": sum(report.fails(f) for f in report.findings),
            "suppressed": report.suppressed,
            "baselined": report.baselined,
        },
        "statutes": [_statute(report, s) for s in report.statutes],
        "graph": _graph_summary(report),
        "findings": [_finding(report, f) for f in report.findings],
    }


def dumps(data: object, indent: int | None = 2) -> str:
    """JSON text with non-ASCII kept readable; unknown objects in `extra` become strings."""
    return json.dumps(data, indent=indent, ensure_ascii=False, default=str)


def render(report: Report) -> str:
    return dumps(document(report)) + "\n"
