"""Where rules look: passages, the named scopes, and context taken from the framework graph."""

from __future__ import annotations

import pytest

from lexcheck.graph import build_framework
from lexcheck.rules.engine import judge_framework
from lexcheck.rules.examples import StandaloneFramework, statute_from_text
from lexcheck.rules.passages import statute_passages
from lexcheck.rules.scope import _term_pattern
from lexcheck.structure.model import Definition, Provision

OFFENCE_USING_PENAL_CODE = (
    "Any person who recruits or transports another person for the purpose of exploitation, as "
    "defined in section 2 of the Penal Code, commits an offence and is liable to imprisonment "
    "for fifteen years."
)
PENAL_CODE = (
    "1. This Act may be cited as the Penal Code.\n\n"
    '2. In this Code, "exploitation" includes the removal of organs, forced labour and slavery.'
)


def test_definition_in_another_statute_is_incorporated_into_the_offence_via_the_graph(check_text):
    findings = check_text(OFFENCE_USING_PENAL_CODE, penal=PENAL_CODE)
    organs = findings["tip.purpose.organ_removal"]
    assert organs.status == "met"
    assert organs.evidence[0].statute == "penal-act"
    assert "penal-act#sec_2" in organs.scope_searched


def test_without_the_reference_the_other_statute_is_not_read_into_the_offence(check_text):
    offence = OFFENCE_USING_PENAL_CODE.replace(", as defined in section 2 of the Penal Code,", "")
    findings = check_text(offence, penal=PENAL_CODE)
    assert findings["tip.purpose.organ_removal"].status == "missing"


def test_penalty_section_of_another_statute_that_cites_the_offence_is_read(check_text):
    findings = check_text(
        "Any person who recruits another person for the purpose of exploitation commits an "
        "offence.\n\nThis Act may be cited as the Trafficking Act.",
        penal="A person guilty of an offence under section 1 of the Trafficking Act is liable to "
        "imprisonment for life.",
    )
    penalty = findings["tip.penalties_stringent"]
    assert penalty.status == "met"
    assert penalty.extra["max_years"] == "life"
    assert penalty.evidence[0].statute == "penal-act"


def test_a_provision_saying_what_another_means_for_its_purposes_is_read_with_it(check_text):
    findings = check_text(
        "A person commits an offence if the person arranges or facilitates the travel of another "
        "person with a view to that person being exploited.\n\nFor the purposes of section 1 a "
        "person is exploited only if the person is encouraged to do anything that would involve "
        "the removal of organs."
    )
    assert findings["tip.purpose.organ_removal"].status == "met"
    assert findings["tip.purpose.organ_removal"].evidence[0].eid == "sec_2"


def test_verb_use_of_a_defined_verbal_noun_reads_the_definition(check_text):
    findings = check_text(
        "Any person who traffics another person commits an offence.\n\n"
        '"trafficking in persons" means the recruitment of a person by abduction for the purpose '
        "of exploitation."
    )
    assert findings["tip.means.abduction"].status == "met"


@pytest.mark.parametrize(
    ("term", "text", "used"),
    [
        ("trafficking in persons", "a person who trafficks another person", True),
        ("trafficking in persons", "a person who traffics in persons", True),
        ("smuggling of migrants", "whoever smuggled a migrant", True),
        ("child", "the children of the victim", True),
        ("child", "childhood", False),
        ("exploitation", "exploited", False),
    ],
)
def test_term_use(term, text, used):
    assert bool(_term_pattern(term).search(text)) is used


@pytest.mark.parametrize(
    ("text", "is_offence"),
    [
        ("A person who recruits another person commits an offence.", True),
        ("Whoever recruits another person shall be punished with imprisonment.", True),
        ("It shall be unlawful for any person to recruit a child.", True),
        ("The act of recruiting a person is punishable by five years' imprisonment.", True),
        ("An officer may arrest any person found attempting to commit an offence.", False),
        ("A victim shall not be liable for an offence under this Act.", False),
    ],
)
def test_offence_provisions(compiled, text, is_offence):
    statute = statute_from_text(text, "act")
    judgement = judge_framework(compiled, StandaloneFramework({"act": statute}))
    assert (0 in judgement.scopes.core("offence")) is is_offence


def test_smuggling_offence_scope_is_ready_for_the_smuggling_rules(compiled):
    statute = statute_from_text(
        "Any person who, for a financial or other material benefit, facilitates the illegal entry "
        "of a person into the Republic commits an offence.\n\nThe Council shall meet.",
        "act",
        "som",
    )
    judgement = judge_framework(compiled, StandaloneFramework({"act": statute}))
    assert judgement.scopes.core("smuggling-offence") == frozenset({0})


def test_interpretation_section_is_cut_into_its_definitions():
    text = '2. In this Act—\n"child" means a person under 18;\n"exploitation" includes slavery.\n'
    statute = statute_from_text(text, "act")
    passages = statute_passages(statute)
    assert [(p.kind, p.term) for p in passages] == [
        ("definition", "child"),
        ("definition", "exploitation"),
    ]


def test_inline_definition_is_a_passage_beside_its_section():
    text = (
        "370. Whoever recruits a person for exploitation commits the offence of trafficking. "
        'Explanation.-- The expression "exploitation" shall include slavery.\n'
    )
    passages = statute_passages(statute_from_text(text, "ipc"))
    assert [(p.kind, p.term) for p in passages] == [
        ("section", None),
        ("definition", "exploitation"),
    ]


def test_parts_and_chapters_are_not_passages_their_sections_are():
    text = "PART I\n1. A person commits an offence.\n"
    section = Provision("part_1__sec_1", "section", "1", "", text[7:], (7, len(text)), [1])
    part = Provision("part_1", "part", "I", "", "PART I\n", (0, len(text)), [1], [section])
    statute = statute_from_text(text, "act")
    statute.provisions = [part]
    statute.definitions = [Definition("x", "part_1__sec_1", "means", "", (8, 9))]
    assert [p.eid for p in statute_passages(statute)] == ["part_1__sec_1", "part_1__sec_1"]


def test_graph_framework_and_standalone_framework_judge_examples_alike(compiled):
    statute = statute_from_text(
        'Any person who traffics another person commits an offence.\n\n"trafficking in persons" '
        "means the recruitment of a person by fraud for the purpose of exploitation.",
        "act",
    )
    alone = judge_framework(compiled, StandaloneFramework({"act": statute}))
    linked = judge_framework(compiled, build_framework([statute]))
    assert {e: v.status for e, v in alone.verdicts.items()} == {
        e: v.status for e, v in linked.verdicts.items()
    }
