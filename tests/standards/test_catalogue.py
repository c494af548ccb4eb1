"""The standards catalogue matches the project checklist and refuses malformed standards files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from lexcheck.errors import StandardsFileError
from lexcheck.resources import data_dir
from lexcheck.standards import (
    PROFILES,
    SCHEMA_PATH,
    STRENGTHS,
    Catalogue,
    load_catalogue,
    severity,
)

STANDARDS_MD = Path(__file__).resolve().parents[3] / "shared" / "STANDARDS.md"
REPO_STANDARDS = Path(__file__).resolve().parents[2] / "standards"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def id_index() -> tuple[list[list[str]], list[str]]:
    """The two code blocks of STANDARDS.md section 5: element rows, then conflict ids."""
    if not STANDARDS_MD.is_file():
        pytest.skip(f"the shared checklist is not beside the repository ({STANDARDS_MD})")
    section = STANDARDS_MD.read_text(encoding="utf-8").split("## 5. Id index", 1)[1]
    section = section.split("\n## ", 1)[0]
    element_block, conflict_block = re.findall(r"```\n(.*?)```", section, re.DOTALL)[:2]
    return [line.split() for line in element_block.splitlines() if line.strip()], (
        conflict_block.split()
    )


def element_entry(**overrides: Any) -> dict[str, Any]:
    entry = {
        "id": "tip.act.recruitment",
        "title": "Recruitment",
        "group": "Acts",
        "instrument": "TIP",
        "article": "TIP Protocol art. 3(a)",
        "strength": "mandatory",
        "requirement": "Recruiting a person is one of the acts of the offence.",
        "common_gaps": ["Only selling is covered"],
        "model_law": None,
        "recommendation": "List recruitment among the acts.",
    }
    entry.update(overrides)
    return entry


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def write_elements(directory: Path, *entries: dict[str, Any], family: str = "tip") -> Path:
    data = {"family": family, "title": "Test standards", "elements": list(entries)}
    return write_yaml(directory / f"{family}.yaml", data)


# --- The shipped catalogue ------------------------------------------------------------------------


def test_catalogue_holds_100_elements_and_19_conflicts(catalogue: Catalogue) -> None:
    assert len(catalogue.elements) == 100
    assert len(catalogue.conflicts) == 19


def test_every_element_id_of_section_5_appears_with_its_base_strength(
    catalogue: Catalogue,
) -> None:
    rows, _ = id_index()
    assert len(rows) == 100
    assert set(catalogue.elements) == {row[0] for row in rows}
    for element_id, base_strength, _ in rows:
        assert catalogue.element(element_id).strength == base_strength, element_id


def test_profiles_named_in_section_5_make_the_element_mandatory(catalogue: Catalogue) -> None:
    rows, _ = id_index()
    for element_id, _, mandatory_under in rows:
        for profile in mandatory_under.split(","):
            if profile == "-":
                continue
            # "crc" is not a profile: the CRC binds under un-hr (section 3.1).
            profile = "un-hr" if profile == "crc" else profile
            assert catalogue.strength(element_id, profile) == "mandatory", (element_id, profile)


def test_every_conflict_id_of_section_5_appears(catalogue: Catalogue) -> None:
    _, conflict_ids = id_index()
    assert list(catalogue.conflicts) == conflict_ids


def test_no_id_is_written_twice_in_the_standards_files() -> None:
    ids: list[str] = []
    for path in sorted(REPO_STANDARDS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids += [item["id"] for item in data.get("elements", []) + data.get("conflicts", [])]
    assert len(ids) == len(set(ids)) == 119


def test_every_element_cites_an_article_and_says_what_the_law_must_contain(
    catalogue: Catalogue,
) -> None:
    for element in catalogue.elements.values():
        assert element.article.strip(), element.id
        assert len(element.requirement.split()) >= 8, element.id
        assert element.recommendation.strip(), element.id
        assert element.common_gaps, element.id
        assert element.title.strip(), element.id


def test_element_family_is_the_id_prefix(catalogue: Catalogue) -> None:
    for element in catalogue.elements.values():
        assert element.id.startswith(f"{element.family}.")
    assert catalogue.element("som.protection.consular").family == "som"


def test_profile_overrides_name_known_profiles_and_differ_from_the_base(
    catalogue: Catalogue,
) -> None:
    for element in catalogue.elements.values():
        for profile, strength in element.profiles.items():
            assert profile in PROFILES, element.id
            assert strength in STRENGTHS, element.id
            assert strength != element.strength, element.id


def test_non_punishment_is_expected_under_un_hr_and_mandatory_under_coe_eu_and_ilo(
    catalogue: Catalogue,
) -> None:
    strengths = {p: catalogue.strength("tip.victim.non_punishment", p) for p in PROFILES}
    assert strengths == {
        "un-core": "good-practice",
        "un-hr": "should",
        "ilo": "mandatory",
        "coe": "mandatory",
        "eu": "mandatory",
    }


def test_un_hr_makes_non_detention_unconditional_assistance_and_child_elements_expected(
    catalogue: Catalogue,
) -> None:
    for element_id in ("tip.victim.non_detention", "tip.victim.assistance_unconditional"):
        assert catalogue.strength(element_id, "un-hr") == "should"
    for element in catalogue.elements.values():
        if element.family == "child":
            assert catalogue.strength(element.id, "un-hr") in ("should", "mandatory"), element.id


def test_labour_conventions_bind_only_under_the_ilo_profile(catalogue: Catalogue) -> None:
    for element in catalogue.elements.values():
        if element.family != "labour" or element.id == "labour.free_to_change_employer":
            continue
        assert catalogue.strength(element.id, "ilo") == "mandatory", element.id
        for profile in ("un-core", "un-hr", "coe", "eu"):
            assert catalogue.strength(element.id, profile) == "good-practice", element.id


def test_use_of_services_is_only_to_be_considered_under_coe(catalogue: Catalogue) -> None:
    assert catalogue.strength("tip.use_of_services", "coe") == "should"
    assert catalogue.strength("tip.use_of_services", "eu") == "mandatory"


def test_unknown_profile_or_element_is_refused(catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="unknown profile 'crc'"):
        catalogue.strength("child.best_interests", "crc")
    with pytest.raises(KeyError, match=r"tip\.means\.bribery"):
        catalogue.element("tip.means.bribery")


def test_conflicts_break_only_elements_of_the_catalogue(catalogue: Catalogue) -> None:
    for conflict in catalogue.conflicts.values():
        assert conflict.breaks, conflict.id
        assert set(conflict.breaks) <= set(catalogue.elements), conflict.id
        assert conflict.pattern and conflict.resolved_by and conflict.grade, conflict.id


def test_unverified_model_law_references_say_so(catalogue: Catalogue) -> None:
    unverified = catalogue.element("tip.victim.residence").model_law
    assert unverified is not None and "(unverified)" in unverified
    assert catalogue.element("tip.attempt").model_law == "ML-TIP art. 14 (Attempt)"
    assert catalogue.element("untoc.laundering_predicate").model_law is None


def test_schema_is_itself_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_default_directory_is_the_repository_standards_folder_in_a_checkout(
    catalogue: Catalogue,
) -> None:
    assert data_dir("standards") == REPO_STANDARDS
    assert data_dir("rules") == REPO_STANDARDS.parent / "rules"
    assert catalogue.directory == REPO_STANDARDS
    with pytest.raises(ValueError, match="unknown data set"):
        data_dir("statutes")


# --- Severity (STANDARDS.md 3.3, rule 6) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("strength", "status", "expected"),
    [
        ("mandatory", "conflict", "critical"),
        ("mandatory", "missing", "high"),
        ("mandatory", "partial", "medium"),
        ("should", "conflict", "high"),
        ("should", "missing", "medium"),
        ("should", "partial", "low"),
        ("good-practice", "conflict", "medium"),
        ("good-practice", "missing", "low"),
        ("good-practice", "partial", "advisory"),
        ("mandatory", "met", "none"),
        ("should", "met", "none"),
        ("good-practice", "met", "none"),
    ],
)
def test_severity_follows_the_table(strength: str, status: str, expected: str) -> None:
    assert severity(strength, status) == expected


def test_severity_refuses_unknown_strength_or_status() -> None:
    with pytest.raises(ValueError, match="unknown strength"):
        severity("required", "missing")
    with pytest.raises(ValueError, match="no severity for status 'unknown'"):
        severity("mandatory", "unknown")


# --- Malformed standards files --------------------------------------------------------------------


def test_a_minimal_valid_file_loads(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(profiles={"un-hr": "should"}))
    loaded = load_catalogue(tmp_path)
    assert loaded.strength("tip.act.recruitment", "un-hr") == "should"
    assert loaded.strength("tip.act.recruitment", "coe") == "mandatory"
    assert loaded.conflicts == {}


def test_unknown_key_names_the_element_and_the_key(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(phrasings=["recruits"]))
    with pytest.raises(StandardsFileError) as caught:
        load_catalogue(tmp_path)
    message = str(caught.value)
    assert "tip.act.recruitment" in message
    assert "'phrasings'" in message
    assert "tip.yaml" in message


def test_missing_article_names_the_element_and_the_key(tmp_path: Path) -> None:
    entry = element_entry()
    del entry["article"]
    write_elements(tmp_path, element_entry(id="tip.act.receipt"), entry)
    with pytest.raises(StandardsFileError, match=r"tip\.act\.recruitment.*'article' is missing"):
        load_catalogue(tmp_path)


def test_wrong_strength_names_the_element_the_key_and_the_allowed_values(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(strength="required"))
    with pytest.raises(StandardsFileError) as caught:
        load_catalogue(tmp_path)
    message = str(caught.value)
    assert "tip.act.recruitment" in message
    assert "'strength'" in message
    assert "mandatory, should, good-practice" in message


def test_unknown_profile_in_overrides_is_refused(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(profiles={"crc": "good-practice"}))
    with pytest.raises(StandardsFileError, match=r"tip\.act\.recruitment.*'profiles'"):
        load_catalogue(tmp_path)


def test_override_repeating_the_base_strength_is_refused(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(profiles={"coe": "mandatory"}))
    with pytest.raises(StandardsFileError, match=r"tip\.act\.recruitment.*'profiles'.*coe"):
        load_catalogue(tmp_path)


def test_element_without_an_id_is_named_by_its_position(tmp_path: Path) -> None:
    entry = element_entry()
    del entry["id"]
    write_elements(tmp_path, element_entry(id="tip.act.receipt"), entry)
    with pytest.raises(StandardsFileError, match=r"element #2: required key 'id' is missing"):
        load_catalogue(tmp_path)


def test_element_in_the_wrong_family_file_is_refused(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(id="som.attempt"))
    with pytest.raises(StandardsFileError, match=r"som\.attempt: key 'id'.*family 'tip\.'"):
        load_catalogue(tmp_path)


def test_duplicate_id_across_files_names_both_files(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry())
    data = {"family": "tip", "title": "More", "elements": [element_entry()]}
    write_yaml(tmp_path / "tip-more.yaml", data)
    with pytest.raises(StandardsFileError, match=r"tip\.act\.recruitment: key 'id'") as caught:
        load_catalogue(tmp_path)
    assert "tip.yaml" in str(caught.value)
    assert "tip-more.yaml" in str(caught.value)


def test_duplicate_key_inside_an_element_is_refused(tmp_path: Path) -> None:
    text = yaml.safe_dump({"family": "tip", "title": "T", "elements": [element_entry()]})
    text = text.replace("  strength: mandatory\n", "  strength: mandatory\n  strength: should\n")
    (tmp_path / "tip.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(StandardsFileError, match=r"line \d+.*duplicate key 'strength'"):
        load_catalogue(tmp_path)


def test_conflict_breaking_an_unknown_element_is_refused(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry())
    conflict = {
        "id": "conflict.labour.recruitment_fees",
        "pattern": "Recruitment fees are lawful.",
        "breaks": ["tip.act.recruitment", "labour.recruitment_fees_prohibited"],
        "resolved_by": "A ban on fees charged to workers.",
        "grade": "Conflict.",
    }
    write_yaml(tmp_path / "conflicts.yaml", {"title": "Conflicts", "conflicts": [conflict]})
    with pytest.raises(
        StandardsFileError,
        match=r"conflict\.labour\.recruitment_fees: key 'breaks' names "
        r"labour\.recruitment_fees_prohibited",
    ):
        load_catalogue(tmp_path)


def test_conflicts_file_may_not_carry_elements(tmp_path: Path) -> None:
    data = {"title": "Mixed", "family": "tip", "elements": [element_entry()], "conflicts": []}
    write_yaml(tmp_path / "mixed.yaml", data)
    with pytest.raises(StandardsFileError, match=r"mixed\.yaml.*may not also have 'family'"):
        load_catalogue(tmp_path)


def test_invalid_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "tip.yaml").write_text("family: tip\nelements: [\n", encoding="utf-8")
    with pytest.raises(StandardsFileError, match=r"not valid YAML at line 3, column 1"):
        load_catalogue(tmp_path)


def test_folder_without_standards_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StandardsFileError, match=r"no standards files"):
        load_catalogue(tmp_path / "missing")


def test_blank_requirement_is_reported_once(tmp_path: Path) -> None:
    write_elements(tmp_path, element_entry(requirement=""))
    with pytest.raises(StandardsFileError, match=r"'requirement'") as caught:
        load_catalogue(tmp_path)
    assert "more problem" not in str(caught.value)


def test_packaged_data_wins_over_the_repository_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "lexcheck" / "_data" / "standards"
    packaged.mkdir(parents=True)
    monkeypatch.setattr("lexcheck.resources._PACKAGE_DIR", tmp_path / "lexcheck")
    assert data_dir("standards") == packaged
    assert data_dir("rules") == tmp_path / "rules"
