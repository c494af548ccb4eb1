"""eIds: AKN naming convention as bluebell applies it (aliases, clean_num, nn, duplicates)."""

from __future__ import annotations

import pytest

from lexcheck.structure.eids import ALIASES, EidGenerator, clean_num

# bluebell's own table (tests/test_eids.py), plus printings our statutes use.
CLEAN_NUM = [
    ("", ""),
    (" ", ""),
    ("( )", ""),
    ("(123.4-5)", "123-4-5"),
    ("312.32.7", "312-32-7"),
    ("312-32-7", "312-32-7"),
    ("312_32_7", "312-32-7"),
    ("(6)", "6"),
    ("[16]", "16"),
    ("(i)", "i"),
    ("[i]", "i"),
    ("(2bis)", "2bis"),
    ('"1.2.', "1-2"),
    ("1.2.", "1-2"),
    ("“2.3", "2-3"),
    ("2,3", "2-3"),
    ("2,3, 4,", "2-3-4"),
    ("3a bis", "3abis"),
    ("3é", "3é"),
    (" -3a--4,9", "3a-4-9"),
    ("(א)", "א"),  # Hebrew aleph
    ("(三)", "三"),  # Chinese three
    ("5A", "5A"),
    ("279.01", "279-01"),
    ("26-A", "26-A"),
    ("( 1 a )", "1a"),
    ("II", "II"),
]


@pytest.mark.parametrize(("printed", "cleaned"), CLEAN_NUM)
def test_clean_num(printed: str, cleaned: str) -> None:
    assert clean_num(printed) == cleaned


def test_alias_table_uses_akn_names() -> None:
    assert ALIASES["section"] == "sec"
    assert ALIASES["subsection"] == "subsec"
    assert ALIASES["paragraph"] == "para"
    assert ALIASES["subparagraph"] == "subpara"
    assert ALIASES["chapter"] == "chp"
    assert ALIASES["division"] == "dvs"
    assert ALIASES["article"] == "art"
    assert ALIASES["schedule"] == "att"


def test_eid_takes_the_prefix_of_its_parent() -> None:
    ids = EidGenerator()
    assert ids.make("", "part", "2") == "part_2"
    assert ids.make("part_2", "section", "5") == "part_2__sec_5"
    assert ids.make("part_2__sec_5", "subsection", "(2)") == "part_2__sec_5__subsec_2"
    assert ids.make("part_2__sec_5__subsec_2", "paragraph", "(a)") == (
        "part_2__sec_5__subsec_2__para_a"
    )


def test_duplicate_numbers_get_a_count() -> None:
    ids = EidGenerator()
    assert [ids.make("", "paragraph", "2.") for _ in range(3)] == ["para_2", "para_2_2", "para_2_3"]


def test_unnumbered_units_that_expect_a_number_get_nn_and_a_counter() -> None:
    ids = EidGenerator()
    made = [ids.make("sec_3", "proviso", "") for _ in range(2)] + [
        ids.make("sec_3", "proviso", "nn")
    ]
    assert made == ["sec_3__proviso_nn_1", "sec_3__proviso_nn_2", "sec_3__proviso_nn_3"]


def test_units_numbered_by_a_counter() -> None:
    ids = EidGenerator()
    assert ids.make("", "schedule", "FIRST") == "att_1"
    assert ids.make("", "schedule", "SECOND") == "att_2"
    assert ids.make("sec_4", "wrapup", "") == "sec_4__wrapup_1"


def test_the_preface_is_one() -> None:
    assert EidGenerator().make("", "preface", "") == "preface"
