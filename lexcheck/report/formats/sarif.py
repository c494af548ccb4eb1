"""SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Shaped for what GitHub accepts (ECOSYSTEM.md section 4), not only what the schema allows: every
result has a message text and at least one location with `region.startLine`; every rule has help.

A statute is not source code, so locations follow one convention:

* text input: the statute file, at the line of the evidence;
* PDF input: a committed text rendition beside it (same stem, `.txt`) when there is one, at the line
  where the quote appears, so GitHub can show the provision; the PDF itself becomes a related
  location with the page in its message and properties. Without a rendition the PDF is the primary
  location at line 1 (GitHub lists the alert without a preview);
* a `missing` element has no evidence: it is located at its home statute (see `report.matrix`), line 1;
* the provision is a logical location `<statute id>/<eid>`.

`primaryLocationLineHash` comes from the finding's fingerprint, which leaves out page and line, so
alerts survive re-pagination. Met findings are not results.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lexcheck.report.citation import cite, display_path, short_eid
from lexcheck.report.matrix import home_statute
from lexcheck.report.model import Report
from lexcheck.rules.model import Evidence, Finding

GENERATOR_MARKER = '"name": "lexcheck"'
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL_BY_SEVERITY = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "advisory": "note",
}
_LEVEL_BY_STRENGTH = {"mandatory": "error", "should": "warning", "good-practice": "note"}
_SRCROOT = "%SRCROOT%"


@dataclass
class _Artifacts:
    """Turns statute files into SARIF artifact locations, reading each text rendition once."""

    report: Report
    _renditions: dict[Path, str | None] = field(default_factory=dict)

    def _on_disk(self, path: Path) -> Path:
        root = self.report.source_root
        return path if path.is_absolute() or root is None else root / path

    def artifact(self, path: Path) -> dict[str, str]:
        uri = display_path(path, self.report.source_root)
        if Path(uri).is_absolute():
            return {"uri": Path(uri).as_uri()}
        return {"uri": uri, "uriBaseId": _SRCROOT}

    def rendition(self, pdf: Path) -> str | None:
        """The text of the committed `.txt` rendition beside a PDF, if there is one."""
        candidate = pdf.with_suffix(".txt")
        if candidate not in self._renditions:
            on_disk = self._on_disk(candidate)
            text = (
                on_disk.read_text(encoding="utf-8", errors="replace") if on_disk.is_file() else None
            )
            self._renditions[candidate] = text
        return self._renditions[candidate]


def _line_of(text: str, quote: str) -> int:
    """The 1-based line where the quote's first words occur in `text`, whatever the line breaks."""
    words = quote.split()[:8]
    match = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _physical(artifacts: _Artifacts, path: Path, line: int) -> dict[str, object]:
    return {"artifactLocation": artifacts.artifact(path), "region": {"startLine": line}}


def _file_locations(
    artifacts: _Artifacts, path: Path, fmt: str, line: int | None, quote: str, page: int | None
) -> tuple[dict[str, object], list[dict[str, object]]]:
    """Where to point for a place in one statute file, and the PDF as a related location if apart."""
    if fmt != "pdf":
        return _physical(artifacts, path, line or 1), []
    rendition = artifacts.rendition(path)
    if rendition is None:
        return _physical(artifacts, path, 1), []
    pdf: dict[str, object] = {"physicalLocation": {"artifactLocation": artifacts.artifact(path)}}
    if page is not None:
        pdf |= {"message": {"text": f"source PDF, page {page}"}, "properties": {"page": page}}
    line_in_rendition = _line_of(rendition, quote) if quote else 1
    return _physical(artifacts, path.with_suffix(".txt"), line_in_rendition), [pdf]


def _evidence_locations(
    report: Report, artifacts: _Artifacts, evidence: Evidence
) -> tuple[dict[str, object], list[dict[str, object]]]:
    statute = report.statute(evidence.statute)
    if statute is None:
        path = Path(evidence.path)
        fmt, line = path.suffix.lstrip(".").lower(), evidence.line
    else:
        path, fmt = statute.document.path, statute.document.format
        line = evidence.line or statute.document.line_at(evidence.span[0])
    return _file_locations(artifacts, path, fmt, line, evidence.quote, evidence.page)


def _logical(statute_id: str, eid: str | None) -> list[dict[str, str]]:
    if eid is None:
        return [{"fullyQualifiedName": statute_id, "kind": "module", "name": statute_id}]
    return [
        {"fullyQualifiedName": f"{statute_id}/{eid}", "kind": "element", "name": short_eid(eid)}
    ]


def _locations(
    report: Report, artifacts: _Artifacts, finding: Finding
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Primary location (at most one) and related locations: the other evidence, the PDF pages."""
    primary = finding.primary
    if primary is None:
        home = home_statute(finding, report.statutes)
        if home is None:
            return [], []
        document = home.document
        physical, related = _file_locations(artifacts, document.path, document.format, 1, "", None)
        location = {"physicalLocation": physical, "logicalLocations": _logical(home.id, None)}
        return [location], related
    physical, related = _evidence_locations(report, artifacts, primary)
    for other in (e for e in finding.evidence if e is not primary):
        other_physical, other_related = _evidence_locations(report, artifacts, other)
        message = {"text": f"{other.role}: {cite(other)}"}
        related.append({"physicalLocation": other_physical, "message": message})
        related.extend(other_related)
    primary_location = {
        "physicalLocation": physical,
        "logicalLocations": _logical(primary.statute, primary.eid),
    }
    return [primary_location], related


def _fingerprint(finding: Finding) -> str:
    primary = finding.primary
    basis = finding.fingerprint or "\x1f".join(
        (finding.element, primary.statute if primary else "", primary.eid if primary else "")
    )
    return hashlib.sha256(basis.encode()).hexdigest()[:16] + ":1"


def _message(finding: Finding) -> str:
    text = f"{finding.status.upper()} ({finding.severity}): {finding.title}. {finding.why}"
    if finding.evidence:
        cited = "; ".join(f"{e.role}: {cite(e)}" for e in finding.evidence)
        return f"{text} Evidence: {cited}."
    if finding.scope_searched:
        return f"{text} Searched: {', '.join(finding.scope_searched)}."
    return text


def _result(report: Report, artifacts: _Artifacts, finding: Finding, index: int) -> dict:
    locations, related = _locations(report, artifacts, finding)
    primary = finding.primary
    result: dict[str, object] = {
        "ruleId": finding.element,
        "ruleIndex": index,
        "level": _LEVEL_BY_SEVERITY.get(finding.severity, "warning"),
        "kind": "fail",
        "message": {"text": _message(finding)},
        "locations": locations,
        "partialFingerprints": {"primaryLocationLineHash": _fingerprint(finding)},
        "properties": {
            "status": finding.status,
            "severity": finding.severity,
            "strength": finding.strength,
            "rule": finding.rule,
            "page": primary.page if primary else None,
            "flags": list(finding.flags),
            "scopeSearched": list(finding.scope_searched),
        },
    }
    if report.is_accepted(finding):
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": "accepted in the baseline"}
        ]
    if related:
        result["relatedLocations"] = [item | {"id": i} for i, item in enumerate(related)]
    return result


def _rule(report: Report, finding: Finding) -> dict[str, object]:
    info = report.element(finding)
    model_law = f" Model Law: {info.model_law}." if info.model_law else ""
    level = _LEVEL_BY_STRENGTH.get(finding.strength, "warning")
    tags = [info.group, finding.element.rsplit(".", 1)[0], finding.strength]
    return {
        "id": finding.element,
        "shortDescription": {"text": info.title},
        "fullDescription": {
            "text": f"{info.title}: required by {info.article} ({finding.strength})."
        },
        "help": {
            "text": f"{info.article}. {info.recommendation}{model_law}",
            "markdown": (
                f"**{info.title}** ({info.article}, {finding.strength})\n\n{info.recommendation}"
                + (f"\n\n*Model Law:* {info.model_law}" if info.model_law else "")
            ),
        },
        "defaultConfiguration": {"level": level},
        "properties": {
            "tags": list(dict.fromkeys(t for t in tags if t)),
            "precision": "medium",
            "problem.severity": level,
        },
    }


def document(report: Report) -> dict[str, object]:
    """The SARIF log: one run, one rule per element, one result per gap."""
    rule_index: dict[str, int] = {}
    rules = []
    for finding in report.findings:
        if finding.element not in rule_index:
            rule_index[finding.element] = len(rules)
            rules.append(_rule(report, finding))
    artifacts = _Artifacts(report)
    results = [
        _result(report, artifacts, f, rule_index[f.element]) for f in report.findings if f.is_gap
    ]
    run = {
        "tool": {"driver": {"name": "lexcheck", "version": report.tool_version, "rules": rules}},
        "automationDetails": {"id": _category(report)},
        "originalUriBaseIds": {
            _SRCROOT: {"description": {"text": "The root of the statutes repository."}}
        },
        "columnKind": "unicodeCodePoints",
        "properties": {
            "profile": report.profile,
            "generatedAt": report.generated_at.isoformat(),
            "failOn": report.fail_on,
            "suppressed": report.suppressed,
            "baselined": report.baselined,
        },
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"


def _category(report: Report) -> str:
    """The analysis category: one per framework and profile, so several uploads never clash."""
    parts = ["lexcheck", *([report.name] if report.name else []), report.profile]
    return "/".join(parts) + "/"
