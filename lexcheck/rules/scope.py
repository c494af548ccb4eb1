"""Where rules look: the passages of a framework, their context, and the named scopes.

A passage's context is what it must be read with, two steps deep: the definitions of its statute
whose terms it uses; the provisions it cites, as the statute's resolved references and the
framework graph's `refers_to` edges (which also link references across statutes) record them;
and the provisions that cite it "for the purposes of" it (a meaning-of section). So an offence of
"trafficking" is read together with the definition of "trafficking in persons" and, through it,
of "exploitation". Definitions are matched to passages by their exact span, so an offence reads
the one definition it uses, never the whole interpretation section.

A named scope (rules/<lang>/shared/scopes.yaml) is a set of passages: those of some statute kinds
and those on which its `when` condition holds (its "core"), plus, with `include_context`, the
context of the core. `framework` and `statute-kind:<kind>` are built in.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Protocol

import networkx as nx

from lexcheck.errors import RuleFileError
from lexcheck.graph import provision_node
from lexcheck.rules.compiler import CompiledRules
from lexcheck.rules.matching import Evaluator, PassageIndex, Unit
from lexcheck.rules.passages import Passage, statute_passages
from lexcheck.structure.model import Statute

CONTEXT_DEPTH = 2
"""Definitions used by definitions used by the offence, and no further."""

GLOSS_QUALIFIERS = frozenset({"for the purposes of"})
"""A provision that cites another "for the purposes of" it says what the other means
("For the purposes of section 2 a person is exploited only if ..."): it is read with it."""


class FrameworkLike(Protocol):
    """What the rules need of `lexcheck.graph.Framework`: its statutes (and, if it has one, its
    `graph`, whose `refers_to` edges link references across statutes)."""

    statutes: Mapping[str, Statute]


def index_framework(framework: FrameworkLike, compiled: CompiledRules) -> PassageIndex:
    """Cut every statute into passages, scan each once (streamed), and link their context."""
    passages = [p for statute in framework.statutes.values() for p in statute_passages(statute)]
    scans = list(compiled.scan((p.text, p.span[0]) for p in passages))
    contexts, citations = _links(framework, passages)
    return PassageIndex(passages, scans, contexts, citations)


class Scopes:
    """The passages of each named scope of a rule set, computed on first use."""

    def __init__(
        self,
        index: PassageIndex,
        compiled: CompiledRules,
        statute_kinds: Mapping[str, str],
    ) -> None:
        self.index = index
        self.definitions = compiled.ruleset.scopes
        self.statute_kinds = statute_kinds
        self.evaluator = Evaluator(index, compiled, self.core)
        self._core: dict[str, frozenset[int]] = {}
        self._pending: set[str] = set()

    def core(self, name: str) -> frozenset[int]:
        """The passages that define the scope (context not included)."""
        if name not in self._core:
            self._core[name] = self._compute_core(name)
        return self._core[name]

    def members(self, name: str) -> tuple[int, ...]:
        """Every passage searched for the scope: its core and, if asked for, the core's context."""
        core = self.core(name)
        definition = self.definitions.get(name)
        if definition is None or not definition.include_context:
            return tuple(sorted(core))
        context = {c for p in core for c in self.index.context[p]}
        return tuple(sorted(core | context))

    def describe(self, name: str) -> str:
        definition = self.definitions.get(name)
        if definition is not None:
            return definition.description
        if name.startswith("statute-kind:"):
            return f"every provision of the {name.split(':', 1)[1]} statutes"
        return "every provision of the framework"

    def _compute_core(self, name: str) -> frozenset[int]:
        passages = self.index.passages
        if name == "framework":
            return frozenset(range(len(passages)))
        if name.startswith("statute-kind:"):
            kind = name.split(":", 1)[1]
            return frozenset(
                i for i, p in enumerate(passages) if self.statute_kinds[p.statute] == kind
            )
        definition = self.definitions[name]
        if name in self._pending:
            raise RuleFileError(
                definition.path,
                f"line {definition.line}: scope {name} depends on itself through in_scope.",
            )
        self._pending.add(name)
        try:
            core = {
                i
                for i, p in enumerate(passages)
                if self.statute_kinds[p.statute] in definition.statute_kinds
            }
            if definition.when is not None:
                core.update(
                    i
                    for i in range(len(passages))
                    if self.evaluator.holds(definition.when, Unit("provision", i)) is not None
                )
        finally:
            self._pending.discard(name)
        return frozenset(core)


# --- context ------------------------------------------------------------------------------------


def _links(
    framework: FrameworkLike, passages: list[Passage]
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """For each passage: its context (definitions used, provisions cited, and provisions that say
    what it means "for the purposes of" it, up to CONTEXT_DEPTH steps away) and the provisions it
    cites directly."""
    locate = _Locator(framework.statutes, passages)
    cited = [locate.citations(framework, i) for i in range(len(passages))]
    citations = [{target for target, _ in found} - {i} for i, found in enumerate(cited)]
    direct = [(locate.definitions_used(p) | citations[i]) - {i} for i, p in enumerate(passages)]
    for source, found in enumerate(cited):
        for target, qualifier in found:
            if qualifier in GLOSS_QUALIFIERS and target != source:
                direct[target].add(source)
    contexts = []
    for i in range(len(passages)):
        reached = set(direct[i])
        frontier = set(direct[i])
        for _ in range(CONTEXT_DEPTH - 1):
            frontier = {c for f in frontier for c in direct[f]} - reached - {i}
            reached |= frontier
        contexts.append(tuple(sorted(reached)))
    return contexts, [tuple(sorted(c)) for c in citations]


class _Locator:
    """Maps provisions, definitions and citations of the framework to passages."""

    def __init__(self, statutes: Mapping[str, Statute], passages: list[Passage]) -> None:
        self.statutes = statutes
        self.passages = passages
        self._by_eid: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._eids: dict[int, list[str]] = defaultdict(list)
        self._terms: dict[str, list[tuple[re.Pattern[str], int]]] = defaultdict(list)
        self._definition_at: dict[tuple[str, tuple[int, int]], int] = {}
        for index, passage in enumerate(passages):
            if passage.term is not None:
                self._by_eid[(passage.statute, passage.eid)].add(index)
                self._definition_at[(passage.statute, passage.span)] = index
        for statute_id, statute in statutes.items():
            self._index_provisions(statute_id, statute)
            for definition in statute.definitions:
                holder = self._definition_at.get((statute_id, definition.span))
                if holder is not None:
                    self._terms[statute_id].append((_term_pattern(definition.term), holder))

    def _index_provisions(self, statute_id: str, statute: Statute) -> None:
        """Give every provision of the statute to the (non-definition) passage that holds it."""
        own = sorted(
            (p.span, i)
            for i, p in enumerate(self.passages)
            if p.statute == statute_id and p.term is None
        )
        starts = [span[0] for span, _ in own]
        for provision in statute.walk():
            slot = bisect.bisect_right(starts, provision.span[0]) - 1
            if slot >= 0 and _inside(provision.span, own[slot][0]):
                index = own[slot][1]
                self._by_eid[(statute_id, provision.eid)].add(index)
                self._eids[index].append(provision.eid)

    def passages_for(self, statute_id: str, eid: str) -> set[int]:
        """The passage holding the provision, or the one definition passage with that eid."""
        found = self._by_eid.get((statute_id, eid), set())
        definitions = {i for i in found if self.passages[i].term is not None}
        return found if len(definitions) <= 1 else found - definitions

    def definitions_used(self, passage: Passage) -> set[int]:
        """The definition passages of the same statute whose term the passage's text uses."""
        text = passage.text.lower()
        return {
            index
            for pattern, index in self._terms.get(passage.statute, ())
            if self.passages[index] is not passage and pattern.search(text)
        }

    def citations(self, framework: FrameworkLike, index: int) -> set[tuple[int, str]]:
        """(passage cited, qualifier) for the citations of the passage's provisions: resolved
        references of its own statute and, where there is a graph, those it resolved across
        statutes."""
        passage = self.passages[index]
        if passage.term is not None:  # a definition's citations belong to its provision
            return set()
        eids = set(self._eids.get(index, [passage.eid]))
        found: set[tuple[int, str]] = set()
        for reference in self.statutes[passage.statute].references:
            if reference.source_eid in eids and reference.resolved and not reference.target_statute:
                for target in reference.target_eids:
                    found.update(
                        (t, reference.qualifier) for t in self.passages_for(passage.statute, target)
                    )
        graph = getattr(framework, "graph", None)
        for eid in eids if graph is not None else ():
            found.update(self._graph_targets(graph, provision_node(passage.statute, eid)))
        return found

    def _graph_targets(self, graph: nx.MultiDiGraph, node: str) -> set[tuple[int, str]]:
        found: set[tuple[int, str]] = set()
        if node not in graph:
            return found
        for _, target, data in graph.out_edges(node, data=True):
            attributes = graph.nodes[target]
            if data.get("kind") == "refers_to" and attributes.get("kind") != "statute":
                qualifier = data.get("qualifier", "")
                found.update(
                    (t, qualifier)
                    for t in self.passages_for(attributes["statute"], attributes["eid"])
                )
        return found


def _term_pattern(term: str) -> re.Pattern[str]:
    """Where a provision uses a defined term: the term itself (or its plural) and, for a term
    named by a verbal noun ("trafficking in persons", "smuggling of migrants"), the verb
    ("traffics another person", "smuggled").

    >>> bool(_term_pattern("trafficking in persons").search("a person who trafficks another"))
    True
    """
    words = [re.escape(word) for word in term.lower().split()]
    forms = [r"\s+".join(words) + r"(?:s|es|ren)?"]
    verbal = re.fullmatch(r"(\w{4,})ing\s+(?:in|of)\s+.+", term.lower())
    if verbal:
        stem = verbal.group(1)
        forms.append(f"(?:{re.escape(stem)}|{re.escape(stem.rstrip('k'))})(?:s|es|ed|ks|ked)")
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b")


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
