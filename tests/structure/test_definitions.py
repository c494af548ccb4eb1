"""Definitions: which terms a statute defines, how ("means", "includes" ...), how far, at what age."""

from __future__ import annotations

import doctest

import pytest
from builders import P, build

from lexcheck.structure import definitions
from lexcheck.structure.definitions import find_definitions, numeric_facts
from lexcheck.structure.model import Definition


def definitions_in(*tops: P) -> list[Definition]:
    provisions, text = build(*tops)
    return find_definitions(provisions, text)


def interpretation(body: str) -> P:
    return P(
        "section",
        "2",
        f"2. Interpretation\nIn this Act, unless the context otherwise requires—\n{body}",
        heading="Interpretation",
    )


def offence(body: str) -> P:
    return P("section", "5", f"5. Offence\n{body}", heading="Offence")


# (comment, provision, expected [(term, mode, scope, facts)])
CASES = [
    # the plain form, straight quotes, an age in words
    (
        "means",
        interpretation('"child" means a person under the age of eighteen years;\n'),
        [("child", "means", "Act", {"age_under": 18})],
    ),
    # curly quotes
    (
        "curly",
        interpretation("“child” means any human being under the age of eighteen years;\n"),
        [("child", "means", "Act", {"age_under": 18})],
    ),
    # a typist's closing ’’ for ”
    (
        "doubled-apostrophe",
        interpretation("“Board’’ means the National Labour Board;\n"),
        [("Board", "means", "Act", {})],
    ),
    # single quotes, and the size of an organized criminal group
    (
        "single-quotes",
        interpretation(
            "'organized criminal group' means a structured group of three or more persons;\n"
        ),
        [("organized criminal group", "means", "Act", {"group_min_persons": 3})],
    ),
    # includes
    (
        "includes",
        interpretation('"exploitation" includes but is not limited to forced labour;\n'),
        [("exploitation", "includes", "Act", {})],
    ),
    # does not include
    (
        "does-not-include",
        interpretation('"forced labour" does not include compulsory military service;\n'),
        [("forced labour", "does-not-include", "Act", {})],
    ),
    # a term defined by another Act: no age fact, even though that Act sets one
    (
        "has-meaning",
        interpretation('"child" has the meaning assigned to it in the Children Act (Cap. 141);\n'),
        [("child", "has-meaning", "Act", {})],
    ),
    # has the same meaning as in another section
    (
        "same-meaning",
        interpretation('"illicit intercourse" has the same meaning as in section 372;\n'),
        [("illicit intercourse", "has-meaning", "Act", {})],
    ),
    # two terms, one definition
    (
        "two-terms",
        interpretation(
            '"trafficking in persons" or "traffics in persons" means the recruiting of a person;\n'
        ),
        [
            ("trafficking in persons", "means", "Act", {}),
            ("traffics in persons", "means", "Act", {}),
        ],
    ),
    # words between the term and the verb
    (
        "in-relation-to",
        interpretation('"consent" in relation to a person means agreement by choice;\n'),
        [("consent", "means", "Act", {})],
    ),
    # singular verb as some gazettes print it
    (
        "singular-verb",
        interpretation('(v) "establishment" include a shop;\n'),
        [("establishment", "includes", "Act", {})],
    ),
    # "is" defines only at a line start in an interpretation section
    (
        "is",
        interpretation('"slavery" is the status of a person over whom ownership is exercised;\n'),
        [("slavery", "means", "Act", {})],
    ),
    # the Philippine style: no quotes, a dash, "refers to"
    (
        "refers-to",
        P(
            "section",
            "3",
            "SEC. 3. Definition of Terms. —\nAs used in this Act:\n(a) Child – refers to a person below eighteen (18) years of age;\n",
            heading="Definition of Terms",
        ),
        [("Child", "means", "Act", {"age_under": 18})],
    ),
    # interpretation for a Part only
    (
        "in-this-Part",
        P(
            "section",
            "52",
            '52. Interpretation\nIn this Part, except where the context otherwise requires—\n"employment" means employment of a child;\n',
            heading="Interpretation",
        ),
        [("employment", "means", "Part", {})],
    ),
    # inline, after a scope sentence in the same provision
    (
        "inline-section",
        offence('(3) In this section, "harbour" means supplying a person with shelter.\n'),
        [("harbour", "means", "section", {})],
    ),
    # an Indian/Pakistani "Explanation"
    (
        "explanation",
        offence(
            "Explanation.—In this section, 'organized criminal group' means a structured group of two or more persons.\n"
        ),
        [("organized criminal group", "means", "section", {"group_min_persons": 2})],
    ),
    # an IPC explanation with no scope sentence reaches its section
    (
        "expression",
        offence(
            'Explanation 1.— The expression "exploitation" shall include any act of physical exploitation.\n'
        ),
        [("exploitation", "includes", "section", {})],
    ),
    # "For the purposes of this Part"
    (
        "purposes-of-Part",
        offence(
            '(3) For the purposes of this Part, "financial institution" includes a licensed bank.\n'
        ),
        [("financial institution", "includes", "Part", {})],
    ),
    # a proviso that gives a term another age: a different definition of the same term
    (
        "proviso",
        offence(
            "Provided, That in the case of overseas domestic work, a 'child' means a person below twenty-four (24) years old.\n"
        ),
        [("child", "means", "section", {"age_under": 24})],
    ),
    # near miss: a quoted term without a defining verb
    (
        "no-verb",
        offence(
            '(3) The recruitment of a child shall be considered "trafficking in persons" even if no means are used.\n'
        ),
        [],
    ),
    # near miss: an amending instruction quoting the words "means" and "includes"
    (
        "amending-words",
        offence(
            "(a) in the definition of “exploitation”, by substituting for the word “means” the word “includes”;\n"
        ),
        [],
    ),
    # near miss: a capitalised line with a dash outside any interpretation section
    ("plain-outside", offence("(a) Penalty — refers to the fine imposed by the court;\n"), []),
    # near miss: "is" outside an interpretation section
    ("is-outside", offence('"Slavery" is abolished.\n'), []),
]


@pytest.mark.parametrize(
    ("provision", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_definition_forms(
    provision: P, expected: list[tuple[str, str, str, dict[str, int]]]
) -> None:
    assert [(d.term, d.mode, d.scope, d.facts) for d in definitions_in(provision)] == expected


# (comment, wording, facts)
AGES = [
    ("words", "a person under the age of eighteen years", {"age_under": 18}),
    ("words-and-digits", "a person below eighteen (18) years of age", {"age_under": 18}),
    ("not-attained", "a person who has not attained the age of sixteen years", {"age_under": 16}),
    (
        "ordinal-year",
        "a person who has not completed his fourteenth year of age",
        {"age_under": 14},
    ),
    ("digits", "a person under 18", {"age_under": 18}),
    ("digits-years", "any person below the age of 18 years", {"age_under": 18}),
    ("compound-words", "a person below twenty-four (24) years old", {"age_under": 24}),
    ("under-years-of-age", "a person under eighteen years of age", {"age_under": 18}),
    (
        "band",
        "a child who has attained the age of sixteen years but has not attained the age of eighteen years",
        {"age_at_least": 16, "age_under": 18},
    ),
    (
        "band-ordinal",
        "a person who has completed his fourteenth but has not completed his eighteenth year",
        {"age_at_least": 14, "age_under": 18},
    ),
    ("or-above", "a female of the age of eighteen years or above", {"age_at_least": 18}),
    ("above", "a person above the age of twelve years", {"age_over": 12}),
    # near misses: numbers that are not ages
    ("section-number", "an offence under section 18", {}),
    ("term-of-years", "imprisonment for a term of not less than seven years", {}),
    ("this-Act", "a person under this Act", {}),
]


@pytest.mark.parametrize(("wording", "facts"), [a[1:] for a in AGES], ids=[a[0] for a in AGES])
def test_numeric_facts(wording: str, facts: dict[str, int]) -> None:
    assert numeric_facts(wording) == facts


def test_a_definition_runs_over_its_list_until_the_next_definition() -> None:
    body = (
        '"exploitation" includes—\n(a) keeping a person in slavery;\n(b) forced labour;\n'
        '"forced labour" means work extracted under threat.\n'
    )
    provisions, text = build(interpretation(body))
    exploitation, forced_labour = find_definitions(provisions, text)
    assert (
        exploitation.text
        == '"exploitation" includes—\n(a) keeping a person in slavery;\n(b) forced labour;'
    )
    assert text[slice(*exploitation.span)] == exploitation.text
    assert forced_labour.text == '"forced labour" means work extracted under threat.'


def test_a_definition_stops_where_its_provision_ends() -> None:
    provisions, text = build(
        interpretation('"child" means a person under 18;\n'),
        offence("A person who traffics a child commits an offence.\n"),
    )
    (child,) = find_definitions(provisions, text)
    assert child.text == '"child" means a person under 18;'


def test_a_definition_stops_at_an_editors_note() -> None:
    body = '"exit" means departing Kenya;\n[[MISSING: the rest of section 2]]\n'
    (exit_,) = definitions_in(interpretation(body))
    assert exit_.text == '"exit" means departing Kenya;'


def test_each_numbered_definition_belongs_to_its_own_paragraph() -> None:
    section = P(
        "section",
        "2",
        "2. Definitions.—\nIn this Act,—\n",
        [
            P("paragraph", "a", '(a) "child" means a person under eighteen years of age;\n'),
            P("paragraph", "b", '(b) "Code" means the Code of Criminal Procedure, 1898;\n'),
        ],
        heading="Definitions",
    )
    assert [(d.term, d.eid) for d in definitions_in(section)] == [
        ("child", "sec_2__para_a"),
        ("Code", "sec_2__para_b"),
    ]


def test_a_term_printed_after_a_list_item_belongs_to_the_interpretation_section() -> None:
    # A numbering grammar reads the line after "(b) ..." as more text of (b).
    section = P(
        "section",
        "2",
        '2. Interpretation\nIn this Act—\n"coercion" means—\n',
        [
            P("paragraph", "a", "(a) threat of serious harm;\n"),
            P(
                "paragraph",
                "b",
                '(b) abuse of the legal process;\n"child" means a person under eighteen years of age;\n',
            ),
        ],
        heading="Interpretation",
    )
    coercion, child = definitions_in(section)
    assert (coercion.eid, child.eid) == ("sec_2", "sec_2")
    assert coercion.text.endswith("(b) abuse of the legal process;")


def test_two_quoted_definitions_make_an_interpretation_provision_without_a_heading() -> None:
    # Pakistan PTPA 3(3): "In this section: (a) "coercion" means ... (b) "compelled labour" includes ..."
    subsection = P(
        "subsection",
        "3",
        "(3) In this section:\n",
        [
            P("paragraph", "a", '(a) "coercion" means use or threat of use of force;\n'),
            P("paragraph", "b", '(b) "compelled labour" includes involuntary servitude.\n'),
        ],
    )
    found = definitions_in(P("section", "3", "3. Trafficking\n", [subsection]))
    assert [(d.term, d.scope, d.eid) for d in found] == [
        ("coercion", "section", "sec_3__subsec_3__para_a"),
        ("compelled labour", "section", "sec_3__subsec_3__para_b"),
    ]


def test_docstring_examples() -> None:
    assert doctest.testmod(definitions).failed == 0
