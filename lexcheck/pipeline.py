"""Run the stages in order for a set of files: read and parse each statute, then build the framework.

The CLI commands (`check`, `ci`, `eval`, `diff`) all go through here, so they read statutes the same
way: in parallel per statute when there are several (spaCy and pdfplumber are single-threaded; one
worker process per statute uses both cores without shipping large objects back and forth), and from
the cache when the file has not changed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lexcheck.baseline import AcceptedFinding, split_by_baseline
from lexcheck.cache import StatuteCache
from lexcheck.graph import Framework, build_framework
from lexcheck.ingest import load_document
from lexcheck.report import Report, elements_from_catalogue
from lexcheck.rules import check_framework
from lexcheck.rules.model import Finding
from lexcheck.standards import Catalogue, load_catalogue
from lexcheck.structure import Statute, parse_statute


@dataclass(frozen=True)
class StatuteSource:
    """A statute file to read, with the kind the user gave for it (None: detect it)."""

    path: Path
    kind: str | None = None


def read_statute(source: StatuteSource) -> Statute:
    """Ingest and parse one statute file."""
    return parse_statute(load_document(source.path), kind=source.kind)


def default_jobs() -> int:
    """Worker processes to use: one per core, at most two (parsing is memory-light but CPU-bound)."""
    return max(1, min(2, os.cpu_count() or 1))


def read_statutes(
    sources: Sequence[StatuteSource],
    *,
    jobs: int | None = None,
    cache: StatuteCache | None = None,
) -> list[Statute]:
    """Read every source, from the cache where possible, keeping the given order."""
    statutes: list[Statute | None] = [
        cache.get(source.path, source.kind) if cache else None for source in sources
    ]
    todo = [index for index, statute in enumerate(statutes) if statute is None]
    workers = min(jobs or default_jobs(), len(todo))
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parsed = list(pool.map(read_statute, [sources[i] for i in todo]))
    else:
        parsed = [read_statute(sources[i]) for i in todo]
    for index, statute in zip(todo, parsed, strict=True):
        statutes[index] = statute
        if cache:
            cache.put(sources[index].path, sources[index].kind, statute)
    return [statute for statute in statutes if statute is not None]


@dataclass
class CheckRun:
    """What one check produced: the statutes read, their framework graph, the findings and the
    standards catalogue they were judged against."""

    statutes: list[Statute]
    framework: Framework
    findings: list[Finding]
    profile: str
    catalogue: Catalogue


def check_sources(
    sources: Sequence[StatuteSource],
    *,
    profile: str = "un-core",
    rule_paths: Sequence[Path] = (),
    jobs: int | None = None,
    cache: StatuteCache | None = None,
) -> CheckRun:
    """Read the statutes of one framework, link them into a graph and judge every element."""
    statutes = read_statutes(sources, jobs=jobs, cache=cache)
    framework = build_framework(statutes)
    catalogue = load_catalogue()
    findings = check_framework(
        framework, catalogue, profile=profile, rule_paths=list(rule_paths) or None
    )
    return CheckRun(statutes, framework, findings, profile, catalogue)


def build_report(
    run: CheckRun,
    *,
    fail_on: str | None,
    baseline: dict[str, AcceptedFinding] | None = None,
    source_root: Path | None = None,
    name: str = "",
    html_report: str | None = None,
) -> Report:
    """Apply the baseline once and gather what every output format needs into one Report."""
    _, accepted = split_by_baseline(run.findings, baseline or {})
    return Report(
        findings=run.findings,
        statutes=run.statutes,
        graph=run.framework.graph,
        profile=run.profile,
        fail_on=None if fail_on in (None, "never") else fail_on,
        baselined=len(accepted),
        accepted=frozenset(finding.fingerprint for finding in accepted),
        elements=elements_from_catalogue(run.catalogue.elements),
        source_root=source_root,
        name=name,
        html_report=html_report,
    )
