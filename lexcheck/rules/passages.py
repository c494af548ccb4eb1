"""Cut statutes into passages: the units rules read, one section (or article) or one definition each.

A passage is a section-level provision read WITH its subsections and paragraphs, because an
offence only means something whole ("A person who— (a) ...; (b) ..., commits an offence"). An
interpretation section is the exception: its definitions are unrelated to each other, so each one
becomes a passage of its own and words of two different definitions never count as "together".
A definition made inside another section (an IPC "Explanation") is a passage too, besides its
section, so that a provision using the term reads that definition and not the whole section.
Containers (parts, chapters, divisions) are not passages; their sections are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lexcheck.structure.model import Definition, Provision, Statute

CONTAINER_KINDS = frozenset(
    {"part", "chapter", "division", "subdivision", "title", "book", "subpart", "schedule"}
)
_DEFINITION_SHARE = 0.5
"""Share of a section's text its definitions must cover for it to be cut into definitions."""


@dataclass(frozen=True)
class Passage:
    """One unit of statute text a rule reads; `span` is into the statute's Document text."""

    statute: str
    eid: str
    kind: str
    span: tuple[int, int]
    text: str
    term: str | None = None
    """The defined term, for a definition passage."""

    def label(self) -> str:
        """How a reader names the passage: `statute#eid`, with the term for a definition."""
        term = f" ('{self.term}')" if self.term else ""
        return f"{self.statute}#{self.eid}{term}"


def statute_passages(statute: Statute) -> list[Passage]:
    """The passages of one statute, in document order."""
    text = statute.document.text
    passages = []
    for provision in _section_level(statute.provisions):
        definitions = _definitions_in(statute.definitions, provision.span)
        if not _is_interpretation(provision, definitions):
            passages.append(_provision_passage(statute.id, provision, text))
        passages.extend(_definition_passage(statute.id, d, text) for d in definitions)
    return passages


def deepest_eid(statute: Statute, passage: Passage, offset: int) -> str:
    """The eid of the innermost provision of the passage that holds `offset`."""
    found = passage.eid
    for provision in statute.walk():
        if provision.span[0] <= offset < provision.span[1] and _inside(
            provision.span, passage.span
        ):
            found = provision.eid
    return found


def _section_level(provisions: list[Provision]) -> Iterator[Provision]:
    for provision in provisions:
        if provision.kind in CONTAINER_KINDS:
            yield from _section_level(provision.children)
        else:
            yield provision


def _definitions_in(definitions: list[Definition], span: tuple[int, int]) -> list[Definition]:
    return [d for d in definitions if _inside(d.span, span)]


def _is_interpretation(provision: Provision, definitions: list[Definition]) -> bool:
    length = provision.span[1] - provision.span[0]
    covered = sum(d.span[1] - d.span[0] for d in definitions)
    return len(definitions) >= 2 and length > 0 and covered / length >= _DEFINITION_SHARE


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _provision_passage(statute_id: str, provision: Provision, text: str) -> Passage:
    return Passage(
        statute=statute_id,
        eid=provision.eid,
        kind=provision.kind,
        span=provision.span,
        text=provision.full_text(text),
    )


def _definition_passage(statute_id: str, definition: Definition, text: str) -> Passage:
    start, end = definition.span
    return Passage(
        statute=statute_id,
        eid=definition.eid,
        kind="definition",
        span=definition.span,
        text=text[start:end],
        term=definition.term,
    )
