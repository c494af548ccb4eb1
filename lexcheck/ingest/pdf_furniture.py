"""Printed matter that is not the statute's text: found, set aside as `Furniture`, never dropped.

Each finder is one heuristic with its reason spelled out in the Furniture it returns:

* margin line numbers of draft bills: integers aligned in a margin, rising by a constant step;
* running headers and footers: rows in the top or bottom band whose text, digits ignored, repeats
  on half the pages (odd and even pages counted apart, for mirrored headers); page numbers;
* footnotes: small-print lines at the bottom of a page below a rule or opening with a mark;
* front and back matter: a gazette masthead before the Act's title, a table of contents, a
  printer's imprint.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lexcheck.ingest.document import Furniture
from lexcheck.ingest.pdf_layout import Line
from lexcheck.ingest.pdf_lines import Row, Rule, Word, dominant_size

TOP_BAND = 0.1
BOTTOM_BAND = 0.9
BAND_ROWS = 3
"""Heads and feet are among the first or last 3 rows, in the top or bottom tenth of the page."""
REPEAT_SHARE = 0.5
MIN_PAGES_TO_REPEAT = 3
"""A head repeats on half the pages (of its parity); under 3 pages, set-apart type suffices."""
EDGE_GAP_EM = 0.8
"""A head or foot stands this far (in em of the text size) from the text, beyond paragraph spacing."""
TOWARDS_ROWS = 8
FOOTNOTE_SIZE_RATIO = 0.9
"""Footnotes are printed in type at most 0.9 of the text's size."""

_INTEGER = re.compile(r"^\d{1,4}$")
_KEY_ENDS = re.compile(r"^[\W#]*#[\W#]*\s|\s[\W#]*#[\W#]*$")
_PAGE_NUMBER = re.compile(
    r"^(page\s+)?[-–—(\[]?\s*(\d{1,4}|[ivxlc]{1,6})\s*[-–—)\]]?(\s+of\s+\d{1,4})?$", re.IGNORECASE
)
_FOOTNOTE_START = re.compile(r"^([0-9]{1,3}|[*†‡]+)\s*\S")
_MASTHEAD = re.compile(
    r"gazette|extraordinary|published by authority|registered no|price\b|printed by",
    re.IGNORECASE,
)
_ACT_TITLE = re.compile(
    r"^(THE\s+)?[A-Z][A-Z0-9 ,.'’()&–-]*\b(ACT|SANHITA|CODE|ORDINANCE|BILL|DECREE|LAW|"
    r"PROCLAMATION|REGULATIONS?|RULES)\b[^a-z]*\b(1[6-9]|20)\d\d\b"
)
_CONTENTS = re.compile(
    r"^(table of )?contents|^arrangement of (sections|clauses|articles|regulations)",
    re.IGNORECASE,
)
_IMPRINT = re.compile(
    r"printed (and published )?by|uploaded by|government (of \w+ )?press|government printer",
    re.IGNORECASE,
)
_ENACTING = re.compile(r"^(be\s+it\s+|it\s+is\s+hereby\s+)?enacted\b", re.IGNORECASE)
_MARKER = re.compile(r"^(\(?[0-9]{1,3}[A-Z]{0,2}[.)]|\([a-z]{1,4}\))")


NumberGroups = dict[tuple[str, int], list[tuple[int, int, Word]]]
"""Margin integers of one page by (side, aligned edge): (row index, word position, word)."""


def number_groups(rows: Sequence[Row]) -> NumberGroups:
    """Integers standing apart at either end of a row, grouped by side and aligned edge."""
    groups: NumberGroups = defaultdict(list)
    for row in rows:
        for side, position, neighbour in _margin_integers(row):
            word = row.words[position]
            if neighbour is None or abs(neighbour - _edge(word, side)) > 2 * word.size:
                groups[(side, round(_edge(word, side) / 3))].append((row.index, position, word))
    return groups


def line_numbers(
    pages: Sequence[tuple[int, NumberGroups]],
) -> tuple[dict[int, dict[int, set[int]]], list[Furniture]]:
    """The line numbers a draft bill prints in its margin (5, 10, 15 ...): by page, the word
    positions to take out of each row, and the numbers as furniture.

    A margin column of integers rising by a constant step on some page establishes where the
    numbers stand; on pages with too few lines to show the step (a last page), integers at that
    same place are line numbers too.
    """
    places = {
        place for _, groups in pages for place, members in groups.items() if _is_numbering(members)
    }
    out: dict[int, dict[int, set[int]]] = {}
    furniture: list[Furniture] = []
    reason = "margin line number: integers aligned in the margin rising by a constant step"
    for page, groups in pages:
        for place, members in groups.items():
            if place not in places:
                continue
            for row, position, word in members:
                out.setdefault(page, {}).setdefault(row, set()).add(position)
                bbox = (word.x0, word.top, word.x1, word.bottom)
                furniture.append(Furniture(page, word.text, "line-number", reason, bbox))
    return out, furniture


def _margin_integers(row: Row) -> list[tuple[str, int, float | None]]:
    """Integers at either end of a row: side, word position and the x of the nearest other word
    (None if the integer is alone on its row)."""
    words = row.words
    found: list[tuple[str, int, float | None]] = []
    if _INTEGER.match(words[0].text):
        found.append(("left", 0, words[1].x0 if len(words) > 1 else None))
    if len(words) > 1 and _INTEGER.match(words[-1].text):
        found.append(("right", len(words) - 1, words[-2].x1))
    return found


def _edge(word: Word, side: str) -> float:
    """The aligned edge of a margin number: right edge on the left side, left edge on the right."""
    return word.x1 if side == "left" else word.x0


def _is_numbering(members: list[tuple[int, int, Word]]) -> bool:
    """At least three numbers, top to bottom, rising by one constant step."""
    if len(members) < 3:
        return False
    values = [int(word.text) for _, _, word in sorted(members, key=lambda m: m[2].top)]
    steps = {b - a for a, b in itertools.pairwise(values)}
    return len(steps) == 1 and steps.pop() > 0


@dataclass(frozen=True)
class EdgeRow:
    """A row of a page's head or foot: perhaps a running header, footer or page number."""

    where: str
    row: Row
    key: str
    towards: tuple[tuple[float, float], ...]
    """(type size, white) of the rows between this row and the text, nearest first."""


def edge_rows(rows: Sequence[Row], height: float, rough_size: float) -> list[EdgeRow]:
    """The rows of the page's head and foot.

    The head is the first few rows down to the last break that still lies in the top band; the
    foot likewise from the bottom. Body lines that happen to stand in a band stay out, however
    formulaic their wording. `rough_size` is the document's median type size.
    """
    foot = _edge_block(rows[::-1], rough_size, lambda row: row.bottom > BOTTOM_BAND * height)
    rest = rows[: len(rows) - len(foot)]
    head = _edge_block(rest, rough_size, lambda row: row.top < TOP_BAND * height)
    edges = []
    for where, block, inward in (("top", head, rows), ("bottom", foot, rows[::-1])):
        for i, row in enumerate(block):
            towards = tuple((_size(r), _gap(row, r)) for r in inward[i + 1 : i + 1 + TOWARDS_ROWS])
            edges.append(EdgeRow(where, row, _key(row), towards))
    return edges


def _edge_block(rows: Sequence[Row], body_size: float, in_band: Callable[[Row], bool]) -> list[Row]:
    """The rows from the page edge (rows[0]) to the last break within the band, leaving at least
    one row for the text. A break is a clear gap or a change of type size: heads and feet are
    set apart from the text one way or the other, body lines that stray into a band are not."""
    end = 0
    for i, row in enumerate(rows[: min(BAND_ROWS, len(rows) - 1)]):
        if not in_band(row):
            break
        following = next((r for r in rows[i + 1 :] if _overlap(row, r)), rows[i + 1])
        gap = _gap(row, following) >= EDGE_GAP_EM * body_size
        if gap or abs(_size(row) - _size(following)) >= 0.5:
            end = i + 1
    return list(rows[:end])


def running_furniture(
    pages: Sequence[tuple[int, list[EdgeRow]]], body_size: float
) -> tuple[dict[int, set[int]], list[Furniture]]:
    """Running headers, footers and page numbers among the pages' edge rows: by page, the
    indices of the rows to set aside, and those rows as furniture."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for page, edges in pages:
        for edge in edges:
            seen[(edge.where, edge.key)].add(page)
    total = len(pages)
    parity_total = Counter(page % 2 for page, _ in pages)
    out: dict[int, set[int]] = {}
    furniture: list[Furniture] = []
    for page, edges in pages:
        for edge in edges:
            text = _row_text(edge.row)
            repeats = seen[(edge.where, edge.key)]
            same_parity = sum(1 for n in repeats if n % 2 == page % 2)
            kind = "running-header" if edge.where == "top" else "running-footer"
            if _PAGE_NUMBER.match(text):
                kind, reason = "page-number", f"page number in the {edge.where} band"
            elif len(repeats) >= 2 and (
                len(repeats) >= REPEAT_SHARE * total
                or same_parity >= max(2, REPEAT_SHARE * parity_total[page % 2])
            ):
                reason = (
                    f"repeats in the {edge.where} band of {len(repeats)} of {total} pages "
                    "(digits ignored)"
                )
            elif total < MIN_PAGES_TO_REPEAT and body_size and _set_apart(edge, body_size):
                reason = (
                    f"set apart in the {edge.where} band in another type size than the text "
                    "(too few pages to see it repeat)"
                )
            else:
                continue
            out.setdefault(page, set()).add(edge.row.index)
            furniture.append(Furniture(page, text, kind, reason, _row_bbox(edge.row)))
    return out, furniture


def _overlap(row: Row, other: Row) -> bool:
    """Whether two rows print over a common stretch of the page's width (a marginal note beside
    the text does not)."""
    return row.words[0].x0 < other.words[-1].x1 and other.words[0].x0 < row.words[-1].x1


def _gap(row: Row, other: Row) -> float:
    """The white between two rows, whichever is higher on the page."""
    return max(other.top - row.bottom, row.top - other.bottom)


def _size(row: Row) -> float:
    return dominant_size(row.words)


def _set_apart(edge: EdgeRow, body_size: float) -> bool:
    """An edge row in a type size of its own, a clear gap away from the text it heads or foots."""
    if abs(_size(edge.row) - body_size) < 0.5:
        return False
    gap = next((gap for size, gap in edge.towards if abs(size - body_size) < 0.5), None)
    return gap is None or gap >= 1.5 * body_size


def _row_text(row: Row) -> str:
    return " ".join(w.text for w in row.words)


def _key(row: Row) -> str:
    """The row's text with digits and case ignored, so "Page 3" and "Page 4" compare equal, and
    without a page number at either end, so the mirrored heads of even and odd pages ("2 THE ACT",
    "THE ACT 3") compare equal too; and its type size, so a title that repeats the running
    header's words is not taken for it."""
    text = re.sub(r"\d+", "#", " ".join(_row_text(row).lower().split()))
    return f"{_KEY_ENDS.sub('', text)}@{_size(row):.0f}"


def _row_bbox(row: Row) -> tuple[float, float, float, float]:
    return (row.words[0].x0, row.top, max(w.x1 for w in row.words), row.bottom)


def split_footnotes(
    lines: list[Line], rules: Sequence[Rule], body_size: float, height: float
) -> tuple[list[Line], list[Furniture]]:
    """Take the footnotes (small print at the foot of the page) out of one page's body lines."""
    start = len(lines)
    while start > 0 and _small_low(lines[start - 1], body_size, height):
        start -= 1
    if start == len(lines):
        return lines, []
    first = lines[start]
    above = lines[start - 1].bottom if start else 0.0
    ruled = any(above - 1.0 <= rule.top <= first.top + 1.0 for rule in rules)
    if not (ruled or first.marks or _FOOTNOTE_START.match(first.text)):
        return lines, []
    notes: list[list[Line]] = []
    for line in lines[start:]:
        if first.marks:
            opens = bool(line.marks) and line.marks[0].x0 <= line.x0
        else:
            opens = bool(_FOOTNOTE_START.match(line.text)) and line.x0 <= first.x0 + 1.0
        if opens or not notes:
            notes.append([line])
        else:
            notes[-1].append(line)
    reason = "footnote: small print at the foot of the page" + (" below a rule" if ruled else "")
    furniture = [_footnote(group, reason) for group in notes]
    return lines[:start], furniture


def _small_low(line: Line, body_size: float, height: float) -> bool:
    """Small print in the lower half of the page."""
    return line.size <= FOOTNOTE_SIZE_RATIO * body_size and line.top > 0.5 * height


def _footnote(group: list[Line], reason: str) -> Furniture:
    """One footnote's lines as a single piece of furniture, its mark kept in front."""
    parts = []
    for line in group:
        parts.extend(w.text for w in line.marks)
        parts.append(line.text)
    first, last = group[0], group[-1]
    bbox = (min(li.x0 for li in group), first.top, max(li.x1 for li in group), last.bottom)
    return Furniture(first.page, " ".join(parts), "footnote", reason, bbox)


def footnote_marks(lines: Sequence[Line]) -> list[Furniture]:
    """The superscript reference marks taken out of body lines ("2" of "2[the Punjab]")."""
    return [
        Furniture(
            line.page,
            mark.text,
            "footnote",
            f"footnote reference mark printed as a superscript in: {line.text[:60]}",
            (mark.x0, mark.top, mark.x1, mark.bottom),
        )
        for line in lines
        for mark in line.marks
    ]


class Matter(NamedTuple):
    """A run of body lines, lines[start:end], that is front or back matter."""

    start: int
    end: int
    kind: str
    reason: str


def front_and_back_matter(
    lines: list[Line], notes: list[Line], heights: dict[int, float]
) -> tuple[list[Line], list[Line], list[Furniture]]:
    """Set aside a gazette masthead, a title page with contents, and a printer's imprint (with
    any margin text beside or below it, such as a digital-signature stamp)."""
    furniture: list[Furniture] = []
    for find in (_masthead, _contents):
        matter = find(lines)
        if matter is not None:
            lines, cut = _cut(lines, matter)
            furniture += cut
    imprint = _imprint(lines, heights)
    if imprint is not None:
        start = lines[imprint.start]
        lines, cut = _cut(lines, imprint)
        beside = [n for n in notes if n.page == start.page and n.bottom >= start.top]
        notes = [n for n in notes if n not in beside]
        furniture += cut + [
            Furniture(n.page, n.text, imprint.kind, imprint.reason, n.bbox) for n in beside
        ]
    return lines, notes, furniture


def _cut(lines: list[Line], matter: Matter) -> tuple[list[Line], list[Furniture]]:
    """The lines without the matter, and the matter's lines as furniture."""
    cut = lines[matter.start : matter.end]
    furniture = [Furniture(li.page, li.text, matter.kind, matter.reason, li.bbox) for li in cut]
    return lines[: matter.start] + lines[matter.end :], furniture


def _masthead(lines: Sequence[Line]) -> Matter | None:
    """Everything on the first page before the Act's title, when that page carries a masthead."""
    if not lines:
        return None
    first_page = [i for i, line in enumerate(lines) if line.page == lines[0].page]
    mast = next((i for i in first_page[:20] if _MASTHEAD.search(lines[i].text)), None)
    if mast is None:
        return None
    title = next((i for i in first_page if i > mast and _ACT_TITLE.match(lines[i].text)), None)
    if title is None:
        return None
    reason = "gazette masthead and publication notice printed before the Act's title"
    return Matter(0, title, "masthead", reason)


def _contents(lines: Sequence[Line]) -> Matter | None:
    """A table of contents near the start, up to where the text proper begins: where the title
    is printed again or, failing that, where the numbering starts again."""
    early = [i for i, line in enumerate(lines) if line.page <= lines[0].page + 4] if lines else []
    heading = next((i for i in early if _CONTENTS.match(lines[i].text)), None)
    if heading is None:
        return None
    title = _normal(lines[0].text)
    repeat = next(
        (j for j in range(heading + 1, len(lines)) if _normal(lines[j].text) == title), None
    )
    if repeat is not None:
        reason = (
            "title page and table of contents; the title is printed again where the text begins"
        )
        return Matter(0, repeat, "cover", reason)
    end = _contents_end(lines, heading)
    if end is None:
        return None
    return Matter(heading, end, "cover", "table of contents; the provisions follow in the text")


def _contents_end(lines: Sequence[Line], heading: int) -> int | None:
    """Where the text proper begins after a table of contents: at the enacting words ("ENACTED
    by Parliament ...") if they come first, else where the numbering starts again, together with
    the headings just before it that repeat a contents line ("PART I — PRELIMINARY")."""
    restart = _numbering_restart(lines, heading)
    if restart is None:
        return None
    enacting = next(
        (j for j in range(heading + 1, restart) if _ENACTING.match(lines[j].text)), None
    )
    if enacting is not None:
        return enacting
    start = restart
    while start - 1 > heading and _normal(lines[start - 1].text) in {
        _normal(line.text) for line in lines[heading : start - 1]
    }:
        start -= 1
    return start


def _numbering_restart(lines: Sequence[Line], heading: int) -> int | None:
    """The line where the contents' first provision number is printed again."""
    first_marker = None
    entries = 0
    for j in range(heading + 1, len(lines)):
        match = _MARKER.match(lines[j].text)
        if not match:
            continue
        if first_marker is None:
            first_marker = match.group(1)
        elif match.group(1) == first_marker and entries >= 2:
            return j
        entries += 1
    return None


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _imprint(lines: Sequence[Line], heights: dict[int, float]) -> Matter | None:
    """A printer's imprint low on a page, with whatever follows it on that page."""
    for i, line in enumerate(lines):
        if _IMPRINT.search(line.text) and line.top > 0.55 * heights[line.page]:
            end = i
            while end < len(lines) and lines[end].page == line.page:
                end += 1
            return Matter(i, end, "cover", "printer's imprint at the end of the gazette")
    return None
