"""The spaCy pipeline and the sentence splitter the rules run on.

spaCy runs as a blank English pipeline with the lookup lemmatizer, built once per process
(`pipeline()`: 0.36 s measured, of which 0.13 s would be saved by shipping a saved pipeline;
not worth a binary artefact in the package while spacy-lookups-data is a dependency anyway).

Texts are lower-cased before tokenizing, keeping every offset: the lookup lemmatizer is
case-sensitive ("Harbours" stays "Harbours"), and statute headings are often in capitals. So the
LEMMA attribute is a lemma of the lower-cased word, and LOWER equals ORTH.

Sentences come from our own splitter, not spaCy's (a blank pipeline has no parser, and the
rule-based sentencizer splits at every ";" of an offence's list of paragraphs). A statute sentence
is what ends with a full stop: "A person who— (a) recruits ...; (b) transports ..., commits an
offence." is ONE sentence, because the chapeau, the paragraphs and the wrap-up only mean
something together. A heading line ("3. Trafficking in persons") is a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "without", "cannot", "n't", "none"})
"""Words that, shortly before a term, negate it ("not being a child", "shall not be a defence")."""

NEGATION_WINDOW = 5
"""How many tokens before a term a negation may stand and still negate it (NegEx-style)."""

CLAUSE_NEGATIONS = frozenset({"no", "nothing", "neither", "none"})
"""Words that negate a whole clause they open: "No consent of the victim shall be a defence"."""

_SPACES = re.compile(r"\s+")
Context = TypeVar("Context")
_CLAUSE_BREAKS = frozenset({";", ":", "—", "–"})
_CLAUSE_JOINS = frozenset({"and", "or", "but"})

_ABBREVIATIONS = frozenset(
    {
        *("no", "nos", "s", "ss", "sec", "secs", "art", "arts", "cap", "para", "paras", "subs"),
        *("sub", "ch", "pt", "sch", "reg", "regs", "r", "rr", "e.g", "i.e", "etc", "mr", "mrs"),
        *("ms", "dr", "st", "co", "ltd", "v", "vs", "cf", "viz", "p", "pp", "vol", "ibid", "op"),
        *("rep", "u.s.c"),
    }
)
_SENTENCE_END = re.compile(r"[.?!][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9(])")
_LINE = re.compile(r"[^\n]*\n?")
_HEADING_START = re.compile(
    r"^\s*(?:§+\s*\d+[A-Za-z]*\.?|\d+[A-Za-z]*\.|(?:SECTION|SEC\.|Section|Sec\.|Article|ARTICLE"
    r"|Art\.|PART|Part|CHAPTER|Chapter|SCHEDULE|Schedule)\b)"
)
_CONTINUES = tuple(",;:—–-(")
_MAX_HEADING_WORDS = 12


@cache
def pipeline() -> Language:
    """spaCy's blank English pipeline with the lookup lemmatizer (built once per process)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lower_keep_offsets(text: str) -> str:
    """`text` lower-cased, never changing its length (a few characters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def make_docs(
    items: Iterable[tuple[str, Context]],
) -> Iterator[tuple[Doc, list[int], Context]]:
    """Tokenize and lemmatize each text, lower-cased and with each run of white space made one
    space, streamed through `nlp.pipe` (never `n_process`, which is 5-7x slower for a tokenizer
    and a lookup table): texts are prepared as spaCy asks for them, so neither the texts nor
    their Docs are ever all held at once.

    A line break inside a phrase ("for the\npurpose of") would otherwise be a token of its own
    and break every phrase across it. Yields each Doc with, for each of its characters (plus one
    past the end), the offset of that character in the original text, and the context the text
    came with.
    """
    for doc, (positions, context) in pipeline().pipe(_prepared(items), as_tuples=True):
        yield doc, positions, context


def _prepared(
    items: Iterable[tuple[str, Context]],
) -> Iterator[tuple[str, tuple[list[int], Context]]]:
    """Each text collapsed, with its offset map and context riding along as spaCy's context."""
    for text, context in items:
        collapsed, positions = _collapse_spaces(text)
        yield collapsed, (positions, context)


def _collapse_spaces(text: str) -> tuple[str, list[int]]:
    lowered = lower_keep_offsets(text)
    pieces: list[str] = []
    positions: list[int] = []
    cursor = 0
    for match in _SPACES.finditer(lowered):
        start, end = match.span()
        pieces.append(lowered[cursor:start])
        positions.extend(range(cursor, start))
        if start > 0 and end < len(lowered):  # leading and trailing white space is dropped
            pieces.append(" ")
            positions.append(start)
        cursor = end
    pieces.append(lowered[cursor:])
    positions.extend(range(cursor, len(lowered)))
    positions.append(len(text))
    return "".join(pieces), positions


class Negations:
    """Which tokens of a text are negated, worked out once per text (NegEx-style).

    A token is negated when a negation stands a few tokens before it in the same clause ("shall
    NOT be a defence", "NOT being a child"), or when its clause opens with "No" ("NO consent of
    the victim shall be a defence"). Clauses end at a sentence end, ";", ":", a dash, or a comma
    followed by "and", "or" or "but". `words` are the (lower-cased) tokens, `offsets` where each
    starts in the original text.
    """

    def __init__(self, words: list[str], offsets: list[int], sentence_starts: list[int]) -> None:
        self.words = words
        self.clause_start: list[int] = []
        self.opening_negates: list[bool] = []
        self._index_clauses(offsets, set(sentence_starts))

    def _index_clauses(self, offsets: list[int], sentence_starts: set[int]) -> None:
        start, opening = 0, None
        for index, word in enumerate(self.words):
            if offsets[index] in sentence_starts or (index and self._breaks_clause(index - 1)):
                start, opening = index, None
            if opening is None and word.isalpha() and not (index and self.words[index - 1] == "("):
                opening = word
            self.clause_start.append(start)
            self.opening_negates.append(opening in CLAUSE_NEGATIONS)

    def _breaks_clause(self, index: int) -> bool:
        word = self.words[index]
        if word in _CLAUSE_BREAKS:
            return True
        following = self.words[index + 1] if index + 1 < len(self.words) else ""
        return word == "," and following in _CLAUSE_JOINS

    def __call__(self, index: int) -> bool:
        window = self.words[max(self.clause_start[index], index - NEGATION_WINDOW) : index]
        if any(word in NEGATIONS for word in window):
            return True
        return index > self.clause_start[index] and self.opening_negates[index - 1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of a provision's text, blank stretches left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _boundaries(text):
        _add_span(spans, text, start, end)
        start = end
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    stripped = text[start:end]
    left = len(stripped) - len(stripped.lstrip())
    right = len(stripped.rstrip())
    if right > left:
        spans.append((start + left, start + right))


def _boundaries(text: str) -> list[int]:
    """Offsets where a new sentence starts: after a full stop, or after a heading line."""
    boundaries: list[int] = []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    for index, (offset, line) in enumerate(lines):
        boundaries.extend(offset + end for end in _inline_ends(line))
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if _ends_sentence(line) or _is_heading(line, following):
            boundaries.append(offset + len(line))
    return sorted(set(boundaries))


def _inline_ends(line: str) -> list[int]:
    ends = []
    for match in _SENTENCE_END.finditer(line):
        before = line[: match.start()].rstrip()
        word = before.rsplit(maxsplit=1)[-1] if before.split() else ""
        if _is_abbreviation(word, before):
            continue
        ends.append(match.end(1))
    return ends


def _is_abbreviation(word: str, before: str) -> bool:
    """A full stop after "No", "s", "U.S.C" or a section number ("3. Heading") ends nothing."""
    bare = word.strip("([\"'“").lower()
    return (
        bare in _ABBREVIATIONS
        or len(bare) == 1
        or "." in bare
        or (before.strip() == word and bool(re.fullmatch(r"\(?[0-9ivxlcA-Za-z]{1,6}\)?", word)))
    )


def _ends_sentence(line: str) -> bool:
    return line.rstrip().rstrip("\"'”’)]").endswith((".", "?", "!"))


def _is_heading(line: str, following: str) -> bool:
    """A short line with no closing punctuation, numbered or in capitals, above more text."""
    stripped = line.strip()
    if not stripped or not following.strip() or stripped.endswith(_CONTINUES):
        return False
    if len(stripped.split()) > _MAX_HEADING_WORDS or stripped.startswith("("):
        return False
    return bool(_HEADING_START.match(stripped)) or stripped.isupper()
