"""Compile a rule set into spaCy matchers, once, and run them over a text.

Every literal term list of every rule and scope goes into ONE PhraseMatcher on the lemma of the
lower-cased words, so "recruits", "recruited" and "Recruiting" all meet the phrase "recruit";
a term list marked `exact` is checked against the words as written afterwards, on the few matches
found, instead of needing a second matcher. Token patterns (few, by design: a Matcher's cost grows
with every pattern, a PhraseMatcher's does not) go into one Matcher.

Match keys are derived from the content (the same term list in ten rules is one key), so two rule
sets that share a lexicon share work. `scan()` returns, for one text, every occurrence of every
key with its sentence and whether it is negated; each Doc is dropped as soon as it is read, so
statutes are streamed provision by provision and never held in memory as Docs.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from lexcheck.errors import RuleFileError
from lexcheck.rules.conditions import Condition, Terms, TokenPattern, walk
from lexcheck.rules.nlp import Negations, make_docs, pipeline, sentence_spans
from lexcheck.rules.ruleset import RuleSet


@dataclass(frozen=True)
class Occurrence:
    """One match of a key in a text: character offsets, sentence number, negation, the words."""

    start: int
    end: int
    sentence: int
    negated: bool
    words: str


@dataclass
class Scan:
    """Everything the matchers found in one text, by key, and where its sentences are."""

    sentences: list[tuple[int, int]]
    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    _by_sentence: dict[str, dict[int, list[Occurrence]]] = field(
        default_factory=dict, init=False, repr=False
    )

    def in_sentence(self, key: str, sentence: int) -> list[Occurrence]:
        """The occurrences of `key` in one sentence (bucketed on first use)."""
        if key not in self._by_sentence:
            buckets: dict[int, list[Occurrence]] = defaultdict(list)
            for occurrence in self.occurrences.get(key, ()):
                buckets[occurrence.sentence].append(occurrence)
            self._by_sentence[key] = buckets
        return self._by_sentence[key].get(sentence, [])


@dataclass
class CompiledRules:
    """The rule set with its one PhraseMatcher and one Matcher, and the key of every leaf."""

    ruleset: RuleSet
    phrase_matcher: PhraseMatcher
    matcher: Matcher
    keys: dict[Terms | TokenPattern, str]

    def key(self, leaf: Terms | TokenPattern) -> str:
        return self.keys[leaf]

    def exclusion_key(self, leaf: Terms) -> str:
        return _phrase_key(leaf.exclude_within)

    def scan(self, texts: Iterable[tuple[str, int]]) -> Iterator[Scan]:
        """Run both matchers over each (text, offset); offsets in a Scan are shifted by `offset`.

        Texts are streamed through spaCy and each Doc is dropped once its matches are read."""
        with_context = ((text, (text, offset)) for text, offset in texts)
        for doc, positions, (text, offset) in make_docs(with_context):
            yield self._read(doc, positions, text, offset)

    def _read(self, doc: Doc, positions: list[int], text: str, offset: int) -> Scan:
        sentences = sentence_spans(text)
        starts = [start for start, _ in sentences]
        locate = _Offsets(doc, positions, starts, offset)
        negations = Negations(locate.words, locate.original_starts, starts)
        found: dict[str, list[Occurrence]] = defaultdict(list)
        token_matches = self.matcher(doc) if len(self.matcher) else []
        for match_id, start, end in [*self.phrase_matcher(doc), *token_matches]:
            key = doc.vocab.strings[match_id]
            found[key].append(locate.occurrence(start, end, negations(start)))
        return Scan(
            sentences=[(offset + s, offset + e) for s, e in sentences],
            occurrences={key: sorted(set(items), key=_order) for key, items in found.items()},
        )


class _Offsets:
    """Turns token matches of one Doc into Occurrences; the tokens are read once, not per match."""

    def __init__(self, doc: Doc, positions: list[int], starts: list[int], offset: int) -> None:
        self.text = doc.text
        tokens = [(token.idx, token.text) for token in doc]
        self.words = [word for _, word in tokens]
        self.token_starts = [idx for idx, _ in tokens]
        self.token_ends = [idx + len(word) for idx, word in tokens]
        self.original_starts = [positions[idx] for idx in self.token_starts]
        self.positions = positions
        self.sentence_starts = starts
        self.offset = offset

    def occurrence(self, start: int, end: int, negated: bool) -> Occurrence:
        """The match of tokens [start, end) as offsets into the original text (plus `offset`)."""
        first, last = self.token_starts[start], self.token_ends[end - 1]
        char_start = self.positions[first]
        char_end = self.positions[last - 1] + 1
        sentence = max(bisect.bisect_right(self.sentence_starts, char_start) - 1, 0)
        return Occurrence(
            self.offset + char_start,
            self.offset + char_end,
            sentence,
            negated,
            self.text[first:last],
        )


def compile_rules(ruleset: RuleSet) -> CompiledRules:
    """Register every term list and token pattern of the rule set with spaCy, once."""
    nlp = pipeline()
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    matcher = Matcher(nlp.vocab, validate=True)
    keys: dict[Terms | TokenPattern, str] = {}
    phrase_sets: dict[str, tuple[str, ...]] = {}
    for condition in _all_conditions(ruleset):
        for node in walk(condition):
            if isinstance(node, Terms):
                keys[node] = _phrase_key(node.phrases)
                phrase_sets[keys[node]] = node.phrases
                if node.exclude_within:
                    phrase_sets[_phrase_key(node.exclude_within)] = node.exclude_within
            elif isinstance(node, TokenPattern) and node not in keys:
                keys[node] = "P" + _digest(node.source)
                _add_pattern(ruleset, matcher, keys[node], node)
    for key, phrases in phrase_sets.items():
        phrase_matcher.add(key, list(nlp.pipe(phrase.lower() for phrase in phrases)))
    return CompiledRules(ruleset, phrase_matcher, matcher, keys)


def exact_words(leaf: Terms) -> frozenset[str]:
    """The phrases of an `exact` term list as the matcher's words will be compared to them."""
    return frozenset(_normalise(phrase) for phrase in leaf.phrases)


def _all_conditions(ruleset: RuleSet) -> list[Condition]:
    conditions = [s.when for s in ruleset.scopes.values() if s.when is not None]
    for rule in ruleset.rules.values():
        conditions.extend(rule.conditions())
    return conditions


def _add_pattern(ruleset: RuleSet, matcher: Matcher, key: str, node: TokenPattern) -> None:
    try:
        matcher.add(key, [node.tokens])
    except ValueError as exc:  # spaCy's own validation of the pattern
        owner = next(
            (r for r in ruleset.rules.values() if any(node in walk(c) for c in r.conditions())),
            None,
        )
        path = owner.path if owner else None
        where = f"rule {owner.id} (line {owner.line})" if owner else "a scope"
        raise RuleFileError(path, f"{where}: spaCy refused a token pattern: {exc}") from None


def _order(occurrence: Occurrence) -> tuple[int, int]:
    return occurrence.start, occurrence.end


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _phrase_key(phrases: tuple[str, ...]) -> str:
    return "T" + _digest(json.dumps(sorted(phrases)))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
