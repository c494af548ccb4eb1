"""`lexcheck.yaml`: the configuration at the root of a statutes repository, read by `lexcheck ci`.

    jurisdiction: Republic of Veridia
    profile: un-core            # un-core | un-hr | ilo | coe | eu
    fail_on: high               # critical | high | medium | low | advisory | never
    baseline: .lexcheck-baseline.json
    rules: [rules/local]        # optional extra rule files or folders
    reports: reports            # where ci writes its reports
    frameworks:
      - name: draft
        description: the consultation draft, with the laws in force
        statutes:
          - {file: veridia-tip-bill-2025-draft.txt, kind: tip}
          - veridia-labour-code-2018.txt        # kind detected

Paths are relative to the folder that holds lexcheck.yaml. The file is validated before anything
runs; an unknown key is an error with a suggestion, never silently ignored.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from lexcheck.errors import ConfigError
from lexcheck.pipeline import StatuteSource
from lexcheck.structure.model import STATUTE_KINDS

FAIL_ON_CHOICES = ("critical", "high", "medium", "low", "advisory", "never")
_TOP_KEYS = {"jurisdiction", "profile", "fail_on", "baseline", "rules", "reports", "frameworks"}
_FRAMEWORK_KEYS = {"name", "description", "statutes"}
_STATUTE_KEYS = {"file", "kind"}


@dataclass(frozen=True)
class FrameworkConfig:
    """One set of statutes checked together (one country's framework, or one version of it)."""

    name: str
    sources: tuple[StatuteSource, ...]
    description: str = ""


@dataclass(frozen=True)
class ProjectConfig:
    """A validated lexcheck.yaml."""

    path: Path
    jurisdiction: str
    profile: str
    fail_on: str
    baseline: Path
    rules: tuple[Path, ...]
    reports: Path
    frameworks: tuple[FrameworkConfig, ...]


def load_config(path: Path, profiles: tuple[str, ...]) -> ProjectConfig:
    """Read and validate lexcheck.yaml."""
    if not path.is_file():
        raise ConfigError(path, "does not exist.", "Create a lexcheck.yaml (see docs/ci.md).")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigError(path, f"is not valid YAML: {error}", "Fix the YAML syntax.") from error
    if not isinstance(data, dict):
        raise ConfigError(path, "must be a mapping of settings.", "See docs/ci.md.")
    _check_keys(path, data, _TOP_KEYS, "the top level")
    root = path.parent
    profile = str(data.get("profile", "un-core"))
    _check_choice(path, "profile", profile, profiles)
    fail_on = str(data.get("fail_on", "high"))
    _check_choice(path, "fail_on", fail_on, FAIL_ON_CHOICES)
    frameworks = tuple(_framework(path, root, item) for item in _list(path, data, "frameworks"))
    if not frameworks:
        raise ConfigError(path, "lists no frameworks.", "Add a `frameworks:` list (docs/ci.md).")
    return ProjectConfig(
        path=path,
        jurisdiction=str(data.get("jurisdiction", "")),
        profile=profile,
        fail_on=fail_on,
        baseline=root / str(data.get("baseline", ".lexcheck-baseline.json")),
        rules=tuple(root / str(p) for p in data.get("rules") or ()),
        reports=root / str(data.get("reports", "reports")),
        frameworks=frameworks,
    )


def _framework(path: Path, root: Path, item: object) -> FrameworkConfig:
    if not isinstance(item, dict) or "name" not in item:
        raise ConfigError(path, "has a framework without a `name`.", "Give each framework a name.")
    _check_keys(path, item, _FRAMEWORK_KEYS, f"framework {item['name']!r}")
    sources = []
    for statute in _list(path, item, "statutes"):
        entry = {"file": statute} if isinstance(statute, str) else statute
        if not isinstance(entry, dict) or "file" not in entry:
            raise ConfigError(path, f"framework {item['name']!r} has a statute without `file`.")
        _check_keys(path, entry, _STATUTE_KEYS, f"a statute of framework {item['name']!r}")
        file = root / str(entry["file"])
        if not file.is_file():
            raise ConfigError(
                path,
                f"framework {item['name']!r} names {entry['file']}, which does not exist.",
                "Fix the path (relative to lexcheck.yaml).",
            )
        kind = entry.get("kind")
        if kind is not None:
            _check_choice(path, "kind", str(kind), STATUTE_KINDS)
        sources.append(StatuteSource(file, kind))
    return FrameworkConfig(
        name=str(item["name"]),
        sources=tuple(sources),
        description=str(item.get("description", "")),
    )


def _list(path: Path, data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(path, f"`{key}` must be a list.", "See docs/ci.md.")
    return value


def _check_keys(path: Path, data: dict, allowed: set[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = (
                f" Did you mean `{close[0]}`?"
                if close
                else f" Allowed: {', '.join(sorted(allowed))}."
            )
            raise ConfigError(path, f"has an unknown key `{key}` in {where}.", hint.strip())


def _check_choice(path: Path, key: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigError(path, f"`{key}: {value}` is not one of {', '.join(choices)}.")
