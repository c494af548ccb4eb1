"""The project's sample statutes (statutes/): each parses whole, with the hazards EXPECTED.md plants,
and its PDFs and DOCX give the same sections as its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexcheck.ingest import load_document
from lexcheck.structure.kinds import SECTION_LEVEL
from lexcheck.structure.model import Provision
from lexcheck.structure.numbering import section_key
from lexcheck.structure.parse import build_provisions

STATUTES = Path(__file__).resolve().parents[2] / "statutes"
TEXTS = sorted(STATUTES.glob("*.txt"))


def flat(provisions: list[Provision]) -> list[Provision]:
    return [each for provision in provisions for each in provision.walk()]


def sections(provisions: list[Provision]) -> list[str]:
    """Section numbers outside schedules, in order."""
    found: list[str] = []
    for provision in provisions:
        if provision.kind == "schedule":
            continue
        if provision.kind in SECTION_LEVEL:
            found.append(provision.num)
        found += sections(provision.children)
    return found


@pytest.fixture(scope="module")
def parsed() -> dict[str, list[Provision]]:
    if not TEXTS:
        pytest.skip("the sample statutes are not in statutes/ yet")
    return {path.stem: build_provisions(load_document(path)) for path in TEXTS}


@pytest.mark.parametrize("stem", [path.stem for path in TEXTS])
def test_every_sample_statute_parses_whole_with_sections_in_order(
    parsed: dict[str, list[Provision]], stem: str
) -> None:
    text = (STATUTES / f"{stem}.txt").read_text(encoding="utf-8")
    provisions = parsed[stem]
    assert re.sub(r"\s", "", "".join(p.text for p in flat(provisions))) == re.sub(r"\s", "", text)
    nums = sections(provisions)
    assert len(nums) > 10
    assert [section_key(num) for num in nums] == sorted(section_key(num) for num in nums)
    assert len({p.eid for p in flat(provisions)}) == len(flat(provisions))


# (statute, an eId the planted hazard must give)
HAZARDS = [
    ("veridia-tip-bill-2025-draft", "part_IV__sec_25__subsec_1__para_b__subpara_ii"),
    ("veridia-tip-bill-2025-draft", "part_II__sec_4__subsec_1__wrapup_1"),
    ("veridia-tip-bill-2025-draft", "part_II__sec_8__subsec_1__wrapup_1"),
    ("veridia-tip-bill-2025-draft", "part_II__sec_11__subsec_1__proviso_nn_1"),
    ("veridia-tip-bill-2025-amended", "part_III__sec_15A"),
    ("veridia-smuggling-act-2024-revised", "part_II__sec_11A"),
    ("veridia-immigration-act-2019", "part_IV__sec_12__subsec_2__proviso_nn_1"),
    ("veridia-immigration-act-2019", "part_VII__sec_28__subsec_2__proviso_nn_1"),
    ("veridia-labour-code-2018", "part_IV__sec_9__subsec_2__proviso_nn_1"),
    ("veridia-tip-bill-2025-draft", "att_1__para_1"),
]


@pytest.mark.parametrize(("stem", "eid"), HAZARDS)
def test_planted_numbering_hazards(parsed: dict[str, list[Provision]], stem: str, eid: str) -> None:
    assert eid in {p.eid for p in flat(parsed[stem])}


def test_the_arrangement_of_sections_stays_in_the_preface(
    parsed: dict[str, list[Provision]],
) -> None:
    preface = parsed["veridia-tip-bill-2025-draft"][0]
    assert preface.kind == "preface"
    assert "ARRANGEMENT OF SECTIONS" in preface.text
    assert "ENACTED by the Parliament" in preface.text


def test_a_letter_i_after_h_stays_in_the_definition(parsed: dict[str, list[Provision]]) -> None:
    interpretation = next(
        p for p in flat(parsed["veridia-tip-bill-2025-draft"]) if p.eid == "part_I__sec_2"
    )
    assert "(h)" in interpretation.text and "(i)" in interpretation.text
    assert not interpretation.children


LAYOUTS = [
    pytest.param(STATUTES / "pdf" / layout / "veridia-tip-bill-2025-draft.pdf", id=layout)
    for layout in ("single", "margin", "bill")
] + [pytest.param(STATUTES / "docx" / "veridia-tip-bill-2025-draft.docx", id="docx")]


@pytest.mark.slow
@pytest.mark.parametrize("path", LAYOUTS)
def test_pdf_and_docx_give_the_sections_of_the_text(
    parsed: dict[str, list[Provision]], path: Path
) -> None:
    if not path.exists():
        pytest.skip(f"{path} has not been rendered")
    assert sections(build_provisions(load_document(path))) == sections(
        parsed["veridia-tip-bill-2025-draft"]
    )
