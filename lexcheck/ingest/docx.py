"""Read a Word (.docx) statute into a `Document`, one line per paragraph, numbers rebuilt.

Drafting offices number sections and subsections with Word's automatic numbering, and the numbers
are not in the run text: a paragraph that prints "(2) A person who ..." stores only "A person who
...". Without its number the structure parser cannot see the provision, so this reader rebuilds the
labels from numbering.xml the way Word does (list definitions, level formats, start values,
restarts and overrides, numbering inherited from paragraph styles) and prepends them.

Page numbers come from the page breaks Word writes into the file (explicit breaks, "page break
before", section breaks and the breaks Word recorded at its last layout); headers, footers and
footnotes are kept as furniture.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from lexcheck.ingest.detect import docx_package_error
from lexcheck.ingest.document import Document, Furniture, Segment
from lexcheck.ingest.text import PAGE_BREAK, normalise_spaces

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _val(element: etree._Element | None, child: str | None = None) -> str | None:
    """The w:val of `element` (or of its child `child`), None when either is absent."""
    if element is not None and child is not None:
        element = element.find(_w(child))
    return None if element is None else element.get(_w("val"))


def _optional_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _int(value: str | None, default: int) -> int:
    number = _optional_int(value)
    return default if number is None else number


def read_docx(path: Path) -> Document:
    """Read a .docx statute: body paragraphs and table cells in reading order, numbering rebuilt."""
    path = Path(path)
    word = _open(path)
    styles = _Styles(word.styles.element)
    numbering = _Numbering(_numbering_element(word), styles)
    builder = _Builder(section_types=_section_types(word.element.body))
    for index, paragraph in enumerate(_body_paragraphs(word.element.body)):
        builder.add_paragraph(paragraph, index + 1, styles, numbering)
    text = "\n".join(builder.lines)
    return Document(
        path=path,
        format="docx",
        text=text,
        segments=builder.segments,
        page_count=builder.page,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        title_hint=builder.title or (builder.lines[0] if builder.lines else ""),
        furniture=builder.text_boxes
        + _headers_and_footers(word, builder.section_pages)
        + _footnotes(word, builder.footnote_pages),
    )


def _open(path: Path) -> WordDocument:
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError) as error:
        raise docx_package_error(path, str(error)) from error
    except (KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise docx_package_error(path, f"a part is missing or damaged: {error}") from error


def _section_types(body: etree._Element) -> list[str | None]:
    """Each section's w:type in order. A section's type says how it starts (a new page unless
    "continuous"), so it decides whether the break that ends the section before turns a page."""
    return [
        _val(properties, "type")
        for properties in body.iter(_w("sectPr"))
        if properties.getparent().tag in (_w("pPr"), _w("body"))
    ]


def _numbering_element(word: WordDocument) -> etree._Element | None:
    try:
        return word.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:
        return None


def _body_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Every w:p in reading order: a table's cells row by row where the table stands, content
    controls and tracked insertions opened."""
    for child in container:
        if child.tag == _w("p"):
            yield child
        elif child.tag == _w("tbl"):
            for row in child.iterchildren(_w("tr")):
                for cell in row.iterchildren(_w("tc")):
                    yield from _body_paragraphs(cell)
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")):
            yield from _body_paragraphs(child)


# Run-level content that is not printed text in the accepted view of the document: deletions,
# field codes, and drawings or text boxes (whose text would be duplicated by their fallbacks).
_SKIPPED = frozenset(
    _w(name)
    for name in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "drawing",
        "pict",
        "object",
        "txbxContent",
    )
) | {f"{{{MC_NS}}}AlternateContent"}
_INLINE_TEXT = {
    _w("tab"): " ",
    _w("cr"): " ",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
    _w("lastRenderedPageBreak"): PAGE_BREAK,
}


def _inline_text(element: etree._Element, footnotes: list[str]) -> Iterator[str]:
    """A paragraph's printed text, "\\f" where a page turns; footnote ids go to `footnotes`."""
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == _w("t"):
            yield child.text or ""
        elif tag == _w("br"):
            yield PAGE_BREAK if child.get(_w("type")) == "page" else " "
        elif tag in _INLINE_TEXT:
            yield _INLINE_TEXT[tag]
        elif tag == _w("footnoteReference"):
            footnotes.append(child.get(_w("id"), ""))
        else:
            yield from _inline_text(child, footnotes)


@dataclass
class _Builder:
    """Accumulates lines, segments and pages; a page turn with nothing printed since the last one
    is the same turn (Word records a rendered break right after an explicit one)."""

    lines: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    page: int = 1
    blank_page: bool = True
    offset: int = 0
    title: str = ""
    section_types: list[str | None] = field(default_factory=list)
    section_pages: list[int] = field(default_factory=lambda: [1])
    footnote_pages: dict[str, int] = field(default_factory=dict)
    text_boxes: list[Furniture] = field(default_factory=list)

    def add_paragraph(
        self, paragraph: etree._Element, line: int, styles: _Styles, numbering: _Numbering
    ) -> None:
        properties = paragraph.find(_w("pPr"))
        style_id = _val(properties, "pStyle") or styles.default
        footnotes: list[str] = []
        body = "".join(_inline_text(paragraph, footnotes))
        if styles.page_break_before(properties, style_id):
            body = PAGE_BREAK + body
        label = numbering.label(properties, style_id)
        printed = self._add_line(_with_label(body, label), line)
        if printed and not self.title and styles.is_title(style_id):
            self.title = printed
        for footnote in footnotes:
            self.footnote_pages.setdefault(footnote, self.page)
        for box in _text_boxes(paragraph):
            reason = "DOCX text box: floats beside the body, outside its reading order"
            self.text_boxes.append(Furniture(page=self.page, text=box, kind="other", reason=reason))
        if properties is not None and properties.find(_w("sectPr")) is not None:
            self._end_section()

    def _add_line(self, raw: str, line: int) -> str:
        """Add a paragraph's text, segments split at each "\\f"; return the line ("" if blank)."""
        pieces = re.sub(r" *\f *", PAGE_BREAK, normalise_spaces(raw).strip(" ")).split(PAGE_BREAK)
        start = self.offset + (1 if self.lines else 0)
        cursor = start
        for index, piece in enumerate(pieces):
            if index:
                self._turn_page()
            if piece:
                self.segments.append(Segment(cursor, cursor + len(piece), self.page, line=line))
                self.blank_page = self.blank_page and not piece.strip()
                cursor += len(piece)
        printed = "".join(pieces)
        if printed:
            self.lines.append(printed)
            self.offset = cursor
        return printed

    def _end_section(self) -> None:
        following = len(self.section_pages)
        if following >= len(self.section_types) or self.section_types[following] != "continuous":
            self._turn_page()
        self.section_pages.append(self.page)

    def _turn_page(self) -> None:
        if not self.blank_page:
            self.page += 1
            self.blank_page = True


def _text_boxes(paragraph: etree._Element) -> list[str]:
    """The text of the text boxes anchored in a paragraph; Word stores each box twice (a DrawingML
    choice and a VML fallback), so the fallback copy is left out."""
    fallback = f"{{{MC_NS}}}Fallback"
    boxes = (
        box
        for box in paragraph.iter(_w("txbxContent"))
        if all(ancestor.tag != fallback for ancestor in box.iterancestors())
    )
    texts = (" ".join(filter(None, map(_plain, box.iter(_w("p"))))) for box in boxes)
    return [text for text in texts if text]


def _with_label(body: str, label: str) -> str:
    """Put the rebuilt number where Word prints it: after leading page breaks, before the text."""
    if not label:
        return body
    breaks = len(body) - len(body.lstrip(PAGE_BREAK))
    return f"{body[:breaks]}{label} {body[breaks:]}"


class _Styles:
    """The paragraph styles' inherited numbering and page-break settings, following basedOn."""

    def __init__(self, styles: etree._Element) -> None:
        self._styles = {
            style.get(_w("styleId")): style
            for style in styles.iterchildren(_w("style"))
            if style.get(_w("type")) == "paragraph"
        }
        self.default = next(
            (
                sid
                for sid, style in self._styles.items()
                if style.get(_w("default")) in ("1", "true")
            ),
            None,
        )

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = _val(style, "basedOn")

    def numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) the style gives its paragraphs, each from the nearest style setting it."""
        num_id = ilvl = None
        for style in self.chain(style_id):
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            num_id = num_id or _val(num_pr, "numId")
            ilvl = ilvl or _val(num_pr, "ilvl")
        return num_id, ilvl

    def page_break_before(self, properties: etree._Element | None, style_id: str | None) -> bool:
        for props in [properties, *(s.find(_w("pPr")) for s in self.chain(style_id))]:
            flag = props.find(_w("pageBreakBefore")) if props is not None else None
            if flag is not None:
                return _val(flag) not in ("0", "false", "off")
        return False

    def is_title(self, style_id: str | None) -> bool:
        style = self._styles.get(style_id)
        return style_id == "Title" or (style is not None and _val(style, "name") == "Title")


@dataclass(frozen=True)
class _Level:
    """One level of a list definition: how its number looks and when it starts again."""

    fmt: str
    text: str
    start: int
    restart: int | None
    legal: bool
    style: str | None

    @classmethod
    def parse(cls, lvl: etree._Element) -> _Level:
        return cls(
            fmt=_val(lvl, "numFmt") or "decimal",
            text=_val(lvl, "lvlText") or "",
            start=_int(_val(lvl, "start"), 0),
            restart=_optional_int(_val(lvl, "lvlRestart")),
            legal=lvl.find(_w("isLgl")) is not None,
            style=_val(lvl, "pStyle"),
        )

    def restarts_after(self, used: int) -> bool:
        """Whether using level `used` (0-based, shallower than this one) resets this level.

        w:lvlRestart is 1-based, 0 means never; absent means after any shallower level."""
        return self.restart is None or used < self.restart


class _Numbering:
    """Word's list numbering, rebuilt while the body is read in order.

    Counters belong to the abstract list definition, so two w:num instances of one definition
    continue each other, as in Word; a w:num with a startOverride restarts it at its first use.
    """

    def __init__(self, numbering: etree._Element | None, styles: _Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, str | None] = {}
        self._levels: dict[str, dict[int, _Level]] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str | None, dict[int, int]] = {}
        self._used: set[str] = set()
        if numbering is not None:
            self._load(numbering)

    def _load(self, numbering: etree._Element) -> None:
        abstracts = {
            a.get(_w("abstractNumId")): a for a in numbering.iterchildren(_w("abstractNum"))
        }
        for num in numbering.iterchildren(_w("num")):
            num_id = num.get(_w("numId"))
            abstract_id = _val(num, "abstractNumId")
            abstract_id = self._follow_style_link(abstracts, numbering, abstract_id)
            definition = abstracts.get(abstract_id)
            levels = {
                _int(lvl.get(_w("ilvl")), 0): _Level.parse(lvl)
                for lvl in (definition.iterchildren(_w("lvl")) if definition is not None else ())
            }
            self._overrides[num_id] = {}
            for override in num.iterchildren(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0)
                if override.find(_w("lvl")) is not None:
                    levels[ilvl] = _Level.parse(override.find(_w("lvl")))
                if override.find(_w("startOverride")) is not None:
                    self._overrides[num_id][ilvl] = _int(_val(override, "startOverride"), 0)
            self._abstract[num_id] = abstract_id
            self._levels[num_id] = levels

    def _follow_style_link(
        self,
        abstracts: dict[str | None, etree._Element],
        numbering: etree._Element,
        abstract_id: str | None,
    ) -> str | None:
        """A definition that only says "numbered like style X" (numStyleLink) uses X's list."""
        abstract = abstracts.get(abstract_id)
        link = _val(abstract, "numStyleLink")
        if link is None:
            return abstract_id
        linked_num, _ = self._styles.numbering(link)
        for num in numbering.iterchildren(_w("num")):
            if num.get(_w("numId")) == linked_num:
                return _val(num, "abstractNumId") or abstract_id
        return abstract_id

    def label(self, properties: etree._Element | None, style_id: str | None) -> str:
        """The number Word prints before this paragraph ("" if none), advancing the counters."""
        num_id, ilvl = self._reference(properties, style_id)
        level = self._levels.get(num_id or "", {}).get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(self._abstract[num_id], {})
        if num_id not in self._used:
            self._used.add(num_id)
            for override_level, start in self._overrides[num_id].items():
                counters[override_level] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        levels = self._levels[num_id]
        for deeper in [d for d in counters if d > ilvl]:
            if deeper not in levels or levels[deeper].restarts_after(ilvl):
                del counters[deeper]
        return self._render(level, levels, counters)

    def _reference(
        self, properties: etree._Element | None, style_id: str | None
    ) -> tuple[str | None, int]:
        """(numId, ilvl) from the paragraph's own numPr, else from its style; numId 0 = none."""
        num_pr = properties.find(_w("numPr")) if properties is not None else None
        style_num, style_ilvl = self._styles.numbering(style_id)
        num_id = _val(num_pr, "numId") or style_num
        if num_id in (None, "0") or num_id not in self._levels:
            return None, 0
        ilvl = _val(num_pr, "ilvl") or style_ilvl
        if ilvl is None:  # a style linked from a level (w:pStyle) takes that level
            ilvl = next(
                (str(i) for i, lv in self._levels[num_id].items() if lv.style == style_id), "0"
            )
        return num_id, _int(ilvl, 0)

    @staticmethod
    def _render(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
        if level.fmt == "bullet":
            return _bullet(level.text)

        def number(match: re.Match[str]) -> str:
            referenced = int(match[1]) - 1
            ref_level = levels.get(referenced, level)
            value = counters.get(referenced, ref_level.start)
            return format_number(value, "decimal" if level.legal else ref_level.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (unknown formats print as decimals)."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _bullet(text: str) -> str:
    """Symbol-font bullets are private-use characters that mean nothing outside Word: print "•"."""
    if not text or all(0xF000 <= ord(char) <= 0xF0FF for char in text):
        return "•"
    return text


def _headers_and_footers(word: WordDocument, section_pages: list[int]) -> list[Furniture]:
    """Each section's own headers and footers, once, on the page where the section starts."""
    furniture: list[Furniture] = []
    seen: set[tuple[str, str]] = set()
    for number, section in enumerate(word.sections, start=1):
        page = section_pages[min(number - 1, len(section_pages) - 1)]
        for kind, parts in (
            (
                "running-header",
                (section.header, section.first_page_header, section.even_page_header),
            ),
            (
                "running-footer",
                (section.footer, section.first_page_footer, section.even_page_footer),
            ),
        ):
            for part in parts:
                if part.is_linked_to_previous:
                    continue
                paragraphs = _body_paragraphs(part.part.element)
                text = " ".join(filter(None, (_plain(p) for p in paragraphs)))
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    reason = f"DOCX {kind.split('-')[1]} of section {number}, printed on its pages"
                    furniture.append(Furniture(page=page, text=text, kind=kind, reason=reason))
    return furniture


def _footnotes(word: WordDocument, pages: dict[str, int]) -> list[Furniture]:
    """The footnotes the body refers to, on the page of their reference."""
    try:
        part = word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    except KeyError:
        return []
    root = getattr(part, "element", None)
    if root is None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(part.blob, parser)
    furniture = []
    for note in root.iterchildren(_w("footnote")):
        note_id = note.get(_w("id"))
        if note_id not in pages:
            continue
        text = " ".join(filter(None, (_plain(p) for p in note.iter(_w("p")))))
        reason = "DOCX footnote, kept apart from the statute's body text"
        furniture.append(Furniture(page=pages[note_id], text=text, kind="footnote", reason=reason))
    return furniture


def _plain(paragraph: etree._Element) -> str:
    text = "".join(_inline_text(paragraph, [])).replace(PAGE_BREAK, "")
    return " ".join(normalise_spaces(text).split())
