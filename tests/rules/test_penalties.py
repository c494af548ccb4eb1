"""Reading penalty clauses: terms of imprisonment in words and digits, and fines (alternative or not)."""

from __future__ import annotations

import pytest

from lexcheck.rules.penalties import parse_number, read_penalty


def row(clause, low, high, *, life=False, alternative=False, both=False):
    """One case: the clause, its minimum and maximum years, and what else it provides."""
    return pytest.param(clause, low, high, life, alternative, both, id=clause[:40])


TERMS = [
    # Indian Penal Code: minimum and maximum in words, cumulative fine
    row(
        "shall be punished with rigorous imprisonment for a term which shall not be less than "
        "seven years, but which may extend to ten years, and shall also be liable to fine",
        7.0,
        10.0,
    ),
    # maximum only, "may extend to"
    row("shall be punishable with imprisonment which may extend to ten years", None, 10.0),
    # Commonwealth life imprisonment on indictment
    row("is liable on conviction on indictment to imprisonment for life", None, None, life=True),
    # Malaysian "not exceeding" with digits
    row("be punished with imprisonment for a term not exceeding 15 years", None, 15.0),
    # Philippine "words (digits)"
    row("shall suffer the penalty of imprisonment of twenty (20) years", 20.0, 20.0),
    # civil-law range, fine cumulative
    row("is punishable by five to ten years' imprisonment and a fine of 50,000 euros", 5.0, 10.0),
    # civil-law range in digits with a hyphen
    row("shall be sentenced to 3-8 years of imprisonment", 3.0, 8.0),
    # Kenyan fine alternative with "or to both"
    row(
        "is liable to imprisonment for a term of not less than thirty years or to a fine of not "
        "less than thirty million shillings or to both",
        30.0,
        None,
        alternative=True,
        both=True,
    ),
    # Pakistani "or with fine ... or with both"
    row(
        "shall be punished with imprisonment which may extend to seven years or with fine which "
        "may extend to one million rupees or with both",
        None,
        7.0,
        alternative=True,
        both=True,
    ),
    # US formula
    row(
        "shall be fined under this title, imprisoned not more than 20 years, or both",
        None,
        20.0,
        alternative=True,
        both=True,
    ),
    # fine first, then "or to imprisonment"
    row(
        "to a fine not exceeding two hundred and fifty thousand ringgit or to imprisonment for a "
        "term not exceeding five years",
        None,
        5.0,
        alternative=True,
    ),
    # "without the option of a fine" is no alternative
    row(
        "to imprisonment for a term of not less than ten years without the option of a fine",
        10.0,
        None,
    ),
    # months
    row("shall be liable to imprisonment for a term not exceeding six months", None, 0.5),
    # an age in the clause is not a term of imprisonment
    row(
        "whoever induces a girl under the age of eighteen years ... shall be punishable with "
        "imprisonment which may extend to ten years",
        None,
        10.0,
    ),
]


@pytest.mark.parametrize(("clause", "low", "high", "life", "alternative", "both"), TERMS)
def test_read_penalty(clause, low, high, life, alternative, both):
    penalty = read_penalty(clause)
    assert (penalty.min_years, penalty.max_years) == (low, high)
    assert penalty.life is life
    assert penalty.fine_alternative is alternative
    assert penalty.or_both is both


@pytest.mark.parametrize(
    ("words", "number"),
    [("seven", 7), ("twenty-five", 25), ("twenty five", 25), ("twenty (20)", 20), ("2.5", 2.5)],
)
def test_parse_number(words, number):
    assert parse_number(words) == number


def test_fine_only_is_below_the_serious_crime_threshold():
    penalty = read_penalty("shall be liable to a fine not exceeding ten thousand shillings")
    assert not penalty.imprisonment and penalty.fine
    assert penalty.below_threshold


def test_fine_alone_on_summary_conviction_is_read_apart_from_the_indictment_route():
    penalty = read_penalty(
        "is liable on summary conviction to a fine not exceeding the statutory maximum, and on "
        "conviction on indictment to imprisonment for life"
    )
    assert penalty.summary_fine and penalty.life
    assert not penalty.fine_alternative
