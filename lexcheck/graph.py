"""The cross-law graph: every statute of a framework as one networkx MultiDiGraph.

Nodes (attribute `kind` says which):

    "{statute_id}"                a statute as a whole: kind "statute", title, statute
    "{statute_id}#{eid}"          a provision: kind (part, section ...), num, heading, statute, eid
    "{statute_id}#term:{term}"    a defined term, lower-cased in the id: kind "term", term, statute

Edges (attribute `kind`):

    contains    statute -> top-level provision, provision -> child
    defines     defining provision -> term             mode, scope, start, end, facts (JSON)
    uses_term   provision -> term                      count; the provision's own text uses the
                                                       term (never inside the term's own definition)
    imports     term -> term of another statute        "child" has the meaning assigned to it in
                                                       the Children Act, when that Act is loaded
    refers_to   provision -> provision (or statute)    raw, qualifier, start, end
    overrides   provision -> target                    "notwithstanding <ref>"
    subject_to  provision -> target                    "subject to <ref>"
    exempts     provision -> target                    "<ref> shall not apply to ...", "shall not be
                                                       liable ... under <ref>" (see `_exempts`)

An external reference ("section 12 of the Immigration Act, 2003") is linked when its statute is
loaded: its name matches a statute's title or short title word for word, ignoring case, "the" and
chapter numbers ("Cap. 141", "[Act 155]") and years unless both sides print one; or it is a term
the citing statute defines as another Act ("Code" means the Code of Criminal Procedure) or calls
one ("the principal Act"). A reference to a whole Act links to its statute node. Build one
framework per jurisdiction: names are matched, not verified, so two countries' "Employment Act"s
would be taken for one.

A reference to a provision that does not exist, in its own statute or in a loaded one, is kept in
`Framework.broken_references`; one to an Act that is not loaded is simply not linked.

The graph only answers generic questions (what does this provision use, refer to, override); the
rule engine decides what an offence provision is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from lexcheck.structure.kinds import BIG_UNITS
from lexcheck.structure.model import Definition, Provision, Reference, Statute
from lexcheck.structure.references import ProvisionIndex, find_statute_names, steps_from_eid

QUALIFIER_EDGES = {"notwithstanding": "overrides", "subject to": "subject_to"}
# A provision exempts from a referred one when the reference is what is disapplied ("Section 12
# ... shall not apply to victims", "Nothing in sections 7, 8 and 9 shall apply to ...") or what
# someone is not liable under ("A victim shall not be liable ... under section 12").
_DISAPPLIED_AFTER = re.compile(
    r"^[^.;]{0,120}?\b(?:shall|does|do|will|must)\s+not\s+(?:be\s+deemed\s+to\s+)?apply\b", re.I
)
_NOTHING_IN_BEFORE = re.compile(
    r"\bnothing\s+(?:contained\s+)?in\s+(?:the\s+provisions?\s+of\s+)?$", re.I
)
_NOT_LIABLE_BEFORE = re.compile(
    r"\b(?:not\s+be\s+(?:held\s+)?(?:criminally\s+)?(?:liable|punishable|prosecuted|punished"
    r"|penali[sz]ed|charged|arrested|detained)"
    r"|exempt(?:ed)?\s+from|immune\s+from)\b",
    re.I,
)
_SHORT_TITLE = re.compile(
    r"(?:may\s+be\s+cited\s+as|may\s+be\s+called|shall\s+be\s+known\s+as)\s+(?:the\s+)?(?:as\s+the\s+)?"
    r"[\"“‘']?(?P<name>[^\"”’\n]+?)[\"”’']?\s*(?:\.\W*$|\.\s|;|$)",
    re.IGNORECASE | re.MULTILINE,
)
_CALLED = re.compile(
    r"(?:referred\s+to\s+as|hereinafter\s+(?:referred\s+to\s+as|called))\s+(?:the\s+)?"
    r"[\"“‘'](?P<alias>[^\"”’']+)[\"”’']"
)
_BLANKET_IMPORT = re.compile(
    r"\b(?:words?|expressions?)\b[^.]{0,160}\b(?:defined|meanings?)\b", re.I
)
_ABOVE_SECTION = {*BIG_UNITS, "schedule", "preface"}


def normalise_act_name(name: str) -> tuple[str, ...]:
    """The words that identify an Act, whatever the citation style.

    >>> normalise_act_name("the Children Act (Cap. 141)") == normalise_act_name("CHILDREN ACT")
    True
    >>> normalise_act_name("Immigration Act 1959/63 [Act 155]")
    ('immigration', 'act')
    >>> normalise_act_name("Republic Act No. 9208, as amended")
    ('republic', 'act', 'no9208', 'as', 'amended')
    """
    text = name.lower()
    text = re.sub(r"\bno\.?\s*(\d+)", r"no\1", text)
    text = re.sub(r"\[[^\]]*\]|\((?:cap|chapter|act)\b[^)]*\)|\([ivxlc]+\s+of\s+\d{4}\)", " ", text)
    text = re.sub(r"\b(?:cap|chapter)\b\.?\s*\w+|\b(?:of\s+)?\d{4}(?:/\d+)?\b", " ", text)
    text = re.sub(r"\bbill\b", "act", text.replace("-", ""))
    return tuple(w for w in re.findall(r"[a-z0-9]+", text) if w != "the")


def provision_node(statute_id: str, eid: str) -> str:
    return f"{statute_id}#{eid}"


def term_node(statute_id: str, term: str) -> str:
    return f"{statute_id}#term:{_term_key(term)}"


@dataclass(frozen=True)
class _Vocabulary:
    """One statute's defined terms (its own, then those it imports) as one longest-first matcher."""

    pattern: re.Pattern[str] | None
    nodes: dict[str, str]  # the term, case-folded and with single spaces -> its node

    def uses(self, text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
        """(term node, offset) of every use of a term between `start` and `end`."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text, start, end):
            word = _term_key(match.group())
            yield self.nodes[word] if word in self.nodes else self.nodes[word[:-1]], match.start()


def _term_key(term: str) -> str:
    return " ".join(term.casefold().split())


@dataclass
class Framework:
    """A country's statutes as one connected thing: the statutes by id and the graph over them."""

    statutes: dict[str, Statute]
    graph: nx.MultiDiGraph
    broken_references: list[tuple[str, Reference, str]] = field(default_factory=list)
    _indexes: dict[str, ProvisionIndex] = field(default_factory=dict, repr=False)
    _vocabularies: dict[str, _Vocabulary] = field(default_factory=dict, repr=False)

    def term_definitions(self, term: str) -> list[tuple[str, Definition]]:
        """Every definition of `term` (any case) across the framework, as (statute id, definition).

        "a term defined with two different ages" is then a question about their `facts`.
        """
        wanted = _term_key(term)
        return [
            (sid, d)
            for sid, statute in self.statutes.items()
            for d in statute.definitions
            if _term_key(d.term) == wanted
        ]

    def context(self, statute_id: str, eid: str, depth: int = 2) -> list[tuple[str, str]]:
        """What must be read with a provision, as (statute id, eid) pairs, nearest first.

        The enclosing provisions (section level and below) whose own text is the provision's
        chapeau; for every term the provision (with its children and chapeau) uses, the provision
        defining it, following imports into other statutes; and every provision it refers to.
        Definitions and referred provisions are followed in turn, `depth` steps in all.
        `definitions_in_context` gives the definitions themselves, with their spans.
        """
        return list(self._closure(statute_id, eid, depth)[0])

    def definitions_in_context(
        self, statute_id: str, eid: str, depth: int = 2
    ) -> list[tuple[str, Definition]]:
        """The definitions `context` reaches, as (statute id, definition), each with its span."""
        return list(self._closure(statute_id, eid, depth)[1].values())

    def to_json(self) -> dict[str, object]:
        """The graph in node-link form, with the broken references beside it."""
        data = nx.node_link_data(self.graph, edges="edges")
        data["broken_references"] = [
            {"statute": sid, "source_eid": ref.source_eid, "raw": ref.raw, "reason": reason}
            for sid, ref, reason in self.broken_references
        ]
        return data

    def write_graphml(self, path: Path) -> None:
        nx.write_graphml(self.graph, Path(path))

    # --- the closure behind `context` -----------------------------------------------------

    def _closure(
        self, statute_id: str, eid: str, depth: int
    ) -> tuple[dict[tuple[str, str], None], dict[tuple[str, ...], tuple[str, Definition]]]:
        """Breadth first from the provision: each step reads the definitions and referred
        provisions the previous step reached; a provision always brings its chapeaux."""
        start = self._provision(statute_id, eid)
        provisions = dict.fromkeys((statute_id, a.eid) for a in self._chapeaux(statute_id, start))
        definitions: dict[tuple[str, ...], tuple[str, Definition]] = {}
        seen = {_reading_key(statute_id, start)}
        frontier: list[tuple[str, Provision | Definition]] = [(statute_id, start)]
        for _ in range(depth):
            reached = [pair for sid, item in frontier for pair in self._next(sid, item)]
            frontier = []
            for sid, item in reached:
                key = _reading_key(sid, item)
                if key in seen:
                    continue
                seen.add(key)
                frontier.append((sid, item))
                provisions.setdefault((sid, item.eid))
                if isinstance(item, Definition):
                    definitions[key] = (sid, item)
                else:
                    provisions.update(
                        dict.fromkeys((sid, a.eid) for a in self._chapeaux(sid, item))
                    )
        provisions.pop((statute_id, start.eid), None)
        return provisions, definitions

    def _provision(self, statute_id: str, eid: str) -> Provision:
        provision = self._indexes[statute_id].by_eid(eid) if statute_id in self._indexes else None
        if provision is None:
            raise KeyError(f"no provision {eid!r} in statute {statute_id!r}")
        return provision

    def _chapeaux(self, statute_id: str, provision: Provision) -> list[Provision]:
        ancestors = self._indexes[statute_id].ancestors(provision)
        return [a for a in reversed(ancestors) if a.kind not in _ABOVE_SECTION]

    def _next(
        self, sid: str, item: Provision | Definition
    ) -> list[tuple[str, Provision | Definition]]:
        """The definitions of the terms `item` uses and the provisions it refers to.

        A provision is read with its children and chapeaux; a definition only within its span
        (an interpretation section holds many), leaving out its own term.
        """
        if isinstance(item, Provision):
            readers = [*self._chapeaux(sid, item), *item.walk()]
            sources, span = [provision_node(sid, p.eid) for p in readers], None
            terms = self._targets_of(sources, "uses_term")
        else:
            sources, span = [provision_node(sid, item.eid)], item.span
            text = self.statutes[sid].document.text
            own = term_node(sid, item.term)
            terms = [t for t, _ in self._vocabularies[sid].uses(text, *item.span) if t != own]
        reached: list[tuple[str, Provision | Definition]] = []
        for term in dict.fromkeys(terms):
            for node in [term, *self._targets_of([term], "imports")]:
                reached.extend(self._definitions_at(node))
        for source in sources:
            reached.extend(self._referred(source, span))
        return reached

    def _targets_of(self, sources: list[str], kind: str) -> list[str]:
        return [t for s in sources for _, t, k in self.graph.out_edges(s, data="kind") if k == kind]

    def _definitions_at(self, term: str) -> Iterator[tuple[str, Definition]]:
        """The definitions behind one term node."""
        sid, wanted = self.graph.nodes[term]["statute"], _term_key(self.graph.nodes[term]["term"])
        for definition in self.statutes[sid].definitions:
            if _term_key(definition.term) == wanted:
                yield sid, definition

    def _referred(
        self, source: str, span: tuple[int, int] | None
    ) -> Iterator[tuple[str, Provision]]:
        for _, target, data in self.graph.out_edges(source, data=True):
            if data["kind"] != "refers_to" or self.graph.nodes[target]["kind"] == "statute":
                continue
            if span is None or span[0] <= data["start"] < span[1]:
                node = self.graph.nodes[target]
                yield node["statute"], self._provision(node["statute"], node["eid"])


def _reading_key(sid: str, item: Provision | Definition) -> tuple[str, ...]:
    if isinstance(item, Definition):
        return ("definition", sid, item.term, str(item.span[0]))
    return ("provision", sid, item.eid)


# --- building -----------------------------------------------------------------------------------


def build_framework(statutes: list[Statute]) -> Framework:
    """Connect the statutes of one framework into a single graph (see the module docstring)."""
    by_id: dict[str, Statute] = {}
    for statute in statutes:
        if statute.id in by_id:
            raise ValueError(f"two statutes share the id {statute.id!r}; give each file its own id")
        by_id[statute.id] = statute
    framework = Framework(by_id, nx.MultiDiGraph())
    framework._indexes = {sid: ProvisionIndex(s.provisions) for sid, s in by_id.items()}
    for statute in by_id.values():
        _add_provisions(framework.graph, statute)
        _add_definitions(framework.graph, statute)
    names = _StatuteNames(by_id)
    imports = {sid: _add_imports(framework, names, statute) for sid, statute in by_id.items()}
    for statute in by_id.values():
        _add_references(framework, names, statute)
        framework._vocabularies[statute.id] = _vocabulary(
            framework.graph, statute, imports[statute.id]
        )
        _add_term_uses(framework, statute)
    return framework


def _add_provisions(graph: nx.MultiDiGraph, statute: Statute) -> None:
    graph.add_node(statute.id, kind="statute", title=statute.title, statute=statute.id)
    for top in statute.provisions:
        graph.add_edge(statute.id, provision_node(statute.id, top.eid), kind="contains")
    for provision in statute.walk():
        node = provision_node(statute.id, provision.eid)
        graph.add_node(
            node,
            kind=provision.kind,
            num=provision.num,
            heading=provision.heading,
            statute=statute.id,
            eid=provision.eid,
        )
        for child in provision.children:
            graph.add_edge(node, provision_node(statute.id, child.eid), kind="contains")


def _add_definitions(graph: nx.MultiDiGraph, statute: Statute) -> None:
    for definition in statute.definitions:
        node = term_node(statute.id, definition.term)
        if node not in graph:
            graph.add_node(node, kind="term", term=definition.term, statute=statute.id)
        graph.add_edge(
            provision_node(statute.id, definition.eid),
            node,
            kind="defines",
            mode=definition.mode,
            scope=definition.scope,
            start=definition.span[0],
            end=definition.span[1],
            facts=json.dumps(definition.facts, sort_keys=True),
        )


class _StatuteNames:
    """Which loaded statute a printed Act name means (see `normalise_act_name`).

    Years are ignored unless both sides print one: "the Immigration Act" is the Immigration Act,
    2019, but "the Immigration Act, 2003" is not.
    """

    def __init__(self, statutes: dict[str, Statute]) -> None:
        self._own: dict[str, set[tuple[str, ...]]] = {}
        self._years: dict[str, set[str]] = {}
        self._by_name: dict[tuple[str, ...], list[str]] = {}
        for sid, statute in statutes.items():
            printed = [statute.title, *_short_titles(statute.document.text)]
            self._own[sid] = {normalise_act_name(name) for name in printed} - {()}
            self._years[sid] = {year for name in printed for year in _years(name)}
            for name in self._own[sid]:
                self._by_name.setdefault(name, []).append(sid)

    def resolve(self, name: str, citing: Statute) -> str | None:
        """The id of the statute `name` means, as printed in `citing`, or None when not loaded.

        A statute naming itself means itself, even when a draft and its revision share a title.
        """
        for printed in [name, *_alias_targets(citing, name)]:
            wanted, years = normalise_act_name(printed), _years(printed)
            candidates = [citing.id] if wanted in self._own[citing.id] else []
            candidates += self._by_name.get(wanted, [])
            for sid in candidates:
                if not (years and self._years[sid]) or years & self._years[sid]:
                    return sid
        return None


def _years(name: str) -> set[str]:
    return set(re.findall(r"(?<![\d/])(1[6-9]\d\d|20\d\d)(?![\d])", name))


def _short_titles(text: str) -> list[str]:
    """ "This Act may be cited as the Counter-Trafficking in Persons Act." and the like."""
    return [m.group("name").strip(" ,") for m in _SHORT_TITLE.finditer(text[:20000])]


def _alias_targets(statute: Statute, alias: str) -> list[str]:
    """The Acts a statute means by a name it defines or assigns ("Code", "the principal Act")."""
    wanted = alias.casefold()
    texts = [d.text for d in statute.definitions if d.term.casefold() == wanted]
    text = statute.document.text
    for match in _CALLED.finditer(text):
        if match.group("alias").casefold() == wanted:
            texts.append(text[max(0, match.start() - 300) : match.start()])
    return [n.name for t in texts for n in reversed(find_statute_names(t))]


def _add_imports(framework: Framework, names: _StatuteNames, statute: Statute) -> list[str]:
    """Link each term defined by another loaded Act to that Act's term ("child" has the meaning
    assigned to it in the Children Act); return the Acts whose whole vocabulary the statute
    imports ("words and expressions defined in the Penal Code have the same meanings")."""
    graph = framework.graph
    for definition in statute.definitions:
        if definition.mode != "has-meaning":
            continue
        for name in find_statute_names(definition.text):
            other = names.resolve(name.name, statute)
            if other and other != statute.id and term_node(other, definition.term) in graph:
                source = term_node(statute.id, definition.term)
                graph.add_edge(source, term_node(other, definition.term), kind="imports")
    return [other for other in _blanket_imports(framework, names, statute) if other != statute.id]


def _blanket_imports(framework: Framework, names: _StatuteNames, statute: Statute) -> list[str]:
    index, text = framework._indexes[statute.id], statute.document.text
    imported = []
    for reference in statute.references:
        provision = index.by_eid(reference.source_eid)
        if reference.target_statute is None or provision is None:
            continue
        own = "".join(text[a:b] for a, b in index.own_ranges(provision))
        other = names.resolve(reference.target_statute, statute)
        if other and _BLANKET_IMPORT.search(own):
            imported.append(other)
    return imported


def _add_references(framework: Framework, names: _StatuteNames, statute: Statute) -> None:
    for reference in statute.references:
        targets, reason = _targets(framework, names, statute, reference)
        if reason:
            framework.broken_references.append((statute.id, reference, reason))
        source = provision_node(statute.id, reference.source_eid)
        for target in targets:
            _link(framework, statute, reference, source, target)


def _targets(
    framework: Framework, names: _StatuteNames, statute: Statute, reference: Reference
) -> tuple[list[str], str]:
    """The nodes a reference reaches, and why it is broken ("" when it is not)."""
    if reference.target_statute is None:
        targets = [provision_node(statute.id, eid) for eid in reference.target_eids]
        targets = [t for t in targets if t in framework.graph]
        broken = not reference.resolved and reference.reason == "no such provision"
        return targets, reference.reason if broken else ""
    other = names.resolve(reference.target_statute, statute)
    if other is None:
        return [], ""
    if not reference.target_eids:
        return [other], ""
    targets, missing = [], []
    for eid in reference.target_eids:
        found = framework._indexes[other].resolve(steps_from_eid(eid))
        if len(found) == 1:
            targets.append(provision_node(other, found[0].eid))
        elif not found:
            missing.append(eid)
    return targets, f"no such provision in {other}: {', '.join(missing)}" if missing else ""


def _link(
    framework: Framework, statute: Statute, reference: Reference, source: str, target: str
) -> None:
    graph = framework.graph
    attrs = {
        "raw": reference.raw,
        "qualifier": reference.qualifier,
        "start": reference.span[0],
        "end": reference.span[1],
    }
    graph.add_edge(source, target, kind="refers_to", **attrs)
    if reference.qualifier in QUALIFIER_EDGES:
        graph.add_edge(source, target, kind=QUALIFIER_EDGES[reference.qualifier], **attrs)
    if _exempts(statute.document.text, reference.span):
        graph.add_edge(source, target, kind="exempts", **attrs)


def _exempts(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence around a reference disapplies it or frees someone from it.

    "This section does not apply to statements falling within section 27" does not exempt from
    section 27: section 27 only names what this section leaves alone.
    """
    start = max(text.rfind(mark, 0, span[0]) for mark in (". ", ";", "\n")) + 1
    before, after = text[start : span[0]], text[span[1] : span[1] + 200]
    if _DISAPPLIED_AFTER.match(after):
        return True
    if _NOTHING_IN_BEFORE.search(before) and re.match(r"^[^.;]*\bapply\b", after, re.I):
        return True
    return bool(_NOT_LIABLE_BEFORE.search(before))


def _vocabulary(graph: nx.MultiDiGraph, statute: Statute, imported_from: list[str]) -> _Vocabulary:
    """The terms a statute's text can use: its own, then those it imports wholesale."""
    nodes: dict[str, str] = {}
    for definition in statute.definitions:
        nodes.setdefault(_term_key(definition.term), term_node(statute.id, definition.term))
    for other in imported_from:
        for node, data in graph.nodes(data=True):
            if data["kind"] == "term" and data["statute"] == other:
                nodes.setdefault(_term_key(data["term"]), node)
    if not nodes:
        return _Vocabulary(None, nodes)
    alternatives = "|".join(
        r"\s+".join(map(re.escape, term.split())) for term in sorted(nodes, key=len, reverse=True)
    )
    return _Vocabulary(re.compile(rf"(?<!\w)(?:{alternatives})s?(?!\w)", re.IGNORECASE), nodes)


def _add_term_uses(framework: Framework, statute: Statute) -> None:
    """uses_term edges from each provision's own text, never inside the term's own definition."""
    text = statute.document.text
    vocabulary = framework._vocabularies[statute.id]
    own_definitions: dict[str, list[tuple[int, int]]] = {}
    for definition in statute.definitions:
        own_definitions.setdefault(term_node(statute.id, definition.term), []).append(
            definition.span
        )
    index = framework._indexes[statute.id]
    for provision in statute.walk():
        counts: Counter[str] = Counter()
        for start, end in index.own_ranges(provision):
            for node, offset in vocabulary.uses(text, start, end):
                if not any(a <= offset < b for a, b in own_definitions.get(node, [])):
                    counts[node] += 1
        for node, count in counts.items():
            framework.graph.add_edge(
                provision_node(statute.id, provision.eid), node, kind="uses_term", count=count
            )
