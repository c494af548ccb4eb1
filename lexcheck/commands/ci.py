"""`lexcheck ci`: check every framework of a statutes repository as configured in lexcheck.yaml.

Writes each framework's reports (HTML, JSON, SARIF, Markdown, JUnit) under the configured reports
folder, appends the Markdown summary to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it, honours
the baseline of accepted findings and exits 0 (no new gap at the threshold), 1 (new gaps) or 2
(configuration or input error). Unchanged statutes are read from the cache.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lexcheck.baseline import load_baseline, write_baseline
from lexcheck.cache import StatuteCache, default_cache_dir
from lexcheck.config import ProjectConfig, load_config
from lexcheck.pipeline import CheckRun, build_report, check_sources
from lexcheck.report import Report, render, write
from lexcheck.standards import PROFILES

REPORT_FILES = {
    "html": "gap-report.html",
    "json": "gap-report.json",
    "sarif": "gap-report.sarif",
    "markdown": "gap-report.md",
    "junit": "junit.xml",
}


@click.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=Path("lexcheck.yaml"),
    show_default=True,
)
@click.option("--framework", "only", multiple=True, help="Check only these frameworks.")
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Accept every current gap into the baseline instead of failing on it (needs --reason).",
)
@click.option("--reason", default="", help="Why the findings are accepted (kept in the baseline).")
@click.option("--no-cache", is_flag=True, help="Re-parse every statute even if unchanged.")
def ci(
    config_path: Path, only: tuple[str, ...], update_baseline: bool, reason: str, no_cache: bool
) -> None:
    """Check the statutes repository described by lexcheck.yaml, as a CI job."""
    config = load_config(config_path, PROFILES)
    cache = None if no_cache else StatuteCache(default_cache_dir())
    frameworks = [f for f in config.frameworks if not only or f.name in only]
    if not frameworks:
        raise click.BadParameter(f"no framework named {', '.join(only)}.", param_hint="--framework")
    failing = 0
    for framework in frameworks:
        run = check_sources(
            framework.sources, profile=config.profile, rule_paths=config.rules, cache=cache
        )
        if update_baseline:
            added = write_baseline(run.findings, config.baseline, reason)
            click.echo(f"{framework.name}: {added} finding(s) accepted into {config.baseline}")
            continue
        report = _report(config, framework.name, run)
        _write_reports(config, framework.name, report)
        failing += sum(report.fails(finding) for finding in report.findings)
    if failing:
        click.echo(f"lexcheck ci: {failing} new gap(s) at or above {config.fail_on}.", err=True)
        sys.exit(1)


def _report(config: ProjectConfig, name: str, run: CheckRun) -> Report:
    return build_report(
        run,
        fail_on=config.fail_on,
        baseline=load_baseline(config.baseline),
        source_root=config.path.parent,
        name=name,
        html_report=REPORT_FILES["html"],
    )


def _write_reports(config: ProjectConfig, name: str, report: Report) -> None:
    folder = config.reports / name
    for fmt, file_name in REPORT_FILES.items():
        write(report, fmt, folder / file_name)
    summary = render(report, "markdown")
    if step_summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(step_summary).open("a", encoding="utf-8") as handle:
            handle.write(f"### {name}\n\n{summary}\n")
    failing = sum(report.fails(finding) for finding in report.findings)
    click.echo(
        f"{name}: {len(report.findings)} elements, {failing} new gap(s) at or above "
        f"{config.fail_on}, {report.baselined} accepted; reports in {folder}/"
    )
