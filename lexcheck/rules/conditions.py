"""Conditions: the small language a rule uses to say which words, together, count.

A condition is a tree. Its leaves look at words (`terms`, `pattern`) or at where a provision sits
(`in_scope`) or at the verdict on other elements (`gap_in`); its inner nodes combine them
(`all`, `any`, `none`) inside a stretch of text (`within`: one sentence, one provision, or one
offence read together with the definitions and provisions it relies on). Rule files are turned
into these trees once, when loaded (`parse_condition`); the compiler then registers every leaf
that looks at words with spaCy, and the matcher evaluates the trees against a statute.

The semantics, in one place so that the loader's documentation and the matcher agree:

* `terms`: any of the phrases occurs. Phrases match every inflection (lemma) unless `exact`;
  `negated: true` keeps only occurrences preceded, in the same sentence and within a few words, by
  a negation ("not", "no", "never", "without" ...); `negated: false` keeps only the others;
  `exclude_within` drops occurrences that are part of a longer phrase ("slavery" inside "practices
  similar to slavery").
* `pattern`: a spaCy token pattern (attributes LOWER, LEMMA, ORTH, LIKE_NUM ...; never POS, DEP,
  MORPH, TAG or ENT_TYPE, which need a trained pipeline lexcheck does not have).
* `all` / `any` / `none`: every one of `all`, at least one of `any` (when given) and none of
  `none` hold, all inside the same stretch of text.
* `within`: the stretch those children must share; finer than the surrounding stretch means "in
  some sentence of it", coarser means "in the provision or offence around it". From an offence,
  `provision` is the offence's own provision, without the definitions read into it.
* `in_scope: NAME`: the provision is one of the provisions that define the named scope (an
  offence provision for `offence`), not merely one pulled in as context.
* `refers_to: NAME`: the provision cites one that defines the named scope (a penalty section:
  "a person guilty of an offence under section 2").
* `gap_in: [ids]`: at least one of these elements (`tip.purpose.*` for a group) is a gap in the
  framework; rules using it are judged after the elements they name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

from lexcheck.structure.model import STATUTE_KINDS

WITHIN_LEVELS = ("sentence", "provision", "offence")
"""From the narrowest stretch of text to the widest."""

MODEL_ATTRIBUTES = ("POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID")
"""Token attributes that only a trained spaCy pipeline sets; on a blank one they raise E155 or,
worse (ENT_TYPE), silently match nothing."""

BUILTIN_SCOPES = ("framework", *(f"statute-kind:{kind}" for kind in STATUTE_KINDS))
"""Scopes every rule set has: the whole framework, and every provision of statutes of one kind."""

_LEAF_KEYS = ("terms", "pattern", "in_scope", "refers_to", "gap_in")
_GROUP_KEYS = ("all", "any", "none")
_TERM_OPTIONS = ("exact", "negated", "exclude_within")


@dataclass(frozen=True)
class Terms:
    """Literal phrases; all of them, across all rules, go into one spaCy PhraseMatcher."""

    phrases: tuple[str, ...]
    exact: bool = False
    negated: bool | None = None
    exclude_within: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenPattern:
    """A spaCy Matcher token pattern, kept as canonical JSON so that the node stays hashable."""

    source: str

    @property
    def tokens(self) -> list[dict[str, Any]]:
        return json.loads(self.source)


@dataclass(frozen=True)
class Group:
    """all / any / none of the children, inside the same stretch of text."""

    all: tuple[Condition, ...] = ()
    any: tuple[Condition, ...] = ()
    none: tuple[Condition, ...] = ()
    within: str | None = None


@dataclass(frozen=True)
class InScope:
    """The provision defines the named scope (is one of its own members, not context)."""

    name: str


@dataclass(frozen=True)
class RefersTo:
    """The provision cites a provision that defines the named scope."""

    name: str


@dataclass(frozen=True)
class GapIn:
    """At least one of the named elements is partial, missing or in conflict."""

    elements: tuple[str, ...]

    def covers(self, element_id: str) -> bool:
        """Whether `element_id` is one of the ids (or under one of the `x.*` groups) named here."""
        return any(
            element_id.startswith(name[:-1]) if name.endswith(".*") else element_id == name
            for name in self.elements
        )


Condition = Terms | TokenPattern | Group | InScope | RefersTo | GapIn

Problem = Callable[[tuple[str | int, ...], str], Exception]
"""Builds the error for a problem at a place in the file: (path of keys, message) -> exception."""


@dataclass(frozen=True)
class Vocabulary:
    """The names a condition may use: lexicon entries (as `@name`) and scopes (in `in_scope`)."""

    lexicon: Mapping[str, tuple[str, ...]]
    scopes: Collection[str]
    problem: Problem

    def check_scope(self, name: str, where: tuple[str | int, ...]) -> str:
        """`name` if it is a defined or built-in scope, else the error naming the closest one."""
        if name in self.scopes or name in BUILTIN_SCOPES:
            return name
        known = [*self.scopes, *BUILTIN_SCOPES]
        raise self.problem(where, f"unknown scope '{name}'.{did_you_mean(name, known)}")


def parse_condition(
    data: Mapping[str, Any], where: tuple[str | int, ...], vocabulary: Vocabulary
) -> Condition:
    """Turn one condition of a rule file (already schema-checked) into its tree.

    `@name` entries of a term list are replaced by the lexicon's phrases; the vocabulary's
    `problem` builds the error raised for anything the schema cannot see (two kinds of condition
    in one mapping, term options without terms, an unknown lexicon entry or scope, a model-only
    token attribute).
    """
    problem = vocabulary.problem
    kinds = [key for key in (*_LEAF_KEYS, "group") if _has_kind(data, key)]
    if len(kinds) != 1:
        found = ", ".join(key for key in data if key in (*_LEAF_KEYS, *_GROUP_KEYS)) or "none"
        raise problem(
            where,
            "a condition needs exactly one of terms, pattern, in_scope, refers_to, gap_in or "
            "all/any/none "
            f"(found: {found}).",
        )
    stray = [key for key in _TERM_OPTIONS if key in data and kinds[0] != "terms"]
    if stray:
        raise problem(where, f"'{stray[0]}' only applies to a 'terms' condition.")
    node = _parse_kind(kinds[0], data, where, vocabulary)
    within = data.get("within")
    if within and not isinstance(node, Group):
        return Group(all=(node,), within=within)
    return node


def _has_kind(data: Mapping[str, Any], kind: str) -> bool:
    if kind == "group":
        return any(key in data for key in _GROUP_KEYS)
    return kind in data


def _parse_kind(
    kind: str, data: Mapping[str, Any], where: tuple[str | int, ...], vocabulary: Vocabulary
) -> Condition:
    if kind == "terms":
        return Terms(
            phrases=expand_phrases(data["terms"], (*where, "terms"), vocabulary),
            exact=bool(data.get("exact", False)),
            negated=data.get("negated"),
            exclude_within=expand_phrases(
                data.get("exclude_within", ()), (*where, "exclude_within"), vocabulary
            ),
        )
    if kind == "pattern":
        return _parse_pattern(data["pattern"], (*where, "pattern"), vocabulary.problem)
    if kind == "in_scope":
        return InScope(vocabulary.check_scope(data["in_scope"], (*where, "in_scope")))
    if kind == "refers_to":
        return RefersTo(vocabulary.check_scope(data["refers_to"], (*where, "refers_to")))
    if kind == "gap_in":
        return GapIn(tuple(data["gap_in"]))
    return Group(
        **{
            key: tuple(
                parse_condition(child, (*where, key, index), vocabulary)
                for index, child in enumerate(data.get(key, ()))
            )
            for key in _GROUP_KEYS
        },
        within=data.get("within"),
    )


def _parse_pattern(
    tokens: Sequence[Mapping[str, Any]], where: tuple[str | int, ...], problem: Problem
) -> TokenPattern:
    for index, token in enumerate(tokens):
        for attribute in token:
            if attribute in MODEL_ATTRIBUTES:
                raise problem(
                    (*where, index, attribute),
                    f"token attribute {attribute} needs a trained spaCy pipeline, and no trained "
                    "model is configured: lexcheck runs a blank English pipeline with a lookup "
                    "lemmatizer. Use LOWER, LEMMA, ORTH, LIKE_NUM or IS_PUNCT instead.",
                )
    return TokenPattern(json.dumps(list(tokens), sort_keys=True))


def expand_phrases(
    entries: Sequence[str], where: tuple[str | int, ...], vocabulary: Vocabulary
) -> tuple[str, ...]:
    """The phrases of a term list, with every `@name` replaced by that lexicon entry."""
    phrases: list[str] = []
    for index, entry in enumerate(entries):
        if not entry.startswith("@"):
            phrases.append(entry)
            continue
        name = entry[1:]
        if name not in vocabulary.lexicon:
            hint = did_you_mean(name, vocabulary.lexicon, "@")
            raise vocabulary.problem((*where, index), f"unknown lexicon entry '{entry}'.{hint}")
        phrases.extend(vocabulary.lexicon[name])
    return tuple(dict.fromkeys(phrases))


def did_you_mean(word: str, known: Sequence[str] | Mapping[str, Any], prefix: str = "") -> str:
    """The hint ` Did you mean 'x'?` when a close spelling exists, else an empty string."""
    close = get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" Did you mean '{prefix}{close[0]}'?" if close else ""


def walk(condition: Condition) -> Iterator[Condition]:
    """Every node of a condition tree, the root first."""
    yield condition
    if isinstance(condition, Group):
        for child in (*condition.all, *condition.any, *condition.none):
            yield from walk(child)
