"""One PDF page's characters as rows of words with their geometry: the part of `read_pdf` that
runs once per page, possibly in a worker process.

pdfplumber's own `extract_text` glues the words of tightly set gazettes together ("Providedfurther
that"), interleaves columns and loses superscripts, so we rebuild lines ourselves from the
characters of the page as pdfplumber parses it (`page.layout`, read once, then the page is closed):

* rows are clustered on the baseline (not on `bottom`, which moves with each font's descent);
* small raised characters next to a row (footnote marks, ordinals) join that row as superscripts;
* fake-bold doubled characters are dropped (the `dedupe_chars` rule, done here inside each row
  because pdfplumber's `Page.dedupe_chars()` costs about four times the page parse itself);
* spaces come from explicit space characters and from gaps wider than the row's usual letter gap
  plus a fraction of the font size, which separates words in gazettes that print no space glyphs.

The records returned are small packed tuples, cheap to send back from a worker process and to
keep for every page of a long statute.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import sys
import unicodedata
from array import array
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NamedTuple

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
from pdfplumber.page import Page

Char = dict[str, Any]

MIN_READABLE_SIZE = 3.0
"""Text smaller than this (points) is a digital-signature stamp or hidden layer, not statute text."""

WORD_GAP_EM = 0.08
"""A gap this much wider (in em) than the row's usual letter gap separates two words. Measured on
the Gazette of India: letter gaps cluster at 0.00-0.06 em, word gaps start at 0.10 em."""

BASELINE_TOLERANCE_EM = 0.1
"""Characters whose baselines differ by less than this share of their size are on one row."""
SUPERSCRIPT_MAX_RATIO = 0.8
SUPERSCRIPT_MIN_RAISE_EM = 0.2
SUPERSCRIPT_REACH_EM = 0.35
"""A superscript is at most 0.8 of its row's size, raised by 0.2-0.8 em, within 0.35 em of it."""
DUPLICATE_TOLERANCE = 1.0
"""pdfplumber's `dedupe_chars` tolerance (points) for a fake-bold second copy of a glyph."""

_BOLD_FONT = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"^[0-9*†‡§¶]+$")
_LIGATURES = str.maketrans({ch: unicodedata.normalize("NFKC", ch) for ch in "ﬀﬁﬂﬃﬄﬅﬆ"})


class Word(NamedTuple):
    """A run of characters between spaces on one row. `mark` is a superscript footnote reference."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    mark: bool


class Row(NamedTuple):
    """Every word printed on one baseline, across the whole page width, left to right.

    `index` is the row's place among its page's rows as read, which stays the same however
    often the row is unpacked, so later stages can set rows and words aside by position.
    """

    words: tuple[Word, ...]
    top: float
    bottom: float
    baseline: float
    index: int = 0


class PackedRow(NamedTuple):
    """A Row in compact form (one string per word, five numbers per word in an array), which
    keeps a long statute's records small in the worker's reply and in memory."""

    texts: tuple[str, ...]
    geometry: array[float]
    flags: bytes
    top: float
    bottom: float
    baseline: float

    @classmethod
    def pack(cls, row: Row) -> PackedRow:
        """The row in compact form."""
        geometry = array("d")
        for w in row.words:
            geometry.extend((w.x0, w.x1, w.top, w.bottom, w.size))
        flags = bytes(int(w.bold) | int(w.mark) << 1 for w in row.words)
        texts = tuple(w.text for w in row.words)
        return cls(texts, geometry, flags, row.top, row.bottom, row.baseline)

    def unpack(self, index: int, without: Collection[int] = ()) -> Row:
        """The row again, less the words at the positions in `without`."""
        g = self.geometry
        words = tuple(
            Word(text, *g[5 * i : 5 * i + 5], bool(flag & 1), bool(flag & 2))
            for i, (text, flag) in enumerate(zip(self.texts, self.flags, strict=True))
            if i not in without
        )
        return Row(words, self.top, self.bottom, self.baseline, index)


class Rule(NamedTuple):
    """A horizontal rule (thin line or rectangle), such as the separator above footnotes."""

    x0: float
    x1: float
    top: float


class PageRecord(NamedTuple):
    """What `read_pdf` keeps of one page once pdfplumber has closed it."""

    number: int
    width: float
    height: float
    rows: tuple[PackedRow, ...]
    rules: tuple[Rule, ...]
    set_aside: tuple[tuple[str, str], ...]
    has_images: bool


def dominant_size(words: Iterable[Word]) -> float:
    """The type size carrying most of the characters of these words (0.0 for none)."""
    weight: dict[float, int] = {}
    for w in words:
        key = round(w.size, 1)
        weight[key] = weight.get(key, 0) + len(w.text)
    return max(weight, key=weight.__getitem__) if weight else 0.0


def page_record(page: Page, number: int) -> PageRecord:
    """Read one pdfplumber page (its characters once, its rules and images) into a PageRecord."""
    width, height = float(page.width), float(page.height)
    chars, rules, has_images = _layout_objects(page)
    readable, set_aside = _split_unreadable(chars, width, height)
    return PageRecord(
        number=number,
        width=width,
        height=height,
        rows=tuple(PackedRow.pack(row) for row in _rows(readable)),
        rules=tuple(rules),
        set_aside=tuple(set_aside),
        has_images=has_images,
    )


def _layout_objects(page: Page) -> tuple[list[Char], list[Rule], bool]:
    """The page's characters, horizontal rules and whether it holds an image, from the layout
    pdfplumber parses (`page.layout`), in pdfplumber's top-down coordinates.

    `page.chars` would first turn every object on the page into a dict of some twenty attributes;
    that conversion alone was 30 % of the time per page, and we need six of them.
    """
    x_shift, y_shift = page.mediabox[0], page.mediabox[1]
    height = float(page.height)
    chars: list[Char] = []
    rules: list[Rule] = []
    has_images = False
    pending = list(reversed(list(page.layout)))
    while pending:
        obj = pending.pop()
        if isinstance(obj, LTChar):
            chars.append(_char(obj, height, x_shift, y_shift))
        elif isinstance(obj, LTImage):
            has_images = True
        elif isinstance(obj, LTContainer):
            pending.extend(reversed(list(obj)))
        elif isinstance(obj, LTCurve) and obj.height <= 2.0 and obj.width >= 20.0:
            rules.append(Rule(obj.x0 + x_shift, obj.x1 + x_shift, height - obj.y1 + y_shift))
    return chars, rules, has_images


def _char(obj: LTChar, height: float, x_shift: float, y_shift: float) -> Char:
    """The attributes of one character we use, named and placed as pdfplumber's `page.chars`."""
    fontname = obj.fontname
    if isinstance(fontname, bytes):
        fontname = fontname.decode("latin-1")
    return {
        "text": obj.get_text(),
        "x0": obj.x0 + x_shift,
        "x1": obj.x1 + x_shift,
        "top": height - obj.y1 + y_shift,
        "bottom": height - obj.y0 + y_shift,
        "baseline": height - obj.matrix[5] + y_shift,
        "size": obj.size,
        "fontname": fontname,
        "upright": obj.upright,
    }


def _split_unreadable(
    chars: Sequence[Char], width: float, height: float
) -> tuple[list[Char], list[tuple[str, str]]]:
    """Keep upright, legible characters; describe the rest, so nothing vanishes silently (only
    characters placed outside the page, which no reader sees, are dropped)."""
    readable: list[Char] = []
    sideways: list[str] = []
    tiny: list[str] = []
    for c in chars:
        if c["x1"] < 0 or c["x0"] > width or c["bottom"] < 0 or c["top"] > height:
            continue
        if not c["upright"]:
            sideways.append(c["text"])
        elif c["size"] < MIN_READABLE_SIZE:
            tiny.append(c["text"])
        else:
            readable.append(c)
    set_aside = []
    if "".join(sideways).strip():
        set_aside.append(("".join(sideways).strip(), "text printed sideways (rotated)"))
    if "".join(tiny).strip():
        reason = f"text smaller than {MIN_READABLE_SIZE:g} pt (signature stamp or hidden layer)"
        set_aside.append(("".join(tiny).strip(), reason))
    return readable, set_aside


class _Cluster:
    """Characters sharing a baseline while rows are being built."""

    __slots__ = ("baseline", "chars", "size", "superscripts")

    def __init__(self, first: Char, baseline: float) -> None:
        self.baseline = baseline
        self.size = first["size"]
        self.chars: list[Char] = [first]
        self.superscripts: set[int] = set()


def _rows(chars: Iterable[Char]) -> list[Row]:
    """Cluster characters into rows by baseline, fold superscripts into their row, build words."""
    ordered = sorted(((c["baseline"], c) for c in chars), key=lambda item: item[0])
    clusters: list[_Cluster] = []
    for baseline, c in ordered:
        if c["text"].isspace() and not clusters:
            continue
        last = clusters[-1] if clusters else None
        if last and baseline - last.baseline <= BASELINE_TOLERANCE_EM * max(c["size"], last.size):
            last.chars.append(c)
            last.size = max(last.size, c["size"])
        else:
            clusters.append(_Cluster(c, baseline))
    clusters = _fold_superscripts(clusters)
    return [row for cluster in clusters if (row := _row(cluster)) is not None]


def _dominant_size(chars: Sequence[Char]) -> float:
    """The font size most characters of a cluster are printed in."""
    sizes = [round(c["size"], 1) for c in chars if not c["text"].isspace()]
    return statistics.mode(sizes) if sizes else 0.0


def _fold_superscripts(clusters: list[_Cluster]) -> list[_Cluster]:
    """Move small raised characters that touch a bigger row's text into that row as superscripts.

    A footnote mark ("2[the Punjab]") or an ordinal ("17th") sits on its own higher baseline; left
    alone it would become a row of its own between two body lines. A small line printed over the
    row's text (tightly set marginal notes) is not a superscript and stays a row of its own.
    """
    kept: list[_Cluster] = []
    for index, cluster in enumerate(clusters):
        size = _dominant_size(cluster.chars)
        host = _superscript_host(clusters, index, size)
        if host is None:
            kept.append(cluster)
            continue
        starts = sorted((c["x0"], i) for i, c in enumerate(host.chars))
        xs = [s for s, _ in starts]
        near = [_neighbours(c, host.chars, starts, xs) for c in cluster.chars]
        if any(_overlaps(c, others) for c, others in zip(cluster.chars, near, strict=True)):
            kept.append(cluster)
            continue
        reach = SUPERSCRIPT_REACH_EM * host.size
        stay = []
        for c, others in zip(cluster.chars, near, strict=True):
            if _near(c, others, reach):
                host.superscripts.add(len(host.chars))
                host.chars.append(c)
            else:
                stay.append(c)
        if stay:
            cluster.chars = stay
            kept.append(cluster)
    return kept


def _superscript_host(clusters: list[_Cluster], index: int, size: float) -> _Cluster | None:
    """The next row below whose text this small cluster is raised above, if any."""
    cluster = clusters[index]
    for other in clusters[index + 1 : index + 3]:
        other_size = _dominant_size(other.chars)
        raise_ = other.baseline - cluster.baseline
        if (
            size <= SUPERSCRIPT_MAX_RATIO * other_size
            and SUPERSCRIPT_MIN_RAISE_EM * other_size <= raise_ <= 0.8 * other_size
        ):
            return other
    return None


def _neighbours(
    c: Char, host: list[Char], starts: list[tuple[float, int]], xs: list[float]
) -> list[Char]:
    """The host row's characters nearest to `c` horizontally."""
    at = bisect.bisect_left(xs, c["x0"])
    return [host[starts[j][1]] for j in range(max(at - 3, 0), min(at + 3, len(starts)))]


def _overlaps(c: Char, others: list[Char]) -> bool:
    """Whether `c` is printed on top of one of `others` rather than beside them."""
    for other in others:
        overlap = min(c["x1"], other["x1"]) - max(c["x0"], other["x0"])
        if overlap > 0.3 * min(c["x1"] - c["x0"], other["x1"] - other["x0"]):
            return True
    return False


def _near(c: Char, others: list[Char], reach: float) -> bool:
    """Whether `c` is within `reach` points of one of `others`."""
    return any(o["x0"] - reach <= c["x1"] and c["x0"] <= o["x1"] + reach for o in others)


def _row(cluster: _Cluster) -> Row | None:
    """Turn one cluster into a row of words, or None if it holds only spaces."""
    indexed = sorted(enumerate(cluster.chars), key=lambda item: item[1]["x0"])
    chars: list[Char] = []
    superscript: list[bool] = []
    for i, c in indexed:
        if chars and _duplicate(chars, c):
            continue
        chars.append(c)
        superscript.append(i in cluster.superscripts)
    words = _words(chars, superscript)
    if not words:
        return None
    body = [w for w in words if not w.mark] or words
    return Row(
        words=tuple(words),
        top=min(w.top for w in body),
        bottom=max(w.bottom for w in body),
        baseline=cluster.baseline,
    )


def _duplicate(kept: list[Char], c: Char) -> bool:
    """A fake-bold copy: same glyph, font and size drawn again within a point of a kept one."""
    for other in kept[-3:]:
        if (
            other["text"] == c["text"]
            and abs(other["x0"] - c["x0"]) <= DUPLICATE_TOLERANCE
            and abs(other["top"] - c["top"]) <= DUPLICATE_TOLERANCE
            and other["fontname"] == c["fontname"]
            and other["size"] == c["size"]
        ):
            return True
    return False


def _word_gap(chars: Sequence[Char]) -> float:
    """The gap (points) beyond which two neighbouring characters of this row belong to two words."""
    gaps = [
        b["x0"] - a["x1"]
        for a, b in itertools.pairwise(chars)
        if not a["text"].isspace() and not b["text"].isspace()
    ]
    letter_gap = max(statistics.median(gaps), 0.0) if gaps else 0.0
    sizes = [c["size"] for c in chars]
    return letter_gap + WORD_GAP_EM * statistics.median(sizes)


def _words(chars: list[Char], superscript: list[bool]) -> list[Word]:
    """Split a row's characters into words at spaces, wide gaps and superscript footnote marks."""
    threshold = _word_gap(chars)
    words: list[Word] = []
    run: list[Char] = []
    run_sup = False
    previous: Char | None = None
    for c, sup in zip(chars, superscript, strict=True):
        if c["text"].isspace():
            _flush(run, run_sup, words)
            run, previous = [], None
            continue
        mark_like = sup and bool(_FOOTNOTE_MARK.match(c["text"]))
        split = previous is not None and (
            c["x0"] - previous["x1"] > threshold or mark_like != run_sup
        )
        if split:
            _flush(run, run_sup, words)
            run = []
        if not run:
            run_sup = mark_like
        run.append(c)
        previous = c
    _flush(run, run_sup, words)
    return words


def _flush(run: list[Char], mark: bool, words: list[Word]) -> None:
    """Append the characters collected so far as one word (its text interned: most words of a
    statute recur, and the records then share one string per word)."""
    if not run:
        return
    text = "".join(c["text"] for c in run).translate(_LIGATURES).replace("\u00ad", "-")
    bold = sum(1 for c in run if _BOLD_FONT.search(c["fontname"])) * 2 > len(run)
    words.append(
        Word(
            text=sys.intern(text),
            x0=run[0]["x0"],
            x1=max(c["x1"] for c in run),
            top=min(c["top"] for c in run),
            bottom=max(c["bottom"] for c in run),
            size=max(c["size"] for c in run),
            bold=bold,
            mark=mark,
        )
    )
