"""The `Document`: a statute's clean body text in reading order, and where every character came from.

Every ingester (PDF, text, DOCX, Akoma Ntoso) returns one. Later stages only ever see this object, so
a finding can always say "page 7" without knowing what the source format was.

Text conventions shared by all ingesters, so the structure parser needs no per-format logic:

* one logical line per printed block: a provision marker ("5.", "(1)", "(a)", "PART II") always
  starts a line, and lines wrapped by the typesetter are joined back with a single space;
* words hyphenated across a line end are joined again ("proceed-/ings" -> "proceedings"), real
  hyphens are kept ("self-employed");
* running headers and footers, page numbers, margin line numbers, footnotes and cover-page matter are
  not in `text`; they are kept in `furniture`, each with its page and the reason it was set aside;
* marginal notes (headings printed beside a section) are not in `text`; they are kept in
  `marginal_notes`, anchored to the body offset of the line they stand beside.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, top-left origin, as pdfplumber gives them."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of `Document.text` that comes from one place in the source.

    For a PDF a segment is one printed line fragment on one page, with its box; for the other
    formats it is a source line (or paragraph) and `bbox` is None. `line` is the 1-based line in the
    source file where that makes sense (text, Markdown), else None.
    """

    start: int
    end: int
    page: int
    bbox: BBox | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Furniture:
    """Printed text that is not part of the statute's body, kept with the reason it was set aside.

    `kind` is one of: running-header, running-footer, page-number, line-number, footnote, cover,
    masthead, other.
    """

    page: int
    text: str
    kind: str
    reason: str
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class MarginalNote:
    """A heading printed in the margin beside a section, detached from the body text.

    `anchor` is the offset in `Document.text` of the start of the body line the note stands beside;
    the structure parser makes the note the heading of the provision that starts at (or contains)
    that offset.
    """

    text: str
    page: int
    anchor: int
    bbox: BBox | None = None


@dataclass(frozen=True, slots=True)
class StructureHint:
    """A provision the source format already delimits (Akoma Ntoso), so no numbering grammar is needed.

    Offsets are into `Document.text`; `parent` is the eid of the enclosing hint or None.
    """

    eid: str
    kind: str
    num: str
    heading: str
    start: int
    end: int
    parent: str | None


@dataclass
class Document:
    """One source file as clean text plus the map from every character back to its source place."""

    path: Path
    format: str
    text: str
    segments: list[Segment]
    page_count: int
    sha256: str
    title_hint: str = ""
    furniture: list[Furniture] = field(default_factory=list)
    marginal_notes: list[MarginalNote] = field(default_factory=list)
    structure_hints: list[StructureHint] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.segments.sort(key=lambda s: s.start)
        self._starts = [s.start for s in self.segments]

    def segment_at(self, offset: int) -> Segment | None:
        """The segment that holds the character at `offset` (or the nearest one before it)."""
        if not self.segments:
            return None
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.segments[max(index, 0)]

    def page_at(self, offset: int) -> int:
        """The 1-based page the character at `offset` was printed on (1 for paginated-less input)."""
        segment = self.segment_at(offset)
        return segment.page if segment else 1

    def pages_between(self, start: int, end: int) -> list[int]:
        """Every page that holds part of the text between `start` and `end`, in order."""
        if not self.segments or end <= start:
            return [self.page_at(start)]
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = max(bisect.bisect_left(self._starts, end) - 1, first)
        return sorted({s.page for s in self.segments[first : last + 1]})

    def line_at(self, offset: int) -> int | None:
        """The 1-based source line of `offset`, where the source format has lines."""
        segment = self.segment_at(offset)
        if segment is None or segment.line is None:
            return None
        return segment.line + self.text.count("\n", segment.start, max(offset, segment.start))
