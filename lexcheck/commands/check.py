"""`lexcheck check FILE...`: judge every element over the statutes given, and write the reports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lexcheck.baseline import load_baseline
from lexcheck.cache import StatuteCache, default_cache_dir
from lexcheck.config import FAIL_ON_CHOICES
from lexcheck.pipeline import StatuteSource, build_report, check_sources
from lexcheck.report import FORMATS, Report, render, write
from lexcheck.report.summary import count_statuses
from lexcheck.rules.model import STATUSES
from lexcheck.standards import PROFILES
from lexcheck.structure.model import STATUTE_KINDS

SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".sarif": "sarif",
    ".md": "markdown",
    ".xml": "junit",
    ".txt": "text",
}
EXIT_FINDINGS = 1


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="FILE=KIND",
    help=f"Set a statute's kind instead of detecting it ({', '.join(STATUTE_KINDS)}). Repeatable.",
)
@click.option("--profile", type=click.Choice(PROFILES), default="un-core", show_default=True)
@click.option(
    "--rules",
    "rule_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Rule file or folder that adds rules or replaces rules with the same id. Repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS]),
    help="Output format. Default: text on the terminal; for -o, taken from the file suffix.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Write the report here (.html .json .sarif .md .xml .txt). Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="high",
    show_default=True,
    help="Exit 1 when a gap of this severity or worse is found.",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Accepted findings (JSON), as `lexcheck ci --update-baseline` writes them.",
)
@click.option("--force", is_flag=True, help="Overwrite output files lexcheck did not write.")
@click.option("--jobs", type=click.IntRange(1), help="Statutes read in parallel (default: 2).")
@click.option("--no-cache", is_flag=True, help="Re-parse every statute even if unchanged.")
def check(
    files: tuple[Path, ...],
    kinds: tuple[str, ...],
    profile: str,
    rule_paths: tuple[Path, ...],
    fmt: str | None,
    outputs: tuple[Path, ...],
    fail_on: str,
    baseline: Path | None,
    force: bool,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Check FILES together, as one country's framework, against the Palermo standards.

    Give the trafficking act with the penal code, immigration act and labour code it works with:
    every element is judged over all of them. Exit code 0: no gap at the --fail-on severity;
    1: at least one; 2: bad input or usage.
    """
    targets = _output_formats(outputs, fmt)
    sources = [StatuteSource(path, kind) for path, kind in _with_kinds(files, kinds)]
    cache = None if no_cache else StatuteCache(default_cache_dir())
    run = check_sources(sources, profile=profile, rule_paths=rule_paths, jobs=jobs, cache=cache)
    report = build_report(
        run,
        fail_on=fail_on,
        baseline=load_baseline(baseline) if baseline else None,
        html_report=_html_link(targets),
    )
    if not targets:
        click.echo(render(report, fmt or "text"), nl=False)
    for path, target_format in targets:
        write(report, target_format, path, overwrite=force)
        click.echo(f"wrote {target_format} report: {path}", err=True)
    if targets:
        click.echo(_summary(report))
    if any(report.fails(finding) for finding in report.findings):
        sys.exit(EXIT_FINDINGS)


def _output_formats(outputs: tuple[Path, ...], fmt: str | None) -> list[tuple[Path, str]]:
    """Each output path with its format: --format if given, else the path's suffix."""
    targets = []
    for path in outputs:
        target_format = fmt or SUFFIX_FORMATS.get(path.suffix.lower())
        if target_format is None:
            raise click.BadParameter(
                f"cannot tell the format of {path} from its suffix; "
                f"use one of {', '.join(SUFFIX_FORMATS)} or pass --format.",
                param_hint="-o",
            )
        targets.append((path, target_format))
    return targets


def _with_kinds(files: tuple[Path, ...], kinds: tuple[str, ...]) -> list[tuple[Path, str | None]]:
    """Pair each file with the kind given for it by --kind NAME=KIND (NAME: file name or stem)."""
    given: dict[str, str] = {}
    for item in kinds:
        name, _, kind = item.partition("=")
        if not name or kind not in STATUTE_KINDS:
            raise click.BadParameter(
                f"{item!r}: write FILE=KIND with KIND one of {', '.join(STATUTE_KINDS)}.",
                param_hint="--kind",
            )
        given[name] = kind
    unknown = set(given) - {n for f in files for n in (f.name, f.stem, str(f))}
    if unknown:
        raise click.BadParameter(
            f"{', '.join(sorted(unknown))} is not one of the files given.", param_hint="--kind"
        )
    return [(f, given.get(str(f)) or given.get(f.name) or given.get(f.stem)) for f in files]


def _summary(report: Report) -> str:
    counts = count_statuses(report.findings)
    failing = sum(report.fails(finding) for finding in report.findings)
    line = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
    threshold = report.fail_on or "never"
    return f"{len(report.findings)} elements: {line}; {failing} gap(s) at or above {threshold}."


def _html_link(targets: list[tuple[Path, str]]) -> str | None:
    """Where the Markdown summary should link: the HTML report written beside it, if any."""
    html = [path for path, fmt in targets if fmt == "html"]
    markdown = [path for path, fmt in targets if fmt == "markdown"]
    if not html:
        return None
    if markdown and markdown[0].parent == html[0].parent:
        return html[0].name
    return str(html[0])
