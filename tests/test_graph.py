"""The cross-law graph: provisions, terms, references, overrides and exemptions across statutes."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import networkx as nx
import pytest
from structure.builders import P, build

from lexcheck import graph as graph_module
from lexcheck.graph import Framework, build_framework, normalise_act_name
from lexcheck.ingest.document import Document
from lexcheck.structure.definitions import find_definitions
from lexcheck.structure.model import Statute
from lexcheck.structure.references import find_references


def sec(num: str, text: str, *children: P) -> P:
    return P("section", num, f"{num}. {text}\n", list(children))


def sub(num: str, text: str) -> P:
    return P("subsection", num, f"({num}) {text}\n")


def statute(statute_id: str, title: str, *tops: P) -> Statute:
    """A Statute from hand-written provisions, its definitions and references found as in parsing."""
    provisions, text = build(*tops)
    document = Document(Path(f"{statute_id}.txt"), "text", text, [], 1, "")
    return Statute(
        statute_id,
        title,
        "other",
        False,
        document,
        provisions,
        find_definitions(provisions, text),
        find_references(provisions, text),
    )


def tip_act() -> Statute:
    return statute(
        "tip",
        "TRAFFICKING IN PERSONS BILL",
        sec("1", "Short title\nThis Act may be cited as the Trafficking in Persons Act, 2024."),
        sec(
            "2",
            "Interpretation\nIn this Act—\n"
            '"child" means a person under the age of eighteen years;\n'
            '"exploitation" includes the forced labour of a child;\n'
            '"victim" means a person who is trafficked.',
        ),
        sec(
            "3",
            "Trafficking in persons",
            sub(
                "1",
                "A person who recruits a child for the purpose of exploitation commits an offence.",
            ),
            sub(
                "2",
                "Subject to section 4, a person convicted under subsection (1) is liable to imprisonment.",
            ),
        ),
        sec(
            "4",
            "Penalty\nNotwithstanding section 12 of the Immigration Act, 2003, the court may order release.",
        ),
        sec(
            "5",
            "Non-punishment\nSection 12 of the Immigration Act, 2003 shall not apply to victims.",
        ),
        sec(
            "6",
            "Savings\nAs provided in section 99 of this Act and section 40 of the Immigration Act.",
        ),
        sec("7", "Statements\nThis section does not apply to statements falling within section 3."),
    )


def immigration_act() -> Statute:
    return statute(
        "imm",
        "IMMIGRATION ACT",
        sec("1", "Short title\nThis Act may be cited as the Immigration Act, 2003."),
        sec(
            "2",
            'Interpretation\nIn this Act—\n"child" means a person under the age of sixteen years.',
        ),
        sec(
            "12",
            "Unlawful entry",
            sub("1", "A person who enters Kenya unlawfully commits an offence."),
        ),
    )


def labour_act() -> Statute:
    return statute(
        "lab",
        "EMPLOYMENT ACT",
        sec(
            "2",
            'Interpretation\nIn this Act—\n"child" has the meaning assigned to it in the Trafficking in Persons Act, 2024;\n'
            '"employer" means a person who employs.',
        ),
        sec("3", "Child labour\nNo employer shall employ a child."),
    )


def amending_act() -> Statute:
    return statute(
        "amd",
        "IMMIGRATION (AMENDMENT) ACT",
        sec(
            "2",
            "Amendment of section 12\nThe Immigration Act, 2003, which is referred to as the “principal Act” in this "
            "Act, is amended in section 12 by deleting subsection (1).",
        ),
    )


@pytest.fixture(scope="module")
def framework() -> Framework:
    return build_framework([tip_act(), immigration_act(), labour_act(), amending_act()])


def edges(framework: Framework, kind: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in framework.graph.edges(data="kind") if k == kind}


def test_provisions_terms_and_statutes_are_nodes(framework: Framework) -> None:
    graph = framework.graph
    assert graph.nodes["tip#sec_3__subsec_1"] == {
        "kind": "subsection",
        "num": "1",
        "heading": "",
        "statute": "tip",
        "eid": "sec_3__subsec_1",
    }
    assert graph.nodes["tip#term:child"] == {"kind": "term", "term": "child", "statute": "tip"}
    assert graph.nodes["imm"]["kind"] == "statute"


def test_the_hierarchy_is_contains_edges(framework: Framework) -> None:
    assert {("tip", "tip#sec_3"), ("tip#sec_3", "tip#sec_3__subsec_1")} <= edges(
        framework, "contains"
    )


def test_an_interpretation_section_defines_its_terms(framework: Framework) -> None:
    found = framework.graph.get_edge_data("tip#sec_2", "tip#term:child").values()
    (data,) = [d for d in found if d["kind"] == "defines"]
    assert (data["mode"], data["scope"], json.loads(data["facts"])) == (
        "means",
        "Act",
        {"age_under": 18},
    )


# (comment, source, term, used?)
USES = [
    ("plain use", "tip#sec_3__subsec_1", "tip#term:child", True),
    ("another use in the same provision", "tip#sec_3__subsec_1", "tip#term:exploitation", True),
    ("a plural", "tip#sec_5", "tip#term:victim", True),
    ("inside another term's definition", "tip#sec_2", "tip#term:child", True),
    ("never inside the term's own definition", "tip#sec_2", "tip#term:exploitation", False),
    ("terms are per statute", "imm#sec_12__subsec_1", "tip#term:child", False),
    ("a term another Act's definition imports", "lab#sec_3", "lab#term:child", True),
]


@pytest.mark.parametrize(
    ("source", "term", "used"), [u[1:] for u in USES], ids=[u[0] for u in USES]
)
def test_uses_term(framework: Framework, source: str, term: str, used: bool) -> None:
    assert ((source, term) in edges(framework, "uses_term")) is used


# (comment, edge kind, source, target)
LINKS = [
    ("an internal reference", "refers_to", "tip#sec_3__subsec_2", "tip#sec_3__subsec_1"),
    ("subject to", "subject_to", "tip#sec_3__subsec_2", "tip#sec_4"),
    ("notwithstanding another Act's section", "overrides", "tip#sec_4", "imm#sec_12"),
    ("shall not apply to", "exempts", "tip#sec_5", "imm#sec_12"),
    ("an imported term", "imports", "lab#term:child", "tip#term:child"),
    ("the principal Act an amending Act names", "refers_to", "amd#sec_2", "imm#sec_12"),
    ("a whole Act", "refers_to", "amd#sec_2", "imm"),
]


@pytest.mark.parametrize(
    ("kind", "source", "target"), [x[1:] for x in LINKS], ids=[x[0] for x in LINKS]
)
def test_links(framework: Framework, kind: str, source: str, target: str) -> None:
    assert (source, target) in edges(framework, kind)


def test_only_qualified_references_override_or_are_subject(framework: Framework) -> None:
    assert ("tip#sec_3__subsec_2", "tip#sec_3__subsec_1") not in edges(framework, "subject_to")
    assert ("tip#sec_5", "imm#sec_12") not in edges(framework, "overrides")


def test_a_reference_naming_what_a_provision_leaves_alone_is_no_exemption(
    framework: Framework,
) -> None:
    # "This section does not apply to statements falling within section 3": section 3 still applies.
    assert ("tip#sec_7", "tip#sec_3") in edges(framework, "refers_to")
    assert ("tip#sec_7", "tip#sec_3") not in edges(framework, "exempts")


def test_a_statute_names_acts_and_borrows_terms_through_its_own_definitions() -> None:
    code = statute(
        "crpc",
        "CODE OF CRIMINAL PROCEDURE",
        sec("1", "Short title\nThis Act may be called the Code of Criminal Procedure, 1898."),
        sec("2", 'Definitions\nIn this Code, "public servant" means a person serving the State.'),
        sec("545", "Compensation\nThe court may order compensation."),
    )
    act = statute(
        "act",
        "PREVENTION ACT",
        sec(
            "2",
            'Definitions\nIn this Act, "Code" means the Code of Criminal Procedure, 1898.\n'
            "Words and expressions used but not defined in this Act and defined in the Code "
            "have the meanings assigned to them in the Code.",
        ),
        sec("13", "Compensation\nA public servant may pay under section 545 of the Code."),
    )
    framework = build_framework([code, act])
    assert ("act#sec_13", "crpc#sec_545") in edges(framework, "refers_to")
    assert ("act#sec_13", "crpc#term:public servant") in edges(framework, "uses_term")


def test_references_to_missing_provisions_are_broken(framework: Framework) -> None:
    broken = [(sid, ref.raw, reason) for sid, ref, reason in framework.broken_references]
    assert broken == [
        ("tip", "section 99 of this Act", "no such provision"),
        ("tip", "section 40 of the Immigration Act", "no such provision in imm: sec_40"),
    ]


def test_term_definitions_across_statutes(framework: Framework) -> None:
    found = [(sid, d.mode, d.facts) for sid, d in framework.term_definitions("Child")]
    assert found == [
        ("tip", "means", {"age_under": 18}),
        ("imm", "means", {"age_under": 16}),
        ("lab", "has-meaning", {}),
    ]


def test_context_reads_chapeau_references_and_definitions(framework: Framework) -> None:
    assert framework.context("tip", "sec_3__subsec_2", depth=1) == [
        ("tip", "sec_3"),
        ("tip", "sec_4"),
        ("tip", "sec_3__subsec_1"),
    ]
    deeper = framework.context("tip", "sec_3__subsec_2")
    assert ("imm", "sec_12") in deeper and ("tip", "sec_2") in deeper


def test_context_definitions_are_the_exact_spans(framework: Framework) -> None:
    found = framework.definitions_in_context("tip", "sec_3__subsec_1", depth=1)
    assert [(sid, d.term) for sid, d in found] == [("tip", "child"), ("tip", "exploitation")]
    text = framework.statutes["tip"].document.text
    assert all(text[slice(*d.span)] == d.text for _, d in found)


def test_context_follows_an_imported_term_to_the_other_statute(framework: Framework) -> None:
    assert framework.context("lab", "sec_3", depth=1) == [("lab", "sec_2"), ("tip", "sec_2")]
    found = framework.definitions_in_context("lab", "sec_3", depth=1)
    assert [(sid, d.term, d.facts) for sid, d in found] == [
        ("lab", "child", {}),
        ("tip", "child", {"age_under": 18}),
        ("lab", "employer", {}),
    ]


def test_context_of_an_unknown_provision_is_an_error(framework: Framework) -> None:
    with pytest.raises(KeyError):
        framework.context("tip", "sec_404")


def test_exports(framework: Framework, tmp_path: Path) -> None:
    data = framework.to_json()
    assert json.loads(json.dumps(data))["broken_references"][0]["raw"] == "section 99 of this Act"
    assert len(data["nodes"]) == framework.graph.number_of_nodes()
    framework.write_graphml(tmp_path / "framework.graphml")
    read = nx.read_graphml(tmp_path / "framework.graphml")
    assert read.number_of_edges() == framework.graph.number_of_edges()


def test_an_act_of_another_year_is_another_act() -> None:
    older = statute(
        "old",
        "OLD ACT",
        sec("3", "Entry\nAn offence under section 12 of the Immigration Act, 1963."),
    )
    framework = build_framework([immigration_act(), older])
    assert ("old#sec_3", "imm#sec_12") not in edges(framework, "refers_to")
    assert framework.broken_references == []


def test_docstring_examples() -> None:
    assert doctest.testmod(graph_module).failed == 0


def test_two_statutes_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="share the id"):
        build_framework([tip_act(), tip_act()])


# (comment, one printing, another printing, same Act?)
NAMES = [
    ("chapter number", "the Children Act (Cap. 141)", "CHILDREN ACT", True),
    ("year and Malaysian number", "Immigration Act 1959/63 [Act 155]", "Immigration Act", True),
    ("year with comma", "Immigration Act, 2003", "the Immigration Act 2003", True),
    (
        "a bill is its Act",
        "ANTI-TRAFFICKING IN PERSONS BILL 2007",
        "Anti-Trafficking in Persons Act 2007",
        True,
    ),
    ("hyphens", "Counter Trafficking in Persons Act", "Counter-Trafficking in Persons Act", False),
    ("numbered Acts differ by number", "Republic Act No. 9208", "Republic Act No. 7309", False),
    ("different Acts", "Employment Act", "Employment (Amendment) Act", False),
]


@pytest.mark.parametrize(
    ("one", "other", "same"), [n[1:] for n in NAMES], ids=[n[0] for n in NAMES]
)
def test_act_names(one: str, other: str, same: bool) -> None:
    assert (normalise_act_name(one) == normalise_act_name(other)) is same
