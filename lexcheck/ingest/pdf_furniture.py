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
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from lexcheck.ingest.document import Furniture
from lexcheck.ingest.pdf_layout import Line
from lexcheck.ingest.pdf_lines import PageRecord, Row, Rule, Word

TOP_BAND = 0.1
BOTTOM_BAND = 0.9
BAND_ROWS = 3
REPEAT_SHARE = 0.5
MIN_PAGES_TO_REPEAT = 3
EDGE_GAP_EM = 0.8
"""A head or foot stands this far (in em of the text size) from the text, beyond paragraph spacing."""
FOOTNOTE_SIZE_RATIO = 0.9

_INTEGER = re.compile(r"^\d{1,4}$")
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
_MARKER = re.compile(r"^(\(?[0-9]{1,3}[A-Z]{0,2}[.)]|\([a-z]{1,4}\))")


def strip_line_numbers(records: Sequence[PageRecord]) -> tuple[list[list[Row]], list[Furniture]]:
    """Remove the line numbers a draft bill prints in its margin (5, 10, 15 ...).

    A margin column of integers rising by a constant step on some page establishes where the
    numbers stand; on pages with too few lines to show the step (a last page), integers at that
    same place are line numbers too.
    """
    candidates = [_number_groups(record.rows) for record in records]
    places = {
        place
        for groups in candidates
        for place, members in groups.items()
        if _is_numbering(members)
    }
    rows_by_page: list[list[Row]] = []
    furniture: list[Furniture] = []
    for record, groups in zip(records, candidates, strict=True):
        numbers = [
            word for place, members in groups.items() if place in places for _, word in members
        ]
        drop = {id(word) for word in numbers}
        furniture += [
            Furniture(
                page=record.number,
                text=word.text,
                kind="line-number",
                reason="margin line number: integers aligned in the margin rising by a constant step",
                bbox=(word.x0, word.top, word.x1, word.bottom),
            )
            for word in numbers
        ]
        kept = [
            row._replace(words=tuple(w for w in row.words if id(w) not in drop))
            for row in record.rows
        ]
        rows_by_page.append([row for row in kept if row.words])
    return rows_by_page, furniture


def _number_groups(rows: Sequence[Row]) -> dict[tuple[str, int], list[tuple[int, Word]]]:
    """Integers standing apart at either end of a row, grouped by side and aligned edge."""
    groups: dict[tuple[str, int], list[tuple[int, Word]]] = defaultdict(list)
    for index, row in enumerate(rows):
        for side, word, neighbour in _margin_integers(row):
            if neighbour is None or abs(neighbour - _edge(word, side)) > 2 * word.size:
                groups[(side, round(_edge(word, side) / 3))].append((index, word))
    return groups


def _margin_integers(row: Row) -> list[tuple[str, Word, float | None]]:
    """Integers at either end of a row, with the x of the nearest other word (None if alone)."""
    words = row.words
    found = []
    if _INTEGER.match(words[0].text):
        found.append(("left", words[0], words[1].x0 if len(words) > 1 else None))
    if len(words) > 1 and _INTEGER.match(words[-1].text):
        found.append(("right", words[-1], words[-2].x1))
    return found


def _edge(word: Word, side: str) -> float:
    """The aligned edge of a margin number: right edge on the left side, left edge on the right."""
    return word.x1 if side == "left" else word.x0


def _is_numbering(members: list[tuple[int, Word]]) -> bool:
    """At least three numbers, top to bottom, rising by one constant step."""
    if len(members) < 3:
        return False
    values = [int(word.text) for _, word in sorted(members, key=lambda m: m[1].top)]
    steps = {b - a for a, b in itertools.pairwise(values)}
    return len(steps) == 1 and steps.pop() > 0


def running_furniture(
    records: Sequence[PageRecord], rows_by_page: Sequence[list[Row]]
) -> tuple[list[list[Row]], list[Furniture]]:
    """Set aside running headers, footers and page numbers found in the top and bottom bands."""
    everything = [w.size for rows in rows_by_page for row in rows for w in row.words]
    rough_size = statistics.median(everything) if everything else 0.0
    candidates = [
        _band_rows(record, rows, rough_size)
        for record, rows in zip(records, rows_by_page, strict=True)
    ]
    in_bands = {id(row) for band in candidates for _, row, _ in band}
    body_size = _dominant_size(
        row for rows in rows_by_page for row in rows if id(row) not in in_bands
    )
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for record, band in zip(records, candidates, strict=True):
        for where, _, key in band:
            seen[(where, key)].add(record.number)
    total = len(records)
    parity_total = {p: sum(1 for r in records if r.number % 2 == p) for p in (0, 1)}
    furniture: list[Furniture] = []
    kept_pages: list[list[Row]] = []
    for record, rows, band in zip(records, rows_by_page, candidates, strict=True):
        drop: set[int] = set()
        for where, row, key in band:
            text = _row_text(row)
            pages = seen[(where, key)]
            same_parity = sum(1 for n in pages if n % 2 == record.number % 2)
            kind = "running-header" if where == "top" else "running-footer"
            if _PAGE_NUMBER.match(text):
                kind, reason = "page-number", f"page number in the {where} band"
            elif len(pages) >= 2 and (
                len(pages) >= REPEAT_SHARE * total
                or same_parity >= max(2, REPEAT_SHARE * parity_total[record.number % 2])
            ):
                reason = (
                    f"repeats in the {where} band of {len(pages)} of {total} pages (digits ignored)"
                )
            elif (
                total < MIN_PAGES_TO_REPEAT
                and body_size
                and _set_apart(row, rows, body_size, where)
            ):
                reason = (
                    f"set apart in the {where} band in another type size than the text "
                    f"(too few pages to see it repeat)"
                )
            else:
                continue
            drop.add(id(row))
            furniture.append(Furniture(record.number, text, kind, reason, _row_bbox(row)))
        kept_pages.append([row for row in rows if id(row) not in drop])
    return kept_pages, furniture


def _band_rows(
    record: PageRecord, rows: Sequence[Row], body_size: float
) -> list[tuple[str, Row, str]]:
    """The rows of the page's head and foot, with their keys.

    The head is the first few rows down to the last clear gap (wider than ordinary paragraph
    spacing) that still lies in the top band; the foot likewise from the bottom. Body lines that
    happen to stand in a band stay out, however formulaic their wording.
    """
    foot = _edge_block(rows[::-1], body_size, lambda row: row.bottom > BOTTOM_BAND * record.height)
    rest = rows[: len(rows) - len(foot)]
    head = _edge_block(rest, body_size, lambda row: row.top < TOP_BAND * record.height)
    return [("top", row, _key(row)) for row in head] + [("bottom", row, _key(row)) for row in foot]


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
        if gap or abs(_dominant_size([row]) - _dominant_size([following])) >= 0.5:
            end = i + 1
    return list(rows[:end])


def _overlap(row: Row, other: Row) -> bool:
    """Whether two rows print over a common stretch of the page's width (a marginal note beside
    the text does not)."""
    return row.words[0].x0 < other.words[-1].x1 and other.words[0].x0 < row.words[-1].x1


def _gap(row: Row, other: Row) -> float:
    """The white between two rows, whichever is higher on the page."""
    return max(other.top - row.bottom, row.top - other.bottom)


def _dominant_size(rows: Iterable[Row]) -> float:
    """The font size carrying most of the characters of these rows."""
    weight: Counter[float] = Counter()
    for row in rows:
        for word in row.words:
            weight[round(word.size, 1)] += len(word.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def _set_apart(row: Row, rows: Sequence[Row], body_size: float, where: str) -> bool:
    """A band row in a type size of its own, a clear gap away from the text it heads or foots."""
    if abs(_dominant_size([row]) - body_size) < 0.5:
        return False
    index = next(i for i, r in enumerate(rows) if r is row)
    towards_body = rows[index + 1 :] if where == "top" else rows[index - 1 :: -1] if index else []
    text = next((r for r in towards_body if abs(_dominant_size([r]) - body_size) < 0.5), None)
    if text is None:
        return True
    gap = text.top - row.bottom if where == "top" else row.top - text.bottom
    return gap >= 1.5 * body_size


def _row_text(row: Row) -> str:
    return " ".join(w.text for w in row.words)


def _key(row: Row) -> str:
    """The row's text with digits and case ignored, so "Page 3" and "Page 4" compare equal, and
    its type size, so a title that repeats the running header's words is not taken for it."""
    text = re.sub(r"\d+", "#", " ".join(_row_text(row).lower().split()))
    return f"{text}@{_dominant_size([row]):.0f}"


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
    if _IMPRINT.search(first.text):
        return lines, []
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


def front_and_back_matter(
    lines: list[Line], notes: list[Line], heights: dict[int, float]
) -> tuple[list[Line], list[Line], list[Furniture]]:
    """Set aside a gazette masthead, a title page with contents, and a printer's imprint (with
    any margin text beside or below it, such as a digital-signature stamp)."""
    furniture: list[Furniture] = []
    for span, kind, reason in (_masthead(lines), _contents(lines)):
        if span is not None:
            lines, matter = _cut(lines, span, kind, reason)
            furniture += matter
    span, kind, reason = _imprint(lines, heights)
    if span is not None:
        start = lines[span[0]]
        lines, matter = _cut(lines, span, kind, reason)
        beside = [n for n in notes if n.page == start.page and n.bottom >= start.top]
        notes = [n for n in notes if n not in beside]
        furniture += matter + [Furniture(n.page, n.text, kind, reason, n.bbox) for n in beside]
    return lines, notes, furniture


def _cut(
    lines: list[Line], span: tuple[int, int], kind: str, reason: str
) -> tuple[list[Line], list[Furniture]]:
    """Lines without lines[start:end], and those lines as furniture."""
    start, end = span
    matter = [Furniture(line.page, line.text, kind, reason, line.bbox) for line in lines[start:end]]
    return lines[:start] + lines[end:], matter


Span = tuple[tuple[int, int] | None, str, str]


def _masthead(lines: Sequence[Line]) -> Span:
    """Everything on the first page before the Act's title, when that page carries a masthead."""
    if not lines:
        return None, "", ""
    first_page = [i for i, line in enumerate(lines) if line.page == lines[0].page]
    mast = next((i for i in first_page[:20] if _MASTHEAD.search(lines[i].text)), None)
    if mast is None:
        return None, "", ""
    title = next((i for i in first_page if i > mast and _ACT_TITLE.match(lines[i].text)), None)
    if title is None:
        return None, "", ""
    reason = "gazette masthead and publication notice printed before the Act's title"
    return (0, title), "masthead", reason


def _contents(lines: Sequence[Line]) -> Span:
    """A table of contents near the start, up to where the text proper begins."""
    early = [i for i, line in enumerate(lines) if line.page <= lines[0].page + 4] if lines else []
    heading = next((i for i in early if _CONTENTS.match(lines[i].text)), None)
    if heading is None:
        return None, "", ""
    title = _normal(lines[0].text)
    repeat = next(
        (j for j in range(heading + 1, len(lines)) if _normal(lines[j].text) == title), None
    )
    if repeat is not None:
        reason = (
            "title page and table of contents; the title is printed again where the text begins"
        )
        return (0, repeat), "cover", reason
    end = _contents_end(lines, heading)
    if end is None:
        return None, "", ""
    return (heading, end), "cover", "table of contents; the provisions follow in the text"


def _contents_end(lines: Sequence[Line], heading: int) -> int | None:
    """Where numbering starts again after the contents' own list of provisions."""
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


def _imprint(lines: Sequence[Line], heights: dict[int, float]) -> Span:
    """A printer's imprint low on a page, with whatever follows it on that page."""
    for i, line in enumerate(lines):
        if _IMPRINT.search(line.text) and line.top > 0.55 * heights[line.page]:
            end = i
            while end < len(lines) and lines[end].page == line.page:
                end += 1
            return (i, end), "cover", "printer's imprint at the end of the gazette"
    return None, "", ""
