"""Reflow printed lines into the Document text convention: one logical line per printed block.

Whether the next printed line N starts a new block after line P is decided from the page, not from
the words alone, because "(2) of section 4 applies" may begin a wrapped line:

* P ended early (N's first word would have fit after it), the vertical gap is paragraph-sized,
  or the type changes (a wholly bold heading, another size) -> new block;
* N starts with a provision marker ("5.", "(a)", "PART II") and P ended a clause (. ; : —) ->
  new block; if P ran to the right margin without ending a clause, N continues it;
* N starts left of the block's wrapped lines -> new block;
* otherwise N continues P, unless P ended a sentence and N's indentation breaks the block's.

Words hyphenated across lines are joined when the joined word is attested elsewhere in the
document, or when the two halves are not both words; compounds ("self-employed") keep the hyphen.

Marginal notes are grouped (consecutive margin lines, a new note at a gap or beside a new
section) and anchored to the body line on their first baseline.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from lexcheck.ingest.document import MarginalNote, Segment
from lexcheck.ingest.pdf_layout import Line

PARAGRAPH_GAP = 1.15
"""A baseline-to-baseline step this many times the usual one separates paragraphs."""

INDENT_EM = 0.4
"""Lines starting more than 0.4 em apart are indented differently."""
NOTE_GAP_EM = 0.9
"""A gap this much wider than the type size (em) between margin lines separates two notes."""
SIZE_CHANGE = 0.1
"""Type sizes more than 10 % apart are a change of type (a heading)."""
HYPHEN_PREFIXES = frozenset({"self", "anti", "co", "non", "quasi", "cross", "counter"})
"""Prefixes that keep their hyphen at a line break unless the document spells the word solid."""
ABBREVIATION = re.compile(
    r"^(no|nos|sec|secs|s|ss|art|arts|cap|para|paras|cl|vol|p|pp|ch|sch|reg|regs|r|rr|mr|mrs|dr|"
    r"hon|st|viz)\.$",
    re.IGNORECASE,
)
"""A line ending "No." or "Cap." has not ended a clause: "Act No." / "8042. It shall" continues."""

PROVISION = re.compile(
    r"""^(
        \(\s*[0-9]+[A-Za-z]{0,3}\s*\)
      | \(\s*[a-z]{1,3}\s*\)
      | \(\s*[A-Z]\s*\)
      | [0-9]+[A-Z]{0,3}\.(?=\s|$|\(|[A-Z“"])
      | §+\s*[0-9]
      | (PART|CHAPTER|TITLE|DIVISION|BOOK|Part|Chapter)\s+[0-9IVXLCDM]+\b
      | (SECTION|Section|SEC\.|Sec\.|ARTICLE|Article|Art\.)\s*[0-9]+[A-Z]?\b
      | ([A-Z]+\s+)?SCHEDULE\b
      | Explanation\b | Illustrations?\b
    )""",
    re.VERBOSE,
)
SECTION_START = re.compile(
    r"^([0-9]+[A-Z]{0,3}\.|§|SECTION\b|Section\b|SEC\.|Sec\.|ARTICLE\b|Article\b)"
)
_OPENING_QUOTE = re.compile(r"^[\"“‘']")
_CLAUSE_END = re.compile(r"([.;:—–]|[.;:][\"”’')\]]|;\s*(or|and))$")
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@dataclass(frozen=True)
class Reflowed:
    """The body text, its page map and the marginal notes anchored into it."""

    text: str
    segments: list[Segment]
    notes: list[MarginalNote]


def reflow(lines: Sequence[Line], notes: Sequence[Line]) -> Reflowed:
    """Join body lines into blocks and anchor the marginal notes to the text they stand beside."""
    frame = Frame.of(lines)
    pitches = _usual_pitch(lines, frame)
    vocabulary = Vocabulary.of(list(lines) + list(notes))
    parts: list[str] = []
    segments: list[Segment] = []
    starts: dict[int, int] = {}
    offset = 0
    block: list[Line] = []
    for line in lines:
        if block:
            joint = _joint(block, line, frame, pitches, vocabulary)
            parts.append(joint.separator)
            offset += len(joint.separator)
            if joint.drop_hyphen:
                parts[-2] = parts[-2][:-1]
                offset -= 1
                segments[-1] = _shorten(segments[-1])
            if joint.separator == "\n":
                block = []
        starts[id(line)] = offset
        parts.append(line.text)
        segments.append(Segment(offset, offset + len(line.text), line.page, line.bbox))
        offset += len(line.text)
        block.append(line)
    text = "".join(parts)
    return Reflowed(text, segments, _marginal_notes(notes, lines, starts, vocabulary, len(text)))


def _shorten(segment: Segment) -> Segment:
    """The segment without the hyphen that a join removed from its end."""
    return Segment(segment.start, segment.end - 1, segment.page, segment.bbox, segment.line)


@dataclass(frozen=True)
class Joint:
    """How the next line attaches: "\n" (new block), " " (wrapped), "" (hyphen or dash)."""

    separator: str
    drop_hyphen: bool = False


class Vocabulary:
    """The document's own words, to tell a line-break hyphen from a compound's hyphen."""

    def __init__(self, words: Counter[str], compounds: set[str]) -> None:
        self.words = words
        self.compounds = compounds

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Vocabulary:
        """Count every word not cut by a line-end hyphen, and every in-line hyphenated compound."""
        words: Counter[str] = Counter()
        compounds: set[str] = set()
        after_hyphen = False
        for line in lines:
            tokens = _WORD.findall(line.text.lower())
            if after_hyphen and tokens:
                tokens = tokens[1:]
            after_hyphen = _ends_with_hyphen(line.text)
            if after_hyphen and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                if "-" in token:
                    compounds.add(token)
                    words.update(token.split("-"))
                else:
                    words[token] += 1
        return cls(words, compounds)

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        """Whether "head-" + "tail" at a line break is a hyphenated compound, not a split word."""
        head, tail = head.lower(), tail.lower()
        if f"{head}-{tail}" in self.compounds:
            return True
        if self.words[head + tail]:
            return False
        if head in HYPHEN_PREFIXES or not re.search(r"[aeiouy]", tail):
            return True
        return len(head) > 2 and len(tail) > 2 and bool(self.words[head] and self.words[tail])


def _ends_with_hyphen(text: str) -> bool:
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


@dataclass(frozen=True)
class Frame:
    """Each column's left and right edges, odd and even pages apart (mirrored margins)."""

    lefts: dict[tuple[int, int], float]
    rights: dict[tuple[int, int], float]

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Frame:
        """Edges from a low and a high percentile of where the column's lines start and end."""
        starts: dict[tuple[int, int], list[float]] = defaultdict(list)
        ends: dict[tuple[int, int], list[float]] = defaultdict(list)
        for line in lines:
            starts[_slot(line)].append(line.x0)
            ends[_slot(line)].append(line.x1)
        return cls(
            {slot: _percentile(values, 0.05) for slot, values in starts.items()},
            {slot: _percentile(values, 0.95) for slot, values in ends.items()},
        )

    def indent(self, line: Line) -> float:
        """How far the line starts from its column's left edge."""
        return line.x0 - self.lefts[_slot(line)]

    def room(self, line: Line) -> float:
        """The space left between the line's end and its column's right edge."""
        return self.rights[_slot(line)] - line.x1


def _slot(line: Line) -> tuple[int, int]:
    return (line.page % 2, line.column)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def _usual_pitch(lines: Sequence[Line], frame: Frame) -> dict[float, float]:
    """The usual baseline step inside a paragraph, per font size: the most common step after lines
    that run to the right margin (so certainly wrapped), within one column of one page."""
    steps: dict[float, list[float]] = defaultdict(list)
    for prev, line in itertools.pairwise(lines):
        if (prev.page, prev.column) != (line.page, line.column) or abs(prev.size - line.size) > 0.2:
            continue
        step = line.baseline - prev.baseline
        wrapped = frame.room(prev) <= 2.0
        if wrapped and 0.8 * line.size <= step <= 3 * line.size:
            steps[round(line.size)].append(round(step * 2) / 2)
    return {size: statistics.mode(values) for size, values in steps.items()}


def _joint(
    block: list[Line], line: Line, frame: Frame, pitches: dict[float, float], vocabulary: Vocabulary
) -> Joint:
    """Decide whether `line` continues the block (and how) or starts a new one."""
    prev = block[-1]
    if _starts_block(block, line, frame, pitches):
        return Joint("\n")
    if _ends_with_hyphen(prev.text):
        if line.text.startswith("-"):
            return Joint("", drop_hyphen=True)
        if _hyphen_join(prev.text, line.text):
            return Joint("", drop_hyphen=not _keeps_hyphen(prev.text, line.text, vocabulary))
        if line.text[:1].isupper():
            return Joint("")
    if prev.text.endswith("—") and not prev.text.endswith(" —"):
        return Joint("")
    return Joint(" ")


def _keeps_hyphen(prev: str, text: str, vocabulary: Vocabulary) -> bool:
    """Whether the hyphen ending `prev` belongs to a compound that `text` completes."""
    heads = _WORD.findall(prev)
    tail = _WORD.match(text)
    return vocabulary.keeps_hyphen(heads[-1] if heads else "", tail.group(0) if tail else "")


def _hyphen_join(prev: str, text: str) -> bool:
    """A line-end hyphen before a lower-case word, or between two upper-case halves of a heading."""
    if not text or not text[0].isalpha():
        return False
    if text[0].islower():
        return True
    head = _WORD.findall(prev)
    return bool(head) and head[-1].isupper() and text.split()[0].rstrip(",.;:").isupper()


def _starts_block(block: list[Line], line: Line, frame: Frame, pitches: dict[float, float]) -> bool:
    """The geometric and typographic evidence that `line` opens a new printed block."""
    prev = block[-1]
    if _type_changes(prev, line):
        return True
    if _paragraph_gap(prev, line, pitches) or _ended_early(prev, line, frame):
        return True
    if _outdented(block, line, frame):
        return True
    clause_end = ends_clause(prev.text)
    if PROVISION.match(line.text) or _OPENING_QUOTE.match(line.text):
        return clause_end
    return clause_end and _indent_breaks(block, line, frame)


def ends_clause(text: str) -> bool:
    """The line ends a sentence or clause (. ; : —), and not with an abbreviation such as "No."."""
    return bool(_CLAUSE_END.search(text)) and not ABBREVIATION.match(text.rsplit(None, 1)[-1])


def _type_changes(prev: Line, line: Line) -> bool:
    """Another size, or bold switching on or off (a bold heading may run into a plain line)."""
    if abs(prev.size - line.size) > SIZE_CHANGE * max(prev.size, line.size):
        return True
    if prev.bold and not line.bold:
        return not line.first_bold
    return line.bold and not prev.bold


def _paragraph_gap(prev: Line, line: Line, pitches: dict[float, float]) -> bool:
    """A wider than usual step down between two lines of the same column."""
    if (prev.page, prev.column) != (line.page, line.column):
        return False
    step = line.baseline - prev.baseline
    if step <= 0:
        return True
    usual = pitches.get(round(line.size))
    return usual is not None and step > PARAGRAPH_GAP * usual


def _ended_early(prev: Line, line: Line, frame: Frame) -> bool:
    """The next line's first word would have fit on the previous line, so it ended on purpose."""
    return frame.room(prev) + 1.0 >= line.first_width + 0.25 * prev.size


def _outdented(block: list[Line], line: Line, frame: Frame) -> bool:
    """A line starting left of the block's wrapped lines is not one of them ("(b) ..., " then
    "commits an offence." under the whole list)."""
    tolerance = max(2.0, INDENT_EM * line.size)
    return len(block) >= 2 and frame.indent(line) < frame.indent(block[1]) - tolerance


def _indent_breaks(block: list[Line], line: Line, frame: Frame) -> bool:
    """After a full sentence, a line indented unlike the block's wrapped lines starts a paragraph
    (a line set under the text after an opening "(a)", a hanging indent, continues it).

    Indents are measured from each line's own column edge, so a block running from the foot of
    one column to the head of the next compares like with like."""
    tolerance = max(2.0, INDENT_EM * line.size)
    indent = frame.indent(line)
    if len(block) >= 2:
        return abs(indent - frame.indent(block[1])) > tolerance
    first = block[0]
    hanging = first.second_x0 if PROVISION.match(first.text) else None
    if hanging is not None and abs(line.x0 - hanging) <= tolerance:
        return False
    return indent > frame.indent(first) + tolerance


def _marginal_notes(
    notes: Sequence[Line],
    body: Sequence[Line],
    starts: dict[int, int],
    vocabulary: Vocabulary,
    end: int,
) -> list[MarginalNote]:
    """Group margin lines into notes and anchor each to the body line it stands beside."""
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in body:
        by_page[line.page].append(line)
    result = []
    for group in _note_groups(notes, by_page):
        first = group[0]
        anchor = _anchor(first, by_page, body, starts, end)
        text = _join_note(group, vocabulary)
        bbox = (min(n.x0 for n in group), first.top, max(n.x1 for n in group), group[-1].bottom)
        result.append(MarginalNote(text=text, page=first.page, anchor=anchor, bbox=bbox))
    return result


def _note_groups(notes: Sequence[Line], by_page: dict[int, list[Line]]) -> list[list[Line]]:
    """Consecutive margin lines belong to one note unless a gap or a new section separates them."""
    groups: list[list[Line]] = []
    for note in sorted(notes, key=lambda n: (n.page, n.column, n.top)):
        prev = groups[-1][-1] if groups else None
        opens = (
            prev is None
            or (prev.page, prev.column) != (note.page, note.column)
            or note.top - prev.bottom > NOTE_GAP_EM * note.size
            or _beside_section_start(note, by_page.get(note.page, []))
        )
        if opens:
            groups.append([note])
        else:
            groups[-1].append(note)
    return groups


def _beside_section_start(note: Line, body: Sequence[Line]) -> bool:
    """The note line shares its baseline with a body line that opens a section ("5.", "Section 5")."""
    return any(
        abs(line.baseline - note.baseline) <= 0.5 * note.size and SECTION_START.match(line.text)
        for line in body
    )


def _anchor(
    note: Line,
    by_page: dict[int, list[Line]],
    body: Sequence[Line],
    starts: dict[int, int],
    end: int,
) -> int:
    """The offset of the body line on the note's first baseline (or the nearest one)."""
    page_lines = by_page.get(note.page)
    if page_lines:
        nearest = min(page_lines, key=lambda line: (abs(line.baseline - note.baseline), line.top))
        return starts[id(nearest)]
    later = next((line for line in body if line.page > note.page), None)
    return starts[id(later)] if later is not None else end


def _join_note(group: Sequence[Line], vocabulary: Vocabulary) -> str:
    """A multi-line note as one line, with line-break hyphens resolved like the body's."""
    text = group[0].text
    for line in group[1:]:
        if _ends_with_hyphen(text) and _hyphen_join(text, line.text):
            keep = _keeps_hyphen(text, line.text, vocabulary)
            text = (text if keep else text[:-1]) + line.text
        else:
            text += " " + line.text
    return text
