"""The reflow rules, as tables: which line-break hyphens are joined, which lines end a clause."""

from __future__ import annotations

import pytest

from lexcheck.ingest.pdf_layout import Line
from lexcheck.ingest.pdf_lines import Word
from lexcheck.ingest.pdf_reflow import PROVISION, Vocabulary, ends_clause


def vocabulary(*texts: str) -> Vocabulary:
    lines = [Line.of(1, [Word(text, 72, 200, 100, 110, 10.0, False, False)], 108) for text in texts]
    return Vocabulary.of(lines)


HYPHENS = [
    # (document text elsewhere, head, tail, hyphen kept)
    ("", "proceed", "ings", False),
    ("the proceedings were stayed", "proceed", "ings", False),
    ("", "self", "employed", True),
    ("", "anti", "trafficking", True),
    ("", "co", "operation", True),
    ("the anti-trafficking unit", "anti", "trafficking", True),
    ("the cooperation of states", "co", "operation", False),
    ("a sub-committee of the council", "sub", "committee", True),
    ("any person employed by the employer", "employ", "ment", False),
    ("the OCD and the NDRRMC", "OCD", "NDRRMC", True),
    ("both the watch and the list", "watch", "list", True),
]


@pytest.mark.parametrize(("elsewhere", "head", "tail", "kept"), HYPHENS)
def test_line_break_hyphens_are_joined_unless_the_parts_make_a_compound(
    elsewhere: str, head: str, tail: str, kept: bool
) -> None:
    assert vocabulary(elsewhere).keeps_hyphen(head, tail) is kept


CLAUSE_ENDS = [
    ("shall be liable to a fine.", True),
    ("the following acts—", True),
    ("(a) by threat; or", True),
    ("as defined in section 3;", True),
    ("under Republic Act No.", False),
    ("the Children Act, Cap.", False),
    ("the provisions of subsection", False),
    ("the offence, and", False),
]


@pytest.mark.parametrize(("text", "ends"), CLAUSE_ENDS)
def test_a_clause_ends_at_final_punctuation_but_not_at_an_abbreviation(
    text: str, ends: bool
) -> None:
    assert ends_clause(text) is ends


@pytest.mark.parametrize(
    "text",
    [
        "5. Short title",
        "5A. Inserted section",
        "(1) A person",
        "(a) by force",
        "(iv) any other means",
        "PART II – OFFENCES",
        "CHAPTER 3",
        "Section 5: Penalties",
        "SEC. 4. Acts of Trafficking",
        "Article 5",
        "§ 1589. Forced labor",
        "FIRST SCHEDULE",
        "Explanation 1.—The expression",
    ],
)
def test_provision_markers_are_recognised(text: str) -> None:
    assert PROVISION.match(text)


@pytest.mark.parametrize("text", ["the person", "1860 and", "Part of the", "a (b) c"])
def test_ordinary_words_are_not_provision_markers(text: str) -> None:
    assert not PROVISION.match(text)
