"""Cross-references: found on plain text, resolved to eids, unresolved ones kept with the reason."""

from __future__ import annotations

import doctest

import pytest
from builders import P, build

from lexcheck.structure import references as references_module
from lexcheck.structure.model import Provision, Reference
from lexcheck.structure.references import find_references, find_statute_names, inserted_ranges


def sec(num: str, *children: P, heading: str = "") -> P:
    return P("section", num, f"{num}. {heading}\n", list(children), heading)


def sub(num: str, text: str = "", *children: P) -> P:
    return P("subsection", num, f"({num}) {text or 'Text.'}\n", list(children))


def para(num: str, text: str = "") -> P:
    return P("paragraph", num, f"({num}) {text or 'item;'}\n")


def statute(citing: str) -> tuple[list[Provision], str]:
    """A small Act; `citing` is the text of part_III__sec_15__subsec_2.

    PART I: 1, 2 | PART II: 3 (1)(2), 4, 5 (1)(2)(a)(b)(c)(3), 5A, 6, 7 |
    PART III: 12, 13, 14, 15 (1)(a)(b)(c), (2) citing, (3)(b) | SCHEDULE 1
    """
    return build(
        P(
            "part",
            "I",
            "PART I\nPRELIMINARY\n",
            [sec("1", heading="Short title"), sec("2", heading="Interpretation")],
        ),
        P(
            "part",
            "II",
            "PART II\nOFFENCES\n",
            [
                sec("3", sub("1"), sub("2")),
                sec("4"),
                sec(
                    "5",
                    sub("1"),
                    sub("2", "A person who—", para("a"), para("b"), para("c")),
                    sub("3"),
                ),
                sec("5A"),
                sec("6"),
                sec("7"),
            ],
        ),
        P(
            "part",
            "III",
            "PART III\nMISCELLANEOUS\n",
            [
                sec("12"),
                sec("13"),
                sec("14"),
                sec(
                    "15",
                    sub("1", "Where—", para("a"), para("b"), para("c")),
                    sub("2", citing),
                    sub("3", "Also—", para("b")),
                ),
            ],
        ),
        P("schedule", "1", "SCHEDULE 1\nFORMS\n"),
    )


def references(citing: str) -> list[Reference]:
    provisions, text = statute(citing)
    return find_references(provisions, text)


S15 = "part_III__sec_15"

# (comment, citing text, expected [(raw, target_statute, target_eids, resolved, reason, qualifier)])
CASES = [
    # a section with pinpoints
    (
        "pinpoints",
        "An offence under section 5(2)(a).",
        [("section 5(2)(a)", None, ("part_II__sec_5__subsec_2__para_a",), True, "", "under")],
    ),
    # a range, expanded in document order (5A included)
    (
        "range",
        "Sections 3 to 7 apply.",
        [
            (
                "Sections 3 to 7",
                None,
                tuple(f"part_II__sec_{n}" for n in ("3", "4", "5", "5A", "6", "7")),
                True,
                "",
                "",
            )
        ],
    ),
    # a list
    (
        "list",
        "As provided in sections 12, 13 and 14.",
        [
            (
                "sections 12, 13 and 14",
                None,
                ("part_III__sec_12", "part_III__sec_13", "part_III__sec_14"),
                True,
                "",
                "",
            )
        ],
    ),
    # the unit repeated in the list
    (
        "repeated-unit",
        "An offence under section 3 or section 4.",
        [("section 3 or section 4", None, ("part_II__sec_3", "part_II__sec_4"), True, "", "under")],
    ),
    # a lettered section number
    ("lettered", "Section 5A applies.", [("Section 5A", None, ("part_II__sec_5A",), True, "", "")]),
    # relative: the subsection of the citing section
    (
        "relative-subsection",
        "Subject to subsection (3), a person may apply.",
        [("subsection (3)", None, (f"{S15}__subsec_3",), True, "", "subject to")],
    ),
    # a range of paragraphs beside the citing provision
    (
        "paragraph-range",
        "Any of paragraphs (a) to (c).",
        [
            (
                "paragraphs (a) to (c)",
                None,
                tuple(f"{S15}__subsec_1__para_{x}" for x in "abc"),
                True,
                "",
                "",
            )
        ],
    ),
    # an inner unit of an outer one, read outside in
    (
        "of-chain",
        "For the purposes of paragraph (c) of subsection (1).",
        [
            (
                "paragraph (c) of subsection (1)",
                None,
                (f"{S15}__subsec_1__para_c",),
                True,
                "",
                "for the purposes of",
            )
        ],
    ),
    # several subsections of a named section, "of this Act" swallowed
    (
        "of-section-of-this-Act",
        "Under sub-sections (1) and (2) of section 3 of this Act.",
        [
            (
                "sub-sections (1) and (2) of section 3 of this Act",
                None,
                ("part_II__sec_3__subsec_1", "part_II__sec_3__subsec_2"),
                True,
                "",
                "under",
            )
        ],
    ),
    # Malaysian style: the section number before the pinpoint
    (
        "malaysian",
        "Under subsection 5(3) and paragraphs 5(2)(a) to (b).",
        [
            ("subsection 5(3)", None, ("part_II__sec_5__subsec_3",), True, "", "under"),
            (
                "paragraphs 5(2)(a) to (b)",
                None,
                ("part_II__sec_5__subsec_2__para_a", "part_II__sec_5__subsec_2__para_b"),
                True,
                "",
                "",
            ),
        ],
    ),
    # a list whose later items inherit the section of the first
    (
        "inherited-list",
        "Under subsections 3(1) and (2).",
        [
            (
                "subsections 3(1) and (2)",
                None,
                ("part_II__sec_3__subsec_1", "part_II__sec_3__subsec_2"),
                True,
                "",
                "under",
            )
        ],
    ),
    # the enclosing Part
    (
        "this-Part",
        "An offence under this Part.",
        [("this Part", None, ("part_III",), True, "", "under")],
    ),
    # a Part by roman number
    (
        "Part",
        "Notwithstanding Part II, the court may act.",
        [("Part II", None, ("part_II",), True, "", "notwithstanding")],
    ),
    # the subsection before the citing one
    (
        "preceding",
        "A person referred to in the preceding subsection.",
        [("the preceding subsection", None, (f"{S15}__subsec_1",), True, "", "")],
    ),
    # schedules, by number and by ordinal
    (
        "schedule",
        "In the form in Schedule 1 or the First Schedule.",
        [
            ("Schedule 1", None, ("att_1",), True, "", ""),
            ("the First Schedule", None, ("att_1",), True, "", ""),
        ],
    ),
    # unresolved: no such section
    (
        "missing",
        "Under section 99.",
        [("section 99", None, (), False, "no such provision", "under")],
    ),
    # unresolved: two paragraphs (b) in the section, cited from between them
    (
        "ambiguous",
        "As defined in paragraph (b).",
        [("paragraph (b)", None, (), False, "ambiguous", "as defined in")],
    ),
    # external: a section of another Act
    (
        "external-section",
        "Notwithstanding section 12 of the Immigration Act, 2003, a victim may stay.",
        [
            (
                "section 12 of the Immigration Act, 2003",
                "Immigration Act, 2003",
                ("sec_12",),
                False,
                "external statute",
                "notwithstanding",
            )
        ],
    ),
    # external: a whole Act
    (
        "external-act",
        "Within the meaning of the Employment Act.",
        [
            (
                "Employment Act",
                "Employment Act",
                (),
                False,
                "external statute",
                "within the meaning of",
            )
        ],
    ),
    # external: a chapter number kept as printed
    (
        "cap",
        "The child has the meaning assigned to it in the Children Act (Cap. 141).",
        [
            (
                "Children Act (Cap. 141)",
                "Children Act (Cap. 141)",
                (),
                False,
                "external statute",
                "has the meaning",
            )
        ],
    ),
    # external: a code, and a chapter of it
    (
        "code",
        "Punished in accordance with Chapter V of the Penal Code.",
        [
            (
                "Chapter V of the Penal Code",
                "Penal Code",
                ("chp_V",),
                False,
                "external statute",
                "in accordance with",
            )
        ],
    ),
    # external: a chapter number in parentheses, no "the"
    (
        "no-the",
        "An offence under Sexual Offences Act (Cap. 63A).",
        [
            (
                "Sexual Offences Act (Cap. 63A)",
                "Sexual Offences Act (Cap. 63A)",
                (),
                False,
                "external statute",
                "under",
            )
        ],
    ),
    # external: a numbered Act, with a pinpoint
    (
        "republic-act",
        "As defined under Section 3(d) of Republic Act No. 7309.",
        [
            (
                "Section 3(d) of Republic Act No. 7309",
                "Republic Act No. 7309",
                ("sec_3__para_d",),
                False,
                "external statute",
                "as defined in",
            )
        ],
    ),
    # near miss: "part" in ordinary prose
    ("prose-part", "Any part of the world.", []),
    # near miss: a number after a comma is not a second section
    (
        "comma",
        "Under section 5, 30 days after notice.",
        [("section 5", None, ("part_II__sec_5",), True, "", "under")],
    ),
    # near miss: words an amendment quotes
    ("quoted-words", "By substituting for the words “subsection (1)” the words “the Act”.", []),
    # near miss: the statute's own short title
    ("short-title", "This Act may be cited as the Counter-Trafficking in Persons Act.", []),
    # near miss: an editor's note
    ("note", "[[MISSING: sections 3 to 7 — not extracted]]", []),
    # near miss: "this Act" and "this section" are the provision's own context
    ("this-Act", "An offence under this Act or this section.", []),
    # near miss: "Act" with no name
    ("act-of-parliament", "Any Act of Parliament.", []),
]


def _summary(reference: Reference) -> tuple:
    r = reference
    return (r.raw, r.target_statute, r.target_eids, r.resolved, r.reason, r.qualifier)


@pytest.mark.parametrize(("citing", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reference_forms(citing: str, expected: list[tuple]) -> None:
    found = [_summary(r) for r in references(citing) if r.source_eid == f"{S15}__subsec_2"]
    assert found == expected


def test_references_carry_their_source_and_span() -> None:
    provisions, text = statute("Subject to section 4, a person may apply.")
    (reference,) = find_references(provisions, text)
    assert reference.source_eid == f"{S15}__subsec_2"
    assert text[slice(*reference.span)] == reference.raw == "section 4"


def test_a_provision_number_or_heading_is_not_a_reference() -> None:
    provisions, text = build(
        P(
            "section",
            "2",
            "Section 2: Amendment of section 2\nThe words are deleted.\n",
            heading="Amendment of section 2",
        ),
        P("part", "II", "PART II\nOFFENCES\n"),
    )
    assert find_references(provisions, text) == []


def test_an_amending_section_cites_the_statute_it_amends() -> None:
    # "paragraph (c)" and "section 18" are the principal Act's, not the amending Act's.
    amending = P(
        "section",
        "3",
        "3. Amendment of section 6\nSubsection 6(2) of the principal Act is amended—\n",
        [
            para("a", "by deleting paragraph (c);"),
            para(
                "b",
                "by inserting after section 18 the following section:\n“18a. Wages\nNotwithstanding section 60i, wages are paid.”.",
            ),
        ],
        heading="Amendment of section 6",
    )
    provisions, text = build(P("section", "18", "18. Other\n"), amending)
    found = [(r.raw, r.target_statute, r.target_eids) for r in find_references(provisions, text)]
    assert found == [
        ("Subsection 6(2) of the principal Act", "principal Act", ("sec_6__subsec_2",)),
        ("paragraph (c)", "principal Act", ("sec_6__subsec_2__para_c",)),
        ("section 18", "principal Act", ("sec_18",)),
        ("section 60i", "principal Act", ("sec_60i",)),
    ]


def test_inserted_text_that_resolves_in_the_amending_act_stays_internal() -> None:
    # The Philippines' RA 11862 quotes its own consolidated sections: "Section 3 of this Act" is its own.
    provisions, text = build(
        P(
            "section",
            "3",
            'SEC. 3.\nSection 3 of Republic Act No. 9208 is amended to read as follows:\n"SEC. 3. Definitions."\n',
        ),
        P(
            "section",
            "4",
            'SEC. 4.\nSection 4 of Republic Act No. 9208 is amended to read as follows:\n"SEC. 4. Acts.\nBy means defined in Section 3 of this Act."\n',
        ),
    )
    found = [(r.raw, r.target_statute, r.target_eids) for r in find_references(provisions, text)]
    assert found[-1] == ("Section 3 of this Act", None, ("sec_3",))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a year and a chapter number
        (
            "under the Kenya Citizens Act, 2011 and the Children Act (Cap. 141)",
            ["Kenya Citizens Act, 2011", "Children Act (Cap. 141)"],
        ),
        # a Malaysian Act number in brackets, swallowed once
        ("the Immigration Act 1959/63 [Act 155]", ["Immigration Act 1959/63 [Act 155]"]),
        # a code named by its subject, with its Pakistani citation
        (
            "the Code of Criminal Procedure, 1898 (V of 1898)",
            ["Code of Criminal Procedure, 1898 (V of 1898)"],
        ),
        # qualifier words are not part of the name
        (
            "Notwithstanding the Penal Code, Subject to the Employment Act",
            ["Penal Code", "Employment Act"],
        ),
        # an alias for the amended Act
        ("The principal Act is amended", ["principal Act"]),
        # a short title, a name inside "otherwise known as" quotes, and a gazette masthead
        (
            "may be cited as the Employment Act. RA 1, otherwise known as the 'Anti-Money Laundering Act of 2001'. Acts, Orders and Regulations",
            [],
        ),
    ],
)
def test_statute_names(text: str, names: list[str]) -> None:
    assert [n.name for n in find_statute_names(text)] == names


def test_inserted_text_runs_from_an_opening_quote_line_to_a_closing_one() -> None:
    text = "amended—\n(a) by inserting:\n“(la) the Director;\n(lb) the Registrar;”; and\n(b) by deleting paragraph (c).\n"
    (span,) = inserted_ranges(text, (0, len(text)))
    assert text[slice(*span)] == "“(la) the Director;\n(lb) the Registrar;”; and\n"


def test_docstring_examples() -> None:
    assert doctest.testmod(references_module).failed == 0
