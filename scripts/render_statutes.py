#!/usr/bin/env python3
"""Render the sample statutes in ``statutes/*.txt`` to PDF in four layouts, and the draft bill to DOCX.

The PDFs are the realistic end-to-end inputs for ``lexcheck.ingest``: the same text typeset the ways
real gazettes and drafting offices print it, so the ingest stage can be tested on running headers,
page numbers, hyphenation, columns, marginal notes and line numbers.

Layouts (written to ``statutes/pdf/<layout>/<name>.pdf``):

- ``single``: one justified column; running header (title on odd pages, "Act No. X of YEAR" on even
  pages, none on page 1); page number in the footer; long words hyphenated across line ends at real
  syllable breaks (a word that already contains a hyphen is never broken).
- ``twocol``: gazette page with a masthead on page 1, two justified columns with a rule between them,
  page number in the outer corner of the header.
- ``margin``: Commonwealth style; each section heading is a small marginal note in the left margin
  beside "5. (1) ..." in the body, and is not repeated in the body.
- ``bill``: draft bill; ragged right, "DRAFT — FOR CONSULTATION" header, line numbers (every fifth,
  restarting on each page) in the left margin.

The draft anti-trafficking bill is also written to ``statutes/docx/<name>.docx`` with real Word automatic
numbering: "(1)", "(a)", "(i)" come from a numbering definition in ``word/numbering.xml`` and are not
typed into the paragraph text.

Output is byte-for-byte reproducible for a given reportlab and python-docx version: reportlab runs with
``invariant=1`` and fixed document information; the DOCX has fixed core properties and its zip entries
carry a fixed timestamp. Only the base-14 Times and Helvetica fonts are used (no font files).

Usage::

    python scripts/render_statutes.py [--out DIR] [--check] [--show-hyphenation]

``--check`` renders into a temporary directory and exits 1, listing every file whose bytes differ from
the committed one under DIR (default ``statutes/``).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATUTES = REPO / "statutes"
LAYOUTS = ("single", "twocol", "margin", "bill")
DOCX_STATUTES = ("veridia-tip-bill-2025-draft",)
MASTHEAD = "REPUBLIC OF VERIDIA — GOVERNMENT GAZETTE — ACTS SUPPLEMENT"
DRAFT_HEADER = "DRAFT — FOR CONSULTATION"

# --------------------------------------------------------------------------------------------------
# Reading the text format
# --------------------------------------------------------------------------------------------------

PART_RE = re.compile(r"^PART [IVXLC]+ — \S")
SECTION_RE = re.compile(r"^(\d+[A-Z]?)\. (\S.*[^.;:,—\]])$")
NUMBERED_RE = re.compile(r"^(\d+[A-Z]?)\. (\S.*)$")
SUBSECTION_RE = re.compile(r"^\((\d+[A-Z]?)\) (\S.*)$")
PARAGRAPH_RE = re.compile(r"^\(([a-z]{1,5})\) (\S.*)$")
SCHEDULE_RE = re.compile(r"^(?:[A-Z]+ )?SCHEDULES?$")
SCHEDULE_REF_RE = re.compile(r"^\((?:section|sections|s\.) [\d, and]+\)$")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


@dataclass(frozen=True)
class Block:
    """One printed unit of a statute: a heading, a numbered provision, a definition, a note."""

    kind: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class StatuteText:
    """A statute read from the repository's text format."""

    name: str
    title: str
    number: str
    blocks: tuple[Block, ...]


@dataclass
class _ListState:
    """The last paragraph letter seen, to tell "(i)" the letter from "(i)" the roman numeral."""

    last_letter: str | None = None

    def classify(self, label: str) -> str:
        follows_letter = (
            len(label) == 1
            and self.last_letter is not None
            and ord(label) == ord(self.last_letter) + 1
        )
        if label in ROMAN and self.last_letter is not None and not follows_letter:
            return "subparagraph"
        if len(label) == 1:
            self.last_letter = label
        return "paragraph"


def read_statute(path: Path) -> StatuteText:
    """Read a statute text file: title line, number line, front matter, arrangement, body."""
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    title, number = lines[0], lines[1]
    blocks = [Block("title", title), Block("number", number)]
    zone = "front"
    lists = _ListState()
    for line in lines[2:]:
        if not line:
            continue
        if zone == "front":
            zone, block = _front_block(line)
        elif zone == "toc":
            zone, block = _toc_block(line)
        else:
            zone, block = _body_block(line, zone, lists, blocks[-1])
        blocks.append(block)
    return StatuteText(path.stem, title, number, tuple(blocks))


def _front_block(line: str) -> tuple[str, Block]:
    if line == "ARRANGEMENT OF SECTIONS":
        return "toc", Block("toc_title", line)
    return "front", Block("note" if line.startswith("[") else "long_title", line)


def _toc_block(line: str) -> tuple[str, Block]:
    if line.startswith("ENACTED"):
        return "body", Block("enacting", line)
    if line == "Section":
        return "toc", Block("toc_colhead", line)
    if PART_RE.match(line) or SCHEDULE_RE.match(line):
        return "toc", Block("toc_part", line)
    if m := NUMBERED_RE.match(line):
        return "toc", Block("toc_entry", m.group(2), m.group(1) + ".")
    return "toc", Block("toc_text", line)


def _body_block(line: str, zone: str, lists: _ListState, previous: Block) -> tuple[str, Block]:
    if line.startswith("[") and line.endswith("]"):
        return zone, Block("note", line)
    if SCHEDULE_RE.match(line):
        lists.last_letter = None
        return "schedule", Block("schedule_title", line)
    if zone == "schedule":
        if SCHEDULE_REF_RE.match(line):
            return zone, Block("schedule_ref", line)
        if line.upper() == line and not line.startswith("("):
            return zone, Block("schedule_heading", line)
        if m := NUMBERED_RE.match(line):
            lists.last_letter = None
            return zone, Block("item", m.group(2), m.group(1) + ".")
    else:
        if PART_RE.match(line):
            return zone, Block("part", line)
        if m := SECTION_RE.match(line):
            lists.last_letter = None
            return zone, Block("section", m.group(2), m.group(1))
    if m := SUBSECTION_RE.match(line):
        lists.last_letter = None
        return zone, Block("subsection", m.group(2), f"({m.group(1)})")
    if m := PARAGRAPH_RE.match(line):
        kind = lists.classify(m.group(1))
        return zone, Block(kind, m.group(2), f"({m.group(1)})")
    if line.startswith('"'):
        lists.last_letter = None
        return zone, Block("definition", line)
    if line.startswith("Provided that"):
        return zone, Block("proviso", line)
    return zone, Block("body" if previous.kind == "section" else "wrapup", line)


# --------------------------------------------------------------------------------------------------
# Hyphenation: an explicit dictionary for the statutes' long words, then conservative rules
# --------------------------------------------------------------------------------------------------

# Syllable breaks for the long words of the sample statutes (British spelling, TeX-style breaks).
_HYPHENATED_TEXT = """
ab-duc-tion ab-scond-ing ac-com-mo-da-tion ac-tiv-i-ties ad-min-is-tra-tion ag-gra-vated
al-ter-na-tive al-ter-na-tives ap-pli-ca-tion ap-point-ment ap-pro-pri-ate ar-range-ment
as-sess-ment as-sis-tance au-thor-i-ties au-thor-ity au-thor-ised busi-ness cer-tifi-cate
chil-dren cir-cum-stances cit-i-zen-ship coer-cion com-mence-ment com-mer-cial com-mis-sion
com-mit-ted com-mit-tee com-pen-sa-tion com-pe-tent com-plaint com-pul-sory con-di-tions
con-fi-den-tial con-se-quence con-sid-er-a-tion con-sid-ered con-sti-tutes con-tra-ven-tion
con-vic-tion cooperate coopera-tion coordi-nate cor-po-rate coun-sel-ling crim-i-nal
crim-i-nally dan-ger-ous de-cep-tion de-lib-er-ately de-liv-ery de-nun-ci-a-tion de-pen-dence
de-pen-dency des-ig-nated de-stroys de-tained de-ten-tion de-ter-mi-na-tion de-ter-mine
de-vel-op-ment di-rec-tor dis-abil-ity dis-clo-sure dis-crim-i-na-tion doc-u-ment doc-u-ments
do-mes-tic du-ra-tion eco-nomic ed-u-ca-tion ed-u-ca-tional eigh-teen em-ployer em-ploy-ment
en-dan-gered en-force-ment es-pe-cially es-tab-lish es-tab-lished ev-i-dence ex-ceed-ing
ex-ploita-tion ex-press-ly fa-cil-i-tate fa-cil-i-tates fa-cil-i-tat-ing fi-nan-cial for-feited
for-fei-ture frame-work fraud-u-lent gov-ern-ment guard-ian haz-ard-ous house-hold hu-man-i-tar-ian
iden-ti-fi-ca-tion iden-ti-fied iden-tity im-ma-te-rial im-mi-gra-tion im-pris-on-ment
in-clud-ing in-de-pen-dence in-di-rectly in-di-vid-ual in-for-ma-tion in-spec-tion in-spec-tor
in-spec-tors in-tended in-ter-na-tional in-ter-pre-ta-tion in-ves-ti-ga-tion ir-rel-e-vant
ir-re-spec-tive ju-ris-dic-tion le-git-i-macy mag-is-trate mar-riage ma-te-rial mea-sures
mech-a-nism mi-grants na-tional na-tion-al-ity nec-es-sary neg-li-gence notwith-stand-ing
ob-li-ga-tions ob-tained oc-cu-pa-tion of-fences of-fender of-fi-cers of-fi-cials op-er-a-tion
or-gan-ised or-gan-i-sa-tion or-gan-i-sa-tions oth-er-wise own-er-ship para-graph para-graphs
par-lia-ment par-tic-u-lar pass-port pay-ments pe-nal-ised per-for-mance per-formed per-ma-nent
per-mit-ted per-sonal phys-i-cal place-ment por-nog-ra-phy po-si-tion pos-ses-sion pos-sesses
prac-ti-ca-ble prac-tices pre-car-i-ous preg-nancy prej-u-dice prem-ises pre-scribed pre-sumed
pre-ven-tion prin-ci-pal pro-ce-dure pro-ceed-ings pro-cures pro-duces pro-duc-tion
pro-gram-mes pro-hib-ited pro-hi-bi-tion prop-erty pros-e-cu-tion pros-e-cuted pros-ti-tu-tion
pro-tec-tion pro-vided pro-vides pro-vid-ing pro-vi-sion pro-vi-sions psy-cho-log-i-cal
pub-lished pun-ish-ment pur-poses rea-son-able re-ceives re-ceiv-ing rec-og-nised
rec-om-men-da-tion re-cov-ery re-cruit-ment re-cruits re-fer-ral re-flec-tion re-foule-ment
ref-u-gees reg-is-tered reg-u-la-tions re-lat-ing re-la-tion rel-e-vant re-mu-ner-a-tion
re-pa-tri-a-tion re-quire-ments res-i-dence res-i-dent re-spon-si-bil-i-ties re-spon-si-ble
right-ful sat-is-fied sched-ule se-cu-rity sen-tence sep-a-rate ser-vi-tude sit-u-a-tion
smug-gled smug-gling spec-i-fied state-ment strength-en sub-sec-tion sub-stan-tial sur-ro-gate
sus-pected tem-po-rary traf-ficked traf-fick-ers traf-fick-ing trans-fers trans-port
trans-ports treat-ment un-ac-com-pa-nied un-law-ful un-law-fully va-lid-ity ver-i-fi-ca-tion
vi-o-lence vo-ca-tional vol-un-tar-ily vol-un-tary vul-ner-a-bil-ity what-ever will-ing-ness
with-hold-ing wit-nesses work-place
"""
HYPHENATED_WORDS = tuple(_HYPHENATED_TEXT.split())

_DICTIONARY = {w.replace("-", ""): w for w in HYPHENATED_WORDS}
_VOWELS = set("aeiouy")
_STEM_DOUBLES = {"ss", "ll", "ff", "zz"}
_SUFFIXES = ("tions", "sions", "tion", "sion", "ments", "ment", "ness", "ship", "less")
_PREFIXES = ("counter", "notwith", "under", "inter", "over", "with")
_CONSONANT_PREFIXES = ("trans", "sub", "dis", "mis", "con", "com", "ex", "un")
_WORD_RE = re.compile(r"^([A-Za-z]+)([,;:.)]*)$")
MIN_HYPHENATED = 7
# Heads that would make a soft break ambiguous, because "co-operate" and "co-ordinate" are also
# spelt with a real hyphen; a reader undoing hyphenation could not tell which was meant.
AMBIGUOUS_HEADS = ("co",)


def hyphenation_points(word: str) -> list[int]:
    """Positions in ``word`` (letters only) after which a hyphen may be inserted at a line end."""
    lower = word.lower()
    if lower in _DICTIONARY:
        points, at = [], 0
        for piece in _DICTIONARY[lower].split("-")[:-1]:
            at += len(piece)
            points.append(at)
        return points
    points = _suffix_points(lower) | _prefix_points(lower) | _double_points(lower)
    return sorted(p for p in points if 2 <= p <= len(lower) - 3)


def _suffix_points(w: str) -> set[int]:
    points = {len(w) - len(s) for s in _SUFFIXES if w.endswith(s) and len(w) - len(s) >= 4}
    for ending in ("ings", "ing"):
        stem = w[: -len(ending)]
        if w.endswith(ending) and len(stem) >= 4 and _verb_stem_ok(stem):
            points.add(len(stem))
    for ending in ("able", "ably"):
        if w.endswith(ending) and len(w) - 4 >= 4 and w[-5] not in _VOWELS:
            points.add(len(w) - 4)
    return points


def _verb_stem_ok(stem: str) -> bool:
    last, before = stem[-1], stem[-2]
    if last in _VOWELS - {"y"}:
        return False
    if last == before and stem[-2:] != "ss":
        return False
    return not (last in "lr" and before not in _VOWELS)


def _prefix_points(w: str) -> set[int]:
    points = {len(p) for p in _PREFIXES if w.startswith(p) and len(w) - len(p) >= 4}
    for p in _CONSONANT_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 5 and w[len(p)] not in _VOWELS:
            points.add(len(p))
    return points


def _double_points(w: str) -> set[int]:
    points = set()
    for i in range(1, len(w) - 2):
        pair, after = w[i : i + 2], w[i + 2 :]
        if pair[0] != pair[1] or pair[0] in _VOWELS:
            continue
        if pair in _STEM_DOUBLES and after.startswith(("ing", "ed", "er", "es", "y")):
            continue
        nxt = after[:1]
        if nxt in _VOWELS or (nxt in ("l", "r") and after[1:2] in _VOWELS - {"y"}):
            points.add(i + 1)
    return points


def split_word(token: str) -> Iterator[tuple[str, str]]:
    """Every way to break ``token`` at a line end, longest head first: (head with "-", tail)."""
    m = _WORD_RE.match(token)
    if not m or len(m.group(1)) < MIN_HYPHENATED or m.group(1).isupper():
        return
    core = m.group(1)
    for point in reversed(hyphenation_points(core)):
        if core[:point].lower() not in AMBIGUOUS_HEADS:
            yield core[:point] + "-", token[point:]


# --------------------------------------------------------------------------------------------------
# Typesetting
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a block is set: font, indents (points from the column's left edge), alignment, spacing."""

    font: str = "Times-Roman"
    size: float = 11.0
    leading: float = 13.5
    first: float = 0.0
    rest: float = 0.0
    label_at: float | None = None
    align: str = "justify"
    before: float = 0.0
    keep: bool = False
    hyphenate: bool = True


@dataclass(frozen=True)
class Frame:
    """A column on a page: left edge, width, top and bottom (PDF points, origin bottom-left)."""

    x: float
    width: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Line:
    text: str
    width: float
    justify: bool
    hyphenated: bool = False


@dataclass(frozen=True)
class Piece:
    """A block ready for a page: its style, an optional bold lead ("5.") and marginal note."""

    block: Block
    style: Style
    lead: str = ""
    note: str = ""


def piece_text(piece: Piece) -> str:
    """The words to set: a label with no hanging position of its own starts the text."""
    block = piece.block
    if block.kind == "section":
        return f"{block.label}. {block.text}"
    if block.label and piece.style.label_at is None:
        return f"{block.label} {block.text}"
    return block.text


def string_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def break_lines(
    text: str, style: Style, widths: Callable[[int], float], log: list[str] | None = None
) -> list[Line]:
    """Greedy line breaking; a word that does not fit is hyphenated when the line would be loose."""
    font, size = style.font, style.size
    space = string_width(" ", font, size)
    words = _breakable_units(text)
    lines: list[Line] = []
    current: list[str] = []
    used = 0.0
    i = 0
    while i < len(words):
        word = words[i]
        avail = widths(len(lines))
        needed = string_width(word, font, size) + (used + space if current else 0.0)
        if needed <= avail:
            current.append(word)
            used = needed
            i += 1
            continue
        split = _fitting_split(word, avail - (used + space if current else 0.0), style)
        slack_is_large = avail - used > 0.06 * avail
        if split and (slack_is_large or not current):
            head, tail = split
            current.append(head)
            lines.append(Line(" ".join(current), avail, True, True))
            if log is not None:
                log.append(f"{head}{tail}")
            words[i] = tail
        elif current:
            lines.append(Line(" ".join(current), avail, True))
        else:
            lines.append(Line(word, avail, False))
            i += 1
        current, used = [], 0.0
    if current:
        lines.append(Line(" ".join(current), widths(len(lines)), False))
    return lines


def _breakable_units(text: str) -> list[str]:
    """Words, except that a suspended compound ("child- and gender-sensitive") stays on one line,
    so that a line ending in "-" is always a word broken by the renderer."""
    units: list[str] = []
    for word in text.split(" "):
        if units and units[-1].endswith("-"):
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
    return units


def _fitting_split(word: str, room: float, style: Style) -> tuple[str, str] | None:
    if not style.hyphenate or room <= 0:
        return None
    for head, tail in split_word(word):
        if string_width(head, style.font, style.size) <= room:
            return head, tail
    return None


class Layout:
    """A page design: where the columns are, what is printed around them, how each block is set."""

    name = ""
    page_size = (595.28, 841.89)

    def __init__(self, statute: StatuteText) -> None:
        self.statute = statute

    def frames(self, page: int) -> list[Frame]:
        raise NotImplementedError

    def furniture(self, canvas, page: int) -> None:
        """Headers, footers, rules and mastheads for ``page`` (1-based)."""

    def style(self, block: Block) -> Style:
        raise NotImplementedError

    def pieces(self, blocks: Iterable[Block]) -> list[Piece]:
        return [
            Piece(b, self.style(b)) for b in blocks if b.kind != "section" or self.shows_headings
        ]

    shows_headings = True

    def line_drawn(self, canvas, frame: Frame, baseline: float, page: int) -> None:
        """Called after each body line is drawn (the bill layout numbers lines here)."""

    def draw_note(self, canvas, note: str, top: float) -> float:
        """Draw a marginal note whose first line is level with ``top``; return its bottom."""
        return top


def _running_header(canvas, layout: Layout, page: int, y: float) -> None:
    if page == 1:
        return
    text = layout.statute.title if page % 2 else layout.statute.number
    canvas.setFont("Helvetica", 8)
    canvas.drawCentredString(layout.page_size[0] / 2, y, text)


def _centred_footer(canvas, layout: Layout, page: int, y: float) -> None:
    canvas.setFont("Helvetica", 9)
    canvas.drawCentredString(layout.page_size[0] / 2, y, str(page))


def base_styles(size: float, leading: float, indent: float) -> dict[str, Style]:
    """The block styles shared by every layout, scaled to its body size and indent step."""
    body = Style(size=size, leading=leading)
    small = replace(body, size=size - 1.5, leading=leading - 2, hyphenate=False)
    centred = replace(body, align="center", hyphenate=False)
    return {
        "title": replace(centred, font="Times-Bold", size=size + 4, leading=leading + 6),
        "number": replace(centred, before=2),
        "long_title": replace(body, before=leading * 0.6),
        "note": replace(small, font="Times-Italic", align="left"),
        "toc_title": replace(centred, font="Times-Bold", before=leading),
        "toc_colhead": replace(small, align="left"),
        "toc_part": replace(small, align="center", before=4),
        "toc_entry": replace(
            small, align="left", first=2.4 * indent, rest=2.4 * indent, label_at=0.0
        ),
        "toc_text": replace(small, align="left", first=indent, rest=2 * indent),
        "enacting": replace(body, before=leading),
        "part": replace(centred, font="Times-Bold", before=leading * 0.8, keep=True),
        "section": replace(
            body, font="Times-Bold", align="left", before=leading * 0.5, keep=True, hyphenate=False
        ),
        "body": replace(body, first=indent),
        "subsection": replace(body, first=indent),
        "paragraph": replace(body, label_at=2 * indent, first=3 * indent + 6, rest=3 * indent + 6),
        "subparagraph": replace(
            body, label_at=3 * indent + 6, first=4 * indent + 12, rest=4 * indent + 12
        ),
        "definition": replace(body, first=indent, rest=indent),
        "proviso": replace(body, first=2 * indent, rest=indent),
        "wrapup": body,
        "schedule_title": replace(centred, font="Times-Bold", before=leading * 1.5, keep=True),
        "schedule_ref": replace(centred, size=size - 1.5, keep=True),
        "schedule_heading": replace(centred, font="Times-Bold", keep=True),
        "item": replace(body, label_at=0.0, first=indent + 6, rest=indent + 6),
    }


class SingleLayout(Layout):
    name = "single"

    def __init__(self, statute: StatuteText) -> None:
        super().__init__(statute)
        self.styles = base_styles(11, 13.6, 14)

    def frames(self, page: int) -> list[Frame]:
        return [Frame(72, 451.28, 770, 72)]

    def furniture(self, canvas, page: int) -> None:
        _running_header(canvas, self, page, 800)
        _centred_footer(canvas, self, page, 42)

    def style(self, block: Block) -> Style:
        return self.styles[block.kind]


class TwoColumnLayout(Layout):
    name = "twocol"
    margin, gutter, top, bottom = 42.0, 20.0, 782.0, 52.0

    def __init__(self, statute: StatuteText) -> None:
        super().__init__(statute)
        self.styles = base_styles(9, 10.8, 10)
        self.styles["title"] = replace(self.styles["title"], size=11.5, leading=14)

    def frames(self, page: int) -> list[Frame]:
        width = (self.page_size[0] - 2 * self.margin - self.gutter) / 2
        top = 728.0 if page == 1 else self.top
        return [
            Frame(self.margin, width, top, self.bottom),
            Frame(self.margin + width + self.gutter, width, top, self.bottom),
        ]

    def furniture(self, canvas, page: int) -> None:
        page_width = self.page_size[0]
        left, right = self.margin, page_width - self.margin
        top = 728.0 if page == 1 else self.top
        if page == 1:
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawCentredString(page_width / 2, 792, MASTHEAD)
            canvas.setFont("Helvetica", 8)
            canvas.drawCentredString(page_width / 2, 777, self._issue_line())
            canvas.setLineWidth(1.2)
            canvas.line(left, 768, right, 768)
            canvas.setLineWidth(0.4)
            canvas.line(left, 765, right, 765)
        else:
            canvas.setFont("Helvetica", 8)
            canvas.drawCentredString(page_width / 2, 800, self.statute.title)
            if page % 2:
                canvas.drawRightString(right, 800, str(page))
            else:
                canvas.drawString(left, 800, str(page))
            canvas.setLineWidth(0.5)
            canvas.line(left, 794, right, 794)
        canvas.setLineWidth(0.4)
        middle = page_width / 2
        canvas.line(middle, top + 4, middle, self.bottom)

    def _issue_line(self) -> str:
        year = re.search(r"(\d{4})$", self.statute.number)
        return f"Acts Supplement to the Gazette, {year.group(1) if year else ''}"

    def style(self, block: Block) -> Style:
        return self.styles[block.kind]


class MarginLayout(Layout):
    name = "margin"
    shows_headings = False
    note_x, note_width, body_x, body_width = 48.0, 92.0, 156.0, 383.28
    note_font, note_size, note_leading = "Times-Roman", 7.5, 8.6

    def __init__(self, statute: StatuteText) -> None:
        super().__init__(statute)
        self.styles = base_styles(11, 13.6, 14)
        self.styles["body"] = self.styles["wrapup"]
        self.styles["subsection"] = self.styles["wrapup"]
        self.note_floor = float("inf")

    def frames(self, page: int) -> list[Frame]:
        self.note_floor = float("inf")
        return [Frame(self.body_x, self.body_width, 772, 72)]

    def furniture(self, canvas, page: int) -> None:
        _running_header(canvas, self, page, 800)
        _centred_footer(canvas, self, page, 42)

    def style(self, block: Block) -> Style:
        return self.styles[block.kind]

    def pieces(self, blocks: Iterable[Block]) -> list[Piece]:
        """Fold each section heading into a marginal note on the section's first provision."""
        pieces: list[Piece] = []
        heading: Block | None = None
        for block in blocks:
            if block.kind == "section":
                heading = block
                continue
            style = self.style(block)
            if heading is not None:
                lead = f"{heading.label}."
                pieces.append(Piece(block, replace(style, first=0.0), lead, heading.text))
                heading = None
            else:
                pieces.append(Piece(block, style))
        return pieces

    def draw_note(self, canvas, note: str, top: float) -> float:
        style = Style(
            font=self.note_font,
            size=self.note_size,
            leading=self.note_leading,
            align="left",
            hyphenate=False,
        )
        lines = break_lines(note, style, lambda _: self.note_width)
        first_top = min(top, self.note_floor - 3)
        canvas.setFont(self.note_font, self.note_size)
        y = first_top
        for line in lines:
            canvas.drawString(self.note_x, y - self.note_size, line.text)
            y -= self.note_leading
        self.note_floor = y
        return y


class BillLayout(Layout):
    name = "bill"
    number_x = 84.0

    def __init__(self, statute: StatuteText) -> None:
        super().__init__(statute)
        styles = base_styles(11, 17, 14)
        self.styles = {
            k: replace(v, hyphenate=False, align="left" if v.align == "justify" else v.align)
            for k, v in styles.items()
        }
        self.line_no = 0

    def frames(self, page: int) -> list[Frame]:
        self.line_no = 0
        return [Frame(100, 420, 752, 76)]

    def furniture(self, canvas, page: int) -> None:
        width = self.page_size[0]
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawCentredString(width / 2, 806, DRAFT_HEADER)
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(width / 2, 792, f"{self.statute.title} — {self.statute.number}")
        canvas.setLineWidth(0.4)
        canvas.line(100, 784, 520, 784)
        _centred_footer(canvas, self, page, 44)

    def style(self, block: Block) -> Style:
        return self.styles[block.kind]

    def line_drawn(self, canvas, frame: Frame, baseline: float, page: int) -> None:
        self.line_no += 1
        if self.line_no % 5 == 0:
            canvas.setFont("Helvetica", 7.5)
            canvas.setFillGray(0.35)
            canvas.drawRightString(self.number_x, baseline, str(self.line_no))
            canvas.setFillGray(0)


LAYOUT_CLASSES: dict[str, type[Layout]] = {
    cls.name: cls for cls in (SingleLayout, TwoColumnLayout, MarginLayout, BillLayout)
}


@dataclass
class Composer:
    """Flows pieces through a layout's frames, page after page, and draws them."""

    canvas: object
    layout: Layout
    log: list[str] = field(default_factory=list)
    page: int = 0
    frame_index: int = 0
    frames: list[Frame] = field(default_factory=list)
    y: float = 0.0

    def start_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.frames = self.layout.frames(self.page)
        self.frame_index = 0
        self.y = self.frames[0].top
        self.layout.furniture(self.canvas, self.page)

    @property
    def frame(self) -> Frame:
        return self.frames[self.frame_index]

    def next_frame(self) -> None:
        if self.frame_index + 1 < len(self.frames):
            self.frame_index += 1
            self.y = self.frame.top
        else:
            self.start_page()

    def lines_left(self, leading: float) -> int:
        return int((self.y - self.frame.bottom) // leading)

    def compose(self, pieces: list[Piece]) -> None:
        self.start_page()
        for index, piece in enumerate(pieces):
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            self.place(piece, following)

    def place(self, piece: Piece, following: Piece | None) -> None:
        style = piece.style
        lines = self.set_lines(piece)
        at_top = self.y == self.frame.top
        if not at_top:
            self.y -= style.before
        needed = len(lines) + (2 if style.keep and following else 0)
        if (style.keep and self.lines_left(style.leading) < needed) or (
            len(lines) > 1 and self.lines_left(style.leading) < 2
        ):
            self.next_frame()
        for number, line in enumerate(lines):
            if self.lines_left(style.leading) < 1:
                self.next_frame()
            self.draw_line(piece, line, first=number == 0)
            self.y -= style.leading

    def set_lines(self, piece: Piece) -> list[Line]:
        style, width = piece.style, self.frame.width
        lead = self.lead_width(piece)

        def widths(n: int) -> float:
            return width - (style.first + lead if n == 0 else style.rest)

        return break_lines(piece_text(piece), style, widths, self.log)

    def lead_width(self, piece: Piece) -> float:
        if not piece.lead:
            return 0.0
        bold = string_width(piece.lead, "Times-Bold", piece.style.size)
        return bold + string_width(" ", piece.style.font, piece.style.size)

    def draw_line(self, piece: Piece, line: Line, first: bool) -> None:
        style, frame, canvas = piece.style, self.frame, self.canvas
        baseline = self.y - style.size
        x = frame.x + (style.first if first else style.rest)
        if first and piece.note:
            self.layout.draw_note(canvas, piece.note, self.y)
        if first and piece.lead:
            canvas.setFont("Times-Bold", style.size)
            canvas.drawString(x, baseline, piece.lead)
            x += self.lead_width(piece)
        if first and piece.block.label and style.label_at is not None:
            self.draw_label(piece, baseline)
        self.draw_text(x, baseline, line.text, style, line)
        self.layout.line_drawn(canvas, frame, baseline, self.page)

    def draw_label(self, piece: Piece, baseline: float) -> None:
        style = piece.style
        x = self.frame.x + (style.label_at or 0.0)
        self.canvas.setFont(style.font, style.size)
        if piece.block.kind in ("toc_entry", "item"):
            right = self.frame.x + style.first - 5
            self.canvas.drawRightString(right, baseline, piece.block.label)
        else:
            self.canvas.drawString(x, baseline, piece.block.label)

    def draw_text(self, x: float, baseline: float, text: str, style: Style, line: Line) -> None:
        width = string_width(text, style.font, style.size)
        if style.align == "center":
            x = self.frame.x + (self.frame.width - width) / 2
        elif style.align == "right":
            x = self.frame.x + self.frame.width - width
        word_space = 0.0
        gaps = text.count(" ")
        if style.align == "justify" and line.justify and gaps:
            available = self.frame.x + self.frame.width - x
            word_space = max(0.0, (available - width) / gaps)
        obj = self.canvas.beginText(x, baseline)
        obj.setFont(style.font, style.size)
        obj.setWordSpace(word_space)
        obj.textOut(text)
        self.canvas.drawText(obj)


def write_pdf(statute: StatuteText, layout_name: str, path: Path, log: list[str]) -> None:
    """Typeset ``statute`` in one layout and write the PDF to ``path``."""
    from reportlab.pdfgen.canvas import Canvas

    layout = LAYOUT_CLASSES[layout_name](statute)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=layout.page_size, invariant=1, pageCompression=1)
    canvas.setTitle(statute.title)
    canvas.setAuthor("Republic of Veridia (fictional jurisdiction)")
    canvas.setSubject(f"{statute.number}; lexcheck sample statute, {layout_name} layout")
    canvas.setCreator("lexcheck scripts/render_statutes.py")
    canvas.setProducer("lexcheck scripts/render_statutes.py")
    composer = Composer(canvas, layout, log)
    composer.compose(layout.pieces(statute.blocks))
    canvas.showPage()
    canvas.save()


# --------------------------------------------------------------------------------------------------
# DOCX with Word automatic numbering
# --------------------------------------------------------------------------------------------------

ABSTRACT_NUM_ID = 90
FIRST_NUM_ID = 100
DOCX_LEVELS = {"subsection": 0, "paragraph": 1, "subparagraph": 2}
DOCX_FORMATS = (("decimal", "(%1)"), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))
DOCX_TIMESTAMP = datetime(2025, 3, 14, 9, 0, 0)
ZIP_TIMESTAMP = (2025, 3, 14, 9, 0, 0)


def _format_number(value: int, fmt: str) -> str:
    if fmt == "decimal":
        return str(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + value - 1)
    return ROMAN[value - 1]


class WordNumbering:
    """One multilevel "(1) / (a) / (i)" definition, and a fresh numbering instance per list.

    Word continues the counters of every ``w:num`` that shares an abstract definition unless the
    instance overrides its start values, so each instance restarts all three levels at 1. The
    counters Word will show are simulated here so that a text that does not number consecutively
    is refused rather than silently renumbered.
    """

    def __init__(self, document) -> None:
        from docx.oxml import parse_xml

        self._parse = parse_xml
        self.root = document.part.numbering_part.element
        first_num = self.root.find(_w("num"))
        abstract = self._parse(self._abstract_xml())
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.next_id = FIRST_NUM_ID
        self.counters: list[int] = [0, 0, 0]
        self.current: int | None = None

    def restart(self) -> None:
        """The next numbered paragraph starts a new list (new section, definition or item)."""
        self.current = None

    def number(self, paragraph, level: int, expected_label: str) -> None:
        if self.current is None:
            self.current = self._new_instance()
            self.counters = [0, 0, 0]
        self.counters[level] += 1
        for deeper in range(level + 1, 3):
            self.counters[deeper] = 0
        fmt, pattern = DOCX_FORMATS[level]
        shown = pattern.replace(f"%{level + 1}", _format_number(self.counters[level], fmt))
        if shown != expected_label:
            msg = f"Word would number this paragraph {shown}, the text says {expected_label}"
            raise ValueError(msg)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = self.current

    def _new_instance(self) -> int:
        num_id, self.next_id = self.next_id, self.next_id + 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="1"/></w:lvlOverride>'
            for lvl in range(3)
        )
        self.root.append(
            self._parse(
                f'<w:num {_nsdecl()} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/>{overrides}</w:num>'
            )
        )
        return num_id

    @staticmethod
    def _abstract_xml() -> str:
        levels = "".join(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{567 * (lvl + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
            for lvl, (fmt, text) in enumerate(DOCX_FORMATS)
        )
        return (
            f'<w:abstractNum {_nsdecl()} w:abstractNumId="{ABSTRACT_NUM_ID}">'
            f'<w:nsid w:val="5645524A"/><w:multiLevelType w:val="multilevel"/>'
            f"{levels}</w:abstractNum>"
        )


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _nsdecl() -> str:
    return 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_docx(statute: StatuteText, path: Path) -> None:
    """Write ``statute`` as a Word document whose provision numbers are Word list numbers."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    _set_core_properties(document, statute)
    numbering = WordNumbering(document)
    for block in statute.blocks:
        if block.kind in ("section", "definition", "item"):
            numbering.restart()
        if block.kind in DOCX_LEVELS:
            paragraph = document.add_paragraph(block.text)
            numbering.number(paragraph, DOCX_LEVELS[block.kind], block.label)
            continue
        paragraph = _docx_paragraph(document, block)
        if block.kind in (
            "title",
            "number",
            "toc_title",
            "toc_part",
            "part",
            "schedule_title",
            "schedule_ref",
            "schedule_heading",
        ):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _docx_paragraph(document, block: Block):
    from docx.shared import Pt

    if block.kind == "title":
        return document.add_paragraph(block.text, style="Title")
    if block.kind in ("part", "schedule_title"):
        return document.add_heading(block.text, level=1)
    if block.kind == "section":
        return document.add_heading(f"{block.label}. {block.text}", level=2)
    text = f"{block.label} {block.text}" if block.label else block.text
    paragraph = document.add_paragraph(text)
    if block.kind == "note":
        paragraph.runs[0].italic = True
    indent = {"definition": 0.5, "proviso": 0.5, "body": 0.0, "wrapup": 0.0, "item": 0.0}
    if block.kind in indent:
        paragraph.paragraph_format.left_indent = Pt(28 * indent[block.kind])
    return paragraph


def _set_core_properties(document, statute: StatuteText) -> None:
    props = document.core_properties
    props.title = statute.title
    props.subject = statute.number
    props.author = "Republic of Veridia (fictional jurisdiction)"
    props.last_modified_by = "lexcheck scripts/render_statutes.py"
    props.comments = "lexcheck sample statute; provision numbers are Word automatic numbering"
    props.keywords = "lexcheck; sample statute"
    props.category = ""
    props.revision = 1
    props.created = DOCX_TIMESTAMP
    props.modified = DOCX_TIMESTAMP
    props.last_printed = DOCX_TIMESTAMP


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip so that its bytes depend only on its members' names and contents."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 3
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------------
# Rendering everything, checking, command line
# --------------------------------------------------------------------------------------------------


def statute_sources(source_dir: Path = STATUTES) -> list[Path]:
    return sorted(source_dir.glob("*.txt"))


def outputs_for(source: Path, out_dir: Path) -> list[Path]:
    """The files rendered from one statute text, relative to ``out_dir``."""
    paths = [out_dir / "pdf" / layout / f"{source.stem}.pdf" for layout in LAYOUTS]
    if source.stem in DOCX_STATUTES:
        paths.append(out_dir / "docx" / f"{source.stem}.docx")
    return paths


def render_all(
    out_dir: Path, source_dir: Path = STATUTES, log: list[str] | None = None
) -> list[Path]:
    """Render every statute text in ``source_dir`` into ``out_dir``; return the files written."""
    written: list[Path] = []
    log = [] if log is None else log
    for source in statute_sources(source_dir):
        statute = read_statute(source)
        for layout in LAYOUTS:
            path = out_dir / "pdf" / layout / f"{source.stem}.pdf"
            write_pdf(statute, layout, path, log)
            written.append(path)
        if source.stem in DOCX_STATUTES:
            path = out_dir / "docx" / f"{source.stem}.docx"
            write_docx(statute, path)
            written.append(path)
    return written


def stale_files(committed_dir: Path, fresh_dir: Path) -> list[str]:
    """Relative paths of rendered files that differ between the two trees, or exist in one only."""
    fresh = {p.relative_to(fresh_dir) for p in fresh_dir.rglob("*") if p.is_file()}
    committed = {
        p.relative_to(committed_dir)
        for sub in ("pdf", "docx")
        for p in (committed_dir / sub).rglob("*")
        if p.is_file() and p.suffix in (".pdf", ".docx")
    }
    differing = []
    for rel in sorted(fresh | committed):
        old, new = committed_dir / rel, fresh_dir / rel
        if not old.is_file() or not new.is_file() or old.read_bytes() != new.read_bytes():
            differing.append(str(rel))
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=STATUTES,
        help="directory that holds pdf/ and docx/ (default: statutes/)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="render into a temporary directory and report files that differ",
    )
    parser.add_argument(
        "--show-hyphenation",
        action="store_true",
        help="list every word broken across a line end, for proof-reading",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    log: list[str] = []
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            render_all(Path(tmp), log=log)
            differing = stale_files(args.out, Path(tmp))
        for rel in differing:
            print(f"out of date: {rel}")
        print(
            f"checked in {time.perf_counter() - started:.1f} s: "
            f"{len(differing)} file(s) differ from {args.out}"
        )
        return 1 if differing else 0
    written = render_all(args.out, log=log)
    if args.show_hyphenation:
        for entry in sorted(set(log)):
            print(entry)
    print(f"rendered {len(written)} files into {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
