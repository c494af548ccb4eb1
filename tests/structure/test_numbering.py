"""The numbering grammar: which line openings are provision markers, and how numbers follow."""

from __future__ import annotations

import pytest

from lexcheck.structure.numbering import (
    Reading,
    follows,
    is_first,
    item_readings,
    read_marker,
    section_key,
)

# (line, family, kind, num) — or None when the line opens no provision.
MARKERS = [
    # Commonwealth
    ("PART II", "big", "part", "II"),
    ("PART 2 — OFFENCES", "big", "part", "2"),
    ("PART I – PRELIMINARY", "big", "part", "I"),
    ("PART VI―IMMIGRATION CONTROLS", "big", "part", "VI"),
    ("CHAPTERI", "big", "chapter", "I"),  # glued in a gazette PDF
    ("Chapter XVI", "big", "chapter", "XVI"),
    ("Part 5 – Of Kidnapping, Abduction", "big", "part", "5"),
    ("DIVISION 3", "big", "division", "3"),
    ("5. Trafficking in persons", "section", "section", "5"),
    ("5. (1) A person who", "section", "section", "5"),
    ("5A. Inserted section", "section", "section", "5A"),
    ("360C. Offences", "section", "section", "360C"),
    ("1.(1)ThisActmaybecalled", "section", "section", "1"),
    ("279.01 (1) Every person who", "section", "section", "279.01"),
    ("33―Prohibited Immigrants", "section", "section", "33"),
    ("(1) A person commits", "item", "", "1"),
    ("(a) threat;", "item", "", "a"),
    ("(ba) the Kenya Coast Guard Service;", "item", "", "ba"),
    ("( 1 a ) A contractor", "item", "", "1a"),
    # US
    ("§ 1589. Forced labor", "section", "section", "1589"),
    ("(A) by means of", "item", "", "A"),
    # civil-law translations
    ("Article 5", "section", "article", "5"),
    ("Art. 5.- Whoever", "section", "article", "5"),
    ("ARTICLE 12 bis", "section", "article", "12bis"),
    ("Section 5: Trafficking", "section", "section", "5"),
    ("SEC. 2. Declaration of Policy. —", "section", "section", "2"),
    ("SECTION 1.", "section", "section", "1"),
    ("SEC. 26-A. Extra-Territorial Jurisdiction. —", "section", "section", "26-A"),
    # Indian drafting
    ("370. Trafficking of a Person.—", "section", "section", "370"),
    ("Explanation 1.—The expression", "explanation", "explanation", "1"),
    ("Explanation.—In this section", "explanation", "explanation", ""),
    ("Explanation II.— For the purposes", "explanation", "explanation", "II"),
    ("Illustration.", "illustration", "illustration", ""),
    ("First.— using threats, or", "item", "", "First"),
    ("Secondly.— using force", "item", "", "Secondly"),
    # schedules and provisos
    ("FIRST SCHEDULE", "schedule", "schedule", "FIRST"),
    ("SCHEDULE 2", "schedule", "schedule", "2"),
    ("THE SCHEDULE", "schedule", "schedule", ""),
    ("Provided that nothing in this section", "proviso", "proviso", ""),
    ("Provided, That when the victim is a child", "proviso", "proviso", ""),
    ("Provided further that", "proviso", "proviso", ""),
]

NOT_MARKERS = [
    "(2) of section 4 applies to an offence under this section.",
    "(a) and (b) do not apply to a child.",
    "Section 11 of the principal Act is amended—",
    "Section 26-A of Republic Act No. 9208, as amended, is hereby amended",
    "Part VII of the principal Act is amended in the heading",
    "Article 43 of the Convention on the Rights of the Child",
    "PARTICULARS OF EMPLOYMENT",
    "7.00 p.m. to 8.00 a.m.",
    "Schedule 1 applies to every employer.",
    "(See section 3)",
    "1THE BONDED LABOUR SYSTEM",
    "This Act may be cited as the Act.",
]


@pytest.mark.parametrize(("line", "family", "kind", "num"), MARKERS)
def test_marker(line: str, family: str, kind: str, num: str) -> None:
    marker = read_marker(line)
    assert marker is not None
    assert (marker.family, marker.kind, marker.num) == (family, kind, num)


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_not_a_marker(line: str) -> None:
    assert read_marker(line) is None


@pytest.mark.parametrize(
    ("line", "style"),
    [("5. Title", "plain"), ("SEC. 5.", "keyword"), ("§ 5.", "us"), ("Article 5", "article")],
)
def test_section_styles(line: str, style: str) -> None:
    assert read_marker(line).style == style


def test_a_marker_says_where_its_text_starts() -> None:
    line = "5. Trafficking in persons"
    assert line[read_marker(line).end :] == "Trafficking in persons"


@pytest.mark.parametrize(
    ("num", "styles"),
    [
        ("a", ["lower"]),
        ("i", ["lower", "roman"]),
        ("v", ["lower", "roman"]),
        ("ii", ["lower", "roman"]),
        ("xiv", ["roman"]),
        ("A", ["upper"]),
        ("I", ["upper", "upper_roman"]),
        ("1", ["arabic"]),
        ("1A", ["arabic"]),
    ],
)
def test_item_readings(num: str, styles: list[str]) -> None:
    assert [reading.style for reading in item_readings(num)] == styles


# (previous, current, follows?) — sequence continuity decides what a number is.
FOLLOWS = [
    (("lower", "h"), ("lower", "i"), True),  # "(h)" -> "(i)" is a letter
    (("lower", "h"), ("roman", "i"), False),
    (("roman", "i"), ("roman", "ii"), True),  # "(ii)" after "(i)" is roman
    (("lower", "i"), ("roman", "ii"), False),
    (("roman", "iv"), ("roman", "v"), True),
    (("roman", "ix"), ("roman", "x"), True),
    (("lower", "b"), ("lower", "ba"), True),  # inserted paragraphs
    (("lower", "ba"), ("lower", "bb"), True),
    (("lower", "bb"), ("lower", "c"), True),
    (("lower", "z"), ("lower", "aa"), True),
    (("arabic", "5"), ("arabic", "5A"), True),  # inserted subsection
    (("arabic", "5A"), ("arabic", "6"), True),
    (("arabic", "1"), ("arabic", "3"), False),
    (("ordinal", "First"), ("ordinal", "Secondly"), True),
    (("upper", "A"), ("upper", "B"), True),
]


@pytest.mark.parametrize(("previous", "current", "expected"), FOLLOWS)
def test_follows(previous: tuple[str, str], current: tuple[str, str], expected: bool) -> None:
    assert follows(Reading(*previous), Reading(*current)) is expected


def test_after_text_left_out_any_later_number_follows() -> None:
    assert follows(Reading("arabic", "2"), Reading("arabic", "7"), gap=True)
    assert not follows(Reading("arabic", "7"), Reading("arabic", "2"), gap=True)


@pytest.mark.parametrize(
    ("style", "num", "first"),
    [("roman", "i", True), ("lower", "i", False), ("lower", "a", True), ("arabic", "2", False)],
)
def test_first_of_a_list(style: str, num: str, first: bool) -> None:
    assert is_first(Reading(style, num)) is first


def test_section_keys_order_inserted_sections() -> None:
    printed = ["366A", "366B", "367", "370", "370A", "371"]
    assert sorted(printed, key=section_key) == printed
    assert section_key("279.01") < section_key("279.02") < section_key("280")
