"""Evaluate condition trees against the passages of a framework.

A condition is judged on a `Unit`: one sentence of a passage, a whole passage (a provision), or an
offence (a passage read together with its context: the definitions it uses and the provisions it
refers to). `within` moves between them: to a finer unit means "in some sentence of it", to a
coarser one "in the provision or offence around it"; from an offence, `within: provision` is the
offence's own provision without its context (the offence says "a person", its context may
define "child"). The answer is either None (does not hold)
or the character spans of the words that made it hold, which become the highlights of a quote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lexcheck.rules.compiler import CompiledRules, Occurrence, Scan, exact_words
from lexcheck.rules.conditions import (
    WITHIN_LEVELS,
    Condition,
    GapIn,
    Group,
    InScope,
    RefersTo,
    Terms,
    TokenPattern,
)
from lexcheck.rules.passages import Passage

GAP_STATUSES = frozenset({"partial", "missing", "conflict"})

Span = tuple[int, int, int]
"""(passage index, start, end): matched words, offsets into the statute's Document text."""


@dataclass(frozen=True)
class Unit:
    """A stretch of text a condition is judged on; `sentence` is set for sentence units only."""

    level: str
    passage: int
    sentence: int | None = None


@dataclass(frozen=True)
class Hit:
    """A unit on which a condition holds, and the spans of the words that made it hold."""

    unit: Unit
    spans: tuple[Span, ...]


@dataclass
class PassageIndex:
    """The passages of a framework, what the matchers found in each, and each one's context."""

    passages: list[Passage]
    scans: list[Scan]
    context: list[tuple[int, ...]]
    citations: list[tuple[int, ...]]


class Evaluator:
    """Judges conditions on units of one framework (results are memoised per condition and unit).

    `core_of(name)` gives the passages that define a scope (for `in_scope`); `statuses` holds the
    verdicts already reached on other elements (for `gap_in`).
    """

    def __init__(
        self,
        index: PassageIndex,
        compiled: CompiledRules,
        core_of: Callable[[str], frozenset[int]],
        statuses: Mapping[str, str] | None = None,
    ) -> None:
        self.index = index
        self.compiled = compiled
        self.core_of = core_of
        self.statuses: Mapping[str, str] = statuses if statuses is not None else {}
        self._memo: dict[tuple[int, Unit], tuple[Span, ...] | None] = {}

    def hits(self, condition: Condition, unit: Unit) -> list[Hit]:
        """Every unit (at the condition's own `within` level) on which the condition holds."""
        if not isinstance(condition, Group):
            spans = self.holds(condition, unit)
            return [] if spans is None else [Hit(unit, spans)]
        if not self._possible(condition, unit):
            return []
        found = []
        for sub in self.units(unit, condition.within):
            spans = self._group_here(condition, sub)
            if spans is not None:
                found.append(Hit(sub, spans))
        return found

    def holds(self, condition: Condition, unit: Unit) -> tuple[Span, ...] | None:
        """The spans that make the condition hold on the unit, or None when it does not."""
        key = (id(condition), unit)
        if key not in self._memo:
            self._memo[key] = self._evaluate(condition, unit)
        return self._memo[key]

    def units(self, unit: Unit, within: str | None) -> list[Unit]:
        """The units at level `within` that make up (finer) or surround (coarser) `unit`."""
        if within is None or within == unit.level:
            return [unit]
        if WITHIN_LEVELS.index(within) > WITHIN_LEVELS.index(unit.level):
            return [Unit(within, unit.passage)]
        if within == "provision":  # an offence's own provision, without its context
            return [Unit("provision", unit.passage)]
        passages = self.passages_of(unit)
        return [
            Unit("sentence", p, s)
            for p in passages
            for s in range(len(self.index.scans[p].sentences))
            if unit.sentence is None or s == unit.sentence
        ]

    def passages_of(self, unit: Unit) -> tuple[int, ...]:
        if unit.level == "offence":
            return (unit.passage, *self.index.context[unit.passage])
        return (unit.passage,)

    def _evaluate(self, condition: Condition, unit: Unit) -> tuple[Span, ...] | None:
        if isinstance(condition, Terms):
            return self._terms(condition, unit)
        if isinstance(condition, TokenPattern):
            return self._spans(self._occurrences(self.compiled.key(condition), unit)) or None
        if isinstance(condition, InScope):
            return () if unit.passage in self.core_of(condition.name) else None
        if isinstance(condition, RefersTo):
            core = self.core_of(condition.name)
            return () if any(c in core for c in self.index.citations[unit.passage]) else None
        if isinstance(condition, GapIn):
            gaps = [e for e, status in self.statuses.items() if status in GAP_STATUSES]
            return () if any(condition.covers(e) for e in gaps) else None
        if not self._possible(condition, unit):
            return None
        for sub in self.units(unit, condition.within):
            spans = self._group_here(condition, sub)
            if spans is not None:
                return spans
        return None

    def _possible(self, group: Group, unit: Unit) -> bool:
        """A cheap necessary condition, checked before trying every sentence of a long unit: each
        word leaf the group needs (and one of its `any` leaves) occurs somewhere in the unit.
        (A group read over a wider stretch than the unit is not checked here.)"""
        if group.within and WITHIN_LEVELS.index(group.within) > WITHIN_LEVELS.index(unit.level):
            return True
        needed = [c for c in group.all if isinstance(c, Terms | TokenPattern)]
        if not all(self._occurs(leaf, unit) for leaf in needed):
            return False
        options = list(group.any)
        if options and all(isinstance(c, Terms | TokenPattern) for c in options):
            return any(self._occurs(leaf, unit) for leaf in options)
        return True

    def _occurs(self, leaf: Terms | TokenPattern, unit: Unit) -> bool:
        key = self.compiled.key(leaf)
        return any(key in self.index.scans[p].occurrences for p in self.passages_of(unit))

    def _group_here(self, group: Group, unit: Unit) -> tuple[Span, ...] | None:
        """all / any / none of the group's children on exactly this unit."""
        if any(self.holds(child, unit) is not None for child in group.none):
            return None
        spans: list[Span] = []
        for child in group.all:
            found = self.holds(child, unit)
            if found is None:
                return None
            spans.extend(found)
        if group.any:
            found_any = [self.holds(child, unit) for child in group.any]
            if all(found is None for found in found_any):
                return None
            spans.extend(span for found in found_any if found for span in found)
        return tuple(dict.fromkeys(spans))

    def _terms(self, terms: Terms, unit: Unit) -> tuple[Span, ...] | None:
        occurrences = self._occurrences(self.compiled.key(terms), unit)
        if terms.negated is not None:
            occurrences = [o for o in occurrences if o[1].negated == terms.negated]
        if terms.exact:
            words = exact_words(terms)
            occurrences = [o for o in occurrences if o[1].words in words]
        if terms.exclude_within:
            occurrences = self._outside(terms, occurrences, unit)
        return self._spans(occurrences) or None

    def _outside(
        self, terms: Terms, occurrences: list[tuple[int, Occurrence]], unit: Unit
    ) -> list[tuple[int, Occurrence]]:
        """Drop occurrences that lie inside an occurrence of one of the longer phrases."""
        longer = self._occurrences(self.compiled.exclusion_key(terms), unit)
        return [
            (p, o)
            for p, o in occurrences
            if not any(q == p and x.start <= o.start and o.end <= x.end for q, x in longer)
        ]

    def _occurrences(self, key: str, unit: Unit) -> list[tuple[int, Occurrence]]:
        if unit.sentence is not None:
            scan = self.index.scans[unit.passage]
            return [(unit.passage, o) for o in scan.in_sentence(key, unit.sentence)]
        return [
            (passage, occurrence)
            for passage in self.passages_of(unit)
            for occurrence in self.index.scans[passage].occurrences.get(key, ())
        ]

    @staticmethod
    def _spans(occurrences: Sequence[tuple[int, Occurrence]]) -> tuple[Span, ...]:
        return tuple((p, o.start, o.end) for p, o in occurrences)
