"""`lexcheck graph FILE...`: export the framework's cross-reference graph (JSON or GraphML)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lexcheck.errors import OutputExists
from lexcheck.graph import build_framework
from lexcheck.pipeline import StatuteSource, read_statutes


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "graphml"]), default="json")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Default: print JSON.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def graph(files: tuple[Path, ...], fmt: str, output: Path | None, force: bool) -> None:
    """Link FILES into one graph: provisions, defined terms, references, overrides, exemptions.

    Also lists references that point at provisions that do not exist.
    """
    framework = build_framework(read_statutes([StatuteSource(path) for path in files]))
    if output is not None and output.exists() and not force:
        raise OutputExists(output, "already exists.", "Choose another path or pass --force.")
    if fmt == "graphml":
        if output is None:
            raise click.UsageError("GraphML is written to a file: add -o PATH.")
        framework.write_graphml(output)
    else:
        text = json.dumps(framework.to_json(), indent=2, ensure_ascii=False, default=str)
        if output is None:
            click.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")
    for statute_id, reference, reason in framework.broken_references:
        click.echo(f"broken reference in {statute_id} {reference.source_eid}: ", err=True, nl=False)
        click.echo(f"{reference.raw!r} ({reason})", err=True)
    if output is not None:
        graph_size = (
            f"{framework.graph.number_of_nodes()} nodes, {framework.graph.number_of_edges()} edges"
        )
        click.echo(f"wrote {fmt} graph ({graph_size}): {output}", err=True)
