"""Find cross-references in a statute's plain text and resolve them to provisions.

Runs on the Document text before any defined-term markup, because "section" or "this Act" may
themselves be defined terms. A citation is read with a small grammar, in the spirit of Indigo's:

    UNIT ITEM ((, | and | or | to) [UNIT] ITEM)* (of [the] UNIT ITEM)* [of this Act | of STATUTE]

    section 5(2)(a)                       -> sec_5__subsec_2__para_a
    sections 3 to 7                       -> every section from 3 to 7, in document order (5A too)
    sections 12, 13 and 14                -> three targets
    subsection (3)                        -> subsection 3 of the section the citation sits in
    paragraphs (a) to (c)                 -> a, b and c, beside the citing provision
    paragraph (b) of subsection (2)       -> subsection 2 first, then its paragraph (b)
    paragraphs 6(2)(b) to (m)             -> sec_6__subsec_2__para_b ... para_m
    Part III, this Part, First Schedule   -> part_3, the enclosing Part, the first schedule
    the preceding subsection              -> the subsection before the citing one
    section 12 of the Immigration Act, 2003  -> external: ("Immigration Act, 2003", ("sec_12",))
    the Children Act (Cap. 141)           -> external, the whole Act: ("Children Act (Cap. 141)", ())

Internal citations resolve to real eids; an unresolved one keeps the reason ("no such provision",
"ambiguous"). External ones keep the statute's name as printed and eids built from the printed
numbers (AKN aliases guessed from the marker style; the graph matches them by number, not alias),
with reason "external statute": the graph resolves them across the framework.

`qualifier` is the wording just before a citation that gives it legal force (see `_QUALIFIERS`).
Not references: a provision's own number and heading ("Section 5:", "Amendment of section 2"),
"this Act" and "this section" (the citing provision's own context), words quoted by an amending
instruction (the words “subsection (1)”), editor's notes ("[[MISSING: ...]]") and a statute
naming itself in its short title.

In an amending section ("Section 25 of the principal Act is amended— (b) in subsection (1) ..."),
citations are read against the statute being amended; relative ones hang below the provision the
instruction names. Text the section inserts (quoted lines) speaks as that statute too, but is first
resolved in the amending statute, since an Act like the Philippines' RA 11862 quotes its own
consolidated sections. Elsewhere in an amending Act, a citation it cannot resolve in itself (a
saving clause's "paragraphs 6(2)(n) and (o)") is read against the statute it mostly amends.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lexcheck.structure.definitions import SPELLED_ORDINALS
from lexcheck.structure.eids import ALIASES
from lexcheck.structure.kinds import BIG_UNITS, SECTION_LEVEL
from lexcheck.structure.model import Provision, Reference

# --- units and their numbers ----------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A kind of provision as citations name it: the tree kinds it matches, first one preferred.

    A top unit (section, Part, Schedule ...) is found anywhere in the statute, a sub-unit
    ("subsection (3)") near the citation.
    """

    kinds: tuple[str, ...]
    absolute: bool

    @property
    def alias(self) -> str:
        return ALIASES.get(self.kinds[0], self.kinds[0])


_UNITS = {
    "section": Unit(("section", "article"), True),
    "article": Unit(("article", "section"), True),
    "part": Unit(("part",), True),
    "chapter": Unit(("chapter",), True),
    "schedule": Unit(("schedule",), True),
    "subsection": Unit(("subsection",), False),
    "paragraph": Unit(("paragraph",), False),
    "clause": Unit(("paragraph", "clause"), False),  # Indian "clause (a)" is a paragraph
    "subparagraph": Unit(("subparagraph",), False),
    "subclause": Unit(("subparagraph", "subclause"), False),
}
_BY_ALIAS = {unit.alias: unit for unit in _UNITS.values()}
_TOP_KINDS = {*BIG_UNITS, *SECTION_LEVEL, "schedule", "preface"}
_ORDINALS = SPELLED_ORDINALS[1:11]  # a schedule is cited as the First to the Tenth
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def unit_of(word: str) -> Unit:
    """The unit a printed word names: "Sub-sections" -> subsection, "Parts" -> part."""
    key = word.lower().replace("-", "")
    return _UNITS[key[:-1] if key.endswith("s") and key[:-1] in _UNITS else key]


def number_key(num: str, kind: str = "") -> str:
    """A provision number in the form two printings of it share.

    >>> [number_key(n) for n in ("5A", "26-A", " (b) ", "60k")]
    ['5a', '26a', 'b', '60k']
    >>> [number_key(n, "part") for n in ("III", "Ia", "3", "V-A")], number_key("First", "schedule")
    (['3', '1a', '3', '5a'], '1')
    """
    key = re.sub(r"[\s().\-]", "", num.lower())
    if key in _ORDINALS:
        return str(_ORDINALS.index(key) + 1)
    roman = re.fullmatch(r"([ivxlc]+)([a-z]?)", key)
    if roman and kind in {"part", "chapter", "schedule", "division"}:
        return f"{_roman_value(roman.group(1))}{roman.group(2)}"
    return key


def _roman_value(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


@dataclass(frozen=True)
class Step:
    """One level of a citation path: a provision of one of `kinds` numbered `num`.

    `kinds` None matches any unit below section level (a bare "(2)" pinpoint); `num` None matches
    the only provision of its kind ("the Schedule").
    """

    kinds: tuple[str, ...] | None
    num: str | None
    alias: str

    def matches(self, provision: Provision) -> bool:
        if self.kinds is None:
            kind_ok = provision.kind not in _TOP_KINDS
        else:
            kind_ok = provision.kind in self.kinds
        if not kind_ok:
            return False
        return self.num is None or number_key(provision.num, provision.kind) == number_key(
            self.num, provision.kind
        )

    def loosened(self) -> Step:
        """The same step for any sub-section unit: parsers differ on subsection vs paragraph."""
        return self if self.kinds is None or self.absolute else replace(self, kinds=None)

    @property
    def absolute(self) -> bool:
        return self.kinds is not None and bool(set(self.kinds) & _TOP_KINDS)


def steps_to_eid(steps: list[Step]) -> str:
    """The AKN-style eid a citation path names: [sec 12, (3)] -> "sec_12__subsec_3"."""
    return "__".join(f"{s.alias}_{s.num}" if s.num else s.alias for s in steps)


def steps_from_eid(eid: str) -> list[Step]:
    """The citation path an eid spells, for resolving an external target in another statute.

    >>> [(s.kinds, s.num) for s in steps_from_eid("sec_12__subsec_3")]
    [(('section', 'article'), '12'), (None, '3')]
    """
    steps = []
    for part in eid.split("__"):
        alias, _, num = part.partition("_")
        unit = _BY_ALIAS.get(alias)
        kinds = unit.kinds if unit and (unit.absolute or not steps) else None
        steps.append(Step(kinds, num or None, alias))
    return steps


# --- the provision tree, indexed ------------------------------------------------------------


class ProvisionIndex:
    """Lookups over one statute's provision tree: parents, document order, citation paths."""

    def __init__(self, provisions: list[Provision]) -> None:
        self.roots = provisions
        self.order = [p for top in provisions for p in top.walk()]
        self._parent: dict[int, Provision | None] = {id(p): None for p in provisions}
        for provision in self.order:
            for child in provision.children:
                self._parent[id(child)] = provision
        self._by_eid = {p.eid: p for p in reversed(self.order)}

    def by_eid(self, eid: str) -> Provision | None:
        return self._by_eid.get(eid)

    def parent(self, provision: Provision) -> Provision | None:
        return self._parent.get(id(provision))

    def ancestors(self, provision: Provision) -> list[Provision]:
        """The provisions enclosing `provision`, innermost first."""
        chain = []
        parent = self.parent(provision)
        while parent is not None:
            chain.append(parent)
            parent = self.parent(parent)
        return chain

    def own_ranges(self, provision: Provision) -> list[tuple[int, int]]:
        """The stretches of text the provision holds itself: its span minus its children's."""
        ranges, cursor = [], provision.span[0]
        for child in provision.children:
            if child.span[0] > cursor:
                ranges.append((cursor, child.span[0]))
            cursor = max(cursor, child.span[1])
        if cursor < provision.span[1]:
            ranges.append((cursor, provision.span[1]))
        return ranges

    def enclosing(self, provision: Provision, kinds: set[str]) -> Provision | None:
        """The provision itself or its nearest ancestor of one of `kinds`."""
        return next((p for p in [provision, *self.ancestors(provision)] if p.kind in kinds), None)

    def resolve(self, steps: list[Step], source: Provision | None = None) -> list[Provision]:
        """The provisions a citation path names, from `source` for a relative one.

        An absolute path starts anywhere in the statute; a relative one ("subsection (3)") starts
        at the citing provision and climbs no higher than its section. Each later step is looked
        for among the descendants nearest the previous one.
        """
        found = self._first(steps[0], source)
        for step in steps[1:]:
            if len(found) != 1:
                break
            found = self._nearest_descendants(found[0].children, step)
        return found

    def _first(self, step: Step, source: Provision | None) -> list[Provision]:
        if step.absolute:
            found = [p for p in self.order if step.matches(p)]
            if len(found) > 1 and source is not None:
                # "section 3" cited in the body is the body's, not a schedule's paragraph 3.
                home = [p for p in found if self._schedule(p) is self._schedule(source)]
                found = home if len(home) == 1 else found
            return found
        for anchor in self._relative_anchors(source):
            found = self._nearest_descendants(anchor, step)
            if found:
                return found
        return []

    def _schedule(self, provision: Provision) -> Provision | None:
        return self.enclosing(provision, {"schedule"})

    def _relative_anchors(self, source: Provision | None) -> Iterator[list[Provision]]:
        if source is None:
            yield self.roots
            return
        for provision in [source, *self.ancestors(source)]:
            yield provision.children
            if provision.kind in _UNITS["section"].kinds:
                return
        yield self.roots

    def _nearest_descendants(self, level: list[Provision], step: Step) -> list[Provision]:
        """The matches at the shallowest depth below `level` (exact kind first, then loosened)."""
        for candidate in (step, step.loosened()):
            current = level
            while current:
                found = [p for p in current if candidate.matches(p)]
                if found:
                    return found
                current = [c for p in current for c in p.children]
        return []

    def between(self, first: Provision, last: Provision) -> list[Provision]:
        """A range's members: siblings from `first` to `last`, or same-kind provisions between."""
        parent = self.parent(first)
        if parent is self.parent(last):
            pool = parent.children if parent is not None else self.roots
        else:
            pool = [p for p in self.order if p.kind == first.kind]
        ids = [id(p) for p in pool]
        if id(first) not in ids or id(last) not in ids:
            return []
        start, end = ids.index(id(first)), ids.index(id(last))
        return pool[start : end + 1] if start <= end else []

    def previous_of_kind(self, provision: Provision) -> Provision | None:
        """The provision of the same kind just before this one (a sibling, or in document order)."""
        parent = self.parent(provision)
        pool = parent.children if parent is not None else self.roots
        if provision.kind in _TOP_KINDS:
            pool = self.order
        earlier = pool[: [id(p) for p in pool].index(id(provision))]
        return next((p for p in reversed(earlier) if p.kind == provision.kind), None)


# --- the grammar ------------------------------------------------------------------------------

_UNIT_WORD = (
    r"[Ss]ub-?sections?|[Ss]ub-?paragraphs?|[Ss]ub-?clauses?|[Ss]ections?|[Pp]aragraphs?"
    r"|[Cc]lauses?|[Aa]rticles?"
    r"|Parts?|Chapters?|chapters?|Schedules?"  # "PART II" in capitals is a heading, not a citation
)
_SECTION_NUM = r"\d+[A-Za-z]{0,3}(?:-[A-Za-z]{1,2})?(?![\w-])"
_ROMAN_NUM = r"[IVXLC]+(?:-?[A-Za-z])?(?![\w-])"
_PINS = r"(?:\(\s*[0-9A-Za-z]{1,5}\s*\))+"
_ITEM = rf"(?:(?:{_SECTION_NUM}|{_ROMAN_NUM})(?:[ ]?{_PINS})?|{_PINS})"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or|to)\s+)"
_CITATION = re.compile(
    rf"\b(?P<unit>{_UNIT_WORD})\s+(?P<items>{_ITEM}(?:{_SEP}(?:(?:{_UNIT_WORD})\s+)?{_ITEM})*)"
)
_ITEM_TOKEN = re.compile(rf"(?P<sep>{_SEP})?(?:(?P<unit>{_UNIT_WORD})\s+)?(?P<item>{_ITEM})")
_ITEM_PARTS = re.compile(rf"(?P<head>{_SECTION_NUM}|{_ROMAN_NUM})?[ ]?(?P<pins>{_PINS})?")
_OUTER = re.compile(rf"\s+of\s+(?:the\s+)?(?P<unit>{_UNIT_WORD})\s+(?P<item>{_ITEM})")
_OUTER_SCHEDULE = re.compile(
    rf"\s+(?:of|to|in)\s+(?:the|that)\s+(?:(?P<ord>{'|'.join(_ORDINALS)})\s+)?Schedule\b",
    re.IGNORECASE,
)
_THIS_ACT = re.compile(
    r"\s+(?:of|in|under|to)\s+this\s+(?:Act|Code|Sanhita|Ordinance|Law|Part|Chapter|section"
    r"|subsection|sub-section)\b|\s+hereof\b"
)
_OF_STATUTE = re.compile(r"\s+(?:of|in|under|to)\s+(?:the\s+)?")
_THIS_UNIT = re.compile(r"\bthis\s+(?P<unit>Part|Chapter|Schedule|Division)\b")
_PRECEDING = re.compile(
    r"\b(?:the\s+)?(?:last\s+)?(?:preceding|foregoing)\s+(?P<unit>sub-?section|section|paragraph"
    r"|sub-?paragraph|clause|Part|Chapter)\b",
    re.IGNORECASE,
)
_ORDINAL_SCHEDULE = re.compile(
    rf"\b(?:the\s+)?(?P<ord>{'|'.join(o.capitalize() for o in _ORDINALS)})\s+Schedule\b"
    r"|\bthe\s+Schedule\b"
)

# --- statute names ----------------------------------------------------------------------------

_ACT_WORD = re.compile(
    r"\b(?:Act|Code|Ordinance|Decree|Sanhita|Constitution|Convention|Protocol|Regulations|Rules)\b"
)
_NAME_TOKEN = re.compile(r"\(Amendment\)|[\"“‘']?[A-Z][\w'’.-]*|of|and|in|for|on|against|&")
_CONNECTORS = {"of", "and", "in", "for", "on", "against", "&"}
_NOT_NAME_WORDS = set(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "Any",
        "Every",
        "Each",
        "No",
        "Subject",
        "Notwithstanding",
        "Under",
        "In",
        "Where",
        "When",
        "If",
        "Nothing",
        "Provided",
        "Section",
        "Sections",
        "Part",
        "Parts",
        "Chapter",
        "Schedule",
        "Article",
        "Subsection",
        "Paragraph",
        "Whoever",
        "Save",
        "Except",
        "Without",
        "For",
        "By",
        "Of",
        "And",
        "Or",
        "As",
        "It",
        "Such",
        "Said",
    ]
)
_NAME_NUMBER = re.compile(r"\s+No\.?\s*\d+(?:\s+of\s+\d{4})?")
_NAME_SUBJECT = re.compile(
    r"\s+(?i:on|of|against|for)\s+(?:the\s+)?[A-Z][\w'-]*"
    r"(?:\s+(?:(?:of|and|in|on|the|against|for)\s+)*[A-Z][\w'-]*)*"
)
_NAME_YEAR_AND_CHAPTER = re.compile(
    r"(?:,?\s+(?:of\s+)?\d{4}(?:/\d{2,4})?)?"
    r"(?:\s*\((?:Cap\.?|Chapter)\s*[\w.]+\)|\s*\([IVXLC]+\s+of\s+\d{4}\)|\s*\[Act\s+\d+\]"
    r"|\s*\(Act\s+\d+\s+of\s+\d{4}\))?"
)
_NAMED_BY_SUBJECT = {"Code", "Rules", "Regulations", "Convention", "Protocol"}
_NEEDS_SUBJECT_OR_YEAR = {"Rules", "Regulations"}
_GENERIC_NAME = re.compile(
    r"\b[Tt]he\s+(?P<name>principal\s+(?:Act|Ordinance|Code)|Code|Constitution)\b"
)
# "may be cited as the", "cited as the as the" (a real typo), or inside the quotes of "otherwise
# known as the 'Special Protection of Children Against Abuse, Exploitation ... Act'"
_SELF_NAMING = re.compile(
    r"\b(?:cited\s+as|called|known\s+as|entitled)\b"
    r"(?:[^.;:]{0,12}|\s+(?:the\s+)?[\"“‘'][^\"”’'\n]{0,120})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatuteName:
    """A statute named in the text: `name` as printed (without a leading "the")."""

    start: int
    end: int
    name: str


def find_statute_names(text: str, start: int = 0, end: int | None = None) -> list[StatuteName]:
    """Every statute the text names, in order.

    >>> [n.name for n in find_statute_names("an offence under the Sexual Offences Act (Cap. 63A) "
    ...     "or section 5 of the Code of Criminal Procedure, 1898 (V of 1898)")]
    ['Sexual Offences Act (Cap. 63A)', 'Code of Criminal Procedure, 1898 (V of 1898)']
    >>> [n.name for n in find_statute_names("Subject to the Employment Act, this Act applies.")]
    ['Employment Act']
    """
    end = len(text) if end is None else end
    names: dict[int, StatuteName] = {}
    for match in _ACT_WORD.finditer(text, start, end):
        name = _name_around(text, match, start, end)
        if name is None or _SELF_NAMING.search(text, max(start, name.start - 160), name.start):
            continue
        if name.start not in names or name.end > names[name.start].end:
            names[name.start] = name
    for match in _GENERIC_NAME.finditer(text, start, end):
        name = StatuteName(match.start("name"), match.end("name"), match.group("name"))
        names.setdefault(name.start, name)
    return _outermost(sorted(names.values(), key=lambda n: n.start))


def _outermost(names: list[StatuteName]) -> list[StatuteName]:
    """Drop names inside others: the "Act" of "[Act 670]" inside "... Act 2007 [Act 670]"."""
    kept: list[StatuteName] = []
    for name in names:
        if not kept or name.start >= kept[-1].end:
            kept.append(name)
    return kept


def _name_around(text: str, word: re.Match[str], start: int, end: int) -> StatuteName | None:
    """Grow a statute name left over capitalised words and right over its number, subject, year
    and chapter; a name needs a capitalised word before "Act", a number or a subject."""
    window_start = max(start, word.start() - 160, text.rfind("\n", 0, word.start()) + 1)
    line_end = text.find("\n", word.end())
    end = min(end, line_end if line_end != -1 else end)  # a name never runs over a line end
    tokens = list(re.finditer(r"\S+", text[window_start : word.start()]))
    words: list[re.Match[str]] = []
    for token in reversed(tokens):
        if not _NAME_TOKEN.fullmatch(token.group()) or token.group() in _NOT_NAME_WORDS:
            break
        words.insert(0, token)
        if token.group()[0] in "\"“‘'":
            break  # the opening quote of a quoted name
    while words and words[0].group() in _CONNECTORS:
        words.pop(0)
    if words and words[-1].group() in _CONNECTORS:
        words = []  # "Application of Act", a heading: no name ends in "of"
    cursor = word.end()
    number = _NAME_NUMBER.match(text, cursor, end)
    cursor = number.end() if number else cursor
    subject = _NAME_SUBJECT.match(text, cursor, end)
    if subject and (words or word.group() in _NAMED_BY_SUBJECT):
        cursor = subject.end()
    else:
        subject = None
    if not (words or number or subject):
        return None
    year_and_chapter = _NAME_YEAR_AND_CHAPTER.match(text, cursor, end)
    if word.group() in _NEEDS_SUBJECT_OR_YEAR and not (subject or year_and_chapter.group()):
        return None  # "Orders and Regulations" in a gazette masthead
    cursor = year_and_chapter.end()
    name_start = window_start + words[0].start() if words else word.start()
    name_start += text[name_start] in "\"“‘'"
    return StatuteName(name_start, cursor, text[name_start:cursor])


# --- qualifiers -------------------------------------------------------------------------------

_QUALIFIERS = (
    (
        "notwithstanding",
        r"notwithstanding(?:\s+(?:anything|any\s+provision)(?:\s+to\s+the\s+"
        r"contrary)?(?:\s+contained)?\s+in)?(?:\s+the\s+provisions?\s+of)?",
    ),
    ("subject to", r"subject\s+to(?:\s+the\s+provisions?\s+of)?"),
    ("as defined in", r"as\s+defined\s+(?:in|under|by)"),
    ("within the meaning of", r"within\s+the\s+meaning\s+of"),
    (
        "has the meaning",
        r"ha(?:s|ve)\s+the\s+(?:same\s+)?meanings?(?:\s+(?:assigned|given)"
        r"(?:\s+to\s+(?:it|them))?)?\s+(?:in|by|under|as\s+in)",
    ),
    ("for the purposes of", r"for\s+the\s+purposes?\s+of"),
    ("in accordance with", r"in\s+accordance\s+with(?:\s+the\s+provisions?\s+of)?"),
    ("under", r"(?:under|pursuant\s+to)(?:\s+the\s+provisions?\s+of)?"),
)
_QUALIFIER_PATTERNS = tuple(
    (name, re.compile(rf"\b{pattern}(?:\s+the)?\s*$", re.IGNORECASE))
    for name, pattern in _QUALIFIERS
)


def qualifier_before(text: str, start: int) -> str:
    """The qualifying words right before a citation at `start`, or "".

    >>> qualifier_before("Notwithstanding anything contained in section 5", 37)
    'notwithstanding'
    >>> qualifier_before("established under section 19", 18)
    'under'
    """
    window = text[max(0, start - 80) : start]
    return next((name for name, pattern in _QUALIFIER_PATTERNS if pattern.search(window)), "")


# --- finding citations ------------------------------------------------------------------------


@dataclass
class _Citation:
    """A citation as read, before it is resolved: paths (or ranges of paths) and its statute."""

    source: Provision
    start: int
    end: int
    items: list[tuple[list[Step], list[Step] | None]]
    statute: str | None = None
    special: str = ""  # "this" or "preceding": resolved from the citing provision's position


def find_references(provisions: list[Provision], text: str) -> list[Reference]:
    """Every cross-reference in the statute, in document order, resolved where possible.

    >>> from lexcheck.structure.model import Provision
    >>> t = "3. Offence\\n(1) A person ...\\n(2) Subject to subsection (1), ..."
    >>> s1 = Provision("sec_3__subsec_1", "subsection", "1", "", "(1) A person ...\\n", (11, 28), [1])
    >>> s2 = Provision("sec_3__subsec_2", "subsection", "2", "", t[28:], (28, len(t)), [1])
    >>> sec = Provision("sec_3", "section", "3", "Offence", "3. Offence\\n", (0, len(t)), [1], [s1, s2])
    >>> [(r.raw, r.target_eids, r.qualifier) for r in find_references([sec], t)]
    [('subsection (1)', ('sec_3__subsec_1',), 'subject to')]
    """
    index = ProvisionIndex(provisions)
    names = find_statute_names(text)
    skipped = _skipped_ranges(text)
    citations = []
    for provision in index.order:
        for start, end in index.own_ranges(provision):
            found = _citations_in(text, start, end, provision, names)
            citations.extend(c for c in found if _is_reference(text, c, provision, skipped))
    citations.sort(key=lambda c: c.start)
    amending = _Amendments(index, text, citations)
    return [_to_reference(text, index, citation, amending) for citation in citations]


def _citations_in(
    text: str, start: int, end: int, source: Provision, names: list[StatuteName]
) -> list[_Citation]:
    by_start = {n.start: n for n in names if start <= n.start < end}
    found = list(_structural_citations(text, start, end, source, by_start))
    found += [_positional(m, source, "this") for m in _THIS_UNIT.finditer(text, start, end)]
    found += [_positional(m, source, "preceding") for m in _PRECEDING.finditer(text, start, end)]
    found += [_schedule(m, source) for m in _ORDINAL_SCHEDULE.finditer(text, start, end)]
    found += [_Citation(source, n.start, n.end, [], statute=n.name) for n in by_start.values()]
    return _without_overlaps(found)


def _structural_citations(
    text: str, start: int, end: int, source: Provision, names: dict[int, StatuteName]
) -> Iterator[_Citation]:
    """Section-like citations; the search resumes where one ends, since "subsection 5(3) and
    paragraphs 5(2)(a) to (b)" is two citations the pattern first reads as one list."""
    position = start
    while match := _CITATION.search(text, position, end):
        citation = _structural(text, match, end, source, names)
        position = citation.end if citation else match.end()
        if citation:
            yield citation


def _without_overlaps(citations: list[_Citation]) -> list[_Citation]:
    """Longest first: a section citation swallows the Act name it ends with."""
    kept: list[_Citation] = []
    for citation in sorted(citations, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or citation.start >= kept[-1].end:
            kept.append(citation)
    return kept


def _structural(
    text: str, match: re.Match[str], end: int, source: Provision, names: dict[int, StatuteName]
) -> _Citation | None:
    unit = unit_of(match.group("unit"))
    read = _items(match.group("items"), unit, plural=match.group("unit").lower().endswith("s"))
    if read is None:
        return None
    items, length = read
    citation = _Citation(source, match.start(), match.start("items") + length, items)
    _read_outer_levels(text, citation, end, names)
    return citation


def _items(
    printed: str, unit: Unit, *, plural: bool
) -> tuple[list[tuple[list[Step], list[Step] | None]], int] | None:
    """The paths of "5(2)(a)", "3 to 7", "(1) and (2)", "12, 13 and 14" and where they end.

    After a comma, a singular unit's list goes on with the unit repeated ("section 3, section
    4"), a pinpoint ("section 19(2)(l), (m)") or when "and"/"or" closes it ("section 21, 22, 23
    or 24"): "under section 5, 30 days" is not sections 5 and 30.
    """
    items: list[tuple[list[Step], list[Step] | None]] = []
    committed = (0, 0)  # (items, characters) certainly in the list
    for token in _ITEM_TOKEN.finditer(printed):
        sep = (token.group("sep") or "").strip()
        item = token.group("item")
        if token.group("unit") and unit_of(token.group("unit")) != unit:
            break
        steps = _item_steps(item, unit)
        if items and not steps[0].absolute:
            previous = items[-1][0]  # "30(3), (4)": (4) is also in section 30
            steps = previous[: max(0, len(previous) - len(steps))] + steps
        if sep == "to" and items and items[-1][1] is None:
            items[-1] = (items[-1][0], steps)
        else:
            items.append((steps, None))
        tentative = "," in sep and not (plural or token.group("unit") or item.startswith("("))
        if not tentative:
            committed = (len(items), token.end())
    return (items[: committed[0]], committed[1]) if committed[0] else None


def _item_steps(item: str, unit: Unit) -> list[Step]:
    """ "5(2)(a)" under section -> [sec 5, (2), (a)]; "42(1)" under subsection -> [sec 42, subsec 1].

    The unit word names the head number for a top unit and the last pinpoint for a sub-unit.
    """
    parts = _ITEM_PARTS.fullmatch(item)
    head = parts.group("head") if parts else None
    pins = re.findall(r"\(\s*([0-9A-Za-z]{1,5})\s*\)", parts.group("pins") or "") if parts else []
    steps = []
    if head:
        top = unit if unit.absolute else _UNITS["section"]
        steps.append(Step(top.kinds, head, top.alias))
    for i, pin in enumerate(pins):
        last = i == len(pins) - 1
        if last and not unit.absolute:
            steps.append(Step(unit.kinds, pin, unit.alias))
        else:
            steps.append(Step(None, pin, _pin_alias(pin, pins[i - 1] if i else "")))
    return steps


def _pin_alias(pin: str, previous: str) -> str:
    """AKN alias guessed from a pinpoint's style: (2) subsec, (a) para, (ii) after a letter subpara."""
    if pin.isdigit():
        return "subsec"
    if re.fullmatch(r"[ivx]+", pin) and previous and not previous.isdigit():
        return "subpara"
    return "para"


def _read_outer_levels(
    text: str, citation: _Citation, end: int, names: dict[int, StatuteName]
) -> None:
    """Extend a citation over "of subsection (2)", "of section 5", "of the Schedule", then over
    "of this Act" (nothing to record: it is internal anyway) or "of the X Act" (external)."""
    while True:
        if outer := _OUTER.match(text, citation.end, end):
            _nest_below(citation, _item_steps(outer.group("item"), unit_of(outer.group("unit"))))
        elif schedule := _OUTER_SCHEDULE.match(text, citation.end, end):
            unit = _UNITS["schedule"]
            _nest_below(citation, [Step(unit.kinds, _ordinal(schedule.group("ord")), unit.alias)])
        else:
            break
        citation.end = (outer or schedule).end()
    if this_act := _THIS_ACT.match(text, citation.end, end):
        citation.end = this_act.end()
    elif (joint := _OF_STATUTE.match(text, citation.end, end)) and joint.end() in names:
        name = names[joint.end()]
        citation.end, citation.statute = name.end, name.name


def _nest_below(citation: _Citation, prefix: list[Step]) -> None:
    citation.items = [(prefix + a, prefix + b if b else None) for a, b in citation.items]


def _ordinal(word: str | None) -> str | None:
    """ "Second" -> "2"; None (no ordinal: "the Schedule") stays None."""
    return str(_ORDINALS.index(word.lower()) + 1) if word else None


def _positional(match: re.Match[str], source: Provision, special: str) -> _Citation:
    """ "this Part" or "the preceding subsection": resolved from where the citation stands."""
    unit = unit_of(match.group("unit"))
    path = [Step(unit.kinds, None, unit.alias)]
    return _Citation(source, match.start(), match.end(), [(path, None)], special=special)


def _schedule(match: re.Match[str], source: Provision) -> _Citation:
    unit = _UNITS["schedule"]
    path = [Step(unit.kinds, _ordinal(match.group("ord")), unit.alias)]
    return _Citation(source, match.start(), match.end(), [(path, None)])


# --- what is not a reference ------------------------------------------------------------------

_OPEN_QUOTES = "\"“‘'"
_CLOSE_QUOTES = "\"”’'"


_EDITORIAL_NOTE = re.compile(
    r"\[\[.*?\]\]"
    r"|\[(?:Act\s+No\.|L\.N\.|Am\.|Ins\.|Rep\.|Sub\.|Reprinted|Inserted|Amended|Repealed"
    r"|Substituted)[^\]\n]*\]",
    re.DOTALL,
)


def _skipped_ranges(text: str) -> list[tuple[int, int]]:
    """Editor's notes are not statute text: "[[MISSING: ...]]", and the amendment notes of a
    revised edition, "[Act No. 6 of 2025, s. 3.]"."""
    return [(m.start(), m.end()) for m in _EDITORIAL_NOTE.finditer(text)]


def _is_reference(
    text: str, citation: _Citation, source: Provision, skipped: list[tuple[int, int]]
) -> bool:
    """False for editor's notes, the provision's own number or heading, and quoted words."""
    if any(a <= citation.start < b for a, b in skipped):
        return False
    if _is_own_number(text, citation, source) or _in_heading(text, citation, source):
        return False
    before = text[citation.start - 1 : citation.start]
    after = text[citation.end : citation.end + 1]
    return not (before and after and before in _OPEN_QUOTES and after in _CLOSE_QUOTES)


def _is_own_number(text: str, citation: _Citation, source: Provision) -> bool:
    """ "Section 5:" or "PART III" opening the provision numbered so."""
    if text[source.span[0] : citation.start].strip(" \t\n" + _OPEN_QUOTES):
        return False
    first_step = citation.items[0][0][0] if citation.items else None
    return first_step is not None and number_key(first_step.num or "", source.kind) == number_key(
        source.num, source.kind
    )


def _in_heading(text: str, citation: _Citation, source: Provision) -> bool:
    """Inside the heading printed at the top of the provision ("2. Amendment of section 2")."""
    if not source.heading:
        return False
    at = text.find(source.heading, source.span[0], source.span[0] + 80 + len(source.heading))
    return at != -1 and at <= citation.start < at + len(source.heading)


# --- resolving --------------------------------------------------------------------------------


_AMENDING = re.compile(
    r"\b(?:(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?|shall\s+be\s+)"
    r"(?:amended|deleted|omitted|substituted|inserted)\b"
)


class _Amendments:
    """The amending instructions of a statute and the text they insert.

    A provision amends when its own text says "... is amended" / "shall be omitted" and cites
    another statute; that first citation is its instruction. "Subsection 6(2) of the principal Act
    is amended— (a) by deleting paragraph (c)": "paragraph (c)" hangs below the instruction.
    """

    def __init__(self, index: ProvisionIndex, text: str, citations: list[_Citation]) -> None:
        self._index = index
        self.amended: _Citation | None = None  # the statute most instructions amend
        self._instructions: dict[int, _Citation] = {}
        self._inserted: list[tuple[int, int, _Citation]] = []
        for citation in citations:
            source = citation.source
            if citation.statute is None or id(source) in self._instructions:
                continue
            if any(_AMENDING.search(text, a, b) for a, b in index.own_ranges(source)):
                self._instructions[id(source)] = citation
                for start, end in inserted_ranges(text, (citation.end, source.span[1])):
                    self._inserted.append((start, end, citation))
        if self._instructions:
            counts = Counter(c.statute for c in self._instructions.values())
            top = counts.most_common(1)[0][0]
            self.amended = next(c for c in self._instructions.values() if c.statute == top)

    def instruction(self, citation: _Citation) -> tuple[_Citation | None, bool]:
        """The instruction `citation` falls under (None outside amending text), and whether it
        stands in text the instruction inserts."""
        for start, end, instruction in self._inserted:
            if start <= citation.start < end:
                return instruction, True
        chain = [citation.source, *self._index.ancestors(citation.source)]
        for provision in chain:
            if id(provision) in self._instructions:
                return self._instructions[id(provision)], False
            if provision.kind in _UNITS["section"].kinds:
                break
        return None, False


_CLOSING_LINE = re.compile(r"[”\"][\W]*(?:\s(?:and|or))?$")


def inserted_ranges(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The lines an amending provision quotes as new text, from `span` on.

    An insertion opens on a line starting with a double quote and closes on the line ending with
    one (punctuation, "; and" allowed after it); it may run past the end of `span`, since a
    parser may read a quoted "18a. ..." as a provision of its own.

    >>> t = 'amended by inserting:\\n“(2) The Secretary ...;\\n(3) A member ...”; and\\n(b) by ...'
    >>> [t[a:b] for a, b in inserted_ranges(t, (0, len(t)))]
    ['“(2) The Secretary ...;\\n(3) A member ...”; and\\n']
    """
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    offset = text.rfind("\n", 0, span[0]) + 1
    for line in text[offset:].splitlines(keepends=True):
        if offset >= span[1] and opened is None:
            break
        rest = line.strip()
        if opened is None and rest[:1] in ("“", '"') and offset >= span[0] - 1:
            opened, rest = offset, rest[1:]
        if opened is not None and _CLOSING_LINE.search(rest):
            ranges.append((opened, offset + len(line)))
            opened = None
        offset += len(line)
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges


def _to_reference(
    text: str, index: ProvisionIndex, citation: _Citation, amending: _Amendments
) -> Reference:
    """Resolve a citation: external as printed, internal against the tree, amending specially."""
    if citation.statute is not None:
        return _external(text, citation, citation.statute, [])
    instruction, inserted = amending.instruction(citation)
    eids, reason = _resolve_internal(text, index, citation)
    if instruction is not None and (reason or not inserted):
        anchor = instruction.items[0][0] if instruction.items else []
        return _external(text, citation, instruction.statute or "", anchor)
    if reason == "no such provision" and amending.amended is not None and not citation.special:
        # An amending Act's saving clause: "appointed under paragraphs 6(2)(n) and (o)".
        return _external(text, citation, amending.amended.statute or "", [])
    return _reference(text, citation, None, eids, reason)


def _reference(
    text: str, citation: _Citation, statute: str | None, eids: tuple[str, ...], reason: str
) -> Reference:
    return Reference(
        source_eid=citation.source.eid,
        raw=text[citation.start : citation.end],
        span=(citation.start, citation.end),
        target_statute=statute,
        target_eids=eids,
        resolved=statute is None and not reason,
        reason=reason,
        qualifier=qualifier_before(text, citation.start),
    )


def _external(text: str, citation: _Citation, statute: str, anchor: list[Step]) -> Reference:
    """An external citation, eids spelled from the printed numbers; a relative one hangs below
    `anchor` (what an amending instruction names)."""
    eids: list[str] = []
    if not citation.special:
        for first, last in citation.items:
            rooted = [_rooted(anchor, first), _rooted(anchor, last) if last else None]
            eids.extend(steps_to_eid(path) for path in _spell_range(rooted[0], rooted[1]))
    return _reference(text, citation, statute, tuple(eids), "external statute")


def _rooted(anchor: list[Step], path: list[Step]) -> list[Step]:
    return path if path[0].absolute or not anchor else anchor + path


def _spell_range(first: list[Step], last: list[Step] | None) -> list[list[Step]]:
    """ "3 to 7" -> 3, 4, 5, 6, 7 and "(a) to (c)" -> a, b, c; other ranges keep their two ends."""
    if last is None:
        return [first]
    a, b = first[-1].num or "", last[-1].num or ""
    if a.isdigit() and b.isdigit() and int(a) <= int(b):
        values = [str(n) for n in range(int(a), int(b) + 1)]
    elif re.fullmatch(r"[a-z]", a) and re.fullmatch(r"[a-z]", b) and a <= b:
        values = [chr(c) for c in range(ord(a), ord(b) + 1)]
    else:
        return [first, last]
    return [[*first[:-1], replace(first[-1], num=value)] for value in values]


def _resolve_internal(
    text: str, index: ProvisionIndex, citation: _Citation
) -> tuple[tuple[str, ...], str]:
    """The eids an internal citation names, and "" or why it could not be resolved."""
    if citation.special:
        return _resolve_positional(text, index, citation)
    eids: list[str] = []
    reason = ""
    for first, last in citation.items:
        found, why = _resolve_path(index, first, citation.source)
        if last is not None and not why:
            end, why = _resolve_path(index, last, citation.source)
            found = index.between(found[0], end[0]) if not why else []
            why = why or ("" if found else "no such provision")
        eids.extend(p.eid for p in found)
        reason = reason or why
    return tuple(dict.fromkeys(eids)), reason


def _resolve_path(
    index: ProvisionIndex, steps: list[Step], source: Provision
) -> tuple[list[Provision], str]:
    found = index.resolve(steps, source)
    if not found:
        return [], "no such provision"
    if len(found) > 1:
        return [], "ambiguous"
    return found, ""


def _resolve_positional(
    text: str, index: ProvisionIndex, citation: _Citation
) -> tuple[tuple[str, ...], str]:
    """ "this Part" is the enclosing Part; "the preceding subsection" the one before the citing
    one, or, cited from an unnumbered paragraph of a provision, that provision's opening."""
    kinds = set(citation.items[0][0][0].kinds or ())
    enclosing = index.enclosing(citation.source, kinds)
    if enclosing is None:
        return (), "no such provision"
    if citation.special == "this":
        return (enclosing.eid,), ""
    on_first_line = "\n" not in text[enclosing.span[0] : citation.start].rstrip("\n")
    target = index.previous_of_kind(enclosing) if on_first_line else enclosing
    return ((target.eid,), "") if target else ((), "no such provision")
