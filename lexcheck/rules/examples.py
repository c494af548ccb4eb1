"""Run the examples rules carry, as semgrep runs its rule tests: `lexcheck rules test` and pytest.

Each example text becomes a one-statute framework of its own: blank lines separate provisions
(each a section), and definitions and cross-references are found by the structure stage's own
finders, so a definition in the example is read into the offence that uses it. The whole rule set
judges the framework (a rule may read other elements' verdicts), and the example passes when the
rule's own verdict is the expected status and carries every expected flag.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lexcheck.ingest.document import Document, Segment
from lexcheck.rules.compiler import CompiledRules
from lexcheck.rules.engine import judge_framework
from lexcheck.rules.ruleset import Example, Rule
from lexcheck.structure.definitions import find_definitions
from lexcheck.structure.model import Provision, Statute
from lexcheck.structure.references import find_references

_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")


@dataclass(frozen=True)
class ExampleResult:
    """One example run: what the rule said about it."""

    rule: Rule
    example: Example
    status: str
    flags: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.status == self.example.expect and set(self.example.flags) <= set(self.flags)

    def describe(self) -> str:
        """`file:line rule-id: expected partial [flag], got met []` for a report line."""
        wanted = (
            f"{self.example.expect} {list(self.example.flags)}"
            if self.example.flags
            else self.example.expect
        )
        got = f"{self.status} {list(self.flags)}" if self.example.flags else self.status
        return f"{self.rule.path}:{self.example.line} {self.rule.id}: expected {wanted}, got {got}"


@dataclass
class StandaloneFramework:
    """A framework of one statute, without a graph (scope falls back on the statute's own links)."""

    statutes: Mapping[str, Statute] = field(default_factory=dict)


def run_examples(
    compiled: CompiledRules, rule_ids: Collection[str] | None = None
) -> list[ExampleResult]:
    """Run the examples of the given rules (default: all), in rule order."""
    results = []
    for rule in compiled.ruleset.rules.values():
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        for number, example in enumerate(rule.examples, start=1):
            statute = statute_from_text(example.text, f"{rule.id}-example-{number}", example.kind)
            framework = StandaloneFramework({statute.id: statute})
            judgement = judge_framework(compiled, framework, {rule.id})
            verdict = judgement.by_rule[rule.id]
            results.append(ExampleResult(rule, example, verdict.status, verdict.flags))
    return results


def statute_from_text(text: str, statute_id: str, kind: str = "tip") -> Statute:
    """A statute of `kind` whose sections (sec_1, sec_2 ...) are the blank-line separated blocks
    of `text`, with the definitions and cross-references the structure stage finds in them."""
    text = text.strip() + "\n"
    provisions = [
        Provision(
            eid=f"sec_{number}",
            kind="section",
            num=str(number),
            heading="",
            text=match.group(),
            span=match.span(),
            pages=[1],
        )
        for number, match in enumerate(_BLOCK.finditer(text), start=1)
    ]
    document = Document(
        path=Path(f"{statute_id}.txt"),
        format="text",
        text=text,
        segments=_line_segments(text),
        page_count=1,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    return Statute(
        id=statute_id,
        title=statute_id,
        kind=kind,
        kind_detected=False,
        document=document,
        provisions=provisions,
        definitions=find_definitions(provisions, text),
        references=find_references(provisions, text),
    )


def _line_segments(text: str) -> list[Segment]:
    segments, start = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        segments.append(Segment(start=start, end=start + len(line), page=1, line=number))
        start += len(line) + 1
    return segments
