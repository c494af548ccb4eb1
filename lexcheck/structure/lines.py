"""Lines of a Document's text, with their offsets, and the small tests the parser asks of a line.

The ingesters promise one logical line per printed block (see `lexcheck.ingest.document`), so the
structure parser reads the text line by line. Every test here looks at one line's words, never at
page layout, which is what keeps the provision tree the same for a text file and its PDFs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One line of `Document.text`: `start` is the offset of its first non-space character."""

    index: int
    start: int
    text: str


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, stripped of surrounding spaces, with their offsets.

    >>> [(line.start, line.text) for line in split_lines("PART I\\n\\n  1. Short title ")]
    [(0, 'PART I'), (10, '1. Short title')]
    """
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(len(lines), offset + lead, stripped))
        offset += len(raw) + 1
    return lines


_MODAL_WORDS = re.compile(r"\b(?:shall|may|must|means|includes|include|hereby)\b", re.I)
_TRAILING_CONJUNCTION = re.compile(r"\b(?:and|or)$", re.I)
_GAP = re.compile(r"^(?:\[\[MISSING\b|\*\s*\*\s*\*|\.\s*\.\s*\.|…)")
_LIST_END = re.compile(r"(?:[;,.:—–―-]|\b(?:and|or))\s*$")
_INTRO_END = re.compile(r"(?:[:—–―]|:-|\s-)\s*$")


def is_title_like(text: str, max_words: int = 15) -> bool:
    """Whether `text` reads as a heading rather than a sentence of the statute.

    A heading starts with a capital, is short and does not end as a sentence part does ("; and",
    ",", a dash). One that ends with a full stop must be shorter still and have none of the modal
    verbs that make a statute's sentences ("shall", "may", "means").

    >>> is_title_like("Trafficking in persons")
    True
    >>> is_title_like("Forfeiture of conveyance, moveable property, etc.")
    True
    >>> is_title_like("Smuggled migrants who may be victims")
    True
    >>> is_title_like("The Minister may make regulations.")
    False
    >>> is_title_like("(c) the National Youth Service; and")
    False
    >>> is_title_like("Any offence under this Act committed—.")
    False
    """
    words = text.split()
    if not words or len(words) > max_words or not text[0].isupper():
        return False
    if text.rstrip(".")[-1:] in ";,:—–―-" or _TRAILING_CONJUNCTION.search(text):
        return False
    if not text.endswith(".") or text.isupper():
        return True
    return len(words) <= 10 and not _MODAL_WORDS.search(text)


def is_gap(text: str) -> bool:
    """Whether the line marks text left out of the source (so numbering may jump after it).

    >>> is_gap("[[MISSING: sections 3 to 140 - not extracted]]")
    True
    """
    return bool(_GAP.match(text))


def ends_list_item(text: str) -> bool:
    """Whether a line ends the way a list item does (";", ",", "; and", "or", ".", a dash).

    >>> ends_list_item("(b) abduction;")
    True
    >>> ends_list_item("(a) keeping a person in a state of")
    False
    """
    return bool(_LIST_END.search(text))


def introduces_list(text: str) -> bool:
    """Whether a line ends by announcing a list: "by means of—", "the following:".

    >>> introduces_list("(f) prescribing—")
    True
    >>> introduces_list("(h) sexual exploitation;")
    False
    """
    return bool(_INTRO_END.search(text))


def starts_lowercase(text: str) -> bool:
    """Whether the line opens with a lower-case word (it carries on a sentence begun above)."""
    return text[:1].islower()
