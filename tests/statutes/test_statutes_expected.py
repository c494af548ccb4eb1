"""statutes/EXPECTED.md and statutes/expected.yaml agree with each other, with lexcheck.yaml, with the
checklist's ids, and with the statute texts (every cited provision exists; every cross-reference
resolves except the one broken on purpose)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
STATUTES = REPO / "statutes"
STANDARDS = REPO.parent / "shared" / "STANDARDS.md"
EXPECTED = yaml.safe_load((STATUTES / "expected.yaml").read_text(encoding="utf-8"))
CONFIG = yaml.safe_load((STATUTES / "lexcheck.yaml").read_text(encoding="utf-8"))
FRAMEWORKS = EXPECTED["frameworks"]
GAPS = EXPECTED["gaps"]
OUTSIDE_THE_FRAMEWORKS = {"Proceeds of Crime and Anti-Money Laundering Act, 2016"}
DELIBERATELY_BROKEN = {("veridia-tip-bill-2025-draft", "36", "section 44")}

ACT = r"[A-Z][A-Za-z-]*(?: (?:[A-Z][A-Za-z-]*|in|of|and))*, \d{4}"
ONE_SECTION = r"\d+[A-Z]?(?:\([0-9A-Za-z]+\))*"
SECTION_REF = re.compile(
    rf"\bsections? (?P<list>{ONE_SECTION}(?:(?:, | or | and | to ){ONE_SECTION})*)"
    rf"(?: of the (?P<act>{ACT}))?"
)
ACT_MENTION = re.compile(rf"\bthe (?P<act>{ACT})")
SUBSECTION_REF = re.compile(r"\bsubsection \((\d+[A-Z]?)\)")
PARAGRAPHS_OF_SUBSECTION = re.compile(
    r"\bparagraphs? \(([a-z]+)\)(?: to \(([a-z]+)\))? of subsection \((\d+)\)"
)
PARAGRAPHS_OF_SECTION = re.compile(
    r"\bparagraphs? \(([a-z]+)\)(?: to \(([a-z]+)\))? of section (\d+[A-Z]?)\((\d+)\)"
)
PART_REF = re.compile(r"\bParts? ([IVX]+(?:(?:, | and )[IVX]+)*)")
SCHEDULE_REF = re.compile(r"\bthe ((?:First |Second )?Schedule)\b")
BODY_KINDS = {"body", "subsection", "paragraph", "subparagraph", "definition", "proviso", "wrapup"}


def _statute(render: ModuleType, file_name: str):
    return render.read_statute(STATUTES / file_name)


def provision_paths(statute) -> set[str]:
    """Every citable provision: "4", "4(1)", "4(1)(a)", "25(1)(b)(i)"."""
    paths: set[str] = set()
    section = subsection = paragraph = None
    for block in statute.blocks:
        if block.kind == "section":
            section, subsection, paragraph = block.label, "", ""
            paths.add(section)
        elif block.kind == "schedule_title":
            section = None
        elif section is None:
            continue
        elif block.kind == "subsection":
            subsection, paragraph = block.label, ""
            paths.add(section + subsection)
        elif block.kind == "paragraph":
            paragraph = block.label
            paths.add(section + subsection + paragraph)
        elif block.kind == "subparagraph":
            paths.add(section + subsection + paragraph + block.label)
    return paths


def _short_title(statute) -> str:
    for block in statute.blocks:
        if m := re.search(r"may be cited as the (.+?), and", block.text):
            return m.group(1)
    raise AssertionError(f"{statute.name} has no short title")


def _framework_statutes(render: ModuleType, framework: dict) -> dict[str, object]:
    return {file_name: _statute(render, file_name) for file_name in framework["files"]}


def test_lexcheck_yaml_frameworks_match_expected_yaml_and_name_existing_files() -> None:
    assert CONFIG["profile"] == EXPECTED["profile"] == "un-core"
    assert CONFIG["fail_on"] == "high"
    assert CONFIG["baseline"] == ".lexcheck-baseline.json"
    configured = {
        fw["name"]: {s["file"]: s["kind"] for s in fw["statutes"]} for fw in CONFIG["frameworks"]
    }
    assert configured == {name: fw["files"] for name, fw in FRAMEWORKS.items()}
    for files in configured.values():
        assert all((STATUTES / name).is_file() for name in files)


def test_every_claimed_checklist_element_is_graded_in_each_framework() -> None:
    if not STANDARDS.is_file():
        pytest.skip(f"the checklist is not beside the repository ({STANDARDS})")
    index = STANDARDS.read_text(encoding="utf-8").split("## 5. Id index")[1]
    element_block, conflict_block = re.findall(r"```\n(.*?)```", index, re.S)[:2]
    elements = {line.split()[0] for line in element_block.strip().splitlines()}
    conflict_ids = set(conflict_block.split())
    for framework in FRAMEWORKS.values():
        assert set(framework["elements"]) | set(framework["not_claimed"]) == elements
        assert set(framework["conflicts"]) <= conflict_ids
    assert {row["id"] for row in GAPS} <= elements | conflict_ids


def test_every_gap_row_agrees_with_the_grade_of_its_frameworks() -> None:
    for row in GAPS:
        for name in row["frameworks"]:
            framework = FRAMEWORKS[name]
            assert row["statute"] in framework["files"], row
            if row["id"].startswith("conflict."):
                assert row["id"] in framework["conflicts"], row
            else:
                assert framework["elements"][row["id"]] == row["status"], row


def test_every_element_that_is_not_met_is_explained_by_a_gap_row() -> None:
    for name, framework in FRAMEWORKS.items():
        rows = [row for row in GAPS if name in row["frameworks"]]
        explained = {row["id"] for row in rows} | {e for row in rows for e in row.get("breaks", [])}
        gaps = {e for e, status in framework["elements"].items() if status != "met"}
        assert gaps <= explained, name
        conflict_rows = {row["id"] for row in rows if row["id"].startswith("conflict.")}
        assert conflict_rows == set(framework["conflicts"]), name


def _expected_md_sections() -> list[str]:
    return (STATUTES / "EXPECTED.md").read_text(encoding="utf-8").split("\n## ")


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith(("| id ", "| pattern ", "|---")):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_expected_md_gap_tables_list_exactly_the_gap_rows_of_expected_yaml() -> None:
    gaps_section = next(s for s in _expected_md_sections() if s.startswith("1. Gaps"))
    listed = Counter()
    for part in gaps_section.split("\n### ")[1:]:
        statute = re.search(r"`([\w.-]+\.txt)`", part.splitlines()[0]).group(1)
        for cells in _table_rows(part):
            listed[(statute, cells[0], cells[1].split()[0])] += 1
    in_yaml = Counter((row["statute"], row["id"], row["status"]) for row in GAPS)
    assert listed == in_yaml


def test_expected_md_resolved_table_lists_the_resolved_cases_of_expected_yaml() -> None:
    resolved_section = next(s for s in _expected_md_sections() if s.startswith("2. Resolved"))
    listed = Counter(cells[0] for cells in _table_rows(resolved_section))
    assert listed == Counter(case["id"] for case in EXPECTED["resolved"])


def _cited(row: dict) -> list[tuple[str, str]]:
    cited = [(row["statute"], s) for s in row["sections"]]
    for side in ("other_side", "offending", "resolving"):
        cited += [(f, s) for f, sections in row.get(side, {}).items() for s in sections]
    return cited


def test_every_provision_cited_in_the_expectations_exists(render_statutes: ModuleType) -> None:
    paths = {
        p.name: provision_paths(render_statutes.read_statute(p)) for p in STATUTES.glob("*.txt")
    }
    for row in GAPS + EXPECTED["resolved"]:
        if "statute" not in row:
            row = {**row, "statute": next(iter(row["offending"])), "sections": []}
        for file_name, section in _cited(row):
            assert section in paths[file_name], f"{file_name} has no {section} ({row['id']})"


def test_section_lists_match_the_statute_texts(render_statutes: ModuleType) -> None:
    for path in STATUTES.glob("*.txt"):
        statute = render_statutes.read_statute(path)
        sections = [b.label for b in statute.blocks if b.kind == "section"]
        assert EXPECTED["sections"][path.stem] == sections


def _references(statute) -> list[tuple[str, str, str | None]]:
    """(citing section, reference text, act or None) for every reference in the body."""
    found = []
    section = None
    for block in statute.blocks:
        if block.kind == "section":
            section = block.label
        if block.kind not in BODY_KINDS:
            continue
        for m in SECTION_REF.finditer(block.text):
            for one in re.split(r", | or | and | to ", m.group("list")):
                found.append((section, f"section {one}", m.group("act")))
        for m in ACT_MENTION.finditer(block.text):
            found.append((section, "", m.group("act")))
    return found


def _local_references(statute) -> list[tuple[str, str]]:
    """(citing section, provision path) for subsection, paragraph, Part and Schedule references."""
    found = []
    section = None
    for block in statute.blocks:
        if block.kind == "section":
            section = block.label
        if block.kind not in BODY_KINDS or section is None:
            continue
        text = block.text
        found += [(section, f"{section}({n})") for n in SUBSECTION_REF.findall(text)]
        for first, last, sub in PARAGRAPHS_OF_SUBSECTION.findall(text):
            found += [(section, f"{section}({sub})({p})") for p in (first, last) if p]
        for first, last, sec, sub in PARAGRAPHS_OF_SECTION.findall(text):
            found += [(section, f"{sec}({sub})({p})") for p in (first, last) if p]
        for group in PART_REF.findall(text):
            found += [(section, f"PART {p}") for p in re.split(r", | and ", group)]
        found += [(section, name) for name in SCHEDULE_REF.findall(text)]
    return found


def _section_path(reference: str) -> str:
    return reference.removeprefix("section ")


def _targets(statute) -> set[str]:
    parts = {b.text.split(" — ")[0] for b in statute.blocks if b.kind == "part"}
    schedules = {b.text.title() for b in statute.blocks if b.kind == "schedule_title"}
    return provision_paths(statute) | parts | schedules


def _unresolved_in(render: ModuleType, framework: dict) -> set[tuple[str, str, str]]:
    statutes = _framework_statutes(render, framework)
    by_title = {_short_title(s): s for s in statutes.values()}
    unresolved = set()
    for statute in statutes.values():
        for citing, reference, act in _references(statute):
            if act in OUTSIDE_THE_FRAMEWORKS:
                continue
            target = by_title.get(act) if act else statute
            assert target is not None, (
                f"{statute.name} s.{citing} cites {act}, not in the framework"
            )
            if reference and _section_path(reference) not in _targets(target):
                unresolved.add((statute.name, citing, reference))
        for citing, path in _local_references(statute):
            if path not in _targets(statute):
                unresolved.add((statute.name, citing, path))
    return unresolved


@pytest.mark.parametrize("name", sorted(FRAMEWORKS))
def test_cross_references_resolve_except_the_one_broken_on_purpose(
    name: str, render_statutes: ModuleType
) -> None:
    expected = DELIBERATELY_BROKEN if name == "veridia-draft-2025" else set()
    assert _unresolved_in(render_statutes, FRAMEWORKS[name]) == expected
