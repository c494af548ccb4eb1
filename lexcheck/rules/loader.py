"""Read rule files, hold them to the schema, and refuse a bad one with its file, line and problem.

THE RULE FORMAT
===============

Rules say HOW to detect a standard element in statute text; `standards/` says WHAT the element
is. Files live under `rules/<language>/<family>/<topic>.yaml`, one concern per file (the means of
trafficking, consent, penalties ...). The schema is `lexcheck/schemas/rules.schema.json`; every
mapping is closed, so a misspelt key is an error ("did you mean ..."), never a silent no-op.
`rules/README.md` has the same description with a fully worked example.

A file holds any of three top-level keys (and an optional `description`):

`lexicon`: named term lists shared by every rule (`rules/en/shared/lexicon.yaml`)::

    lexicon:
      child: [child, minor, "person under the age of eighteen"]
      negation-of-defence: ["shall not be a defence", "is no defence"]

  A term list anywhere may name a lexicon entry as `"@child"`; entries may name other entries.

`scopes`: named sets of provisions (`rules/en/shared/scopes.yaml`)::

    scopes:
      offence:
        description: provisions that create an offence
        when: {terms: ["@offence-marker"]}
      trafficking-offence:
        description: the trafficking offence, read with the definitions and provisions it uses
        when: {all: [{in_scope: offence}, {terms: ["@trafficking-conduct"]}]}
        include_context: true

  A provision belongs to a scope when its statute is of one of `statute_kinds`, or when `when`
  holds on it; with `include_context` the definitions it uses, the provisions it refers to (from
  the framework graph) and those that say what it means "for the purposes of" it are searched
  as well. `framework` (everything) and `statute-kind:<kind>` exist without being declared.

`rules`: a list of rules. Each rule has:

  `id`          kebab-case, unique, stable (baselines key on it).
  `element`     the standard element it judges (must exist in `standards/`).
  `scope`       the scope searched.
  `looks_for`   what it searches, completing "Looked for ..." in every finding's explanation.
  `evidence`    clauses whose words show the element is there: a hit gives `met`.
  `contradiction` (optional) clauses whose words say the opposite: a hit gives `conflict`,
                which overrides met and partial.
  `partial`     (optional) clauses that weaken the element, each with a `reason` and an
                optional `flag` and `severity` (the finding's severity when this clause decides
                it, instead of the catalogue's), and a `mode`:
                  narrows     (default) an evidence hit whose sentence (or the clause's `within`)
                              also satisfies `when` only counts as partial (consent made
                              irrelevant "for a child" only);
                  substitute  when no evidence is found at all, these words give partial instead
                              of missing (fraud named, deception not);
                  caps        wherever these words occur in scope the element is partial, with
                              or without evidence (consent "may be taken into account").
  `judge`       (optional) `penalties`: the evidence locates the penalty clauses and
                `lexcheck.rules.penalties` reads their numbers and judges them.
  `recommendation` (optional) replaces the element's recommendation.
  `examples`    at least two that must be met (`match: TEXT`) and two near misses
                (`no_match: TEXT`, which must be missing, or `{text: TEXT, expect: partial |
                missing | conflict}`), each optionally with `style` (commonwealth, us,
                civil-law, model-law, other), `kind` (the statute kind, default tip), `flags`
                expected on the finding and `case` (the STANDARDS.md hard case it encodes).
                Blank lines separate provisions (write such an example as a literal block, `|-`);
                a line `"term" means ...` is a definition the other provisions can use.

A clause is `{when: CONDITION, unless: CONDITION, reason, flag, severity, mode}`; `unless` is
judged on the same stretch of text as the hit (widen it with its own `within`). How the clauses
combine into a status is set out in `lexcheck/rules/grading.py`. A CONDITION is
documented in `lexcheck/rules/conditions.py`: `terms` (with `exact`, `negated`,
`exclude_within`), `pattern` (spaCy token pattern; POS, TAG, DEP, MORPH and ENT_TYPE are refused
because no trained model is configured), `all` / `any` / `none`, `within` (sentence, provision,
offence), `in_scope`, `refers_to` and `gap_in`.

A minimal rule::

    rules:
      - id: tip-consent-irrelevant
        element: tip.consent_irrelevant
        scope: trafficking-law
        looks_for: a clause making the victim's consent irrelevant
        evidence:
          - when: {within: sentence, all: [{terms: ["@consent"]}, {terms: ["@irrelevance"]}]}
        examples:
          - match: The consent of a victim to the intended exploitation is irrelevant.
          ...

Loading `overrides` after the bundled files replaces rules, lexicon entries and scopes of the
same name, which is how `check --rules` adds a country's own rules or swaps one out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError

from lexcheck.errors import RuleFileError
from lexcheck.resources import data_dir, file_stamp
from lexcheck.rules.conditions import Vocabulary, did_you_mean, parse_condition
from lexcheck.rules.ruleset import Clause, Example, Rule, RuleSet, ScopeDef

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "rules.schema.json"
MIN_EXAMPLES = 2
"""Examples of each kind (must be met / near miss) every rule carries, at the least."""

_FIX = "See rules/README.md for the rule format."
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it: the rule files are parsed on every run."""

Where = tuple[str | int, ...]


def load_rules(paths: Sequence[Path] | None = None, *, overrides: Sequence[Path] = ()) -> RuleSet:
    """Read the rule files under `paths` (default: the bundled rules) and then `overrides`.

    A path may be a file or a folder (searched recursively for `*.yaml`). Rules, lexicon entries
    and scopes in `overrides` replace those of the same name. Raises RuleFileError, naming the
    file and line, for the first problem found.
    """
    base = _read_all(_yaml_files(paths if paths is not None else [data_dir("rules")]))
    extra = _read_all(f for f in _yaml_files(overrides) if f not in {r.path for r in base})
    lexicon = _resolve_lexicon(_layered(base, extra, "lexicon"))
    scope_sources = _layered(base, extra, "scopes")
    rule_sources = _layered(base, extra, "rules")
    scope_names = set(scope_sources)
    scopes = {
        name: _parse_scope(name, source, Vocabulary(lexicon, scope_names, source.problem))
        for name, source in scope_sources.items()
    }
    rules = {
        rule_id: _parse_rule(source, Vocabulary(lexicon, scope_names, source.problem))
        for rule_id, source in rule_sources.items()
    }
    return RuleSet(
        rules=rules,
        lexicon=lexicon,
        scopes=scopes,
        paths=tuple(r.path for r in (*base, *extra)),
    )


def rule_files(paths: Sequence[Path]) -> list[Path]:
    """The YAML files a list of files and folders stands for, in a stable order."""
    return _yaml_files(paths)


def rule_set_stamp(overrides: Sequence[Path] = ()) -> tuple[tuple[Path, int, int], ...]:
    """Each file `load_rules(overrides=overrides)` reads, with its modification time and size:
    equal stamps mean an equal rule set."""
    files = _yaml_files([data_dir("rules"), *overrides])
    return tuple((path, *file_stamp(path)) for path in files)


# --- reading one file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _RawFile:
    """One rule file, parsed and schema-checked, with the YAML node tree for line numbers."""

    path: Path
    data: dict[str, Any]
    root: yaml.Node

    def line(self, where: Where) -> int:
        """The 1-based line of the value (or, for a mapping key, the key) at `where`."""
        node, line = self.root, self.root.start_mark.line
        for step in where:
            found = _child(node, step)
            if found is None:
                break
            key_node, node = found
            line = (key_node or node).start_mark.line
        return line + 1

    def problem(self, where: Where, message: str) -> RuleFileError:
        """The error for a problem at `where` in this file."""
        return _error(self.path, self.line(where), f"{_subject(self.data, where)}: {message}")


@dataclass(frozen=True)
class _Source:
    """A named entry (rule, scope or lexicon list) and the file and place it came from."""

    file: _RawFile
    where: Where
    value: Any

    def problem(self, where: Where, message: str) -> RuleFileError:
        return self.file.problem(where, message)


def _child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node, value node) of a mapping entry, or (None, item) of a sequence item."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return key_node, value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return None, node.value[step]
    return None


def _read_file(path: Path) -> _RawFile:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(path, "is not UTF-8 text.", "Save the rule file as UTF-8.") from None
    except OSError as exc:
        raise RuleFileError(path, f"cannot be read ({exc.strerror}).", _FIX) from None
    try:
        root, data = _compose_and_construct(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        detail = getattr(exc, "problem", None) or str(exc)
        raise _error(path, line, f"is not valid YAML: {detail}.") from None
    if root is None or not isinstance(data, dict):
        raise _error(path, 1, "is not a mapping; a rule file has lexicon, scopes and/or rules.")
    _refuse_duplicate_keys(path, root)
    raw = _RawFile(path=path, data=data, root=root)
    _check_schema(raw)
    return raw


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, object]:
    """Parse once into nodes (which keep line numbers) and build the data from those nodes."""
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


def _refuse_duplicate_keys(path: Path, node: yaml.Node) -> None:
    """PyYAML keeps the last of two equal keys; a rule author meant something by both."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                line = key_node.start_mark.line + 1
                raise _error(path, line, f"key '{key_node.value}' appears twice in one mapping.")
            seen.add(key_node.value)
            _refuse_duplicate_keys(path, value_node)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(path, item)


def _check_schema(raw: _RawFile) -> None:
    errors = sorted(_validator().iter_errors(raw.data), key=_document_order)
    if not errors:
        return
    error = errors[0]
    where = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        unknown = next(key for key in error.instance if key not in allowed)
        hint = did_you_mean(unknown, allowed) or f" Allowed keys: {', '.join(allowed)}."
        raise raw.problem((*where, unknown), f"unknown key '{unknown}'.{hint}")
    raise raw.problem(where, _schema_message(error, where))


def _schema_message(error: ValidationError, where: Where) -> str:
    key = f"'{_dotted(where)}' " if where else ""
    if error.validator == "required":
        missing = next(k for k in error.validator_value if k not in error.instance)
        return f"required key '{missing}' is missing."
    if error.validator == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        return f"{key}is {error.instance!r}; expected one of {allowed}."
    if error.validator == "pattern" and where and where[-1] == "id":
        return f"id {error.instance!r} is not kebab-case (lower-case words joined by '-')."
    return f"{key}is not valid: {error.message}."


def _subject(data: Mapping[str, Any], where: Where) -> str:
    """'rule tip-x' for anything inside a rule, 'scope x' inside a scope, else 'the file'."""
    if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
        rules = data.get("rules") or []
        rule = rules[where[1]] if where[1] < len(rules) else None
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        return f"rule {rule_id}" if isinstance(rule_id, str) else f"rule #{where[1] + 1}"
    if len(where) >= 2 and where[0] in ("scopes", "lexicon"):
        return f"{where[0][:-1] if where[0] == 'scopes' else 'lexicon entry'} {where[1]}"
    return "the file"


def _dotted(where: Where) -> str:
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _document_order(error: ValidationError) -> list[str]:
    return [f"{part:08d}" if isinstance(part, int) else part for part in error.absolute_path]


def _error(path: Path, line: int, problem: str) -> RuleFileError:
    error = RuleFileError(path, f"line {line}: {problem}", _FIX)
    error.line = line  # type: ignore[attr-defined]  # kept for tests and editors
    return error


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


# --- assembling a rule set ----------------------------------------------------------------------


def _yaml_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in (Path(p).resolve() for p in paths):
        if path.is_dir():
            files.extend(sorted(path.rglob("*.yaml")))
        elif path.is_file():
            files.append(path)
        else:
            raise RuleFileError(path, "does not exist.", "Give a rule file or a folder of them.")
    return list(dict.fromkeys(files))


def _read_all(paths: Iterable[Path]) -> list[_RawFile]:
    return [_read_unchanged(path, *file_stamp(path)) for path in paths]


@lru_cache(maxsize=256)
def _read_unchanged(path: Path, mtime_ns: int, size: int) -> _RawFile:
    """A file is parsed again only when it changed (tests and long runs load the rules often)."""
    return _read_file(path)


def _layered(base: list[_RawFile], extra: list[_RawFile], section: str) -> dict[str, _Source]:
    """Named entries of one section; `extra` replaces `base`, duplicates within a layer fail."""
    merged = _named(base, section)
    merged.update(_named(extra, section))
    return merged


def _named(files: list[_RawFile], section: str) -> dict[str, _Source]:
    entries: dict[str, _Source] = {}
    for raw in files:
        for where, name, value in _entries(raw.data, section):
            if name in entries:
                other = entries[name]
                raise raw.problem(
                    (*where, "id") if section == "rules" else where,
                    f"{section[:-1] if section != 'lexicon' else 'lexicon entry'} '{name}' is "
                    f"already defined in {other.file.path} (line {other.file.line(other.where)}).",
                )
            entries[name] = _Source(raw, where, value)
    return entries


def _entries(data: dict[str, Any], section: str) -> Iterable[tuple[Where, str, Any]]:
    if section == "rules":
        for index, rule in enumerate(data.get("rules", ())):
            yield ("rules", index), rule["id"], rule
    else:
        for name, value in data.get(section, {}).items():
            yield (section, name), name, value


def _resolve_lexicon(sources: Mapping[str, _Source]) -> dict[str, tuple[str, ...]]:
    """Every lexicon entry with the `@name` references inside it expanded (cycles refused)."""
    resolved: dict[str, tuple[str, ...]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> tuple[str, ...]:
        if name in resolved:
            return resolved[name]
        source = sources[name]
        phrases: list[str] = []
        for index, entry in enumerate(source.value):
            if not entry.startswith("@"):
                phrases.append(entry)
                continue
            target = entry[1:]
            if target not in sources:
                hint = did_you_mean(target, sources, "@")
                raise source.problem((*source.where, index), f"unknown entry '{entry}'.{hint}")
            if target in chain:
                raise source.problem((*source.where, index), f"'{entry}' refers back to itself.")
            phrases.extend(resolve(target, (*chain, target)))
        resolved[name] = tuple(dict.fromkeys(phrases))
        return resolved[name]

    for name in sources:
        resolve(name, (name,))
    return resolved


def _parse_scope(name: str, source: _Source, vocabulary: Vocabulary) -> ScopeDef:
    data, where = source.value, source.where
    if "when" not in data and "statute_kinds" not in data:
        raise source.problem(where, "a scope needs 'when', 'statute_kinds' or both.")
    return ScopeDef(
        name=name,
        description=data["description"],
        path=source.file.path,
        line=source.file.line(where),
        statute_kinds=tuple(data.get("statute_kinds", ())),
        when=parse_condition(data["when"], (*where, "when"), vocabulary)
        if "when" in data
        else None,
        include_context=bool(data.get("include_context", False)),
    )


def _parse_rule(source: _Source, vocabulary: Vocabulary) -> Rule:
    data, where = source.value, source.where
    if "evidence" not in data:
        raise source.problem(where, "required key 'evidence' is missing.")
    vocabulary.check_scope(data["scope"], (*where, "scope"))
    return Rule(
        id=data["id"],
        element=data["element"],
        scope=data["scope"],
        looks_for=data["looks_for"],
        evidence=_clauses(source, "evidence", vocabulary),
        contradiction=_clauses(source, "contradiction", vocabulary),
        partial=_clauses(source, "partial", vocabulary),
        judge=data.get("judge"),
        recommendation=data.get("recommendation"),
        examples=_examples(source),
        path=source.file.path,
        line=source.file.line(where),
    )


def _clauses(source: _Source, section: str, vocabulary: Vocabulary) -> tuple[Clause, ...]:
    clauses = []
    for index, data in enumerate(source.value.get(section, ())):
        where = (*source.where, section, index)
        if section != "partial" and "mode" in data:
            raise source.problem((*where, "mode"), "'mode' applies to partial clauses only.")
        if section != "evidence" and "reason" not in data:
            raise source.problem(where, f"a {section} clause needs a 'reason' for the reader.")
        clauses.append(
            Clause(
                when=parse_condition(data["when"], (*where, "when"), vocabulary),
                unless=(
                    parse_condition(data["unless"], (*where, "unless"), vocabulary)
                    if "unless" in data
                    else None
                ),
                reason=data.get("reason", ""),
                flag=data.get("flag"),
                severity=data.get("severity"),
                mode=data.get("mode", "narrows" if section == "partial" else ""),
                line=source.file.line(where),
            )
        )
    return tuple(clauses)


def _examples(source: _Source) -> tuple[Example, ...]:
    examples = tuple(
        _example(source, (*source.where, "examples", index), data)
        for index, data in enumerate(source.value["examples"])
    )
    positives = sum(example.positive for example in examples)
    counts = (
        (positives, "must be met (match)"),
        (len(examples) - positives, "are near misses (no_match, or text with expect)"),
    )
    for count, kind in counts:
        if count < MIN_EXAMPLES:
            raise source.problem(
                (*source.where, "examples"),
                f"has {count} example(s) that {kind}; write at least {MIN_EXAMPLES}, in "
                "different drafting styles (Commonwealth, US, civil-law translation).",
            )
    return examples


def _example(source: _Source, where: Where, data: dict[str, Any]) -> Example:
    given = [key for key in ("match", "no_match", "text") if key in data]
    if len(given) != 1:
        raise source.problem(where, "an example needs exactly one of match, no_match or text.")
    if ("expect" in data) != (given[0] == "text"):
        raise source.problem(where, "'expect' goes with 'text' (and only with it).")
    expect = {"match": "met", "no_match": "missing"}.get(given[0]) or data["expect"]
    return Example(
        text=data[given[0]],
        expect=expect,
        line=source.file.line(where),
        style=data.get("style"),
        kind=data.get("kind", "tip"),
        flags=tuple(data.get("flags", ())),
        case=data.get("case"),
    )
