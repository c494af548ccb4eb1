"""`lexcheck eval CORPUS_DIR`: score lexcheck against a labelled corpus, per element and overall."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lexcheck.evaluate import (
    Evaluation,
    LabelledFramework,
    evaluate_layout,
    find_layouts,
    score,
)
from lexcheck.pipeline import StatuteSource, check_sources
from lexcheck.rules.model import Finding
from lexcheck.standards import PROFILES


@click.command(name="eval")
@click.argument("corpus_dir", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--profile", type=click.Choice(PROFILES), default="un-core", show_default=True)
@click.option(
    "--layout",
    "layouts",
    multiple=True,
    help="Only these layouts of a corpus root (e.g. text, pdf/single). Default: all.",
)
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(path_type=Path))
def eval_command(
    corpus_dir: Path, fmt: str, profile: str, layouts: tuple[str, ...], rule_paths: tuple[Path, ...]
) -> None:
    """Check every framework of CORPUS_DIR and compare each element with its label.

    CORPUS_DIR holds one folder per framework (statute files + labels.yaml), or `text/` and
    `pdf/<layout>/` folders of them. Prints status accuracy and precision / recall / F1 of gaps
    (partial, missing or conflict), overall and per element.
    """
    found = find_layouts(corpus_dir)
    selected = {name: path for name, path in found.items() if not layouts or name in layouts}

    def check(framework: LabelledFramework) -> list[Finding]:
        sources = [StatuteSource(path, kind) for path, kind in framework.files.items()]
        return check_sources(sources, profile=profile, rule_paths=rule_paths).findings

    evaluations = [evaluate_layout(name, path, check) for name, path in selected.items()]
    if fmt == "json":
        click.echo(json.dumps([e.as_dict() for e in evaluations], indent=2))
    else:
        click.echo(_format_text(evaluations))


def _format_text(evaluations: list[Evaluation]) -> str:
    lines = []
    for evaluation in evaluations:
        lines.append(f"== {evaluation.layout}")
        if not evaluation.judgements:
            lines.extend(["no labelled elements here (its labels.yaml may hold sections only)", ""])
            continue
        lines.append(f"{'element':44} {'n':>3} {'acc':>5} {'gapP':>5} {'gapR':>5} {'gapF1':>5}")
        for element, scores in evaluation.per_element().items():
            gaps = (
                f"{scores.precision:5.2f} {scores.recall:5.2f} {scores.f1:5.2f}"
                if scores.has_gaps
                else f"{'-':>5} {'-':>5} {'-':>5}"
            )
            lines.append(f"{element:44} {scores.count:>3} {scores.accuracy:5.2f} {gaps}")
        overall, oracle = evaluation.overall, _oracle(evaluation)
        lines.append(
            f"overall: {overall.count} labels, status accuracy {overall.accuracy:.3f}, "
            f"gap precision {overall.precision:.3f}, recall {overall.recall:.3f}, "
            f"F1 {overall.f1:.3f}"
        )
        lines.append(f"oracle elements: {oracle}")
        wrong = [j for j in evaluation.judgements if not j.correct]
        if wrong:
            lines.append("disagreements (framework element: label -> lexcheck):")
            lines.extend(f"  {j.framework} {j.element}: {j.label} -> {j.predicted}" for j in wrong)
        lines.append("")
    return "\n".join(lines)


def _oracle(evaluation: Evaluation) -> str:
    oracle = score(evaluation.oracle)
    if not oracle.count:
        return "none labelled"
    return f"{oracle.count} labels, status accuracy {oracle.accuracy:.3f}"
