"""`lexcheck diff OLD NEW`: which elements a new draft closes or opens, compared with the old one."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lexcheck.compare import compare_findings
from lexcheck.pipeline import StatuteSource, check_sources
from lexcheck.standards import PROFILES


@click.command(name="diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--with",
    "shared",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A statute checked together with both versions (e.g. the immigration act). Repeatable.",
)
@click.option("--profile", type=click.Choice(PROFILES), default="un-core", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def diff(old: Path, new: Path, shared: tuple[Path, ...], profile: str, fmt: str) -> None:
    """Check OLD and NEW (each with the --with statutes) and list elements whose status changed."""
    others = [StatuteSource(path) for path in shared]
    before = check_sources([StatuteSource(old), *others], profile=profile).findings
    after = check_sources([StatuteSource(new), *others], profile=profile).findings
    changes = compare_findings(before, after)
    if fmt == "json":
        rows = [{**change.__dict__, "change": change.change} for change in changes]
        click.echo(json.dumps({"old": str(old), "new": str(new), "changes": rows}, indent=2))
        return
    if not changes:
        click.echo(f"No element changed status between {old} and {new}.")
        return
    click.echo(f"{len(changes)} element(s) changed status from {old} to {new}:")
    for change in changes:
        click.echo(f"  {change.change:9} {change.element}: {change.old} -> {change.new}")
