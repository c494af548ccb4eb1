"""parse_statute: title, kind, id, and the definitions and references stages it calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lexcheck.ingest.document import Document, Segment
from lexcheck.structure import parse_statute
from lexcheck.structure.classify import detect_kind, find_title
from lexcheck.structure.parse import build_provisions

KENYA_STYLE = """LAWS OF KENYA
COUNTER-TRAFFICKING IN PERSONS ACT
CAP. 61
PART I – PRELIMINARY
1. Short title
This Act may be cited as the Counter-Trafficking in Persons Act.
2. Interpretation
In this Act—
"child" means a person under the age of eighteen years;
"exploitation" includes forced labour.
PART II – OFFENCES
3. Trafficking in persons
(1) A person who recruits a child for the purpose of exploitation commits an offence.
(2) Subsection (1) applies whatever the consent of the child.
"""

# (case, statute text, expected title)
TITLES = [
    ("the printed title, not the masthead", KENYA_STYLE, "COUNTER-TRAFFICKING IN PERSONS ACT"),
    (
        "the short title when the preface prints none",
        "THE GAZETTE OF PAKISTAN, EXTRAORDINARY\nACT NO. XXXIV OF 2018\n"
        "An Act to prevent trafficking\n1. Short title.—\n"
        "(1) This Act may be called the Prevention of Trafficking in Persons Act, 2018.",
        "Prevention of Trafficking in Persons Act, 2018",
    ),
    (
        "a doubled 'as the' in the short title",
        "KENYA CITIZENSHIP AND IMMIGRATION\n1. Short title\n"
        "This Act may be cited as the as the Kenya Citizenship and Immigration Act, 2011.",
        "Kenya Citizenship and Immigration Act, 2011",
    ),
    (
        "a quoted short title",
        "SECTION 1.\n\"This Act shall be known as the 'Expanded Anti-Trafficking Act of 2022'.\"",
        "Expanded Anti-Trafficking Act of 2022",
    ),
    (
        "a penal code",
        "THE INDIAN PENAL CODE, 1860\n(Act 45 of 1860)\n370. Trafficking.—",
        "THE INDIAN PENAL CODE, 1860",
    ),
]


@pytest.mark.parametrize(("case", "text", "title"), TITLES, ids=[case[0] for case in TITLES])
def test_title(document_of: Callable[[str], Document], case: str, text: str, title: str) -> None:
    document = document_of(text)
    assert find_title(document, build_provisions(document)) == title


# (title, text, expected kind)
KINDS = [
    ("COUNTER-TRAFFICKING IN PERSONS ACT", "", "tip"),
    ("THE SMUGGLING OF MIGRANTS ACT, 2024", "", "som"),
    ("Kenya Citizenship and Immigration Act, 2011", "", "immigration"),
    ("EMPLOYMENT (AMENDMENT) BILL 2021", "", "labour"),
    ("THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992", "", "labour"),
    ("THE INDIAN PENAL CODE, 1860", "trafficking " * 20, "penal"),
    ("THE BHARATIYA NYAYA SANHITA, 2023", "", "penal"),
    # Both in the title; only trafficking in the text: an amendment of trafficking provisions.
    (
        "ANTI-TRAFFICKING IN PERSONS AND ANTI-SMUGGLING OF MIGRANTS (AMENDMENT) BILL 2015",
        "the Anti-Trafficking in Persons and Anti-Smuggling of Migrants Act; trafficked person "
        * 6,
        "tip",
    ),
    (
        "ANTI-TRAFFICKING IN PERSONS AND ANTI-SMUGGLING OF MIGRANTS ACT 2007",
        "trafficking in persons; smuggling of migrants; " * 10,
        "mixed",
    ),
    (
        "THE MISCELLANEOUS ACT",
        "trafficking of persons " * 5 + "smuggling of migrants " * 5,
        "mixed",
    ),
    ("THE MISCELLANEOUS ACT", "work permits for immigration officers; " * 5, "immigration"),
    ("THE MISCELLANEOUS ACT", "roads and bridges", "other"),
]


@pytest.mark.parametrize(("title", "text", "kind"), KINDS)
def test_kind(title: str, text: str, kind: str) -> None:
    assert detect_kind(title, text) == kind


def test_parse_statute_detects_title_and_kind_and_takes_the_file_stem_as_id() -> None:
    document = Document(
        Path("statutes/kenya-cta.txt"),
        "text",
        KENYA_STYLE,
        [Segment(0, len(KENYA_STYLE), 1)],
        1,
        "0",
    )
    statute = parse_statute(document)
    assert (statute.id, statute.title, statute.kind, statute.kind_detected) == (
        "kenya-cta",
        "COUNTER-TRAFFICKING IN PERSONS ACT",
        "tip",
        True,
    )
    assert statute.provision("part_II__sec_3__subsec_1").text.startswith(
        "(1) A person who recruits"
    )


def test_a_given_kind_overrides_detection(document_of: Callable[[str], Document]) -> None:
    statute = parse_statute(document_of(KENYA_STYLE), kind="labour")
    assert (statute.kind, statute.kind_detected) == ("labour", False)


def test_definitions_and_references_are_found_on_the_tree(
    document_of: Callable[[str], Document],
) -> None:
    statute = parse_statute(document_of(KENYA_STYLE))
    assert {definition.term for definition in statute.definitions} >= {"child", "exploitation"}
    assert any(reference.raw.startswith("Subsection (1)") for reference in statute.references)
