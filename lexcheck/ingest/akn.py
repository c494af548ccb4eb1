"""Read an Akoma Ntoso 3.0 act into a `Document` whose provisions are already known.

Akoma Ntoso marks every part, section and subsection itself, so guessing structure from numbering
would only lose information. This reader prints the act the way it reads on paper ("5. Trafficking
in persons", "(1) A person who ...") so rules see the same text as for a PDF, and records each
hierarchical element as a `StructureHint` with its own eId, so the structure stage builds the tree
from the markup and keeps the ids legal-informatics tools already use.

Parsing never resolves entities or touches the network: a statute file must not be able to read
other files or call out.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from lexcheck.errors import MalformedAkomaNtoso
from lexcheck.ingest.detect import AKN_NAMESPACE, AKN_ROOT, describe_xml_error, not_akn_error
from lexcheck.ingest.document import Document, Furniture, Segment, StructureHint
from lexcheck.ingest.text import PAGE_BREAK

HIERARCHICAL = frozenset(
    {
        "alinea", "article", "book", "chapter", "clause", "division", "indent", "level", "list",
        "paragraph", "part", "point", "proviso", "rule", "section", "subchapter", "subclause",
        "subdivision", "sublist", "subparagraph", "subpart", "subrule", "subsection", "subtitle",
        "title", "tome", "transitional", "hcontainer", "attachment", "component",
    }
)  # fmt: skip
"""Akoma Ntoso's hierarchical containers (ANhier), plus the generic and attached documents."""

AKN_ALIASES = {
    "article": "art",
    "chapter": "chp",
    "clause": "cl",
    "division": "dvs",
    "paragraph": "para",
    "section": "sec",
    "subchapter": "subchp",
    "subclause": "subcl",
    "subdivision": "subdvs",
    "subparagraph": "subpara",
    "subsection": "subsec",
}
"""The AKN naming convention's eId aliases (bluebell's IdGenerator.aliases) for the hierarchical
elements that are also provision kinds; `lexcheck.structure.eids` builds on them."""

EID_PREFIXES = {**AKN_ALIASES, "attachment": "att", "component": "cmp"}
"""Abbreviations of the AKN naming convention, for elements that arrive without an eId."""

_NUMBERED_BLOCKS = frozenset({"item", "tblock", "blockContainer"})
_LINE_BLOCKS = frozenset(
    {"p", "listIntroduction", "listWrapUp", "crossHeading", "block", "subheading"}
)
_SKIPPED = frozenset({"meta", "num", "heading"})
_DOCUMENT_TYPES = frozenset(
    {
        "act", "amendment", "amendmentList", "bill", "debate", "debateReport", "doc",
        "documentCollection", "judgment", "officialGazette", "portion", "statement",
    }
)  # fmt: skip
_ATTACHED = frozenset({"attachment", "component"})


def read_akn(path: Path) -> Document:
    """Read an Akoma Ntoso 3.0 file: printed-style text plus one StructureHint per provision."""
    path = Path(path)
    raw = path.read_bytes()
    root = _parse(path, raw)
    if root.tag != AKN_ROOT:
        raise not_akn_error(path, root.tag)
    printer = _Printer()
    for document in root:
        if isinstance(document.tag, str):
            printer.walk_document(document, parent=None)
    return Document(
        path=path,
        format="akn",
        text="\n".join(printer.lines),
        segments=printer.segments,
        page_count=printer.page,
        sha256=hashlib.sha256(raw).hexdigest(),
        title_hint=_title(root),
        furniture=printer.furniture,
        structure_hints=printer.hints,
    )


def _parse(path: Path, raw: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        return etree.fromstring(raw, parser, base_url=str(path))
    except etree.XMLSyntaxError as error:
        raise MalformedAkomaNtoso(
            path,
            f"is not well-formed XML: {describe_xml_error(error)}.",
            "Fix the XML at that line (`xmllint --noout FILE` shows every error), or export the "
            "act again from its editor.",
        ) from error


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _akn(name: str) -> str:
    return f"{{{AKN_NAMESPACE}}}{name}"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _title(root: etree._Element) -> str:
    """FRBRWork's FRBRname, else the first docTitle or shortTitle in the text."""
    for name in root.iter(_akn("FRBRname")):
        work = name.getparent()
        if work is not None and _local(work) == "FRBRWork" and name.get("value", "").strip():
            return _clean(name.get("value", ""))
    for tag in ("docTitle", "shortTitle"):
        for element in root.iter(_akn(tag)):
            if _clean("".join(element.itertext())):
                return _clean("".join(element.itertext()))
    return ""


@dataclass
class _Printer:
    """Prints elements as lines and records hints; a provision without a heading prints its number
    on the same line as its first words ("(a) by force;"), as the act is printed."""

    lines: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    hints: list[StructureHint] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    page: int = 1
    pending_num: str = ""
    pending_source: etree._Element | None = None
    last_end: int = 0
    used_eids: set[str] = field(default_factory=set)
    siblings: Counter[tuple[str | None, str]] = field(default_factory=Counter)

    @property
    def next_start(self) -> int:
        """Where the next line will start: after the last one and its "\\n"."""
        return self.last_end + 1 if self.lines else 0

    def walk_document(self, document: etree._Element, parent: str | None) -> None:
        """An act, bill or attached doc: all but its metadata, the cover page as furniture."""
        for child in document:
            if _local(child) == "coverPage":
                reason = "Akoma Ntoso coverPage: front matter, not the statute's body"
                self._set_aside(child, "cover", reason)
            elif _local(child) != "meta":
                self.walk(child, parent)

    def walk(self, element: etree._Element, parent: str | None) -> None:
        name = _local(element)
        if name in HIERARCHICAL:
            self._provision(element, name, parent)
        elif name in _NUMBERED_BLOCKS:
            self._numbered_block(element, parent)
        elif name in _LINE_BLOCKS:
            self.add_line(self._inline(element), element)
        elif name in _DOCUMENT_TYPES:
            self.walk_document(element, parent)
        elif name == "quotedStructure":
            self.add_line(self._inline(element), element)
        elif name == "toc":
            self._set_aside(element, "other", "Akoma Ntoso toc: a table of contents, not text")
        elif name and name not in _SKIPPED:
            for child in element:
                self.walk(child, parent)

    def add_line(self, text: str, source: etree._Element) -> None:
        """One printed line, its segments split where a page ends ("\\f"); the pending number of
        the provision that opened it goes first."""
        pieces = " ".join(filter(None, (self.pending_num, text))).split(PAGE_BREAK)
        self.pending_num = ""
        start = self.next_start
        cursor = start
        for index, piece in enumerate(pieces):
            if index:
                self.page += 1
            if piece:
                end = cursor + len(piece)
                self.segments.append(Segment(cursor, end, self.page, line=source.sourceline))
                cursor = end
        if cursor > start:
            self.lines.append("".join(pieces))
            self.last_end = cursor

    def _provision(self, element: etree._Element, kind: str, parent: str | None) -> None:
        self._flush_num()
        if kind == "hcontainer" and element.get("name"):
            kind = element.get("name", kind)
        num, heading = self._num_and_heading(element)
        eid = self._eid(element, kind, num, parent)
        index, start = len(self.hints), self.next_start
        self.hints.append(
            StructureHint(
                eid=eid,
                kind=kind,
                num=num.replace(PAGE_BREAK, "").rstrip(".").strip(),
                heading=heading.replace(PAGE_BREAK, ""),
                start=start,
                end=start,
                parent=parent,
            )
        )
        if _local(element) not in _ATTACHED:
            self._open_with(num, heading, element)
        for child in element:
            self.walk(child, eid)
        self._flush_num()
        self.hints[index] = replace(self.hints[index], end=max(self.last_end, start))

    def _numbered_block(self, element: etree._Element, parent: str | None) -> None:
        """A list item or titled block: printed like a provision, but not a provision."""
        self._flush_num()
        num, heading = self._num_and_heading(element)
        self._open_with(num, heading, element)
        for child in element:
            self.walk(child, parent)
        self._flush_num()

    def _open_with(self, num: str, heading: str, element: etree._Element) -> None:
        """A heading gets its own line with the number; otherwise the number waits for the text."""
        if heading:
            self.add_line(f"{num} {heading}".strip(), element)
        else:
            self.pending_num, self.pending_source = num, element

    def _flush_num(self) -> None:
        """A number still waiting for text when a child provision starts gets a line of its own."""
        if self.pending_num and self.pending_source is not None:
            self.add_line("", self.pending_source)

    def _num_and_heading(self, element: etree._Element) -> tuple[str, str]:
        if _local(element) in _ATTACHED:
            return "", self._attachment_title(element)
        num = element.find(_akn("num"))
        heading = element.find(_akn("heading"))
        return (
            self._inline(num) if num is not None else "",
            self._inline(heading) if heading is not None else "",
        )

    @staticmethod
    def _attachment_title(element: etree._Element) -> str:
        """An attached schedule's title, from its own preface (printed there, not again)."""
        for tag in ("docTitle", "docNumber"):
            found = next(element.iter(_akn(tag)), None)
            if found is not None:
                return _clean("".join(found.itertext()))
        return ""

    def _eid(self, element: etree._Element, kind: str, num: str, parent: str | None) -> str:
        """The element's own eId, else one in the AKN naming convention; never one already used."""
        self.siblings[(parent, kind)] += 1
        eid = element.get("eId") or element.get("id") or self._generated_eid(kind, num, parent)
        candidate, suffix = eid, 1
        while candidate in self.used_eids:
            suffix += 1
            candidate = f"{eid}_{suffix}"
        self.used_eids.add(candidate)
        return candidate

    def _generated_eid(self, kind: str, num: str, parent: str | None) -> str:
        prefix = EID_PREFIXES.get(kind, re.sub(r"\W+", "", kind) or "hcontainer")
        number = re.sub(r"\W+", "", re.sub(rf"(?i)^\s*{re.escape(kind)}\b", "", num))
        if not number:  # unnumbered: its position among its parent's elements of this kind
            number = str(self.siblings[(parent, kind)])
        own = f"{prefix}_{number}"
        return f"{parent}__{own}" if parent else own

    def _inline(self, element: etree._Element) -> str:
        """An element's text, inline markup flattened, notes set aside, "\\f" where a page ends."""
        raw = "".join(self._inline_parts(element))
        return PAGE_BREAK.join(_clean(piece) for piece in raw.split(PAGE_BREAK)).strip(" ")

    def _inline_parts(self, element: etree._Element) -> Iterator[str]:
        yield element.text or ""
        for child in element:
            name = _local(child)
            if name == "authorialNote":
                reason = "Akoma Ntoso authorialNote: a note on the text, not the text itself"
                self._set_aside(child, "footnote", reason)
            elif name == "eop":
                yield PAGE_BREAK
            elif name in ("eol", "br"):
                yield " "
            elif name:
                yield from self._inline_parts(child)
            yield child.tail or ""

    def _set_aside(self, element: etree._Element, kind: str, reason: str) -> None:
        """Keep text that is not the statute's body as furniture, on the page it is on."""
        text = _clean(" ".join(element.itertext()))
        if text:
            self.furniture.append(Furniture(page=self.page, text=text, kind=kind, reason=reason))
