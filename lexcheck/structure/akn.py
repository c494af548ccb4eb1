"""The provision tree of an Akoma Ntoso document, from the provisions its reader already delimits.

The AKN reader fills `Document.structure_hints`: every provision with its eId, kind, number,
heading, offsets and parent. No numbering grammar is needed; this module only nests the hints and
keeps their eIds. Text the hints leave out still belongs to some provision, so nothing is lost:
text before the first provision is the preface, and text after a provision's last child is that
provision's wrap-up (AKN's wrapUp).
"""

from __future__ import annotations

from lexcheck.ingest.document import Document
from lexcheck.structure.kinds import BIG_UNITS, SECTION_LEVEL
from lexcheck.structure.numbering import read_marker
from lexcheck.structure.tree import Node

_KINDS = {"wrapUp": "wrapup", "attachment": "schedule"}
_HEADED = {*BIG_UNITS, *SECTION_LEVEL, "schedule"}


def tree_from_hints(document: Document) -> tuple[Node, dict[int, str]]:
    """The tree of the hints (under a root node) and each node's eId, keyed by `id(node)`."""
    root = Node("root")
    eids: dict[int, str] = {}
    ends: dict[int, int] = {}
    by_eid: dict[str, Node] = {}
    for hint in sorted(document.structure_hints, key=lambda hint: (hint.start, -hint.end)):
        kind = _KINDS.get(hint.kind, hint.kind)
        node = Node(kind, undecorated(hint.num), hint.heading, hint.start, headed=kind in _HEADED)
        by_eid.get(hint.parent or "", root).add(node)
        by_eid[hint.eid] = node
        eids[id(node)], ends[id(node)] = hint.eid, hint.end
    for node in list(by_eid.values()):
        _add_wrapup(node, document.text, eids, ends)
    return root, eids


def _add_wrapup(node: Node, text: str, eids: dict[int, str], ends: dict[int, int]) -> None:
    """Give the text after a provision's last child (inside the provision) a wrap-up of its own."""
    if not node.children:
        return
    last_end = max(ends[id(child)] for child in node.children)
    tail = text[last_end : ends[id(node)]]
    if not tail.strip():
        return
    wrapup = node.add(Node("wrapup", start=last_end + len(tail) - len(tail.lstrip())))
    eids[id(wrapup)] = f"{eids[id(node)]}__wrapup_1"
    ends[id(wrapup)] = ends[id(node)]


def undecorated(num: str) -> str:
    """A printed number without its keyword and brackets, as the parser's `num` is.

    >>> undecorated("PART II"), undecorated("(1)"), undecorated("5."), undecorated("")
    ('II', '1', '5', '')
    """
    marker = read_marker(num)
    if marker is not None and marker.num:
        return marker.num
    return num.strip(" ()[].")
