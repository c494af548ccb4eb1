"""Judge a whole framework: every element that has a rule gets exactly one finding.

The steps, each in its own module: load and check the rule files (loader), compile every term
list into one PhraseMatcher (compiler), cut each statute into passages and scan them one by one
(passages, scope), resolve the named scopes through the framework graph (scope), apply each rule
(grading, or penalties for the penalty rule), and write the findings (findings, evidence).

An element is judged over the WHOLE framework: its evidence may come from any statute, and when
several rules judge one element the strongest verdict stands (conflict first, then met, partial,
missing). Rules that read other elements' verdicts (`gap_in`) run after those elements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lexcheck.errors import RuleFileError
from lexcheck.rules.compiler import CompiledRules, compile_rules
from lexcheck.rules.conditions import GapIn, did_you_mean
from lexcheck.rules.findings import make_finding
from lexcheck.rules.grading import Verdict, best, judge
from lexcheck.rules.loader import load_rules, rule_set_stamp
from lexcheck.rules.matching import Evaluator, PassageIndex
from lexcheck.rules.model import Finding
from lexcheck.rules.penalties import judge_penalties
from lexcheck.rules.ruleset import Rule, RuleSet
from lexcheck.rules.scope import FrameworkLike, Scopes, index_framework
from lexcheck.standards import Catalogue


@dataclass
class FrameworkJudgement:
    """The verdict on every element with a rule, and the index and scopes they were reached on."""

    verdicts: dict[str, Verdict]
    by_rule: dict[str, Verdict]
    index: PassageIndex
    scopes: Scopes


def check_framework(
    framework: FrameworkLike,
    catalogue: Catalogue,
    profile: str = "un-core",
    rule_paths: list[Path] | None = None,
) -> list[Finding]:
    """One finding per catalogue element that has a rule, judged over the whole framework.

    `rule_paths` (files or folders) are loaded after the bundled rules and replace rules of the
    same id. Raises RuleFileError for a bad rule file or a rule naming an unknown element.
    """
    compiled = compiled_rules(tuple(rule_paths or ()))
    check_elements(compiled.ruleset, catalogue)
    return findings_for(compiled, framework, catalogue, profile)


def compiled_rules(overrides: tuple[Path, ...] = ()) -> CompiledRules:
    """The bundled rules with `overrides`, compiled once per state of their files: one run
    checking many frameworks (eval, ci, diff) builds the matchers once."""
    return _compile_unchanged(overrides, rule_set_stamp(overrides))


@lru_cache(maxsize=4)
def _compile_unchanged(
    overrides: tuple[Path, ...], stamp: tuple[tuple[Path, int, int], ...]
) -> CompiledRules:
    """`stamp` is only the cache key: an edited rule file makes a new one."""
    return compile_rules(load_rules(overrides=overrides))


def findings_for(
    compiled: CompiledRules, framework: FrameworkLike, catalogue: Catalogue, profile: str
) -> list[Finding]:
    """Judge the framework with already compiled rules and write the findings in catalogue order."""
    judgement = judge_framework(compiled, framework)
    return [
        make_finding(
            judgement.verdicts[element_id],
            catalogue,
            profile,
            judgement.index,
            framework.statutes,
            judgement.scopes.describe(judgement.verdicts[element_id].rule.scope),
        )
        for element_id in catalogue.elements
        if element_id in judgement.verdicts
    ]


def judge_framework(
    compiled: CompiledRules, framework: FrameworkLike, rule_ids: Collection[str] | None = None
) -> FrameworkJudgement:
    """Apply the rules (all, or `rule_ids` and the rules they read through `gap_in`) to the
    framework and keep the standing verdict of each element judged."""
    index = index_framework(framework, compiled)
    kinds = {statute_id: statute.kind for statute_id, statute in framework.statutes.items()}
    scopes = Scopes(index, compiled, kinds)
    statuses: dict[str, str] = {}
    evaluator = Evaluator(index, compiled, scopes.core, statuses)
    by_element: dict[str, list[Verdict]] = defaultdict(list)
    by_rule: dict[str, Verdict] = {}
    for rule in dependency_order(_needed(compiled.ruleset, rule_ids)):
        scope = scopes.members(rule.scope)
        judged = judge_penalties if rule.judge == "penalties" else judge
        by_rule[rule.id] = judged(rule, evaluator, scope)
        by_element[rule.element].append(by_rule[rule.id])
        statuses[rule.element] = best(by_element[rule.element]).status
    verdicts = {element: best(found) for element, found in by_element.items()}
    return FrameworkJudgement(verdicts, by_rule, index, scopes)


def _needed(ruleset: RuleSet, rule_ids: Collection[str] | None) -> list[Rule]:
    """The rules asked for, with every rule of an element they read through `gap_in`."""
    if rule_ids is None:
        return list(ruleset.rules.values())
    wanted = set(rule_ids)
    while True:
        reads = [r.depends_on() for r in ruleset.rules.values() if r.id in wanted]
        more = {
            r.id
            for r in ruleset.rules.values()
            if any(needs is not None and needs.covers(r.element) for needs in reads)
        }
        if more <= wanted:
            return [r for r in ruleset.rules.values() if r.id in wanted]
        wanted |= more


def dependency_order(rules: Iterable[Rule]) -> list[Rule]:
    """Rules in file order, except that a rule reading other elements comes after their rules."""
    pending = list(rules)
    ordered: list[Rule] = []
    while pending:
        ready = [r for r in pending if _ready(r, pending)]
        if not ready:  # a cycle of gap_in: judge the rest in file order rather than never
            ready = pending
        ordered.extend(ready)
        pending = [r for r in pending if r not in ready]
    return ordered


def _ready(rule: Rule, pending: list[Rule]) -> bool:
    needs = rule.depends_on()
    if needs is None:
        return True
    waiting = {r.element for r in pending if r.element != rule.element and needs.covers(r.element)}
    return not waiting


def check_elements(ruleset: RuleSet, catalogue: Catalogue) -> None:
    """Refuse a rule whose element (or a `gap_in` element) is not in the standards catalogue."""
    known = list(catalogue.elements)
    for rule in ruleset.rules.values():
        if rule.element not in catalogue.elements:
            raise RuleFileError(
                rule.path,
                f"line {rule.line}: rule {rule.id}: element '{rule.element}' is not in the "
                f"standards catalogue.{did_you_mean(rule.element, known)}",
                "Use an element id exactly as standards/*.yaml spells it.",
            )
        needs = rule.depends_on()
        for name in needs.elements if needs else ():
            if not any(GapIn((name,)).covers(element) for element in known):
                raise RuleFileError(
                    rule.path,
                    f"line {rule.line}: rule {rule.id}: gap_in names '{name}', which matches no "
                    f"element of the standards catalogue.{did_you_mean(name, known)}",
                )
