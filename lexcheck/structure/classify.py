"""What statute this is: its title, and its kind (tip, som, immigration, labour, penal, mixed, other).

The title is the printed one ("COUNTER-TRAFFICKING IN PERSONS ACT") when the preface has it, else
the short title the Act gives itself ("This Act may be cited as the … Act, 2018"), else the
ingester's hint. The kind is read from the title first and from the text when the title is silent.
"""

from __future__ import annotations

import re

from lexcheck.ingest.document import Document
from lexcheck.structure.model import Provision

_TITLE_WORDS = re.compile(
    r"\b(?:ACT|CODE|BILL|SANHITA|ORDINANCE|DECREE|PROCLAMATION|LAW|STATUTE|REGULATIONS)\b"
)
_NOT_A_TITLE = re.compile(
    r"^\[?(?:LAWS OF|(?:THE )?GAZETTE|REPUBLIC ACT NO|ACT\s+NO|A BILL$|(?:AN?|THE)\s+(?:ACT|BILL)"
    r"\s+(?:TO|FOR)\b)|EXTRAORDINARY|REGISTERED|PUBLISHED BY",
    re.IGNORECASE,
)
_SHORT_TITLE = re.compile(
    r"(?:may be cited as|may be called|shall be (?:known|cited) as|is to be cited as)\s+"
    r"(?:(?:the|as)\s+)*[\"'“‘]?(?P<title>[A-Z][^\"'”’;\n]*?)[\"'”’]*\s*(?:[.;]|$)",
    re.MULTILINE,
)
_MAX_TITLE_WORDS = 15
_PREFACE_LINES = 40

_KIND_TERMS = (
    ("tip", re.compile(r"traffick", re.I)),
    ("som", re.compile(r"smuggl", re.I)),
    ("immigration", re.compile(r"immigra|citizenship|passport|\baliens?\b|refugee|deport", re.I)),
    ("penal", re.compile(r"penal code|criminal code|\bcrimes act|sanhita|criminal law", re.I)),
    ("labour", re.compile(r"employ|labou?r\b|\bworkers?\b|\bwages?\b", re.I)),
)
_ACT_NAME_SMUGGLING = re.compile(r"anti-?\s*smuggling of migrants", re.I)
_ACT_NAME_TRAFFICKING = re.compile(r"anti-?\s*trafficking in persons", re.I)
_MIXED_MINIMUM = 5
_MIXED_SHARE = 0.2
_CONTENT_MINIMUM = 3


def find_title(document: Document, provisions: list[Provision]) -> str:
    """The statute's title, as printed where possible.

    >>> from pathlib import Path
    >>> from lexcheck.ingest.document import Segment
    >>> text = "LAWS OF KENYA\\nCOUNTER-TRAFFICKING IN PERSONS ACT\\n1. Short title"
    >>> document = Document(Path("t.txt"), "text", text, [Segment(0, len(text), 1)], 1, "0")
    >>> find_title(document, [])
    'COUNTER-TRAFFICKING IN PERSONS ACT'
    """
    preface = provisions[0].text if provisions and provisions[0].kind == "preface" else ""
    candidates = preface.splitlines() if provisions else document.text.splitlines()
    for line in candidates[:_PREFACE_LINES]:
        if _is_printed_title(line.strip()):
            return line.strip()
    short = _SHORT_TITLE.search(document.text)
    if short:
        return short.group("title").strip()
    return document.title_hint.strip() or document.path.stem


def _is_printed_title(line: str) -> bool:
    """A short upper-case line naming an Act, Code or Bill, and not a masthead or Act number."""
    letters = [char for char in line if char.isalpha()]
    if not letters or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    upper_share = sum(char.isupper() for char in letters) / len(letters)
    return upper_share > 0.8 and bool(_TITLE_WORDS.search(line)) and not _NOT_A_TITLE.search(line)


def detect_kind(title: str, text: str) -> str:
    """The statute's kind, from its title when that tells, else from what its text talks about.

    A title that names both trafficking and smuggling makes a `mixed` statute only when the text
    deals with both (an amending Act of the "Anti-Trafficking in Persons and Anti-Smuggling of
    Migrants Act" that only touches trafficking provisions is `tip`).

    >>> detect_kind("Prevention of Trafficking in Persons Act, 2018", "")
    'tip'
    >>> detect_kind("THE INDIAN PENAL CODE, 1860", "trafficking")
    'penal'
    >>> detect_kind("EMPLOYMENT ACT", "")
    'labour'
    """
    named = [kind for kind, terms in _KIND_TERMS if terms.search(title)]
    if "tip" in named or "som" in named:
        return _trafficking_or_smuggling(text, named)
    if named:
        return named[0]
    return _kind_from_content(text)


def _trafficking_or_smuggling(text: str, named: list[str]) -> str:
    """tip, som or mixed, by how much the text deals with each (Act names not counted)."""
    trafficking = len(_KIND_TERMS[0][1].findall(_ACT_NAME_TRAFFICKING.sub("", text)))
    smuggling = len(_KIND_TERMS[1][1].findall(_ACT_NAME_SMUGGLING.sub("", text)))
    if _both_substantial(trafficking, smuggling):
        return "mixed"
    if "tip" in named and "som" in named:
        return "tip" if trafficking >= smuggling else "som"
    return named[0]


def _kind_from_content(text: str) -> str:
    counts = {kind: len(terms.findall(text)) for kind, terms in _KIND_TERMS}
    if _both_substantial(counts["tip"], counts["som"]):
        return "mixed"
    kind, count = max(counts.items(), key=lambda item: item[1])
    return kind if count >= _CONTENT_MINIMUM else "other"


def _both_substantial(first: int, second: int) -> bool:
    if min(first, second) < _MIXED_MINIMUM:
        return False
    return min(first, second) >= _MIXED_SHARE * max(first, second)
