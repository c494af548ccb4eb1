"""docs/elements.md is exactly what scripts/gen_element_docs.py makes from standards/*.yaml."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from lexcheck.standards import load_catalogue

REPO = Path(__file__).resolve().parents[2]
ELEMENTS_DOC = REPO / "docs" / "elements.md"


@pytest.fixture(scope="module")
def generator(load_script: Callable[[str], ModuleType]) -> ModuleType:
    return load_script("gen_element_docs")


def test_committed_elements_doc_is_what_the_standards_files_generate(
    generator: ModuleType,
) -> None:
    assert ELEMENTS_DOC.read_text(encoding="utf-8") == generator.render(), (
        "docs/elements.md is out of date; run `python scripts/gen_element_docs.py`."
    )


def test_check_exits_0_on_the_committed_page(generator: ModuleType) -> None:
    assert generator.main(["--check"]) == 0


def test_check_exits_1_and_writes_nothing_when_the_page_is_stale(
    generator: ModuleType, tmp_path: Path
) -> None:
    stale = tmp_path / "elements.md"
    stale.write_text(generator.render().replace("Trafficking offence", "Old title"), "utf-8")
    before = stale.read_text(encoding="utf-8")
    assert generator.main(["--check", "--out", str(stale)]) == 1
    assert stale.read_text(encoding="utf-8") == before
    assert generator.main(["--check", "--out", str(tmp_path / "absent.md")]) == 1


def test_a_changed_standards_file_makes_the_page_stale(
    generator: ModuleType, tmp_path: Path
) -> None:
    standards = tmp_path / "standards"
    shutil.copytree(REPO / "standards", standards)
    tip = standards / "palermo-tip.yaml"
    tip.write_text(
        tip.read_text(encoding="utf-8").replace(
            "title: Trafficking offence", "title: Offence of trafficking"
        ),
        encoding="utf-8",
    )
    args = ["--standards", str(standards), "--out", str(ELEMENTS_DOC)]
    assert generator.main([*args, "--check"]) == 1
    out = tmp_path / "elements.md"
    assert generator.main(["--standards", str(standards), "--out", str(out)]) == 0
    assert "`tip.criminalised`: Offence of trafficking" in out.read_text(encoding="utf-8")


def test_every_element_and_conflict_pattern_has_its_anchor_and_strengths(
    generator: ModuleType,
) -> None:
    text = generator.render()
    catalogue = load_catalogue(REPO / "standards")
    for element in catalogue.elements.values():
        assert f'<a id="{element.id}"></a>' in text
        assert f"#### `{element.id}`:" in text
    for pattern_id in catalogue.conflicts:
        assert f'<a id="{pattern_id}"></a>' in text
    non_punishment = text.split("#### `tip.victim.non_punishment`", 1)[1].split("####", 1)[0]
    assert "un-hr `should`" in non_punishment
    assert "coe `mandatory`" in non_punishment


def test_header_says_the_page_is_generated_and_by_what_command(generator: ModuleType) -> None:
    first = generator.render().splitlines()[0]
    assert "Generated from standards/*.yaml" in first
    assert "python scripts/gen_element_docs.py" in first
