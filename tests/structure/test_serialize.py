"""The JSON form of a statute and its human-readable outline."""

from __future__ import annotations

import json
from collections.abc import Callable

from lexcheck.ingest.document import Document, Furniture
from lexcheck.structure import parse_statute
from lexcheck.structure.serialize import format_tree, statute_to_dict

STATUTE = """THE TRAFFICKING ACT
PART I – OFFENCES
1. Trafficking in persons
(1) A person who recruits a child for exploitation commits an offence.
(2) Consent is irrelevant."""


def test_statute_to_dict_is_json_with_the_agreed_top_level_keys(
    document_of: Callable[[str], Document],
) -> None:
    document = document_of(STATUTE)
    document.furniture.append(Furniture(1, "- 1 -", "page-number", "centred in the footer"))
    data = json.loads(json.dumps(statute_to_dict(parse_statute(document))))
    assert {
        "title",
        "kind",
        "id",
        "path",
        "pages",
        "provisions",
        "definitions",
        "references",
    } <= set(data)
    assert data["furniture"] == {
        "count": 1,
        "items": [
            {
                "page": 1,
                "text": "- 1 -",
                "kind": "page-number",
                "reason": "centred in the footer",
                "bbox": None,
            }
        ],
    }
    assert (data["title"], data["kind"], data["id"], data["pages"]) == (
        "THE TRAFFICKING ACT",
        "tip",
        "t",
        1,
    )


def test_provisions_nest_with_eid_kind_num_heading_text_pages_children(
    document_of: Callable[[str], Document],
) -> None:
    data = statute_to_dict(parse_statute(document_of(STATUTE)))
    part = data["provisions"][1]
    assert part == {
        "eid": "part_I",
        "kind": "part",
        "num": "I",
        "heading": "OFFENCES",
        "text": "PART I – OFFENCES",
        "span": [STATUTE.index("PART"), len(STATUTE)],
        "pages": [1],
        "children": [
            {
                "eid": "part_I__sec_1",
                "kind": "section",
                "num": "1",
                "heading": "Trafficking in persons",
                "text": "1. Trafficking in persons",
                "span": [STATUTE.index("1."), len(STATUTE)],
                "pages": [1],
                "children": [
                    {
                        "eid": "part_I__sec_1__subsec_1",
                        "kind": "subsection",
                        "num": "1",
                        "heading": "",
                        "text": "(1) A person who recruits a child for exploitation commits an offence.",
                        "span": [STATUTE.index("(1)"), STATUTE.index("\n(2)")],
                        "pages": [1],
                        "children": [],
                    },
                    {
                        "eid": "part_I__sec_1__subsec_2",
                        "kind": "subsection",
                        "num": "2",
                        "heading": "",
                        "text": "(2) Consent is irrelevant.",
                        "span": [STATUTE.index("(2)"), len(STATUTE)],
                        "pages": [1],
                        "children": [],
                    },
                ],
            }
        ],
    }


def test_format_tree_is_an_indented_outline(document_of: Callable[[str], Document]) -> None:
    assert format_tree(parse_statute(document_of(STATUTE))) == "\n".join(
        [
            "THE TRAFFICKING ACT",
            "kind tip (detected) · id t · 1 pages · 5 provisions",
            "preface  preface  p.1  THE TRAFFICKING ACT",
            'part_I  part I "OFFENCES"  p.1  PART I – OFFENCES',
            '  part_I__sec_1  section 1 "Trafficking in persons"  p.1  1. Trafficking in persons',
            "    part_I__sec_1__subsec_1  subsection 1  p.1  "
            "(1) A person who recruits a child for exploitation commits a …",
            "    part_I__sec_1__subsec_2  subsection 2  p.1  (2) Consent is irrelevant.",
        ]
    )
