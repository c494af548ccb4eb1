"""The `Report`: everything every output format needs, gathered once after baselines are applied.

DESIGN.md puts baselines and suppressions before any writer runs, so that html, json, sarif, markdown
and junit cannot disagree. Each format is therefore a pure function of one `Report`: the findings that
survived the baseline, the statutes they quote, the framework graph, and the little run metadata a
reader needs to trust the page (profile, version, time, threshold, how much was suppressed).

The report depends only on the data contracts (`Finding`, `Statute`, a networkx graph) and on a
duck-typed view of the standards catalogue, so it can be tested and used without the rule engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lexcheck import __version__
from lexcheck.rules.model import SEVERITIES, Finding
from lexcheck.structure.model import Statute

if TYPE_CHECKING:
    import networkx as nx

STRENGTHS = ("mandatory", "should", "good-practice")
"""Strength of the source obligation, strongest first (STANDARDS.md section 0)."""

FAIL_THRESHOLDS = SEVERITIES[:-1]
"""Severities a run can fail on: every severity but `none`, which only met elements carry."""


class CatalogueElement(Protocol):
    """What the report reads from one entry of the standards catalogue (`load_catalogue().elements`)."""

    title: str
    group: str
    article: str
    model_law: str | None
    recommendation: str


@dataclass(frozen=True)
class ElementInfo:
    """How one standard element is shown: its title, display family (`group`) and citations.

    The strength is not here: it depends on the profile, so it is read from the finding.
    """

    id: str
    title: str
    group: str
    article: str
    model_law: str = ""
    recommendation: str = ""

    @classmethod
    def from_catalogue(cls, element_id: str, entry: CatalogueElement) -> ElementInfo:
        return cls(
            id=element_id,
            title=entry.title,
            group=entry.group,
            article=entry.article,
            model_law=entry.model_law or "",
            recommendation=entry.recommendation,
        )

    @classmethod
    def from_finding(cls, finding: Finding) -> ElementInfo:
        """Fallback when no catalogue was given: the finding carries the same facts."""
        return cls(
            id=finding.element,
            title=finding.title,
            group=finding.family,
            article=finding.article,
            model_law=finding.model_law,
            recommendation=finding.recommendation,
        )


def elements_from_catalogue(elements: dict[str, CatalogueElement]) -> dict[str, ElementInfo]:
    """The display info of every catalogue element, keyed by element id."""
    return {eid: ElementInfo.from_catalogue(eid, entry) for eid, entry in elements.items()}


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Report:
    """One check's result, ready to be written in any format.

    `findings` are what survived the baseline and suppressions. `suppressed` and `baselined` count
    the findings that were taken out before the report, so readers know the page is not the whole
    story; `accepted` holds the fingerprints of findings that are shown but were accepted by a
    baseline, so they never fail the run. `fail_on` is the lowest severity that fails the run
    (None, or "never" as lexcheck.yaml spells it: report only). `source_root` is the directory
    statute paths are made relative to (SARIF's %SRCROOT%; the current directory when None).
    `html_report` is where the HTML report will be published, so the Markdown summary can link
    into it. `name` names the analysis (a framework of lexcheck.yaml): code-scanning tools keep
    analyses with different names apart.
    """

    findings: list[Finding]
    statutes: list[Statute]
    graph: nx.MultiDiGraph | None = None
    profile: str = "un-core"
    tool_version: str = __version__
    generated_at: datetime = field(default_factory=_now)
    fail_on: str | None = "high"
    suppressed: int = 0
    baselined: int = 0
    accepted: frozenset[str] = frozenset()
    elements: dict[str, ElementInfo] = field(default_factory=dict)
    source_root: Path | None = None
    html_report: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if self.fail_on == "never":
            self.fail_on = None
        if self.fail_on is not None and self.fail_on not in FAIL_THRESHOLDS:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_THRESHOLDS)} or None")

    def element(self, finding: Finding) -> ElementInfo:
        """The catalogue's view of the finding's element, or the finding's own copy of it."""
        return self.elements.get(finding.element) or ElementInfo.from_finding(finding)

    def statute(self, statute_id: str) -> Statute | None:
        return self._statutes_by_id.get(statute_id)

    def is_accepted(self, finding: Finding) -> bool:
        return bool(finding.fingerprint) and finding.fingerprint in self.accepted

    def fails(self, finding: Finding) -> bool:
        """True when the finding is a new gap at or above the `fail_on` severity."""
        if self.fail_on is None or not finding.is_gap or self.is_accepted(finding):
            return False
        return SEVERITIES.index(finding.severity) <= SEVERITIES.index(self.fail_on)

    def anchor(self, finding: Finding) -> str:
        """The finding's stable HTML id: `F-` and the element id with dots as dashes."""
        return self._anchors[id(finding)]

    @cached_property
    def _statutes_by_id(self) -> dict[str, Statute]:
        return {statute.id: statute for statute in self.statutes}

    @cached_property
    def _anchors(self) -> dict[int, str]:
        # One finding per element is the rule; a repeated element still gets a unique id.
        anchors: dict[int, str] = {}
        taken: set[str] = set()
        for finding in self.findings:
            base = "F-" + "".join(c if c.isalnum() or c in "_-" else "-" for c in finding.element)
            anchor, n = base, 1
            while anchor in taken:
                n += 1
                anchor = f"{base}-{n}"
            taken.add(anchor)
            anchors[id(finding)] = anchor
        return anchors
