"""Text an amending Act quotes: the sections it inserts into, or substitutes in, another Act.

    4. New section 18a
    The principal Act is amended by inserting after section 18 the following section:
    “18a. Calculation of wages for incomplete month’s work
    (1) ...”.

"18a." and "(1)" here are not provisions of the amending Act: the quotation is text of section 4.
A quotation opens on a line that starts with a quotation mark just after a line announcing the
amendment ("the following section:", "substituted the following—", "to read as follows:"), or in
the middle of such a line ("… is inserted: '360C. …"). It closes on the line that ends with the
closing mark ("…”." / "…”; and"). A quotation whose closing mark was lost ends where the amending
Act's own next section begins.
"""

from __future__ import annotations

import re

_CLOSING_MARKS = {"“": '”"', "‘": "’”'", '"': '"”', "'": "'’", "«": "»"}
"""The marks that may close a quotation opened by each mark (sources mix ‘ with ”)."""
_OPENING_MARKS = "".join(_CLOSING_MARKS)
_ANNOUNCES_AMENDMENT = re.compile(
    r"\b(?:following|follows|insert(?:ed|ing)?|substitut(?:ed|ing|e)|replac(?:ed|ing)|"
    r"add(?:ed|ing)?|amended)\b.*(?:[:—–―]|:-|\s-)\s*$",
    re.IGNORECASE,
)
_INTERPRETATION = re.compile(
    r"^(?:In th(?:is|ese)|For the purposes? of)\b|unless the context", re.I
)
_OPENS_MID_LINE = re.compile(
    r"\b(?:following|follows|inserted|substituted|added)\b[^“‘\"'«]*[:—–―]\s*[“‘\"'«](?=\S)",
    re.IGNORECASE,
)
_AFTER_CLOSING = r"\s*[.;,]?\s*(?:(?:and|or)\s*)?$"


def opens_quotation(previous: str, line: str) -> str:
    """The mark that opens a quotation at the start of `line`, announced by the line before it
    ("" when `line` does not open one).

    >>> opens_quotation("the following section:", "“18a. Calculation of wages")
    '“'
    >>> opens_quotation("In this Act the following words have these meanings:", '"child" means')
    ''
    """
    if line[:1] not in _OPENING_MARKS or _INTERPRETATION.search(previous):
        return ""
    return line[0] if _ANNOUNCES_AMENDMENT.search(previous) else ""


def opens_mid_line(line: str) -> str:
    """The mark of a quotation that opens inside `line` and is still open at its end, or "".

    >>> opens_mid_line("(2) The following new section is inserted: '360C. Offences")
    "'"
    >>> opens_mid_line("(2) the following is inserted: “(aa) fees;”.")
    ''
    """
    match = _OPENS_MID_LINE.search(line)
    if match is None:
        return ""
    mark = line[match.end() - 1]
    return "" if closes_quotation(line[match.end() :], mark) else mark


def closes_quotation(line: str, mark: str) -> bool:
    """Whether `line` ends a quotation opened with `mark`: a closing mark at its end, perhaps
    followed by ".", ";", "; and".

    >>> closes_quotation("Number of days eligible in the wage period.”.", "“")
    True
    >>> closes_quotation("(le) Director of Labour, or his representative;”; and", "“")
    True
    >>> closes_quotation("“(3) For the purposes of this Part, “financial institution” includes—", "“")
    False
    >>> closes_quotation("the 'Special Protection of Children Act'.", '"')
    False
    """
    closers = re.escape(_CLOSING_MARKS.get(mark, mark))
    return len(line) > 1 and bool(re.search(f"[{closers}]{_AFTER_CLOSING}", line))
