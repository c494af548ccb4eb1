"""Where the body of a statute begins: everything before it is the preface.

Two things before the body look like provisions and are not:

* a gazette masthead or cover ("THE GAZETTE OF PAKISTAN … PART I"). The body starts after the
  enacting formula ("It is hereby enacted as follows:—", "ENACTED by the Parliament …") or the
  long title ("An Act to …"), whichever comes last before the first section, so a "PART I" of the
  masthead stays in the preface;
* an arrangement of sections (table of contents) listing "1. Short title", "2. Interpretation" ….
  It runs from its heading to the line where the numbering starts again, or to the first line
  that is not an entry of it.
"""

from __future__ import annotations

import re

from lexcheck.structure.lines import Line
from lexcheck.structure.numbering import read_marker, roman_value, section_key

_CONTENTS_HEADING = re.compile(
    r"^(?:ARRANGEMENT OF (?:SECTIONS|CLAUSES|ARTICLES|PROVISIONS|REGULATIONS|RULES)"
    r"|TABLE OF CONTENTS|CONTENTS|Arrangement of (?:Sections|Clauses|Articles)"
    r"|Table of Contents|Contents)\s*$"
)
_ENACTING_FORMULA = re.compile(r"enacted", re.IGNORECASE)
_LONG_TITLE = re.compile(r"^(?:An?|AN?)\s+(?:Act|ACT|Bill|BILL|Ordinance|ORDINANCE)\b")
_FORMULA_ENDS = re.compile(r"(?:[:—–―-]|follows\W*)$")
_MAX_ENTRY_WORDS = 20


def body_start(lines: list[Line]) -> int:
    """The index of the first line of the body (0 when the statute has no preface to skip).

    >>> from lexcheck.structure.lines import split_lines
    >>> body_start(split_lines("GAZETTE\\nPART I\\nAn Act to do things.\\nPART I\\n1. Title"))
    3
    """
    contents_end = _contents_end(lines)
    start = contents_end
    for line in lines[contents_end:]:
        if _is_section(line.text):
            break
        if _is_enacting_formula(line.text) or _LONG_TITLE.match(line.text):
            start = line.index + 1
    return start


def _is_enacting_formula(text: str) -> bool:
    """ "BE IT ENACTED by Parliament as follows:—" and the like (short, ends announcing the body)."""
    return bool(_ENACTING_FORMULA.search(text)) and bool(_FORMULA_ENDS.search(text.rstrip()))


def _contents_end(lines: list[Line]) -> int:
    """The index just after an arrangement of sections, or 0 when there is none.

    The arrangement is a heading printed before the first section, then short entries. It ends
    where a unit it listed is printed again (a marker of a kind already listed whose number is
    not past the first one listed), or at the first line that is not an entry: a long sentence,
    or one that announces what follows ("ENACTED by Parliament as follows—").
    """
    heading = next((line for line in lines if _is_contents_heading(line.text)), None)
    if heading is None or any(_is_section(line.text) for line in lines[: heading.index]):
        return 0
    first_listed: dict[str, tuple] = {}
    for line in lines[heading.index + 1 :]:
        if not _is_contents_entry(line.text):
            return _entries_end(lines, line)
        marker = read_marker(line.text)
        if marker is None or marker.family not in ("big", "section", "schedule"):
            continue
        key = _number_key(marker.num)
        if marker.kind in first_listed and key <= first_listed[marker.kind]:
            return line.index
        first_listed.setdefault(marker.kind, key)
    return 0


def _entries_end(lines: list[Line], line: Line) -> int:
    """Where the arrangement ends, given the first line that is not an entry.

    That line starts the body, unless it is body text straight after a section's number line
    ("2. Interpretation" / "In this Act …—"): then the body starts with that number line. An
    arrangement's last entry is followed by the enacting words or the long title, not by text.
    """
    above = lines[line.index - 1]
    if _is_enacting_formula(line.text) or _LONG_TITLE.match(line.text):
        return line.index
    return above.index if _is_section(above.text) else line.index


def _is_contents_heading(text: str) -> bool:
    return bool(_CONTENTS_HEADING.match(text))


def _is_contents_entry(text: str) -> bool:
    """A line of an arrangement: a unit's number and heading, or a label ("Section", "SCHEDULES")."""
    return len(text.split()) <= _MAX_ENTRY_WORDS and not _FORMULA_ENDS.search(text)


def _is_section(text: str) -> bool:
    marker = read_marker(text)
    return marker is not None and marker.family == "section"


def _number_key(num: str) -> tuple[int, tuple[int, ...], str]:
    """A sortable key for a printed number, arabic ("5A") or roman ("IV")."""
    if num[:1].isdigit():
        return section_key(num)
    return (roman_value(num.lower()), (), num.lower())
