"""Akoma Ntoso input: the tree comes from the reader's structure hints and keeps their eIds."""

from __future__ import annotations

from pathlib import Path

from lexcheck.ingest.document import Document, Segment, StructureHint
from lexcheck.structure.parse import build_provisions

TEXT = """Trafficking Act
PART II Offences
5. Trafficking in persons
(1) A person who recruits a child by means of
(a) force; or
(b) deception,
commits an offence.
(2) Consent is irrelevant."""


def hint(
    eid: str, kind: str, num: str, start_text: str, end_text: str, parent: str | None
) -> StructureHint:
    start = TEXT.index(start_text)
    end = TEXT.index(end_text) + len(end_text)
    return StructureHint(eid, kind, num, "", start, end, parent)


HINTS = [
    hint("part_2", "part", "PART II", "PART II", "irrelevant.", None),
    hint("part_2__sec_5", "section", "5", "5. Trafficking", "irrelevant.", "part_2"),
    hint("part_2__sec_5__subsec_1", "subsection", "(1)", "(1) A person", "an offence.", "part_2__sec_5"),
    hint("part_2__sec_5__subsec_1__para_a", "paragraph", "(a)", "(a) force", "force; or", "part_2__sec_5__subsec_1"),
    hint("part_2__sec_5__subsec_1__para_b", "paragraph", "(b)", "(b) deception", "deception,", "part_2__sec_5__subsec_1"),
    hint("part_2__sec_5__subsec_2", "subsection", "(2)", "(2) Consent", "irrelevant.", "part_2__sec_5"),
]  # fmt: skip


def document() -> Document:
    return Document(
        Path("act.xml"), "akn", TEXT, [Segment(0, len(TEXT), 1)], 1, "0", structure_hints=HINTS
    )


def flat(provisions):
    return [each for provision in provisions for each in provision.walk()]


def test_the_tree_keeps_the_hints_eids_and_gives_text_outside_them_a_home() -> None:
    provisions = flat(build_provisions(document()))
    assert [(p.eid, p.kind, p.num, p.text) for p in provisions] == [
        ("preface", "preface", "", "Trafficking Act"),
        ("part_2", "part", "II", "PART II Offences"),
        ("part_2__sec_5", "section", "5", "5. Trafficking in persons"),
        ("part_2__sec_5__subsec_1", "subsection", "1", "(1) A person who recruits a child by means of"),
        ("part_2__sec_5__subsec_1__para_a", "paragraph", "a", "(a) force; or"),
        ("part_2__sec_5__subsec_1__para_b", "paragraph", "b", "(b) deception,"),
        ("part_2__sec_5__subsec_1__wrapup_1", "wrapup", "", "commits an offence."),
        ("part_2__sec_5__subsec_2", "subsection", "2", "(2) Consent is irrelevant."),
    ]  # fmt: skip


def test_spans_cover_the_provision_with_its_children() -> None:
    section = build_provisions(document())[1].children[0]
    assert TEXT[section.span[0] : section.span[1]] == TEXT[TEXT.index("5. Trafficking") :]
