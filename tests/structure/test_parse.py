"""The provision tree: numbering styles, headings, and every tricky case the grammar must get right.

Each case is a statute written for the test and the eIds it must give, in document order. The
eId carries the kind and number of every level (`part_II__sec_5__subsec_1__para_a`), so a wrong
level, kind or number shows as a wrong eId.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lexcheck.ingest.document import Document, MarginalNote
from lexcheck.structure.model import Provision
from lexcheck.structure.parse import build_provisions

# (case, statute text, expected eIds in document order)
TREES = [
    (
        "Commonwealth: parts, sections, subsections, paragraphs, subparagraphs",
        """
        PART II
        OFFENCES
        5. Trafficking in persons
        (1) A person who recruits another person by means of—
        (a) threat; or
        (b) deception,
        commits an offence.
        (2) The consent of the victim is irrelevant.
        6. Penalties
        A person convicted under section 5 is liable—
        (a) to imprisonment—
        (i) for a first offence, for ten years; and
        (ii) for a later offence, for life; and
        (b) to a fine.
        """,
        [
            "part_II",
            "part_II__sec_5",
            "part_II__sec_5__subsec_1",
            "part_II__sec_5__subsec_1__para_a",
            "part_II__sec_5__subsec_1__para_b",
            "part_II__sec_5__subsec_1__wrapup_1",
            "part_II__sec_5__subsec_2",
            "part_II__sec_6",
            "part_II__sec_6__para_a",
            "part_II__sec_6__para_a__subpara_i",
            "part_II__sec_6__para_a__subpara_ii",
            "part_II__sec_6__para_b",
        ],
    ),
    (
        "Commonwealth: markers chained on one line, down to (A)",
        """
        PART 2 — OFFENCES
        5. (1) (a) (i) (A) A person who—
        (B) harbours;
        (ii) transfers;
        (b) receives,
        commits an offence.
        """,
        [
            "part_2",
            "part_2__sec_5",
            "part_2__sec_5__subsec_1",
            "part_2__sec_5__subsec_1__para_a",
            "part_2__sec_5__subsec_1__para_a__subpara_i",
            "part_2__sec_5__subsec_1__para_a__subpara_i__cl_A",
            "part_2__sec_5__subsec_1__para_a__subpara_i__cl_B",
            "part_2__sec_5__subsec_1__para_a__subpara_ii",
            "part_2__sec_5__subsec_1__para_b",
            "part_2__sec_5__subsec_1__wrapup_1",
        ],
    ),
    (
        "US: sections with (a) (1) (A) (i) (I)",
        """
        § 1589. Forced labor
        (a) Whoever knowingly provides the labor of a person—
        (1) by means of force;
        (2) by means of serious harm—
        (A) to that person; or
        (B) to another person—
        (i) in the United States; or
        (ii) abroad, in—
        (I) a State party; or
        (II) any other State,
        shall be punished.
        (b) Whoever knowingly benefits shall be punished.
        § 1590. Trafficking with respect to peonage
        Whoever knowingly recruits any person shall be fined.
        """,
        [
            "sec_1589",
            "sec_1589__subsec_a",
            "sec_1589__subsec_a__para_1",
            "sec_1589__subsec_a__para_2",
            "sec_1589__subsec_a__para_2__subpara_A",
            "sec_1589__subsec_a__para_2__subpara_B",
            "sec_1589__subsec_a__para_2__subpara_B__cl_i",
            "sec_1589__subsec_a__para_2__subpara_B__cl_ii",
            "sec_1589__subsec_a__para_2__subpara_B__cl_ii__subcl_I",
            "sec_1589__subsec_a__para_2__subpara_B__cl_ii__subcl_II",
            "sec_1589__subsec_a__para_2__subpara_B__cl_ii__wrapup_1",
            "sec_1589__subsec_b",
            "sec_1590",
        ],
    ),
    (
        "civil-law translation: chapters and articles, numbered paragraphs inside articles",
        """
        Chapter II
        Offences
        Article 5
        Trafficking in persons
        1. Whoever recruits a person for exploitation shall be punished.
        2. The punishment is doubled where the victim is a child:
        (a) under fifteen years; or
        (b) disabled.
        Art. 6.- The consent of the victim is irrelevant.
        Chapter III
        Article 7
        Assistance to victims is free.
        """,
        [
            "chp_II",
            "chp_II__art_5",
            "chp_II__art_5__para_1",
            "chp_II__art_5__para_2",
            "chp_II__art_5__para_2__subpara_a",
            "chp_II__art_5__para_2__subpara_b",
            "chp_II__art_6",
            "chp_III",
            "chp_III__art_7",
        ],
    ),
    (
        "civil-law translation: 'Section 5:' keyword sections",
        """
        Section 1: Scope
        This law applies to all persons.
        Section 2: Definitions
        In this law, "child" means a person under eighteen.
        """,
        ["sec_1", "sec_2"],
    ),
    (
        "Indian: heading.— on the section line, ordinal limbs and explanations",
        """
        370. Trafficking of a Person.—
        (1) Whoever, for the purpose of exploitation, (a) recruits, (b) transports, a person, by—
        First.— using threats, or
        Secondly.— using force, commits the offence of trafficking.
        Explanation 1.— The expression "exploitation" includes slavery.
        Explanation 2.— The consent of the victim is immaterial.
        (2) Whoever commits the offence of trafficking shall be punished.
        370A. Exploitation of a trafficked person.—
        Whoever engages a trafficked minor shall be punished.
        Explanation.—"minor" means a person under eighteen.
        """,
        [
            "sec_370",
            "sec_370__subsec_1",
            "sec_370__subsec_1__para_First",
            "sec_370__subsec_1__para_Secondly",
            "sec_370__subsec_1__expl_1",
            "sec_370__subsec_1__expl_2",
            "sec_370__subsec_2",
            "sec_370A",
            "sec_370A__expl_nn_1",
        ],
    ),
    (
        "Indian: heading and first subsection on one line",
        """
        1. Short title, extent and commencement.— (1) This Act may be called the Act.
        (2) It extends to the whole of Pakistan.
        2. Definitions.– In this Act,—
        (a) "child" means a person under eighteen;
        (b) "Code" means the Code of Criminal Procedure.
        """,
        ["sec_1", "sec_1__subsec_1", "sec_1__subsec_2", "sec_2", "sec_2__para_a", "sec_2__para_b"],
    ),
    (
        "schedules number their own paragraphs",
        """
        3. Removal of members
        The Schedule applies.
        4. Meetings
        The Committee shall meet.
        FIRST SCHEDULE
        (section 3)
        CONDUCT OF BUSINESS
        3. Removal of office by member
        (1) A member may be removed.
        4. Quorum
        Five members form a quorum.
        SCHEDULE 2
        1. Form of oath
        """,
        [
            "sec_3",
            "sec_4",
            "att_1",
            "att_1__para_3",
            "att_1__para_3__subpara_1",
            "att_1__para_4",
            "att_2",
            "att_2__para_1",
        ],
    ),
    (
        "a schedule in parts",
        """
        21. Repeal
        The Act of 1938 is repealed.
        THE SCHEDULE
        (See section 3)
        PART I
        OCCUPATIONS
        Any occupation connected with—
        (1) transport by railway; and
        (2) a port authority.
        PART II
        PROCESSES
        (1) Bidi-making.
        """,
        [
            "sec_21",
            "att_1",
            "att_1__part_I",
            "att_1__part_I__para_1",
            "att_1__part_I__para_2",
            "att_1__part_II",
            "att_1__part_II__para_1",
        ],
    ),
    (
        "provisos, one after another",
        """
        3. Prohibition on employment
        (1) No child shall be employed:
        Provided that this subsection does not apply to a family business:
        Provided further that the Minister may—
        (a) exempt a school; or
        (b) exempt a farm.
        (2) A person who contravenes subsection (1) commits an offence.
        """,
        [
            "sec_3",
            "sec_3__subsec_1",
            "sec_3__subsec_1__proviso_nn_1",
            "sec_3__subsec_1__proviso_nn_2",
            "sec_3__subsec_1__proviso_nn_2__para_a",
            "sec_3__subsec_1__proviso_nn_2__para_b",
            "sec_3__subsec_2",
        ],
    ),
    (
        "sections inserted by amendment",
        """
        360. Kidnapping from India
        Whoever conveys a person beyond India kidnaps that person.
        360A. Inserted offence
        Whoever sells a child commits an offence.
        360C. Another inserted offence
        Whoever buys a child commits an offence.
        361. Kidnapping from guardianship
        Whoever takes a minor kidnaps the minor.
        """,
        ["sec_360", "sec_360A", "sec_360C", "sec_361"],
    ),
    (
        "a cross-reference that opens a line is not a provision",
        """
        4. Offence
        (1) A person who traffics a child commits an offence.
        5. Defences
        A defence under subsection
        (2) of section 4 applies to an offence under this section.
        (1) It is a defence that the person did not know the age of the child.
        """,
        ["sec_4", "sec_4__subsec_1", "sec_5", "sec_5__subsec_1"],
    ),
    (
        "a definition's own list is part of the definition, not a provision",
        """
        2. Interpretation
        In this Act, unless the context otherwise requires—
        "exploitation" includes—
        (a) slavery;
        (b) forced labour;
        "trafficking for sexual exploitation" means trafficking—
        (a) with the intention of doing anything; or
        (b) in the belief that another person will do something;
        "victim" means a person who is trafficked.
        3. Trafficking
        (1) A person who traffics another commits an offence.
        """,
        ["sec_2", "sec_3", "sec_3__subsec_1"],
    ),
    (
        "numbered definitions with lists of their own",
        """
        3. Interpretation
        In this section:
        (a) "coercion" means—
        (i) threat of harm;
        (ii) psychological pressure; and
        (b) "compelled labour" includes servitude.
        """,
        ["sec_3", "sec_3__para_a", "sec_3__para_b"],
    ),
    (
        "(h) then (i) is a letter; a first (i) is roman; (ii) after (i) is roman",
        """
        7. Functions
        The Council shall—
        (g) advise;
        (h) report;
        (i) coordinate;
        (j) prescribe—
        (i) fees; and
        (ii) forms; and
        (k) do anything else.
        """,
        [
            "sec_7",
            "sec_7__para_g",
            "sec_7__para_h",
            "sec_7__para_i",
            "sec_7__para_j",
            "sec_7__para_j__subpara_i",
            "sec_7__para_j__subpara_ii",
            "sec_7__para_k",
        ],
    ),
    (
        "an announced list after (h): (i) starts it",
        """
        7. Functions
        (h) prescribing—
        (i) fees; and
        (ii) forms;
        (i) anything else.
        """,
        [
            "sec_7",
            "sec_7__para_h",
            "sec_7__para_h__subpara_i",
            "sec_7__para_h__subpara_ii",
            "sec_7__para_i",
        ],
    ),
    (
        "inserted paragraphs (ba), (bb)",
        """
        3. Application
        (2) This Act shall not apply to—
        (a) the army;
        (b) the police;
        (ba) the coast guard;
        (bb) the intelligence service;
        (c) the youth service.
        """,
        [
            "sec_3",
            "sec_3__subsec_2",
            "sec_3__subsec_2__para_a",
            "sec_3__subsec_2__para_b",
            "sec_3__subsec_2__para_ba",
            "sec_3__subsec_2__para_bb",
            "sec_3__subsec_2__para_c",
        ],
    ),
    (
        "an amending Act's quotation is text of the amending section",
        """
        4. New section 18a
        The principal Act is amended by inserting after section 18 the following section:
        “18a. Calculation of wages
        (1) An employee who has not completed a month—
        (a) shall be paid pro rata.”.
        5. Amendment of section 22
        Section 22 of the principal Act is amended—
        (a) by deleting paragraph (c); and
        (b) by inserting after paragraph (l) the following paragraphs:
        “(la) the Director-General;
        (lb) the Commissioner;”; and
        (c) by substituting for subsection (3) the following—
        '(3) A person who—
        (a) recruits; or
        (b) harbours,
        commits an offence.'.
        6. Savings
        Nothing affects orders already made.
        """,
        ["sec_4", "sec_5", "sec_5__para_a", "sec_5__para_b", "sec_5__para_c", "sec_6"],
    ),
    (
        "a quotation opened in the middle of a line",
        """
        1. Amendment of the Penal Code
        After section 360B the following new section is inserted: '360C. Trafficking
        (1) Whoever traffics a person commits an offence.'
        2. Commencement
        This Act comes into force on assent.
        """,
        ["sec_1", "sec_2"],
    ),
    (
        "a quotation whose closing mark was lost ends at the next section",
        """
        SEC. 10.
        Section 15 of Republic Act No. 9208 is hereby amended to read as follows:
        "SEC. 15. Trust Fund. —
        (a) x x x
        SEC. 11.
        Section 16 of Republic Act No. 9208 is hereby amended to read as follows:
        "SEC. 16. Programs. —
        The government shall establish programs."
        SEC. 12. Effectivity. —
        This Act shall take effect fifteen days after publication.
        """,
        ["sec_10", "sec_11", "sec_12"],
    ),
    (
        "an arrangement of sections stays in the preface",
        """
        THE TRAFFICKING IN PERSONS ACT
        ARRANGEMENT OF SECTIONS
        PART I — PRELIMINARY
        1. Short title.
        2. Interpretation.
        PART II — OFFENCES
        3. Trafficking in persons.
        ENACTED by the Parliament as follows—
        PART I — PRELIMINARY
        1. Short title
        This Act may be cited as the Trafficking in Persons Act.
        2. Interpretation
        In this Act "child" means a person under eighteen.
        PART II — OFFENCES
        3. Trafficking in persons
        A person who traffics another commits an offence.
        """,
        ["preface", "part_I", "part_I__sec_1", "part_I__sec_2", "part_II", "part_II__sec_3"],
    ),
    (
        "a gazette masthead before the long title stays in the preface",
        """
        THE GAZETTE OF PAKISTAN, EXTRAORDINARY
        PART I
        Acts, Ordinances, President's Orders and Regulations
        An Act to prohibit the employment of children.
        PART I
        PRELIMINARY
        1. Short title
        This Act may be called the Employment of Children Act.
        """,
        ["preface", "part_I", "part_I__sec_1"],
    ),
    (
        "Chapter > Part and Part > Chapter",
        """
        Chapter XVI
        Of Offences Affecting the Human Body
        Part 5 – Of Kidnapping
        366A. Procuration of minor girl.—
        Whoever induces a minor girl shall be punished.
        Part 6 – Of Sexual Offences
        375. Rape.—
        A man commits rape who does certain acts.
        Chapter XVII
        378. Theft.—
        Whoever takes property commits theft.
        """,
        [
            "chp_XVI",
            "chp_XVI__part_5",
            "chp_XVI__part_5__sec_366A",
            "chp_XVI__part_6",
            "chp_XVI__part_6__sec_375",
            "chp_XVII",
            "chp_XVII__sec_378",
        ],
    ),
    (
        "text left out: numbering may jump after it",
        """
        2. Definitions.—
        In this Sanhita, unless the context otherwise requires,—
        [[MISSING: clauses (1) and (2) — not extracted]]
        (3) "child" means any person below the age of eighteen years;
        [[MISSING: sections 3 to 140 — not extracted]]
        141. Importation of girl.—
        Whoever imports a girl shall be punished.
        """,
        ["sec_2", "sec_2__subsec_3", "sec_141"],
    ),
    (
        "a number far ahead without text left out is not a section",
        """
        4. Offence
        A person who contravenes this Act is liable to a fine of
        2000. The court may also order restitution.
        5. Regulations
        The Minister may make regulations.
        """,
        ["sec_4", "sec_5"],
    ),
    (
        "an illustration's own list is part of the illustration",
        """
        2. Definitions.—
        (8) "document" means any matter expressed upon any substance.
        Illustrations.
        (a) A writing expressing the terms of a contract is a document.
        (b) A cheque upon a banker is a document.
        Explanation 2.—Whatever is expressed by letters is a document.
        (9) "fraudulently" means with intent to defraud.
        """,
        [
            "sec_2",
            "sec_2__subsec_8",
            "sec_2__subsec_8__illus_1",
            "sec_2__subsec_8__expl_2",
            "sec_2__subsec_9",
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), TREES, ids=[case[0] for case in TREES])
def test_tree(eids: Callable[[str], list[str]], case: str, text: str, expected: list[str]) -> None:
    found = [eid for eid in eids(text) if eid != "preface" or "preface" in expected]
    assert found == expected


def test_each_provision_has_its_kind_and_number_as_printed(
    parse: Callable[[str], list[Provision]],
) -> None:
    provisions = parse(
        """
        PART II – OFFENCES
        5A. Trafficking in persons
        (1) A person who—
        (a) recruits; or
        (b) harbours,
        commits an offence.
        """
    )
    assert [(p.kind, p.num, p.heading) for p in provisions] == [
        ("part", "II", "OFFENCES"),
        ("section", "5A", "Trafficking in persons"),
        ("subsection", "1", ""),
        ("paragraph", "a", ""),
        ("paragraph", "b", ""),
        ("wrapup", "", ""),
    ]


# (case, statute text, (eid, heading) of the section)
HEADINGS = [
    (
        "on the same line",
        "5. Trafficking in persons\nA person who traffics commits an offence.",
        "Trafficking in persons",
    ),
    (
        "before a dash",
        "5. Trafficking in persons.—(1) A person who traffics commits an offence.",
        "Trafficking in persons",
    ),
    (
        "Philippine style",
        "SEC. 20. Separability Clause. —\nIf any part is invalid the rest stands.",
        "Separability Clause",
    ),
    (
        "on the line before",
        "1. Short title\nThis Act is the Act.\nTrafficking in persons\n2. (1) A person who traffics commits an offence.",
        "Trafficking in persons",
    ),
    (
        "on the line after",
        "Article 5\nTrafficking in persons\n1. Whoever recruits a person shall be punished.",
        "Trafficking in persons",
    ),
    ("none: the line is a sentence", "5. The Minister may make regulations.\n6. Repeal", ""),
    (
        "a short heading that ends with a full stop",
        "36. Forfeiture of conveyance, etc.\n(1) All conveyances are liable to forfeiture.",
        "Forfeiture of conveyance, etc.",
    ),
]


@pytest.mark.parametrize(("case", "text", "heading"), HEADINGS, ids=[case[0] for case in HEADINGS])
def test_section_heading(
    parse: Callable[[str], list[Provision]], case: str, text: str, heading: str
) -> None:
    section = [p for p in parse(text) if p.kind in ("section", "article")][
        -1 if "before" in case else 0
    ]
    assert section.heading == heading


def test_a_heading_on_the_line_before_belongs_to_its_section(
    parse: Callable[[str], list[Provision]],
) -> None:
    provisions = parse(
        """
        1. Short title
        This Act is the Trafficking Act.
        Trafficking in persons
        2. (1) A person who traffics another commits an offence.
        """
    )
    assert [p.text for p in provisions] == [
        "1. Short title\nThis Act is the Trafficking Act.",
        "Trafficking in persons\n2.",
        "(1) A person who traffics another commits an offence.",
    ]


def test_text_before_the_first_provision_is_the_preface(
    parse: Callable[[str], list[Provision]],
) -> None:
    provisions = parse(
        """
        THE TRAFFICKING ACT
        An Act to prevent trafficking.
        1. Short title
        This Act is the Trafficking Act.
        """
    )
    assert [(p.eid, p.kind, p.text) for p in provisions] == [
        ("preface", "preface", "THE TRAFFICKING ACT\nAn Act to prevent trafficking."),
        ("sec_1", "section", "1. Short title\nThis Act is the Trafficking Act."),
    ]


def test_a_statute_without_provisions_is_all_preface(
    parse: Callable[[str], list[Provision]],
) -> None:
    assert [(p.eid, p.text) for p in parse("Just some words.\nNo numbers.")] == [
        ("preface", "Just some words.\nNo numbers.")
    ]


def test_duplicate_numbers_after_a_wrap_up_get_a_count(eids: Callable[[str], list[str]]) -> None:
    found = eids(
        """
        23. Owners of conveyances
        (2) An owner who—
        (a) permits; or
        (b) allows,
        commits an offence and is liable—
        (a) where he is an individual, to a fine; or
        (b) where he is a body corporate, to a larger fine.
        """
    )
    assert found == [
        "sec_23",
        "sec_23__subsec_2",
        "sec_23__subsec_2__para_a",
        "sec_23__subsec_2__para_b",
        "sec_23__subsec_2__wrapup_1",
        "sec_23__subsec_2__para_a_2",
        "sec_23__subsec_2__para_b_2",
    ]


def test_a_marginal_note_is_the_heading_of_the_section_beside_it(
    document_of: Callable[[str], Document],
) -> None:
    text = "PART II – OFFENCES\n3. (1) A person who traffics commits an offence.\n(2) Consent is no defence."
    note = MarginalNote("Trafficking in persons", page=1, anchor=text.index("3."))
    document = document_of(text)
    document.marginal_notes.append(note)
    provisions = [p for top in build_provisions(document) for p in top.walk()]
    assert [(p.eid, p.heading, p.text) for p in provisions] == [
        ("part_II", "OFFENCES", "PART II – OFFENCES"),
        ("part_II__sec_3", "Trafficking in persons", "3."),
        ("part_II__sec_3__subsec_1", "", "(1) A person who traffics commits an offence."),
        ("part_II__sec_3__subsec_2", "", "(2) Consent is no defence."),
    ]


def test_exact_tree_of_an_indian_section(parse: Callable[[str], list[Provision]]) -> None:
    provisions = parse(
        """
        143. Trafficking of person.—
        (1) Whoever recruits a person, by—
        (a) using threats; or
        (b) using force,
        commits the offence of trafficking.
        Explanation.—The consent of the victim is immaterial.
        (2) Whoever commits trafficking shall be punished.
        """
    )
    assert [(p.eid, p.kind, p.num, p.heading, p.text) for p in provisions] == [
        ("sec_143", "section", "143", "Trafficking of person", "143. Trafficking of person.—"),
        ("sec_143__subsec_1", "subsection", "1", "", "(1) Whoever recruits a person, by—"),
        ("sec_143__subsec_1__para_a", "paragraph", "a", "", "(a) using threats; or"),
        ("sec_143__subsec_1__para_b", "paragraph", "b", "", "(b) using force,"),
        ("sec_143__subsec_1__wrapup_1", "wrapup", "", "", "commits the offence of trafficking."),
        (
            "sec_143__subsec_1__expl_nn_1",
            "explanation",
            "",
            "",
            "Explanation.—The consent of the victim is immaterial.",
        ),
        (
            "sec_143__subsec_2",
            "subsection",
            "2",
            "",
            "(2) Whoever commits trafficking shall be punished.",
        ),
    ]
    section = provisions[0]
    assert section.span[1] == provisions[-1].span[1]
