"""The standards catalogue: what a national framework must contain, read from `standards/*.yaml`.

The law is kept as data so that lawyers can review and extend it without reading Python. This module
only loads it, refuses a malformed file with a message that names the element and the key at fault,
and answers the questions the rest of lexcheck asks of it: what an element requires, how strong
the obligation is under a given profile, and how severe a gap is (STANDARDS.md 3.3, rule 6).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError

from lexcheck.errors import StandardsFileError
from lexcheck.resources import data_dir, file_stamp

PROFILES = ("un-core", "un-hr", "ilo", "coe", "eu")
"""The sets of binding sources an assessment can be run against (STANDARDS.md section 3.1)."""

STRENGTHS = ("mandatory", "should", "good-practice")

FAMILIES = ("tip", "untoc", "som", "child", "labour")
"""Element id prefixes, in the order the catalogue lists them (as in STANDARDS.md section 5)."""

SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "standards.schema.json"

_SEVERITY = {
    "mandatory": {"conflict": "critical", "missing": "high", "partial": "medium"},
    "should": {"conflict": "high", "missing": "medium", "partial": "low"},
    "good-practice": {"conflict": "medium", "missing": "low", "partial": "advisory"},
}

_SCHEMA_FIX = f"See {SCHEMA_PATH.name} (in lexcheck/schemas) for what each key must hold."


@dataclass(frozen=True)
class Element:
    """One thing a compliant framework must contain, with the article it comes from.

    `strength` is the base UN reading; `profiles` holds the strength only for the profiles under
    which it differs. `model_law` is None where the Model Laws have no matching provision.
    """

    id: str
    title: str
    group: str
    instrument: str
    article: str
    strength: str
    requirement: str
    common_gaps: tuple[str, ...]
    model_law: str | None
    recommendation: str
    profiles: dict[str, str] = field(default_factory=dict, hash=False)
    family: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "family", self.id.split(".", 1)[0])

    def strength_under(self, profile: str) -> str:
        """The strength of this element when the framework is assessed under `profile`."""
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
        return self.profiles.get(profile, self.strength)


@dataclass(frozen=True)
class ConflictPattern:
    """A way one statute can defeat, in practice, an element another statute provides."""

    id: str
    pattern: str
    breaks: tuple[str, ...]
    resolved_by: str
    grade: str


@dataclass(frozen=True)
class Catalogue:
    """Every standard element and conflict pattern, keyed by id, in the order of the files."""

    elements: dict[str, Element]
    conflicts: dict[str, ConflictPattern]
    directory: Path

    def element(self, element_id: str) -> Element:
        """The element with this id; KeyError names the id when there is none."""
        try:
            return self.elements[element_id]
        except KeyError:
            raise KeyError(f"no standard element {element_id!r} in {self.directory}") from None

    def strength(self, element_id: str, profile: str) -> str:
        """The strength of an element under a profile."""
        return self.element(element_id).strength_under(profile)


def severity(strength: str, status: str) -> str:
    """How serious a finding is, from the element's strength under the profile and its status.

    Implements the table of STANDARDS.md section 3.3, rule 6; a met element has severity "none".
    """
    if strength not in _SEVERITY:
        raise ValueError(f"unknown strength {strength!r}; expected one of {', '.join(STRENGTHS)}")
    if status == "met":
        return "none"
    try:
        return _SEVERITY[strength][status]
    except KeyError:
        raise ValueError(
            f"no severity for status {status!r}; expected met, partial, missing or conflict"
        ) from None


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Read and check every `*.yaml` file in `directory` (by default the bundled standards).

    Raises StandardsFileError for the first problem found: a file that is not valid YAML or breaks
    the schema, an element filed under the wrong family, a duplicate id, a profile override that
    repeats the base strength, or a conflict pattern that names an element that does not exist.
    """
    directory = Path(directory) if directory is not None else data_dir("standards")
    paths = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not paths:
        raise StandardsFileError(
            directory,
            "no standards files (*.yaml) were found in this directory.",
            "Point lexcheck at the folder holding palermo-tip.yaml and the other standards files.",
        )
    return _load_unchanged(directory, tuple((path, *file_stamp(path)) for path in paths))


@lru_cache(maxsize=8)
def _load_unchanged(directory: Path, files: tuple[tuple[Path, int, int], ...]) -> Catalogue:
    """The catalogue is read again only when a file changed: one run checking many frameworks
    (eval, ci, diff) reads and validates the standards once."""
    paths = [path for path, _, _ in files]
    element_files: list[tuple[Path, dict[str, Any]]] = []
    conflict_files: list[tuple[Path, dict[str, Any]]] = []
    for path in paths:
        data = _read_standards_file(path)
        (conflict_files if "conflicts" in data else element_files).append((path, data))
    element_files.sort(key=lambda item: FAMILIES.index(item[1]["family"]))
    elements = _collect_elements(element_files)
    conflicts = _collect_conflicts(conflict_files, elements)
    return Catalogue(elements=elements, conflicts=conflicts, directory=directory)


def _collect_elements(files: list[tuple[Path, dict[str, Any]]]) -> dict[str, Element]:
    elements: dict[str, Element] = {}
    seen_in: dict[str, Path] = {}
    for path, data in files:
        family = data["family"]
        for raw in data["elements"]:
            element_id = raw["id"]
            if not element_id.startswith(f"{family}."):
                raise StandardsFileError(
                    path,
                    f"element {element_id}: key 'id' does not start with this file's family "
                    f"'{family}.'.",
                    "Move the element to the file of its family, or correct the id.",
                )
            if element_id in seen_in:
                raise StandardsFileError(
                    path,
                    f"element {element_id}: key 'id' is already used in "
                    f"{seen_in[element_id].name}.",
                    "Each element id must appear exactly once across the standards files.",
                )
            _check_profiles(path, raw)
            seen_in[element_id] = path
            elements[element_id] = Element(
                id=element_id,
                title=raw["title"],
                group=raw["group"],
                instrument=raw["instrument"],
                article=raw["article"],
                strength=raw["strength"],
                requirement=raw["requirement"],
                common_gaps=tuple(raw["common_gaps"]),
                model_law=raw["model_law"],
                recommendation=raw["recommendation"],
                profiles=dict(raw.get("profiles", {})),
            )
    return elements


def _check_profiles(path: Path, raw: dict[str, Any]) -> None:
    for profile, strength in raw.get("profiles", {}).items():
        if strength == raw["strength"]:
            raise StandardsFileError(
                path,
                f"element {raw['id']}: key 'profiles' sets {profile} to {strength}, which is "
                "already the base strength.",
                "List a profile under 'profiles' only where its strength differs from 'strength'.",
            )


def _collect_conflicts(
    files: list[tuple[Path, dict[str, Any]]], elements: dict[str, Element]
) -> dict[str, ConflictPattern]:
    conflicts: dict[str, ConflictPattern] = {}
    for path, data in files:
        for raw in data["conflicts"]:
            conflict_id = raw["id"]
            if conflict_id in conflicts:
                raise StandardsFileError(
                    path,
                    f"conflict {conflict_id}: key 'id' is used twice.",
                    "Each conflict id must appear exactly once across the standards files.",
                )
            unknown = [element_id for element_id in raw["breaks"] if element_id not in elements]
            if unknown:
                raise StandardsFileError(
                    path,
                    f"conflict {conflict_id}: key 'breaks' names {', '.join(unknown)}, which is "
                    "not an element of the catalogue.",
                    "Use element ids exactly as the standards files (and STANDARDS.md section 5) "
                    "spell them.",
                )
            conflicts[conflict_id] = ConflictPattern(
                id=conflict_id,
                pattern=raw["pattern"],
                breaks=tuple(raw["breaks"]),
                resolved_by=raw["resolved_by"],
                grade=raw["grade"],
            )
    return conflicts


def _read_standards_file(path: Path) -> dict[str, Any]:
    """Parse one file and hold it to the schema, or raise StandardsFileError naming the fault."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        raise StandardsFileError(path, _yaml_problem(exc), "Fix the YAML there.") from None
    except UnicodeDecodeError:
        raise StandardsFileError(path, "is not UTF-8 text.", "Save the file as UTF-8.") from None
    if not isinstance(data, dict):
        raise StandardsFileError(
            path,
            "is not a mapping of keys to values.",
            "A standards file has 'title' and either 'family' with 'elements', or 'conflicts'.",
        )
    errors = sorted(_validator().iter_errors(data), key=_document_order)
    if errors:
        problem = _describe(errors[0], data)
        # One bad value can break several schema rules; count the places at fault, not the rules.
        places = {tuple(_document_order(error)) for error in errors}
        if len(places) > 1:
            problem += f" ({len(places) - 1} more problem(s) in this file.)"
        raise StandardsFileError(path, problem, _SCHEMA_FIX)
    return data


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's message, cut down to the line, column and what went wrong."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return f"is not valid YAML: {problem}."
    return f"is not valid YAML at line {mark.line + 1}, column {mark.column + 1}: {problem}."


def _describe(error: ValidationError, data: dict[str, Any]) -> str:
    """Say which element (or conflict) and which key a schema error is about, in plain words."""
    where = list(error.absolute_path)
    if len(where) >= 2 and where[0] in ("elements", "conflicts"):
        kind = "element" if where[0] == "elements" else "conflict"
        item = data[where[0]][where[1]]
        item_id = item.get("id") if isinstance(item, dict) else None
        subject = f"{kind} {item_id}" if isinstance(item_id, str) else f"{kind} #{where[1] + 1}"
        key_path = [str(part) for part in where[2:]]
    else:
        subject = "the file"
        key_path = [str(part) for part in where]

    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {})
        unexpected = sorted(str(key) for key in error.instance if key not in allowed)
        keys = ", ".join(f"'{key}'" for key in unexpected)
        return f"{subject}: unknown key {keys}; allowed keys are {', '.join(allowed)}."
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return f"{subject}: required key '{missing[0]}' is missing."
    key = f"key '{key_path[0]}'" if key_path else "the entry"
    detail = f" ({'.'.join(key_path[1:])})" if len(key_path) > 1 else ""
    if error.validator == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        return f"{subject}: {key}{detail} is {error.instance!r}; expected one of {allowed}."
    if error.validator is None:  # the schema's only `false` subschemas guard a conflicts file
        return (
            f"{subject}: a file with 'conflicts' may not also have 'family' or 'elements'; "
            "put conflict patterns and elements in separate files."
        )
    return f"{subject}: {key}{detail} is not valid: {error.message}."


def _document_order(error: ValidationError) -> list[str]:
    """Sort key that puts errors in the order a reader meets them in the file."""
    return [f"{part:08d}" if isinstance(part, int) else part for part in error.absolute_path]


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses duplicate keys, which PyYAML would silently overwrite."""


def _construct_unique_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"duplicate key {key!r}",
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping
)
