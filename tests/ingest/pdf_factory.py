"""Small, deterministic statute PDFs for the PDF reader's tests and benchmarks (ReportLab, base-14).

Two levels:

* `draw_pdf` prints exactly the `Text` runs it is given, page by page, at top-down positions, so a
  test controls every baseline (headers, notes, superscripts, tight gazette spacing);
* `typeset` lays out `Block`s of statute text the way the corpus layouts do (single column, two
  gazette columns, marginal notes, draft bill with line numbers), wrapping words ragged-right, with
  a running header and a page number, and returns the pages for `draw_pdf`.

`invariant=1` keeps the bytes identical from run to run.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
BODY = "Times-Roman"
BOLD = "Times-Bold"
ITALIC = "Times-Italic"


@dataclass(frozen=True)
class Text:
    """A run of text whose baseline is `top` points below the top of the page."""

    x: float
    top: float
    text: str
    font: str = BODY
    size: float = 10.0
    letter_gap: float | None = None
    """If set, each character is drawn on its own at this gap, with no space glyphs (a gazette)."""
    width: float | None = None
    """If set, the words are spread to fill exactly this width (a justified line)."""


@dataclass(frozen=True)
class Block:
    """One printed paragraph: a heading, a provision or a sentence of running text."""

    text: str
    bold: bool = False
    indent: float = 0.0
    note: str = ""
    """A marginal note printed beside the block's first line (margin layout only)."""


@dataclass
class Layout:
    """Where `typeset` prints: one or two columns, an optional margin for notes or line numbers."""

    kind: str = "single"
    size: float = 10.0
    leading: float = 12.5
    paragraph_gap: float = 4.0
    header: str = "Prevention of Trafficking Act, 2030"
    page_numbers: bool = True
    top: float = 80.0
    bottom: float = 780.0
    columns: list[tuple[float, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.columns:
            return
        self.columns = {
            "single": [(72.0, 520.0)],
            "twocol": [(57.0, 282.0), (313.0, 538.0)],
            "margin": [(180.0, 530.0)],
            "bill": [(105.0, 518.0)],
        }[self.kind]


def draw_pdf(
    path: Path,
    pages: Sequence[Sequence[Text]],
    *,
    encrypt: object = None,
    images: Sequence[int] = (),
    rules: dict[int, Sequence[tuple[float, float, float]]] | None = None,
) -> Path:
    """Write the pages' text runs to `path`, with a grey image on the pages listed in `images`
    and, per page, horizontal rules given as (x0, x1, top)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    for number, texts in enumerate(pages, start=1):
        if number in images:
            canvas.drawImage(_grey_image(), 72, 300, width=400, height=300)
        for x0, x1, top in (rules or {}).get(number, ()):
            canvas.line(x0, HEIGHT - top, x1, HEIGHT - top)
        for text in texts:
            _draw(canvas, text)
        canvas.showPage()
    canvas.save()
    return path


def _draw(canvas: Canvas, text: Text) -> None:
    canvas.setFont(text.font, text.size)
    y = HEIGHT - text.top
    if text.letter_gap is not None:
        _draw_letters(canvas, text, y)
    elif text.width is not None:
        _draw_justified(canvas, text, y)
    else:
        canvas.drawString(text.x, y, text.text)


def _draw_letters(canvas: Canvas, text: Text, y: float) -> None:
    """Every character on its own, word spaces as bare gaps: how many gazettes print."""
    x = text.x
    for char in text.text:
        if char == " ":
            x += 0.22 * text.size
            continue
        canvas.drawString(x, y, char)
        x += stringWidth(char, text.font, text.size) + (text.letter_gap or 0.0)


def _draw_justified(canvas: Canvas, text: Text, y: float) -> None:
    """Words spread so that the last one ends exactly `width` points after the first begins."""
    words = text.text.split()
    natural = sum(stringWidth(word, text.font, text.size) for word in words)
    gap = ((text.width or 0.0) - natural) / max(len(words) - 1, 1)
    x = text.x
    for word in words:
        canvas.drawString(x, y, word)
        x += stringWidth(word, text.font, text.size) + gap


def _grey_image() -> ImageReader:
    """A small grey picture standing in for a scanned page."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (40, 30), color=128).save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def typeset(blocks: Sequence[Block], layout: Layout | None = None) -> list[list[Text]]:
    """Lay statute blocks out on pages in one of the corpus layouts."""
    layout = layout or Layout()
    setter = _Setter(layout)
    for block in blocks:
        setter.block(block)
    return setter.finish()


class _Setter:
    """Fills columns top to bottom, page after page, wrapping each block's words."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.pages: list[list[Text]] = [[]]
        self.column = 0
        self.y = layout.top
        self.line_count = 0

    def block(self, block: Block) -> None:
        font = BOLD if block.bold else BODY
        left, right = self.layout.columns[self.column]
        lines = _wrap(block.text, font, self.layout.size, right - left - block.indent)
        for index, words in enumerate(lines):
            self._room()
            left, _ = self.layout.columns[self.column]
            page = self.pages[-1]
            page.append(Text(left + block.indent, self.y, words, font, self.layout.size))
            if index == 0 and block.note and self.layout.kind == "margin":
                self._note(block.note)
            self.line_count += 1
            if self.layout.kind == "bill" and self.line_count % 5 == 0:
                number = str(self.line_count)
                x = 85.0 - stringWidth(number, "Helvetica", 7.0)
                page.append(Text(x, self.y, number, "Helvetica", 7.0))
            self.y += self.layout.leading
        self.y += self.layout.paragraph_gap

    def _note(self, note: str) -> None:
        """The note beside the current line, wrapped in the left margin in small italics."""
        for offset, words in enumerate(_wrap(note, ITALIC, 7.5, 95.0)):
            self.pages[-1].append(Text(60.0, self.y + 9.0 * offset, words, ITALIC, 7.5))

    def _room(self) -> None:
        if self.y <= self.layout.bottom:
            return
        self.y = self.layout.top
        if self.column + 1 < len(self.layout.columns):
            self.column += 1
            return
        self.column = 0
        self.line_count = 0
        self.pages.append([])

    def finish(self) -> list[list[Text]]:
        """Add the running header and page number to every page."""
        for number, page in enumerate(self.pages, start=1):
            if self.layout.header:
                page.insert(0, Text(180.0, 40.0, self.layout.header, ITALIC, 8.0))
            if self.layout.page_numbers:
                page.append(Text(WIDTH / 2 - 5, 810.0, str(number), BODY, 9.0))
        return self.pages


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy ragged-right line breaking."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def statute_pdf(path: Path, blocks: Sequence[Block], layout: Layout | None = None) -> Path:
    """Typeset blocks and write them as a PDF."""
    return draw_pdf(path, typeset(blocks, layout))


def sample_blocks(sections: int) -> list[Block]:
    """A made-up anti-trafficking statute with `sections` sections, for larger fixtures."""
    blocks = [
        Block("PREVENTION OF TRAFFICKING ACT, 2030", bold=True),
        Block("PART I – PRELIMINARY", bold=True),
    ]
    for number in range(1, sections + 1):
        blocks += [
            Block(
                f"{number}. Duties of the officer under section {number}",
                bold=True,
                note=f"Duties under section {number}",
            ),
            Block(
                f"(1) The officer shall, subject to section {max(number - 1, 1)}(2), record every "
                "complaint of trafficking in persons, forced labour or debt bondage made to him, "
                "and shall inform the complainant of the protection available under this Act.",
                indent=14.0,
            ),
            Block(
                "(2) A person who recruits, transports, transfers, harbours or receives another "
                "person by means of threat, deception or abuse of a position of vulnerability for "
                "the purpose of exploitation commits an offence.",
                indent=14.0,
            ),
            Block("(a) the consent of the victim is irrelevant; and", indent=28.0),
            Block("(b) the offence is punishable with imprisonment for ten years.", indent=28.0),
        ]
    return blocks


def paragraph(
    x: float,
    top: float,
    lines: Sequence[str],
    width: float,
    *,
    font: str = BODY,
    size: float = 10.0,
    leading: float = 12.5,
) -> list[Text]:
    """Lines printed one under another, all justified to `width` except the last."""
    return [
        Text(x, top + i * leading, line, font, size, width=None if i == len(lines) - 1 else width)
        for i, line in enumerate(lines)
    ]
