"""Build the provision tree from a statute's lines: the numbering grammar put to work.

The builder reads the body line by line and keeps the path of open provisions (a stack, root
first). A line that opens with a marker is decided by its family, like a decision table:

* big unit (PART, CHAPTER …): closes everything below the level its kind took when first seen,
  so Part > Chapter and Chapter > Part both work;
* schedule: closes everything; what follows is numbered in the schedule's own scope, so "3." in
  a schedule is a schedule paragraph, not section 3;
* section or article: accepted when its number comes after the last one (a jump is allowed after
  text left out), closes everything up to the nearest big unit;
* list item "(a)": goes where sequence continuity puts it — after the open item it follows, or
  one level down when it starts a list — and is refused when it reads as a cross-reference;
* explanation and illustration: under the section, subsection or definition they explain;
* proviso: under the provision it qualifies (beside an earlier proviso).

A line without a marker is text of the open provision, except a line that starts in lower case
after a list item ("…, commits an offence"): it closes the list as a wrap-up.

Two kinds of text hold numbers that are not provisions. A definition's own list ("'exploitation'
includes— (a) … (b) …") and an illustration's are absorbed into it; an amending Act's quotation
of the provisions it inserts (see `lexcheck.structure.quotes`) is text of the amending provision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from lexcheck.structure.kinds import BIG_UNITS, LIST_ITEMS, LIST_LADDER, SECTION_LEVEL, item_kind
from lexcheck.structure.lines import (
    Line,
    ends_list_item,
    introduces_list,
    is_gap,
    is_title_like,
    starts_lowercase,
)
from lexcheck.structure.numbering import (
    Marker,
    Reading,
    follows,
    follows_closely,
    is_first,
    read_marker,
    section_key,
)
from lexcheck.structure.preface import body_start
from lexcheck.structure.quotes import closes_quotation, opens_mid_line, opens_quotation

MAX_SECTION_JUMP = 10
"""How far a plain section number may jump ("12." after "4.") when no text was left out between."""

_DEFINITION = re.compile(
    r"(?:(?:the|a|an)\s+)?[“\"‘'«][^“”\"‘’'«»]{1,100}?[”\"’'»]+"
    r"(?:\s*(?:,|and|or)\s*[“\"‘'][^”\"’']{1,100}[”\"’']+)*"
    r"\s*[,.]?\s*(?:\([^)]{1,60}\)\s*)?"
    r"(?:[-–—―]+|(?:means?|includes?|shall\s+(?:mean|include|have|not\s+include)|has\s+the|"
    r"have\s+the|does\s+not\s+include|refers?\s+to|in\s+relation\s+to|with\s+respect\s+to|"
    r"is|denotes?|deleted)\b)"
)
_SCHEDULE_CITATION = re.compile(
    r"\((?:[Ss]ee\s+)?(?:[Ss]ections?|ss?\.|[Rr]egulations?|r\.)\s*\d.*\)$"
)
_NOTE_PREFIX = re.compile(r"[A-Z][\w,’'-]*(?:\s+[\w,’'-]+){0,3}\s+(?=\d)")
_UNIT_WORD = re.compile(
    r"\b(?:sections?|sub-?sections?|articles?|clauses?|paragraphs?|chapters?|parts?|schedules?"
    r"|rules?|regulations?|ss?\.)\s*$|\d",
    re.IGNORECASE,
)
_DASH_HEADING = re.compile(r"(?P<heading>[^—–―]{1,200}?)\s*(?:[.:]\s*[-–—―]+|\.\s+-+)\s*")


def is_definition(text: str) -> bool:
    """Whether a line (or the text after its number) defines a term: '"child" means …'.

    >>> is_definition('"exploitation" includes but is not limited to—')
    True
    >>> is_definition("“counterfeit”.––A person is said to counterfeit")
    True
    >>> is_definition("The consent of a victim shall not be relevant")
    False
    """
    return bool(_DEFINITION.match(text))


def split_heading(rest: str, alone: bool) -> tuple[str, int]:
    """The heading printed after a unit's number, and where the unit's text begins in `rest`.

    A heading ends with a full stop and a dash ("Trafficking of a Person.—", Indian and Pakistani
    style) or is the whole line when the line reads as a heading and more text follows on the
    next lines (`alone`).

    >>> split_heading("Short title, extent and commencement.– (1) This Act", alone=False)
    ('Short title, extent and commencement', 39)
    >>> split_heading("Trafficking in persons", alone=True)
    ('Trafficking in persons', 22)
    >>> split_heading("(1) A person who—", alone=True)
    ('', 0)
    """
    marker = read_marker(rest)
    if not rest or (marker is not None and marker.family == "item"):
        return "", 0
    dash = _DASH_HEADING.match(rest)
    if dash and len(dash.group("heading").split()) <= 25:
        return dash.group("heading").strip(), dash.end()
    if alone and is_title_like(rest):
        return rest, len(rest)
    return "", 0


@dataclass(eq=False)
class Node:
    """A provision while the tree is being built.

    `reading` is how a list item's number was read; `headed` marks units that print a heading
    (big units, sections, articles, schedules and their paragraphs), which marginal notes name.
    """

    kind: str
    num: str = ""
    heading: str = ""
    start: int = 0
    reading: Reading | None = None
    parent: Node | None = field(default=None, repr=False)
    children: list[Node] = field(default_factory=list, repr=False)
    holds_definitions: bool = False
    headed: bool = False

    def add(self, child: Node) -> Node:
        """Make `child` this node's last child."""
        child.parent = self
        self.children.append(child)
        return child

    def last_numbered_child(self) -> Node | None:
        """The last child that is a list item (the one a new item may follow)."""
        return next((child for child in reversed(self.children) if child.reading), None)

    def walk(self) -> Iterator[Node]:
        """This node and its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class _Scope:
    """Where big units nest: the body, or one schedule. `order` is big-unit kinds by first use."""

    container: Node
    order: list[str] = field(default_factory=list)


@dataclass
class _Absorbing:
    """A definition or illustration whose own lists are its text; `levels` are their open numbers."""

    holder: Node
    levels: list[Reading] = field(default_factory=list)


class TreeBuilder:
    """Reads the lines of one statute into a tree of `Node`s (see the module docstring)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.root = Node("root")
        self.stack: list[Node] = [self.root]
        self.scope = _Scope(self.root)
        self.section_style = ""
        self.last_section: tuple | None = None
        self.absorbing: _Absorbing | None = None
        self.quoting = ""
        self.previous: Line | None = None
        self.text_lines: set[int] = set()
        self.heading_lines: set[int] = set()
        self.unit_lines: set[int] = set()
        self.last_start = -1
        self.gap_since_section = False

    def build(self) -> Node:
        """The root of the tree; its children are the statute's top-level provisions."""
        for line in self.lines[body_start(self.lines) :]:
            self._read(line)
            self.previous = line
            self.gap_since_section |= is_gap(line.text)
        return self.root

    # Quotations ---------------------------------------------------------------------------

    def _read(self, line: Line) -> None:
        if self.quoting and not self._quotation_ends_before(line):
            self._quote_on(line, self.quoting)
            return
        opening = opens_quotation(self.previous.text, line.text) if self.previous else ""
        if opening:
            self._quote_on(line, opening)
            return
        marker = read_marker(line.text) or self._section_after_note(line)
        if marker is None or not self._place(line, marker):
            self._text_line(line)
        self.quoting = opens_mid_line(line.text)

    def _quote_on(self, line: Line, mark: str) -> None:
        """A line of a quotation opened with `mark`: text of the open provision."""
        self.quoting = "" if closes_quotation(line.text, mark) else mark

    def _quotation_ends_before(self, line: Line) -> bool:
        """A quotation left open ends where the amending Act's next section ("11." after "10.")
        begins."""
        marker = read_marker(line.text)
        if marker is None or marker.family != "section" or self.last_section is None:
            return False
        if marker.style != self.section_style:
            return False
        return section_key(marker.num) == (self.last_section[0] + 1, (), "")

    def _section_after_note(self, line: Line) -> Marker | None:
        """The next section's number printed after a few words of its marginal note, which the
        PDF reader could not set apart ("Commencement 40. The right of private defence …").

        Only the very next section number counts, and not after a unit word ("… of section 40.").
        """
        prefix = _NOTE_PREFIX.match(line.text)
        if prefix is None or self.section_style != "plain" or self.last_section is None:
            return None
        marker = read_marker(line.text[prefix.end() :])
        if marker is None or marker.style != "plain" or _UNIT_WORD.search(prefix.group()):
            return None
        if section_key(marker.num) != (self.last_section[0] + 1, (), ""):
            return None
        return replace(marker, end=prefix.end() + marker.end)

    # Markers ---------------------------------------------------------------------------------

    def _place(self, line: Line, marker: Marker) -> bool:
        """Open the provision `marker` starts, or say (False) that the line is only text."""
        handlers: dict[str, Callable[[Line, Marker], bool]] = {
            "big": self._big_unit,
            "schedule": self._schedule,
            "section": self._section,
            "item": lambda line, marker: self._item(line, marker, 0),
            "explanation": self._explanation,
            "illustration": self._illustration,
            "proviso": self._proviso,
        }
        return handlers[marker.family](line, marker)

    def _big_unit(self, line: Line, marker: Marker) -> bool:
        order = self.scope.order
        if marker.kind not in order:
            order.append(marker.kind)
        level = order.index(marker.kind)
        self._pop_until(lambda node: node.kind in order and order.index(node.kind) < level)
        node = self._open(marker.kind, marker.num, line.start, headed=True)
        node.heading = line.text[marker.end :].strip() or self._next_line_heading(line)
        self.unit_lines.add(line.index)
        return True

    def _schedule(self, line: Line, marker: Marker) -> bool:
        self.scope = _Scope(self.root)
        self._pop_until(lambda node: node is self.root)
        node = self._open("schedule", marker.num, line.start, headed=True)
        heading_line = self._next_line(line)
        if heading_line is not None and _SCHEDULE_CITATION.match(heading_line.text):
            heading_line = self._next_line(heading_line)
        node.heading = line.text[marker.end :].strip(" -–—―:.") or (
            self._heading_line(heading_line) if heading_line else ""
        )
        self.scope = _Scope(node)
        self.unit_lines.add(line.index)
        return True

    def _section(self, line: Line, marker: Marker) -> bool:
        in_schedule = self.scope.container is not self.root
        if not in_schedule and not self._accepts_section(line, marker):
            if marker.readings and self.section_style not in ("", "plain"):
                return self._item(line, marker, 0)
            return False
        if not in_schedule:
            self.section_style = self.section_style or marker.style
            self.last_section = section_key(marker.num)
            self.gap_since_section = False
        self._pop_until(lambda node: node.kind in BIG_UNITS)
        kind = "paragraph" if in_schedule and marker.style == "plain" else marker.kind
        self.unit_lines.add(line.index)
        self._open_unit(kind, marker, line)
        return True

    def _accepts_section(self, line: Line, marker: Marker) -> bool:
        """Whether a section number continues the statute's sections (same style, further on)."""
        if self.section_style and marker.style != self.section_style:
            return False
        if self.last_section is None:
            return True
        key = section_key(marker.num)
        if key <= self.last_section:
            return False
        jump = key[0] - self.last_section[0]
        return marker.style != "plain" or jump <= MAX_SECTION_JUMP or self.gap_since_section

    def _item(self, line: Line, marker: Marker, offset: int) -> bool:
        if self._absorbs(marker):
            return True
        place = self._item_place(marker, offset)
        if place is None:
            return False
        parent, reading = place
        self._pop_until(lambda node: node is parent)
        kind = item_kind(self._numbered_ancestor_kind(parent), reading.style, self._us_style())
        node = self._open(kind, marker.num, line.start + offset, reading)
        self._read_body(node, line, offset + marker.end)
        return True

    def _explanation(self, line: Line, marker: Marker) -> bool:
        self._pop_until(self._explains)
        node = self._open("explanation", marker.num, line.start)
        self._read_body(node, line, marker.end)
        return True

    def _illustration(self, line: Line, marker: Marker) -> bool:
        self._pop_until(self._explains)
        node = self._open("illustration", "", line.start)
        self.absorbing = _Absorbing(node)
        return True

    def _proviso(self, line: Line, marker: Marker) -> bool:
        """A proviso stands beside an earlier proviso, or under the provision it qualifies: the
        list item ending in ":" just above ("(d) …: Provided that"), else the provision that
        holds the list just read."""
        if self._absorbing_into(self.stack[-1]):
            return False
        earlier = next((node for node in reversed(self.stack) if node.kind == "proviso"), None)
        if earlier is not None:
            self._pop_until(lambda node: node is earlier.parent)
        elif not (self.previous and self.previous.text.endswith(":")):
            self._pop_until(lambda node: node.kind != "wrapup" and not _is_list_item(node))
        self._open("proviso", "", line.start)
        return True

    # Where list items go ---------------------------------------------------------------------

    def _item_place(self, marker: Marker, offset: int) -> tuple[Node, Reading] | None:
        """The parent of a new list item and the reading of its number, or None for text.

        CASE 1: it follows an open item (deepest first): a sibling of that item — unless the
        line above announced a list ("… by means of—") and the number can start one: a child.
        CASE 2: its number starts a list ((1), (a), (i), First): a child of the open provision.
        CASE 3: after text left out, or as the first list of a provision, any number starts one.
        """
        top = self.stack[-1]
        starts = next((reading for reading in marker.readings if is_first(reading)), None)
        announced = (
            offset == 0 and self.previous is not None and introduces_list(self.previous.text)
        )
        continued = self._continued(marker)
        if continued is not None and not (starts and announced and continued[0] is top):
            return continued[0].parent, continued[1]
        container = top.parent if top.kind == "wrapup" else top
        if starts is not None:
            return container, starts
        if offset == 0 and (self._after_gap() or container.last_numbered_child() is None):
            return container, marker.readings[0]
        return None

    def _continued(self, marker: Marker) -> tuple[Node, Reading] | None:
        """The open item this marker's number follows, and the reading that follows it.

        The number that comes next wins, at the deepest level that has one; failing that, a
        number close after (a marker in between was lost).
        """
        gap = self._after_gap()
        for test in (lambda a, b: follows(a, b, gap), follows_closely):
            for candidate in self._continuation_candidates():
                for reading in marker.readings:
                    if candidate.reading and test(candidate.reading, reading):
                        return candidate, reading
        return None

    def _continuation_candidates(self) -> Iterator[Node]:
        """Open items, deepest first, each preceded by its last item child (closed by a wrap-up,
        an explanation or a proviso, it may still be followed)."""
        seen: set[int] = set()
        for node in reversed(self.stack):
            for candidate in (node.last_numbered_child(), node):
                if candidate is not None and candidate.reading and id(candidate) not in seen:
                    seen.add(id(candidate))
                    yield candidate

    def _absorbs(self, marker: Marker) -> bool:
        """Whether an item belongs to the list of the definition or illustration being read.

        It does unless its number follows an item outside the definition ("(b)" after the
        definition "(a) 'coercion' means … (i) … (iv)"): a number that follows the definition's
        own list or starts one opens a level of that list; any other number is text too.
        """
        absorbing = self.absorbing
        if absorbing is None or absorbing.holder is not self.stack[-1]:
            return False
        gap = self._after_gap()
        for depth in range(len(absorbing.levels) - 1, -1, -1):
            reading = _following(absorbing.levels[depth], marker.readings, gap)
            if reading is not None:
                absorbing.levels[depth:] = [reading]
                return True
        starts = next((reading for reading in marker.readings if is_first(reading)), None)
        announced = self.previous is not None and introduces_list(self.previous.text)
        if self._continued(marker) is not None and not (starts and announced):
            return False
        if starts is not None:
            absorbing.levels.append(starts)
        return True

    # Text lines ------------------------------------------------------------------------------

    def _text_line(self, line: Line) -> None:
        top = self.stack[-1]
        if self._absorbing_into(top):
            return
        if is_definition(line.text):
            self._absorb_into(top)
        elif self._closes_list(line, top):
            self._pop_until(lambda node: node is top.parent)
            self._open("wrapup", "", line.start)
        elif line.index not in self.heading_lines:
            self.text_lines.add(line.index)

    def _closes_list(self, line: Line, top: Node) -> bool:
        """A lower-case line after a finished list item: "…; or (b) …,  commits an offence"."""
        if not _is_list_item(top) or self.previous is None:
            return False
        return starts_lowercase(line.text) and ends_list_item(self.previous.text)

    def _absorb_into(self, holder: Node) -> None:
        holder.holds_definitions = True
        self.absorbing = _Absorbing(holder)

    def _absorbing_into(self, node: Node) -> bool:
        return self.absorbing is not None and self.absorbing.holder is node

    # Units: headings and the rest of their line -----------------------------------------------

    def _open_unit(self, kind: str, marker: Marker, line: Line) -> None:
        """Open a section-level unit with its heading (same line, line before, or next line), then
        read the rest of its line."""
        rest = line.text[marker.end :]
        heading, body_at = split_heading(rest, alone=self._more_text_follows(line))
        above = self.previous if not heading and self._heading_before(line) else None
        node = self._open(kind, marker.num, above.start if above else line.start, headed=True)
        if heading:
            node.heading = heading
        elif above is not None:
            node.heading = above.text
        elif not rest:
            node.heading = self._next_line_heading(line)
        self._read_body(node, line, marker.end + body_at)

    def _read_body(self, node: Node, line: Line, offset: int) -> None:
        """The text after a marker: a list item starting on the same line, or a definition."""
        body = line.text[offset:]
        if not body:
            return
        marker = read_marker(body)
        if marker is not None and marker.family == "item" and any(map(is_first, marker.readings)):
            self._item(line, marker, offset)
        elif is_definition(body):
            self._absorb_into(node)

    def _more_text_follows(self, line: Line) -> bool:
        """Whether the unit on `line` has more lines before the next section or big unit."""
        following = self._next_line(line)
        if following is None:
            return False
        marker = read_marker(following.text)
        return marker is None or marker.family not in ("section", "big", "schedule")

    def _heading_before(self, line: Line) -> bool:
        """Whether the line above a section is its heading ("Trafficking in persons" / "5. (1) …").

        It must be a plain line of text that reads as a heading, not end with a full stop, and
        stand after a finished sentence or a unit's heading.
        """
        above = self.previous
        if above is None or above.index not in self.text_lines or above.start <= self.last_start:
            return False
        if not is_title_like(above.text, max_words=12) or above.text.endswith("."):
            return False
        before = self.lines[above.index - 1] if above.index > 0 else None
        if before is None or before.index in self.heading_lines or before.index in self.unit_lines:
            return True
        return ends_list_item(before.text)

    def _next_line_heading(self, line: Line) -> str:
        """The line after a unit's number, when it is a heading ("PART I" / "PRELIMINARY")."""
        following = self._next_line(line)
        return self._heading_line(following) if following is not None else ""

    def _heading_line(self, following: Line) -> str:
        """`following` as the heading of the unit above it, if it reads as one."""
        if read_marker(following.text) is not None:
            return ""
        if not is_title_like(following.text, max_words=20):
            return ""
        self.heading_lines.add(following.index)
        return following.text

    # The stack ---------------------------------------------------------------------------------

    def _open(
        self, kind: str, num: str, start: int, reading: Reading | None = None, headed: bool = False
    ) -> Node:
        node = self.stack[-1].add(Node(kind, num, start=start, reading=reading, headed=headed))
        self.stack.append(node)
        self.absorbing = None
        self.last_start = start
        return node

    def _pop_until(self, stop: Callable[[Node], bool]) -> None:
        """Close provisions until `stop` holds for the innermost one (never past the scope)."""
        while len(self.stack) > 1 and not stop(self.stack[-1]):
            if self.stack[-1] is self.scope.container:
                break
            self.stack.pop()

    def _explains(self, node: Node) -> bool:
        """Whether an explanation or illustration may stand under `node`."""
        return node.kind in (*SECTION_LEVEL, "subsection") or node.holds_definitions

    def _numbered_ancestor_kind(self, node: Node) -> str | None:
        """The kind of the nearest section, article or list item at or above `node`."""
        while node is not None:
            if node.kind in SECTION_LEVEL or node.kind in LIST_LADDER:
                return node.kind
            node = node.parent
        return None

    def _us_style(self) -> bool:
        return self.section_style == "us"

    def _after_gap(self) -> bool:
        return self.previous is not None and is_gap(self.previous.text)

    def _next_line(self, line: Line) -> Line | None:
        index = line.index + 1
        return self.lines[index] if index < len(self.lines) else None


def _is_list_item(node: Node) -> bool:
    """A numbered item of a list ("(a)", "(ii)", "Secondly"), which a wrap-up or proviso closes."""
    return node.kind in LIST_ITEMS and node.reading is not None


def _following(previous: Reading, readings: tuple[Reading, ...], gap: bool) -> Reading | None:
    """The reading among `readings` that follows `previous`, if any."""
    return next((reading for reading in readings if follows(previous, reading, gap)), None)


def build_tree(lines: list[Line]) -> Node:
    """The provision tree of a statute given as its non-blank lines (see `split_lines`)."""
    return TreeBuilder(lines).build()
