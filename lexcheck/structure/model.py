"""The `Statute` and its parts: the provision tree, definitions and cross-references.

Names follow Akoma Ntoso (OASIS LegalDocML): provision kinds are its element names and `eid` follows
its naming convention (`part_2__sec_5__subsec_2__para_a`), so the ids mean something to
legal-informatics people and stay stable across runs and layouts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lexcheck.ingest.document import Document

STATUTE_KINDS = ("tip", "som", "immigration", "labour", "penal", "mixed", "other")
"""tip: trafficking in persons; som: smuggling of migrants; mixed: one Act covering both."""


@dataclass
class Provision:
    """One unit of the statute: a part, chapter, section, subsection, paragraph and so on.

    `text` is the provision's own text exactly as it appears in `Document.text` (its printed number
    and heading included, its children's text excluded), so the `text` of every provision, read in
    document order, gives back the whole document. `span` covers the provision with its children.
    """

    eid: str
    kind: str
    num: str
    heading: str
    text: str
    span: tuple[int, int]
    pages: list[int]
    children: list[Provision] = field(default_factory=list)

    def walk(self) -> Iterator[Provision]:
        """This provision and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self, document_text: str) -> str:
        """The provision with its children, as printed."""
        return document_text[self.span[0] : self.span[1]]


@dataclass(frozen=True)
class Definition:
    """A defined term: "X" means / includes / has the meaning assigned ...

    `mode` is means, includes, does-not-include or has-meaning. `facts` holds numeric facts stated
    in the definition, e.g. {"age_under": 18} for "child means a person under the age of eighteen".
    `scope` is the stated reach of the definition ("Act", "Part", "section").
    """

    term: str
    eid: str
    mode: str
    text: str
    span: tuple[int, int]
    scope: str = "Act"
    facts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """A cross-reference found in a provision's text.

    Internal references resolve to eids of the same statute; external ones name another statute
    (`target_statute`, as printed) and are resolved later, across the framework. `qualifier` is the
    wording that gives the reference legal force ("notwithstanding", "subject to", "as defined in",
    "for the purposes of") or "" when there is none.
    """

    source_eid: str
    raw: str
    span: tuple[int, int]
    target_statute: str | None
    target_eids: tuple[str, ...]
    resolved: bool
    reason: str = ""
    qualifier: str = ""


@dataclass
class Statute:
    """One statute file, parsed: what the rules and the graph work on."""

    id: str
    title: str
    kind: str
    kind_detected: bool
    document: Document
    provisions: list[Provision]
    definitions: list[Definition] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def walk(self) -> Iterator[Provision]:
        """Every provision of the statute, in document order."""
        for provision in self.provisions:
            yield from provision.walk()

    def provision(self, eid: str) -> Provision | None:
        """The provision with this eid, if any."""
        return next((p for p in self.walk() if p.eid == eid), None)
