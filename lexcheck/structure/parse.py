"""Turn a `Document` into a `Statute`: the provision tree, then its definitions and references.

    lines ─▶ tree (numbering grammar, `tree.py`) ─▶ preface, marginal notes ─▶ eIds ─▶ Provisions

An Akoma Ntoso document brings its provisions along (`Document.structure_hints`); then the tree is
built from them and their eIds are kept. Either way each provision's `text` is its own verbatim
slice of `Document.text`, so the provisions read in order give back the whole document.
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from lexcheck.ingest.document import Document, MarginalNote
from lexcheck.structure.akn import tree_from_hints
from lexcheck.structure.classify import detect_kind, find_title
from lexcheck.structure.definitions import find_definitions
from lexcheck.structure.eids import EidGenerator
from lexcheck.structure.lines import split_lines
from lexcheck.structure.model import Provision, Statute
from lexcheck.structure.references import find_references
from lexcheck.structure.tree import Node, build_tree


def parse_statute(document: Document, kind: str | None = None) -> Statute:
    """Parse one statute. `kind` overrides the detected kind (then `kind_detected` is False)."""
    provisions = build_provisions(document)
    title = find_title(document, provisions)
    return Statute(
        id=document.path.stem,
        title=title,
        kind=kind or detect_kind(title, document.text),
        kind_detected=kind is None,
        document=document,
        provisions=provisions,
        definitions=find_definitions(provisions, document.text),
        references=find_references(provisions, document.text),
    )


def build_provisions(document: Document) -> list[Provision]:
    """The statute's provision tree alone (top-level provisions, each with its children)."""
    if document.structure_hints:
        root, eids = tree_from_hints(document)
    else:
        root = build_tree(split_lines(document.text))
        eids = {}
    _add_preface(root, document.text)
    _attach_marginal_notes(root, document)
    return _ProvisionMaker(document, eids).make(root)


def _add_preface(root: Node, text: str) -> None:
    """Text before the first provision (title, long title, enacting words) becomes the preface."""
    first = len(text) - len(text.lstrip())
    end = root.children[0].start if root.children else len(text)
    if text[first:end].strip():
        preface = Node("preface", start=first)
        preface.parent = root
        root.children.insert(0, preface)


def _attach_marginal_notes(root: Node, document: Document) -> None:
    """Make each marginal note the heading of the unit it stands beside.

    That is the first headed unit (part, section, article, schedule paragraph) starting on the
    note's line, or else the headed unit that line belongs to. A unit whose heading is printed
    in the body keeps it; notes split over several lines are joined.
    """
    units = [node for node in root.walk() if node.headed]
    starts = [node.start for node in units]
    noted: set[int] = set()
    for note in document.marginal_notes:
        node = _noted_unit(units, starts, note, document.text)
        if node is None or (node.heading and id(node) not in noted):
            continue
        node.heading = f"{node.heading} {note.text.strip()}".strip()
        noted.add(id(node))


def _noted_unit(units: list[Node], starts: list[int], note: MarginalNote, text: str) -> Node | None:
    line_end = text.find("\n", note.anchor)
    line_end = len(text) if line_end < 0 else line_end
    first = bisect.bisect_left(starts, note.anchor)
    if first < len(units) and starts[first] < line_end:
        return units[first]
    return units[first - 1] if first > 0 else None


class _ProvisionMaker:
    """Turns the built tree into `Provision`s: eIds, own text, span and pages."""

    def __init__(self, document: Document, eids: dict[int, str]) -> None:
        self.document = document
        self.text = document.text
        self.eids = eids
        self.generator = EidGenerator()
        self.own_end: dict[int, int] = {}

    def make(self, root: Node) -> list[Provision]:
        order = [node for node in root.walk() if node is not root]
        for node, following in pairwise([*order, None]):
            end = following.start if following is not None else len(self.text)
            self.own_end[id(node)] = node.start + len(self.text[node.start : end].rstrip())
        return [self._provision(child, "") for child in root.children]

    def _provision(self, node: Node, parent_eid: str) -> Provision:
        eid = self.eids.get(id(node)) or self.generator.make(parent_eid, node.kind, node.num)
        children = [self._provision(child, eid) for child in node.children]
        start, own_end = node.start, self.own_end[id(node)]
        end = max([own_end, *(child.span[1] for child in children)])
        return Provision(
            eid=eid,
            kind=node.kind,
            num=node.num,
            heading=node.heading,
            text=self.text[start:own_end],
            span=(start, end),
            pages=self.document.pages_between(start, end),
            children=children,
        )
