"""Page layout for `read_pdf`: split each page's rows into body columns and margins, in reading order.

A gutter is a vertical strip that no row prints in (one stray heading may cross it) with text on
both sides and a column edge aligned along it. A gutter near the middle of the page separates two
body columns, read left then right, section by section between lines that span both; any other
gutter separates a margin, whose narrow band of text holds marginal notes (headings printed beside
a section). A margin band made only of provision markers ("(a)", "(b)" of a hanging list) is not a
margin, so that gutter is ignored. Notes set flush against the text, with no white between, are
found by their smaller type lying wholly beyond the text's edge.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lexcheck.ingest.pdf_lines import Row, Word, dominant_size

MIN_GUTTER_EM = 0.5
SMALL_TYPE = 0.92
"""Type below this share of the body size counts as small (notes, footnotes)."""
WIDE_GUTTER_EM = 2.0
MAX_MARGIN_SHARE = 0.3
"""A margin band is at most this share of the page wide; in small type, or 2 em from the text."""
MIN_ALIGNED_ROWS = 3
ALIGN_EM = 2.0
"""A gutter has at least 3 rows starting or ending text within 2 em of it."""
CENTRE_TOLERANCE = 0.06
"""A gutter whose middle lies within this share of the page width of the page's centre separates
two body columns; elsewhere it separates a margin."""

Gutter = tuple[float, float]
"""(x0, x1) of a vertical strip of white between bands of text."""

_MARKER_ONLY = re.compile(r"^(\(\s*[0-9a-zA-Z]{1,5}\s*\)|[0-9]{1,3}[A-Z]?\.?|[ivxlc]{1,6}\.)$")


@dataclass(slots=True)
class Line:
    """One printed line fragment: the words of one row that fall in one column or margin band.

    Only what the later stages need is kept (not every word), so a long statute's lines stay
    small: the first word's width and weight (would it have fitted on the line before? does a
    bold heading run on?), where the second word starts (a hanging indent after "(a)"), and the
    superscript footnote `marks` taken out of `text`. `column` is 0 or 1 for body columns, -1 and
    2 for the left and right margins.
    """

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    first_width: float
    first_bold: bool
    second_x0: float | None
    marks: tuple[Word, ...] = ()
    column: int = 0

    @classmethod
    def of(cls, page: int, words: Sequence[Word], baseline: float, column: int = 0) -> Line:
        """The line printed by `words`, footnote marks set apart from its text."""
        body = [w for w in words if not w.mark] or list(words)
        marks = tuple(w for w in words if w.mark) if len(body) < len(words) else ()
        return cls(
            page=page,
            text=" ".join(w.text for w in body),
            x0=min(w.x0 for w in body),
            x1=max(w.x1 for w in body),
            top=min(w.top for w in body),
            bottom=max(w.bottom for w in body),
            baseline=baseline,
            size=dominant_size(body),
            bold=all(w.bold for w in body),
            first_width=body[0].x1 - body[0].x0,
            first_bold=body[0].bold,
            second_x0=body[1].x0 if len(body) > 1 else None,
            marks=marks,
            column=column,
        )

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of the fragment, marks excluded."""
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class PageLayout:
    """One page split into body lines (reading order) and margin lines (top to bottom)."""

    body: list[Line]
    notes: list[Line]


@dataclass(frozen=True)
class Gutters:
    """Where a page splits: at most one gutter between body columns, and margin gutters."""

    column: Gutter | None
    margins: tuple[Gutter, ...]


def find_gutters(rows: Sequence[Row], width: float, body_size: float) -> Gutters:
    """The page's column gutter and margin gutters.

    `body_size` is the document's text size; smaller type wholly outside the text's edges is a
    margin even when no whitespace separates it (notes set flush against the text).
    """
    if not rows:
        return Gutters(None, ())
    size = statistics.median(w.size for row in rows for w in row.words)
    gutters = _gutters(rows, width, size)
    centred = [g for g in gutters if _is_column_gutter(g, width)]
    columns = [g for g in centred if _starts_a_column(rows, g)]
    margins = [g for g in gutters if not _is_column_gutter(g, width)]
    margins = [g for g in margins if _plausible_margin(rows, g, width, body_size)]
    sides = {_is_left(g, width) for g in margins}
    margins += [g for g in _type_margins(rows, body_size) if _is_left(g, width) not in sides]
    return Gutters(columns[0] if len(columns) == 1 else None, tuple(margins))


def common_column(found: Sequence[Gutters]) -> Gutter | None:
    """The column gutter most pages share, to apply to pages too sparse to show it."""
    votes = Counter(g.column for g in found if g.column is not None)
    if not votes:
        return None
    gutter, count = votes.most_common(1)[0]
    return gutter if count >= max(2, len(found) // 3) else None


def with_column(rows: Sequence[Row], gutters: Gutters, column: Gutter | None) -> Gutters:
    """The page's gutters, plus the document's column gutter if the page leaves that strip clear."""
    if gutters.column is not None or column is None or not rows:
        return gutters
    g0, g1 = column
    crossing = sum(1 for row in rows if any(w.x0 < g1 and w.x1 > g0 for w in row.words))
    if crossing > max(1, len(rows) // 25):
        return gutters
    return Gutters(column, gutters.margins)


def lay_out_page(page: int, rows: Sequence[Row], gutters: Gutters, width: float) -> PageLayout:
    """Split one page's rows into body lines in reading order and marginal-note lines."""
    taken, notes = _margins(page, rows, gutters.margins, width)
    body_rows = [
        row._replace(words=tuple(w for w in row.words if id(w) not in taken)) if taken else row
        for row in rows
    ]
    body_rows = [row for row in body_rows if row.words]
    return PageLayout(_reading_order(page, body_rows, gutters.column), notes)


def _starts_a_column(rows: Sequence[Row], gutter: Gutter) -> bool:
    """A second column has a straight left edge: many rows start it at the same x (a stretched
    word space in a few justified lines does not)."""
    starts = [
        round(next(w.x0 for w in row.words if w.x0 >= gutter[1]))
        for row in rows
        if row.words[-1].x0 >= gutter[1]
        and not any(w.x0 < gutter[1] and w.x1 > gutter[0] for w in row.words)
    ]
    if not starts:
        return False
    edge = Counter(starts).most_common(1)[0][1]
    return edge >= max(MIN_ALIGNED_ROWS, 0.25 * len(starts))


def _plausible_margin(rows: Sequence[Row], gutter: Gutter, width: float, body_size: float) -> bool:
    """A margin band is narrow, and set in smaller type than the text or well apart from it."""
    left_side = _is_left(gutter, width)
    words = [w for row in rows for w in _side(row, *gutter, left_side)]
    if not words:
        return False
    band = max(w.x1 for w in words) - min(w.x0 for w in words)
    small = statistics.median(w.size for w in words) < SMALL_TYPE * body_size
    apart = gutter[1] - gutter[0] >= WIDE_GUTTER_EM * body_size
    return band <= MAX_MARGIN_SHARE * width and (small or apart)


def _gutters(rows: Sequence[Row], width: float, size: float) -> list[Gutter]:
    """Vertical strips empty in (almost) every row, with text on both sides and an aligned edge."""
    if len(rows) < MIN_ALIGNED_ROWS:
        return []
    bins = int(width) + 2
    diff = [0] * (bins + 1)
    for row in rows:
        for x0, x1 in _spans(row, size):
            start = min(max(int(x0), 0), bins - 1)
            end = min(max(int(x1), start), bins - 1)
            diff[start] += 1
            diff[end + 1] -= 1
    allowed = max(1, len(rows) // 25)
    cover = []
    running = 0
    for delta in diff[:bins]:
        running += delta
        cover.append(running)
    printed = [x for x, n in enumerate(cover) if n]
    if not printed:
        return []
    first, last = printed[0], printed[-1]
    cores = [_core(cover, run) for run in _runs(cover, first, last, allowed)]
    interior = [g for g in cores if first < g[0] and g[1] <= last]
    wide = [g for g in interior if g[1] - g[0] >= MIN_GUTTER_EM * size]
    return [g for g in wide if _aligned_rows(rows, g, size) >= MIN_ALIGNED_ROWS]


def _spans(row: Row, size: float) -> list[Gutter]:
    """The stretches a row prints across: its words, with ordinary word spaces filled in, so a
    heading spanning both columns covers the gutter while a column's stretched spaces do not."""
    words = row.words
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    usual = statistics.median(gaps) if gaps else 0.0
    fill = min(max(1.6 * usual, 0.35 * size), 1.2 * size)
    spans = [(words[0].x0, words[0].x1)]
    for gap, word in zip(gaps, words[1:], strict=True):
        if gap <= fill:
            spans[-1] = (spans[-1][0], word.x1)
        else:
            spans.append((word.x0, word.x1))
    return spans


def _runs(cover: list[int], first: int, last: int, allowed: int) -> list[tuple[int, int]]:
    """Maximal runs of x (half-open) between `first` and `last` crossed by at most `allowed` rows."""
    runs = []
    start = None
    for x in range(first, last + 1):
        if cover[x] <= allowed:
            start = x if start is None else start
        elif start is not None:
            runs.append((start, x))
            start = None
    return runs


def _core(cover: list[int], run: tuple[int, int]) -> Gutter:
    """The widest stretch of a run crossed by the fewest rows: a heading that overhangs one column
    must not widen the gutter over the indentation of the other."""
    least = min(cover[run[0] : run[1]])
    best = (run[0], run[0])
    start = None
    for x in range(run[0], run[1] + 1):
        if x < run[1] and cover[x] == least:
            start = x if start is None else start
        elif start is not None:
            if x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    return float(best[0]), float(best[1])


def _aligned_rows(rows: Sequence[Row], gutter: Gutter, size: float) -> int:
    """How many rows start text just after the gutter or end text just before it: a column or
    margin edge runs along a real gutter, not along a chance gap between a few short lines."""
    g0, g1 = gutter
    reach = ALIGN_EM * size
    count = 0
    for row in rows:
        if any(g1 - 1.0 <= w.x0 <= g1 + reach or g0 - reach <= w.x1 <= g0 + 1.0 for w in row.words):
            count += 1
    return count


def _type_margins(rows: Sequence[Row], body_size: float) -> list[Gutter]:
    """Gutters between the text's left or right edge and smaller type printed wholly beyond it
    (on rows whose small type all lies beyond the edge: a footnote running across is not a note)."""
    text = [w for row in rows for w in row.words if w.size >= SMALL_TYPE * body_size]
    if len(text) < MIN_ALIGNED_ROWS:
        return []
    spare = max(1, len(rows) // 25)
    left = sorted(w.x0 for w in text)[min(spare, len(text) - 1)]
    right = sorted((w.x1 for w in text), reverse=True)[min(spare, len(text) - 1)]
    before: list[float] = []
    after: list[float] = []
    for row in rows:
        small = [w for w in row.words if w.size < SMALL_TYPE * body_size and not w.mark]
        if small and all(w.x1 <= left + 1.0 for w in small):
            before += [w.x1 for w in small]
        if small and all(w.x0 >= right - 1.0 for w in small):
            after += [w.x0 for w in small]
    margins = []
    if before:
        margins.append((max(before), left))
    if after:
        margins.append((right, min(after)))
    return margins


def _is_left(gutter: Gutter, width: float) -> bool:
    return (gutter[0] + gutter[1]) / 2 < width / 2


def _is_column_gutter(gutter: Gutter, width: float) -> bool:
    """A gutter in the middle of the page splits two body columns."""
    return abs((gutter[0] + gutter[1]) / 2 - width / 2) <= CENTRE_TOLERANCE * width


def _margins(
    page: int, rows: Sequence[Row], gutters: Iterable[Gutter], width: float
) -> tuple[set[int], list[Line]]:
    """The words that belong to margin bands (by id) and those bands' lines, top to bottom."""
    taken: set[int] = set()
    notes: list[Line] = []
    for g0, g1 in gutters:
        left_side = _is_left((g0, g1), width)
        column = -1 if left_side else 2
        band = [(row, words) for row in rows if (words := _side(row, g0, g1, left_side))]
        lines = [Line.of(page, words, row.baseline, column=column) for row, words in band]
        if not lines or _markers_only(lines):
            continue
        notes.extend(lines)
        taken.update(id(w) for _, words in band for w in words)
    notes.sort(key=lambda line: (line.column, line.top))
    return taken, notes


def _side(row: Row, g0: float, g1: float, left_side: bool) -> tuple[Word, ...]:
    """The row's words on the outer side of a margin gutter, unless the row crosses the gutter."""
    if any(w.x0 < g1 and w.x1 > g0 for w in row.words):
        return ()
    if left_side:
        return tuple(w for w in row.words if w.x1 <= g0)
    return tuple(w for w in row.words if w.x0 >= g1)


def _markers_only(lines: Sequence[Line]) -> bool:
    """A 'margin' that is really the hanging markers of a list: "(a)", "(b)", "1."."""
    markers = sum(1 for line in lines if _MARKER_ONLY.match(line.text))
    return markers >= 0.6 * len(lines)


def _reading_order(page: int, rows: Sequence[Row], gutter: Gutter | None) -> list[Line]:
    """Lines top to bottom; with two columns, left column then right between spanning lines."""
    ordered = sorted(rows, key=lambda row: row.baseline)
    if gutter is None:
        return [Line.of(page, row.words, row.baseline) for row in ordered]
    g0, g1 = gutter
    lines: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in ordered:
        if any(w.x0 < g1 and w.x1 > g0 for w in row.words):
            lines += left + right
            left, right = [], []
            lines.append(Line.of(page, row.words, row.baseline))
            continue
        west = tuple(w for w in row.words if w.x1 <= g0)
        east = tuple(w for w in row.words if w.x0 >= g1)
        if west:
            left.append(Line.of(page, west, row.baseline, column=0))
        if east:
            right.append(Line.of(page, east, row.baseline, column=1))
    return lines + left + right
