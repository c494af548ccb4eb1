"""The `lexcheck` command line: wires the pipeline's stages together and nothing more.

Each command lives in its own module under `lexcheck.commands`; this module only assembles the group
and turns user errors into a clear message and exit code 2 (0: no finding at the threshold, 1:
findings at or above it, 2: usage or input error).
"""

from __future__ import annotations

import sys

import click

from lexcheck import __version__
from lexcheck.commands.check import check
from lexcheck.commands.ci import ci
from lexcheck.commands.diff import diff
from lexcheck.commands.evaluate import eval_command
from lexcheck.commands.graph import graph
from lexcheck.commands.parse import parse
from lexcheck.commands.rules import rules
from lexcheck.errors import LexcheckError

EXIT_INPUT_ERROR = 2


class _Lexcheck(click.Group):
    """A click group that reports `LexcheckError` as one paragraph and exit code 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LexcheckError as error:
            click.echo(f"lexcheck: {error.render()}", err=True)
            sys.exit(EXIT_INPUT_ERROR)


@click.group(cls=_Lexcheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lexcheck")
def main() -> None:
    """Check statutes against the UN Palermo Protocols and report the gaps, with evidence.

    \b
    A drafter:   lexcheck check bill.pdf penal-code.pdf -o reports/gap-report.html
    A reviewer:  open the HTML report it writes
    A CI job:    lexcheck ci   (reads lexcheck.yaml; exit 0 clean, 1 findings, 2 input error)
    """


for command in (parse, check, graph, rules, ci, diff, eval_command):
    main.add_command(command)
