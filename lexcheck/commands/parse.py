"""`lexcheck parse FILE`: print a statute's provision tree, definitions and references."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lexcheck.ingest import load_document
from lexcheck.structure import STATUTE_KINDS, parse_statute
from lexcheck.structure.serialize import format_tree, statute_to_dict


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--kind", type=click.Choice(STATUTE_KINDS), help="Override the detected statute kind."
)
def parse(file: Path, fmt: str, kind: str | None) -> None:
    """Parse FILE (PDF, text, Markdown, DOCX or Akoma Ntoso XML) into provisions."""
    statute = parse_statute(load_document(file), kind=kind)
    if fmt == "json":
        click.echo(json.dumps(statute_to_dict(statute), indent=2, ensure_ascii=False))
    else:
        click.echo(format_tree(statute))
